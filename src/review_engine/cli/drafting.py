"""``parse`` (the document tree of a draft) and ``init`` (a new draft folder)."""

from __future__ import annotations

import sys

from .console import UsageError


def cmd_parse(args) -> int:
    from ..parsing import parse_source
    from ..reading import SourceError, read_source

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


def cmd_init(args) -> int:
    from ..record.template import init_draft_folder

    try:
        report = init_draft_folder(args.dir)
    except FileExistsError as exc:
        raise UsageError(str(exc)) from None
    for path in report.written:
        print(f"已创建 {path}")
    if report.draft is not None:
        print(f"草案：{report.draft.name}")
    if report.note:
        print(report.note)
    if report.found:
        print("送审材料已载明（不写入 dossier.yaml，审核时从送审材料读取）：")
        for name, value, where in report.found:
            print(f"  {name}：{value}（{where}）")
        if report.missing:
            print(f"送审材料未载明，请在 dossier.yaml 中如实填写：{'、'.join(report.missing)}")
    for name, reason in report.unreadable.items():
        print(f"未能读取 {name}：{reason}")
    return 0

