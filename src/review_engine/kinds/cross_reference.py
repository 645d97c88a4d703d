"""``cross_reference``: the draft's references to its own provisions resolve.

Checks 本办法第X条(第Y款)(第（Z）项), 本条第Y款, a bare 第X条 that is not a citation of another law (nor, when the
draft has no such article, one of the law its sentence cites before it: 依照《种子法》处理：……依照第七十四条的规定处罚),
第X条至第Y条, 前款 (not in the first 款 of an article) and 前条 (not in 第一条): the article, 款 and 项
referred to must exist (in the same part: the main text or the same attachment). See
``facts/references.py`` for what is recognised.

No parameters. Message fields: ``{reference}`` (the words), ``{reason}`` (why it does not resolve).
"""

from __future__ import annotations

import re

from . import Check, Hit, Params

_AFTER_LAW = re.compile(r"《[^》]{2,60}》[^。]*$")


class CrossReference(Check):
    name = "cross_reference"
    Params = Params
    outcomes = {"default": "内部引用无法对应"}
    fields = frozenset({"reference", "reason"})

    def run(self, ctx):
        from ..facts.references import resolve

        scopes = self.scopes
        for ref in ctx.facts.references:
            if not (ref.unit.scopes & scopes):
                continue
            reason = resolve(ref, ctx.doc, ctx.facts.articles_by_part)
            if reason and ref.article is not None and not ref.relative and _AFTER_LAW.search(ref.unit.text, 0, ref.start):
                continue  # 依照《种子法》处理：生产经营假种苗的，依照第七十四条的规定处罚: an article the draft lacks, of the law just cited
            if reason:
                yield Hit(unit=ref.unit, start=ref.start, end=ref.end,
                          values={"reference": ref.text, "reason": reason})
