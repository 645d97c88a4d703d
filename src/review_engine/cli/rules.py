"""``rules list|show|test|docs``: the rule set as a table, one rule, its examples, its catalogue."""

from __future__ import annotations

import sys
from pathlib import Path

from .console import UsageError, _console, _plain
from .review import _load


def cmd_rules_list(args) -> int:
    from rich.table import Table

    rules, _ = _load(args)
    if not sys.stdout.isatty():  # piped: one tab-separated line per rule, nothing cut
        for loaded in rules:
            rule = loaded.rule
            basis = "；".join(b.cite() for b in rule.basis[:2])
            print("\t".join((rule.id, rule.family or "", rule.item, rule.severity, rule.check, rule.title, basis)))
        return 0
    table = Table(title=f"规则（{len(rules)} 条）")
    for column in ("编号", "类别", "审核事项", "严重程度", "检查类型", "名称", "依据"):
        table.add_column(column)
    for loaded in rules:
        rule = loaded.rule
        basis = "；".join(b.cite() for b in rule.basis[:2])
        table.add_row(*_plain(rule.id, rule.family or "", rule.item, rule.severity, rule.check, rule.title, basis))
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

    from ..ruleset import RuleLoadError, load_rules, self_test

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
    for loaded in rules:
        if loaded.rule.item_source == "default" and (only is None or loaded.id in only):
            print(f"提示：{loaded.id} 的编号前缀不对应任何审核事项，按“内容合法性”（content）列入意见书；"
                  f"请用 review_item 指明（subject、authority、content、measures、rights、powers、procedure、drafting）")
    return 1 if failed else 0


def cmd_rules_docs(args) -> int:
    from ..report.ruledocs import render_rule_docs

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
        from ..report.write import atomic_write

        atomic_write(args.out, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0
