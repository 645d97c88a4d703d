"""Who issues the document: the issuing body, its kind and its level, as the record or the text shows it.

What a document may lawfully provide depends on who issues it (the State Council may create licences by
decision and grant tax exemptions; a county department may do neither), so the content rules need the issuer.
It is read, in this order, from:

1. the record (``dossier.issuer``: name, type, level);
2. the 题注 (``……人民政府令第N号公布`` → that government; ``……部令第N号`` → that ministry);
3. the 文号 (国发 → 国务院, 国办发 → 国务院办公厅, X政发 / X府发 → a people's government, X政办发 → its office);
4. the title (``国务院关于……``, ``某县人民政府办公室关于……``);
5. the 落款;
6. the interpretation clause (``本办法由某某局负责解释``: the issuer or the department it charges);
7. whom the text addresses: only a national body writes to 各省、自治区、直辖市 or assigns duties to their
   departments (level 国家, body 国务院部门).

``IssuerReading`` gives ``name``, ``body`` (国务院 | 国务院办公厅 | 国务院部门 | 人民政府 | 政府办公厅 | 工作部门 |
派出机关 | 乡镇街道 | 人大 | 其他), ``level`` (国家 | 省 | 设区的市 | 县 | 乡) and ``source`` (where it was read,
with the words: ``文号“国办发〔2018〕118号”``). Anything that cannot be read stays ``None``: the opinion says once
that the issuer could not be established, instead of assuming a level silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PROVINCES = ("北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西",
             "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾",
             "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门")
MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
# One-character abbreviations used in 文号 (京政发, 沪府发, 粤府, 鲁政发 …).
PROVINCE_ABBREVIATIONS = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀贵黔云滇陕秦甘陇青蒙桂藏宁新"

_PROVINCE = "|".join(PROVINCES)
_GOVERNMENT = re.compile(
    rf"(?P<name>(?:(?:{_PROVINCE})(?:省|市|自治区|维吾尔自治区|回族自治区|壮族自治区|特别行政区)?)?"
    r"(?:[\u4e00-\u9fff]{1,12}?(?:自治州|地区|盟|市|州))?(?:[\u4e00-\u9fff]{1,10}?(?:自治县|自治旗|县|区|旗|市))?"
    r"(?:[\u4e00-\u9fff]{1,8}?(?:乡|镇|街道办事处|街道))?人民政府(?P<office>办公厅|办公室)?)"
)
_DATE = re.compile(r"[\d０-９〇零一二三四五六七八九十]{2,4}年[\d０-９一二三四五六七八九十]{1,2}月[\d０-９一二三四五六七八九十]{1,3}日")
_MINISTRY_ORDER = re.compile(r"(?:中华人民共和国)?(?P<name>[\u4e00-\u9fff、]{2,40}?)令(?:\d{4}年)?第?[\d〇零一二三四五六七八九十百千]+号")
_DEPARTMENT_SUFFIX = re.compile(r"(?:部|委员会|委|总局|局|厅|署|办公室|办|中心|院|行|会)$")
_NATIONAL_DEPARTMENT = re.compile(r"^(?:中华人民共和国|国家|中国|国务院)|^(?:[\u4e00-\u9fff]{1,10}部$)")


@dataclass(frozen=True)
class IssuerReading:
    name: str | None = None
    body: str | None = None
    level: str | None = None
    source: str = ""

    CONDITION_FIELDS = frozenset({"name", "body", "level", "source", "known", "government", "national"})

    @property
    def known(self) -> bool:
        return self.body is not None

    @property
    def government(self) -> bool:
        """A people's government or the State Council itself (not its office or a department)."""
        return self.body in ("国务院", "人民政府")

    @property
    def national(self) -> bool:
        return self.level == "国家"

    def describe(self) -> str:
        """制定机关为“某县市场监督管理局”（县级工作部门，据落款）"""
        if not self.known:
            return "未能确认制定机关"
        level = {"国家": "", "省": "省级", "设区的市": "设区的市级", "县": "县级", "乡": "乡级"}.get(self.level or "", "")
        kind = f"{level}{self.body}" if self.body not in ("国务院", "国务院办公厅") else self.body
        name = f"“{self.name}”" if self.name and self.name != self.body else ""
        return f"制定机关为{name}（{kind}{'，' + self.source if self.source else ''}）"


_NOT_PLACE = re.compile(r"市场|城市|超市|区域|社区|园区|小区|景区|街区|地区性|县域|省内|市内")


def level_of(name: str) -> str | None:
    """The administrative level a body's name shows: 国家, 省, 设区的市, 县, 乡 (None when it does not show)."""
    name = re.sub(r"\s", "", name)
    if not name:
        return None
    if re.match(r"(?:国务院|中华人民共和国|国家|中国|全国)", name):
        return "国家"
    place = _NOT_PLACE.sub("", name)  # 市场监督管理局 names no 市, 社区 no 区
    if re.search(r"(?:乡|镇|街道办事处|街道)(?:人民政府|党|办|$)", place):
        return "乡"
    municipality = next((m for m in MUNICIPALITIES if place.startswith(m + "市")), None)
    if municipality:
        return "县" if re.match(r"[\u4e00-\u9fff]{1,6}(?:区|县)", place[len(municipality) + 1:]) else "省"
    if re.search(r"县|旗", place) or re.search(r"(?<=[市州盟])[\u4e00-\u9fff]{1,6}区", place):
        return "县"
    if re.match(rf"(?:{_PROVINCE})(?:省|自治区|维吾尔自治区|回族自治区|壮族自治区)?", place) and not re.search(
            r"(?:省|区)[\u4e00-\u9fff]{1,8}?(?:市|州|地区|盟)", place):
        return "省"
    if re.search(r"市|自治州|州|地区|盟", place):
        return "设区的市"
    if re.search(r"省|自治区", place):
        return "省"
    if re.search(r"区", place):
        return "县"
    if re.fullmatch(r"[\u4e00-\u9fff]{1,10}(?:部|总局|署|委员会|监会|银监会|证监会|保监会)", place):
        return "国家"  # a ministry-style name without a place (交通部, 保监会)
    return None


def body_of(name: str) -> str | None:
    """The kind of body a name shows (国务院, 国务院办公厅, 国务院部门, 人民政府, 政府办公厅, 工作部门, 乡镇街道, 人大)."""
    name = name.strip().replace(" ", "").replace("\u3000", "")
    if not name:
        return None
    if name in ("国务院", "中华人民共和国国务院"):
        return "国务院"
    if name.startswith("国务院办公厅"):
        return "国务院办公厅"
    if re.search(r"人民代表大会|人大常委会", name):
        return "人大"
    found = _GOVERNMENT.search(name)
    if found and found.end() == len(name):
        if found["office"]:
            return "政府办公厅"
        return "乡镇街道" if level_of(name) == "乡" else "人民政府"
    if re.search(r"街道办事处$|(?:乡|镇)人民政府$", name):
        return "乡镇街道"
    if _DEPARTMENT_SUFFIX.search(name) or re.search(r"(?:部|委员会|总局|局|署)(?:[、，,]|$)", name):
        return "国务院部门" if level_of(name) == "国家" else "工作部门"
    if re.search(r"(?:监会)$", name):
        return "国务院部门"
    return None


def reading_of_name(name: str, source: str) -> IssuerReading | None:
    name = re.sub(r"\s", "", name)
    first = re.split(r"[、，,]", name)[0]  # joint issuers: the first is the lead
    body = body_of(first)
    if body is None:
        return None
    level = "国家" if body in ("国务院", "国务院办公厅", "国务院部门") else level_of(first)
    return IssuerReading(name=name, body=body, level=level, source=source)


_DOC_NUMBER = [
    (re.compile(r"^国发"), "国务院", "国务院", "国家"),
    (re.compile(r"^国办发|^国办函"), "国务院办公厅", "国务院办公厅", "国家"),
    (re.compile(r"^[\u4e00-\u9fff]{1,6}部(?:发|函|令|规)|^国[\u4e00-\u9fff]{1,4}(?:发|函)"), None, "国务院部门", "国家"),
    (re.compile(rf"^[{PROVINCE_ABBREVIATIONS}](?:政发|府发|政|府)"), None, "人民政府", "省"),
    (re.compile(rf"^[{PROVINCE_ABBREVIATIONS}](?:政办发|政办|府办发|府办)"), None, "政府办公厅", "省"),
    (re.compile(r"^[\u4e00-\u9fff]{1,4}(?:政发|府发)"), None, "人民政府", None),
    (re.compile(r"^[\u4e00-\u9fff]{1,4}(?:政办发|府办发)"), None, "政府办公厅", None),
]
_TITLE_ISSUER = re.compile(r"^(?P<name>[\u4e00-\u9fff、]{2,40}?)(?:关于|印发|转发)")
_NATIONWIDE = re.compile(r"各省、自治区、直辖市|省、自治区、直辖市(?:人民政府)?[\u4e00-\u9fff]{0,12}(?:部门|机关|厅|局|委)"
                         r"|国务院有关部门|全国(?:范围内|各地)")
_INTERPRET = re.compile(r"本(?:办法|规定|细则|实施细则|意见|通知|决定|规则|措施|方案)由(?P<name>[\u4e00-\u9fff、]{2,30}?)负责(?:解释|组织实施)")


def read_issuer(doc, dossier=None, index=None) -> IssuerReading:
    """The issuer of ``doc`` (see the module docstring); an ``IssuerReading`` with ``body`` None when unknown."""
    issuer = getattr(dossier, "issuer", None) if dossier is not None else None
    if issuer is not None and (issuer.name or issuer.type):
        level = issuer.level or (level_of(issuer.name) if issuer.name else None)
        body = _body_from_type(issuer.type, issuer.name)
        return IssuerReading(name=issuer.name, body=body, level=_level_word(level), source="程序记录")
    block = doc.title_block
    for line in [block.note or "", *block.history]:
        line = _DATE.sub(" ", line)
        found = _MINISTRY_ORDER.search(line)
        if found:
            reading = reading_of_name(found["name"], f"题注“{found.group(0).strip()}”")
            if reading is not None:
                return reading
    number = (block.doc_number or "").strip()
    for pattern, name, body, level in _DOC_NUMBER:
        if pattern.search(number):
            return IssuerReading(name=name, body=body, level=level, source=f"文号“{number}”")
    found = _TITLE_ISSUER.match(block.title or "")
    if found:
        reading = reading_of_name(found["name"], f"标题“{block.title}”")
        if reading is not None:
            return reading
    if doc.signature is not None:
        names = [line.strip() for line in doc.signature.issuer if line.strip()]
        if names:
            reading = reading_of_name(re.split(r"\s{2,}|\u3000{1,}", names[0])[0], f"落款“{' '.join(names)}”")
            if reading is not None:
                return reading
    if index is not None:
        found = _INTERPRET.search(index.text)
        if found:
            reading = reading_of_name(found["name"], f"解释条款“{found.group(0)}”")
            if reading is not None:
                return reading
        found = _NATIONWIDE.search(index.text[:6000])
        if found:  # only a national body addresses, or assigns duties to, the provinces as such
            return IssuerReading(body="国务院部门", level="国家", source=f"正文面向全国（“{found.group(0)}”）")
    return IssuerReading()


_TYPE_BODY = {"人民政府": "人民政府", "办公厅": "政府办公厅", "工作部门": "工作部门", "直属机构": "工作部门",
              "派出机关": "派出机关", "乡镇政府": "乡镇街道", "街道办事处": "乡镇街道"}


def _body_from_type(kind: str | None, name: str | None) -> str | None:
    if name and body_of(name) in ("国务院", "国务院办公厅", "国务院部门"):
        return body_of(name)
    if kind in _TYPE_BODY:
        return _TYPE_BODY[kind]
    if kind is not None:
        return "其他"
    return body_of(name) if name else None


def _level_word(level: str | None) -> str | None:
    """The record's free-text level (国务院部门, 省, 设区的市, 市, 县, 区, 乡 …) as one of the five levels."""
    if level is None:
        return None
    for word, value in (("国", "国家"), ("省", "省"), ("设区的市", "设区的市"), ("自治州", "设区的市"), ("市", "设区的市"),
                        ("县", "县"), ("区", "县"), ("旗", "县"), ("乡", "乡"), ("镇", "乡"), ("街道", "乡")):
        if word in level:
            return value
    return None
