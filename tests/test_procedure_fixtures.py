"""Every procedural rule on a draft folder that violates it and on one that passes (tests/fixtures/procedure/).

Each folder is reviewed as the CLI would review it (built-in rules, national profile) at the stage its dossier
names: a ``fail/`` folder must get a finding of its rule; a ``pass/`` folder must get no finding at all."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from review_engine.engine import get_rules, review_path

ROOT = Path(__file__).resolve().parent / "fixtures" / "procedure"
CASES = sorted(p for p in ROOT.iterdir() if p.is_dir())
DOSSIER_RULES = sorted(r.id for r in get_rules() if r.rule.check == "procedure")


def _review(folder: Path):
    # the dossier's own stage (the engine takes the stage from the caller, as the CLI's --stage)
    found = re.search(r"^stage: (\S+)", (folder / "dossier.yaml").read_text(encoding="utf-8"), re.M)
    stage = found.group(1) if found else "pre-issuance"
    review_date = dt.date(2026, 7, 15) if stage == "filing-review" else dt.date(2026, 4, 10)
    return review_path(folder, stage=stage, review_date=review_date)


def test_every_dossier_rule_has_a_failing_and_a_passing_folder():
    assert [p.name for p in CASES] == DOSSIER_RULES
    for case in CASES:
        for kind in ("fail", "pass"):
            assert (case / kind / "draft.md").is_file() and (case / kind / "dossier.yaml").is_file(), case / kind


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_fail_folder_violates_its_rule(case: Path):
    review = _review(case / "fail")
    fired = [f for f in review.findings if f.rule_id == case.name]
    assert fired, f"{case.name} did not fire on {case / 'fail'}: {[f.rule_id for f in review.findings]}"
    assert review.verdict != "合法" or all(f.severity in ("warn", "info") for f in fired)


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_pass_folder_is_clean(case: Path):
    review = _review(case / "pass")
    assert not review.errors, review.errors
    assert not review.findings, [(f.rule_id, f.message) for f in review.findings]
    assert review.verdict == "合法"
    assert not review.not_run, review.not_run
