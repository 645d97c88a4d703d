"""The ``review-engine`` command line.

    review-engine parse FILE [--format tree|json]
    review-engine review PATH... [--format md,html,txt,docx,json,sarif,junit,github,text] [--out DIR]
                                 [--profile NAME] [--stage pre-issuance|filing-review] [--fail-level LEVEL]
                                 [--rules DIR]... [--template DIR] [--review-date YYYY-MM-DD]
    review-engine check FILES...          (pre-commit: changed files → their draft folders → text findings)
    review-engine rules list|show ID|test [PATH]|docs [--out FILE]
    review-engine laws list | show TITLE [第X条] [--on DATE] | search NAME | import FOLDER [--out DIR]
    review-engine init DIR

Exit codes (a contract): 0 no finding at or above ``--fail-level`` (default ``modify``); 1 findings at or
above it; 2 usage error or a draft that could not be read. Imports are lazy so that ``--version`` and
``parse`` start fast.

Longer than 450 lines because one module per command group is due when the commands grow (configuration, audit); until then every command's argument handling sits next to the parser that declares it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

# The command line uses no pydantic plugins; looking them up scans every installed distribution's metadata,
# a tenth of a one-draft `parse`. (Set before pydantic is first imported; library use is unaffected.)
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from .console import UsageError, _console, _plain
from .version import __version__

LEVELS = ("info", "warn", "modify", "block")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except UsageError as exc:
        print(f"review-engine: {exc}", file=sys.stderr)
        return 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="review-engine", description="行政规范性文件合法性审核引擎")
    parser.add_argument("--version", action="version", version=f"review-engine {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("parse", help="解析草案并输出文档树")
    p.add_argument("file", type=Path)
    p.add_argument("--format", choices=["tree", "json"], default="tree")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("review", help="审核草案目录或文件，输出审核意见书和检查结果")
    p.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    p.add_argument("--format", default="text",
                   help="逗号分隔：md,html,txt,docx（审核意见书）json,sarif,junit,github,text（默认 text）")
    p.add_argument("--out", type=Path, help="输出目录（每份草案一份意见书；默认只输出到终端）")
    _common(p)
    p.add_argument("--template", type=Path, help="自定义意见书模板目录（或 .docx 模板）")
    p.add_argument("--in-place", action="store_true", help="把意见书写入各草案目录（默认不写）")
    p.add_argument("--quiet", action="store_true", help="不显示汇总表和进度")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("check", help="pre-commit 钩子：审核变更文件所在的草案")
    p.add_argument("files", type=Path, nargs="*")
    _common(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("rules", help="列出、查看、测试规则，生成规则文档")
    rsub = p.add_subparsers(dest="rules_command", metavar="ACTION")
    q = rsub.add_parser("list", help="列出全部规则")
    q.add_argument("--rules", type=Path, action="append")
    q.set_defaults(func=cmd_rules_list)
    q = rsub.add_parser("show", help="显示一条规则")
    q.add_argument("rule_id")
    q.add_argument("--rules", type=Path, action="append")
    q.set_defaults(func=cmd_rules_show)
    q = rsub.add_parser("test", help="运行规则自带的示例")
    q.add_argument("path", type=Path, nargs="?", help="规则目录或单个规则文件（默认内置规则）")
    q.set_defaults(func=cmd_rules_test)
    q = rsub.add_parser("docs", help="由规则生成规则目录文档（Markdown）")
    q.add_argument("--out", type=Path)
    q.add_argument("--check", action="store_true", help="只检查 --out 文件是否与规则一致（不一致时退出码为 1）")
    q.add_argument("--rules", type=Path, action="append")
    q.set_defaults(func=cmd_rules_docs)

    p = sub.add_parser("laws", help="上位法库：列出、查看、检索、导入")
    lsub = p.add_subparsers(dest="laws_command", metavar="ACTION")
    q = lsub.add_parser("list", help="列出上位法库中的法律法规")
    q.set_defaults(func=_laws("list"))
    q = lsub.add_parser("show", help="显示一部法律法规（版本、效力、条文事实）或其中一条")
    q.add_argument("title")
    q.add_argument("article", nargs="?", help="条文序号，如 第九条、第十条之一、9")
    q.add_argument("--on", type=dt.date.fromisoformat, help="按该日期施行的版本（默认今天）")
    q.add_argument("--law-texts", type=Path, action="append", help="法律文本目录（默认取环境变量 REVIEW_ENGINE_LAW_TEXTS）")
    q.set_defaults(func=_laws("show"))
    q = lsub.add_parser("search", help="检索规定某项许可、收费、强制措施、处罚或义务的条文")
    q.add_argument("query")
    q.add_argument("--kind", choices=["licence", "fee", "coercion", "penalty", "obligation"], action="append",
                   help="只检索该类（可多次指定；默认许可、收费、强制、处罚）")
    q.add_argument("--all-versions", action="store_true", help="也检索已被取代的版本")
    q.add_argument("--on", type=dt.date.fromisoformat, help="按该日期施行的版本（默认今天）")
    q.add_argument("--law-texts", type=Path, action="append", help="法律文本目录：同时全文检索")
    q.set_defaults(func=_laws("search"))
    q = lsub.add_parser("import", help="导入法律文本目录（MANIFEST.tsv + 每个版本一个 .md），生成上位法库事实")
    q.add_argument("folder", type=Path)
    q.add_argument("--out", type=Path, help="写入的目录（默认 laws/<目录名>）")
    q.add_argument("--snapshot", type=dt.date.fromisoformat,
                   help="文本的快照日期（重新导入已有目录时默认沿用其记载的日期）")
    q.add_argument("--origin", help="文本来源说明，如 LawRefBook/Laws @ 2f4c5c2（默认沿用已有目录的记载）")
    q.add_argument("--level", help="MANIFEST 未载明效力层级时使用的层级（如 地方性法规）")
    q.set_defaults(func=_laws("import"))

    p = sub.add_parser("init", help="为草案目录生成带注释的 dossier.yaml（送审材料已载明的事项不再列入）；目录不存在时新建")
    p.add_argument("dir", type=Path)
    p.set_defaults(func=cmd_init)
    return parser


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--profile", help="地区配置（rules/profiles/ 下的名称或 YAML 路径），默认 national")
    p.add_argument("--stage", choices=["pre-issuance", "filing-review"], default=None,
                   help="审核阶段（默认取程序记录 dossier.yaml 的 stage，未载明的为 pre-issuance）")
    p.add_argument("--fail-level", choices=LEVELS, default="modify")
    p.add_argument("--rules", type=Path, action="append", help="规则目录（可多次指定，后者覆盖前者同编号规则）")
    p.add_argument("--review-date", type=dt.date.fromisoformat, help="审核日期（默认今天或 dossier 中的日期）")


# ---- parse ---------------------------------------------------------------------------------------------------

def cmd_parse(args) -> int:
    from .parsing import parse_source
    from .reading import SourceError, read_source

    try:
        doc = parse_source(read_source(args.file))
    except SourceError as exc:
        print(f"PARSE-READ {exc.one_line()}", file=sys.stderr)
        return 2
    if args.format == "json":
        sys.stdout.write(doc.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(format_tree(doc))
    for problem in doc.problems:
        print(problem.one_line(), file=sys.stderr)
    return 1 if doc.problems else 0


def format_tree(doc) -> str:
    """An indented outline of the document, one node per line with its eId, label and span."""
    out = []
    block = doc.title_block
    out.append(f"title: {block.title}")
    for name in ("doc_number", "note"):
        if getattr(block, name):
            out.append(f"{name}: {getattr(block, name)}")
    if block.marks:
        out.append(f"marks: {'、'.join(block.marks)}")

    def emit(node, depth):
        s = node.span
        text = node.heading or node.text
        text = text if len(text) <= 40 else text[:39] + "…"
        out.append(f"{'  ' * depth}{node.kind} {node.eid} {node.label} [{s.line}:{s.column}-{s.end_line}:{s.end_column}] {text}")
        for child in node.children:
            emit(child, depth + 1)

    for group, nodes in (("preamble", doc.preamble), ("body", doc.body), ("attachments", doc.attachments)):
        if nodes:
            out.append(f"{group}:")
            for node in nodes:
                emit(node, 1)
    if doc.signature:
        sig = doc.signature
        out.append(f"signature: {' '.join(sig.issuer)} {sig.date_text or ''} [{sig.span.line}:{sig.span.column}]")
    out.append(f"articles: {len(doc.articles())}")
    return "\n".join(out) + "\n"


# ---- review and check ------------------------------------------------------------------------------------------

def _load(args):
    from .engine import get_profile, get_rules
    from .profile import ProfileError
    from .ruleset import RuleLoadError

    try:
        return get_rules(args.rules), get_profile(getattr(args, "profile", None))
    except RuleLoadError as exc:
        raise UsageError(f"规则加载失败：\n{exc}") from None
    except ProfileError as exc:
        raise UsageError(str(exc)) from None


def cmd_review(args) -> int:
    from .drafts import find_drafts
    from .findings import ReadError, Review
    from .report import FORMATS

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
    from .report.targets import OutputError, check_run

    try:  # before reviewing: an output that must not or cannot be written stops the run at once
        check_run([r.draft for r in reviews] + [d.name for d in drafts], drafts, formats, args.out, args.in_place,
                  [args.template, Path(args.profile) if args.profile else None])
    except OutputError as exc:
        raise UsageError(str(exc)) from None
    reviews += run_reviews(drafts, rules, profile, args, progress=not args.quiet)
    if not reviews:
        raise UsageError("没有找到可审核的草案")
    return emit_reviews(reviews, formats, args)


def run_reviews(drafts, rules, profile, args, progress: bool) -> list:
    from .engine import review_draft, warm_up

    if len(drafts) > 1:
        warm_up(rules, profile)

    def one(draft):
        try:
            return review_draft(draft, profile=profile, stage=args.stage, rules=rules, review_date=args.review_date)
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception as exc:  # reported as a draft that could not be reviewed; the others still run
            from .findings import ReadError, Review

            return Review(draft=draft.name, errors=[ReadError(code="REVIEW-ERROR", file=str(draft.text),
                                                              message=f"审核时出错：{type(exc).__name__}: {exc}")])

    if progress and len(drafts) > 3 and sys.stderr.isatty():
        from rich.progress import track

        return [one(d) for d in track(drafts, description="审核中", transient=True, console=_console(sys.stderr))]
    return [one(d) for d in drafts]


def emit_reviews(reviews, formats, args) -> int:
    from .findings import at_or_above
    from .report import machine

    from .report.opinion import TemplateError

    out_dir = getattr(args, "out", None)
    in_place = getattr(args, "in_place", False)
    template = getattr(args, "template", None)
    fail_level = getattr(args, "fail_level", "modify")
    stdout_formats = [f for f in formats if out_dir is None and not in_place]
    written = []
    try:
        for fmt in formats:
            if out_dir is not None or in_place:
                from .report.write import write_outputs

                written += write_outputs(reviews, fmt, out_dir, template=template, in_place=in_place,
                                         fail_level=fail_level)
        for fmt in stdout_formats:
            if fmt == "text":
                sys.stdout.write(machine.to_text(reviews))
            elif fmt == "json":
                sys.stdout.write(machine.to_json(reviews))
            else:
                from .report.write import render_stdout

                sys.stdout.write(render_stdout(reviews, fmt, template=template, fail_level=fail_level))
    except TemplateError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:  # the disk filled up, or the folder changed while the drafts were reviewed
        raise UsageError(f"写入输出文件失败：{exc.filename or out_dir}（{exc.strerror or exc}）") from None
    if not getattr(args, "quiet", False):
        print_summary(reviews)
        if written:
            _console(sys.stderr).print(_plain(f"已写入 {len(written)} 个文件到 {out_dir if out_dir is not None else '各草案目录'}"))
    if any(r.verdict is None for r in reviews):
        return 2
    return 1 if any(at_or_above(r.findings, args.fail_level) for r in reviews) else 0


def print_summary(reviews) -> None:
    from rich.table import Table

    table = Table(title="审核汇总", show_lines=False)
    for name, style in (("草案", None), ("名称", None), ("结论", None), ("不合法", "red"), ("应当修改", "yellow"),
                        ("提示", "cyan"), ("信息", "dim"), ("错误", "magenta")):
        table.add_column(name, style=style, justify="left" if name in ("草案", "名称", "结论") else "right")
    for review in reviews:
        counts = review.counts()
        table.add_row(*_plain(Path(review.draft).name or review.draft, review.title),
                      review.verdict or review.status,
                      str(counts["block"]), str(counts["modify"]), str(counts["warn"]), str(counts["info"]),
                      str(len(review.errors)))
    _console(sys.stderr).print(table)


def cmd_check(args) -> int:
    """pre-commit entry: map changed files to their draft folders, review each once, print text findings."""
    from .drafts import DraftFolderError, draft_in
    from .findings import ReadError, Review

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
            from .drafts import _IGNORED, DRAFT_SUFFIXES, Draft

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


# ---- rules -----------------------------------------------------------------------------------------------------

def cmd_rules_list(args) -> int:
    from rich.table import Table

    rules, _ = _load(args)
    table = Table(title=f"规则（{len(rules)} 条）")
    for column in ("编号", "类别", "严重程度", "检查类型", "名称", "依据"):
        table.add_column(column)
    for loaded in rules:
        rule = loaded.rule
        basis = "；".join(b.cite() for b in rule.basis[:2])
        table.add_row(*_plain(rule.id, rule.family or "", rule.severity, rule.check, rule.title, basis))
    _console(sys.stdout).print(table)
    return 0


def cmd_rules_show(args) -> int:
    import yaml

    rules, _ = _load(args)
    loaded = rules.get(args.rule_id)
    if loaded is None:
        raise UsageError(f"没有规则 {args.rule_id}")
    print(f"# {loaded.id} {loaded.rule.title}\n文件：{loaded.file}\n")
    print(yaml.safe_dump(loaded.rule.model_dump(mode="json", by_alias=True, exclude_none=True),
                         allow_unicode=True, sort_keys=False))
    return 0


def cmd_rules_test(args) -> int:
    from rich.table import Table

    from .ruleset import RuleLoadError, load_rules, self_test

    path = args.path
    dirs = None
    only = None
    if path is not None:
        if path.is_file():
            dirs, only = [path.parent], None
        else:
            dirs = [path]
    try:
        rules = load_rules(dirs, test=False)
    except RuleLoadError as exc:
        print(f"规则加载失败：\n{exc}", file=sys.stderr)
        return 1
    results = self_test(rules, only)
    if path is not None and path.is_file():
        results = [r for r in results if Path(r.file).resolve() == path.resolve()]
    table = Table(title="规则示例测试")
    for column in ("规则", "示例", "结果", "说明"):
        table.add_column(column)
    failed = 0
    for r in results:
        failed += not r.ok
        table.add_row(*_plain(r.rule, f"{r.kind}[{r.index}]"), "[green]通过[/]" if r.ok else "[red]失败[/]", *_plain(r.detail))
    _console(sys.stdout).print(table)
    print(f"{len(results)} 个示例，{len(results) - failed} 通过，{failed} 失败")
    return 1 if failed else 0


def cmd_rules_docs(args) -> int:
    from .report.ruledocs import render_rule_docs

    rules, _ = _load(args)
    text = render_rule_docs(rules)
    if args.check:
        if args.out is None:
            raise UsageError("--check 需要 --out 指定要检查的文件")
        current = args.out.read_text(encoding="utf-8") if args.out.is_file() else None
        if current != text:
            print(f"{args.out} 与规则文件不一致，请运行 review-engine rules docs --out {args.out}（或 make docs）",
                  file=sys.stderr)
            return 1
        return 0
    if args.out:
        from .report.write import atomic_write

        atomic_write(args.out, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


# ---- laws and init ----------------------------------------------------------------------------------------------

def _laws(action: str):
    """The handler of ``laws <action>`` (in ``cli_laws``, imported when the command runs)."""

    def run(args) -> int:
        from . import cli_laws

        return getattr(cli_laws, f"cmd_laws_{action}")(args)

    return run


def cmd_init(args) -> int:
    from .record.template import init_draft_folder

    try:
        report = init_draft_folder(args.dir)
    except FileExistsError as exc:
        raise UsageError(str(exc)) from None
    for path in report.written:
        print(f"已创建 {path}")
    if report.found:
        print("送审材料已载明（不写入 dossier.yaml，审核时从送审材料读取）：")
        for name, value, where in report.found:
            print(f"  {name}：{value}（{where}）")
        if report.missing:
            print(f"送审材料未载明，请在 dossier.yaml 中如实填写：{'、'.join(report.missing)}")
    for name, reason in report.unreadable.items():
        print(f"未能读取 {name}：{reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
