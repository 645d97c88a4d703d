"""A run over many drafts: each reviewed (on ``--jobs`` processes), its outputs written as it finishes, a row kept.

``stream(…)`` is what ``review`` and ``audit`` share: each draft is reviewed by the command's ``review_one`` and
turned into a ``report.stream.Piece`` where it was reviewed (the review rendered for every output, its opinions
written, the review itself dropped); the pieces come back in the order of the drafts whatever ``--jobs`` is
(``pool.ordered``) and go straight to ``report.stream.Outputs``. A progress bar is shown on a terminal (not in
CI, not when standard error is a file or a pipe), refreshed by the loop itself — no thread, so that a worker
forked to replace a crashed one is forked from a process without threads. What the run keeps is a ``Tally``:
the first rows (a summary table of every draft for a small run) and totals — its memory does not grow with the
number of drafts.
"""

from __future__ import annotations

import os
import sys
import time

from . import pool
from .console import UsageError, _console


def show_progress(count: int, quiet: bool = False) -> bool:
    """A progress bar only for an interactive terminal, outside CI, and for more than a handful of drafts."""
    return not quiet and count > 3 and sys.stderr.isatty() and not os.environ.get("CI")


class Tally:
    """What a run keeps of its reviews: the first rows (for a table of every draft), and totals."""

    def __init__(self, keep: int):
        self.keep = keep
        self.rows: list = []
        self.count = 0
        self.unreadable = False
        self.failing = False
        self.errors = 0
        self.verdicts: dict[str, int] = {}
        self.severities = {"block": 0, "modify": 0, "warn": 0, "info": 0}
        self.written: list = []

    def add(self, row) -> None:
        self.count += 1
        if len(self.rows) <= self.keep:
            self.rows.append(row)
        self.unreadable = self.unreadable or row.verdict is None
        self.failing = self.failing or row.failing
        self.errors += row.errors
        shown = row.verdict or row.status
        self.verdicts[shown] = self.verdicts.get(shown, 0) + 1
        for key in self.severities:
            self.severities[key] += row.counts[key]

    def exit_code(self) -> int:
        """2 when a draft could not be reviewed, 1 with findings at or above ``--fail-level``, else 0."""
        return 2 if self.unreadable else 1 if self.failing else 0


def gather(paths, *, stock: bool = False) -> tuple[list, list]:
    """(the drafts under ``paths``, reviews of the folders that could not be read) — ``drafts.find_drafts``, or
    ``find_stock`` for the audit of a stock."""
    from ..drafts import find_drafts
    from ..findings import unreadable

    drafts, done = [], []
    for path in paths:
        found, errors = find_drafts(path, stock=stock)
        drafts.extend(found)
        done += [unreadable(e.path, e.path, e.message) for e in errors]
    return drafts, done


def failed(draft, message: str, code: str = "REVIEW-ERROR"):
    """The review of a draft that could not be reviewed (``verdict`` None, the reason as its error)."""
    from ..findings import unreadable

    return unreadable(draft.name, draft.text, message, code)


def stream(done, drafts, formats, args, review_one, *, rules, profile, extra=None, on_row=None,
           label: str = "审核中", keep: int = 200) -> Tally:
    """Review ``drafts`` with ``review_one(draft) -> Review`` on ``--jobs`` processes and write every format of
    ``formats`` as each review finishes; ``done`` are reviews made already (folders that could not be read),
    written first. ``extra(review)`` adds to a draft's row (the audit's disposition); ``on_row(row)`` sees each
    row in order. Usage errors (an output that cannot be written, a template that does not render) raise
    ``UsageError`` and leave no partial file."""
    from ..report.stream import Outputs, Plan
    from ..report.targets import PER_DRAFT, Namer

    out_dir = getattr(args, "out", None)
    in_place = getattr(args, "in_place", False)
    names = [r.draft for r in done] + [d.name for d in drafts]
    plan = Plan(formats, out_dir, in_place, getattr(args, "template", None), getattr(args, "fail_level", "modify"),
                total=len(names))
    if out_dir is not None or in_place:
        opinion_dir = getattr(args, "opinion_dir", None) or out_dir  # the audit writes opinions apart
        namers = {fmt: Namer() for fmt in formats if fmt in PER_DRAFT}
        plan.opinions = [{fmt: namer.opinion(name, fmt, opinion_dir, in_place) for fmt, namer in namers.items()}
                         for name in names]
    render = _Renderer(plan, extra)

    def work(item):
        position, draft = item
        return render(review_one(draft), position)

    def crashed(item, reason):
        position, draft = item
        return render(failed(draft, reason, code="REVIEW-CRASH"), position)

    if drafts:
        warm_up(rules, profile)  # before the workers are forked: they share what it loads
    try:
        outputs = Outputs(plan, rules)
    except OSError as exc:
        raise UsageError(f"写入输出文件失败：{exc.filename or out_dir}（{exc.strerror or exc}）") from None
    tally = Tally(keep)
    bar = _Bar(len(drafts), label) if show_progress(len(drafts), getattr(args, "quiet", False)) else None
    try:
        made = (render(review, position) for position, review in enumerate(done))
        items = [(len(done) + i, d) for i, d in enumerate(drafts)]
        for position, piece in enumerate(_chain(made, pool.ordered(items, work, jobs=jobs_of(args), crashed=crashed))):
            fatal = piece.parts.get("fatal")
            if fatal is not None:
                raise UsageError(str(fatal))
            outputs.add(piece)
            tally.add(piece.row)
            if on_row is not None:
                on_row(piece.row)
            if bar is not None and position >= len(done):
                bar.advance()
        if bar is not None:
            bar.close()
            bar = None
        tally.written = outputs.close()
    except BaseException as exc:
        if bar is not None:
            bar.close()
        outputs.abort()
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
            # the disk filled up, or the folder changed while the drafts were reviewed
            raise UsageError(f"写入输出文件失败：{exc.filename or out_dir}（{exc.strerror or exc}）") from None
        raise
    return tally


def warm_up(rules, profile) -> None:
    """``engine.warm_up`` (parser tables, registry, frozen out of the collector's way), then the cyclic garbage
    collector, off while the command loaded (``cli.main``), on again for the drafts — at a first threshold of
    50,000 objects rather than 700: a review allocates and frees some 100,000 objects without cycles (refcounting
    frees them), and the default collected the few survivors (caches) 200 times a corpus, 5 % of its time."""
    import gc

    from ..engine import warm_up as load

    load(rules, profile, collect=False)
    gc.set_threshold(50_000, 20, 10)
    gc.enable()


def _chain(*iterables):
    for iterable in iterables:
        yield from iterable


class _Renderer:
    """A review as its ``Piece`` (every output rendered, the row completed by ``extra``); a template that does
    not render makes a piece that stops the run (``fatal``)."""

    def __init__(self, plan, extra):
        self.plan = plan
        self.extra = extra

    def __call__(self, review, position):
        from ..report.opinion import TemplateError
        from ..report.stream import Piece, piece

        try:
            made = piece(review, self.plan, position)
        except TemplateError as exc:
            return Piece(None, {"fatal": str(exc)})
        if self.extra is not None:
            made.row.extra = self.extra(review)
        return made


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
