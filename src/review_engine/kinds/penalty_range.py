"""``penalty_range``: penalties in a draft, held against the higher-law articles they rely on.

Parameters:

``measure``          ``basis`` or ``range``
``report``           the outcomes this rule reports (default: all of its measure's)

``measure: basis`` (CONT-PEN-01) — a penalty clause needs a sufficient basis:

``patterns`` / ``lexicon``  the penalty clauses to look at (as in ``pattern``)
``unless_sentence``   regexes: sentences that do not set a penalty at all (不得处以罚款, 罚没收入上缴国库)
``cite_sentence``     regexes: wording that refers to the higher law's penalty without naming an article
                      (依法予以处罚, 依照有关法律法规的规定处罚); such a clause passes, unless it names an instrument
                      that cannot be a basis (see below)

For each clause the citations of its sentence (not those after 违反: the violated rule is not the basis) decide — or,
when it has none, a named basis earlier in the whole sentence, before a semicolon (…的，依照《…》第X条的规定，由…处…；
情节严重的，吊销…: ``facts.reading.governing_basis``):

* it cites an article (《…》第X条) that the registry says provides a penalty — in the version in force on the
  citation date, directly or by reference (依照本法第九十条的规定处罚) → no finding;
* the cited instrument is a level that cannot set penalties (规范性文件 and below; 行政处罚法 第十六条), by the
  registry or, for an unknown title, by its genre (…通知, …意见, a 〔年〕号 文号) → outcome ``low_level_basis``;
* the registry has the article facts and the cited article provides no penalty → ``not_penalty_article``
  (for a citation without article: no article of that instrument provides one);
* the registry cannot tell (unknown instrument, no article facts for the version in force, not in force) →
  the check is reported as not run for that clause, never passed silently (the opinion lists it);
* it cites a law that provides penalties without naming an article, and the sentence writes its own sum of money
  (根据《…法》和有关规定，……给予每次一千元的经济处罚) → ``no_article``, at modify: whether that law provides this
  fine for this conduct can not be checked, and the draft must name the article (a clause that only refers,
  依照《…法》的规定予以处罚, passes);
* no citation and no referring wording → ``no_basis`` (the draft sets the penalty itself).

``measure: range`` (CONT-PEN-04, CONT-PEN-05) — each fine the draft sets (``facts.amounts``: 处五百元罚款,
处二百元以上一千元以下罚款, 处违法所得三倍罚款) in a sentence that cites an article — or, for a 项, in the lead-in
of its 款 — is compared with the fines of the cited article (the cited 款/项 when given; an article that
refers to another is followed) in the version in force:

* ``above_max`` — the draft allows more than the highest maximum of the article (same target 个人/单位 when
  both name one; a multiple is compared with multiples of the same base);
* ``below_min`` — the draft allows less than the lowest minimum (a draft ``…以下`` without a minimum allows
  less than any statutory minimum).

A cited article the registry has no fine facts for is skipped (nothing to compare); a law without article
facts for the version in force is reported as not run.

Message fields: ``{cited}`` (the citation as written), ``{law}``, ``{provision}``, ``{law_range}`` (the
article's fines as the law writes them, e.g. 警告或者二十元以上二百元以下罚款), ``{draft_range}`` (the draft's
clause), ``{limit}`` (the maximum or minimum exceeded), ``{reason}``, ``{version}``, ``{date}``, ``{level}``.
Findings carry the cited article and its quotation from the registry as a per-finding basis.

``grading`` (CONT-PEN-01): a regex on the title of a 行政处罚裁量基准; its penalties are taken as grades of its basis
laws' penalties unless a fine is of a kind they do not fine by (``_grades``).

Longer than 450 lines because the two measures read a penalty's citations alike and compare fines with the same
helpers (the kinds and bases of fines, their ranges), which a discretion benchmark's grades are held to as well.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

from pydantic import model_validator

from ..empty import Strings
from ..facts.amounts import SUM_WRITTEN, find_penalty_ranges
from ..facts.reading import governing_basis, sentence_head
from ..findings import Basis
from ..numerals import format_yuan, to_chinese
from ..registry.model import PENALTY_LEVELS
from . import Check, Hit, Params
from .citation import citation_date, registry_basis, version_text
from .pattern import any_regex, compile_alternatives

MEASURES = {"basis": ("no_basis", "not_penalty_article", "low_level_basis", "no_article"), "range": ("above_max", "below_min")}
_LOW_TITLE = re.compile(r"(?:通知|意见|批复|复函|函|纪要|方案|公告|通告|通报|规划|计划|要点)$")
_NORMATIVE_NO = re.compile(r"〔\d{4}〕\d+号")
_USED_ROLES = ("basis", "mention")


class PenaltyRangeParams(Params):
    measure: Literal["basis", "range"]
    report: list[str] | None = None
    patterns: Strings
    lexicon: Strings
    unless_sentence: Strings
    cite_sentence: Strings
    grading: str | None = None

    @model_validator(mode="after")
    def _patterns_for_basis(self):
        if self.measure == "basis" and not self.patterns and not self.lexicon:
            raise ValueError("measure: basis 需要 patterns 或 lexicon（处罚条款的识别方式）")
        if self.measure == "range" and (self.patterns or self.lexicon or self.unless_sentence or self.cite_sentence):
            raise ValueError("measure: range 不使用 patterns、lexicon、unless_sentence、cite_sentence")
        return self


class PenaltyRange(Check):
    name = "penalty_range"
    Params = PenaltyRangeParams
    outcomes = {
        "no_basis": "规范性文件设定了行政处罚",
        "not_penalty_article": "援引的条文未规定行政处罚",
        "low_level_basis": "援引的依据层级不足以设定行政处罚",
        "no_article": "罚款数额由本文件写明，援引的法律法规未写明条款",
        "above_max": "罚款超出上位法规定的上限",
        "below_min": "罚款低于上位法规定的下限",
    }
    fields = frozenset({"cited", "law", "provision", "law_range", "draft_range", "limit", "reason", "version",
                        "date", "level"})

    def __init__(self, rule, params: PenaltyRangeParams):
        super().__init__(rule, params)
        if params.measure == "basis":
            self.regexes = compile_alternatives(params.patterns, params.lexicon)
            self.unless_sentence = any_regex(params.unless_sentence)
            self.cite_sentence = any_regex(params.cite_sentence)
            self.grading = re.compile(params.grading) if params.grading else None

    def run(self, ctx):
        report = self.params.report or MEASURES[self.params.measure]
        hits = self._basis(ctx) if self.params.measure == "basis" else self._range(ctx)
        for hit in hits:
            if hit.outcome == "not_run" or hit.outcome in report:
                yield hit

    # -- CONT-PEN-01 ----------------------------------------------------------------------------------------

    def _basis(self, ctx):
        index = ctx.facts.index
        scopes = self.scopes
        citations = ctx.facts.citations
        day, day_text = citation_date(ctx)
        done: set[tuple[int, int]] = set()  # one finding per sentence
        grading = self.grading is not None and self.grading.search(ctx.doc.title_block.title or "") is not None
        for regex in self.regexes:
            for unit, found in index.scan(regex, scopes):
                start, end = found.start() - unit.start, found.end() - unit.start
                left, right = unit.sentence(start, end)
                if (id(unit), left) in done:
                    continue
                sentence = unit.text[left:right]
                if self.unless_sentence is not None and self.unless_sentence.search(sentence):
                    continue
                done.add((id(unit), left))
                cites = [c for c in citations.in_span(unit.start + left, unit.start + right) if _usable(c)]
                if not cites:  # a 项 under a 款 that cites the basis: …依照《…》第X条的规定处罚：（一）…
                    cites = [c for c in _lead_in_citations(ctx).get(id(unit), []) if _usable(c)]
                if not cites:  # …的，依照《…》第X条的规定，由…处…；情节严重的，吊销…: the basis governs the sentence
                    governing = governing_basis(unit.text, sentence_head(unit.text, left), left)
                    if governing is not None:
                        cites = [c for c in citations.in_span(unit.start + governing.start(), unit.start + governing.end())
                                 if _usable(c)]
                verdict = self._judge(cites, ctx.registry, day, SUM_WRITTEN.search(sentence) is not None) if cites else None
                if verdict is None:
                    if cites or (self.cite_sentence is not None and self.cite_sentence.search(sentence)):
                        continue
                    if grading and _grades(ctx, sentence, unit.text[start:end]):
                        continue
                    yield Hit(unit=unit, start=start, end=end, outcome="no_basis")
                    continue
                outcome, values = verdict
                if outcome == "not_run":
                    label = unit.label or "正文"
                    yield Hit(outcome="not_run", values={"reason": f"{label}“{sentence[:40]}”：{values['reason']}"})
                    continue
                values["date"] = day_text
                yield Hit(unit=unit, start=start, end=end, outcome=outcome, values=values)

    def _judge(self, cites, registry, day, amount: bool = False):
        """None: passes (or no citation); else (outcome, values). ``amount``: the sentence writes a sum of money."""
        if not cites:
            return None
        low, wrong, unsure = [], [], []
        for c in cites:
            inst = c.resolve(registry)
            cited = c.written
            if inst is None:
                title = c.title or ""
                if c.kind in ("title", "doc_number") and (_LOW_TITLE.search(title) or _NORMATIVE_NO.search(
                        c.doc_number or "")):
                    low.append((c, None, f"{cited}属于规范性文件"))
                elif c.kind != "back":
                    unsure.append(f"{cited}未在上位法库中找到，未能核对其能否作为处罚依据")
                continue
            if inst.level not in PENALTY_LEVELS:
                low.append((c, inst, f"{cited}是{inst.level}"))
                continue
            if not c.articles:
                version = registry.version_on(inst, day)
                facts = inst.facts_for(version)
                if facts is not None and not facts.any_penalty():
                    wrong.append((c, inst, version, f"上位法库记载《{inst.title}》{version.label}没有规定行政处罚的条文"))
                    continue
                if amount:  # the sum is the document's own: which article, if any, provides it is not said
                    return "no_article", {"cited": cited, "law": inst.title, "severity": "modify",
                                          "basis_extra": [registry_basis(inst, version)]}
                return None  # a law that provides penalties, cited without an article: a reference to it
            ok, reason = registry.in_force(inst, day)
            version = registry.version_on(inst, day)
            if not ok or version is None:
                unsure.append(f"{reason or cited + '尚未施行'}未能核对所引条文")
                continue
            facts = inst.facts_for(version)
            if facts is None:
                unsure.append(f"上位法库没有《{inst.title}》{version.label}的条文事实，未能核对{cited}是否规定了行政处罚")
                continue
            if any(facts.provides_penalty(r.article, r.suffix) if r.suffix else
                   any(facts.provides_penalty(n) for n in range(r.article, (r.article_to or r.article) + 1))
                   for r in c.articles):
                return None
            wrong.append((c, inst, version, f"上位法库记载《{inst.title}》{version.label}的"
                          f"{'、'.join(r.label() for r in c.articles)}没有规定行政处罚"))
        if low:
            c, inst, reason = low[0]
            extra = [registry_basis(inst)] if inst is not None else []
            return "low_level_basis", {"cited": c.written, "law": inst.title if inst else (c.title or ""),
                                       "reason": reason, "level": inst.level if inst else "规范性文件",
                                       "basis_extra": extra}
        if wrong:
            c, inst, version, reason = wrong[0]
            return "not_penalty_article", {"cited": c.written, "law": inst.title, "reason": reason,
                                           "provision": "、".join(r.label() for r in c.articles),
                                           "version": version_text(inst, version),
                                           "basis_extra": [registry_basis(inst, version)]}
        if unsure:
            return "not_run", {"reason": "；".join(unsure)}
        return None

    # -- CONT-PEN-04 / 05 -----------------------------------------------------------------------------------

    def _range(self, ctx):
        fines = _draft_fines(ctx)
        if not fines:
            return  # no fine with a citation: the registry is not even loaded
        registry = ctx.registry
        day, day_text = citation_date(ctx)
        not_run: set[int] = set()
        for unit, fine, cites in fines:
            for c in cites:
                inst = c.resolve(registry)
                if inst is None or inst.level not in PENALTY_LEVELS or not registry.in_force(inst, day)[0]:
                    continue
                version = registry.version_on(inst, day)
                facts = inst.facts_for(version)
                if facts is None:
                    if id(inst) not in not_run:
                        not_run.add(id(inst))
                        label = version.label if version else ""
                        yield Hit(outcome="not_run", values={"reason": f"上位法库没有《{inst.title}》{label}的罚款幅度，"
                                                                       f"未能核对{unit.label}“{fine.raw}”"})
                    continue
                pens = []
                for ref in c.articles:
                    keys = [f"{ref.article}-{ref.suffix}"] if ref.suffix else \
                        range(ref.article, (ref.article_to or ref.article) + 1)
                    for number in keys:
                        pens.extend(facts.penalties_of(number, ref.paragraph, ref.item))
                hit = compare_fine(fine, pens)
                if hit is None:
                    continue
                outcome, limit, used = hit
                law_range = "；".join(dict.fromkeys(penalty_text(p) for _, p in used))
                extra = []
                for number, pen in used[:3]:
                    extra.append(Basis.trusted(law=inst.title, article=number, paragraph=pen.paragraph, item=pen.item,
                                               quote=pen.quote))
                values = {"cited": c.written, "law": inst.title,
                          "provision": "、".join(r.label() for r in c.articles), "law_range": law_range,
                          "draft_range": fine.raw, "limit": limit, "version": version_text(inst, version),
                          "date": day_text, "basis_extra": extra,
                          "reason": f"{c.written}规定{law_range}（上位法库：{version_text(inst, version)}）"}
                yield Hit(unit=unit, start=fine.start, end=fine.end, outcome=outcome, values=values)
                break  # one finding per fine


# --------------------------------------------------------------------------------------------------
# The draft's fines and the citations they rely on (computed once per document, shared by the rules)
# --------------------------------------------------------------------------------------------------


def _grades(ctx, sentence: str, words: str) -> bool:
    """In a 行政处罚裁量基准 (``grading``: its title), whether a penalty sentence grades a penalty its basis laws provide.

    A sanction other than a fine (责令停产停业, 吊销……) is taken as the law's, as is any sentence of a document whose
    basis laws the registry does not know; a fine grades the law's when one of its fines is of a kind the basis laws
    fine by — a share or a multiple of the same base (建设工程造价百分之五 under 城乡规划法's 建设工程造价百分之五以上
    百分之十以下), a sum in yuan within a range they set (a grade stays within the range it grades). A fine of another
    kind or outside every range, or one whose sum is not read (按每平方米五十元处以罚款 in a guide to 城乡规划法, which
    fines by the cost of the works), is the document's own."""
    from .measure import basis_titles, facts_of

    fines = find_penalty_ranges(sentence)  # (the sentence's, whichever of its sanctions was found first)
    if not fines and not re.search(r"罚款|罚金|元", words):
        return True
    laws = [facts for inst in basis_titles(ctx) if (facts := facts_of(ctx, inst)) is not None]
    if not laws:
        return True
    pens = [pen for facts in laws for fact in facts.articles.values() for pen in fact.penalties]
    return any(_grade_of(fine, pen) for fine in fines for pen in pens)


def _grade_of(fine, pen) -> bool:
    """Whether a draft's fine grades a law's: a share or multiple of the same base, or a sum within its range (a grade
    stays within the range it grades), per unit where the law's is."""
    if fine.kind in ("multiple", "percent"):
        return pen.kind == fine.kind and _same_base(pen.base, fine.base)
    return pen.is_money and fine.kind in ("fixed", "range", "max_only", "min_only") \
        and bool(fine.per) == bool(pen.per) and _within(fine, pen)


def _within(fine, pen) -> bool:
    """Whether a draft's sum of money lies within a law's range."""
    low = fine.min if fine.min is not None else fine.max
    high = fine.max if fine.max is not None else fine.min
    if low is None or high is None:
        return False
    return (pen.min is None or low >= pen.min) and (pen.max is None or high <= pen.max)


def _usable(c) -> bool:
    """A citation that can be the basis of a penalty in its sentence (not 违反…, not the draft itself, not a licence
    or a form named in 《》: 吊销其《景区经营证》)."""
    if c.kind == "title" and not c.instrument_like:
        return False
    if c.kind == "doc_number":
        return c.role == "basis"
    return c.role in _USED_ROLES


def _lead_in_citations(ctx) -> dict[int, list]:
    """{id(point unit): citations of the 款 that introduces it}, computed once per document."""
    citations = ctx.facts.citations
    cached = getattr(citations, "_lead_ins", None)
    if cached is None:
        by_unit: dict[int, list] = {}
        for c in citations:
            if c.kind != "doc_number" or c.role == "basis":
                by_unit.setdefault(id(c.unit), []).append(c)
        cached = _lead_ins(ctx.facts.index, by_unit) if by_unit else {}
        citations._lead_ins = cached
    return cached


def _draft_fines(ctx) -> list:
    citations = ctx.facts.citations
    cached = getattr(citations, "_draft_fines", None)
    if cached is not None:
        return cached
    out = []
    with_articles = [c for c in citations.with_articles if c.role in _USED_ROLES]
    if with_articles:
        index = ctx.facts.index
        by_unit: dict[int, list] = {}
        for c in with_articles:
            by_unit.setdefault(id(c.unit), []).append(c)
        lead_in = {key: [c for c in cites if c.articles and c.role in _USED_ROLES]
                   for key, cites in _lead_in_citations(ctx).items()}
        for unit in index.by_scope["text"]:
            if "罚款" not in unit.text:
                continue
            own = by_unit.get(id(unit), [])
            inherited = lead_in.get(id(unit), [])
            if not own and not inherited:
                continue
            for fine in find_penalty_ranges(unit.text):
                left, right = unit.sentence(fine.start, fine.end)
                here = [c for c in own if left <= c.start < right]
                if not here:
                    here = [c for c in own if c.start < fine.start] or inherited
                if here:
                    out.append((unit, fine, here))
    citations._draft_fines = out
    return out


def _lead_ins(index, by_unit: dict[int, list]) -> dict[int, list]:
    """{id(point unit): citations of the 款 that introduces it} (…依照《…》第X条的规定处罚：（一）…）."""
    out: dict[int, list] = {}
    node_unit = {id(u.node): u for u in index.units if u.node is not None}
    for unit in index.units:
        cites = by_unit.get(id(unit))
        if not cites or unit.node is None or unit.node.kind != "paragraph":
            continue
        if not unit.text.rstrip().endswith(("：", ":")):
            continue  # a 款 that does not introduce its 项 (its last sentence no lead-in) gives them no basis
        for point in unit.node.walk():
            if point.kind == "point":
                target = node_unit.get(id(point))
                if target is not None:
                    out[id(target)] = cites
    return out


def compare_fine(fine, pens):
    """(outcome, limit text, penalties used) when the draft's fine lies outside the article's, else None."""
    if fine.kind in ("fixed", "range", "max_only", "min_only"):
        law = [(n, p) for n, p in pens if p.is_money]
        if fine.per:
            law = [(n, p) for n, p in law if p.per]
    elif fine.kind in ("multiple", "percent"):
        law = [(n, p) for n, p in pens if p.kind == fine.kind and _same_base(p.base, fine.base)]
    else:
        return None
    if not law:
        return None
    if any(p.min == fine.min and p.max == fine.max for _, p in law):
        return None  # a range the article itself gives (固废法 第一百一十一条第二款: 单位 5–50 or 10–100万 by the 项)
    if fine.targets:
        matched = [(n, p) for n, p in law if p.targets and _targets_meet(p.targets, fine.targets)]
        if matched:
            law = matched
    highs = [p.max for _, p in law]
    law_max = None if any(h is None for h in highs) else max(highs)
    law_min = min((p.min or Decimal(0)) for _, p in law)
    unit = fine.kind
    draft_hi = fine.max if fine.max is not None else fine.min
    draft_lo = fine.min
    if law_max is not None and draft_hi is not None and draft_hi > law_max:
        used = [(n, p) for n, p in law if p.max == law_max]
        return "above_max", _amount(law_max, unit, law[0][1].base), used
    if law_min > 0 and (draft_lo is None or draft_lo < law_min):
        used = [(n, p) for n, p in law if (p.min or 0) == law_min]
        return "below_min", _amount(law_min, unit, law[0][1].base), used
    return None


def _same_base(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    for key in ("违法所得", "货值金额", "销售金额", "营业额", "合同金额", "工程款", "造价", "费用", "保险费"):
        if key in a and key in b:
            return True
    return a == b


def _targets_meet(law: list[str], draft: list[str]) -> bool:
    return any(t in d or d in t for t in law for d in draft)


def _amount(value: Decimal, kind: str, base: str | None) -> str:
    if kind == "multiple":
        return f"{base or ''}{_times(value)}"
    if kind == "percent":
        return f"{base or ''}百分之{_num(value)}"
    return format_yuan(value)


def _num(value: Decimal) -> str:
    value = Decimal(value)
    if value == value.to_integral_value():
        return to_chinese(int(value))
    return f"{value.normalize():f}"


def _times(value: Decimal) -> str:
    return "等值" if value == 1 else f"{_num(value)}倍"


def penalty_text(p) -> str:
    """A registry penalty as a law writes it: 警告或者二十元以上二百元以下罚款."""
    warn = "警告或者" if "警告" in p.types else ""
    base = p.base or ""
    if p.kind == "range":
        body = f"{format_yuan(p.min)}以上{format_yuan(p.max)}以下罚款"
    elif p.kind == "max_only":
        body = f"{format_yuan(p.max)}以下罚款"
    elif p.kind == "min_only":
        body = f"{format_yuan(p.min)}以上罚款"
    elif p.kind == "fixed":
        body = f"{format_yuan(p.min)}罚款"
    elif p.kind == "multiple":
        lo = _times(p.min) if p.min is not None else ""
        hi = _times(p.max) if p.max is not None else ""
        body = f"{base}{lo}以上{hi}以下罚款" if lo and hi and lo != hi else f"{base}{hi or lo}罚款"
    elif p.kind == "percent":
        lo = f"百分之{_num(p.min)}" if p.min is not None else ""
        hi = f"百分之{_num(p.max)}" if p.max is not None else ""
        body = f"{base}{lo}以上{hi}以下罚款" if lo and hi else f"{base}{hi or lo}罚款"
    else:
        body = "、".join(p.types)
    who = f"对{'、'.join(p.targets)}" if p.targets else ""
    return f"{who}处{warn}{body}"
