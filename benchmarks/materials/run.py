"""Materials benchmark: how well the procedural facts are read from the 送审材料 an office submits.

    python benchmarks/materials/run.py [CASES ...] [-v] [--json FILE] [--min 0.9]

CASES: folders of cases (default: ``benchmarks/materials/dev``). A case is a folder ``NN-<name>/`` holding the
materials (起草说明 and others, .md/.txt/.docx, named as offices name them) and ``truth.yaml``, the facts a
careful reader finds in them (shape: ``/work/blind/materials-truth.md``; ``dev/README.md`` repeats it). The
materials are read by ``review_engine.record.materials.read_materials``, exactly as a review reads the files
beside a draft.

A field is right when the value read equals the truth exactly (dates as dates, numbers as numbers, the lists
``basis`` and ``consultation.channels`` as sets of exact strings; a channel named with its column, 县政府网站“意见征集”栏目, is
the site, and a meeting named with its session number, 县人民政府第28次常务会议, is the meeting: the writers of the cases
name them either way). A value where the truth is ``null`` (or a
non-empty list where it is ``[]``) is **invented**, counted apart from the other errors; a ``null`` where the
truth has a value is **missed**. Prints the accuracy of every field over all cases, the invented count, and
for each case the fields it got wrong with the sentence the value came from (``-v``: every field).

Exit status 1 when a field is below ``--min`` (default 0, i.e. only report) or any fact is invented with
``--strict``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

from review_engine.record.materials import FACT_KEYS, SECTION_KEYS, read_materials  # noqa: E402

LISTS = {"basis", "consultation.channels"}
#: 县政府网站“意见征集”栏目 is the channel 县政府网站: a truth may name the column or not.
COLUMN = re.compile(r"(?:的)?[“\"‘「][^”\"’」]{1,20}[”\"’」](?:栏目|专栏|板块|版块|频道|专区|页面)$")
FIELDS = (*FACT_KEYS, *(f"sections.{k}" for k in SECTION_KEYS))


def flat(tree: dict, key: str):
    value = tree
    for step in key.split("."):
        value = value.get(step) if isinstance(value, dict) else None
    return value


def norm(key: str, value):
    if isinstance(value, dt.datetime):
        value = value.date()
    if key == "consultation.channels":  # a site and a column of it are one channel (the writers name it either way)
        return frozenset(COLUMN.sub("", str(v)) for v in (value or []))
    if key in LISTS:
        return frozenset(str(v) for v in (value or []))
    if key == "collective_deliberation.meeting" and isinstance(value, str):
        # 县人民政府第28次常务会议 is the 县人民政府常务会议: the writers give the session number or not
        return re.sub(r"第[\d一二三四五六七八九十百零〇]+次", "", value)
    if isinstance(value, str) and key.endswith((".start", ".end", ".date")):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def empty(key: str, value) -> bool:
    return value is None or (key in LISTS and not value)


def case_folders(roots: list[Path]) -> list[Path]:
    out = []
    for root in roots:
        if (root / "truth.yaml").is_file():
            out.append(root)
        else:
            out += sorted(p for p in root.iterdir() if p.is_dir() and (p / "truth.yaml").is_file())
    return out


def materials_of(case: Path) -> list[Path]:
    return sorted(p for p in case.iterdir() if p.is_file() and p.name != "truth.yaml" and not p.name.startswith((".", "~$"))
                  and p.suffix.lower() in (".md", ".txt", ".docx", ".doc", ".pdf", ".wps"))


def evaluate(case: Path) -> dict:
    truth = yaml.safe_load((case / "truth.yaml").read_text(encoding="utf-8"))
    facts = read_materials(materials_of(case))
    got = facts.truth()
    rows = []
    for key in FIELDS:
        want, have = norm(key, flat(truth, key)), norm(key, flat(got, key))
        fact = facts.facts.get(key)
        if key.startswith("sections."):
            s = (facts.section_sentences or {}).get(key.split(".", 1)[1])
            evidence = f"{s.file}:{s.line} {s.quote(80)}" if s is not None else ""
        else:
            evidence = f"{fact.file}:{fact.line} {fact.quote(80)}" if fact is not None else ""
        if key in facts.ambiguous:
            evidence = "ambiguous: " + " | ".join(f"{v!s}@{s.file}:{s.line}" for v, s in facts.ambiguous[key][:3])
        state = "ok" if want == have else ("invented" if empty(key, want) and not empty(key, have)
                                           else "missed" if empty(key, have) else "wrong")
        rows.append({"field": key, "state": state, "truth": _show(want), "got": _show(have), "evidence": evidence})
    return {"case": case.name, "rows": rows, "unreadable": facts.unreadable}


def _show(value) -> str:
    if isinstance(value, frozenset):
        return "[" + ", ".join(sorted(value)) + "]"
    if isinstance(value, dt.date):
        return value.isoformat()
    return "null" if value is None else str(value)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cases", nargs="*", type=Path, default=[HERE / "dev"])
    ap.add_argument("-v", "--verbose", action="store_true", help="every field of every case, not only the wrong ones")
    ap.add_argument("--json", type=Path, help="write the per-case results as JSON")
    ap.add_argument("--min", type=float, default=0.0, help="fail when a field's accuracy is below this")
    ap.add_argument("--strict", action="store_true", help="fail when any fact is invented")
    ap.add_argument("--summary", action="store_true", help="only the per-field table")
    args = ap.parse_args(argv)

    cases = case_folders(args.cases)
    if not cases:
        print("no cases found", file=sys.stderr)
        return 2
    results = [evaluate(c) for c in cases]
    right: dict[str, int] = defaultdict(int)
    invented: dict[str, int] = defaultdict(int)
    missed: dict[str, int] = defaultdict(int)
    wrong: dict[str, int] = defaultdict(int)
    for result in results:
        for row in result["rows"]:
            {"ok": right, "invented": invented, "missed": missed, "wrong": wrong}[row["state"]][row["field"]] += 1
    if not args.summary:
        for result in results:
            bad = [r for r in result["rows"] if r["state"] != "ok"]
            print(f"== {result['case']}: {len(result['rows']) - len(bad)}/{len(result['rows'])}")
            for name, reason in result["unreadable"].items():
                print(f"   unreadable {name}: {reason}")
            for row in result["rows"] if args.verbose else bad:
                print(f"   {row['state']:8} {row['field']}: got {row['got']}  truth {row['truth']}"
                      + (f"\n            {row['evidence']}" if row["evidence"] else ""))
    n = len(results)
    print(f"\n{n} cases; per field: accuracy (missed / wrong / invented)")
    worst = 1.0
    for key in FIELDS:
        acc = right[key] / n
        worst = min(worst, acc)
        print(f"  {key:55} {acc:6.1%}  ({missed[key]} / {wrong[key]} / {invented[key]})")
    total_right = sum(right.values())
    total = n * len(FIELDS)
    print(f"  {'all fields':55} {total_right / total:6.1%}  ({sum(missed.values())} / {sum(wrong.values())} / "
          f"{sum(invented.values())})")
    print(f"invented facts: {sum(invented.values())}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    failed = worst < args.min or (args.strict and sum(invented.values()))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
