"""Restatement benchmark: real provisions of national laws restated by a county department's 规范性文件.

    python benchmarks/restatement/run.py [--kind KIND] [--every N] [--law-texts DIR] [-v]
    python benchmarks/restatement/run.py --select      # rewrite provisions.yaml from the corpus

A normative document may repeat what a law or an administrative regulation provides — a licence, a penalty, a
fee, a coercive measure — without creating anything. With the law and article named it is lawful; without them
the opinion should ask for the citation (modify), never say that the document *creates* the measure (block).
This benchmark measures both on real provisions.

**The provisions** (``provisions.yaml``, committed: kind, law name as the MANIFEST writes it, article, 款 and
sentence — never the words) are sentences of the current texts (MANIFEST ``expired`` ≠ 1) of the laws and
administrative regulations of ``../shared/corpus/national_law`` (not 刑法, 宪法, 民法典 or the procedure laws),
in force on the review date by the registry — not those whose measures are no administrative body's (监察法,
prisons and detention houses, the sea zones, martial law, the armed forces) — that lay down one kind of measure:

``licence``   应当/须/必须 取得…许可证/许可/执照, 应当经…批准/审批/许可/核准, 实行…许可(证)制度, 未经…批准，不得
              (the one who needs it not an organ of the state);
``penalty``   处…罚款, 没收…违法所得, 吊销…许可证/执照, 责令停产停业, 行政拘留 (a lead-in 有下列行为之一的，…处…罚款：
              comes with its 项);
``fee``       缴纳/交纳/收取/征收…费 (not forbidden, waived or refunded);
``coercion``  可以/有权 … 查封/扣押/冻结/扣留/封存/强制拆除/强制隔离/强制执行/强制检查 (not forbidden).

``coercion`` also takes a lead-in 可以/有权采取下列措施： whose 项 name one of these. A sentence qualifies when it
stands on its own: it matches exactly one kind, cites nothing (no 《》, no 依照本法, no other law named: 军事设施保护法
第三十条), names no other 款 or 条 of its article (前款, 本条, 上述 …), does not open with a word that continues another
sentence (其, 该, 但是, 以上 …), lays no measure on the state's own staff (人民警察, 工作人员: discipline), does not
hold its measure inside a condition (被……吊销……许可证的，), is no procedure before a penalty (听证, 决定之前), and is
12–220 characters (a lead-in and its 项 at most 400). ``--select`` sorts the
qualifying sentences of each kind by the SHA-1 of kind, law, article, 款 and sentence and takes them in that order,
at most one per law (then two, if a kind runs short), up to ``TARGET`` per kind: deterministic, spread over many
laws, and nothing random at run time.

**The drafts.** Each provision becomes two drafts of a short 实施办法 of a county department (title, 第一条 purpose
and basis, scope, the department in charge, the provision as 第四条, publicity, 施行 and validity): (a) the
sentence with its citation — ``依照《T》第N条的规定，`` (or ``根据《T》第N条规定，`` / ``按照《T》第N条的规定，``,
chosen by the same hash) placed after the condition that opens it (…的，) or, without one, at its start — in a
document whose 第一条 cites 《T》; (b) the same sentence with no citation, in a document made 根据有关法律、法规.
The sentence is minimally adapted: 本法 / 本条例 / 本规定 / 本办法 become 《T》 (违反本法第三十条规定 → 违反《T》第三十条
规定), the subject and everything else kept. Each draft is reviewed with the library API
(``engine.review_document``) as a 规范性文件 of a county department (``dossier`` issuer 工作部门, 县), with the
built-in rules and the national profile, on ``REVIEW_DATE`` (after the snapshot, before the laws revised since).
Only findings located on 第四条 count.

**Figures**, per kind and in all: (a) the block and modify findings on the cited restatement; (b) the highest
severity on the uncited restatement (block / modify / warn / info / none). Acceptance (exit status 1 when not
met): no block finding in (a), and no (b) whose highest severity is block. Every failure is listed with its
law, article and finding. Law texts: by default none are configured (the registry's facts alone, as shipped);
``--law-texts ../shared/corpus/national_law`` lets the engine compare the draft with the law's words as well.
``tests/test_restatement_benchmark.py`` runs them all (about 12 s) and checks that ``--select`` reproduces the list;
it names the failures the registry's facts cannot avoid yet (provisions the importer does not record).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import os
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from _corpus import corpus_dir  # noqa: E402

REVIEW_DATE = dt.date(2025, 6, 1)
KINDS = ("licence", "penalty", "fee", "coercion")
TARGET = 100
SKIP_CATEGORIES = frozenset({"刑法", "宪法", "民法典", "诉讼与非诉讼程序法"})
# measures that are not an administrative body's: supervisory commissions, prisons and detention houses, the
# state's sovereign acts at sea, martial law and the armed forces
SKIP_LAWS = re.compile(r"监察法|监狱|看守所|专属经济区|领海|戒严|军事|国防|兵役|预备役|人民武装|军人|军队")
SEVERITIES = ("block", "modify", "warn", "info", "none")
LIST = HERE / "provisions.yaml"

MEASURE = {
    "licence": re.compile(
        r"(?:应当|须|必须)(?:依法)?(?:取得|领取|持有)[^，。；]{0,30}?(?:许可证|许可|执照)"
        r"|(?:应当|须|必须)(?:依法)?(?:报)?经[^，。；]{2,40}?(?:批准|许可|审批|核准)"
        r"|实行[^，。；]{1,20}?许可(?:证)?制度|未经[^，。；]{2,40}?(?:批准|许可)[，,]不得"),
    "penalty": re.compile(r"(?<!所)(?:处|并处|可以处)[^，。；]{0,40}?罚款|没收[^，。；]{0,10}?违法所得|吊销[^，。；]{0,12}?(?:许可证|执照)"
                          r"|责令停产停业|行政拘留|处[^，。；]{0,6}?拘留"),
    "fee": re.compile(r"(?:缴纳|交纳|收取|征收)[^，。；、]{0,12}?费(?![用率])"),
    "coercion": re.compile(r"(?:可以|有权)(?!不)[^，。；]{0,12}?(?:查封|扣押|冻结|扣留|封存|强制拆除|强制隔离|强制执行|强制检查)"),
}
# 有权采取下列措施：（一）……（三）查封、扣押……: the measure in a 项 of the lead-in
_MEASURES_LISTED = re.compile(r"(?:可以|有权)(?!不)[^，。；]{0,6}?(?:采取|实施)[^，。；]{0,6}?下列")
_COERCIVE = re.compile(r"查封|扣押|冻结|扣留|封存|强制拆除|强制隔离|强制执行|强制检查")
_CONTEXT = re.compile(r"前[一二三四五两]?款|前[一二三四五两]?条|前项|本条|本款|上款|该款|上述|前述|(?<!条)第[一二三四五六七八九十]+款")
_CONTINUES = re.compile(r"^(?:其|该|但是|但|同时|并|此外|也|对其|对该|依照前|有前款|以上|上列)")
_OWN_BASIS = re.compile(r"(?:依照|依据|按照|根据|适用)本(?:法|条例|规定|办法|细则|决定)")
# another law named without 《》 (遇有军事设施保护法第三十条所列违法行为)
_OTHER_LAW = re.compile(r"(?<!本)(?:法|条例|规定|办法)第[一二三四五六七八九十百零]+条")
# measures on the state's own staff (督察, 处分): internal discipline, not a measure on the public
_OFFICIALS = re.compile(r"人民警察|工作人员|公务员|督察")
_ORGAN = re.compile(r"人民政府|国务院|部门|机关|委员会|主管|行政|军|中央|机构")
_DENIED = re.compile(r"不得|禁止|免|减|退还|返还|罚款|[不未][^，。；]{0,12}?(?:缴纳|交纳|收取|征收)|不再")
# a fee laid down, not mentioned (征收的矿产资源补偿费在安排使用时): a modal or 按照…规定 right before the verb
_FEE_LAID = re.compile(r"(?:应当|须|必须|可以|并|由|按照[^，。；]{0,20}?规定|依照[^，。；]{0,20}?规定)[^，。；]{0,10}?"
                       r"(?:缴纳|交纳|收取|征收)[^，。；、]{0,12}?费(?![用率])")
_SELF = re.compile(r"本(法|条例|规定|办法|细则|决定)(?!律)")


@dataclass
class Provision:
    kind: str
    law: str  # the MANIFEST name
    article: str  # 第三十五条, 第一百三十三条之一
    paragraph: int  # 款, 1-based
    sentence: int  # sentence of the 款, 1-based
    file: str = ""  # the text's path in national_law/ (the version: several rows may share a name)
    path: Path | None = None
    title: str = ""
    lead: str = ""
    items: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.kind}|{self.law}|{self.article}|{self.paragraph}|{self.sentence}"

    @property
    def digest(self) -> str:
        return hashlib.sha1(self.key.encode("utf-8")).hexdigest()

    def entry(self) -> dict:
        return {"kind": self.kind, "law": self.law, "article": self.article, "paragraph": self.paragraph,
                "sentence": self.sentence, "file": self.file}


# ---- the provisions ------------------------------------------------------------------------------------------

def _manifest(base: Path) -> list[dict]:
    with open(base / "national_law" / "MANIFEST.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [r for r in rows if r["expired"] != "1" and r["level"] in ("法律", "行政法规")
            and r["category"] not in SKIP_CATEGORIES and not SKIP_LAWS.search(r["name"])]


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.findall(r"[^。]+(?:。|$)", text) if s.strip()]


def _kinds_of(text: str) -> list[str]:
    return [kind for kind, pattern in MEASURE.items() if pattern.search(text)]


def _qualifies(kind: str, lead: str, items: list[str]) -> bool:
    whole = lead + "".join(items)
    if not 12 <= len(lead) <= 220 or len(whole) > 400 or len(items) > 10:
        return False
    if "《" in whole or _CONTEXT.search(whole) or _CONTINUES.search(lead) or _OWN_BASIS.search(whole) \
            or _OTHER_LAW.search(whole) or _OFFICIALS.search(whole):
        return False
    kinds = _kinds_of(whole)
    listed = bool(items) and _MEASURES_LISTED.search(lead) and _COERCIVE.search("".join(items))
    if listed and "coercion" not in kinds:
        kinds.append("coercion")
    if kinds != [kind]:
        return False
    found = MEASURE[kind].search(lead)
    if found is None and not (kind == "coercion" and listed):
        return False
    before = lead[:found.start()] if found else lead
    if found and re.match(r"[^，,；;。：:]*的[，,]", lead[found.start():]):
        return False  # the measure inside a condition (被……吊销……许可证的，……): not laid down
    if kind == "licence":
        subject = re.split(r"应当|须|必须|未经", lead, maxsplit=1)[0]
        return not _ORGAN.search(subject) and "不得" not in before and "负责人批准" not in lead
    if kind == "penalty" and re.search(r"听证|决定(?:之)?前", lead):
        return False  # the procedure before a penalty (作出……罚款……等行政处罚决定之前，应当告知……听证), not a penalty
    if kind == "fee":
        return bool(_FEE_LAID.search(lead)) and not _DENIED.search(lead) and "保险费" not in lead
    if kind == "coercion":
        return not re.search(r"不得|禁止|人民法院", lead)
    return True


def _registry():
    from review_engine.registry import default_registry

    return default_registry()


def _in_force(registry, title: str, rel: str) -> bool:
    """The registry knows the law, and its version in force on the review date is the text of ``rel``."""
    inst = registry.resolve(title)
    if inst is None or inst.level not in ("法律", "行政法规"):
        return False
    ok, _ = registry.in_force(inst, REVIEW_DATE)
    version = registry.version_on(inst, REVIEW_DATE)
    return ok and version is not None and any(t.path == rel for t in version.texts)


def candidates(base: Path) -> dict[str, list[Provision]]:
    """Every qualifying sentence of the corpus, by kind (see the module docstring)."""
    from review_engine.registry.lawtext import read_law

    registry = _registry()
    out: dict[str, list[Provision]] = defaultdict(list)
    for row in _manifest(base):
        path = base / "national_law" / row["path"]
        law = read_law(path)
        if not _in_force(registry, law.title, row["path"]):
            continue
        for article in law.articles:
            for p, para in enumerate(article.paragraphs, 1):
                sentences = _sentences(para.text)
                for s, sentence in enumerate(sentences, 1):
                    items = para.items if s == len(sentences) and sentence.endswith(("：", ":")) else []
                    for kind in KINDS:
                        if _qualifies(kind, sentence, items):
                            out[kind].append(Provision(kind, row["name"], article.label, p, s, row["path"], path,
                                                       law.title, sentence, list(items)))
    return out


def select(base: Path) -> list[Provision]:
    chosen: list[Provision] = []
    for kind, found in sorted(candidates(base).items(), key=lambda kv: KINDS.index(kv[0])):
        found.sort(key=lambda c: c.digest)
        picked: list[Provision] = []
        for cap in (1, 2):
            per_law = Counter(c.law for c in picked)
            for c in found:
                if len(picked) >= TARGET:
                    break
                if c not in picked and per_law[c.law] < cap:
                    picked.append(c)
                    per_law[c.law] += 1
        chosen.extend(sorted(picked, key=lambda c: c.digest))
    return chosen


def write_list(chosen: list[Provision]) -> None:
    head = ("# The provisions of the restatement benchmark (benchmarks/restatement/run.py --select writes this file).\n"
            "# kind, law (MANIFEST name of ../shared/corpus/national_law), article, 款 and sentence of the 款: the words\n"
            "# are read from the corpus at run time and never stored here.\n")
    body = yaml.safe_dump([c.entry() for c in chosen], allow_unicode=True, sort_keys=False, width=200)
    LIST.write_text(head + body, encoding="utf-8")


def load(base: Path) -> tuple[list[Provision], list[str]]:
    """The listed provisions with their words read from the corpus, and the entries that could not be found."""
    from review_engine.registry.lawtext import read_law

    rows = {r["path"]: r for r in _manifest(base)}
    laws: dict[str, object] = {}
    out, missing = [], []
    for entry in yaml.safe_load(LIST.read_text(encoding="utf-8")):
        c = Provision(**entry)
        row = rows.get(c.file)
        if row is None or row["name"] != c.law:
            missing.append(f"{c.law} ({c.file}): not in the MANIFEST")
            continue
        if c.file not in laws:
            laws[c.file] = read_law(base / "national_law" / c.file)
        law = laws[c.file]
        article = next((a for a in law.articles if a.label == c.article), None)
        sentences = _sentences(article.paragraphs[c.paragraph - 1].text) if article and \
            len(article.paragraphs) >= c.paragraph else []
        if len(sentences) < c.sentence:
            missing.append(f"{c.law} {c.article} 第{c.paragraph}款 sentence {c.sentence}: not in the text")
            continue
        para = article.paragraphs[c.paragraph - 1]
        c.path, c.title, c.lead = law.path, law.title, sentences[c.sentence - 1]
        c.items = list(para.items) if c.sentence == len(sentences) and c.lead.endswith(("：", ":")) else []
        if not _qualifies(c.kind, c.lead, c.items):
            missing.append(f"{c.law} {c.article}: no longer qualifies as {c.kind}")
            continue
        out.append(c)
    return out, missing


# ---- the drafts ----------------------------------------------------------------------------------------------

_DEPARTMENTS = [
    ("市场监督管理局", "食品|药品|化妆品|产品质量|价格|广告|计量|标准化|特种设备|商标|专利|不正当|消费者|认证|企业|公司|个体|市场|拍卖|反垄断"),
    ("生态环境局", "环境|污染|排污|生态|辐射|噪声|放射|固体废物|清洁生产|环境影响"),
    ("农业农村局", "农|渔|畜|种子|兽|植物|动物|草原|饲料|肥料|生猪|蚕|乡村"),
    ("林业局", "林|野生|湿地|自然保护区"),
    ("水利局", "水|河道|防洪|抗旱|水土"),
    ("交通运输局", "交通|公路|港口|航道|船|运输|海上|航运|收费公路|出租"),
    ("住房和城乡建设局", "建筑|城乡规划|住房|房地产|燃气|物业|城市|建设工程|供水|节约能源|风景名胜"),
    ("自然资源局", "土地|矿产|测绘|地质|不动产|海域|海岛"),
    ("应急管理局", "安全生产|危险化学品|煤|消防|烟花爆竹|民用爆炸|防震|气象|地震"),
    ("教育局", "教育|学校|教师|学位|职业教育"),
    ("卫生健康局", "卫生|医|传染病|疫苗|职业病|献血|母婴|精神|人口|中医|基本医疗"),
    ("人力资源和社会保障局", "劳动|就业|社会保险|工伤|工资|人才|职业技能"),
    ("公安局", "治安|公安|枪支|身份证|出境|入境|禁毒|集会|户口|交通安全|保安|警|反恐|居住证|网络安全"),
    ("文化和旅游局", "文物|文化|出版|广播|电影|娱乐|旅游|演出|音像|印刷|非物质"),
    ("商务局", "对外贸易|外商|外资|商务|直销|进出口|招标"),
]


def department(title: str) -> str:
    for name, words in _DEPARTMENTS:
        if re.search(words, title):
            return name
    return "市场监督管理局"


def topic(title: str) -> str:
    name = title.removeprefix("中华人民共和国")
    name = re.sub(r"(?:实施条例|暂行条例|实施细则|条例|暂行规定|规定|暂行办法|办法|细则|决定|法)$", "", name)
    return name or title


def _adapt(text: str, title: str) -> str:
    """本法 / 本条例 … → 《title》 (the genre word of the law's own title only)."""
    genre = re.search(r"(法|条例|规定|办法|细则|决定)$", title)
    if genre is None:
        return text
    return re.sub(rf"本{genre.group(1)}(?!律)", f"《{title}》", text)


# the first measure of any kind in the sentence (…的，由……责令改正，给予警告……): the citation goes before it
_ANY_MEASURE = re.compile(r"警告|通报批评|罚款|没收|吊销|暂扣|停产停业|责令|拘留|处[^，。；]{0,20}?(?:罚|元)"
                          r"|批准|许可|审批|核准|取得|领取|持有|缴纳|交纳|收取|征收|查封|扣押|冻结|扣留|封存|强制|采取")
_FORMS = ("依照《{t}》{a}的规定，", "根据《{t}》{a}规定，", "按照《{t}》{a}的规定，")


def cited(c: Provision) -> str:
    """The lead-in with its citation: after the condition that opens it (…的，) before its first measure, else at
    its start."""
    lead = _adapt(c.lead, c.title)
    form = _FORMS[int(c.digest[:8], 16) % len(_FORMS)].format(t=c.title, a=c.article)
    found = _ANY_MEASURE.search(lead)
    cut = max(lead.rfind("的，", 0, found.start()), lead.rfind("的,", 0, found.start())) if found else -1
    if cut >= 0:
        return lead[:cut + 2] + form + lead[cut + 2:]
    return form + lead


def draft(c: Provision, with_citation: bool) -> tuple[str, tuple[int, int]]:
    """The draft text and the lines (1-based, inclusive) of its 第四条."""
    dept = "县" + department(c.title)
    name = topic(c.title)
    basis = f"《{c.title}》等法律、法规" if with_citation else "有关法律、法规"
    lead = cited(c) if with_citation else _adapt(c.lead, c.title)
    items = [_adapt(i, c.title) for i in c.items]
    lines = [f"# 某县{name}实施办法", "",
             f"第一条　为了加强{name}工作，规范相关活动，根据{basis}，结合本县实际，制定本办法。", "",
             f"第二条　本办法适用于本县行政区域内的{name}工作。", "",
             f"第三条　{dept}负责本办法的组织实施。县有关部门按照各自职责做好相关工作。", ""]
    first = len(lines) + 1
    lines.append(f"第四条　{lead}")
    for item in items:
        lines += ["", item]
    last = len(lines)
    lines += ["", f"第五条　{dept}应当加强政策宣传和业务指导，公开办事指南，方便群众办事。", "",
              "第六条　本办法自2025年7月1日起施行，有效期五年。", ""]
    return "\n".join(lines), (first, last)


def issuer(c: Provision):
    from review_engine.record import Dossier

    return Dossier.model_validate({"issuer": {"name": "某县" + department(c.title), "type": "工作部门", "level": "县"}})


# ---- the review ----------------------------------------------------------------------------------------------

@dataclass
class Outcome:
    provision: Provision
    cited: list  # findings on 第四条 of draft (a)
    bare: list  # findings on 第四条 of draft (b)

    @staticmethod
    def highest(findings) -> str:
        from review_engine.findings import SEVERITY_ORDER

        return max((f.severity for f in findings), key=SEVERITY_ORDER.get, default="none")

    @property
    def cited_blocks(self) -> list:
        return [f for f in self.cited if f.severity == "block"]

    @property
    def failed(self) -> bool:
        return bool(self.cited_blocks) or self.highest(self.bare) == "block"


@dataclass
class Result:
    outcomes: list[Outcome]
    missing: list[str]
    seconds: float
    law_texts: str

    def of(self, kind: str | None = None) -> list[Outcome]:
        return [o for o in self.outcomes if kind is None or o.provision.kind == kind]

    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.failed]


def review(text: str, name: str, dossier, rules, profile):
    from review_engine.engine import review_document
    from review_engine.parsing import parse_source
    from review_engine.reading import source_from_text

    doc = parse_source(source_from_text(text, file=name, format="md"))
    return review_document(doc, rules=rules, profile=profile, dossier=dossier, doc_type="规范性文件",
                           review_date=REVIEW_DATE).findings


def _configure_texts(folder: str | None) -> str:
    from review_engine.registry import restate

    if folder:
        os.environ["REVIEW_ENGINE_LAW_TEXTS"] = str(Path(folder).resolve())
    else:
        os.environ.pop("REVIEW_ENGINE_LAW_TEXTS", None)
    restate._TEXTS = None
    return os.environ.get("REVIEW_ENGINE_LAW_TEXTS", "")


def run(kind: str | None = None, every: int = 1, law_texts: str | None = None) -> Result:
    from review_engine.engine import get_profile, get_rules

    started = time.perf_counter()
    configured = _configure_texts(law_texts)
    provisions, missing = load(corpus_dir())
    provisions = [c for c in provisions if kind is None or c.kind == kind]
    provisions = [c for i, c in enumerate(provisions) if i % every == 0]
    rules, profile = get_rules(), get_profile("national")
    outcomes = []
    for c in provisions:
        dossier = issuer(c)
        found = []
        for with_citation in (True, False):
            text, (first, last) = draft(c, with_citation)
            findings = review(text, f"{c.law}{c.article}.md", dossier, rules, profile)
            found.append([f for f in findings if not f.waived and f.location.line is not None
                          and first <= f.location.line <= last])
        outcomes.append(Outcome(c, *found))
    return Result(outcomes, missing, time.perf_counter() - started, configured)


def report(result: Result, verbose: bool = False) -> str:
    out = [f"{len(result.outcomes)} provisions of {len({o.provision.law for o in result.outcomes})} laws and "
           f"regulations, two drafts each, reviewed as 规范性文件 of a county department on {REVIEW_DATE}; "
           f"law texts: {result.law_texts or 'not configured (registry facts only)'}; {result.seconds:.1f} s"]
    if result.missing:
        out.append(f"listed but not found in the corpus: {len(result.missing)}")
        out += [f"  {m}" for m in result.missing]
    out += ["", "(a) with its citation: findings on the restated article",
            f"  {'kind':9} {'n':>4} {'laws':>4}  {'block':>5} {'modify':>6} {'warn':>5}   provisions with block / modify"]
    for kind in (*KINDS, None):
        rows = result.of(kind)
        if not rows:
            continue
        count = Counter(f.severity for o in rows for f in o.cited)
        blocked = sum(1 for o in rows if o.cited_blocks)
        modified = sum(1 for o in rows if any(f.severity == "modify" for f in o.cited))
        out.append(f"  {kind or 'all':9} {len(rows):4} {len({o.provision.law for o in rows}):4}  {count['block']:5} "
                   f"{count['modify']:6} {count['warn']:5}   {blocked} / {modified}")
    out += ["", "(b) without citation: highest severity on the restated article",
            f"  {'kind':9} {'n':>4}  " + " ".join(f"{s:>6}" for s in SEVERITIES)]
    for kind in (*KINDS, None):
        rows = result.of(kind)
        if not rows:
            continue
        count = Counter(Outcome.highest(o.bare) for o in rows)
        out.append(f"  {kind or 'all':9} {len(rows):4}  " + " ".join(f"{count[s]:6}" for s in SEVERITIES))
    if verbose:
        out += ["", "modify findings of (a):"]
        for o in result.outcomes:
            for f in o.cited:
                if f.severity == "modify":
                    c = o.provision
                    out.append(f"  [{c.kind}] {c.law} {c.article}: {f.rule_id} {f.message[:160]}")
    failures = result.failures()
    out += ["", f"failures: {len(failures)}"]
    for o in failures:
        c = o.provision
        where = f"第{c.paragraph}款" + (f"第{c.sentence}句" if c.sentence > 1 else "")
        out.append(f"  [{c.kind}] {c.law} {c.article}{where}: {c.lead[:70]}")
        for f in o.cited_blocks:
            out.append(f"    (a) {f.rule_id} block: {f.message[:200]}" + (f" 〔{f.reading}〕" if f.reading else ""))
        if Outcome.highest(o.bare) == "block":
            for f in o.bare:
                if f.severity == "block":
                    out.append(f"    (b) {f.rule_id} block: {f.message[:200]}" + (f" 〔{f.reading}〕" if f.reading else ""))
    out += ["", "acceptance: " + ("met" if not failures else
                                  f"NOT met — {sum(1 for o in result.outcomes if o.cited_blocks)} cited restatements "
                                  f"with a block finding, {sum(1 for o in result.outcomes if Outcome.highest(o.bare) == 'block')}"
                                  f" uncited restatements at block")]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--select", action="store_true", help="rewrite provisions.yaml from the corpus, then run")
    parser.add_argument("--kind", choices=KINDS, help="one kind of measure only")
    parser.add_argument("--every", type=int, default=1, help="every N-th provision (default all)")
    parser.add_argument("--law-texts", help="configure the law texts (REVIEW_ENGINE_LAW_TEXTS) for the review")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the modify findings of (a) too")
    args = parser.parse_args(argv)
    if args.select:
        chosen = select(corpus_dir())
        write_list(chosen)
        print(f"wrote {LIST.name}: " + ", ".join(f"{k} {sum(1 for c in chosen if c.kind == k)}" for k in KINDS))
    result = run(args.kind, args.every, args.law_texts)
    print(report(result, args.verbose))
    return 1 if result.failures() else 0


if __name__ == "__main__":
    sys.exit(main())
