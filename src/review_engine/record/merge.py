"""One record from two sources: what ``dossier.yaml`` states and what the materials say.

``merge(stated, facts)`` gives the dossier the rules read: every field ``dossier.yaml`` states (a value other than
``null`` or ``[]``) is taken from it; a field it leaves out is filled from the materials (``materials.Fact``).
Where both give a value and they disagree, ``dossier.yaml`` wins and the disagreement is a ``Conflict`` (the
reviewer decides: PROC-REC-01). ``Origin`` says where each field of the merged record comes from — the line of
``dossier.yaml``, or the file, line and sentence of the material — so that findings and the opinion can quote it.

Values are compared as what they mean: a conclusion 符合公平竞争审查标准 in the dossier and 符合 in the materials
agree; a meeting 市人民政府第35次常务会议 and 常务会议 agree (one names the other); lists (channels, 制定依据)
are not compared, since offices name the same website in many ways.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .dossier import Dossier
from .materials import Fact, MaterialFacts

#: Material fact key → dossier field path.
FIELDS: dict[str, tuple[str, ...]] = {
    "drafting_unit": ("drafting_unit",),
    "basis": ("basis",),
    **{f"consultation.{k}": ("consultation", k)
       for k in ("start", "end", "days", "channels", "comments", "adopted", "feedback_published")},
    "hearing.held": ("hearing", "held"),
    "hearing.date": ("hearing", "date"),
    "expert_review.done": ("expert_review", "done"),
    "expert_review.date": ("expert_review", "date"),
    "risk_assessment.done": ("risk_assessment", "done"),
    "risk_assessment.date": ("risk_assessment", "date"),
    **{f"fair_competition_review.{k}": ("fair_competition_review", k)
       for k in ("done", "date", "conclusion", "joint_with_market_regulator")},
    "drafting_unit_legality_review.done": ("drafting_unit_legality_review", "done"),
    "drafting_unit_legality_review.date": ("drafting_unit_legality_review", "date"),
    "collective_deliberation.meeting": ("collective_deliberation", "meeting"),
    "collective_deliberation.date": ("collective_deliberation", "date"),
    "issuer.name": ("issuer", "name"),
    **{f"legality_review.{k}": ("legality_review", k) for k in ("received", "opinion_date", "reviewer", "conclusion")},
}
#: The name of each field as a reviewer reads it (messages, ``init``).
FIELD_ZH = {
    "drafting_unit": "起草单位",
    "consultation.start": "公开征求意见开始日期",
    "consultation.end": "公开征求意见截止日期",
    "consultation.days": "公开征求意见期限",
    "consultation.comments": "收到的意见数量",
    "consultation.adopted": "采纳的意见数量",
    "consultation.feedback_published": "是否公开反馈意见采纳情况",
    "hearing.held": "是否举行听证",
    "hearing.date": "听证日期",
    "expert_review.done": "是否组织专家论证",
    "expert_review.date": "专家论证日期",
    "risk_assessment.done": "是否进行风险评估",
    "risk_assessment.date": "风险评估日期",
    "fair_competition_review.done": "是否进行公平竞争审查",
    "fair_competition_review.date": "公平竞争审查日期",
    "fair_competition_review.conclusion": "公平竞争审查结论",
    "fair_competition_review.joint_with_market_regulator": "是否会同市场监督管理部门审查",
    "drafting_unit_legality_review.done": "起草单位是否进行合法性审核",
    "drafting_unit_legality_review.date": "起草单位合法性审核日期",
    "collective_deliberation.meeting": "集体审议的会议",
    "collective_deliberation.date": "集体审议日期",
    "issuer.name": "制定机关",
    "legality_review.received": "送请合法性审核的日期",
    "legality_review.opinion_date": "合法性审核意见的日期",
    "legality_review.reviewer": "合法性审核机构",
    "legality_review.conclusion": "合法性审核结论",
    "basis": "制定依据",
    "consultation.channels": "公开征求意见的途径",
}
_UNCOMPARED = {("basis",), ("consultation", "channels")}
#: The fair-competition conclusion read from the materials, as the record writes it.
CONCLUSIONS = {"符合": "符合公平竞争审查标准", "不符合": "不符合公平竞争审查标准", "适用例外": "适用例外规定"}


@dataclass(frozen=True)
class Origin:
    """Where a field of the record comes from: ``dossier`` (a line of dossier.yaml or the front matter) or
    ``materials`` (a sentence of a material), or ``derived`` (read from another field, e.g. the issuer's type
    from its name)."""

    source: str
    file: str | None
    line: int | None = None
    column: int | None = None
    quote: str = ""

    def cite(self) -> str:
        """起草说明.md 第12行“……” / dossier.yaml 第17行."""
        where = f"{self.file or '程序记录'}" + (f" 第{self.line}行" if self.line else "")
        return f"{where}“{self.quote}”" if self.quote else where


@dataclass(frozen=True)
class Conflict:
    """A field that dossier.yaml and the materials state differently (dossier.yaml is taken)."""

    field: str
    stated: Any
    found: Any
    stated_at: Origin
    found_at: Origin

    CONDITION_FIELDS = frozenset({"field", "stated", "found"})


def stated_fields(model: BaseModel | None, prefix: tuple = ()) -> dict[tuple, Any]:
    """The fields a dossier states (set in the file, not ``null`` or an empty list), by path."""
    out: dict[tuple, Any] = {}
    if model is None:
        return out
    for name in model.model_fields_set:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            out.update(stated_fields(value, (*prefix, name)))
        elif value is not None and value != []:
            out[(*prefix, name)] = value
    return out


def merge(stated: Dossier | None, facts: MaterialFacts | None, *, locate=None, file: str | None = None
          ) -> tuple[Dossier | None, dict[tuple, Origin], list[Conflict]]:
    """(merged dossier, origin of each field, conflicts). ``locate(path)`` gives (line, column) of a stated field
    in ``file``. None when there is neither a dossier nor materials."""
    if stated is None and not facts:
        return None, {}, []
    data = stated.model_dump() if stated is not None else {}
    given = stated_fields(stated)
    origins: dict[tuple, Origin] = {}
    for path in given:
        line, column = locate(path) if locate is not None else (None, None)
        origins[path] = Origin("dossier", file, line, column)
    conflicts: list[Conflict] = []
    for key, fact in (facts.facts.items() if facts else ()):
        path = FIELDS.get(key)
        if path is None:
            continue
        value = list(fact.value) if isinstance(fact.value, tuple) else fact.value
        if path == ("fair_competition_review", "conclusion"):
            value = CONCLUSIONS.get(value, value)
        found_at = Origin("materials", fact.file, fact.line, None, fact.quote())
        if path in given:
            if path not in _UNCOMPARED and not agree(path, given[path], value):
                conflicts.append(Conflict(".".join(path), given[path], value, origins[path], found_at))
            continue
        _put(data, path, value)
        origins[path] = found_at
    _derive_issuer_type(data, given, origins)
    return Dossier.model_validate(data), origins, conflicts


def _put(data: dict, path: tuple, value) -> None:
    for step in path[:-1]:
        if not isinstance(data.get(step), dict):
            data[step] = {}
        data = data[step]
    data[path[-1]] = value


_ISSUER_TYPES = (
    (re.compile(r"(?:乡|镇)人民政府$|(?:乡|镇)政府$"), "乡镇政府"),
    (re.compile(r"街道办事处$"), "街道办事处"),
    (re.compile(r"人民政府办公(?:室|厅)$|政府办公(?:室|厅)$"), "办公厅"),
    (re.compile(r"人民政府$|政府$"), "人民政府"),
    (re.compile(r"(?:局|委员会|厅)$"), "工作部门"),
)


def _derive_issuer_type(data: dict, given: dict, origins: dict) -> None:
    """The issuer's type read from the issuer's name (某市人民政府 → 人民政府), when the dossier does not state it."""
    issuer = data.get("issuer") or {}
    name = issuer.get("name")
    if not name or ("issuer", "type") in given or issuer.get("type"):
        return
    for pattern, kind in _ISSUER_TYPES:
        if pattern.search(name):
            issuer["type"] = kind
            data["issuer"] = issuer
            source = origins.get(("issuer", "name"))
            origins[("issuer", "type")] = Origin("derived", source.file if source else None,
                                                 source.line if source else None, None, source.quote if source else "")
            return


def _conclusion(text: str) -> str:
    if re.search(r"例外", text):
        return "适用例外"
    if re.search(r"不符合|违反|不通过|排除、?限制竞争", text) and not re.search(r"不存在|未发现|没有|不违反", text):
        return "不符合"
    return "符合" if re.search(r"符合|不违反|通过|可以出台|未发现|不存在|不涉及", text) else text


def _meeting(name: str) -> str:
    """The kind of a meeting (常务会议, 局务会议, 局长办公会议 …), whatever the place and the session number."""
    name = re.sub(r"第[\d一二三四五六七八九十百]+次|\d{4}年|[\s（）()]", "", name).replace("会议", "会")
    found = re.search(r"(?:常务|全体|局务|委务|厅务|部务|党组(?:扩大)?|班子|[^\s]{0,2}办公|主任|党工委|党委)会$", name)
    return found.group() if found else name


def agree(path: tuple, stated: Any, found: Any) -> bool:
    """Whether a stated value and a value found in the materials say the same."""
    if stated == found:
        return True
    if isinstance(stated, str) and isinstance(found, str):
        if path[-1] == "conclusion":
            return _conclusion(stated) == _conclusion(found)
        if path[-1] == "meeting":
            return _meeting(stated) == _meeting(found)
        a, b = re.sub(r"\s", "", stated), re.sub(r"\s", "", found)
        return a in b or b in a
    if isinstance(stated, dt.date) or isinstance(found, dt.date):
        return False
    return False


def show(value: Any) -> str:
    """A value as a message shows it: 2026年3月1日, 是/否, 甲、乙."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, (list, tuple)):
        return "、".join(map(str, value))
    return str(value)


__all__ = ["FIELDS", "FIELD_ZH", "Conflict", "Fact", "Origin", "agree", "merge", "show", "stated_fields"]
