"""Running a rule set over one parsed document: the context rules see, each rule's hits, the findings.

``make_context`` gathers what every check reads (document, facts, the document type and issuer as read,
profile, stage, procedural record, review date); ``run_rules`` runs every applicable rule's check kind and
turns each ``Hit`` into a ``Finding`` — located (eId, 第X条第Y款, line and column in the original file),
its message and suggestion rendered from the rule's templates, its legal basis attached. Rules whose
conditions read which rules fired run last. A check that could not run is listed (``NotRun``), never
passed silently.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .. import userregex
from ..conditions import ConditionError
from ..facts import DocView, Facts, infer_doc_type
from ..findings import Finding, Location, NotRun
from ..kinds import Context, Hit
from ..model import Document
from ..profile import Profile
from ..record import Record
from .rules import LoadedRule
from .schema import render


def make_context(doc: Document, *, profile: Profile, stage: str = "pre-issuance", record: Record | None = None,
                 dossier=None, doc_type: str | None = None, review_date: dt.date | None = None,
                 facts: Facts | None = None) -> Context:
    """The context of one review. The document type comes from ``doc_type``, else the record, else the text
    (题注, 文种; else the profile's default). ``dossier`` alone (without a ``record``) is wrapped in one.
    ``facts``: the document's facts when the caller has read them already (of the same document and record)."""
    if record is None and dossier is not None:
        record = Record(dossier=dossier)
    dossier = record.dossier if record is not None else None
    if doc_type is None and dossier is not None and dossier.doc_type:
        doc_type, source = dossier.doc_type, "dossier"
    elif doc_type is not None:
        source = "given"
    else:
        doc_type, source = infer_doc_type(doc)
        if source == "默认":
            doc_type = profile.params.default_doc_type
    if review_date is None:
        review_date = profile.params.review_date or _dossier_date(dossier) or dt.date.today()
    calendar = _calendar(profile.params.calendar_file)
    if facts is None:
        facts = Facts(doc, dossier=dossier, calendar=calendar)
    facts.as_of = review_date if stage == "pre-issuance" else None
    view = DocView(doc, doc_type, source, stage, facts.nodes, facts=facts, dossier=dossier)
    return Context(doc=doc, facts=facts, view=view, profile=profile, stage=stage, record=record,
                   review_date=review_date, calendar=calendar)


_CALENDARS: dict = {}


def _calendar(file: str | None):
    """One working-day calendar per calendar file (its per-year tables are built once for every review)."""
    from ..workdays import WorkCalendar

    if file not in _CALENDARS:
        _CALENDARS[file] = WorkCalendar(file)
    return _CALENDARS[file]


def _dossier_date(dossier) -> dt.date | None:
    review = getattr(dossier, "legality_review", None) if dossier is not None else None
    if review is not None:
        return getattr(review, "opinion_date", None) or getattr(review, "received", None)
    return None


def applies(loaded: LoadedRule, doc_type: str | None, stage: str) -> bool:
    """Whether a rule runs on a document of ``doc_type`` at ``stage`` (``applies_to``, ``enabled``)."""
    target = loaded.rule.applies_to
    if not loaded.rule.enabled:
        return False
    if target.doc_types is not None and doc_type is not None and doc_type not in target.doc_types:
        return False
    if target.stages is not None and stage not in target.stages:
        return False
    return True


_APPLYING: dict[tuple, tuple[tuple, list[LoadedRule]]] = {}


def applying(rules: list[LoadedRule], doc_type: str | None, stage: str) -> list[LoadedRule]:
    """The rules of ``rules`` that run on a document of ``doc_type`` at ``stage`` (``applies``), in order: worked
    out once per rule list, type and stage (a review of many documents asked every rule twice per document). The
    key holds the rules' identities and the entry the rules themselves, so that no identity is reused while
    it is kept; the caller must not change what is returned."""
    ids = tuple(map(id, rules))
    key = (doc_type, stage, ids)
    found = _APPLYING.get(key)
    if found is None:
        if len(_APPLYING) >= 64:
            _APPLYING.clear()
        found = _APPLYING[key] = (tuple(rules), [loaded for loaded in rules if applies(loaded, doc_type, stage)])
    return found[1]


def run_rules(rules: list[LoadedRule], ctx: Context, not_run: list[NotRun] | None = None) -> list[Finding]:
    """Findings of ``rules`` on one document (rules that read which rules fired run last)."""
    findings: list[Finding] = []
    not_run = not_run if not_run is not None else []
    applying_ = applying(rules, ctx.view.type, ctx.stage)
    for late in (False, True):
        for loaded in applying_:
            if loaded.reads_fired != late:
                continue
            try:
                with userregex.deadline():  # a rule pack's backtracking patterns share one budget per draft
                    if loaded.when is not None and not loaded.when.test(_env(ctx)):
                        continue
                    produced = []
                    for hit in loaded.checker.run(ctx):
                        if hit.outcome == "not_run":
                            not_run.append(NotRun.trusted(rule_id=loaded.id, reason=hit.values.get("reason", "")))
                            continue
                        judgement = _judge(loaded, hit, ctx)
                        if judgement is not None and not judgement.keep:
                            hit.kept = False
                            continue
                        finding = to_finding(loaded, hit, ctx)
                        if judgement is not None:
                            _apply(judgement, finding)
                        if loaded.unless is not None and loaded.unless.test(_env(ctx, hit, finding)):
                            continue
                        produced.append(finding)
            except (ConditionError, userregex.RegexTimeout) as exc:
                not_run.append(NotRun.trusted(rule_id=loaded.id, reason=f"{loaded.file}: {exc}"))
                continue
            if produced:
                ctx.fired.add(loaded.id)
                if any(f.severity in ("block", "modify") for f in produced):
                    ctx.asserted.add(loaded.id)
                ctx.__dict__.pop("env", None)
                findings.extend(produced)
    return findings


def _judge(loaded: LoadedRule, hit: Hit, ctx: Context):
    """The trust gate for a content rule's hit (``kinds/measure.py``); None for rules without ``creates``."""
    kind = loaded.rule.creates
    if kind is None or hit.unit is None:
        return None
    from ..kinds.measure import judge

    return judge(kind, ctx, hit.unit, hit.start, hit.end, hit.excerpt or "", loaded.rule.restatable)


def _apply(judgement, finding: Finding) -> None:
    """The gate's reading on the finding, and its severity when lower than the rule's."""
    from ..findings import SEVERITY_ORDER

    finding.reading = judgement.reading or None
    if judgement.severity is not None and SEVERITY_ORDER[judgement.severity] < SEVERITY_ORDER[finding.severity]:
        finding.severity = judgement.severity


def _env(ctx: Context, hit: Hit | None = None, finding: Finding | None = None) -> dict[str, Any]:
    env = ctx.env
    if hit is None:
        return env
    unit = hit.unit
    sentence = ""
    if unit is not None:
        left, right = unit.sentence(hit.start, hit.end)
        sentence = unit.text[left:right]
    match = {
        "text": finding.excerpt if finding else "",
        "sentence": sentence,
        "unit": unit.text if unit is not None else "",
        "article": ctx.facts.index.article_text(unit) if unit is not None else "",
        "label": finding.location.label if finding else "",
        "values": hit.values,
        **{k: v for k, v in hit.values.items() if isinstance(v, (str, int, float, bool, dt.date)) or v is None},
    }
    return {**env, "match": match}


def to_finding(loaded: LoadedRule, hit: Hit, ctx: Context) -> Finding:
    doc = ctx.doc
    rule = loaded.rule
    unit = hit.unit
    node = hit.node if hit.node is not None else (unit.node if unit is not None else None)
    location = hit.location
    excerpt = hit.excerpt
    sentence = ""
    if location is None:
        if unit is not None and unit.node is not None:
            span = doc.span_of(unit.node, hit.start, hit.end)
            location = _location(doc, span, unit.node.eid, unit.node.label)
        elif unit is not None and unit.kind == "title" and doc.title_block.title_span is not None:
            location = _location(doc, doc.title_block.title_span, "title", "标题")
        elif unit is not None and unit.kind == "signature" and doc.signature is not None:
            location = _location(doc, doc.signature.span, "signature", "落款")
        elif node is not None:
            location = _location(doc, node.span, node.eid, node.label)
        else:
            location = Location.trusted(file=file_name(doc), label="全文", line=1, column=1)
    if unit is not None:
        if excerpt is None:
            excerpt = unit.text[hit.start:hit.end]
        left, right = unit.sentence(hit.start, hit.end)
        sentence = unit.text[left:right]
    article = ""
    if unit is not None and unit.article is not None:
        article = unit.article.label
    elif node is not None:
        article = node.label
    values = {"match": excerpt or "", "label": location.label, "article": article, "sentence": sentence,
              "title": doc.title_block.title, "doc_type": ctx.view.type, "eid": location.eid or "", **hit.values}
    own = list(rule.basis)
    param = hit.values.get("profile_param")
    if param and (chosen := ctx.profile.basis_for(param)) is not None:
        own = list(chosen)  # a threshold of the profile: its basis follows the profile
    basis = own + list(hit.values.get("basis_extra", []))
    return Finding.trusted(
        rule_id=rule.id, severity=hit.values.get("severity", rule.severity), title=rule.title,
        message=render(rule.template("message", hit.outcome), values),
        suggestion=render(rule.template("suggestion", hit.outcome), values),
        location=location, excerpt=excerpt or "", basis=basis, family=rule.family or "",
        review_item=rule.item, trigger=hit.trigger, outcome=hit.outcome,
    )


def file_name(doc: Document) -> str | None:
    return Path(doc.file).name if doc.file else None


def _location(doc: Document, span, eid: str | None, label: str) -> Location:
    return Location.trusted(file=file_name(doc), eid=eid, label=label, line=span.line, column=span.column,
                            end_line=span.end_line, end_column=span.end_column)
