"""A plain (non-editable) install works: the wheel carries the grammars, rules, profiles, laws and templates."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot build a wheel here (no build backend available offline?): {result.stderr[-300:]}")
    return next(out.glob("review_engine-*.whl"))


@pytest.mark.slow
def test_wheel_carries_the_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, source in (("grammars", ROOT / "grammars"), ("rules", ROOT / "rules"), ("laws", ROOT / "laws")):
        for path in source.rglob("*"):
            if path.is_file() and path.suffix in (".lark", ".yaml"):
                inside = f"review_engine/data/{folder}/{path.relative_to(source).as_posix()}"
                assert inside in names, f"{inside} missing from the wheel"
    assert any(n.startswith("review_engine/report/templates/") for n in names) or not (
        ROOT / "src/review_engine/report/templates").exists()
    assert "review_engine/cli/__init__.py" in names
