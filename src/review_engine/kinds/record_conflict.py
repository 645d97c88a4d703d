"""``record_conflict``: a field that ``dossier.yaml`` and the materials beside the draft state differently.

The record takes what ``dossier.yaml`` (or the draft's front matter) states and fills the rest from the materials
(``record.merge``); where both state a field and they disagree, dossier.yaml is taken and the disagreement is kept
(``Record.conflicts``). This kind reports each one, at the field's line in dossier.yaml, quoting the material's
sentence, so that the reviewer decides which is right. No parameters.

Fields its findings fill: ``{field}`` (``consultation.end``), ``{field_zh}`` (公开征求意见截止日期), ``{stated}``
(the dossier's value as a message shows it), ``{found}`` (the materials' value), ``{source}`` (the material's
file, line and sentence: ``起草说明.md 第12行“……”``).
"""

from __future__ import annotations

from ..findings import Location
from . import Check, Hit, Params

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
}


class RecordConflict(Check):
    name = "record_conflict"
    Params = Params
    outcomes = {"default": "程序记录与送审材料不一致"}
    fields = frozenset({"field", "field_zh", "stated", "found", "source"})
    default_scope = ("document",)

    def run(self, ctx):
        from ..record.merge import show

        record = ctx.record
        for conflict in (record.conflicts if record is not None else []):
            at = conflict.stated_at
            label = f"{at.file} {conflict.field}" if at.file else f"程序记录 {conflict.field}"
            yield Hit(location=Location(file=at.file, label=label, line=at.line, column=at.column),
                      excerpt=f"{conflict.field}: {show(conflict.stated)}",
                      values={"field": conflict.field, "field_zh": FIELD_ZH.get(conflict.field, conflict.field),
                              "stated": show(conflict.stated), "found": show(conflict.found),
                              "source": conflict.found_at.cite()})


__all__ = ["FIELD_ZH", "RecordConflict"]
