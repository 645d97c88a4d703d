"""``pattern``: words or regular expressions that must not appear, with the exceptions the law allows.

Parameters:

``patterns``         regular expressions (Python ``re``); any match is a hit
``lexicon``          literal terms (escaped and tried longest first); use either or both
``unless_sentence``  regexes: a hit is dropped when its sentence (up to 。；！？) matches any of them; a concession
                     the hit comes after (除依法办理养殖证外，还须经乡镇人民政府同意) is not searched: the basis it
                     names covers what it concedes, not the further requirement
``unless_unit``      regexes: dropped when the text unit (the 款, 项 or outline line) matches any
``unless_article``   regexes: dropped when the whole article (or outline item) matches any
``require_sentence`` regexes: a hit counts only when its sentence also matches every one of them
``group``            report this group of the match as the excerpt (name or number; default: whole match)
``terms``            named regex fragments, ``{NAME}`` in any regex above (see ``kinds/terms.py``)
``max_per_unit``     report at most this many hits per unit (default: all)

The rule's ``unless`` condition is evaluated per hit with ``match.text``, ``match.sentence``,
``match.unit``, ``match.article`` (and named groups as ``match.<name>``).

How it runs: the patterns are compiled once per rule set and searched over the whole document text in one
pass (``facts.text.TextIndex.scan``), as a bare ``re`` search would; a hit is then mapped to its text unit and
kept only if the unit is in the rule's scope. A match that would run from one unit into the next is
searched again inside the unit.

Example (rules/content/CONT-COE-02.yaml):

    check: pattern
    patterns: ['(停止|中断)(供水|供电|供气|供热)', '停水、?停电']
    unless_sentence: ['不得[^。；]{0,6}(停止|中断)']
"""

from __future__ import annotations

import re
from typing import ClassVar

from pydantic import Field, ValidationInfo, model_validator

from ..empty import Strings, new_dict
from . import Check, Hit, Params, regex
from .terms import expand, factor, normalise


class PatternParams(Params):
    """The trigger (``patterns``, ``lexicon``), its exceptions, and ``terms``: named regex fragments ``{NAME}``
    (the rule's own, over the rule folder's shared ``terms.yaml``)."""

    REGEX_LISTS: ClassVar[tuple[str, ...]] = ("patterns", "unless_sentence", "unless_unit", "unless_article",
                                              "require_sentence")

    terms: dict[str, str | list[str]] = Field(default_factory=new_dict)
    patterns: Strings
    lexicon: Strings
    unless_sentence: Strings
    unless_unit: Strings
    unless_article: Strings
    require_sentence: Strings
    group: str | int | None = None
    max_per_unit: int | None = None

    @model_validator(mode="after")
    def _something_to_find(self, info: ValidationInfo):
        if not self.patterns and not self.lexicon:
            raise ValueError("需要 patterns 或 lexicon（要查找的触发词或正则表达式）")
        self.terms = normalise(self.terms)
        shared = (info.context or {}).get("terms", {}) if info is not None else {}
        self.expand_terms({**shared, **self.terms})
        return self

    def expand_terms(self, terms: dict[str, str]) -> None:
        """Write out every ``{NAME}`` of ``terms`` in the rule's regexes."""
        for name in self.REGEX_LISTS:
            setattr(self, name, [expand(p, terms) for p in getattr(self, name)])


def compile_alternatives(patterns: list[str], lexicon: list[str] = ()) -> list:
    """One regex for all alternatives when possible (no named groups), else one per pattern.

    Alternatives are joined as ``a|b`` (not ``(?:a)|(?:b)``): the same matches, but ``re`` can then skip
    ahead by the alternatives' first characters, which made some rules' passes four times faster."""
    sources = [factor(p) for p in patterns]
    if lexicon:
        sources.append("|".join(re.escape(t) for t in sorted(set(lexicon), key=len, reverse=True)))
    if regex.is_lazy():
        named = any("(?P<" in s for s in sources)
        return [regex.compile(s) for s in sources] if named and len(sources) > 1 else [regex.compile("|".join(sources))]
    compiled = [re.compile(s) for s in sources]  # raises re.error naming the bad pattern
    if len(compiled) > 1 and not any(c.groupindex for c in compiled):
        return [regex.compile("|".join(sources))]
    return compiled if regex.is_trusted() else [regex.compile(s) for s in sources]


def any_regex(patterns: list[str]):
    """One regex matching where any of ``patterns`` matches (None for no patterns)."""
    return regex.compile("|".join(patterns)) if patterns else None


def match_span(found: re.Match, unit, group: str | int | None) -> tuple[int, int]:
    """Offsets in ``unit.text`` of the match, or of its ``group`` when the rule reports one and it took part."""
    if group is not None:
        try:
            if found.group(group) is not None:
                return found.start(group) - unit.start, found.end(group) - unit.start
        except IndexError:  # the group is not in this alternative
            pass
    return found.start() - unit.start, found.end() - unit.start


class Pattern(Check):
    name = "pattern"
    Params = PatternParams
    outcomes = {"default": "出现了不应出现的内容"}
    fields = frozenset()

    def __init__(self, rule, params: PatternParams):
        super().__init__(rule, params)
        self.regexes = compile_alternatives(params.patterns, params.lexicon)
        self.unless_sentence = any_regex(params.unless_sentence)
        self.unless_unit = any_regex(params.unless_unit)
        self.unless_article = any_regex(params.unless_article)
        self.require_sentence = [regex.compile(p) for p in params.require_sentence]

    def run(self, ctx):
        index = ctx.facts.index
        scopes = self.scopes
        params = self.params
        per_unit: dict[int, int] = {}
        seen: set[tuple[int, int]] = set()
        for regex in self.regexes:
            for unit, found in index.scan(regex, scopes):
                start, end = match_span(found, unit, params.group)
                if (unit.start + start, unit.start + end) in seen:
                    continue
                if not self.keep(unit, start, end, index):
                    continue
                if params.max_per_unit is not None:
                    count = per_unit.get(id(unit), 0)
                    if count >= params.max_per_unit:
                        continue
                    per_unit[id(unit)] = count + 1
                seen.add((unit.start + start, unit.start + end))
                values = {k: v for k, v in found.groupdict().items() if v is not None}
                yield Hit(unit=unit, start=start, end=end, values=values)

    def keep(self, unit, start: int, end: int, index) -> bool:
        if self.unless_sentence is not None or self.require_sentence:
            left, right = unit.sentence(start, end)
            sentence = unit.text[left:right]
            if self.unless_sentence is not None and self.unless_sentence.search(unless_scope(unit.text, left, right, start)):
                return False
            if any(r.search(sentence) is None for r in self.require_sentence):
                return False
        if self.unless_unit is not None and self.unless_unit.search(unit.text):
            return False
        if self.unless_article is not None and self.unless_article.search(index.article_text(unit)):
            return False
        return True


# 除……外，还（另、并、同时、也、须、应当）……: what the law already asks is conceded, and more is added
# (… or 在……基础上: 在依法缴纳税款基础上加征2%的地方文化事业附加)
_CONCESSION = re.compile(r"除[^。；]{1,40}?(?:以外|之外|外)[，,]?(?=[^。；，]{0,3}?(?:还|另|并|同时|也|须|需|应当|必须))"
                         r"|在[^。；，]{1,30}?基础上[，,]?")


# ；但是，…… / ；但…… : a proviso qualifies the clause before it, and is read with it
_PROVISO = re.compile(r"\s*(?:但是|但)[，,]")


# a half after a ；that opens with the outcome of the half before (调解不成的 / 未经复核的 / 逾期的 / 否则 / 经催告……仍不
# 支付的) is read with it: for what the sentence must hold (应当先申请调解；调解不成的，方可申请复议, ``clause``), and for
# its exceptions, which the condition brings along (依照《……》……；……未经复核的，…… / 用水户逾期不支付水费的，……催告；经催告
# ……仍不支付的，可以……中止供水)
CONTINUES = re.compile(r"[^，,。；;]{0,16}?(?:不成|未果|无果|不服|未(?:经|作|予|能|按|获|达成)|逾期|拒不|仍不|仍未)[^，,。；;]{0,12}?的[，,]"
                       r"|否则|经[^，,。；;]{0,12}?(?:后|仍)")


def unless_scope(text: str, left: int, right: int, at: int) -> str:
    """Where a hit's exceptions are searched: its sentence (``text[left:right]``), without a concession the hit
    (at ``at``) comes after, and led by the clause a proviso qualifies (依照《……》第二十九条规定，……；但是，……应当实行
    政府指导价: the citation covers the proviso) or the half it continues (``CONTINUES``)."""
    sentence = beyond_concession(text[left:right], at - left)
    if left and text[left - 1] in "；;" and (_PROVISO.match(text, left) or CONTINUES.match(text, left)):
        return text[text.rfind("。", 0, left - 1) + 1:left] + sentence
    return sentence


def beyond_concession(sentence: str, at: int) -> str:
    """The sentence without a concession (除依法办理养殖证外，) that ends before ``at``, the hit's offset in it."""
    found = _CONCESSION.search(sentence)
    if found is None or found.end() > at:
        return sentence
    return sentence[:found.start()] + sentence[found.end():]
