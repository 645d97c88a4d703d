"""The engine: run a rule set over a document and its dossier, apply waivers, give the verdict.

Flow for one draft (``review_path``): find the draft text and dossier in the folder (drafts.py) → read and
parse (reading, parsing) → facts (facts/) → every applicable rule's check kind yields hits → each hit
becomes a ``Finding`` with its location (eId, 第X条第Y款, line and column in the original file), message,
suggestion and legal basis → waivers from the dossier mark findings as waived (kept, never deleted) →
verdict: any block → 不合法; else any modify → 应当予以修改; else 合法.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from .conditions import ConditionError, truthy
from .facts import DocView, Facts, infer_doc_type
from .findings import Finding, Location, NotRun, ReadError, Review, verdict_of
from .kinds import Context, Hit
from .model import Document
from .ruleset.loader import LoadedRule, RuleSet, example_of, load_rules
from .ruleset.profile import Profile, load_profile
from .ruleset.schema import Example, render

_RULESETS: dict[tuple, RuleSet] = {}
_PROFILES: dict[str, Profile] = {}


def get_rules(dirs: list[str | Path] | None = None) -> RuleSet:
    """The rule set of ``dirs`` (default: built-in), loaded and self-tested once per process."""
    key = tuple(str(d) for d in dirs or ())
    if key not in _RULESETS:
        _RULESETS[key] = load_rules(list(dirs) if dirs else None)
    return _RULESETS[key]


def warm_up(rules: RuleSet, profile: Profile) -> None:
    """Load what every review needs (parser tables, law registry, calendar) and move these long-lived
    objects out of the garbage collector's way (``gc.freeze``): a run over many drafts otherwise spends
    a fifth of its time re-scanning the rule set and the registry in full collections. For command-line
    runs; a library caller may use it the same way before reviewing many drafts."""
    import gc

    from .parsing.grammar import parser
    from .registry import default_registry

    parser()
    default_registry()
    gc.collect()
    gc.freeze()


def get_profile(name: str | Path | None) -> Profile:
    key = str(name or "national")
    if key not in _PROFILES:
        _PROFILES[key] = load_profile(name)
    return _PROFILES[key]


# ---- running rules ----------------------------------------------------------------------------------------

def make_context(doc: Document, *, profile: Profile, stage: str = "pre-issuance", dossier=None,
                 doc_type: str | None = None, review_date: dt.date | None = None, dossier_file: str | None = None,
                 dossier_locate=None, dossier_error=None) -> Context:
    facts = Facts(doc)
    if doc_type is None and dossier is not None and getattr(dossier, "doc_type", None):
        doc_type, source = dossier.doc_type, "dossier"
    elif doc_type is not None:
        source = "given"
    else:
        doc_type, source = infer_doc_type(doc)
        if source == "默认":
            doc_type = profile.params.default_doc_type
    if review_date is None:
        review_date = profile.params.review_date or _dossier_date(dossier) or dt.date.today()
    view = DocView(doc, doc_type, source, stage, facts.nodes)
    return Context(doc=doc, facts=facts, view=view, profile=profile, stage=stage, dossier=dossier,
                   review_date=review_date, dossier_file=dossier_file, dossier_locate=dossier_locate,
                   dossier_error=dossier_error)


def _dossier_date(dossier) -> dt.date | None:
    review = getattr(dossier, "legality_review", None) if dossier is not None else None
    if review is not None:
        return getattr(review, "opinion_date", None) or getattr(review, "received", None)
    return None


def applies(loaded: LoadedRule, ctx: Context) -> bool:
    target = loaded.rule.applies_to
    if not loaded.rule.enabled:
        return False
    if target.doc_types is not None and ctx.view.type not in target.doc_types:
        return False
    if target.stages is not None and ctx.stage not in target.stages:
        return False
    return True


def run_rules(rules: list[LoadedRule], ctx: Context, not_run: list[NotRun] | None = None) -> list[Finding]:
    """Findings of ``rules`` on one document (rules that read which rules fired run last)."""
    findings: list[Finding] = []
    not_run = not_run if not_run is not None else []
    for late in (False, True):
        for loaded in rules:
            if loaded.late != late or not applies(loaded, ctx):
                continue
            try:
                if loaded.when is not None and not loaded.when.test(_env(ctx)):
                    continue
                produced = []
                for hit in loaded.check.run(ctx):
                    if hit.outcome == "not_run":
                        not_run.append(NotRun(rule_id=loaded.id, reason=hit.values.get("reason", "")))
                        continue
                    finding = to_finding(loaded, hit, ctx)
                    if loaded.unless is not None and loaded.unless.test(_env(ctx, hit, finding)):
                        continue
                    produced.append(finding)
            except ConditionError as exc:
                not_run.append(NotRun(rule_id=loaded.id, reason=f"{loaded.file}: {exc}"))
                continue
            if produced:
                ctx.fired.add(loaded.id)
                ctx.__dict__.pop("env", None)
                findings.extend(produced)
    return findings


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
            location = Location(file=_file(doc), label="全文", line=1, column=1)
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
    basis = list(rule.basis) + list(hit.values.get("basis_extra", []))
    return Finding(
        rule_id=rule.id, severity=hit.values.get("severity", rule.severity), title=rule.title,
        message=render(rule.template("message", hit.outcome), values),
        suggestion=render(rule.template("suggestion", hit.outcome), values),
        location=location, excerpt=excerpt or "", basis=basis, family=rule.family or "",
        review_item=rule.item, trigger=hit.trigger, outcome=hit.outcome,
    )


def _file(doc: Document) -> str | None:
    return Path(doc.file).name if doc.file else None


def _location(doc: Document, span, eid: str | None, label: str) -> Location:
    return Location(file=_file(doc), eid=eid, label=label, line=span.line, column=span.column,
                    end_line=span.end_line, end_column=span.end_column)


def apply_waivers(findings: list[Finding], waivers: list, rules: RuleSet | None = None) -> None:
    """Mark findings covered by a waiver (rule id or alias, and eId or a parent of it) as waived."""
    for finding in findings:
        ids = {finding.rule_id}
        if rules is not None and (loaded := rules.get(finding.rule_id)) is not None:
            ids.update(loaded.rule.aliases)
        for waiver in waivers:
            if waiver.rule not in ids:
                continue
            at = getattr(waiver, "at", None)
            eid = finding.location.eid or ""
            if at is None or eid == at or eid.startswith(at + "__"):
                finding.waived = True
                finding.waiver_reason = waiver.reason
                break


# ---- reviewing ----------------------------------------------------------------------------------------------

def review_document(doc: Document, *, rules: RuleSet, profile: Profile, stage: str = "pre-issuance",
                    dossier=None, draft: str | None = None, files: dict[str, str] | None = None,
                    review_date: dt.date | None = None, dossier_file: str | None = None,
                    dossier_locate=None, dossier_error=None, doc_type: str | None = None) -> Review:
    from .parsing import gc_paused

    ctx = make_context(doc, profile=profile, stage=stage, dossier=dossier, review_date=review_date,
                       dossier_file=dossier_file, dossier_locate=dossier_locate, dossier_error=dossier_error,
                       doc_type=doc_type)
    not_run: list[NotRun] = []
    findings = [_parse_finding(doc, p) for p in doc.problems]
    with gc_paused():  # a review allocates many short-lived objects and no cycles
        findings += run_rules(rules.rules, ctx, not_run)
    if dossier is not None:
        apply_waivers(findings, list(getattr(dossier, "waivers", None) or []), rules)
    findings.sort(key=Finding.sort_key)
    return Review(draft=draft or doc.file or "", title=doc.title_block.title, verdict=verdict_of(findings),
                  findings=findings, not_run=not_run, stage=stage, profile=profile.name,
                  reviewed_on=ctx.review_date, files=files or {}, document=doc, dossier=dossier, rules=rules)


def _parse_finding(doc: Document, problem) -> Finding:
    return Finding(rule_id=problem.code, severity="modify", title="文本结构无法识别", message=problem.message,
                   suggestion="检查该行的编号是否符合“编、章、节、条、款、项、目”的层级，修正后重新审核。",
                   location=Location(file=_file(doc), label=f"第{problem.line}行", line=problem.line,
                                     column=problem.column),
                   excerpt=problem.excerpt or "", family="parse", review_item="drafting")


def review_path(path: Path, *, profile: str | Path | None = None, stage: str = "pre-issuance",
                rules: list[str | Path] | None = None, review_date: dt.date | None = None) -> Review:
    """Review one draft: a draft folder or a single file (library API)."""
    from .drafts import DraftFolderError, find_drafts

    drafts, errors = find_drafts(Path(path))
    if errors:
        exc = errors[0]
        return Review(draft=str(path), errors=[ReadError(file=str(exc.path), message=exc.message)])
    if len(drafts) != 1:
        message = "没有找到草案文本" if not drafts else f"该目录下有 {len(drafts)} 份草案，请逐一审核或使用命令行"
        return Review(draft=str(path), errors=[ReadError(file=str(path), message=message)])
    try:
        return review_draft(drafts[0], profile=get_profile(profile), stage=stage, rules=get_rules(rules),
                            review_date=review_date)
    except DraftFolderError as exc:
        return Review(draft=str(path), errors=[ReadError(file=str(exc.path), message=exc.message)])


def review_draft(draft, *, profile: Profile, stage: str, rules: RuleSet, review_date: dt.date | None = None) -> Review:
    """Review a ``drafts.Draft``: read, parse, load the dossier (file or front matter), run the rules."""
    from .dossier import DossierError, load_dossier, parse_front_matter
    from .parsing import parse_source
    from .reading import SourceError, read_source

    name = draft.name
    files = {"draft": draft.text.name}
    try:
        source = read_source(draft.text)
    except SourceError as exc:
        return Review(draft=name, errors=[ReadError(file=exc.file, message=exc.message)])
    dossier, dossier_file, locate, errors, dossier_error = None, None, None, [], None
    try:
        if draft.dossier is not None:
            dossier = load_dossier(draft.dossier)
            dossier_file = draft.dossier.name
            files["dossier"] = draft.dossier.name
            locate = _dossier_locator(draft.dossier)
        elif source.format in ("md", "txt") and source.lines and source.lines[0].strip().lstrip("\ufeff") == "---":
            dossier_file = draft.text.name
            locate = _front_matter_locator(source.text, draft.text.name)
            dossier, _, _ = parse_front_matter(source.text, file=draft.text.name)
            if dossier is not None:
                files["dossier"] = f"{draft.text.name}（front matter）"
            else:
                dossier_file = locate = None
    except DossierError as exc:
        dossier_error = exc
        errors.extend(ReadError(code="DOSSIER", file=e.file, line=e.line, column=e.column,
                                message=f"{e.field_path}: {e.message}" if e.field_path else e.message)
                      for e in exc.errors)
    for kind, path in draft.materials.items():
        files[kind] = path.name
    doc = parse_source(source)
    review = review_document(doc, rules=rules, profile=profile, stage=stage, dossier=dossier, draft=name,
                             files=files, review_date=review_date, dossier_file=dossier_file, dossier_locate=locate,
                             dossier_error=dossier_error)
    review.errors.extend(errors)
    return review


def _dossier_locator(path: Path):
    """A function (field path) → (line, column) into dossier.yaml, for findings about the record."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    return _yaml_locator(text, path.name)


def _front_matter_locator(text: str, name: str):
    """The same for a dossier given as front matter of the draft (lines of the draft file)."""
    from .dossier import split_front_matter

    yaml_text, _, _ = split_front_matter(text)
    return None if yaml_text is None else _yaml_locator(yaml_text, name, line_offset=1)


def _yaml_locator(text: str, name: str, line_offset: int = 0):
    from . import yamlsource

    try:
        doc = yamlsource.load(text, name, line_offset=line_offset)
    except yamlsource.YamlError:
        return None

    def locate(field_path: tuple) -> tuple[int | None, int | None]:
        line, column, _ = doc.locate(field_path)
        return line, column

    return locate


# ---- rule examples -----------------------------------------------------------------------------------------

_LABEL_START = re.compile(r"^\s*(#|第[〇零一二三四五六七八九十百千\d]+[编章节条]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)")


def example_document(example: Example) -> Document:
    from .parsing import parse_source
    from .reading import source_from_text

    text = example.text.strip("\n")
    if text and "\n" not in text and not _LABEL_START.match(text):
        text = f"第一条　{text}"
    if example.title:
        text = f"# {example.title}\n\n{text}"
    return parse_source(source_from_text(text, file="example.md", format="md"))


def run_example(loaded: LoadedRule, raw_example, *, expect_findings: bool) -> tuple[bool, str]:
    """Run one rule on one of its examples; (ok, what happened)."""
    from .dossier import Dossier

    example = example_of(loaded, raw_example)
    doc = example_document(example)
    profile = get_profile("national")
    if example.profile:
        params = profile.params.model_dump() | example.profile
        profile = profile.model_copy(update={"params": type(profile.params).model_validate(params)})
    dossier = Dossier.model_validate(example.dossier) if example.dossier is not None else None
    review_date = dt.date.fromisoformat(example.review_date) if example.review_date else None
    ctx = make_context(doc, profile=profile, stage=example.stage or "pre-issuance", dossier=dossier,
                       doc_type=example.doc_type, review_date=review_date)
    not_run: list[NotRun] = []
    findings = [f for f in run_rules([loaded], ctx, not_run) if f.rule_id == loaded.id]
    shown = "；".join(f"{f.location.label}“{f.excerpt}”" for f in findings[:3])
    if not expect_findings:
        return (not findings), (f"不应触发，但触发了：{shown}" if findings else "未触发（正确）")
    if not findings:
        reason = f"（未运行：{not_run[0].reason}）" if not_run else ""
        return False, f"应当触发，但没有触发{reason}"
    expect = example.expect
    if expect is not None:
        if expect.count is not None and len(findings) != expect.count:
            return False, f"应触发 {expect.count} 次，实际 {len(findings)} 次：{shown}"
        if expect.match is not None and not any(expect.match in f.excerpt for f in findings):
            return False, f"摘录中应含“{expect.match}”，实际：{shown}"
        if expect.label is not None and not any(f.location.label == expect.label for f in findings):
            return False, f"位置应为{expect.label}，实际：{shown}"
        if expect.outcome is not None and not any(f.outcome == expect.outcome for f in findings):
            return False, f"结果应为 {expect.outcome}，实际：{'、'.join(f.outcome for f in findings)}"
    return True, f"触发：{shown}"
