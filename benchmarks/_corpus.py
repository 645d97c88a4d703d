"""Where the benchmarks find ../shared/corpus (read in place; nothing is copied)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_dir() -> Path:
    for candidate in (os.environ.get("REVIEW_ENGINE_CORPUS"), ROOT.parent / "shared" / "corpus", "/work/shared/corpus"):
        if candidate and Path(candidate, "real_docs").is_dir():
            return Path(candidate)
    sys.exit("../shared/corpus not found; set REVIEW_ENGINE_CORPUS")


def corpus_files(*parts: str) -> list[Path]:
    base = corpus_dir()
    folders = parts or ("real_docs", "higher_law")
    return sorted(p for folder in folders for p in (base / folder).rglob("*.md"))
