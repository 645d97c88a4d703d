"""``require``: something must be present in a scope (a 施行日期 clause, a 依据 clause, a 有效期 clause…).

Parameters:

``patterns``   regular expressions; the requirement is met when any of them matches in the scope
``anchor``     where the finding points when nothing matches: ``last_article`` (default; where 施行 and
               有效期 clauses belong), ``first_article``, ``title`` or ``document``
``min_count``  the number of matches needed (default 1)

The rule's ``when`` condition decides whether the requirement applies to a document at all.

Example (TIME-EFF-01): ``patterns: ['自[^。；]{0,20}(施行|执行|实施)']``, ``anchor: last_article``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from . import Check, Hit, Params
from .pattern import any_regex


class RequireParams(Params):
    patterns: list[str] = Field(min_length=1)
    anchor: Literal["last_article", "first_article", "title", "document"] = "last_article"
    min_count: int = 1


class Require(Check):
    name = "require"
    Params = RequireParams
    outcomes = {"default": "缺少应有的内容"}
    fields = frozenset({"count"})

    def __init__(self, rule, params: RequireParams):
        super().__init__(rule, params)
        self.regex = any_regex(params.patterns)

    def run(self, ctx):
        index = ctx.facts.index
        scopes = self.scopes
        count = 0
        for _ in index.scan(self.regex, scopes):
            count += 1
            if count >= self.params.min_count:
                return
        yield anchor_hit(ctx, self.params.anchor, {"count": count})


def anchor_hit(ctx, anchor: str, values: dict) -> Hit:
    """A hit placed where a missing clause would belong."""
    articles = [n for n in ctx.facts.nodes if n.kind == "article"]
    if anchor in ("last_article", "first_article") and articles:
        node = articles[-1] if anchor == "last_article" else articles[0]
        return Hit(node=node, values=values, excerpt=node.full_text()[:60])
    units = ctx.facts.index.by_scope["title"]
    if anchor != "document" and units:
        return Hit(unit=units[0], start=0, end=len(units[0].text), values=values)
    return Hit(values=values, excerpt="")
