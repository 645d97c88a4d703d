"""The ``review-engine laws`` commands: list, show (an instrument or one article), search, import."""

from __future__ import annotations

import datetime as dt
import sys

from .console import UsageError, _console, _plain


def cmd_laws_list(args) -> int:
    from rich.table import Table

    from ..registry import default_registry
    from ..registry.describe import list_rows, registry_line

    registry = default_registry()
    table = Table(title=registry_line(registry))
    for column in ("名称", "效力层级", "状态", "现行版本", "条数", "条文事实"):
        table.add_column(column)
    for row in list_rows(registry):
        table.add_row(*_plain(*row))
    _console(sys.stdout).print(table)
    return 0


def _law_texts(args):
    from ..registry.texts import LawTexts

    return LawTexts(args.law_texts) if args.law_texts else LawTexts()


def cmd_laws_show(args) -> int:
    from ..numerals import to_int
    from ..registry import default_registry
    from ..registry.describe import article_text, registry_line, show_text

    registry = default_registry()
    inst = registry.resolve(args.title) or registry.by_doc_number(args.title)
    if inst is None:
        raise UsageError(f"上位法库中没有“{args.title}”")
    day = args.on or dt.date.today()
    if args.article:
        import re

        m = re.fullmatch(r"第?([〇零一二三四五六七八九十百千\d]+)条?(?:之([一二三四五六七八九十\d]+))?", args.article.strip())
        number = to_int(m[1]) if m else None
        if not number:
            raise UsageError(f"条文序号“{args.article}”无法识别（例如：第九条、第十条之一、9）")
        print(article_text(inst, registry, number, (to_int(m[2]) or 0) if m[2] else 0, day=day,
                           texts=_law_texts(args)))
    else:
        print(show_text(inst, registry, day))
    print(f"（{registry_line(registry)}）")
    return 0


def cmd_laws_search(args) -> int:
    from ..registry import default_registry
    from ..registry.describe import found_text, registry_line
    from ..registry.search import search_facts

    registry = default_registry()
    kinds = tuple(args.kind or ("licence", "fee", "coercion", "penalty"))
    found = search_facts(registry, args.query, day=args.on, kinds=kinds, all_versions=args.all_versions)
    print(f"“{args.query}”：条文事实中 {len(found)} 处（{registry_line(registry)}）")
    for item in found:
        print(f"  {found_text(item)}")
        if item.detail:
            print(f"    “{item.detail}”")
    texts = _law_texts(args)
    if not texts:
        print(texts.missing().replace("只显示条文事实", "未作全文检索"))
        return 0
    hits = texts.search(args.query)
    print(f"全文检索：{len(hits)} 处" + ("（只显示前50处）" if len(hits) >= 50 else ""))
    for hit in hits:
        print(f"  《{hit.title}》{hit.article}（{hit.path}）：{hit.snippet}")
    return 0


def cmd_laws_import(args) -> int:
    import json

    from ..registry import laws_dir
    from ..registry.importer import import_folder, write

    folder = args.folder
    if not folder.is_dir():
        raise UsageError(f"{folder} 不是目录：laws import 读取一个法律文本目录（MANIFEST.tsv 和各版本的 .md 文件）")
    out = args.out or laws_dir() / folder.resolve().name
    previous = {}
    if (out / "index.json").is_file():
        previous = json.loads((out / "index.json").read_text(encoding="utf-8")).get("registry", {})
    snapshot = args.snapshot or (dt.date.fromisoformat(previous["snapshot"]) if previous.get("snapshot") else None)
    if snapshot is None:
        raise UsageError("请用 --snapshot YYYY-MM-DD 说明这些法律文本的快照日期（之后修改或废止的不在其中）")
    imported = import_folder(folder, snapshot=snapshot, origin=args.origin or previous.get("origin"),
                             level=args.level)
    write(imported, out)
    meta = imported.meta
    levels = "，".join(f"{k or '未载明'} {v}" for k, v in meta["files_per_level"].items())
    print(f"已导入 {meta['files']} 个文件（{levels}），{meta['instruments']} 部法律法规 → {out}", file=sys.stderr)
    for note in imported.notes:
        print(f"  注意：{note}", file=sys.stderr)
    return 0
