"""The materials of a draft as sentences: each with its file, line, the heading it falls under and the year
its dates without a year take.

A material (起草说明, 征求意见采纳情况 …) is read by ``reading`` (.md/.txt in any supported encoding, .docx with
tables as ``| a | b |`` rows) and cut into sentences at 。！？ and line ends. A line that is an outline heading
(一、 （一） 1. 第一部分, Markdown ``#``, a short bold line) opens a section; its topics (necessity, basis, process,
main_content, fair_competition) come from its words, and a sub-heading without topics of its own inherits its
parent's. A heading followed by its text on the same line (``（一）制定依据。《……》``) is split. The last lines of
a file are read as its signature (the unit's name above a date).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import datetext

TOPICS = {
    "necessity": re.compile(r"必要性|必要|背景|缘由|目的|意义|起草理由|制定理由|现状|原因|为什么|为何|存在的问题"
                            r"|^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[)）])?\s*(?:基本情况|总体情况|有关情况)$"),
    "basis": re.compile(r"依据"),
    "process": re.compile(r"过程|经过|起草情况|制定情况|工作情况|征求意见|调研|程序|论证|审查情况|履行"),
    "main_content": re.compile(r"主要内容|主要措施|主要条款|主要规定|主要制度|框架|结构|条文|内容说明|具体内容|基本内容|内容"),
    "fair_competition": re.compile(r"公平竞争"),
}
_OUTLINE = re.compile(
    r"^(?P<label>第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[)）]"
    r"|\d{1,2}[、．.](?!\d)|[（(]\d{1,2}[)）])\s*"
)
_MD = re.compile(r"^(#{1,6})\s*")
_BOLD = re.compile(r"^\*\*(.+?)\*\*\s*(.*)$")
_SPLIT = re.compile(r"(?<=[。！？!?])")
_ORG_END = re.compile(r"(?:局|委员会|委|厅|办公室|办公厅|办事处|人民政府|政府|中心|管理处|管理站|分局|院|办|所|会|公司|支队|大队|总队|站|馆)$")
_DATE_ONLY = re.compile(r"(?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})\s*年(?:[^，。；]{1,3}月(?:[^，。；]{1,4}日)?)?(?:[—至-][^，。；]{1,12})?")
_LEAD_DATE = re.compile(r"^(?:(?:19|20)\d{2}\s*年\s*)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月")
_MONTH_DATE = re.compile(r"^\s*(?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})\s*年.{1,3}月(?:.{1,4}日)?\s*$")
#: A table row ``| 制定依据 | 《……》 |``: its first cell labels the second, as a heading its paragraph.
_ROW_LABEL = re.compile(r"^[^。，,；;：:《》“”]{2,16}$")
_FULL_DATE = re.compile(r"^\s*(?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})\s*年.{1,3}月.{1,4}日\s*$")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a material, with where it stands and what it is about."""

    text: str
    file: str
    line: int
    kind: str
    heading: str = ""
    topics: frozenset[str] = frozenset()
    year: int | None = None
    """The year of dates written without one (the last year the file named before, else the file's date)."""
    last: dt.date | None = None
    """The last full date of the file before this sentence (for 同日 / 次日)."""
    cells: tuple[str, ...] = ()
    """The cells of a table row (a 公平竞争审查表), else empty."""
    title: bool = False
    """The file's title line (关于《…》的起草说明)."""
    doc_year: int | None = None
    """The year of the file itself (its date under the signature), for 今年 / 去年."""
    doc_date: dt.date | None = None
    """The date under the file's signature (现将……报送: the file's own date)."""
    mark: tuple[int, int] | None = None
    """(year, month) of the latest date the file named before this sentence (a chronicle crossing a new year)."""

    def quote(self, limit: int = 120) -> str:
        text = self.text.strip()
        return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class Material:
    """One material file as sentences, with its signature (unit and date at the end) when it has one."""

    file: str
    kind: str
    path: Path | None = None
    sentences: list[Sentence] = field(default_factory=list)
    signer: str | None = None
    signer_line: int | None = None
    signed: dt.date | None = None
    title: str = ""
    header: str | None = None
    """A unit named on its own line right under the title (the drafting unit, as some offices write it)."""
    header_line: int | None = None
    doc_year: int | None = None


def heading_of(line: str) -> tuple[str, str, int] | None:
    """(heading, text after it on the same line, level) when ``line`` opens a section, else None."""
    text = line.strip()
    level = 0
    md = _MD.match(text)
    if md:
        level = len(md.group(1))
        text = text[md.end():]
    bold = _BOLD.match(text)
    if bold:
        inner, rest = bold.group(1).strip(), bold.group(2).strip()
        if rest.startswith(("：", ":", "，", ",", "、", "；")) or _LEAD_DATE.match(inner):
            return None  # **3月18日**，组织……: a date set in bold opens a sentence, not a section
        if len(inner) <= 30 and not inner.endswith(("。", "；", "：", ":")) and not _DATE_ONLY.fullmatch(inner) \
                and (rest or _OUTLINE.match(inner) or len(inner) <= 20):
            return inner.strip("：:"), rest, level or _level(inner)
    text = text.replace("**", "")
    outline = _OUTLINE.match(text)
    if outline is None:
        if md and len(text) <= 40 and "。" not in text:
            return text, "", level
        if len(text) <= 14 and not re.search(r"[。，,；;：:、]", text) and topics_of(text):
            return text, "", 2  # 起草背景 / 制定依据: a Word heading set in bold, without a number
        return None
    level = level or _level(outline.group("label"))
    body = text[outline.end():]
    if body.startswith(("《", "“")) and len(body) <= 16 and not re.search(r"[。，；：:、]", body) and topics_of(body):
        return text, "", level  # 二、《办法》的依据: a short heading that names the text
    if body.startswith(("《", "“")) or re.search(r"[；;，,、]$", body) or re.match(r"\d|(?:19|20)\d\d年|[一二三四五六七八九十]+月", body):
        return None
    stop = re.search(r"[。：:]", body)
    if stop is None:
        return (text, "", level) if len(body) <= 30 else None
    if stop.start() <= 20 and not re.search(r"[，,；]", body[: stop.start()]):
        if re.search(r"了|对[^。：:]{1,12}(?:进行|开展|组织)", body[: stop.start()]):
            return None  # （六）局法规科对本办法进行了合法性审查。……: an act told, a sentence and no heading
        rest = body[stop.end():].strip()
        if not rest and stop.group(0) == "。":
            words = body[: stop.start()]
            if not (topics_of(words) or len(words) <= 8) or re.search(r"[未不了已]", words):
                return None
        return text[: outline.end() + stop.start()], rest, level
    return None


def _level(label: str) -> int:
    if label.startswith("第"):
        return 1
    if re.match(r"[一二三四五六七八九十]", label):
        return 2
    if re.match(r"[（(][一二三四五六七八九十]", label):
        return 3
    if re.match(r"\d", label):
        return 4
    return 5


def topics_of(heading: str) -> frozenset[str]:
    found = {name for name, pattern in TOPICS.items() if pattern.search(heading)}
    if "main_content" in found and re.search(r"征求意见|采纳", heading):
        found.discard("main_content")
    return frozenset(found)


def read_lines(file: str, kind: str, lines: list[str], path: Path | None = None) -> Material:
    """A material from its decoded lines."""
    material = Material(file=file, kind=kind, path=path)
    _signature(material, lines)
    year = material.signed.year if material.signed else _first_year(lines)
    material.doc_year = material.signed.year if material.signed else _last_year(lines)
    last: dt.date | None = None
    mark: tuple[int, int] | None = None
    stack: list[tuple[int, str, frozenset[str]]] = []
    title_seen = False
    for number, raw in enumerate(lines, start=1):
        line = raw.strip().strip("\u3000").strip()
        if not line or re.fullmatch(r"[-*_=|: ]+", line):
            continue
        if line.startswith("|"):
            cells = tuple(c.strip().replace("**", "") for c in line.strip("|").split("|"))
            filled = [c for c in cells if c]
            if not filled:
                continue
            label = filled[0] if len(filled) == 2 and _ROW_LABEL.match(filled[0]) else None
            pieces = [p.strip() for p in _SPLIT.split(filled[1]) if p.strip()] if label else []
            topics = topics_of(label) if label else frozenset()
            if not (topics or len(pieces) > 1):
                label, pieces = None, ["：".join(filled)]
            row = stack + [(99, label, topics)] if label else stack
            for index, piece in enumerate(pieces):
                text = f"{label}：{piece}" if label and index == 0 else piece
                material.sentences.append(_make(text, material, number, row, year, last, cells if index == 0 else (), mark))
                year, last, mark = _advance(text, year, last, material, mark)
            continue
        head = heading_of(line)
        if title_seen and material.header is None and len(material.sentences) == 1 and material.sentences[0].title \
                and head is None and len(line) <= 30 and _ORG_END.search(line) and not re.search(r"[。，；：:]", line):
            material.header, material.header_line = line.lstrip("#").strip().replace("**", ""), number
            continue
        if not title_seen:
            title_seen = True
            bare = _MD.sub("", line).replace("**", "").strip()
            if len(bare) <= 80 and "。" not in bare and not _OUTLINE.match(bare):
                material.title = bare
                material.sentences.append(Sentence(material.title, file, number, kind, year=year, title=True))
                continue
        if head is not None:
            heading, rest, level = head
            topics = topics_of(heading)
            if topics & {"process", "fair_competition"} and material.doc_year is not None:
                year, mark = material.doc_year, None  # the background's years are not the procedure's
            year, last, mark = _advance(heading, year, last, material, mark)
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, heading, topics))
            line = rest
            if not line:
                continue
        for piece in _SPLIT.split(line.replace("**", "")):
            piece = piece.strip()
            if not piece:
                continue
            material.sentences.append(_make(piece, material, number, stack, year, last, mark=mark))
            year, last, mark = _advance(piece, year, last, material, mark)
    return material


def _make(text, material, number, stack, year, last, cells=(), mark=None) -> Sentence:
    heading = stack[-1][1] if stack else ""
    topics = next((t for _, _, t in reversed(stack) if t), frozenset())
    return Sentence(text, material.file, number, material.kind, heading, topics, year, last, tuple(cells),
                    doc_year=material.doc_year, doc_date=material.signed, mark=mark)


def _advance(text: str, year: int | None, last: dt.date | None, material: Material,
             mark: tuple[int, int] | None) -> tuple[int | None, dt.date | None, tuple[int, int] | None]:
    for m in datetext.mentions(text, year, last, material.doc_year, mark, material.signed):
        if m.planned:
            continue  # 拟于2026年1月上旬……: a plan's day does not set the year of the dates after it
        if m.year is not None:
            year = m.year
            month = re.search(r"(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月", m.text)
            if month and datetext.month_of(month.group(1)):
                mark = (m.year, datetext.month_of(month.group(1)))
        if m.day is not None:
            last = m.day
    return year, last, mark


def _first_year(lines: list[str]) -> int | None:
    for line in lines:
        for m in datetext.mentions(line):
            if m.explicit_year and m.year is not None:
                return m.year
    return None


# A line that looks ahead (本办法自印发之日起施行，至2028年12月31日止 / 有效期至 / 到2027年底实现……): its years are not the
# year the file was written in.
_AHEAD = re.compile(r"施行|有效期|届满|期限|止$|为止|目标|规划|力争|到\d{4}年|至\d{4}年[^。；，]{0,12}?(?:止|为止|结束)")


def _last_year(lines: list[str]) -> int | None:
    years = [m.day.year for line in lines if not _AHEAD.search(line)
             for m in datetext.mentions(line) if m.day is not None and m.explicit_year]
    return max(years) if years else None


def _signature(material: Material, lines: list[str]) -> None:
    """The unit and the date under the text (the last lines), when the file ends with them."""
    tail = [(i + 1, ln.strip().replace("**", "")) for i, ln in enumerate(lines) if ln.strip()][-4:]
    if tail and _sealed_row(material, tail[-1][1]):
        return
    for index, (number, text) in enumerate(tail):
        if _FULL_DATE.match(text):
            found = datetext.mentions(text)
            day = next((m.day for m in found if m.day is not None), None)
            if day is None:
                continue
            material.signed = day
            for prev_number, prev in reversed(tail[:index]):
                if _is_unit(prev):
                    material.signer, material.signer_line = prev.lstrip("#").strip(), prev_number
                    break
            return
    # no full date: a unit alone on the last line, or above a date of a month only (2026年4月), still signs it
    if len(tail) >= 2 and _MONTH_DATE.match(tail[-1][1]):
        tail = tail[:-1]
    number, last = tail[-1] if len(tail) >= 2 else (None, "")
    if last and _is_unit(last):
        material.signer, material.signer_line = last.lstrip("#").strip(), number


def _sealed_row(material: Material, text: str) -> bool:
    """A form that ends with its opinion row, sealed and dated (| 审查意见 | 同意。（某局盖章） 2026年3月5日 |), is
    signed by that date: the day the opinion was given."""
    cells = [x.strip() for x in text.strip("|").split("|")]
    if not text.startswith("|") or len(cells) < 2 or not re.search(r"意见|结论", cells[0]):
        return False
    m = re.search(r"((?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})\s*年.{1,3}月.{1,4}日)\s*$", cells[-1])
    if m is None or not re.search(r"盖章|签章|签字|签名|（章）|\(章\)", cells[-1]):
        return False
    day = next((x.day for x in datetext.mentions(m.group(1)) if x.day is not None), None)
    material.signed = day
    return day is not None


def _is_unit(text: str) -> bool:
    return len(text) <= 30 and bool(_ORG_END.search(text)) and not re.search(r"[。，；：:、]", text)


__all__ = ["TOPICS", "Material", "Sentence", "heading_of", "read_lines", "topics_of"]
