"""Lawful drafts: how often a lawful 规范性文件 is told 不合法 or 应当予以修改 (the false-alarm side of the verdict).

    python benchmarks/lawful/run.py [FOLDER] [-v]        (default: benchmarks/lawful/blind)

FOLDER holds one folder per draft: ``draft.md`` and ``issuer.yaml`` (``issuer: {name, type, level}``,
``doc_type``), written by someone who read only the review spec and wrote drafts meant to be lawful — with the
clauses that come closest to a defect, the way careful drafters write them (a cited law's penalty, a voluntary
white list, a subsidy with open criteria). Each is reviewed as 规范性文件 of its issuer, on REVIEW_DATE, with the
built-in rules. A draft without a record is judged on its text only: the procedural record's rules (PROC-*) are
left out. A draft folder that holds its record (``dossier.yaml``, and materials such as ``起草说明.md``, written as
a drafting unit sends them to the legal office) is reviewed as the command line reviews a draft folder, its record
read with it, and every finding counts, PROC-* included. Printed: per draft the verdict it earns (不合法 with a block
finding, 应当予以修改 with a modify finding, else 合法) and those findings (``-v``: with their sentences), and in all
how many drafts were told each. Whether each block finding is right is for a reviewer to judge (the
figures and the judgements go into RESULTS.md beside this file); the writer's intent is not the truth.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

from review_engine import parse  # noqa: E402
from review_engine.drafts import find_drafts  # noqa: E402
from review_engine.engine import get_profile, get_rules, review_document, review_draft  # noqa: E402
from review_engine.findings import verdict_of  # noqa: E402
from review_engine.record import Dossier  # noqa: E402

REVIEW_DATE = dt.date(2026, 12, 1)


def review(folder: Path, rules, profile):
    if (folder / "dossier.yaml").is_file():  # the draft with its record, read as the command line reads a folder
        drafts, errors = find_drafts(folder)
        if errors or len(drafts) != 1:
            raise SystemExit(f"{folder}: not one draft folder ({errors or len(drafts)})")
        return review_draft(drafts[0], profile=profile, stage=None, rules=rules, review_date=REVIEW_DATE)
    meta = yaml.safe_load((folder / "issuer.yaml").read_text(encoding="utf-8")) or {}
    dossier = Dossier.model_validate({"issuer": meta["issuer"], "doc_type": meta.get("doc_type", "规范性文件")})
    doc = parse(folder / "draft.md")
    return review_document(doc, rules=rules, profile=profile, dossier=dossier, review_date=REVIEW_DATE,
                           draft=folder.name)



def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=HERE / "blind")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    rules, profile = get_rules(), get_profile("national")
    drafts = sorted(p for p in args.folder.iterdir() if (p / "draft.md").is_file())
    verdicts: dict[str, int] = {}
    for folder in drafts:
        result = review(folder, rules, profile)
        with_record = (folder / "dossier.yaml").is_file()
        serious = [f for f in result.findings if f.severity in ("block", "modify") and not f.waived
                   and (with_record or not f.rule_id.startswith("PROC-"))]
        if result.errors:
            print(f"== {folder.name}: record errors: " + "; ".join(str(e.message) for e in result.errors))
        said = verdict_of(serious)
        verdicts[said] = verdicts.get(said, 0) + 1
        print(f"== {folder.name}: {said}  (block {sum(f.severity == 'block' for f in serious)}, "
              f"modify {sum(f.severity == 'modify' for f in serious)})")
        for f in serious:
            print(f"   {f.severity:6} {f.rule_id:14} {f.location.label or ''}: {f.message[:110]}")
            if args.verbose:
                print(f"          原文：{(f.excerpt or '')[:60]}  〔{(f.reading or '')[:100]}〕")
    print(f"\n{len(drafts)} drafts: " + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items(), key=str)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
