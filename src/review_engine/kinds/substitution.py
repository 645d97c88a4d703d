"""``substitution``: a non-standard term and the standard one to use instead (drafting quality).

Parameters:

``swap``     mapping of what is written → what should be written, e.g. ``{标准性文件: 规范性文件, 原那么: 原则}``
``regex``    when true, the keys of ``swap`` are regular expressions (``\\1`` in the value refers to a group);
             default false: keys are literal terms
``unless_sentence``  regexes: skip a hit whose sentence matches
``once``             report each written term once per document, at its first place, with the number of places
                     (message field ``{count}``); default false: every place
``not_preceding``    regexes: skip a hit when the text of its sentence before it matches one (anchor with ``$``:
                     ``原[^，。；]{0,8}$`` — the former body; ``《[^》]*$`` — inside a cited title)
``not_following``    regexes: skip a hit when the text of its sentence after it matches one (anchor with ``^``:
                     ``^令第`` — an order of the body, a cited instrument)

Message fields: ``{replacement}`` (what to write instead), ``{count}`` (with ``once``: how many places).
"""

from __future__ import annotations

import re

from pydantic import Field

from ..empty import Strings
from . import Check, Hit, Params, regex
from .pattern import any_regex


class SubstitutionParams(Params):
    swap: dict[str, str] = Field(min_length=1)
    regex: bool = False
    unless_sentence: Strings
    not_preceding: Strings
    not_following: Strings
    once: bool = False


class Substitution(Check):
    name = "substitution"
    Params = SubstitutionParams
    outcomes = {"default": "用词不规范"}
    fields = frozenset({"replacement", "count"})

    def __init__(self, rule, params: SubstitutionParams):
        super().__init__(rule, params)
        if params.regex:
            self.pairs = [(regex.compile(k), v) for k, v in params.swap.items()]
            self.regex = regex.compile("|".join(params.swap))
        else:
            self.pairs = None
            keys = sorted(params.swap, key=len, reverse=True)
            self.regex = regex.compile("|".join(re.escape(k) for k in keys))
        self.unless_sentence = any_regex(params.unless_sentence)
        self.not_preceding = any_regex(params.not_preceding)
        self.not_following = any_regex(params.not_following)

    def run(self, ctx):
        hits = self._hits(ctx)
        if not self.params.once:
            yield from hits
            return
        first: dict[str, Hit] = {}
        count: dict[str, int] = {}
        for hit in hits:
            written = hit.unit.text[hit.start:hit.end]
            first.setdefault(written, hit)
            count[written] = count.get(written, 0) + 1
        for written, hit in first.items():
            hit.values["count"] = count[written]
            yield hit

    def _hits(self, ctx):
        scopes = self.scopes
        for unit, found in ctx.facts.index.scan(self.regex, scopes):
            start, end = found.start() - unit.start, found.end() - unit.start
            if self.unless_sentence is not None or self.not_preceding is not None or self.not_following is not None:
                left, right = unit.sentence(start, end)
                if self.not_following is not None and self.not_following.search(unit.text[end:right]):
                    continue
                if self.unless_sentence is not None and self.unless_sentence.search(unit.text[left:right]):
                    continue
                if self.not_preceding is not None and self.not_preceding.search(unit.text[left:start]):
                    continue
            written = found.group()
            if self.pairs is None:
                replacement = self.params.swap[written]
            else:
                replacement = next((pattern.sub(value, written) for pattern, value in self.pairs
                                    if pattern.fullmatch(written)), None)
            if replacement is None or replacement == written:
                continue
            yield Hit(unit=unit, start=start, end=end, values={"replacement": replacement})
