"""The document model: a draft as a tree of typed nodes, named after Akoma Ntoso.

``Document`` holds the title block, the preamble (for a 通知: 主送 and body), the body (编/章/节/条 or an
outline of 一、/（一）/1./（1） hcontainers), the signature block (落款 and date) and the attachments (附件,
e.g. the 办法 a 印发通知 wraps). Every ``Node`` carries its kind, its number as an int, an Akoma-Ntoso eId
(``art_15__para_2__point_3``), a Chinese label (第十五条第二款第（三）项) and its span in the ORIGINAL file.

Positions: lines are 1-based; columns are 1-based Unicode code points; ``end_column`` is exclusive (the
column just after the last character), as in SARIF. For a .docx file a "line" is a paragraph (or a table
row) in document order.
"""

from __future__ import annotations

from collections.abc import Iterator
import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr
from pydantic_core import PydanticUndefined

from .empty import Strings, new_list

NodeKind = Literal[
    "book",
    "chapter",
    "section",
    "article",
    "paragraph",
    "point",
    "hcontainer",
    "attachment",
    "table_row",
]


_FIELDS_SET: dict[type, set[str]] = {}


def _trusted(cls, values: dict, private: dict | None = None, fields_set: set[str] | None = None):
    """Build a model instance from values the parser computed itself, without validation.

    The parser builds some 30 000 nodes per MB of text; ``model_construct`` costs ~25 µs a node, which
    was most of the parse time. Values here come from our own code with the declared types (the tests
    round-trip every node through ``model_validate``), so the instance is assembled directly. ``fields_set``: the
    fields given explicitly, when ``values`` holds defaults too (``findings._Contract.trusted``); else every field.
    """
    fields = fields_set
    if fields is None:
        fields = _FIELDS_SET.get(cls) or _fields_set(cls)
    obj = _NEW(cls)
    _SET_DICT(obj, values)
    # Every field is given, so all instances of a node class can share one fields-set (pydantic only ever adds to it).
    _SET_FIELDS(obj, fields)
    _SET_EXTRA(obj, None)
    _SET_PRIVATE(obj, private)
    return obj


def _fields_set(cls) -> set[str]:
    """The one fields-set shared by the instances ``_trusted`` makes of ``cls`` (every field given)."""
    fields = _FIELDS_SET[cls] = set(cls.model_fields)
    return fields


# BaseModel's slots, set through their descriptors (what ``object.__setattr__`` finds for each name, looked up once)
_NEW = object.__new__
_SET_DICT = BaseModel.__dict__["__dict__"].__set__
_SET_FIELDS = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_SET_EXTRA = BaseModel.__dict__["__pydantic_extra__"].__set__
_SET_PRIVATE = BaseModel.__dict__["__pydantic_private__"].__set__


class _Model(BaseModel):
    """The document model's base: a model's validator is built when one is first validated or dumped, not at
    import (the parser makes its nodes without validation, ``_trusted``: a one-draft review validates none)."""

    model_config = ConfigDict(defer_build=True)

    @classmethod
    def constructed(cls, **values):
        """What ``cls.model_construct(**values)`` gives for the parser's own values: the given fields and the others'
        defaults in field order, the given names as the fields-set, private attributes at their defaults. Pydantic's
        ``model_construct`` inspects every default factory's signature on every call (a tenth of a millisecond for
        an empty title block)."""
        plan = _CONSTRUCT_PLANS.get(cls)
        if plan is None:
            fields = [(name, info.default_factory, info.default) for name, info in cls.model_fields.items()]
            private = ({name: attr.get_default() for name, attr in cls.__private_attributes__.items()}
                       if cls.__pydantic_post_init__ else None)
            plan = _CONSTRUCT_PLANS[cls] = (fields, private)
        fields, private = plan
        data = {}
        given = set()
        for name, factory, default in fields:
            if name in values:
                data[name] = values[name]
                given.add(name)
            elif factory is not None:
                data[name] = factory()
            elif default is not PydanticUndefined:  # a required field not given stays unset
                data[name] = default
        return _trusted(cls, data, dict(private) if private is not None else None, given)


_CONSTRUCT_PLANS: dict[type, tuple] = {}


class Span(_Model):
    """A region of the original file (1-based line and column; end_column exclusive)."""

    model_config = ConfigDict(frozen=True)

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def make(cls, line: int, column: int, end_line: int, end_column: int) -> Span:
        """A span from the parser's own values (no validation; see ``_trusted``, and ``new_span``)."""
        return _trusted(cls, {"line": line, "column": column, "end_line": end_line, "end_column": end_column})


class Node(_Model):
    """One node of the tree: a 编/章/节/条/款/项/目, an outline level, an attachment or a table row."""

    kind: NodeKind
    eid: str
    label: str = ""
    num: int | None = None
    """The number the draft gives the node (第十五条 → 15, （三） → 3); for 款, the ordinal."""
    num_text: str | None = None
    """The label as written: 第十五条, （三）, 1., 一、."""
    level: int | None = None
    """Outline level 1–4 for hcontainers (一、 → 1, （一） → 2, 1. → 3, （1） → 4)."""
    heading: str | None = None
    """章/节 titles, outline headings, an attachment's title."""
    text: str = ""
    """The node's own text (after its label), without its children."""
    span: Span
    children: list[Node] = Field(default_factory=new_list)

    # Where ``text`` starts: index of the normalised line and the column in it (see parsing.lines).
    _loc: tuple[int, int] | None = PrivateAttr(default=None)

    @classmethod
    def make(cls, kind: str, eid: str, label: str, span: Span, *, num: int | None = None,
             num_text: str | None = None, level: int | None = None, heading: str | None = None, text: str = "",
             loc: tuple[int, int] | None = None, children: list[Node] | None = None) -> Node:
        """A node from the parser's own values (no validation; see ``_trusted``, and ``new_node``)."""
        values = {"kind": kind, "eid": eid, "label": label, "num": num, "num_text": num_text, "level": level,
                  "heading": heading, "text": text, "span": span, "children": children if children is not None else []}
        return _trusted(cls, values, {"_loc": loc})

    def walk(self) -> Iterator[Node]:
        """This node and all its descendants, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            if node.children:
                stack.extend(reversed(node.children))

    def full_text(self) -> str:
        """The node's text followed by its descendants' texts, one line each."""
        return "\n".join(n.text for n in self.walk() if n.text)


class Signature(_Model):
    """落款: the issuing body (one or more lines) and the date."""

    issuer: Strings
    date_text: str | None = None
    date: dt.date | None = None
    notes: Strings
    """Lines after the date: （此件公开发布）, 抄送, 印发."""
    span: Span


class Problem(_Model):
    """Something the reader or the parser could not take: ``PARSE-*`` codes."""

    code: str
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    excerpt: str | None = None
    expected: Strings

    def one_line(self) -> str:
        where = ":".join(str(x) for x in (self.file, self.line, self.column) if x is not None)
        return f"{where}: {self.code} {self.message}" if where else f"{self.code} {self.message}"


class TitleBlock(_Model):
    """标题, 文号, 送审稿/征求意见稿 marks and 题注 at the head of the draft."""

    title: str = ""
    title_span: Span | None = None
    doc_number: str | None = None
    """文号, e.g. 国办发〔2018〕115号."""
    marks: Strings
    """Stage marks such as 征求意见稿, 送审稿, 草案."""
    note: str | None = None
    """题注: the parenthesised line under the title (公布/施行 dates)."""
    history: Strings
    """Dated history lines (LawRefBook headers: 2020年11月27日 …通过)."""


class Document(_Model):
    """A parsed draft."""

    file: str | None = None
    format: Literal["md", "txt", "docx", "text"] = "text"
    encoding: str | None = None
    title_block: TitleBlock = Field(default_factory=TitleBlock)
    preamble: list[Node] = Field(default_factory=new_list)
    body: list[Node] = Field(default_factory=new_list)
    signature: Signature | None = None
    attachments: list[Node] = Field(default_factory=new_list)
    toc: Strings
    """Lines of a 目录 block (kept out of the tree)."""
    problems: list[Problem] = Field(default_factory=new_list)
    line_count: int = 0

    _lines: object = PrivateAttr(default=None)  # parsing.lines.LineTable, for span mapping

    @property
    def title(self) -> str:
        return self.title_block.title

    def nodes(self) -> Iterator[Node]:
        """Every node of preamble, body and attachments, in document order."""
        for top in (*self.preamble, *self.body, *self.attachments):
            yield from top.walk()

    def articles(self) -> list[Node]:
        return [n for n in self.nodes() if n.kind == "article"]

    def find(self, eid: str) -> Node | None:
        return next((n for n in self.nodes() if n.eid == eid), None)

    def span_of(self, node: Node, start: int, end: int) -> Span:
        """The original-file span of ``node.text[start:end]``."""
        table = self._lines
        if table is None or node._loc is None:
            return node.span
        line_index, col = node._loc
        return table.span(line_index, col + start, col + end)  # type: ignore[attr-defined]


# ---- the parser's constructors -----------------------------------------------------------------------------------
# ``Span.make`` and ``Node.make`` as plain functions with ``_trusted`` written out: the parser makes one span and one
# node per paragraph of every draft. An attribute of a pydantic model class is looked up through its metaclass's
# ``__getattr__`` hook, and a bound classmethod call costs more again: ``Span.make(...)`` took 0.9 µs, ``new_span``
# takes 0.55. The instances are the same: values in field order, the class's shared fields-set, no extra.

def new_span(line: int, column: int, end_line: int, end_column: int) -> Span:
    """``Span.make(line, column, end_line, end_column)``."""
    span = _NEW(Span)
    _SET_DICT(span, {"line": line, "column": column, "end_line": end_line, "end_column": end_column})
    _SET_FIELDS(span, _SPAN_FIELDS)
    _SET_EXTRA(span, None)
    _SET_PRIVATE(span, None)
    return span


def new_node(kind: str, eid: str, label: str, span: Span, num: int | None = None, num_text: str | None = None,
             level: int | None = None, heading: str | None = None, text: str = "",
             loc: tuple[int, int] | None = None) -> Node:
    """``Node.make(kind, eid, label, span, num=…, num_text=…, level=…, heading=…, text=…, loc=…)``, no children yet."""
    node = _NEW(Node)
    _SET_DICT(node, {"kind": kind, "eid": eid, "label": label, "num": num, "num_text": num_text, "level": level,
                     "heading": heading, "text": text, "span": span, "children": []})
    _SET_FIELDS(node, _NODE_FIELDS)
    _SET_EXTRA(node, None)
    _SET_PRIVATE(node, {"_loc": loc})
    return node


_SPAN_FIELDS = _FIELDS_SET.get(Span) or _fields_set(Span)
_NODE_FIELDS = _FIELDS_SET.get(Node) or _fields_set(Node)
