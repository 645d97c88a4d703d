"""Shared test fixtures: where the real-document corpus is (read in place, never copied)."""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_CANDIDATES = [os.environ.get("REVIEW_ENGINE_CORPUS"), ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus")]
ARTICLE_LABEL = re.compile(r"^第[一二三四五六七八九十百千零〇○两]+条")


def find_corpus() -> Path | None:
    for candidate in _CANDIDATES:
        if candidate and Path(candidate, "real_docs", "MANIFEST.tsv").is_file():
            return Path(candidate)
    return None


CORPUS = find_corpus()


@pytest.fixture(scope="session")
def corpus() -> Path:
    if CORPUS is None:
        pytest.skip("../shared/corpus is absent (set REVIEW_ENGINE_CORPUS to its path to run the corpus tests)")
    return CORPUS


def load_benchmark(name: str, runner: Path):
    """A benchmark script (``benchmarks/…/run.py``) imported as module ``name``, so that tests call its functions."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(name, runner)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def corpus_files() -> list[tuple[Path, int]]:
    """(file, expected article count) for every corpus document: MANIFEST n_articles for real_docs,
    the number of line-initial 第X条 labels for higher_law."""
    if CORPUS is None:
        return []
    out = []
    with open(CORPUS / "real_docs" / "MANIFEST.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            out.append((CORPUS / row["out_path"], int(row["n_articles"])))
    for path in sorted((CORPUS / "higher_law").glob("*.md")):
        lines = path.read_text(encoding="utf-8").split("\n")
        out.append((path, sum(1 for line in lines if ARTICLE_LABEL.match(line.lstrip(" \u3000\u200b\xa0#\t")))))
    return out


def pytest_addoption(parser):
    # Golden files of the opinion (tests/golden/): `pytest --update-golden` rewrites them from the current
    # output (or run scripts/update_golden.py). Review the diff before committing.
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the golden files in tests/golden/ from the current output")


@pytest.fixture
def update_golden(request) -> bool:
    return bool(request.config.getoption("--update-golden") or os.environ.get("REVIEW_ENGINE_UPDATE_GOLDEN"))
