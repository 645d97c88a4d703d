"""A run over many drafts: each reviewed (on ``--jobs`` processes), its outputs written as it finishes, a row kept.

``run(items, work, crashed, outputs=…)`` is what ``review`` and ``audit`` share: ``work(item)`` reviews one
draft and returns a ``report.stream.Piece`` (the review rendered for every output, its opinions written, the
review itself dropped); the pieces come back in the order of ``items`` whatever ``jobs`` is (``pool.ordered``)
and go straight to ``outputs`` (``report.stream.Outputs``). A progress bar is shown on a terminal (not in CI, not
when standard error is a file or a pipe), refreshed by the loop itself — no thread, so that a worker forked to
replace a crashed one is forked from a process without threads. What the run returns is one small ``Row`` per
draft, for the summary table and the exit code.
"""

from __future__ import annotations

import os
import sys
import time

from . import pool
from .console import _console


def show_progress(count: int, quiet: bool = False) -> bool:
    """A progress bar only for an interactive terminal, outside CI, and for more than a handful of drafts."""
    return not quiet and count > 3 and sys.stderr.isatty() and not os.environ.get("CI")


def run(items, work, crashed, *, outputs, jobs: int, progress: bool, label: str = "审核中") -> list:
    """Review ``items`` with ``work`` (see the module docstring); ``outputs`` is closed on success and aborted,
    leaving no partial file, on an interruption or an error."""
    rows = []
    bar = _Bar(len(items), label) if progress else None
    try:
        for piece in pool.ordered(items, work, jobs=jobs, crashed=crashed):
            outputs.add(piece)
            rows.append(piece.row)
            if bar is not None:
                bar.advance()
        if bar is not None:
            bar.close()
            bar = None
        outputs.close()
    except BaseException:
        if bar is not None:
            bar.close()
        outputs.abort()
        raise
    return rows


class _Bar:
    """rich's progress bar, refreshed from the loop (at most ten times a second)."""

    def __init__(self, total: int, label: str):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeRemainingColumn(), console=_console(sys.stderr), transient=True,
                                 auto_refresh=False)
        self.progress.start()
        self.task = self.progress.add_task(label, total=total)
        self.shown = 0.0

    def advance(self) -> None:
        self.progress.advance(self.task)
        now = time.monotonic()
        if now - self.shown > 0.1:
            self.progress.refresh()
            self.shown = now

    def close(self) -> None:
        self.progress.stop()


def add_jobs_option(parser) -> None:
    parser.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N",
                        help=f"并行审核的进程数（默认为处理器数，本机 {pool.default_jobs()}）")


def _jobs(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}")
    return value


def jobs_of(args) -> int:
    return getattr(args, "jobs", None) or pool.default_jobs()
