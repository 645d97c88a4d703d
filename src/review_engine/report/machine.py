"""Machine-readable outputs: ``json`` (the contract of ../design.md), ``jsonl`` (the same objects, one per line)
and ``text`` (one line per finding, like a compiler: ``path:line:col: severity RULE-ID message``)."""

from __future__ import annotations

import json

from ..findings import Review


def to_json(reviews: list[Review], *, single: bool | None = None) -> str:
    """One object per draft; a list when several drafts were reviewed (or when ``single`` is False)."""
    objects = [r.contract() for r in reviews]
    single = len(reviews) == 1 if single is None else single
    return json.dumps(objects[0] if single else objects, ensure_ascii=False, indent=2) + "\n"


def to_jsonl(reviews: list[Review]) -> str:
    """JSON Lines: one contract object per line (what a run over a whole stock streams)."""
    return "".join(json.dumps(r.contract(), ensure_ascii=False) + "\n" for r in reviews)


def finding_path(review: Review, file: str | None) -> str:
    from pathlib import Path

    base = Path(review.draft)
    if file and base.suffix == "":  # a draft folder: the finding's file is inside it
        return str(base / file)
    return str(base) if base.suffix else (file or str(base))


def to_text(reviews: list[Review], *, include_waived: bool = False) -> str:
    lines = []
    for review in reviews:
        for error in review.errors:
            where = ":".join(str(x) for x in (error.file or review.draft, error.line, error.column) if x is not None)
            lines.append(f"{where}: error {error.code} {error.message}")
        for f in review.findings:
            if f.waived and not include_waived:
                continue
            loc = f.location
            where = ":".join(str(x) for x in (finding_path(review, loc.file), loc.line, loc.column) if x is not None)
            waived = "（已豁免）" if f.waived else ""
            lines.append(f"{where}: {f.severity} {f.rule_id} {f.message}{waived}")
    return "\n".join(lines) + ("\n" if lines else "")
