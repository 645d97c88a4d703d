"""``period``: the 有效期 and the 施行日期, read from the text and held against the profile's limits.

Parameters:

``measure``          ``validity`` or ``effective``
``require``          report a draft that states none (outcome ``missing``; default true). For validity the
                     profile's ``require_validity`` must also be true.
``max_years``        validity limit, a number or a condition expression (default ``profile.max_validity_years``)
``trial_max_years``  limit when the title says 暂行 or 试行 (default ``profile.max_validity_trial_years``)
``notice_max_years`` limit when the document is a 通告 (default ``profile.max_validity_notice_years``)
``report``           the outcomes this rule reports (default: all of its measure's)
``min_days``         effective: least days from the signature date to the effective date
                     (default ``profile.min_days_to_effect``; none when null)

Outcomes: validity — ``missing``, ``too_long``; effective — ``missing``, ``unparsed`` (a 施行 clause whose date
cannot be read, e.g. a typo in it), ``before_signature`` (the effective date is earlier than the date the
document was signed: retroactive), ``too_soon`` (less than ``min_days``).
Message fields: ``{limit}``, ``{found}``, ``{years}``, ``{days}``.

Validity is read as a span (有效期5年, 试行期为二年, 有效期18个月) or an end date (有效期至2028年3月14日,
measured from the effective date); see ``facts/periods.py``.
"""

from __future__ import annotations

import re

from typing import Literal

from ..conditions import compile_condition
from . import Check, Hit, Params
from .require import anchor_hit


class PeriodParams(Params):
    measure: Literal["validity", "effective"]
    require: bool = True
    max_years: float | str = "profile.max_validity_years"
    trial_max_years: float | str = "profile.max_validity_trial_years"
    notice_max_years: float | str | None = "profile.max_validity_notice_years"
    min_days: int | str | None = "profile.min_days_to_effect"
    report: list[str] | None = None


def _profile_param(spec) -> str | None:
    """The profile parameter a limit was read from (``profile.max_validity_years`` → max_validity_years): the
    finding then cites the profile's basis for it."""
    found = re.fullmatch(r"\s*profile\.([a-z_]+)\s*", spec) if isinstance(spec, str) else None
    return found.group(1) if found else None


def _years(value: float) -> str:
    return f"{value:g}" if abs(value - round(value)) < 1e-9 else f"{value:.1f}"


class Period(Check):
    name = "period"
    Params = PeriodParams
    outcomes = {"missing": "未规定", "too_long": "有效期超过上限", "before_signature": "施行日期早于成文日期",
                "too_soon": "施行日期距公布时间过短", "unparsed": "施行日期写法无法识别"}
    fields = frozenset({"limit", "found", "years", "length", "days"})

    def __init__(self, rule, params: PeriodParams):
        super().__init__(rule, params)
        # compiled here: a bad expression is a load error, and a cached rule set needs no parser to run them
        self.conditions = {spec: compile_condition(spec) for spec in (params.max_years, params.trial_max_years,
                                                                      params.notice_max_years, params.min_days)
                           if isinstance(spec, str)}

    def _value(self, spec, ctx):
        """A limit: a number, or the value of its expression (compiled with the rule, ``conditions``)."""
        if spec is None or isinstance(spec, (int, float)):
            return spec
        condition = getattr(self, "conditions", {}).get(spec)  # a rule set cached by an older version has none
        return (condition or compile_condition(spec))(ctx.env)

    def run(self, ctx):
        hits = self.validity(ctx) if self.params.measure == "validity" else self.effective(ctx)
        report = self.params.report
        for hit in hits:
            if report is None or hit.outcome in report:
                yield hit

    def validity(self, ctx):
        facts = ctx.facts
        if not facts.validity:
            if self.params.require and ctx.profile.params.require_validity:
                hit = anchor_hit(ctx, "last_article", {})
                hit.outcome = "missing"
                yield hit
            return
        spec = self.params.max_years
        limit = self._value(spec, ctx)
        if ctx.view.trial and self._value(self.params.trial_max_years, ctx):
            spec = self.params.trial_max_years
            limit = self._value(spec, ctx)
        if ctx.view.genre == "通告" and self._value(self.params.notice_max_years, ctx):
            spec = self.params.notice_max_years
            limit = self._value(spec, ctx)
        if limit is None:
            return
        param = _profile_param(spec)
        for val in facts.validity:
            years = val.years(facts.effective_date)
            if years is not None and years > float(limit) + 1e-6:
                # a span the text states is that span (为5年); an end date gives a computed, rounded one (约为6.8年)
                length = f"{'为' if val.months is not None else '约为'}{_years(years)}年"
                yield Hit(unit=val.unit, start=val.start, end=val.end, outcome="too_long",
                          values={"limit": _years(float(limit)), "years": _years(years), "length": length,
                                  "found": val.text, **({"profile_param": param} if param else {})})

    def effective(self, ctx):
        facts = ctx.facts
        if not facts.effective:
            if self.params.require and facts.header_effective is None:
                hit = anchor_hit(ctx, "last_article", {})
                hit.outcome = "missing"
                yield hit
            return
        signed = facts.publication_date
        min_days = self._value(self.params.min_days, ctx)
        for eff in facts.effective:
            if eff.kind == "unparsed" or (eff.kind == "date" and eff.date is None):
                yield Hit(unit=eff.unit, start=eff.start, end=eff.end, outcome="unparsed", values={"found": eff.text})
            elif eff.kind == "date" and eff.date is not None and signed is not None:
                gap = (eff.date - signed).days
                if gap < 0:
                    yield Hit(unit=eff.unit, start=eff.start, end=eff.end, outcome="before_signature",
                              values={"found": eff.text, "days": str(-gap)})
                elif min_days is not None and gap < int(min_days):
                    yield Hit(unit=eff.unit, start=eff.start, end=eff.end, outcome="too_soon",
                              values={"found": eff.text, "days": str(gap), "limit": str(min_days)})
            elif eff.kind == "publication" and min_days:
                yield Hit(unit=eff.unit, start=eff.start, end=eff.end, outcome="too_soon",
                          values={"found": eff.text, "days": "0", "limit": str(min_days)})
            elif eff.kind == "after_publication" and min_days and eff.days_after is not None \
                    and eff.days_after < int(min_days):
                yield Hit(unit=eff.unit, start=eff.start, end=eff.end, outcome="too_soon",
                          values={"found": eff.text, "days": str(eff.days_after), "limit": str(min_days)})
