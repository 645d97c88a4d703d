"""The document as text units: what pattern rules search, and the scopes they can be limited to.

Every piece of text of a draft is one ``Unit``: the title, each 款 (its own text), each 项/目, each outline
heading and line, each table row, the signature. The units are joined into one string (``TextIndex.text``,
one unit per line) so that a rule runs its regular expression once over the whole document, as a bare
``re`` search would, and each hit is mapped back to its unit by bisection.

Scopes a rule may name (a unit belongs to several):

``title``        the title of the draft
``preamble``     paragraphs before the first article or outline item (a 通知's 主送 and body)
``article``      anything inside an article (条)
``paragraph``    the text of a 款, and the unlabelled lines under an outline heading
``point``        the text of a 项 or 目
``outline``      outline headings and their lines (意见, 通知 without 第X条)
``heading``      章/节/编 headings
``table``        table rows
``attachment``   anything inside an attachment (附件)
``signature``    the 落款 and date
``text``         all normative text: everything except title, headings and signature (the default)
``document``     everything
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from ..model import Document, Node

SCOPES = ("title", "preamble", "article", "paragraph", "point", "outline", "heading", "table", "attachment",
          "signature", "text", "document")
_SENTENCE_END = re.compile(r"[。；;！？!?]")


@dataclass(slots=True, eq=False)
class Unit:
    """One piece of text and where it belongs."""

    text: str
    start: int
    """Offset of ``text`` in ``TextIndex.text``."""
    kind: str
    """title | preamble | paragraph | point | outline | heading | table | signature."""
    scopes: frozenset[str]
    node: Node | None = None
    article: Node | None = None
    """The enclosing article (or top-level outline item / attachment paragraph group)."""
    attachment: Node | None = None
    _stops: list[int] | None = field(default=None, repr=False)
    """Offsets of the sentence ends (。；;！？!?) in ``text``, found on the first ``sentence`` call."""

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def label(self) -> str:
        if self.node is not None:
            return self.node.label
        return {"title": "标题", "signature": "落款"}.get(self.kind, "")

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Bounds (in this unit's text) of the sentence holding ``text[start:end]``: from after the last sentence
        end before ``start`` to after the first one at or after ``end`` (or the unit's end).

        Every rule asks this of its hits, many in the same unit: the unit's sentence ends are listed once and
        each question is two bisections (a regular expression run from the start of the unit cost a pass over
        all the text before the hit every time)."""
        stops = self._stops
        if stops is None:
            stops = self._stops = [found.start() for found in _SENTENCE_END.finditer(self.text)]
        i = bisect_left(stops, start)
        left = stops[i - 1] + 1 if i else 0
        i = bisect_left(stops, end)
        return left, (stops[i] + 1 if i < len(stops) else len(self.text))


@dataclass
class TextIndex:
    doc: Document
    units: list[Unit] = field(default_factory=list)
    text: str = ""
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    """``Unit.start`` and ``Unit.end`` of every unit, in order (for bisection)."""
    _article_bounds: dict[int, tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Document) -> TextIndex:
        index = cls(doc)
        parts: list[str] = []
        offset = 0

        units = index.units
        bounds = index._article_bounds

        def add(text: str, kind: str, scopes: tuple, node=None, article=None, attachment=None):
            nonlocal offset
            if not text:
                return
            unit = Unit(text, offset, kind, _scopes(scopes, attachment is not None), node, article, attachment)
            units.append(unit)
            parts.append(text)
            end = offset + len(text)
            if article is not None:
                key = id(article)
                known = bounds.get(key)
                bounds[key] = (known[0] if known else offset, end)
            offset = end + 1

        if doc.title_block.title:
            add(doc.title_block.title, "title", ("title",))
        for node in doc.preamble:
            _walk(node, add, None, None, in_preamble=True)
        for node in doc.body:
            _walk(node, add, None, None)
        if doc.signature is not None:
            sig = doc.signature
            add(" ".join([*sig.issuer, sig.date_text or ""]).strip(), "signature", ("signature",))
        for att in doc.attachments:
            for child in att.children:
                _walk(child, add, None, att)
        index.text = "\n".join(parts)
        index.starts = [u.start for u in index.units]
        index.ends = [u.end for u in index.units]
        return index

    def unit_at(self, offset: int) -> Unit | None:
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        unit = self.units[i]
        return unit if offset <= unit.end else None

    def article_text(self, unit: Unit) -> str:
        """The whole text of the article (or outline item) that holds ``unit``; the unit's own text if none."""
        if unit.article is None:
            return unit.text
        first, last = self._article_bounds[id(unit.article)]
        return self.text[first:last]

    def article_start(self, unit: Unit) -> int:
        """Where the article (or outline item) that holds ``unit`` begins in the text; the unit's start if none."""
        if unit.article is None:
            return unit.start
        return self._article_bounds[id(unit.article)][0]

    def units_of(self, article: Node) -> list[Unit]:
        """The units of ``article`` (or outline item) in order."""
        bounds = self._article_bounds.get(id(article))
        if bounds is None:
            return []
        first = bisect_right(self.starts, bounds[0]) - 1
        out = []
        for unit in self.units[max(first, 0):]:
            if unit.start > bounds[1]:
                break
            if unit.article is article:
                out.append(unit)
        return out

    @cached_property
    def by_scope(self) -> dict[str, list[Unit]]:
        out: dict[str, list[Unit]] = {name: [] for name in SCOPES}
        for unit in self.units:
            for scope in unit.scopes:
                out[scope].append(unit)
        return out

    def scan(self, regex: re.Pattern, scopes: frozenset[str], *, overlapping: bool = False,
             skip: list[int] | None = None):
        """(unit, match) for every match of ``regex`` in units of ``scopes``: one pass over the document text.

        ``overlapping``: look for the next match from the character after this match's start rather than after
        its end (a trigger inside or across another is still seen). ``skip``: a one-item list the caller may
        set to an offset in ``self.text`` before which no match is wanted (the end of a sentence that has
        already given a finding)."""
        index = self
        text = index.text
        narrow = not (scopes & {"text", "document", "article", "paragraph", "outline", "point"})
        if narrow:  # title, signature, preamble, headings, tables: search just those units
            for scope in scopes:
                for unit in index.by_scope[scope]:
                    for found in regex.finditer(text, unit.start, unit.end):
                        yield unit, found
            return
        # the loop runs once per match of every rule over every document: unit_at and Unit.end are inlined
        # (a bisection and a list), the scope test is a C call
        search = regex.search
        starts = index.starts
        units = index.units
        ends = index.ends
        pos = 0
        end = len(text)
        while pos <= end:
            found = search(text, max(pos, skip[0]) if skip else pos)
            if found is None:
                return
            at = found.start()
            i = bisect_right(starts, at) - 1
            if i < 0 or at > ends[i]:  # on a separator between units
                pos = at + 1
                continue
            unit_end = ends[i]
            if found.end() > unit_end:  # ran into the next unit: look again inside this one
                found = search(text, at + 1 if at == unit_end else at, unit_end)
                if found is None:
                    pos = unit_end + 1
                    continue
            if overlapping:
                pos = found.start() + 1
            else:
                pos = found.end() if found.end() > found.start() else found.end() + 1
            unit = units[i]
            if not unit.scopes.isdisjoint(scopes):
                yield unit, found


_SCOPE_SETS: dict[tuple, frozenset[str]] = {}


def _scopes(names: tuple, in_attachment: bool) -> frozenset[str]:
    """The (shared) scope set of a unit: its own scopes, ``document``, and ``attachment`` when inside one."""
    key = (names, in_attachment)
    found = _SCOPE_SETS.get(key)
    if found is None:
        found = _SCOPE_SETS[key] = frozenset(names) | {"document"} | ({"attachment"} if in_attachment else set())
    return found


def _walk(node: Node, add, article: Node | None, attachment: Node | None, in_preamble: bool = False) -> None:
    kind = node.kind
    if kind == "article":
        article = node
    if kind in ("book", "chapter", "section"):
        add(node.heading or "", "heading", ("heading",), node, None, attachment)
    elif kind == "paragraph":
        if in_preamble:
            add(node.text, "preamble", ("preamble", "text"), node, node, attachment)
        elif article is not None:
            add(node.text, "paragraph", ("paragraph", "article", "text"), node, article, attachment)
        else:
            add(node.text, "paragraph", ("paragraph", "outline", "text"), node, node, attachment)
    elif kind == "point":
        scopes = ("point", "text", "article") if article is not None else ("point", "text")
        add(node.text, "point", scopes, node, article or node, attachment)
    elif kind == "hcontainer":
        if node.level == 1 or article is None:
            article = node
        add(node.text, "outline", ("outline", "text"), node, article, attachment)
    elif kind == "table_row":
        add(node.text, "table", ("table", "text"), node, article or node, attachment)
    for child in node.children:
        _walk(child, add, article, attachment, in_preamble)
