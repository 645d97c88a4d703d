"""Helpers the report formats share: which rules applied to a review, where a finding's file is, severities."""

from __future__ import annotations

import re
from pathlib import Path

from ..findings import Finding, Review

LEVEL = {"block": "error", "modify": "error", "warn": "warning", "info": "note"}
"""SARIF levels of our severities (``block`` and ``modify`` fail the default ``--fail-level``)."""
SEVERITY_ZH = {"block": "不合法", "modify": "应当修改", "warn": "提示（需人工判断）", "info": "提示"}


def applicable_rules(review: Review) -> list:
    """The loaded rules of the review's rule set that apply to its stage and document type, by id."""
    rules = review.rules
    if rules is None:
        return []
    doc_type = getattr(review.dossier, "doc_type", None)
    if not doc_type and review.document is not None:
        from ..facts import infer_doc_type

        doc_type = infer_doc_type(review.document)[0]
    out = []
    for loaded in rules:
        target = loaded.rule.applies_to
        if not loaded.rule.enabled:
            continue
        if target.stages is not None and review.stage not in target.stages:
            continue
        if target.doc_types is not None and doc_type and doc_type not in target.doc_types:
            continue
        out.append(loaded)
    return sorted(out, key=lambda loaded: loaded.id)


def finding_file(review: Review, finding: Finding | None = None) -> str:
    """The path of the file a finding is in, as the user named the draft (``drafts/X/draft.md``)."""
    base = Path(review.draft)
    file = finding.location.file if finding is not None else None
    if base.suffix:  # a bare file
        return str(base)
    if file:
        return str(base / file)
    draft = (review.files or {}).get("draft")
    return str(base / draft) if draft else str(base)


def placeholders(template: str) -> str:
    """A message template with its ``{fields}`` shown as …, for documentation (``{{`` stays a brace)."""
    text = re.sub(r"(?<!\{)\{[a-z_]+\}(?!\})", "…", template)
    return text.replace("{{", "{").replace("}}", "}")
