"""The precision ledger: every block and modify finding on the corpus's real documents, judged right or wrong.

    python benchmarks/ledger/run.py [--list] [--unjudged] [--law-texts DIR]

Every document of ``../shared/corpus/real_docs`` is reviewed as what it is — its MANIFEST level, or, where that
is 层级未标注, the kind ``levels.yaml`` establishes from the document — with the issuer its text shows (no
record), on a fixed review date. Every finding of severity block or modify, and every warning of CITE-01 and
CONT-RIGHT-01, must have a judgement in ``ledger.yaml`` (right or wrong, with a one-line reason): the script
prints the precision per rule and severity, the 规范性文件 with any block finding, and the findings the ledger
has not judged (exit status 1 when there are any; ``tests/test_ledger.py`` runs it). ``--list`` prints every
finding with its key and sentence, for judging. The judgements are a lawyer's reading of the clause in its
document, not of the rule's intent: a finding is right when the opinion should say it.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from _corpus import corpus_dir  # noqa: E402

REVIEW_DATE = dt.date(2026, 12, 1)
TYPES = ("规范性文件", "地方性法规", "部门规章", "地方政府规章", "其他")
WARNINGS = ("CITE-01", "CONT-RIGHT-01")
TARGETS = {"block": 0.90, "modify": 0.80, "CITE-01": 0.60, "CONT-RIGHT-01": 0.60}


def documents(base: Path) -> list[tuple[Path, str]]:
    levels = yaml.safe_load((HERE / "levels.yaml").read_text(encoding="utf-8"))
    with open(base / "real_docs" / "MANIFEST.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    out = []
    for row in rows:
        path = base / row["out_path"]
        level = row["level"]
        if level not in TYPES:
            level = levels[path.stem]["level"]
        out.append((path, level))
    return out


def key(path: Path, finding) -> str:
    """The ledger's key of a finding: document, rule, place, and the first 24 characters of its excerpt."""
    return f"{path.stem} | {finding.rule_id} | {finding.location.label} | {finding.excerpt[:24]}"


def judged_findings(base: Path):
    """(path, level, finding) for every finding the ledger judges, and the review of each document."""
    from review_engine.engine import get_profile, get_rules, review_document
    from review_engine.parsing import parse_source
    from review_engine.reading import read_source

    rules, profile = get_rules(), get_profile("national")
    for path, level in documents(base):
        doc = parse_source(read_source(path))
        review = review_document(doc, rules=rules, profile=profile, doc_type=level, review_date=REVIEW_DATE)
        for finding in review.findings:
            if finding.waived:
                continue
            if finding.severity in ("block", "modify") or (finding.rule_id in WARNINGS and finding.severity == "warn"):
                yield path, level, finding


def load_ledger() -> dict[str, dict]:
    path = HERE / "ledger.yaml"
    if not path.exists():
        return {}
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return {e["key"]: e for e in entries}


@dataclass
class Measure:
    """What one run of the ledger found: the tally per bucket, the unjudged findings, the 规范性文件 with blocks."""

    tally: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    unjudged: list = field(default_factory=list)
    normative_blocks: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    seen: set = field(default_factory=set)
    listing: list[str] = field(default_factory=list)

    def precision(self, bucket: str) -> float:
        c = self.tally[bucket]
        n = c["right"] + c["wrong"]
        return c["right"] / n if n else 1.0


def measure(base: Path, ledger: dict[str, dict]) -> Measure:
    """Judge every finding of the corpus against the ledger."""
    m = Measure()
    for path, level, finding in judged_findings(base):
        k = key(path, finding)
        if k in m.seen:
            continue
        m.seen.add(k)
        m.listing.append(f"{k}\n    [{level}/{finding.severity}] {finding.message[:160]}\n"
                         f"    reading: {finding.reading or ''}")
        entry = ledger.get(k)
        if entry is None:
            m.unjudged.append((k, level, finding))
            continue
        verdict = "right" if entry["right"] else "wrong"
        for bucket in (finding.severity, finding.rule_id, f"{finding.rule_id} {finding.severity}"):
            m.tally[bucket][verdict] += 1
        if level == "规范性文件" and finding.severity == "block":
            m.normative_blocks[path.stem].append((finding.rule_id, verdict))
    return m


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", action="store_true", help="print every finding with its key and sentence")
    parser.add_argument("--unjudged", action="store_true", help="print the unjudged findings as ledger entries")
    parser.add_argument("--law-texts", help="a folder of law texts (REVIEW_ENGINE_LAW_TEXTS) for the review")
    args = parser.parse_args(argv)
    if args.law_texts:
        os.environ["REVIEW_ENGINE_LAW_TEXTS"] = args.law_texts
    ledger = load_ledger()
    m = measure(corpus_dir(), ledger)
    if args.list:
        print("\n".join(m.listing))
    tally, unjudged, normative_blocks, seen = m.tally, m.unjudged, m.normative_blocks, m.seen
    stale = sorted(set(ledger) - seen)
    print(f"ledger: {len(seen)} findings ({sum(1 for k in seen if k in ledger)} judged), review date {REVIEW_DATE}")
    print("precision (right / judged):")
    for bucket in sorted(tally, key=lambda b: (b not in ("block", "modify"), b)):
        c = tally[bucket]
        n = c["right"] + c["wrong"]
        target = TARGETS.get(bucket)
        mark = "" if target is None else ("  ok" if c["right"] / n >= target else f"  BELOW {target:.0%}")
        print(f"  {bucket:28} {c['right']:3}/{n:<3} {c['right'] / n:6.1%}{mark}")
    print("规范性文件 with a block finding:")
    for doc, items in sorted(normative_blocks.items()):
        print(f"  {doc}: " + ", ".join(f"{r} ({v})" for r, v in items))
    if stale:
        print(f"{len(stale)} ledger entries no longer produced (kept; remove them when a change is final)")
    if unjudged:
        print(f"{len(unjudged)} findings the ledger has not judged:")
        for k, level, finding in unjudged:
            if args.unjudged:
                print(yaml.safe_dump([{"key": k, "right": None, "why": "", "severity": finding.severity,
                                       "level": level, "sentence": finding.excerpt[:80]}],
                                     allow_unicode=True, sort_keys=False, width=200).rstrip())
            else:
                print(f"  {k}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
