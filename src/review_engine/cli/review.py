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
    from .options import select_rules

    try:
        rules = get_rules(args.rule_dirs if hasattr(args, "rule_dirs") else args.rules)
        return select_rules(rules, args), get_profile(getattr(args, "profile", None))
    except RuleLoadError as exc:
        raise UsageError(f"规则加载失败：\n{exc}") from None
    except ProfileError as exc:
        raise UsageError(str(exc)) from None


def cmd_review(args) -> int:
    from ..report import FORMATS
    from .options import prepare

    prepare(args)
    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise UsageError(f"未知格式 {', '.join(unknown)}（可用：{', '.join(FORMATS)}）")
    if "docx" in formats and args.out is None and not args.in_place:
        raise UsageError("docx 格式的意见书需要用 --out 指定输出目录")
    if args.template is not None and not args.template.exists():
        raise UsageError(f"模板不存在：{args.template}")
    rules, profile = _load(args)
    from . import batch

    drafts, reviews = batch.gather(args.paths)
    from ..report.targets import OutputError, check_run

    try:  # before reviewing: an output that must not or cannot be written stops the run at once
        check_run([r.draft for r in reviews] + [d.name for d in drafts], drafts, formats, args.out, args.in_place,
                  [args.template, Path(args.profile) if args.profile else None])
    except OutputError as exc:
        raise UsageError(str(exc)) from None
    if not reviews and not drafts:
        raise UsageError("没有找到可审核的草案")
    tally = batch.stream(reviews, drafts, formats, args, lambda draft: _review_one(draft, rules, profile, args),
                         rules=rules, profile=profile)
    if not args.quiet:
        print_summary(tally.rows if tally.count <= SUMMARY_ROWS else tally)
        if tally.written:
            where = args.out if args.out is not None else "各草案目录"
            _console(sys.stderr).print(_plain(f"已写入 {len(tally.written)} 个文件到 {where}"))
    return tally.exit_code()


def _review_one(draft, rules, profile, args):
    """The review of one draft; an error while reviewing is that draft's error (the others still run)."""
    from ..engine import review_draft
    from .batch import failed

    try:
        return review_draft(draft, profile=profile, stage=args.stage, rules=rules, review_date=args.review_date)
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:
        return failed(draft, f"审核时出错：{type(exc).__name__}: {exc}")


def run_reviews(drafts, rules, profile, args, progress: bool) -> list:
    from ..engine import review_draft
    from .batch import warm_up

    if len(drafts) > 1:
        warm_up(rules, profile)

    def one(draft):
        try:
            return review_draft(draft, profile=profile, stage=args.stage, rules=rules, review_date=args.review_date)
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception as exc:  # reported as a draft that could not be reviewed; the others still run
            from .batch import failed

            return failed(draft, f"审核时出错：{type(exc).__name__}: {exc}")

    if progress and len(drafts) > 3 and sys.stderr.isatty():
        from rich.progress import track

        return [one(d) for d in track(drafts, description="审核中", transient=True, console=_console(sys.stderr))]
    return [one(d) for d in drafts]


def emit_reviews(reviews, formats, args) -> int:
    from ..findings import at_or_above
    from ..report import machine

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
    except ValueError as exc:  # an opinion template that cannot be used (imported here: a check renders none)
        from ..report.opinion import TemplateError

        if not isinstance(exc, TemplateError):
            raise
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
    """The summary table on standard error: one line per draft (``report.stream.Row``), or, given a
    ``batch.Tally`` (a run of more than ``SUMMARY_ROWS`` drafts), the totals."""
    from rich.table import Table

    from . import console

    cells = _summary_cells(rows)
    if not sys.stderr.isatty() and console.COLOR != "always":  # a CI log: whole titles, one line per draft, nothing cut to a terminal's width
        print("审核汇总：", file=sys.stderr)
        for draft, title, verdict, block, modify, warn, info, errors in cells:
            print(f"{draft}\t{title}\t{verdict}\t不合法 {block}，应当修改 {modify}，提示 {warn}，信息 {info}，错误 {errors}",
                  file=sys.stderr)
        return
    table = Table(title="审核汇总", show_lines=False)
    for name, style in (("草案", None), ("名称", None), ("结论", None), ("不合法", "red"), ("应当修改", "yellow"),
                        ("提示", "cyan"), ("信息", "dim"), ("错误", "magenta")):
        table.add_column(name, style=style, justify="left" if name in ("草案", "名称", "结论") else "right")
    for draft, title, *rest in cells:
        table.add_row(*_plain(draft, title), *rest)
    _console(sys.stderr).print(table)


def _summary_cells(rows) -> list[tuple[str, ...]]:
    """(draft, title, conclusion, block, modify, warn, info, errors) of each row, or the totals of a tally."""
    levels = ("block", "modify", "warn", "info")
    if not isinstance(rows, list):
        tally = rows
        shown = "、".join(f"{k} {v} 份" for k, v in tally.verdicts.items())
        return [(f"共 {tally.count} 份", "", shown, *(str(tally.severities[k]) for k in levels), str(tally.errors))]
    return [(Path(row.draft).name or row.draft, row.title, row.verdict or row.status,
             *(str(row.counts[k]) for k in levels), str(row.errors)) for row in rows]


def cmd_check(args) -> int:
    """pre-commit entry: map changed files to their draft folders, review each once, print text findings."""
    from ..drafts import DraftFolderError, draft_in
    from ..findings import unreadable
    from .options import prepare

    prepare(args)
    rules, profile = _load(args)
    drafts, seen, reviews = [], set(), []
    for file in args.files:
        if not os.path.lexists(file):  # a file that is not there is an error, not a pass
            if str(file) not in seen:
                seen.add(str(file))
                reviews.append(unreadable(file, file, "文件不存在"))
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
                    reviews.append(unreadable(exc.path, exc.path, exc.message))
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
