"""``citation``: the higher law a draft cites exists, is in force, has the cited article, and is named in full.

Parameters:

``measure``              what to check (one kind, four rules):

                         * ``unknown`` — the cited instrument is not in the registry (outcome ``unknown``). Only
                           titles that name an instrument count (法, 条例, 办法, 通知 …, or any title followed by
                           第X条 or a 文号; not 《营业执照》), each reported once, and 文号 cited on their own when
                           they are the basis of something (根据国办发〔2018〕115号…);
                         * ``in_force`` — the instrument is repealed, or not yet in force, on the citation date
                           (outcomes ``repealed``, ``not_yet_in_force``);
                         * ``article`` — the cited article, 款 or 项 does not exist in the version in force on the
                           citation date (outcomes ``no_article``, ``no_paragraph``, ``no_item``). Articles are
                           checked against the version's ``article_count``; 款 and 项 against the registry's
                           ``layout``, which only the imported version has (otherwise the 款/项 part is not
                           checked and the check is listed as not run);
                         * ``full_title`` — the first citation of an instrument uses a short form
                           (《行政处罚法》 for 《中华人民共和国行政处罚法》, outcome ``short_title``) or no 《》 at all
                           (依照道路交通安全法第九十条, outcome ``no_brackets``).
``roles``                which citations to check, by their role in the sentence (default ``basis``,
                         ``violated``, ``mention``; never ``self`` — the draft's own title — nor ``repeal`` —
                         the instruments a draft says it repeals)
``report``               the outcomes this rule reports (default: all of its measure's)
``unverified_severity``  severity of an ``article`` finding when the registry marks the version's article
                         count as unverified (default ``warn``: the count may be wrong)

The citation date: an instrument must be in force when the draft applies, so the date checked is the later
of the review date (``ctx.review_date``: the profile's ``review_date``, else the dossier's legality-review
dates, else today) and the draft's own effective date (its 施行日期, or its signature date when that is all it
gives). A draft reviewed before a repeal takes effect but applying after it is caught; a draft written to
apply a law that takes effect before the draft does is not.

Message fields: ``{cited}`` (the citation as written), ``{law}`` (the full title), ``{provision}`` (第X条第Y款),
``{reason}`` (what the registry says, in Chinese), ``{date}`` (the citation date), ``{version}`` (the version
in force), ``{count}`` (its article count), ``{successor}`` (the replacing instrument), ``{full}`` (《full title》).
Every hit adds what the registry knows as a per-finding ``basis`` (the instrument, its status and dates).
"""

from __future__ import annotations

import re

import datetime as dt
from typing import Literal

from pydantic import Field

from ..findings import Basis, Severity
from ..numerals import to_chinese
from . import Check, Hit, Params

MEASURES = {
    "unknown": ("unknown",),
    "in_force": ("repealed", "not_yet_in_force", "superseded"),
    "article": ("no_article", "no_paragraph", "no_item"),
    "full_title": ("short_title", "no_brackets"),
}


class CitationParams(Params):
    measure: Literal["unknown", "in_force", "article", "full_title"]
    roles: list[Literal["basis", "violated", "mention", "self", "repeal"]] = Field(
        default_factory=lambda: ["basis", "violated", "mention"])
    report: list[str] | None = None
    unverified_severity: Severity = "warn"


def fmt_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def citation_date(ctx) -> tuple[dt.date, str]:
    """(date, what it is): the later of the review date and the draft's effective (or signature) date
    (computed once per document)."""
    cached = ctx.__dict__.get("_citation_date")
    if cached is not None and cached[0] == ctx.review_date:
        return cached[1]
    review = ctx.review_date
    facts = ctx.facts
    own = facts.effective_date or facts.publication_date
    if own is not None and own > review:
        result = own, f"{'文件' if ctx.stage == 'filing-review' else '草案'}施行日期{fmt_date(own)}"
    else:
        result = review, f"{ctx.date_label}{fmt_date(review)}"
    ctx.__dict__["_citation_date"] = (review, result)
    return result


def version_text(inst, version, *, count: bool = True) -> str:
    """2021年修订，自2021年7月15日起施行，共八十六条."""
    if version is None:
        return ""
    parts = [version.label]
    if version.start is not None:
        parts.append(f"自{fmt_date(version.start)}起施行")
    if count and version.article_count:
        count = f"共{to_chinese(version.article_count)}条"
        if not version.count_verified:
            count += "（条文数未经核实）"
        parts.append(count)
    return "，".join(parts)


def registry_basis(inst, version=None, reason: str = "") -> Basis:
    """What the registry knows about ``inst``, as a basis entry of a finding."""
    quote = reason or "，".join(x for x in (inst.level, inst.issuer, inst.status) if x)
    if version is not None and not reason:
        quote += f"；现行版本：{version_text(inst, version)}"
    return Basis.trusted(law=inst.title, quote=quote)


class Citation(Check):
    name = "citation"
    Params = CitationParams
    outcomes = {
        "unknown": "引用的文件不在上位法库中",
        "repealed": "引用的法律法规已废止",
        "not_yet_in_force": "引用的法律法规尚未施行",
        "superseded": "引用的文本已被修改后的文本取代",
        "no_article": "引用的条文不存在",
        "no_paragraph": "引用的款不存在",
        "no_item": "引用的项不存在",
        "short_title": "首次引用未使用全称",
        "no_brackets": "引用法律名称未加书名号",
    }
    fields = frozenset({"cited", "law", "provision", "reason", "date", "version", "count", "successor", "full"})

    def run(self, ctx):
        method = getattr(self, f"_{self.params.measure}")
        report = self.params.report or MEASURES[self.params.measure]
        scopes = self.scopes
        cites = [c for c in ctx.facts.citations if c.role in self.params.roles and c.unit.scopes & scopes]
        if not cites:
            return  # nothing cited: the registry is not even loaded
        for hit in method(ctx, cites):
            if hit.outcome == "not_run" or hit.outcome in report:
                yield hit

    # -- CITE-01 --------------------------------------------------------------------------------------------

    def _unknown(self, ctx, cites):
        registry = ctx.registry
        seen: set[str] = set()
        for c in cites:
            if c.kind not in ("title", "doc_number") or c.resolve(registry) is not None:
                continue
            if c.kind == "title" and not c.instrument_like:
                continue
            if c.kind == "doc_number" and c.role != "basis":
                continue
            key = (c.title or c.doc_number or "").replace("〈", "《").replace("〉", "》")
            if key in seen:
                continue
            seen.add(key)
            cited = f"《{c.title}》" if c.title else c.doc_number or c.written
            if c.title and claims_national(c.title):
                values = {"cited": cited, "law": c.title, "reason": "未在上位法库（收录全部法律、行政法规）中找到，"
                                                                   "名称可能有误，或者已被废止"}
            else:  # a rule, a local instrument, a standard, a document: outside the registry, nothing to say wrong
                values = {"cited": cited, "law": c.title or "", "severity": "info",
                          "reason": "不属于法律、行政法规，上位法库未收录，未核对其名称和效力"}
            yield Hit(unit=c.unit, start=c.start, end=c.end, outcome="unknown", excerpt=c.written, values=values)

    # -- CITE-02 --------------------------------------------------------------------------------------------

    def _in_force(self, ctx, cites):
        registry = ctx.registry
        day, day_text = citation_date(ctx)
        seen: set[int] = set()
        for c in cites:
            inst = c.resolve(registry)
            if inst is None or id(inst) in seen:
                continue
            ok, reason = registry.in_force(inst, day)
            if ok:
                hit = self._superseded(registry, c, inst, day, day_text)
                if hit is not None:
                    seen.add(id(inst))
                    yield hit
                continue
            seen.add(id(inst))
            repeal = inst.repealed
            repealed = repeal is not None and repeal.since <= day
            extra = [registry_basis(inst, reason=reason)]
            successor = ""
            if repealed and repeal.by:
                successor = f"《{repeal.by}》"
                nxt = registry.resolve(repeal.by)
                if nxt is not None:
                    extra.append(registry_basis(nxt, registry.version_on(nxt, day)))
            yield Hit(unit=c.unit, start=c.start, end=c.end, excerpt=c.written,
                      outcome="repealed" if repealed else "not_yet_in_force",
                      values={"cited": c.written, "law": inst.title, "full": f"《{inst.title}》",
                              "reason": reason.rstrip("。"), "date": day_text, "successor": successor,
                              "basis_extra": extra})

    @staticmethod
    def _superseded(registry, c, inst, day, day_text):
        """A citation naming a version (《…》（2015年修正）) that a later version has replaced by ``day``."""
        if not c.qualifier:
            return None
        cited = cited_version(inst, c.qualifier)
        current = registry.version_on(inst, day)
        if cited is None or current is None or cited is current or (cited.start and cited.start > current.start):
            return None
        reason = (f"所引{cited.label}文本已被{current.label}文本取代" +
                  (f"（自{fmt_date(current.start)}起施行）" if current.start else ""))
        return Hit(unit=c.unit, start=c.start, end=c.end, excerpt=c.written, outcome="superseded",
                   values={"cited": c.written, "law": inst.title, "full": f"《{inst.title}》", "reason": reason,
                           "date": day_text, "version": version_text(inst, current), "successor": current.label,
                           "basis_extra": [registry_basis(inst, current)]})

    # -- CITE-03 --------------------------------------------------------------------------------------------

    def _article(self, ctx, cites):
        registry = ctx.registry
        day, day_text = citation_date(ctx)
        not_run: set[tuple[int, str]] = set()
        for c in cites:
            if not c.articles:
                continue
            inst = c.resolve(registry)
            if inst is None or not registry.in_force(inst, day)[0]:
                continue  # unknown (CITE-01) or not in force (CITE-02)
            version = registry.version_on(inst, day)
            if version is None:
                continue
            count = version.last
            if count is None:
                if (id(inst), "count") not in not_run:
                    not_run.add((id(inst), "count"))
                    yield Hit(outcome="not_run", values={"reason": f"上位法库未记载《{inst.title}》{version.label}的条文数，"
                                                                   f"未能核对所引条文（{c.written}）是否存在"})
                continue
            facts = inst.facts_for(version)
            for ref in c.articles:
                outcome, reason = None, ""
                last = max(ref.article, ref.article_to or 0)
                exists = version.has_article(last, ref.suffix)
                if exists is False:
                    outcome = "no_article"
                    art = f"第{to_chinese(last)}条" + (f"之{to_chinese(ref.suffix)}" if ref.suffix else "")
                    reason = f"该{_genre(inst.title)}{version.label}共{to_chinese(version.article_count or count)}条" + \
                        ("（条文数未经核实）" if not version.count_verified else "") + f"，没有{art}" + \
                        other_versions(inst, version, last, ref.suffix)
                elif exists is None:
                    continue  # 第十条之一 of a version whose text was not imported: cannot tell
                elif (ref.paragraph or ref.item) and facts is None:
                    if (id(inst), "layout") not in not_run:
                        not_run.add((id(inst), "layout"))
                        yield Hit(outcome="not_run", values={"reason": f"上位法库没有《{inst.title}》{version.label}的款项结构，"
                                                                       f"未能核对{c.written}中的款、项"})
                    continue
                elif ref.paragraph or ref.item:
                    shape = facts.structure(ref.article, ref.suffix)
                    art = f"第{to_chinese(ref.article)}条" + (f"之{to_chinese(ref.suffix)}" if ref.suffix else "")
                    if ref.paragraph and ref.paragraph > len(shape):
                        outcome = "no_paragraph"
                        reason = f"{art}只有{to_chinese(len(shape))}款，没有第{to_chinese(ref.paragraph)}款"
                    elif ref.item:
                        items = shape[ref.paragraph - 1] if ref.paragraph else max(shape)
                        if ref.item > items:
                            outcome = "no_item"
                            where = f"{art}第{to_chinese(ref.paragraph)}款" if ref.paragraph else art
                            reason = (f"{where}没有项" if items == 0 else f"{where}只有{to_chinese(items)}项") + \
                                f"，没有第（{to_chinese(ref.item)}）项"
                if outcome is None:
                    continue
                values = {"cited": c.written, "law": inst.title, "full": f"《{inst.title}》",
                          "provision": ref.label(), "reason": reason, "date": day_text,
                          "version": version_text(inst, version, count=False), "count": to_chinese(count),
                          "basis_extra": [registry_basis(inst, version)]}
                if not version.count_verified:
                    values["severity"] = self.params.unverified_severity
                start, end = _ref_span(c, ref)
                yield Hit(unit=c.unit, start=start, end=end, excerpt=c.written, outcome=outcome, values=values)

    # -- CITE-04 --------------------------------------------------------------------------------------------

    def _full_title(self, ctx, cites):
        registry = ctx.registry
        from ..registry import normalize_title

        first: dict[int, object] = {}
        for c in ctx.facts.citations:  # the first citation in the whole text, whatever its role
            if c.kind in ("title", "name"):
                inst = c.resolve(registry)
                if inst is not None:
                    first.setdefault(id(inst), c)
        wanted = {id(c) for c in cites}
        for c in first.values():
            if id(c) not in wanted:
                continue
            inst = c.resolve(registry)
            written = c.title or ""
            if c.kind == "name":
                name = next((n for n in c.names() if registry.resolve(n) is inst), written)
                outcome = "no_brackets"
                cited = name
            elif normalize_title(written) != normalize_title(inst.title) and c.via_alias is None:
                if normalize_title(written).removesuffix(")") .startswith(normalize_title(inst.title)):
                    continue  # 《…法(2021年修订)》
                outcome = "short_title"
                cited = f"《{written}》"
            else:
                continue
            yield Hit(unit=c.unit, start=c.start, end=c.end, excerpt=c.written, outcome=outcome,
                      values={"cited": cited, "law": inst.title, "full": f"《{inst.title}》"})


def cited_version(inst, qualifier: str):
    """The version a qualifier names (2015年修正, 2021年修订, 2019年): by year, then by the word (修正 / 修订 …)."""
    import re

    m = re.match(r"(\d{4})年", qualifier)
    if m is None:
        return None
    same_year = [v for v in inst.versions if v.label.startswith(m[1])]
    if len(same_year) > 1:
        word = re.sub(r"^\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?", "", qualifier)
        same_year = [v for v in same_year if word and word in v.label] or same_year[-1:]
    return same_year[-1] if same_year else None


def other_versions(inst, version, number: int, suffix: int | None = None) -> str:
    """Where an article missing from ``version`` exists: in an older text (the article was renumbered or
    dropped) or in a newer one not yet in force; "" when no other version is known to have it."""
    older, newer = [], []
    before = True
    for v in inst.versions:
        if v is version:
            before = False
            continue
        if v.has_article(number, suffix):
            (older if before else newer).append(v)
    parts = []
    if older:
        v = older[-1]
        parts.append(f"该条见于已被取代的{v.label}文本" + (f"（共{to_chinese(v.article_count)}条）" if v.article_count else ""))
    if newer:
        v = newer[0]
        start = f"，自{fmt_date(v.start)}起施行" if v.start else ""
        parts.append(f"该条见于尚未施行的{v.label}文本{start}")
    return "；" + "；".join(parts) if parts else ""


def _genre(title: str) -> str:
    for genre in ("条例", "规定", "办法", "决定", "细则"):
        if title.endswith(genre):
            return genre
    return "法"


def _ref_span(c, ref) -> tuple[int, int]:
    """The unit offsets of one article reference (the whole citation when it lies outside the unit)."""
    start, end = ref.start - c.unit.start, ref.end - c.unit.start
    if 0 <= start < end <= len(c.unit.text):
        return c.start, end
    return c.start, c.end


_NATIONAL_NAME = re.compile(r"^中华人民共和国|(?<![办方做])法$|条例$|(?<![办方做])法实施细则$")


def claims_national(title: str) -> bool:
    """Whether a title reads as a national law or administrative regulation (中华人民共和国……, ……法, ……条例 without
    a place name): the registry holds all of them, so one it does not know is probably misnamed or repealed."""
    from ..facts.issuer import level_of

    title = title.strip()
    if not _NATIONAL_NAME.search(title):
        return False
    if title.startswith("中华人民共和国"):
        return True
    level = level_of(title)
    return level in (None, "国家")
