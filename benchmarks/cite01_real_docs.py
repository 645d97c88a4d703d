"""CITE-01 ("引用的上位法应当能够核实") over the real documents of ../shared/corpus/real_docs.

Reviews every document of real_docs/MANIFEST.tsv as `benchmarks/review_corpus.py` does (review date
2026-11-01) and prints the number of CITE-01 findings, then each one: the cited title, how often it was
cited, a guess at what it is (from the title's wording only: a local instrument names its province or city,
a 部门规章 its ministry …) and the documents citing it. Run it before and after a registry change to see
what the registry still lacks. Prints; asserts nothing.

    .venv/bin/python benchmarks/cite01_real_docs.py [--review-date YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
from collections import defaultdict

from _corpus import corpus_dir

from review_engine.engine import get_profile, get_rules, review_document
from review_engine.parsing import parse_source
from review_engine.reading import read_source

_LOCAL = re.compile(r"^(?:[\u4e00-\u9fff]{2,8}?(?:省|自治区|市|州|县|区|盟|旗))(?!场|政府令)")
_MINISTRY = re.compile(r"(?:部|委员会|总局|署|局|银行|办公厅)(?:关于|令|[\u4e00-\u9fff]{0,4}(?:规定|办法))")
_NORMATIVE = re.compile(r"(?:通知|意见|批复|函|纪要|方案|决定|公告|通告|规划|纲要|指南|目录)$")


def guess(title: str) -> str:
    """What a title looks like, from its wording alone (a hint for the reader, not a fact)."""
    if _LOCAL.match(title):
        return "地方文件"
    if title.startswith(("国务院", "国务院办公厅")) and _NORMATIVE.search(title):
        return "国务院规范性文件"
    if _NORMATIVE.search(title):
        return "规范性文件"
    if _MINISTRY.search(title) or title.endswith(("办法", "规定", "规则", "细则")):
        return "部门规章或其他"
    return "待核"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--review-date", type=dt.date.fromisoformat, default=dt.date(2026, 11, 1))
    args = ap.parse_args()
    base = corpus_dir()
    rows = list(csv.DictReader(open(base / "real_docs" / "MANIFEST.tsv", encoding="utf-8"), delimiter="\t"))
    rules = get_rules()
    profile = get_profile("national")
    cited: dict[str, list[str]] = defaultdict(list)
    total = 0
    for row in rows:
        path = base / row["out_path"]
        level = row["level"]
        doc = parse_source(read_source(path))
        doc_type = level if level in ("规范性文件", "地方性法规", "部门规章", "地方政府规章") else None
        review = review_document(doc, rules=rules, profile=profile, doc_type=doc_type, review_date=args.review_date)
        for finding in review.findings:
            if finding.rule_id == "CITE-01":
                total += 1
                key = finding.excerpt or finding.message
                cited[key].append(path.stem)
    print(f"CITE-01 on {len(rows)} documents of real_docs (review date {args.review_date}): {total} findings, "
          f"{len(cited)} distinct citations")
    by_kind: dict[str, int] = defaultdict(int)
    for key in cited:
        by_kind[guess(key.strip("《》"))] += 1
    print("by kind (a guess from the wording): " + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items())))
    for key, docs in sorted(cited.items(), key=lambda kv: (guess(kv[0].strip("《》")), kv[0])):
        print(f"  [{guess(key.strip('《》'))}] {key}  ×{len(docs)}  ({'; '.join(sorted(set(docs))[:2])})")


if __name__ == "__main__":
    main()
