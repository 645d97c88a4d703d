"""The ``review-engine`` command line.

    review-engine parse FILE [--format tree|json]
    review-engine review PATH... [--format md,html,txt,docx,json,jsonl,sarif,junit,github,text] [--out DIR]
                                 [--jobs N]
                                 [--profile NAME] [--stage pre-issuance|filing-review] [--fail-level LEVEL]
                                 [--rules DIR]... [--template DIR] [--review-date YYYY-MM-DD]
    review-engine audit FOLDER... --as-of DATE|own [--out DIR] [--format csv,xlsx,docx,md,jsonl,json]
                                  [--opinions md,html,txt,docx] [--doc-type TYPE] [--jobs N]
                                          (规范性文件清理: a stock of issued documents → the 清理 list)
    review-engine check FILES...          (pre-commit: changed files → their draft folders → text findings)
    review-engine rules list|show ID|test [PATH]|docs [--out FILE]
    review-engine laws list | show TITLE [第X条] [--on DATE] | search NAME | import FOLDER [--out DIR]
    review-engine init DIR

Exit codes (a contract): 0 no finding at or above ``--fail-level`` (default ``modify``); 1 findings at or
above it; 2 usage error or a draft that could not be read. Imports are lazy so that ``--version`` and
``parse`` start fast.

The parser is declared here; each command group's handlers live in their own module: ``drafting`` (parse,
init), ``review`` (review, check), ``rules``, ``laws``; ``console`` holds what they share.
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

from ..version import __version__  # noqa: E402
from . import audit, batch, drafting, laws, options, review, rules  # noqa: E402
from .console import UsageError  # noqa: E402

LEVELS = ("info", "warn", "modify", "block")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser(command_of(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    import gc

    from .. import recache

    # Start-up builds long-lived objects only (modules, classes, the rule set, the registry): the cyclic collector
    # would scan them again and again for nothing. A run over many drafts turns it back on once they are loaded
    # and frozen (``batch.warm_up``); a one-draft check exits without it. Called with its arguments (a test, a
    # program), ``main`` gives the collector back as it found it.
    restore = (gc.isenabled(), gc.get_threshold()) if argv is not None else None
    gc.disable()
    recache.install()  # the regular expressions compiled by earlier runs (see recache.py)
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except UsageError as exc:
        print(f"review-engine: {exc}", file=sys.stderr)
        return 2
    finally:
        recache.save()
        memo = sys.modules.get("review_engine.registry.memo")  # the restatement answers, when a review used them
        if memo is not None:
            memo.save()
        if restore is not None:
            gc.set_threshold(*restore[1])
            if restore[0]:
                gc.enable()
        else:
            # The process ends here: the interpreter's last collection, run at exit whether the collector is on or
            # not, would walk every object the run loaded (rule set, registry, restatement data: a tenth of a
            # one-draft check) to free memory the system takes back anyway. Frozen objects are left out of it.
            gc.freeze()


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; given the ``command`` a run names (``command_of``), only that command's own
    arguments are declared, the others by their name and help alone (what the top-level help and an unknown
    command's message list): declaring them all is a sixtieth of a one-draft check."""
    parser = argparse.ArgumentParser(prog="review-engine", description="行政规范性文件合法性审核引擎")
    parser.add_argument("--version", action="version", version=f"review-engine {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("parse", help="解析草案并输出文档树")
    if command in (None, "parse"):
        p.add_argument("file", type=Path)
        p.add_argument("--format", choices=["tree", "json"], default="tree")
        p.set_defaults(func=drafting.cmd_parse)

    p = sub.add_parser("review", help="审核草案目录或文件，输出审核意见书和检查结果")
    if command in (None, "review"):
        p.add_argument("paths", type=Path, nargs="+", metavar="PATH")
        p.add_argument("--format", default=None,
                       help="逗号分隔：md,html,txt,docx（审核意见书）json,jsonl,sarif,junit,github,text"
                            "（默认：有 --out 时为意见书 md,docx，否则为 text）")
        p.add_argument("--out", type=Path, help="输出目录（每份草案一份意见书；默认只输出到终端）")
        _common(p)
        p.add_argument("--template", type=Path, help="自定义意见书模板目录（或 .docx 模板）")
        p.add_argument("--in-place", action="store_true", help="把意见书写入各草案目录（默认不写）")
        p.add_argument("--quiet", action="store_true", help="不显示汇总表和进度")
        batch.add_jobs_option(p)
        p.set_defaults(func=review.cmd_review)

    audit.add_parser(sub, _common, batch.add_jobs_option, fill=command in (None, "audit"))

    p = sub.add_parser("check", help="pre-commit 钩子：审核变更文件所在的草案")
    if command in (None, "check"):
        p.add_argument("files", type=Path, nargs="*")
        _common(p)
        p.set_defaults(func=review.cmd_check)

    p = sub.add_parser("rules", help="列出、查看、测试规则，生成规则文档")
    if command in (None, "rules"):
        rsub = p.add_subparsers(dest="rules_command", metavar="ACTION")
        q = rsub.add_parser("list", help="列出全部规则")
        q.add_argument("--rules", type=Path, action="append")
        q.set_defaults(func=rules.cmd_rules_list)
        q = rsub.add_parser("show", help="显示一条规则")
        q.add_argument("rule_id")
        q.add_argument("--rules", type=Path, action="append")
        q.set_defaults(func=rules.cmd_rules_show)
        q = rsub.add_parser("test", help="运行规则自带的示例")
        q.add_argument("path", type=Path, nargs="?", help="规则目录或单个规则文件（默认内置规则）")
        q.set_defaults(func=rules.cmd_rules_test)
        q = rsub.add_parser("docs", help="由规则生成规则目录文档（Markdown）")
        q.add_argument("--out", type=Path)
        q.add_argument("--check", action="store_true", help="只检查 --out 文件是否与规则一致（不一致时退出码为 1）")
        q.add_argument("--rules", type=Path, action="append")
        q.set_defaults(func=rules.cmd_rules_docs)

    p = sub.add_parser("laws", help="上位法库：列出、查看、检索、导入")
    if command in (None, "laws"):
        lsub = p.add_subparsers(dest="laws_command", metavar="ACTION")
        q = lsub.add_parser("list", help="列出上位法库中的法律法规")
        q.set_defaults(func=laws.cmd_laws_list)
        q = lsub.add_parser("show", help="显示一部法律法规（版本、效力、条文事实）或其中一条")
        q.add_argument("title")
        q.add_argument("article", nargs="?", help="条文序号，如 第九条、第十条之一、9")
        q.add_argument("--on", type=dt.date.fromisoformat, help="按该日期施行的版本（默认今天）")
        q.add_argument("--law-texts", type=Path, action="append", help="法律文本目录（默认取环境变量 REVIEW_ENGINE_LAW_TEXTS）")
        q.set_defaults(func=laws.cmd_laws_show)
        q = lsub.add_parser("search", help="检索规定某项许可、收费、强制措施、处罚或义务的条文")
        q.add_argument("query")
        q.add_argument("--kind", choices=["licence", "fee", "coercion", "penalty", "obligation"], action="append",
                       help="只检索该类（可多次指定；默认许可、收费、强制、处罚）")
        q.add_argument("--all-versions", action="store_true", help="也检索已被取代的版本")
        q.add_argument("--on", type=dt.date.fromisoformat, help="按该日期施行的版本（默认今天）")
        q.add_argument("--law-texts", type=Path, action="append", help="法律文本目录：同时全文检索")
        q.set_defaults(func=laws.cmd_laws_search)
        q = lsub.add_parser("import", help="导入法律文本目录（MANIFEST.tsv + 每个版本一个 .md），生成上位法库事实")
        q.add_argument("folder", type=Path)
        q.add_argument("--out", type=Path, help="写入的目录（默认 laws/<目录名>）")
        q.add_argument("--snapshot", type=dt.date.fromisoformat,
                       help="文本的快照日期（重新导入已有目录时默认沿用其记载的日期）")
        q.add_argument("--origin", help="文本来源说明，如 LawRefBook/Laws @ 2f4c5c2（默认沿用已有目录的记载）")
        q.add_argument("--level", help="MANIFEST 未载明效力层级时使用的层级（如 地方性法规）")
        q.set_defaults(func=laws.cmd_laws_import)

    p = sub.add_parser("init", help="为草案目录生成带注释的 dossier.yaml（送审材料已载明的事项不再列入）；目录不存在时新建")
    if command in (None, "init"):
        p.add_argument("dir", type=Path)
        p.set_defaults(func=drafting.cmd_init)
    return parser


def command_of(argv: list[str]) -> str | None:
    """The command ``argv`` names: its first word that is not an option (the parser's own options, --help and
    --version, take no value), or None."""
    return next((arg for arg in argv if not arg.startswith("-")), None)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--profile", help="地区配置（rules/profiles/ 下的名称或 YAML 路径），默认 national")
    p.add_argument("--stage", choices=["pre-issuance", "filing-review"], default=None,
                   help="审核阶段（默认取程序记录 dossier.yaml 的 stage，未载明的为 pre-issuance）")
    p.add_argument("--fail-level", choices=LEVELS, default=None, help="达到该级别的发现使退出码为 1（默认 modify）")
    p.add_argument("--rules", type=Path, action="append",
                   help="在内置规则之外增加的规则目录（可多次指定，后者覆盖前者同编号规则）")
    p.add_argument("--review-date", type=dt.date.fromisoformat, help="审核日期（默认今天或 dossier 中的日期）")
    options.add_options(p)


if __name__ == "__main__":
    sys.exit(main())
