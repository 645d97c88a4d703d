"""The opinion in an office's words: what the officer reads names clauses, materials and procedure, never the
tool's files, rule ids or line numbers (those go to the appendix and the machine formats).

* ``plain(text)`` rewrites what a rule's message may carry from the machine side: a file name with its line
  (``起草说明.md 第15行``) becomes the material's name (``起草说明``), ``dossier.yaml`` the 程序记录, a field path
  (``consultation.comments``) its Chinese name.
* ``where(finding, text)`` is the place of a finding as an office writes it: 第十二条第二款, or for a document
  numbered by outline (一、（二）) the number and the first words of the passage; for the record, the 程序记录
  and the field; for a material, its name.
* ``addressee`` (主送机关) and ``opening`` (你单位报送的《…》收悉) open the opinion.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...findings import Finding, Review

_SUFFIXES = r"(?:md|markdown|txt|docx|doc|wps|pdf|yaml|yml)"
_FILE_LINE = re.compile(rf"([^\s（(“”\"'，,。：:；;、《》]+)\.{_SUFFIXES}(?:\s*第\d+行)?(?:（front matter）)?")
_FIELD = re.compile(r"(?<![A-Za-z0-9_.])([a-z][a-z_]*(?:\.[a-z_]+)+)(?![A-Za-z0-9_])")
_LINE = re.compile(r"\s*第\d+行")
_STATE_IN = re.compile(r"在\s*(?:程序记录(?:的)?\s*)?(?:dossier\.yaml\s*)?[a-z_]+(?:\.[a-z_]+)*\s*中(载明|说明|注明)"
                       r"(?:\s*(?:false|true|null))?")
_SECTION = re.compile(r"(?<![A-Za-z0-9_.])([a-z]+(?:_[a-z]+)+|consultation|hearing|flags|waivers)(?![A-Za-z0-9_.])")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff）”])[ \t]+(?=[\u4e00-\u9fff“（])")
# what an office calls the parts of the procedural record the messages may name
_SECTIONS = {
    "consultation": "公开征求意见情况", "hearing": "听证情况", "expert_review": "专家论证情况",
    "risk_assessment": "风险评估情况", "fair_competition_review": "公平竞争审查情况",
    "legality_review": "合法性审核情况", "drafting_unit_legality_review": "起草单位合法性审核情况",
    "collective_deliberation": "集体审议情况", "party_report": "向党委请示报告情况", "publication": "公布情况",
    "filing": "备案情况", "flags": "文件性质", "effective_date": "施行日期", "registration_no": "登记号",
    "joint_issuers": "联合制定机关", "doc_type": "文件类型", "waivers": "不予适用的记载",
}
_FIELDS_MORE = {
    "consultation.shortening_reason": "缩短征求意见期限的理由", "flags.emergency": "是否需要立即制定实施",
    "flags.in_price_hearing_catalogue": "是否属于定价听证目录", "flags.market_related": "是否涉及市场主体经济活动",
    "flags.major_decision": "是否属于重大行政决策", "flags.technical": "是否专业性、技术性较强",
    "flags.stability_risk": "是否可能影响社会稳定", "flags.price_setting": "是否制定政府定价、政府指导价",
    "flags.secret": "是否依法需要保密", "flags.involves_rights_obligations": "是否涉及公民、法人和其他组织权利义务",
    "flags.direct_interests": "是否直接涉及切身利益", "flags.major_disagreement": "是否存在较大分歧",
    "party_report.done": "是否向党委请示报告", "publication.date": "公布日期", "filing.date": "备案日期",
    "hearing.notice_date": "听证公告日期", "hearing.materials_sent": "听证材料送达日期",
    "issuer.type": "制定机关类型", "issuer.level": "制定机关层级",
}
_RECORD_NAMES = {"dossier", "draft"}
_FIRST_WORDS = 14


def _field_zh(path: str) -> str | None:
    from ...record.merge import FIELD_ZH

    if path in FIELD_ZH:
        return FIELD_ZH[path]
    if path in _FIELDS_MORE:
        return _FIELDS_MORE[path]
    return _SECTIONS.get(path.split(".")[0])


def _file_name(match: re.Match) -> str:
    stem = match.group(1)
    if stem.lower() in _RECORD_NAMES:
        return "程序记录" if stem.lower() == "dossier" else "草案"
    return stem


def plain(text: str) -> str:
    """``text`` with file names, line numbers and field paths put as an office writes them."""
    if not text:
        return text
    text = _STATE_IN.sub(lambda m: f"在起草说明中{m.group(1)}", text)
    text = _FILE_LINE.sub(_file_name, text)
    text = _FIELD.sub(lambda m: _field_zh(m.group(1)) or m.group(0), text)
    text = _SECTION.sub(lambda m: _SECTIONS.get(m.group(1), m.group(0)), text)
    text = _LINE.sub("", text).replace("（chinese-calendar 数据）", "")
    text = _CJK_GAP.sub("", text)
    return text.replace("程序记录（程序记录）", "程序记录")


def first_words(text: str) -> str:
    text = re.sub(r"\s+", "", text or "")
    return text if len(text) <= _FIRST_WORDS else text[:_FIRST_WORDS] + "……"


def where(review: Review, finding: Finding, node_text: str, on_record: bool, on_materials: bool) -> str:
    """The place of ``finding`` in an office's words (see the module docstring)."""
    loc = finding.location
    label = loc.label or ""
    if on_record:
        path = label.split()[-1] if label else ""
        name = _field_zh(path) if path else None
        return f"程序记录（{name}）" if name else "程序记录"
    if on_materials and loc.file:
        return Path(loc.file).stem
    if not label or label == "全文":
        return "全文"
    if re.fullmatch(r"第\d+行", label):  # a line the parser could not place: its first words
        return f"“{first_words(finding.excerpt)}”处" if finding.excerpt else "草案正文"
    if label in ("标题", "落款") or re.fullmatch(r"第[一二三四五六七八九十百零〇两]+条.*", label):
        return plain(label)
    label = plain(re.sub(r"第(\d+)段", lambda m: f"第{_zh(int(m.group(1)))}段", label))
    return f"{label}（“{first_words(node_text)}”）" if node_text else label


def _zh(n: int) -> str:
    from ...numerals import to_chinese

    return to_chinese(n)


def addressee(review: Review) -> str:
    """主送机关: the unit that submitted the draft (起草单位), else the issuer; empty when neither is known."""
    dossier = review.dossier
    unit = getattr(dossier, "drafting_unit", None)
    if unit:
        return unit
    issuer = getattr(getattr(dossier, "issuer", None), "name", None)
    return issuer or ""


def opening(review: Review, doc_title: str, received: str, framework: str) -> str:
    """你单位（于2026年3月25日）报送的《…》及有关材料收悉。根据……，现提出合法性审核意见如下："""
    when = f"于{received}" if received else ""
    return (f"你单位{when}报送的《{doc_title}》及有关材料收悉。根据{framework}的规定，"
            f"我们对送审稿的制定主体、权限、内容和程序进行了合法性审核，现提出审核意见如下：")


def issuer_note(review: Review) -> str:
    """One sentence when the issuer could not be established (``Review.issuer_reading.known`` is False):
    the opinion says so, and on what footing it reviewed, instead of assuming silently."""
    reading = review.issuer_reading
    if reading is None or getattr(reading, "known", True) or review.issuer:
        return ""
    kind = review.doc_type or "规范性文件"
    return (f"未能确认制定机关（程序记录和草案文本均未载明），按{kind}的一般制定权限审核；"
            f"制定机关依法享有相应设定权的，请起草单位说明。")
