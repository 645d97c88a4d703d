"""Parse speed over ../shared/corpus, and the cold start of `review-engine parse` on a one-article draft.

Targets (issue #2): the whole corpus (about 5 MB) parsed in one process in under 5 s on a 2-core machine;
cold start under 0.3 s. Prints its figures; asserts nothing (targets live here, not in timed tests).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import corpus_files

from review_engine.parsing import parse_source
from review_engine.reading import read_source


def main() -> None:
    files = corpus_files()
    size = sum(p.stat().st_size for p in files)
    sources = [read_source(p) for p in files]  # reading is timed separately from parsing
    parse_source(sources[0])  # load the cached LALR tables once
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        articles = sum(len(parse_source(s).articles()) for s in sources)
        runs.append(time.perf_counter() - start)
    best = min(runs)
    start = time.perf_counter()
    for p in files:
        read_source(p)
    read_time = time.perf_counter() - start
    print(f"corpus: {len(files)} documents, {size / 1e6:.2f} MB, {articles} articles")
    print(f"parse:  {best:.2f} s best of 3 ({statistics.median(runs):.2f} s median) -> "
          f"{len(files) / best:.0f} documents/s, {size / 1e6 / best:.2f} MB/s   (target: < 5 s)")
    print(f"read:   {read_time:.2f} s for all files (decode, encoding detection)")

    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / "draft.md"
        draft.write_text("# 某某管理办法\n\n第一条 为了规范管理，根据有关法律、法规，制定本办法。\n", encoding="utf-8")
        exe = Path(sys.executable).with_name("review-engine")
        cmd = [str(exe), "parse", str(draft)] if exe.exists() else [sys.executable, "-m", "review_engine.cli", "parse", str(draft)]
        subprocess.run(cmd, capture_output=True, check=True)  # warm the OS cache and Lark's table cache
        times = []
        for _ in range(10):
            start = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True)
            times.append(time.perf_counter() - start)
        print(f"cold start of `review-engine parse` (one article): median {statistics.median(times):.3f} s, "
              f"min {min(times):.3f} s over 10 runs   (target: < 0.3 s)")


if __name__ == "__main__":
    main()
