"""Parsing: ``Source`` → ``Document``.

Three steps, each in its own module: ``lines`` normalises the original lines and keeps the map back to
original positions; ``grammar`` runs the Lark LALR parser of ``grammars/draft.lark`` (recovering from labels
out of place); ``builder`` turns the parse tree into the pydantic model with numbers, eIds, labels and spans.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager

from ..model import Document, Problem, new_node
from ..reading import Source
from . import lines as line_table
from .builder import Builder
from .grammar import parse_table


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while a document is built.

    A parse allocates tens of thousands of small objects and no reference cycles; with many documents
    alive (a folder review), the collector's repeated full passes doubled the parse time. Refcounting
    still frees everything; the collector is restored (and runs as usual) afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_source(source: Source) -> Document:
    """Parse a decoded draft. Never raises for any text: problems are listed in ``Document.problems``."""
    with gc_paused():
        return _parse(source)


def _parse(source: Source) -> Document:
    table = line_table.build(source.lines)
    tree, demoted, problems = parse_table(table, source.file)
    builder = Builder(table, demoted, source.file)
    if tree is not None:
        try:
            doc = builder.build(tree)
            problems.extend(builder.problems)
        except Exception as exc:  # a builder bug must not cost the user the document
            problems.append(Problem(code="PARSE-INTERNAL", message=f"结构整理失败（{type(exc).__name__}），已按普通段落处理",
                                    file=source.file))
            doc = _flat(table, source.file)
    else:
        doc = _flat(table, source.file)
    doc.problems = problems
    doc.file = source.file
    doc.format = source.format if source.format in ("md", "txt", "docx") else "text"
    doc.encoding = source.encoding
    doc.line_count = len(source.lines)
    doc._lines = table
    return doc


def _flat(table, file: str | None) -> Document:
    """Every kept line as a preamble paragraph: what is left when the structure cannot be read."""
    doc = Document(file=file)
    for i, line in enumerate(table.lines, 1):
        doc.preamble.append(new_node("paragraph", f"preamble__para_{i}", f"正文第{i}段",
                                      table.span(i - 1, 0, len(line.text)), num=i, text=line.text, loc=(i - 1, 0)))
    return doc
