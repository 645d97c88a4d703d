"""``review`` (draft folders → opinions and machine formats) and ``check`` (what the pre-commit hook runs)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .console import UsageError, _console, _plain

LEVELS = ("info", "warn", "modify", "block")


def _load(args):
    from ..engine import get_profile, get_rules
    from ..profile import ProfileError
    from ..ruleset import RuleLoadError

    try:
        return get_rules(args.rules), get_profile(getattr(args, "profile", None))
    except RuleLoadError as exc:
        raise UsageError(f"规则加载失败：\n{exc}") from None
    except ProfileError as exc:
        raise UsageError(str(exc)) from None


def cmd_review(args) -> int:
    from ..drafts import find_drafts
    from ..findings import ReadError, Review
    from ..report import FORMATS

    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise UsageError(f"未知格式 {', '.join(unknown)}（可用：{', '.join(FORMATS)}）")
    if "docx" in formats and args.out is None and not args.in_place:
        raise UsageError("docx 格式的意见书需要用 --out 指定输出目录")
    if args.template is not None and not args.template.exists():
        raise UsageError(f"模板不存在：{args.template}")
    rules, profile = _load(args)
    drafts, folder_errors = [], []
    for path in args.paths:
        found, errors = find_drafts(path)
        drafts.extend(found)
        folder_errors.extend(errors)
    reviews = [Review(draft=str(e.path), errors=[ReadError(file=str(e.path), message=e.message)]) for e in folder_errors]
    from ..report.targets import OutputError, check_run

    try:  # before reviewing: an output that must not or cannot be written stops the run at once
        check_run([r.draft for r in reviews] + [d.name for d in drafts], drafts, formats, args.out, args.in_place,
                  [args.template, Path(args.profile) if args.profile else None])
    except OutputError as exc:
        raise UsageError(str(exc)) from None
    if not reviews and not drafts:
        raise UsageError("没有找到可审核的草案")
    return stream_reviews(reviews, drafts, formats, args, lambda draft: _review_one(draft, rules, profile, args),
                          rules=rules, profile=profile)


def _review_one(draft, rules, profile, args):
    """The review of one draft; an error while reviewing is that draft's error (the others still run)."""
    from ..engine import review_draft

    try:
        return review_draft(draft, profile=profile, stage=args.stage, rules=rules, review_date=args.review_date)
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:
        return failed(draft, f"审核时出错：{type(exc).__name__}: {exc}")


def failed(draft, message: str, code: str = "REVIEW-ERROR"):
    """The review of a draft that could not be reviewed (``verdict`` None, the reason as its error)."""
    from ..findings import ReadError, Review

    return Review(draft=draft.name, errors=[ReadError(code=code, file=str(draft.text), message=message)])


def stream_reviews(done, drafts, formats, args, review_one, *, rules, profile, extra=None, label="审核中") -> int:
    """Review ``drafts`` on ``--jobs`` processes and write every format as each review finishes
    (``cli/batch.py``, ``report/stream.py``); ``done`` are reviews already made (folders that could not be
    read), written first. ``extra(review)`` adds to a draft's summary row (the audit's disposition). Prints the
    summary; returns the exit code."""
    from ..engine import warm_up
    from ..report.opinion import TemplateError
    from ..report.stream import Outputs, Plan, Piece, piece
    from ..report.targets import PER_DRAFT, Namer
    from . import batch

    out_dir = getattr(args, "out", None)
    in_place = getattr(args, "in_place", False)
    names = [r.draft for r in done] + [d.name for d in drafts]
    plan = Plan(formats, out_dir, in_place, getattr(args, "template", None), getattr(args, "fail_level", "modify"),
                total=len(names))
    if out_dir is not None or in_place:
        namers = {fmt: Namer() for fmt in formats if fmt in PER_DRAFT}
        plan.opinions = [{fmt: namer.opinion(name, fmt, out_dir, in_place) for fmt, namer in namers.items()}
                         for name in names]
    offset = len(done)

    def rendered(review, position):
        try:
            made = piece(review, plan, position)
        except TemplateError as exc:
            made = Piece(None, {"fatal": str(exc)})
        if extra is not None and made.row is not None:
            made.row.extra = extra(review)
        return made

    def work(item):
        position, draft = item
        return rendered(review_one(draft), position)

    def crashed(item, reason):
        position, draft = item
        return rendered(failed(draft, reason, code="REVIEW-CRASH"), position)

    if drafts:
        warm_up(rules, profile)  # before the workers are forked: they share what it loads
    try:
        outputs = Outputs(plan, rules)
    except OSError as exc:
        raise UsageError(f"写入输出文件失败：{exc.filename or out_dir}（{exc.strerror or exc}）") from None
    checked = _Checked(outputs)
    rows = []
    try:
        for position, review in enumerate(done):
            made = rendered(review, position)
            checked.add(made)
            rows.append(made.row)
        rows += batch.run([(offset + i, d) for i, d in enumerate(drafts)], work, crashed, outputs=checked,
                          jobs=batch.jobs_of(args),
                          progress=batch.show_progress(len(drafts), getattr(args, "quiet", False)), label=label)
    except BrokenPipeError:
        raise
    except OSError as exc:  # the disk filled up, or the folder changed while the drafts were reviewed
        outputs.abort()
        raise UsageError(f"写入输出文件失败：{exc.filename or out_dir}（{exc.strerror or exc}）") from None
    written = outputs.written
    if not getattr(args, "quiet", False):
        print_summary(rows)
        if written:
            _console(sys.stderr).print(_plain(f"已写入 {len(written)} 个文件到 {out_dir if out_dir is not None else '各草案目录'}"))
    if any(r.verdict is None for r in rows):
        return 2
    return 1 if any(r.failing for r in rows) else 0


class _Checked:
    """The run's outputs, stopping the run when a review could not be rendered for a reason that holds for
    every draft (a template that does not render: a usage error, as before any review)."""

    def __init__(self, outputs):
        self.outputs = outputs

    def add(self, made) -> None:
        fatal = made.parts.get("fatal")
        if fatal is not None:
            raise UsageError(str(fatal))
        self.outputs.add(made)

    def close(self):
        return self.outputs.close()

    def abort(self) -> None:
        self.outputs.abort()


def run_reviews(drafts, rules, profile, args, progress: bool) -> list:
    from ..engine import review_draft, warm_up

    if len(drafts) > 1:
        warm_up(rules, profile)

    def one(draft):
        try:
            return review_draft(draft, profile=profile, stage=args.stage, rules=rules, review_date=args.review_date)
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception as exc:  # reported as a draft that could not be reviewed; the others still run
            from ..findings import ReadError, Review

            return Review(draft=draft.name, errors=[ReadError(code="REVIEW-ERROR", file=str(draft.text),
                                                              message=f"审核时出错：{type(exc).__name__}: {exc}")])

    if progress and len(drafts) > 3 and sys.stderr.isatty():
        from rich.progress import track

        return [one(d) for d in track(drafts, description="审核中", transient=True, console=_console(sys.stderr))]
    return [one(d) for d in drafts]


def emit_reviews(reviews, formats, args) -> int:
    from ..findings import at_or_above
    from ..report import machine

    from ..report.opinion import TemplateError

    out_dir = getattr(args, "out", None)
    in_place = getattr(args, "in_place", False)
    template = getattr(args, "template", None)
    fail_level = getattr(args, "fail_level", "modify")
    stdout_formats = [f for f in formats if out_dir is None and not in_place]
    written = []
    try:
        for fmt in formats:
            if out_dir is not None or in_place:
                from ..report.write import write_outputs

                written += write_outputs(reviews, fmt, out_dir, template=template, in_place=in_place,
                                         fail_level=fail_level)
        for fmt in stdout_formats:
            if fmt == "text":
                sys.stdout.write(machine.to_text(reviews))
            elif fmt == "json":
                sys.stdout.write(machine.to_json(reviews))
            else:
                from ..report.write import render_stdout

                sys.stdout.write(render_stdout(reviews, fmt, template=template, fail_level=fail_level))
    except TemplateError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:  # the disk filled up, or the folder changed while the drafts were reviewed
        raise UsageError(f"写入输出文件失败：{exc.filename or out_dir}（{exc.strerror or exc}）") from None
    if not getattr(args, "quiet", False):
        from ..report.stream import row_of

        print_summary([row_of(r, fail_level) for r in reviews])
        if written:
            _console(sys.stderr).print(_plain(f"已写入 {len(written)} 个文件到 {out_dir if out_dir is not None else '各草案目录'}"))
    if any(r.verdict is None for r in reviews):
        return 2
    return 1 if any(at_or_above(r.findings, args.fail_level) for r in reviews) else 0


SUMMARY_ROWS = 200
"""Above this many drafts the summary table gives the totals only (the outputs hold every draft)."""


def print_summary(rows) -> None:
    """The summary table on standard error: one line per draft (``report.stream.Row``), or the totals."""
    from rich.table import Table

    table = Table(title="审核汇总", show_lines=False)
    for name, style in (("草案", None), ("名称", None), ("结论", None), ("不合法", "red"), ("应当修改", "yellow"),
                        ("提示", "cyan"), ("信息", "dim"), ("错误", "magenta")):
        table.add_column(name, style=style, justify="left" if name in ("草案", "名称", "结论") else "right")
    if len(rows) > SUMMARY_ROWS:
        verdicts: dict[str, int] = {}
        totals = {"block": 0, "modify": 0, "warn": 0, "info": 0}
        for row in rows:
            verdicts[row.verdict or row.status] = verdicts.get(row.verdict or row.status, 0) + 1
            for key in totals:
                totals[key] += row.counts[key]
        shown = "、".join(f"{k} {v} 份" for k, v in verdicts.items())
        table.add_row(f"共 {len(rows)} 份", "", shown, *(str(totals[k]) for k in ("block", "modify", "warn", "info")),
                      str(sum(r.errors for r in rows)))
    for row in rows if len(rows) <= SUMMARY_ROWS else ():
        counts = row.counts
        table.add_row(*_plain(Path(row.draft).name or row.draft, row.title), row.verdict or row.status,
                      str(counts["block"]), str(counts["modify"]), str(counts["warn"]), str(counts["info"]),
                      str(row.errors))
    _console(sys.stderr).print(table)


def cmd_check(args) -> int:
    """pre-commit entry: map changed files to their draft folders, review each once, print text findings."""
    from ..drafts import DraftFolderError, draft_in
    from ..findings import ReadError, Review

    rules, profile = _load(args)
    drafts, seen, reviews = [], set(), []
    for file in args.files:
        if not os.path.lexists(file):  # a file that is not there is an error, not a pass
            if str(file) not in seen:
                seen.add(str(file))
                reviews.append(Review(draft=str(file), errors=[ReadError(file=str(file), message="文件不存在")]))
            continue
        folder = file if file.is_dir() else file.parent
        candidates = [folder, *folder.parents]
        draft = None
        for candidate in candidates[:3]:
            try:
                draft = draft_in(candidate) if candidate.is_dir() else None
            except DraftFolderError as exc:
                if str(exc.path) not in seen:
                    seen.add(str(exc.path))
                    reviews.append(Review(draft=str(exc.path), errors=[ReadError(file=str(exc.path), message=exc.message)]))
                draft = None
                break
            if draft is not None:
                break
        if draft is None:
            from ..drafts import _IGNORED, DRAFT_SUFFIXES, Draft

            if (file.suffix.lower() in DRAFT_SUFFIXES and file.is_file() and str(file) not in seen
                    and not _IGNORED.match(file.name)):
                seen.add(str(file))
                drafts.append(Draft(text=file))
            continue
        if draft.name not in seen:
            seen.add(draft.name)
            drafts.append(draft)
    reviews += run_reviews(drafts, rules, profile, args, progress=False)
    args.quiet = True
    return emit_reviews(reviews, ["text"], args) if reviews else 0
