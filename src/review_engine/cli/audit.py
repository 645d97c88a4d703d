"""``audit`` — the 清理 of a stock of issued documents at a date (``audit/`` decides, ``report/cleanup.py`` lists).

    review-engine audit FOLDER... --as-of 2026-12-01 [--out DIR] [--format csv,xlsx,docx,md,jsonl,json]
                                  [--opinions md,html,txt,docx] [--doc-type 规范性文件] [--jobs N]

A folder of plain documents is a stock: each text is a document (``drafts.find_stock``); draft folders (a
draft.* or a dossier.yaml) are documents with their record. ``--as-of own`` audits each document on its own
date (was it lawful when made?). Without ``--out`` the list goes to standard output, one line per document;
with it, the list (清理目录.csv/.xlsx/.docx, 清理汇总.md) and the reviews (review.jsonl) are written there, and
each document's opinion under ``意见书/`` when ``--opinions`` asks for it. Exit code: 0 every document continues,
1 some are proposed for 修改, 废止 or 宣布失效, 2 a usage error or a document that could not be reviewed.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from .console import UsageError, _console, _plain

LIST_FORMATS = ("csv", "xlsx", "docx", "md")
MACHINE_FORMATS = ("jsonl", "json")
DEFAULT_FORMATS = "csv,xlsx,docx,md,jsonl"
OPINIONS_DIR = "意见书"


def add_parser(sub, common, jobs, fill: bool = True) -> None:
    """The ``audit`` command; without ``fill`` its name and help only (``cli.build_parser``)."""
    p = sub.add_parser("audit", help="规范性文件清理：按基准日审核一批已发布文件，提出继续有效、修改、废止或者宣布失效的建议")
    if not fill:
        return
    p.add_argument("paths", type=Path, nargs="+", metavar="FOLDER", help="文件库目录（每个 .md/.txt/.docx 文件为一件文件）或文件")
    p.add_argument("--as-of", required=True, type=_as_of, metavar="DATE",
                   help="清理基准日 YYYY-MM-DD；own 为按各文件自身的发布或施行日期审核")
    p.add_argument("--out", type=Path, help="输出目录：清理目录（csv、xlsx、docx）、清理汇总、审核结果（jsonl）")
    p.add_argument("--format", default=None,
                   help=f"逗号分隔：csv,xlsx,docx,md（清理目录和汇总）jsonl,json（逐件审核结果）；默认 {DEFAULT_FORMATS}（需 --out）")
    p.add_argument("--opinions", default="", help="逐件输出审核意见书的格式，逗号分隔：md,html,txt,docx（写入 --out 下的 意见书 目录）")
    p.add_argument("--doc-type", help="文件类型（如 规范性文件、地方政府规章），默认按文本判断")
    p.add_argument("--profile", help="地区配置（rules/profiles/ 下的名称或 YAML 路径），默认 national")
    p.add_argument("--rules", type=Path, action="append", help="规则目录（可多次指定）")
    p.add_argument("--quiet", action="store_true", help="不显示进度和汇总")
    jobs(p)
    p.set_defaults(func=cmd_audit)


def _as_of(text: str):
    import argparse

    if text.strip().lower() in ("own", "self", "自身"):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为 YYYY-MM-DD 或 own：{text}") from None


def cmd_audit(args) -> int:
    from ..audit import audit_rules
    from ..report.cleanup import CleanupList
    from ..report.targets import OutputError, check_run
    from . import batch
    from .review import _load

    formats = [f.strip() for f in (args.format or (DEFAULT_FORMATS if args.out else "")).split(",") if f.strip()]
    opinions = [f.strip() for f in args.opinions.split(",") if f.strip()]
    unknown = [f for f in formats if f not in LIST_FORMATS + MACHINE_FORMATS]
    unknown += [f for f in opinions if f not in ("md", "html", "txt", "docx")]
    if unknown:
        raise UsageError(f"未知格式 {', '.join(unknown)}")
    if args.out is None and (opinions or [f for f in formats if f in LIST_FORMATS]):
        raise UsageError("清理目录和意见书需要用 --out 指定输出目录")
    rules, profile = _load(args)
    subset, citation_rules = audit_rules(rules)
    drafts, done = batch.gather(args.paths, stock=True)
    if not drafts and not done:
        raise UsageError("没有找到可清理的文件")
    if args.out is not None:
        out = args.out.resolve()
        for path in args.paths:
            root = path.resolve()
            if path.is_dir() and (out == root or root in out.parents):
                raise UsageError(f"输出目录 {args.out} 在文件库 {path} 中：意见书会在下次清理时被当作文件读取；"
                                 "请用 --out 指定文件库之外的目录")
    machine = [f for f in formats if f in MACHINE_FORMATS]
    opinion_dir = args.out / OPINIONS_DIR if args.out is not None and opinions else None
    try:
        check_run([r.draft for r in done] + [d.name for d in drafts], drafts, machine, args.out, False,
                  [Path(args.profile) if args.profile else None])
        if opinion_dir is not None:
            check_run([r.draft for r in done] + [d.name for d in drafts], drafts, opinions, opinion_dir, False)
    except OutputError as exc:
        raise UsageError(str(exc)) from None
    as_of = args.as_of
    listing = CleanupList(args.out, formats, as_of.isoformat() if as_of else "各文件自身日期")
    printed = args.out is None and not machine

    def review_one(draft):
        from ..audit import review_issued
        from .batch import failed

        try:
            return review_issued(draft, rules=subset, citation_rules=citation_rules, profile=profile, as_of=as_of,
                                 doc_type=args.doc_type)
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception as exc:
            return failed(draft, f"审核时出错：{type(exc).__name__}: {exc}")

    def on_row(row):
        values = listing.add(row.draft, row.title, row.verdict, row.extra)
        if printed:
            sys.stdout.write(_line(values))
            sys.stdout.flush()

    run_args = _RunArgs(args, opinion_dir)
    try:
        tally = batch.stream(done, drafts, machine + opinions, run_args, review_one, rules=subset, profile=profile,
                             extra=lambda review: review.audit, on_row=on_row, label="清理中", keep=0)
        written = listing.close() + tally.written
    except BaseException:
        listing.abort()
        raise
    if not args.quiet:
        console = _console(sys.stderr)
        for line in listing.summary_lines():
            console.print(_plain(line))
        if written:
            console.print(_plain(f"已写入 {len(written)} 个文件到 {args.out}"))
    if tally.unreadable:
        return 2
    changed = sum(n for k, n in listing.dispositions.items() if k in ("修改", "废止", "宣布失效"))
    return 1 if changed else 0


class _RunArgs:
    """What ``batch.stream`` reads of the arguments: machine formats to ``--out``, opinions to ``意见书/``."""

    def __init__(self, args, opinion_dir):
        self.out = args.out
        self.opinion_dir = opinion_dir
        self.in_place = False
        self.template = None
        self.fail_level = "modify"
        self.quiet = args.quiet
        self.jobs = args.jobs


def _line(values: list[str]) -> str:
    """One document on standard output: 处理建议, 文件名称, 文号, 主要理由, 涉及条款."""
    disposition, title, number, reasons, articles = values[10], values[1], values[2], values[11], values[13]
    parts = [disposition, title + (f"（{number}）" if number else "")]
    if reasons:
        parts.append(reasons + (f"：{articles}" if articles else ""))
    return "\t".join(parts) + "\n"
