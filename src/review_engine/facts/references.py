"""References a draft makes to its own provisions, and whether they resolve.

Recognised: 本办法第七条 (本规定/本细则/本意见/本通知/本决定/本规则…), 本办法第七条第二款第（三）项,
本条第二款, a bare 第七条第一款 not preceded by a cited title (《…》第七条 is a citation of another law),
第七条至第九条, 前款 / 前两款 / 前条 / 本章.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Document
from ..numerals import to_int
from .text import TextIndex, Unit
from ..numerals import NUM

_N = NUM
_SELF = r"本(?:实施)?(?:办法|规定|细则|意见|通知|决定|规则|条例|方案|措施|标准|规范|指引|制度)"
_REF = re.compile(
    rf"(?P<self>{_SELF})?(?P<this>本条)?第(?P<art>{_N})条(?:至第(?P<art_to>{_N})条)?"
    rf"(?:第(?P<para>{_N})款)?(?:第[（(](?P<item>{_N})[）)]项)?"
    rf"|(?P<this2>本条)第(?P<para2>{_N})款(?:第[（(](?P<item2>{_N})[）)]项)?"
    rf"|(?P<prev>前(?P<prevn>[两二三四])?款|前条)"
)
# What precedes a 第X条 that belongs to another instrument: a title in 《》, a law's name, 该法/上述条例.
_FOREIGN_BEFORE = re.compile(r"(》|法|条例|规定|办法|细则|决定|意见|通知|规章|该[法规条]|上述\S{0,4}|同法)\s*$")
# (the cited article's own 款 or 项 may stand between: 《……》第二十七条第一项、第四十二条)
_CHAINED = re.compile(r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[款项]|[（(][一二三四五六七八九十\d]+[）)]项?)*\s*"
                      r"(或者?|和|及|以及|、|，|,|至|或|及其)\s*$")


@dataclass
class Reference:
    unit: Unit
    start: int
    end: int
    article: int | None = None
    article_to: int | None = None
    paragraph: int | None = None
    item: int | None = None
    relative: str | None = None
    """``前款``, ``前两款``, ``前条`` or ``本条`` for references relative to where they stand."""

    @property
    def text(self) -> str:
        return self.unit.text[self.start:self.end]


def find_references(index: TextIndex) -> list[Reference]:
    out = []
    for unit in index.by_scope["text"]:
        text = unit.text
        if "第" not in text and "前" not in text:
            continue
        foreign_end = -1
        for found in _REF.finditer(text):
            groups = found.groupdict()
            if groups["prev"]:
                out.append(Reference(unit, found.start(), found.end(), relative=groups["prev"]))
                continue
            if groups["this2"]:
                out.append(Reference(unit, found.start(), found.end(), paragraph=to_int(groups["para2"]),
                                     item=to_int(groups["item2"]) if groups["item2"] else None, relative="本条"))
                continue
            if not groups["self"] and not groups["this"] and (
                    _FOREIGN_BEFORE.search(text[max(0, found.start() - 12):found.start()])
                    or (foreign_end >= 0 and _CHAINED.match(text[foreign_end:found.start()]))):
                foreign_end = found.end()
                continue  # 《城市绿化条例》第二十七条 (or …第58条或第66条): a citation, not an internal reference
            out.append(Reference(
                unit, found.start(), found.end(),
                article=to_int(groups["art"]),
                article_to=to_int(groups["art_to"]) if groups["art_to"] else None,
                paragraph=to_int(groups["para"]) if groups["para"] else None,
                item=to_int(groups["item"]) if groups["item"] else None,
                relative="本条" if groups["this"] else None,
            ))
    return out


def paragraph_of(unit: Unit) -> int | None:
    """The ordinal of the 款 holding ``unit`` inside its article (1 for the label line)."""
    article = unit.article
    if article is None or article.kind != "article" or unit.node is None:
        return None
    for paragraph in article.children:
        if any(n is unit.node for n in paragraph.walk()):
            return paragraph.num
    return None


def resolve(ref: Reference, doc: Document, articles_by_part: dict) -> str | None:
    """None when ``ref`` resolves; else the reason in Chinese (本办法没有第十二条, 第七条只有两款, …)."""
    unit = ref.unit
    here = unit.article if unit.article is not None and unit.article.kind == "article" else None
    if ref.relative in ("前款", "前两款", "前二款", "前三款", "前四款"):
        if here is None:
            return None  # outside articles 前款 points at the previous paragraph of text; nothing to check
        position = paragraph_of(unit) or 1
        needed = {"前款": 1, "前两款": 2, "前二款": 2, "前三款": 3, "前四款": 4}[ref.relative]
        if position == 1 and re.search(r"[。；]", unit.text[:ref.start]):
            return None  # after a full sentence of the same line: paragraphs run together in the text
        if position - needed < 1:
            return f"“{ref.relative}”位于{here.label}第{_zh(position)}款，前面没有{needed if needed > 1 else ''}款可指" \
                .replace("没有1款", "没有款")
        return None
    articles = articles_by_part.get(id(unit.attachment) if unit.attachment is not None else None, {})
    if ref.relative == "前条":
        if here is None:
            return None
        if here.num is not None and here.num - 1 not in articles:
            return f"“前条”位于{here.label}，其前没有条文"
        return None
    if not articles and ref.relative is None and not ref.text.startswith("本"):
        return None  # a text without articles refers to other instruments' articles
    target = here if ref.relative == "本条" and ref.article is None else articles.get(ref.article or -1)
    if ref.article is not None and target is None:
        return f"本文件没有第{_zh(ref.article)}条（共{len(articles)}条）"
    if ref.article_to is not None and ref.article_to not in articles:
        return f"本文件没有第{_zh(ref.article_to)}条（共{len(articles)}条）"
    if target is None:
        return None
    paragraphs = [c for c in target.children if c.kind in ("paragraph", "table_row")]
    if ref.paragraph is not None:
        if ref.paragraph > len(paragraphs):
            return f"{target.label}只有{_zh(len(paragraphs))}款，没有第{_zh(ref.paragraph)}款"
        paragraphs = [paragraphs[ref.paragraph - 1]]
    if ref.item is not None:
        items = [p for para in paragraphs for p in para.children if p.kind == "point"]
        if not any(p.num == ref.item for p in items):
            where = f"{target.label}第{_zh(ref.paragraph)}款" if ref.paragraph else target.label
            return f"{where}没有第（{_zh(ref.item)}）项"
    return None


def _zh(n: int) -> str:
    from ..numerals import to_chinese

    return to_chinese(n)
