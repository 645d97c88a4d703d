"""The pre-pass: original lines → the normalised lines the grammar reads, with the map back.

Real drafts decorate their lines: markdown ``#`` marks, indentation with U+3000 or NBSP, zero-width spaces,
``**bold**`` labels, HTML comments (LawRefBook's ``<!-- INFO END -->``), horizontal rules, YAML front matter,
a 目录 block that repeats the chapter headings. This pass removes what carries no text and strips the
decoration around what does, so that the grammar (``grammars/draft.lark``) only sees one clean line per
paragraph. Every kept line remembers where it came from (line number and the column of each character),
so a finding on the normalised text points at the right characters of the original file.

Blank lines are dropped: a paragraph is a line, whether the draft separates paragraphs by blank lines or not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Span, new_span
from ..numerals import LABEL_NUM

# Characters removed wherever they are (zero-width, BOM, direction marks, C0/C1 controls but tab).
_INVISIBLE = re.compile("[\ue000\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u00ad\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
# Decoration at the start of a line: whitespace of every width, markdown heading marks and blockquotes. The
# whitespace class is exactly what ``str.isspace`` takes (U+3000, NBSP, U+2002…U+200A, U+202F, U+205F are all
# Unicode whitespace), so a line whose first character is neither whitespace nor ``#``/``>`` has no decoration,
# and ``str.rstrip()`` removes the same trailing whitespace the class would (checked over every code point).
_LEAD = re.compile(r"(?:[\s\u3000\u00a0\u2002-\u200a\u202f\u205f]|#{1,6}(?=[^#])|>(?=\s))+")
_HEADING = re.compile(r"[\s\u3000\u00a0]*(#{1,6})")
_BOLD = re.compile(r"^(\*\*|__)(.+?)\1")
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,}|={3,})$")
_TABLE_SEP = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_TOC = re.compile(r"^目\s*录$")
_TOC_ENTRY = re.compile(rf"^(第{LABEL_NUM}[编章节]|附\s*则|附\s*件|附\s*录)")
_SPACES = re.compile(r"[\s\u3000]+")


@dataclass(slots=True)
class Line:
    """One kept line: its text as the grammar sees it and where that text lies in the original file."""

    text: str
    lineno: int
    """1-based line number in the original file."""
    start: int
    """0-based column in the original line of ``text[0]``."""
    cols: list[int] | None = None
    """0-based original column of each character of ``text`` when characters were removed inside it."""
    md_level: int = 0
    """Markdown heading level of the original line (``##`` → 2), 0 if none."""

    def col(self, i: int) -> int:
        """0-based original column of ``text[i]`` (``i == len(text)`` gives the column after the end)."""
        if self.cols is None:
            return self.start + i
        if i < len(self.cols):
            return self.cols[i]
        return (self.cols[-1] + 1) if self.cols else self.start


@dataclass
class LineTable:
    """The kept lines of a draft, and what the pre-pass set aside."""

    original: list[str]
    lines: list[Line] = field(default_factory=list)
    toc: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    front_matter: tuple[int, int] | None = None
    """1-based first and last original line of a YAML front matter block, if any."""

    def grammar_text(self, demoted: set[int] = frozenset(), mark: str = "") -> str:
        """The kept lines as the grammar reads them, one per line; lines in ``demoted`` prefixed by ``mark``."""
        if not demoted:  # the first attempt, and the last of most drafts
            return "".join([line.text + "\n" for line in self.lines])
        return "".join((mark if i in demoted else "") + line.text + "\n" for i, line in enumerate(self.lines))

    def span(self, index: int, start: int, end: int, end_index: int | None = None) -> Span:
        """Span of characters ``start:end`` of kept line ``index`` (or from ``index`` to ``end_index``)."""
        first = self.lines[index]
        last = self.lines[index if end_index is None else end_index]
        end_col = last.col(end - 1) + 1 if end > 0 else last.col(0)
        return new_span(first.lineno, first.col(start) + 1, last.lineno, end_col + 1)


def build(original: list[str]) -> LineTable:
    """Normalise the original lines of a draft."""
    table = LineTable(original=original)
    skip_until = _front_matter_end(original)
    if skip_until:
        table.front_matter = (1, skip_until)
    in_comment = False
    toc_state: list[str] | None = None  # entries of an open 目录 block
    for number, raw in enumerate(original, start=1):
        if number <= skip_until:
            continue
        stripped = raw.strip()
        if not stripped and not in_comment:
            continue  # blank lines separate nothing the grammar needs
        if in_comment or stripped.startswith("<!--"):
            in_comment = "-->" not in raw
            table.comments.append(stripped)
            continue
        line = _normalise(raw, number)
        if line is None:
            continue
        text = line.text
        if text[0] in "-*_=|:" and (_RULE.match(text) or _TABLE_SEP.match(text)):
            continue
        if toc_state is None and text[0] == "目" and _TOC.match(text):
            toc_state = []
            table.toc.append(text)
            continue
        if toc_state is not None:
            key = _SPACES.sub("", text)
            if _TOC_ENTRY.match(text) and key not in toc_state:
                toc_state.append(key)
                table.toc.append(text)
                continue
            toc_state = None  # the first repeated or non-heading line ends the 目录
        table.lines.append(line)
    return table


def _front_matter_end(original: list[str]) -> int:
    """Last line of a YAML front matter block opened by ``---`` on line 1, else 0."""
    if not original or original[0].strip().lstrip("\ufeff") != "---":
        return 0
    for i in range(1, min(len(original), 500)):
        if original[i].strip() in ("---", "..."):
            return i + 1
    return 0


def _normalise(raw: str, number: int) -> Line | None:
    heading = _HEADING.match(raw) if raw.find("#", 0, 12) >= 0 else None
    md_level = len(heading.group(1)) if heading else 0
    cols: list[int] | None = None
    text = raw
    if not raw.isprintable() and _INVISIBLE.search(raw):  # (every character _INVISIBLE takes is unprintable)
        kept = [(i, ch) for i, ch in enumerate(raw) if not _INVISIBLE.match(ch)]
        text = "".join(ch for _, ch in kept)
        cols = [i for i, _ in kept]
    first = text[:1]
    lead = _LEAD.match(text) if first and (first.isspace() or first in "#>") else None
    start = lead.end() if lead else 0
    end = len(text.rstrip())  # the whitespace after the last other character (none left: nothing kept)
    if end <= start:
        return None
    body = text[start:end]
    line_cols = cols[start:end] if cols is not None else None
    bold = _BOLD.match(body) if body[0] in "*_" else None
    if bold:  # **第一条** text → 第一条 text
        marker = len(bold.group(1))
        inner_end = bold.end() - marker
        keep = list(range(marker, inner_end)) + list(range(bold.end(), len(body)))
        base = line_cols if line_cols is not None else list(range(start, end))
        line_cols = [base[i] for i in keep]
        body = body[marker:inner_end] + body[bold.end():]
        lead2 = _LEAD.match(body)
        if lead2 and lead2.end():
            body, line_cols = body[lead2.end():], line_cols[lead2.end():]
        if not body:
            return None
    if line_cols is not None:
        return Line(body, number, line_cols[0], line_cols, md_level)
    return Line(body, number, start, None, md_level)
