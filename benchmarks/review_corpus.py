"""Review speed over ../shared/corpus/real_docs: parse + every rule, against the floor of bare ``re``.

Times are the best of five runs (the machine is shared: single runs vary by ±30 %).

The floor: the compiled patterns of every text rule (pattern, require, substitution, …) searched with
``re.finditer`` over the raw text of each file, nothing else. Targets (issue #3): the full review within
3× the floor, and the 226 documents reviewed in one process in under 1 s of wall time. Also prints the
findings per 100 documents for every rule. Prints its figures; asserts nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import time
from collections import Counter

from _corpus import corpus_dir

from review_engine.engine import get_profile, get_rules, review_document, warm_up
from review_engine.parsing import parse_source
from review_engine.reading import read_source


def rule_patterns(rules) -> list:
    """Every compiled regex a rule's check holds (what a bare regex pass would have to run), each once: a
    ``clause`` check's ``regexes`` is its ``regex`` (counting both ran 40 patterns twice and doubled the floor)."""
    found: dict[int, object] = {}
    for loaded in rules:
        check = loaded.checker
        for name in ("regexes", "regex"):
            value = getattr(check, name, None)
            if value is None:
                continue
            for regex in value if isinstance(value, list) else [value]:
                found.setdefault(id(regex), regex)
    return list(found.values())


def main() -> None:
    base = corpus_dir()
    rows = list(csv.DictReader(open(base / "real_docs" / "MANIFEST.tsv", encoding="utf-8"), delimiter="\t"))
    files = [(base / r["out_path"], r["level"]) for r in rows]
    texts = [p.read_text(encoding="utf-8") for p, _ in files]
    rules = get_rules()
    profile = get_profile("national")
    patterns = rule_patterns(rules)
    size = sum(len(t.encode("utf-8")) for t in texts)

    def floor() -> float:
        start = time.perf_counter()
        hits = 0
        for text in texts:
            for regex in patterns:
                for _ in regex.finditer(text):
                    hits += 1
        return time.perf_counter() - start

    per_rule: Counter = Counter()

    def review_all() -> float:
        per_rule.clear()
        start = time.perf_counter()
        for path, level in files:  # what `review-engine review` does per draft (read, parse, review)
            doc = parse_source(read_source(path))
            doc_type = level if level in ("规范性文件", "地方性法规", "部门规章", "地方政府规章") else None
            review = review_document(doc, rules=rules, profile=profile, doc_type=doc_type,
                                     review_date=dt.date(2026, 11, 1))
            for finding in review.findings:
                per_rule[finding.rule_id] += 1
        return time.perf_counter() - start

    warm_up(rules, profile)  # as the CLI does before a multi-draft run
    review_all()  # warm caches (regexes, lazy imports)
    floor_time = min(floor() for _ in range(5))
    review_time = min(review_all() for _ in range(5))
    print(f"corpus: {len(files)} documents, {size / 1e6:.2f} MB; {len(rules)} rules, {len(patterns)} compiled patterns")
    print(f"floor (bare re over raw text):  {floor_time:.3f} s")
    print(f"review (read + parse + rules):  {review_time:.3f} s  -> {len(files) / review_time:.0f} documents/s, "
          f"{review_time / floor_time:.1f}x the floor   (targets: < 1 s, <= 3x floor)")
    print("findings per 100 documents (document type from MANIFEST level):")
    for rule_id, count in sorted(per_rule.items()):
        print(f"  {rule_id:16} {count * 100 / len(files):7.1f}")


if __name__ == "__main__":
    main()
