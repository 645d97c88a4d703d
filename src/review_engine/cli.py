"""The ``review-engine`` command line.

Subcommands: ``parse`` (show the document tree), and — added by the engine, report and registry modules —
``review``, ``check`` (pre-commit), ``rules``, ``laws``, ``init``. Exit codes (a contract): 0 nothing at or
above ``--fail-level``; 1 findings at or above it; 2 usage error or a draft that could not be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="review-engine", description="行政规范性文件合法性审核引擎")
    parser.add_argument("--version", action="version", version=f"review-engine {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p_parse = sub.add_parser("parse", help="解析草案并输出文档树")
    p_parse.add_argument("file", type=Path)
    p_parse.add_argument("--format", choices=["tree", "json"], default="tree")
    p_parse.set_defaults(func=cmd_parse)

    for register in _extensions():
        register(sub)

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


def _extensions():
    """Subcommand registrars of the other modules, imported only when present."""
    from importlib import import_module

    found = []
    for name in ("review_engine.commands",):
        try:
            module = import_module(name)
        except ImportError:
            continue
        found.extend(module.REGISTRARS)
    return found


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


if __name__ == "__main__":
    sys.exit(main())
