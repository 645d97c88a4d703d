"""The opinion's technical appendix (附件三), for the reviewer who checks the draft opinion: which rule of which
rule set gave each suggestion and where in which file it points, the checks of each review item, the rule set's
and the law registry's dates, the profile, how the document type and issuer were read, and the reference of
the generated opinion. The officer's text before it names none of these."""

from __future__ import annotations

from ...findings import Review
from ...version import __version__
from .submission import zh_date


_KIND = {"draft": "草案", "dossier": "程序记录"}


def _ruleset(review: Review) -> dict:
    rules = review.rules
    if rules is None:
        return {"count": 0, "date": "", "folders": []}
    date = getattr(rules, "date", None)
    return {"count": len(rules), "date": zh_date(date) if date else "",
            "folders": [str(d) for d in getattr(rules, "user_dirs", [])]}


def technical(review: Review, suggestions: list[dict], notes: list[dict], items: list[dict], reference: str) -> dict:
    reading = review.issuer_reading
    index = []
    for s in suggestions + notes:
        f = s["findings"][0]
        index.append({"ref": s["ref"], "rule_id": s["rule_id"], "title": s["title"], "location": s["location"],
                      "eid": f.location.eid or "", "label": s["label"]})
    checks = [{"label": item["label"], "checks": item["checks"]} for item in items if item["checks"]]
    files = dict(review.files or {})
    return {
        "tool": f"review-engine {__version__}",
        "ruleset": _ruleset(review),
        "registry_date": zh_date(review.registry_date),
        "profile": review.profile,
        "doc_type": review.doc_type or "",
        "doc_type_source": review.doc_type_source or "",
        "issuer": (reading.describe().removeprefix("制定机关为") if reading is not None
                   and hasattr(reading, "describe") else ""),
        "files": [{"kind": _KIND.get(kind, kind), "file": name} for kind, name in files.items()],
        "index": index,
        "checks": checks,
        "reference": reference,
    }
