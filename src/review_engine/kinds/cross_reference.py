"""``cross_reference``: the draft's references to its own provisions resolve.

Checks 本办法第X条(第Y款)(第（Z）项), 本条第Y款, a bare 第X条 that is not a citation of another law,
第X条至第Y条, 前款 (not in the first 款 of an article) and 前条 (not in 第一条): the article, 款 and 项
referred to must exist (in the same part: the main text or the same attachment). See
``facts/references.py`` for what is recognised.

No parameters. Message fields: ``{reference}`` (the words), ``{reason}`` (why it does not resolve).
"""

from __future__ import annotations

from . import Check, Hit, Params


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
            if reason:
                yield Hit(unit=ref.unit, start=ref.start, end=ref.end,
                          values={"reference": ref.text, "reason": reason})
