"""SARIF 2.1.0 (OASIS) for code-scanning tools such as GitHub's: one run for all reviewed drafts.

* ``tool.driver.rules``: every rule that applied (plus any rule id a finding carries that the rule set does not
  define, e.g. ``PARSE-*``), with ``shortDescription`` (the title), ``fullDescription``, ``help`` (text and
  Markdown: the basis quoted, the suggested rewrite, the rule's notes), ``defaultConfiguration.level`` and
  ``properties`` (severity, review item, tags, basis).
* ``results``: one per finding (a Word draft has no lines: its findings carry no region but the clause as the
  logical location, ``properties.paragraph`` and 第N段 in the message); ``level`` error (block, modify) / warning (warn) / note (info); the region in
  **Unicode code points** (``run.columnKind = unicodeCodePoints``; lines and columns 1-based, ``endColumn``
  exclusive, as our locations are), the excerpt as ``snippet``, the clause (第十二条第一款, eId) as a logical
  location; ``partialFingerprints["reviewEngine/v1"]`` hashes rule, file, eId, excerpt and occurrence, so an
  alert survives lines inserted above it.
* Waived findings stay, with ``suppressions: [{kind: external, status: accepted, justification}]`` (the
  waiver lives in dossier.yaml, outside the draft).
* Drafts that could not be read and checks that could not run are ``invocations[0].toolExecutionNotifications``.

Paths: relative to the current directory when the draft is below it (``uriBaseId: %SRCROOT%``), else
``file://`` URIs; non-ASCII characters are percent-encoded, as RFC 3986 requires of a URI.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from urllib.parse import quote

from ..findings import SEVERITY_ZH, Finding, Review
from ..version import __version__
from .common import LEVEL, applicable_rules, finding_file, paragraph_based, placeholders, where_in_word

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/review-engine/review-engine"
FINGERPRINT = "reviewEngine/v1"


def artifact_location(path: str) -> dict:
    """A SARIF artifactLocation for a file path: relative to %SRCROOT% (the current directory) if below it."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return {"uri": p.as_uri()}
    return {"uri": quote(p.as_posix(), safe="/"), "uriBaseId": "%SRCROOT%"}


def _rule_descriptor(loaded) -> dict:
    rule = loaded.rule
    basis_text = [f"{b.cite()}：“{b.quote}”" if b.quote else b.cite() for b in rule.basis]
    suggestion = rule.suggestion if isinstance(rule.suggestion, str) else next(iter(rule.suggestion.values()), "")
    text_parts = [rule.title]
    if basis_text:
        text_parts.append("依据：" + "；".join(basis_text))
    if suggestion:
        text_parts.append("修改建议：" + placeholders(suggestion))
    if rule.docs:
        text_parts.append(rule.docs.strip())
    markdown = [f"**{rule.title}**（{SEVERITY_ZH[rule.severity]}）"]
    if basis_text:
        markdown.append("依据：\n\n" + "\n".join(f"- {b}" for b in basis_text))
    if suggestion:
        markdown.append("修改建议：" + placeholders(suggestion))
    if rule.docs:
        markdown.append(rule.docs.strip())
    descriptor = {
        "id": rule.id,
        "shortDescription": {"text": rule.title[:1000]},
        "fullDescription": {"text": (rule.title + ("。" + rule.docs.strip() if rule.docs else ""))[:4000]},
        "help": {"text": "\n".join(text_parts), "markdown": "\n\n".join(markdown)},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {
            "tags": list(dict.fromkeys(t for t in ("legal-review", rule.family, rule.item) if t)),
            "severity": rule.severity,
            "reviewItem": rule.item,
            "check": rule.check,
            "basis": [b.model_dump(mode="json", exclude_none=True) for b in rule.basis],
        },
    }
    if rule.aliases:
        descriptor["deprecatedIds"] = list(rule.aliases)
    return descriptor


def _adhoc_descriptor(finding: Finding) -> dict:
    """A descriptor for a finding whose rule is not in the rule set (PARSE-* problems of the parser)."""
    title = finding.title or finding.rule_id
    return {
        "id": finding.rule_id,
        "shortDescription": {"text": title},
        "fullDescription": {"text": title},
        "help": {"text": finding.suggestion or title},
        "defaultConfiguration": {"level": LEVEL[finding.severity]},
        "properties": {"tags": list(dict.fromkeys(["legal-review", finding.family or "parse", finding.review_item])),
                       "severity": finding.severity, "reviewItem": finding.review_item},
    }


def _fingerprint(path: str, finding: Finding, occurrence: int) -> str:
    key = "\x1f".join([finding.rule_id, Path(path).as_posix(), finding.location.eid or "",
                       finding.excerpt or finding.message, str(occurrence)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _region(finding: Finding) -> dict | None:
    loc = finding.location
    if not loc.line or paragraph_based(loc.file):
        return None  # a .docx is a zip: its "lines" are paragraphs, shown by the logical location and message
    region = {"startLine": loc.line}
    if loc.column:
        region["startColumn"] = loc.column
    if loc.end_line:
        region["endLine"] = loc.end_line
    if loc.end_column:
        region["endColumn"] = loc.end_column
    if finding.excerpt:
        region["snippet"] = {"text": finding.excerpt}
    return region


def _message(finding: Finding) -> str:
    text = finding.message
    if finding.suggestion:
        text += f"\n修改建议：{finding.suggestion}"
    if finding.basis:
        text += "\n依据：" + "；".join(b.cite() for b in finding.basis)
    return text


def review_parts(review: Review) -> dict:
    """What one review adds to the run — the ids of the rules that applied, descriptors of ids outside the rule
    set, its results (``ruleIndex`` left to the run), notifications and summary — computed where the review is
    (a worker of a parallel run) and small enough to send back; ``SarifRun`` puts the parts together."""
    rules = review.rules
    applied = [loaded.id for loaded in applicable_rules(review)]
    adhoc: dict[str, dict] = {}
    results, notifications = [], []
    seen: dict[tuple, int] = {}
    for finding in review.findings:
        loaded = rules.get(finding.rule_id) if rules is not None else None
        rid = loaded.id if loaded is not None else finding.rule_id
        if loaded is None and rid not in adhoc:
            adhoc[rid] = _adhoc_descriptor(finding)
        path = finding_file(review, finding)
        physical = {"artifactLocation": artifact_location(path)}
        region = _region(finding)
        if region is not None:
            physical["region"] = region
        location = {"physicalLocation": physical}
        if paragraph_based(finding.location.file) and finding.location.line:
            physical["properties"] = {"paragraph": finding.location.line}
        if finding.location.label or finding.location.eid:
            logical = {"kind": "element"}
            if finding.location.label:
                logical["name"] = finding.location.label
            if finding.location.eid:
                logical["fullyQualifiedName"] = finding.location.eid
            location["logicalLocations"] = [logical]
        key = (finding.rule_id, path, finding.location.eid, finding.excerpt)
        seen[key] = seen.get(key, 0) + 1
        result = {
            "ruleId": finding.rule_id,
            "ruleIndex": rid,  # the rule's id until the run gives its index
            "level": LEVEL[finding.severity],
            "message": {"text": where_in_word(finding) + _message(finding)},
            "locations": [location],
            "partialFingerprints": {FINGERPRINT: _fingerprint(path, finding, seen[key])},
            "properties": {
                "severity": finding.severity,
                "reviewItem": finding.review_item,
                "draft": review.draft,
                "basis": [b.model_dump(mode="json", exclude_none=True) for b in finding.basis],
            },
        }
        if finding.suggestion:
            result["properties"]["suggestion"] = finding.suggestion
        if finding.waived:
            result["suppressions"] = [{"kind": "external", "status": "accepted",
                                       "justification": finding.waiver_reason or ""}]
        results.append(result)
    for error in review.errors:
        note = {"level": "error", "message": {"text": f"{error.code} {error.message}"},
                "descriptor": {"id": error.code}}
        if error.file:
            physical = {"artifactLocation": artifact_location(error.file)}
            if error.line:
                physical["region"] = {"startLine": error.line, **({"startColumn": error.column} if error.column else {})}
            note["locations"] = [{"physicalLocation": physical}]
        notifications.append(note)
    for not_run in review.not_run:
        notifications.append({
            "level": "warning",
            "message": {"text": f"{review.draft}：检查 {not_run.rule_id} 未能进行：{not_run.reason}"},
            "descriptor": {"id": "NOT-RUN"},
            "associatedRule": {"id": not_run.rule_id},
        })
    summary = {"draft": review.draft, "title": review.title, "verdict": review.verdict, "status": review.status,
               "counts": review.counts(), "reviewedOn": review.reviewed_on.isoformat() if review.reviewed_on else None}
    return {"applied": applied, "adhoc": adhoc, "results": results, "notifications": notifications,
            "summary": summary, "ok": review.verdict is not None}


class SarifRun:
    """The rule descriptors of a run, indexed in the order the reviews name them (``add``: one review's parts,
    returned with their indices filled in), and what the run's header needs at the end."""

    def __init__(self, rules=None):
        self.rules = rules
        self.descriptors: list[dict] = []
        self.index: dict[str, int] = {}
        self.ok = True
        self.relative = False

    def _rule(self, rule_id: str, adhoc: dict) -> int:
        if rule_id not in self.index:
            loaded = self.rules.get(rule_id) if self.rules is not None else None
            self.index[rule_id] = len(self.descriptors)
            self.descriptors.append(_rule_descriptor(loaded) if loaded is not None else adhoc[rule_id])
        return self.index[rule_id]

    def add(self, parts: dict) -> dict:
        for rule_id in parts["applied"]:
            self._rule(rule_id, parts["adhoc"])
        for result in parts["results"]:
            result["ruleIndex"] = self._rule(result["ruleIndex"], parts["adhoc"])
            if result["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId"):
                self.relative = True
        for note in parts["notifications"]:
            rule = note.get("associatedRule")
            if rule is not None and rule["id"] in self.index:
                rule["index"] = self.index[rule["id"]]
        self.ok = self.ok and parts["ok"]
        return parts

    def tool(self) -> dict:
        return {"driver": {"name": "review-engine", "version": __version__, "semanticVersion": __version__,
                           "informationUri": INFORMATION_URI, "rules": self.descriptors}}

    def base_ids(self) -> dict | None:
        return {"%SRCROOT%": {"uri": Path(os.getcwd()).as_uri() + "/"}} if self.relative else None


def to_sarif_dict(reviews: list[Review]) -> dict:
    run_parts = SarifRun(next((r.rules for r in reviews if r.rules is not None), None))
    results, notifications, summaries = [], [], []
    for review in reviews:
        run_parts.rules = review.rules
        parts = run_parts.add(review_parts(review))
        results += parts["results"]
        notifications += parts["notifications"]
        summaries.append(parts["summary"])
    invocation = {"executionSuccessful": run_parts.ok}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {"tool": run_parts.tool(), "columnKind": "unicodeCodePoints", "invocations": [invocation],
           "results": results, "properties": {"reviews": summaries}}
    if run_parts.base_ids() is not None:
        run["originalUriBaseIds"] = run_parts.base_ids()
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def to_sarif(reviews: list[Review]) -> str:
    return json.dumps(to_sarif_dict(reviews), ensure_ascii=False, indent=2) + "\n"
