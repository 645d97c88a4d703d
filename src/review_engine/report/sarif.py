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


def to_sarif_dict(reviews: list[Review]) -> dict:
    descriptors: list[dict] = []
    index: dict[str, int] = {}

    def rule_index(rule_id: str, make) -> int:
        if rule_id not in index:
            index[rule_id] = len(descriptors)
            descriptors.append(make())
        return index[rule_id]

    for review in reviews:
        for loaded in applicable_rules(review):
            rule_index(loaded.id, lambda loaded=loaded: _rule_descriptor(loaded))

    results, notifications = [], []
    for review in reviews:
        seen: dict[tuple, int] = {}
        for finding in review.findings:
            rules = review.rules
            loaded = rules.get(finding.rule_id) if rules is not None else None
            rid = loaded.id if loaded is not None else finding.rule_id
            i = rule_index(rid, (lambda loaded=loaded: _rule_descriptor(loaded)) if loaded is not None
                           else (lambda finding=finding: _adhoc_descriptor(finding)))
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
                "ruleIndex": i,
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
                "associatedRule": {"id": not_run.rule_id, **({"index": index[not_run.rule_id]} if not_run.rule_id in index else {})},
            })

    invocation = {"executionSuccessful": not any(r.verdict is None for r in reviews)}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {"driver": {"name": "review-engine", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI, "rules": descriptors}},
        "columnKind": "unicodeCodePoints",
        "invocations": [invocation],
        "results": results,
        "properties": {"reviews": [{"draft": r.draft, "title": r.title, "verdict": r.verdict, "status": r.status,
                                    "counts": r.counts(),
                                    "reviewedOn": r.reviewed_on.isoformat() if r.reviewed_on else None}
                                   for r in reviews]},
    }
    if any(r["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId") for r in results):
        run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": Path(os.getcwd()).as_uri() + "/"}}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def to_sarif(reviews: list[Review]) -> str:
    return json.dumps(to_sarif_dict(reviews), ensure_ascii=False, indent=2) + "\n"
