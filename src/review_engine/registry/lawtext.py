"""Read a law text in the LawRefBook Markdown format into articles, 款 and 项 (no draft parser involved).

The format (the files of ``../shared/corpus/national_law`` and of a province's folder in the same format)::

    # 中华人民共和国行政处罚法                  title (a second ``# `` line names a part: 民法典 ``# 总则``)
    1996年3月17日 第八届全国人民代表大会第四次会议通过   dated history lines (a long one may wrap)
    2021年1月22日 第十三届全国人民代表大会常务委员会第二十五次会议修订
    <!-- INFO END -->
    ## 第一章 总则                              headings (编, 章, 节)
    第一条 为了规范行政处罚的设定和实施，……        an article: a line starting with its label 第X条 (第X条之一)
    设定和实施行政处罚必须以事实为依据，……          each further paragraph of the article is a 款
    （一）警告、通报批评；                        a line starting with （一） / (一) / 一、 is a 项 of the current 款

An article is a line-initial label ``第X条`` or ``第X条之Y`` followed by a space (ASCII, U+3000, U+2002,
U+2003) or, in files that use none, by the article's first word; a quotation inside an article (“第X条 …”
of an amending decision) does not start with the label and is not an article. Zero-width spaces and NBSP
are dropped. ``read_law`` is what the importer and the law-text lookup (``registry.texts``) read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from review_engine.numerals import CN_NUM, to_int

__all__ = ["Article", "LawText", "Paragraph", "article_key", "article_label", "parse_law", "read_law"]

_NUM = CN_NUM
ARTICLE_LINE = re.compile(rf"^第(?P<n>{_NUM})条(?:之(?P<s>{_NUM}))?(?P<sep>[ \u3000\u2002\u2003]+|(?![的、，,和及或与至第中规修所项款]))")
_ITEM = re.compile(rf"^(?:[（(](?P<a>{_NUM})[）)]|(?P<b>{_NUM})、)")
# A label inside a line, after a space (files that run several articles or items into one line)
_INLINE_ARTICLE = re.compile(rf"[ \u3000]+第(?P<n>{_NUM})条[ \u3000]")
_INLINE_ITEM = re.compile(rf"[ \u3000]+[（(](?P<n>{_NUM})[）)]")
_DATED = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日")
_DROP = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None) | {0xA0: " "}
INFO_END = "<!-- INFO END -->"


@dataclass(slots=True)
class Paragraph:
    """One 款: its own text (the lead-in when it has 项) and its 项 texts in order."""

    text: str
    items: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    number: int
    suffix: int  # 第十条之一 → 1; 0 for a plain article
    paragraphs: list[Paragraph]
    line: int  # 1-based line of the label in the file
    heading: str = ""  # the last heading above it (第二章 行政处罚的种类和设定)

    @property
    def key(self) -> str:
        return article_key(self.number, self.suffix)

    @property
    def label(self) -> str:
        return article_label(self.number, self.suffix)

    @property
    def shape(self) -> list[int]:
        """Items per 款 ([0]: one 款 without 项)."""
        return [len(p.items) for p in self.paragraphs] or [0]

    def text(self) -> str:
        """The article as the file writes it: label, then each 款 and 项 on its own line."""
        lines = []
        for i, para in enumerate(self.paragraphs):
            lines.append((self.label + " " if i == 0 else "") + para.text)
            lines.extend(para.items)
        return "\n".join(lines)


@dataclass
class LawText:
    path: Path
    title: str
    part: str | None  # a second ``# `` line (民法典 总则)
    header: list[str]  # dated history lines, wrapped lines joined
    articles: list[Article]
    headings: list[str]
    outline: bool = False
    """No 第X条 labels: the text is numbered 一、二、 (decisions, amendments) or not at all."""

    def article(self, number: int, suffix: int = 0) -> Article | None:
        return next((a for a in self.articles if a.number == number and a.suffix == suffix), None)


def article_key(number: int, suffix: int = 0) -> str:
    """The key of an article in the registry's facts: ``"9"``, ``"133-1"`` (第一百三十三条之一)."""
    return f"{number}-{suffix}" if suffix else str(number)


def article_label(number: int, suffix: int = 0) -> str:
    from review_engine.numerals import to_chinese

    return f"第{to_chinese(number)}条" + (f"之{to_chinese(suffix)}" if suffix else "")


def read_law(path: Path | str) -> LawText:
    path = Path(path)
    return parse_law(path.read_text(encoding="utf-8-sig"), path)


def _split_inline(line: str, current: Article | None) -> list[str]:
    """A line that runs on into the next article or item (…。 第十二条 …, …： （一）…) split where the label is
    the one expected next (the following article number, item 一 or the following item); other spaces stay."""
    if " " not in line and "\u3000" not in line:
        return [line]
    m = ARTICLE_LINE.match(line)
    number = (to_int(m["n"]) or 0) if m and not m["s"] else (current.number if current else None)
    pieces, start, item = [], 0, 0
    for found in sorted([*_INLINE_ARTICLE.finditer(line), *_INLINE_ITEM.finditer(line)], key=lambda f: f.start()):
        value = to_int(found["n"])
        if found.re is _INLINE_ARTICLE:
            if number is None or value != number + 1:
                continue
            number, item = value, 0
        elif value != item + 1:
            continue
        else:
            item = value
        pieces.append(line[start:found.start()].strip())
        start = found.start()
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]


def parse_law(text: str, path: Path | str = "") -> LawText:
    lines = text.translate(_DROP).split("\n")
    titles: list[str] = []
    header: list[str] = []
    start = 0
    if any(line.strip() == INFO_END for line in lines):
        for i, raw in enumerate(lines):
            line = raw.strip()
            if line == INFO_END:
                start = i + 1
                break
            if line.startswith("# "):
                titles.append(line[2:].strip())
            elif line and (_DATED.match(line) or not header):
                header.append(line)
            elif line:
                header[-1] += line
    articles: list[Article] = []
    headings: list[str] = []
    heading = ""
    current: Article | None = None
    for i in range(start, len(lines)):
        line = lines[i].strip(" \t\u3000\r")
        if not line:
            continue
        if line.startswith("#"):
            words = line.lstrip("#").strip()
            if not titles and line.startswith("# "):
                titles.append(words)
                continue
            if words:
                heading = words
                headings.append(words)
            current = None
            continue
        for piece in _split_inline(line, current):
            m = ARTICLE_LINE.match(piece)
            if m:
                number = to_int(m["n"]) or 0
                suffix = (to_int(m["s"]) or 0) if m["s"] else 0
                current = Article(number, suffix, [Paragraph(piece[m.end():].strip())], i + 1, heading)
                articles.append(current)
            elif current is None:
                continue
            elif _ITEM.match(piece) and current.paragraphs:
                current.paragraphs[-1].items.append(piece)
            else:
                current.paragraphs.append(Paragraph(piece))
    title = titles[0] if titles else Path(path).stem.split("(")[0]
    part = titles[1] if len(titles) > 1 else None
    return LawText(Path(path), title, part, header, articles, headings, outline=not articles)
