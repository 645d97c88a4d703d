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
from ..record.merge import FIELD_ZH
from . import Check, Hit, Params



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
            yield Hit(location=Location.trusted(file=at.file, label=label, line=at.line, column=at.column),
                      excerpt=f"{conflict.field}: {show(conflict.stated)}",
                      values={"field": conflict.field, "field_zh": FIELD_ZH.get(conflict.field, conflict.field),
                              "stated": show(conflict.stated), "found": show(conflict.found),
                              "source": conflict.found_at.cite()})


__all__ = ["FIELD_ZH", "RecordConflict"]
