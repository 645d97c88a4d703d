"""The engine: review a draft — read it, parse it, read its record, run the rule set, apply waivers, give the verdict.

Flow for one draft (``review_path`` → ``review_draft``): find the draft text, its dossier and materials in the
folder (``drafts``) → read and parse the text (``reading``, ``parsing``) → read the procedural record
(``record``: dossier.yaml or front matter, with the position of every field) → run every applicable rule
(``ruleset.run``: each check kind's hits become located, explained, cited findings) → waivers in the record
mark findings as waived (kept, never deleted) → verdict: any block → 不合法; else any modify → 应当予以修改;
else 合法. The ``Review`` also records what the engine decided on the way — the document type and issuer as
read, every rule that applied with what it found or why it could not run, the higher law the draft cites —
so that the reports render decisions and never re-derive them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .findings import Finding, Location, NotRun, ReadError, Review, RuleRun, unreadable, verdict_of
from .model import Document
from .profile import Profile, load_profile
from .record import Record, read_record
from .registry import registry_snapshot
from .ruleset import RuleSet, load_rules
from .ruleset.run import applying, file_name, make_context, run_rules
from .ruleset.waivers import apply_waivers as check_waivers

_RULESETS: dict[tuple, RuleSet] = {}
_PROFILES: dict[str, Profile] = {}


def get_rules(dirs: list[str | Path] | None = None) -> RuleSet:
    """The rule set of ``dirs`` (default: built-in), loaded and self-tested once per process."""
    key = tuple(str(d) for d in dirs or ())
    if key not in _RULESETS:
        _RULESETS[key] = load_rules(list(dirs) if dirs else None)
    return _RULESETS[key]


def get_profile(name: str | Path | None) -> Profile:
    key = str(name or "national")
    if key not in _PROFILES:
        _PROFILES[key] = load_profile(name)
    return _PROFILES[key]


def warm_up(rules: RuleSet, profile: Profile, *, collect: bool = True) -> None:
    """Load what every review needs (parser tables, law registry and its restatement data) and move these long-lived
    objects out of the garbage collector's way (``gc.freeze``): a run over many drafts otherwise spends
    a fifth of its time re-scanning the rule set and the registry in full collections. For command-line
    runs; a library caller may use it the same way before reviewing many drafts. ``collect``: collect first (the
    command line loads with the collector off and leaves a few dozen objects of garbage: not worth a full pass)."""
    import gc

    from .parsing.grammar import parser
    from .registry import default_registry
    from .registry.derived import restatement_data

    parser()
    restatement_data(default_registry())
    if collect:
        gc.collect()
    gc.freeze()


# ---- one parsed document ------------------------------------------------------------------------------------

def review_document(doc: Document, *, rules: RuleSet, profile: Profile, stage: str = "pre-issuance",
                    record: Record | None = None, dossier=None, draft: str | None = None,
                    files: dict[str, str] | None = None, review_date: dt.date | None = None,
                    doc_type: str | None = None, facts=None, more=None, date_label: str | None = None) -> Review:
    """Review a parsed document with its record (or a bare ``dossier``). ``facts``: its facts, when the caller
    read them already; ``more(ctx, findings, not_run)``: findings the caller adds to the rules' own before the verdict
    (the audit's citations checked on the document's own date); ``date_label``: what messages call the review
    date (the audit's 清理基准日)."""
    from .parsing import gc_paused

    ctx = make_context(doc, profile=profile, stage=stage, record=record, dossier=dossier, review_date=review_date,
                       doc_type=doc_type, facts=facts)
    if date_label is not None:
        ctx.date_label = date_label
    not_run: list[NotRun] = []
    findings = [_parse_finding(doc, p) for p in doc.problems]
    with gc_paused():  # a review allocates many short-lived objects and no cycles
        findings += run_rules(rules.rules, ctx, not_run)
        if more is not None:
            findings += more(ctx, findings, not_run)
    if ctx.record is not None:
        findings += check_waivers(findings, ctx.record, rules, doc)
    findings.sort(key=Finding.sort_key)
    return Review.trusted(draft=draft or doc.file or "", title=doc.title_block.title, verdict=verdict_of(findings),
                          findings=list(findings), not_run=list(not_run), stage=stage, profile=profile.name,
                          reviewed_on=ctx.review_date, files=dict(files or {}), document=doc, record=ctx.record,
                          rules=rules, doc_type=ctx.view.type, doc_type_source=ctx.view.type_source,
                          issuer=_issuer(ctx), checks=_checks(rules, ctx.view.type, stage, findings, not_run),
                          cited=_cited(ctx), registry_date=registry_snapshot(), issuer_reading=ctx.facts.issuer)


def apply_waivers(findings: list[Finding], waivers: list, rules: RuleSet | None = None) -> None:
    """Mark findings covered by a waiver (rule id or alias, and eId or a parent of it) as waived
    (``ruleset.waivers``, which also checks the waivers themselves)."""
    from types import SimpleNamespace

    check_waivers(findings, SimpleNamespace(waivers=waivers), rules)


def _issuer(ctx) -> str | None:
    """The issuer as the record names it, else as the 落款 reads."""
    issuer = getattr(ctx.dossier, "issuer", None) if ctx.dossier is not None else None
    return getattr(issuer, "name", None) or ctx.view.issuer


def _checks(rules: RuleSet, doc_type: str, stage: str, findings: list[Finding], not_run: list[NotRun]) -> list[RuleRun]:
    """Every rule that applied to this document, with how many live findings it gave or why it did not run."""
    reasons: dict[str, str] = {}
    for n in not_run:
        reasons.setdefault(n.rule_id, n.reason)
    found: dict[str, int] = {}
    for f in findings:
        if not f.waived:
            found[f.rule_id] = found.get(f.rule_id, 0) + 1
    return [RuleRun(r.id, r.rule.title, r.item, r.rule.severity, found.get(r.id, 0), r.id in reasons,
                    reasons.get(r.id, "")) for r in applying(rules.rules, doc_type, stage)]


def _cited(ctx) -> list[str]:
    """Full titles of the laws and regulations the draft cites that the law registry knows, in order."""
    registry = ctx.registry
    own = ctx.doc.title_block.title
    out: list[str] = []
    for citation in ctx.facts.citations:
        if not citation.title:
            continue
        inst = registry.resolve(citation.title)
        if inst is not None and inst.title not in out and inst.title != own:
            out.append(inst.title)
    return out


def _parse_finding(doc: Document, problem) -> Finding:
    return Finding.trusted(rule_id=problem.code, severity="modify", title="文本结构无法识别", message=problem.message,
                           suggestion="检查该行的编号是否符合“编、章、节、条、款、项、目”的层级，修正后重新审核。",
                           location=Location.trusted(file=file_name(doc), label=f"第{problem.line}行",
                                                     line=problem.line, column=problem.column),
                           excerpt=problem.excerpt or "", family="parse", review_item="drafting")


# ---- drafts on disk -----------------------------------------------------------------------------------------

def review_path(path: Path, *, profile: str | Path | None = None, stage: str | None = None,
                rules: list[str | Path] | None = None, review_date: dt.date | None = None) -> Review:
    """Review one draft: a draft folder or a single file (library API). ``stage`` None: the record's ``stage``
    (dossier.yaml), else pre-issuance."""
    from .drafts import DraftFolderError, find_drafts

    drafts, errors = find_drafts(Path(path))
    if errors:
        exc = errors[0]
        return unreadable(path, exc.path, exc.message)
    if len(drafts) != 1:
        message = "没有找到草案文本" if not drafts else f"该目录下有 {len(drafts)} 份草案，请逐一审核或使用命令行"
        return unreadable(path, path, message)
    try:
        return review_draft(drafts[0], profile=get_profile(profile), stage=stage, rules=get_rules(rules),
                            review_date=review_date)
    except DraftFolderError as exc:
        return unreadable(path, exc.path, exc.message)


def review_draft(draft, *, profile: Profile, stage: str | None, rules: RuleSet, review_date: dt.date | None = None) -> Review:
    """Review a ``drafts.Draft``: read, parse, read its record (file or front matter, and the materials beside
    it), run the rules. ``stage`` None: the record's ``stage``, else pre-issuance."""
    read = read_draft(draft)
    if isinstance(read, Review):
        return read
    stage = stage or getattr(read.record.dossier, "stage", None) or "pre-issuance"
    review = review_document(read.doc, rules=rules, profile=profile, stage=stage, record=read.record,
                             draft=draft.name, files=read.files, review_date=review_date)
    review.errors.extend(read.errors)
    return review


@dataclass
class ReadDraft:
    """A draft read from disk: its parsed text, its procedural record, the files it was read from, and the
    errors of its record (reported with the review)."""

    doc: Document
    record: Record
    files: dict[str, str]
    errors: list[ReadError]


def read_draft(draft) -> ReadDraft | Review:
    """Read and parse a ``drafts.Draft`` and its record; a ``Review`` carrying the error when the text cannot be
    read."""
    from .parsing import parse_source
    from .reading import SourceError, read_source

    name = draft.name
    files = {"draft": draft.text.name}
    try:
        source = read_source(draft.text)
    except SourceError as exc:
        return unreadable(name, exc.file, exc.message)
    front = source.text if source.format in ("md", "txt") else None
    doc = parse_source(source)
    record = read_record(draft.dossier, draft_file=draft.text.name, draft_text=front, materials=draft.materials,
                         material_files=getattr(draft, "material_files", None), own_title=doc.title_block.title)
    errors = []
    if record.shown_as is not None and (record.dossier is not None or draft.dossier is not None):
        files["dossier"] = record.shown_as
    if record.error is not None:
        errors = [ReadError(code="DOSSIER", file=p.file, line=p.line, column=p.column,
                            message=f"{p.path}: {p.message}" if p.path else p.message) for p in record.error.problems]
    for kind, path in draft.materials.items():
        files[kind] = path.name
    return ReadDraft(doc, record, files, errors)
