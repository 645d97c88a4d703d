"""The options of ``review`` and ``check``, completed before anything is read: the configuration file
(``config.py``) under the command line, the rule folders (``--rules`` adds to the built-in rules,
``--no-builtin-rules`` replaces them), ``--select``/``--ignore``, a profile named after a file of a rule folder,
the default formats (with ``--out``: the opinion, Markdown and Word), and ``--color``.

Kept apart from the commands' run loop (``review.py``): ``prepare(args)`` is its only entry.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from . import console
from .config import Config, find_config, load_config
from .console import UsageError

OPINION_DEFAULT = "md,docx"
"""What ``review DIR --out o`` writes without ``--format``: the opinion, the product."""


def add_options(p: argparse.ArgumentParser) -> None:
    """The options ``review`` and ``check`` share with the configuration file (declared by ``cli.build_parser``)."""
    p.add_argument("--no-builtin-rules", action="store_true",
                   help="不使用内置规则，只用 --rules 指定的规则目录（默认 --rules 在内置规则之外增加规则）")
    p.add_argument("--select", action="append", metavar="IDS",
                   help="只运行这些规则（逗号分隔的规则编号或前缀，如 CONT-PEN,PROC-CONS-01）")
    p.add_argument("--ignore", action="append", metavar="IDS", help="不运行这些规则（规则编号或前缀）")
    p.add_argument("--config", type=Path, help="配置文件（默认从草案所在目录向上查找 .review-engine.yaml 或 pyproject.toml）")
    p.add_argument("--no-config", action="store_true", help="不读取配置文件")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto", help="终端输出是否着色（默认 auto）")


def _ids(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def _config(args) -> Config:
    if getattr(args, "no_config", False):
        return Config()
    if getattr(args, "config", None) is not None:
        if not args.config.is_file():
            raise UsageError(f"配置文件不存在：{args.config}")
        return load_config(args.config)
    paths = getattr(args, "paths", None) or getattr(args, "files", None) or [Path.cwd()]
    found = find_config(Path(paths[0]))
    return load_config(found) if found is not None else Config()


def prepare(args) -> Config:
    """Complete ``args`` from the configuration file and the defaults (see the module docstring)."""
    config = _config(args)
    values = config.values
    console.COLOR = getattr(args, "color", "auto")
    for attr, key in (("profile", "profile"), ("fail_level", "fail-level"), ("stage", "stage"),
                      ("review_date", "review-date"), ("template", "template"), ("format", "format")):
        if hasattr(args, attr) and getattr(args, attr) is None and key in values:
            value = values[key]
            if key == "format" and args.out is None and not args.in_place and (len(value) > 1 or "docx" in value):
                continue  # the configured files need --out; in the terminal the findings are printed (text)
            setattr(args, attr, ",".join(value) if key == "format" else Path(value) if key == "template" else value)
    if getattr(args, "fail_level", None) is None:
        args.fail_level = "modify"
    if hasattr(args, "format") and args.format is None:
        args.format = OPINION_DEFAULT if (args.out is not None or args.in_place) else "text"
    builtin = not args.no_builtin_rules and values.get("builtin-rules", True)
    user = [Path(p) for p in values.get("rules", [])] + list(args.rules or [])
    if not builtin and not user:
        raise UsageError("不使用内置规则时，需要用 --rules（或配置项 rules）指定规则目录")
    if builtin and not user:
        args.rule_dirs = None  # the built-in rule set (loaded once per process)
    else:
        from ..ruleset.loader import default_rule_dirs

        args.rule_dirs = (default_rule_dirs() if builtin else []) + user
    args.select_ids = _ids(args.select) or values.get("select", [])
    args.ignore_ids = _ids(args.ignore) + values.get("ignore", [])
    args.profile = _profile(args.profile, user)
    _check_stdout(args)
    return config


def _profile(name: str | None, folders: list[Path]) -> str | None:
    """A profile named without a path is looked up in the rule folders (``profiles/NAME.yaml``, ``NAME.yaml``)
    before the built-in profiles."""
    if not name or Path(name).suffix:
        return name
    for folder in folders:
        for candidate in (folder / "profiles" / f"{name}.yaml", folder / f"{name}.yaml"):
            if candidate.is_file():
                return str(candidate)
    return name


def _check_stdout(args) -> None:
    """Several formats cannot share standard output (``json,sarif`` would print two documents, neither valid)."""
    if not hasattr(args, "format") or args.out is not None or args.in_place:
        return
    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    if len(formats) > 1:
        raise UsageError(f"{','.join(formats)} 不能同时输出到标准输出（会混在一起，无法解析）；请用 --out 指定输出目录，"
                         "或者每次只输出一种格式")


def select_rules(rules, args):
    """The rule set less what ``--select``/``--ignore`` (and the configuration) switch off."""
    select, ignore = getattr(args, "select_ids", []), getattr(args, "ignore_ids", [])
    if not select and not ignore:
        return rules
    try:
        return rules.selected(select, ignore)
    except ValueError as exc:
        raise UsageError(f"--select/--ignore：没有编号为 {exc} 或以其开头的规则") from None
