"""Whole-process figures of a stock review (issue #14): start-up, one process, a stock of 22,600 documents.

Every figure is of a whole process started as a user starts it (``review-engine …``), timed from outside:
wall time on a monotonic clock, CPU (user + system, the process and the workers it waited for) and peak
resident memory of the largest single process, both from the kernel's own accounting of the finished child
(``os.wait4``, as ``/usr/bin/time -v`` reports them). Repeated runs print the median with the minimum and maximum.
The machine's load (1-minute load average, and the cores) is printed before and after each part: on a shared
machine every wall time moves with it, so the ratios are taken within one part, the commands run in turn
(A B A B …) so that a change of load touches both sides.

1. ``check`` of one draft (what the pre-commit hook runs), a new process each time, with a warm cache (the rule
   set, the restatement index and the compiled regular expressions kept between runs) — and once with an empty
   cache, for the first run after an install.
2. The 226 documents of ../shared/corpus/real_docs in one process (``review FILE… --jobs 1 --format jsonl``, and
   ``audit --jobs 1``), the textlint peer (``../shared/bench/peer-textlint/run.sh``: ten of our patterns as a
   prh dictionary) and the regex floor (the compiled patterns of every text rule run with ``re.finditer`` over
   the raw texts, in this process, best of five: nothing can review faster than it searches; and the same patterns
   as the command line compiles them, ``recache``: with the set of characters every match begins with).
3. A stock of 22,600 documents (the corpus 100 times, hard links in a temporary folder) audited with
   ``--jobs 1`` and ``--jobs 2``: wall, CPU, peak memory, the speed-up, and whether the outputs are identical.

Targets (issue #14): one-draft check ≤ 0.25 s wall; 226 documents ``--jobs 1`` ≤ 0.5× the peer's wall and
≤ 2.5× the floor; 22,600 documents peak ≤ 150 MiB with ``--jobs 1`` and ``--jobs 2`` ≥ 1.7× faster on two
idle cores, with identical output. Prints its figures; asserts nothing.

    python benchmarks/stock.py [--quick] [--runs N]     (--quick: parts 1 and 2 only)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from _corpus import ROOT, corpus_dir

EXE = Path(sys.executable).with_name("review-engine")
PEER = ROOT.parent / "shared" / "bench" / "peer-textlint" / "run.sh"


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mib: float
    code: int


def run(cmd: list[str], env: dict | None = None, stdout=subprocess.DEVNULL) -> Run:
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                             env={**os.environ, **(env or {})})
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, child.returncode)


def spread(values: list[float], unit: str = "s", digits: int = 3) -> str:
    med = statistics.median(values)
    if len(values) == 1:
        return f"{med:.{digits}f} {unit}"
    return f"{med:.{digits}f} {unit} (min {min(values):.{digits}f}, max {max(values):.{digits}f}, n={len(values)})"


def describe(name: str, runs: list[Run]) -> str:
    return (f"  {name:34} wall {spread([r.wall for r in runs])}; cpu {spread([r.cpu for r in runs])}; "
            f"peak {spread([r.peak_mib for r in runs], 'MiB', 1)}")


def load() -> str:
    one, five, fifteen = os.getloadavg()
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count()
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} (1/5/15 min) on {cores} cores"


def review_engine(*args: str) -> list[str]:
    return [str(EXE), *args] if EXE.exists() else [sys.executable, "-m", "review_engine.cli", *args]


# ---- 1. one draft ----------------------------------------------------------------------------------------------

def part_check(runs: int) -> None:
    print(f"1. one-draft check, a new process each run   [{load()}]")
    draft = ROOT / "examples" / "drafts" / "养犬管理办法-内容缺陷" / "draft.md"
    cmd = review_engine("check", str(draft))
    with tempfile.TemporaryDirectory() as empty:
        cold = [run(cmd, env={"REVIEW_ENGINE_CACHE": empty})]
    run(cmd)  # the user's cache, warm
    warm = [run(cmd) for _ in range(runs)]
    print(describe("check, warm cache", warm) + "   (target: wall <= 0.25 s)")
    print(describe("check, empty cache (first run)", cold))


# ---- 2. the corpus in one process ------------------------------------------------------------------------------

def floor_seconds(texts: list[str], as_cli: bool = False) -> tuple[float, int]:
    """The bare ``re`` search of every rule pattern over the raw texts, best of five; ``as_cli``: the same patterns
    compiled as the command line compiles them (``recache``: with the set of characters a match begins with, the
    prefilter ``re`` lacks for a pattern that does not begin with a literal)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from review_corpus import rule_patterns

    from review_engine import recache
    from review_engine.engine import get_rules

    patterns = rule_patterns(get_rules())
    for regex in patterns:
        regex.search("")  # compile the lazy ones first: the floor is the search alone
    if as_cli:
        patterns = [recache._rebuild(r.pattern, recache._build(r.pattern, 0)) for r in patterns]
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for text in texts:
            for regex in patterns:
                for _ in regex.finditer(text):
                    pass
        best = min(best, time.perf_counter() - start)
    return best, len(patterns)


def peer(work: Path) -> float | None:
    """The textlint peer's own wall time (its script prints it), or None when it cannot run here."""
    if not PEER.exists() or shutil.which("npx") is None:
        return None
    found = subprocess.run(["bash", str(PEER), str(work)], capture_output=True, text=True)
    for line in found.stdout.splitlines():
        if "s wall" in line:
            return float(line.rsplit(",", 1)[1].split()[0])
    return None


def part_corpus(runs: int, out: Path) -> None:
    print(f"2. the 226 documents of the corpus, one process   [{load()}]")
    files = sorted((corpus_dir() / "real_docs").rglob("*.md"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    review = review_engine("review", *map(str, files), "--jobs", "1", "--format", "jsonl", "--out", str(out / "r"),
                           "--quiet", "--review-date", "2026-12-01")
    audit = review_engine("audit", str(corpus_dir() / "real_docs"), "--as-of", "2026-12-01", "--jobs", "1",
                          "--format", "jsonl,csv", "--out", str(out / "a"), "--quiet")
    run(review)
    peer_work = Path(tempfile.gettempdir()) / "peer-textlint"
    reviews, audits, peers, floors, cli_floors = [], [], [], [], []
    for _ in range(runs):  # in turn, so that the machine's load touches each of them alike
        reviews.append(run(review))
        audits.append(run(audit))
        if (seconds := peer(peer_work)) is not None:
            peers.append(seconds)
        floors.append(floor_seconds(texts)[0])
        cli_floors.append(floor_seconds(texts, as_cli=True)[0])
    print(describe("review, 226 files, --jobs 1", reviews))
    print(describe("audit, 226 files, --jobs 1", audits))
    floor = statistics.median(floors)
    wall = statistics.median(r.wall for r in reviews)
    print(f"  {'regex floor (bare re, in process)':34} {spread(floors)}   ({floor_seconds(texts)[1]} patterns)")
    print(f"  {'  the same, first characters known':34} {spread(cli_floors)}   (as the command line compiles them)")
    if peers:
        print(f"  {'textlint + prh peer':34} wall {spread(peers, digits=2)}")
        print(f"  review / peer:  {wall / statistics.median(peers):.2f}x   (target: <= 0.5x)")
    else:
        print("  textlint peer: not run (npx or ../shared/bench/peer-textlint missing)")
    print(f"  review / floor: {wall / floor:.2f}x   (target: <= 2.5x)")
    print(f"  after: {load()}")


# ---- 3. a stock of 22,600 documents --------------------------------------------------------------------------

def make_stock(root: Path, copies: int) -> int:
    source = corpus_dir() / "real_docs"
    count = 0
    for i in range(copies):
        for path in sorted(source.rglob("*.md")):
            target = root / f"{i:03d}" / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, target)
            except OSError:
                shutil.copyfile(path, target)
            count += 1
    return count


def part_stock(copies: int, out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="stock-") as tmp:
        stock = Path(tmp) / "stock"
        count = make_stock(stock, copies)
        print(f"3. a stock of {count} documents (the corpus {copies} times)   [{load()}]")
        results = {}
        for jobs in ("1", "2"):
            target = out / f"stock-{jobs}"
            cmd = review_engine("audit", str(stock), "--as-of", "2026-12-01", "--jobs", jobs, "--format",
                                "jsonl,csv", "--out", str(target), "--quiet")
            results[jobs] = run(cmd)
            print(describe(f"audit, --jobs {jobs}", [results[jobs]]) + f"   [{load()}]")
        same = all((out / "stock-1" / name).read_bytes() == (out / "stock-2" / name).read_bytes()
                   for name in ("review.jsonl", "清理目录.csv"))
        print(f"  --jobs 2 speed-up: {results['1'].wall / results['2'].wall:.2f}x   (target: >= 1.7x on two idle cores)")
        print(f"  peak with --jobs 1: {results['1'].peak_mib:.1f} MiB   (target: <= 150 MiB)")
        print(f"  outputs of --jobs 1 and --jobs 2 identical: {'yes' if same else 'NO'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 22,600-document stock")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copies", type=int, default=100)
    args = parser.parse_args()
    # as an installed wheel is: the package byte-compiled (the environment may forbid writing bytecode)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=False,
                   stdout=subprocess.DEVNULL)
    print(f"review-engine stock benchmark   [{load()}]")
    with tempfile.TemporaryDirectory(prefix="bench-out-") as out:
        part_check(max(args.runs * 2, 5))
        part_corpus(args.runs, Path(out))
        if not args.quick:
            part_stock(args.copies, Path(out))


if __name__ == "__main__":
    main()
