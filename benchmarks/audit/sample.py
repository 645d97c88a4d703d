"""The audit's dispositions on 30 real documents, against the judgement recorded in ``sample.tsv`` (SAMPLE.md).

Audits each document of the sample as ``review-engine audit`` does — as of 2026-12-01 and on its own date — with
the document type of its corpus folder (地方性法规, 部门规章 …; none for the folders whose level is not labelled,
as a stock without a register would be), and prints, per document, the dispositions now, the ones recorded when
the sample was reviewed, and the reviewer's judgement. A disposition that changed since is marked ``*``.

    python benchmarks/audit/sample.py
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from _corpus import corpus_dir  # noqa: E402

from review_engine.audit import audit_rules, review_issued  # noqa: E402
from review_engine.drafts import Draft  # noqa: E402
from review_engine.engine import get_profile, get_rules  # noqa: E402

TYPES = {"地方性法规", "地方政府规章", "部门规章", "规范性文件"}


def main() -> None:
    rows = list(csv.DictReader((HERE / "sample.tsv").open(encoding="utf-8"), delimiter="\t"))
    rules, citations = audit_rules(get_rules())
    profile = get_profile(None)
    base = corpus_dir() / "real_docs"
    counts: dict[str, dict[str, int]] = {"as_of": {}, "own": {}}
    changed = 0
    for i, row in enumerate(rows, 1):
        path = base / row["file"]
        folder = row["file"].split("/")[0]
        now = {}
        for key, as_of in (("as_of", dt.date(2026, 12, 1)), ("own", None)):
            review = review_issued(Draft(text=path), rules=rules, citation_rules=citations, profile=profile,
                                   as_of=as_of, doc_type=folder if folder in TYPES else None)
            now[key] = review.audit["disposition"]
        recorded = {"as_of": row["as_of_2026_12_01"], "own": row["own_date"]}
        marks = {k: "" if now[k] == recorded[k] else "*" for k in now}
        changed += sum(1 for m in marks.values() if m)
        for key, judgement in (("as_of", row["judgement_as_of"]), ("own", row["judgement_own"])):
            counts[key][judgement] = counts[key].get(judgement, 0) + 1
        print(f"{i:2d} {now['as_of']}{marks['as_of']:1} / {now['own']}{marks['own']:1}  "
              f"[{row['judgement_as_of']}/{row['judgement_own']}]  {Path(row['file']).stem}")
    for key, label in (("as_of", "as of 2026-12-01"), ("own", "on its own date")):
        shown = ", ".join(f"{k} {v}" for k, v in sorted(counts[key].items()))
        print(f"judgement {label}: {shown}")
    print(f"dispositions changed since the review: {changed}")


if __name__ == "__main__":
    main()
