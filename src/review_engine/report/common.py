"""Helpers the report formats share: which rules applied to a review, where a finding's file is, severities."""

from __future__ import annotations

import re
from pathlib import Path

from ..findings import Finding, Review

LEVEL = {"block": "error", "modify": "error", "warn": "warning", "info": "note"}
"""SARIF levels of our severities (``block`` and ``modify`` fail the default ``--fail-level``)."""


def applicable_rules(review: Review) -> list:
    """The loaded rules that applied to the review (``Review.checks``: the engine's decision), by id."""
    rules = review.rules
    if rules is None:
        return []
    return [loaded for run in review.checks if (loaded := rules.get(run.id)) is not None]


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


def paragraph_based(file: str | None) -> bool:
    """Whether a finding's file is a Word document, whose positions are paragraphs, not lines of text."""
    return bool(file) and str(file).lower().endswith(".docx")


def where_in_word(finding: Finding) -> str:
    """``第五条（第12段）：`` for a finding in a Word draft (the paragraph a reader can find in Word), else ``""``."""
    loc = finding.location
    if not paragraph_based(loc.file) or not loc.line:
        return ""
    return f"{loc.label or '正文'}（第{loc.line}段）："
