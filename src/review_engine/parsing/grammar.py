"""The Lark LALR parser of ``grammars/draft.lark``, and recovery from lines it cannot place.

The LALR tables are cached on disk by Lark (keyed by the grammar's hash), so a cold start pays for
loading them, not for building them. When a label stands where the grammar does not allow it (第一节
before any 章, a 第二编 after the 章 of a document without 编…), the line is reported as a ``PARSE-STRUCTURE``
problem naming what was expected there, demoted to plain text, and the parse runs again: the rest of the
document is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Problem
from ..numerals import LABEL_NUM
from ..resources import data_path
from .lines import LineTable

DEMOTE = "\ue000"
"""Prefix that turns a line the grammar rejected into plain text on the next attempt."""
MAX_RECOVERIES = 200

TERMINAL_NAMES = {
    "BOOK": "编（第X编）", "CHAPTER": "章（第X章）", "SECTION": "节（第X节）", "ARTICLE": "条（第X条）",
    "P1": "项（（一））", "P2": "目（1.）", "P3": "（1）", "P4": "①", "L1": "一、",
    "ATTACH": "附件", "DATE": "成文日期", "TEXT": "正文", "$END": "文件结束",
}


@dataclass(slots=True)
class Raw:
    """A node as the grammar found it, before numbering: kind, label token, text token, kept-line range."""

    kind: str
    label: object | None
    text: object | None
    first: int
    last: int
    level: int = 0
    children: list = field(default_factory=list)
    stays: int = -1
    """The builder's memo: the last kept line of the node that stays in the tree (-1 until it asks)."""


@dataclass(slots=True)
class Segment:
    """The lines before any structure, and the structure, between two signatures."""

    lines: list
    body: list
    signature: int | None = None  # kept-line index of the date line that closes the segment
    attach_label: object | None = None  # ATTACH token opening this segment, if any


def _flat(items) -> list:
    out = []
    for item in items:
        if isinstance(item, list):
            out.extend(item)
        else:
            out.append(item)
    return out


def _text(kind: str):
    def make(children):
        token = children[0]
        return Raw(kind, None, token, token.line - 1, token.line - 1)
    return make


class Piece(str):
    """Part of a line token (its label, or the text after the label), positioned like a Lark token."""

    __slots__ = ("line", "column")
    line: int
    column: int


_LABEL = re.compile(rf"第{LABEL_NUM}[编章节条]|[一二三四五六七八九十百]+、|"
                    r"[（(][一二三四五六七八九十百]+[）)]|[\d０-９]{1,3}[.．、]|[（(][\d０-９]{1,3}[）)]|[\u2460-\u2473]")


def _labelled(kind: str, level: int = 0):
    def make(children):
        token = children[0]  # the whole line: label + text + newline
        cut = _LABEL.match(token).end()
        line, column = token.line, token.column
        label = Piece(token[:cut])  # (slices of a str subclass are plain str)
        label.line, label.column = line, column
        text = Piece(token[cut:])
        text.line, text.column = line, column + cut
        kids = _flat(children[1:]) if len(children) > 1 else []
        first = line - 1
        # children come in line order, so the last one ends last
        return Raw(kind, label, text, first, kids[-1].last if kids else first, level, kids)
    return make


class ToRaw:
    """Callbacks the LALR parser calls on each reduction (Lark's ``transformer=``): the tree is built as
    ``Raw`` nodes directly, with no intermediate parse tree."""

    line = intro = oline = staticmethod(_text("line"))
    book, chapter, section, article = (staticmethod(_labelled(k)) for k in ("book", "chapter", "section", "article"))
    point1, point2, point3, point4 = (staticmethod(_labelled(f"point{n}", n)) for n in range(1, 5))
    level1, level2, level3, level4 = (staticmethod(_labelled(f"level{n}", n)) for n in range(1, 5))
    structure = items = outline = staticmethod(_flat)

    @staticmethod
    def paragraph(children):
        token = children[0]
        kids = _flat(children[1:]) if len(children) > 1 else []
        first = token.line - 1
        return Raw("paragraph", None, token, first, kids[-1].last if kids else first, 0, kids)

    @staticmethod
    def segment(children):
        lines = [c for c in children if isinstance(c, Raw) and c.kind == "line"]
        body = _flat(c for c in children if not (isinstance(c, Raw) and c.kind == "line"))
        return Segment(lines, body)

    @staticmethod
    def signature(children):
        return ("signature", children[0])

    @staticmethod
    def attachment(children):
        return ("attachment", children[0], children[1:])

    @staticmethod
    def start(children):
        return children


@lru_cache(maxsize=1)
def lark_parser():
    """Lark's parser of the grammar (its tables cached on disk by Lark)."""
    from lark import Lark

    return Lark(_grammar(), parser="lalr", lexer="contextual", cache=True, transformer=ToRaw())


def _grammar() -> str:
    return data_path("grammars", "draft.lark").read_text(encoding="utf-8")


class _Rejected(Exception):
    """The input does not fit the grammar, from either parser: the ``line`` and the terminals ``expected``."""

    def __init__(self, line, expected):
        super().__init__(line)
        self.line = line
        self.expected = expected


@lru_cache(maxsize=1)
def parser():
    """``parse(text)`` with the grammar's tables run by ``lalr.Tables`` (no Lark import; the tables kept in the
    cache folder), or by Lark itself when they cannot be had. Either raises ``_Rejected``."""
    from .lalr import Rejected, Tables

    data = _tables()
    if data is not None:
        run = Tables(data)
        transformer = ToRaw()

        def parse(text: str):
            try:
                return run.parse(text, transformer)
            except Rejected as exc:
                raise _Rejected(exc.line, exc.expected) from None

        return parse
    lark = lark_parser()

    def parse_with_lark(text: str):
        from lark.exceptions import UnexpectedInput

        try:
            return lark.parse(text)
        except UnexpectedInput as exc:
            raise _Rejected(getattr(exc, "line", 1),
                            getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ()) from None

    return parse_with_lark


def _tables() -> dict | None:
    """The run-time tables of the grammar (``lalr.tables``): from the cache under the digest of the grammar, the
    installed Lark and ``lalr.py``, else read off Lark's parser and written there. None when Lark's parser has
    something ``lalr.Tables`` does not run."""
    import marshal

    from ..resources import cache_dir, write_cache
    from . import lalr

    folder = cache_dir()
    path = folder / f"lalr-{_tables_key()}.marshal" if folder is not None else None
    if path is not None:
        try:
            data = marshal.loads(path.read_bytes())
            if isinstance(data, dict) and data.get("format") == lalr.FORMAT:
                return data
        except (OSError, EOFError, ValueError, TypeError):
            pass
    data = lalr.tables(lark_parser(), ToRaw())
    if data is not None and path is not None:
        try:
            blob = marshal.dumps(data)
        except ValueError:  # something marshal cannot keep: run without the cache rather than fail
            return data
        write_cache(path, blob)
    return data


def _tables_key() -> str:
    import hashlib
    import os
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("lark")
    stamp = f"{spec.origin}:{os.stat(spec.origin).st_mtime_ns}" if spec is not None and spec.origin else "-"
    digest = hashlib.sha256(_grammar().encode("utf-8"))
    digest.update(Path(__file__).with_name("lalr.py").read_bytes())
    digest.update(f"\0{stamp}".encode())
    return digest.hexdigest()[:20]


def parse_table(table: LineTable, file: str | None):
    """Parse the kept lines; return (the segments as ``ToRaw`` built them or None, demoted line indices,
    problems)."""
    demoted: set[int] = set()
    problems: list[Problem] = []
    lines = table.lines
    for _ in range(MAX_RECOVERIES):
        text = table.grammar_text(demoted, DEMOTE)
        try:
            return parser()(text), demoted, problems
        except _Rejected as exc:
            index = min(max(getattr(exc, "line", 1) - 1, 0), len(lines) - 1) if lines else 0
            if not lines or index in demoted:
                break
            demoted.add(index)
            problems.append(_problem(exc, lines[index], file))
    problems.append(Problem(code="PARSE-INTERNAL", message="文档结构无法解析，已按普通段落处理", file=file))
    return None, demoted, problems


def _problem(exc, line, file: str | None) -> Problem:
    expected = sorted(exc.expected)
    names = [TERMINAL_NAMES.get(name, name) for name in expected if name not in ("TEXT", "$END")]
    label = _LABEL.match(line.text)  # tokens are whole lines: name the label, not the line
    found = label.group() if label else line.text[:12]
    hint = "、".join(dict.fromkeys(names)) or "正文"
    return Problem(
        code="PARSE-STRUCTURE",
        message=f"“{found}”出现的位置不符合章节条款层级，已按普通正文处理；此处可接：{hint}",
        file=file,
        line=line.lineno,
        column=line.col(0) + 1,
        excerpt=line.text[:80],
        expected=names,
    )
