#!/usr/bin/env python3
"""Regenerate the golden opinions (tests/golden/opinions/) from the current rules, templates and examples.

    .venv/bin/python scripts/update_golden.py

Runs the golden tests with ``--update-golden`` (which writes instead of comparing, and removes golden files
whose example folder is gone), then runs them again to confirm. Review ``git diff tests/golden`` before
committing: every change there is a change in what reviewers will read.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ["tests/test_report_opinion.py", "-k", "golden"]


def main() -> int:
    pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    first = subprocess.run([*pytest, *TESTS, "--update-golden"], cwd=ROOT)
    if first.returncode:
        return first.returncode
    second = subprocess.run([*pytest, *TESTS], cwd=ROOT)
    if second.returncode == 0:
        print("golden opinions updated; review them with: git diff --stat tests/golden && git diff tests/golden")
    return second.returncode


if __name__ == "__main__":
    sys.exit(main())
