"""Building .docx drafts in tests: ``write_docx`` plus small helpers for Word numbering definitions.

``write_docx(path, lines)`` writes a draft whose paragraphs are ``lines`` (``|`` lines as table rows), so
that ``review_engine.reading.docx.docx_lines`` reads the same lines back; with
``auto_number_articles=True`` the 第X条 labels are left to Word auto-numbering, as real drafts do.
"""

from __future__ import annotations

import re
from pathlib import Path

import cn2an
import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.parts.numbering import NumberingPart
from docx.table import _Cell

from review_engine.numerals import to_chinese as chinese_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ARTICLE = re.compile(r"第([零〇一二三四五六七八九十百千万]+)条([ \u3000]?)(.*)", re.S)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def numbering_root(document):
    """The ``w:numbering`` element of ``document``, creating the numbering part if there is none."""
    try:
        part = document.part.part_related_by(RT.NUMBERING)
    except KeyError:
        element = parse_xml(f'<w:numbering xmlns:w="{W}"/>')
        part = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, document.part.package)
        document.part.relate_to(part, RT.NUMBERING)
    return part.element


def level_xml(ilvl: int, fmt: str, text: str, *, start: int | None = 1, suff: str | None = None,
              restart: int | None = None, legal: bool = False, pstyle: str | None = None) -> str:
    """One ``<w:lvl>`` (without namespace declaration; ``add_abstract_num`` wraps it)."""
    parts = [f'<w:lvl w:ilvl="{ilvl}">']
    if start is not None:
        parts.append(f'<w:start w:val="{start}"/>')
    parts.append(f'<w:numFmt w:val="{fmt}"/>')
    if restart is not None:
        parts.append(f'<w:lvlRestart w:val="{restart}"/>')
    if pstyle:
        parts.append(f'<w:pStyle w:val="{pstyle}"/>')
    if legal:
        parts.append("<w:isLgl/>")
    if suff:
        parts.append(f'<w:suff w:val="{suff}"/>')
    parts.append(f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')
    return "".join(parts)


def add_abstract_num(document, *levels: str) -> str:
    """Add a ``w:abstractNum`` made of ``level_xml(...)`` strings; return its abstractNumId."""
    root = numbering_root(document)
    ids = [int(el.get(_w("abstractNumId"))) for el in root.iterchildren(_w("abstractNum"))]
    abstract_id = str(max(ids, default=-1) + 1)
    element = parse_xml(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{abstract_id}">'
                        f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>')
    first_num = root.find(_w("num"))
    if first_num is not None:  # schema order: all abstractNum before all num
        first_num.addprevious(element)
    else:
        root.append(element)
    return abstract_id


def add_num(document, abstract_id: str, *, start_overrides: dict[int, int] | None = None) -> str:
    """Add a ``w:num`` pointing at ``abstract_id`` (with ``startOverride``s); return its numId."""
    root = numbering_root(document)
    ids = [int(el.get(_w("numId"))) for el in root.iterchildren(_w("num"))]
    num_id = str(max(ids, default=0) + 1)
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for ilvl, start in (start_overrides or {}).items()
    )
    element = parse_xml(f'<w:num xmlns:w="{W}" w:numId="{num_id}">'
                        f'<w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>')
    nums = root.findall(_w("num"))
    anchor = nums[-1] if nums else root.findall(_w("abstractNum"))[-1]
    anchor.addnext(element)
    return num_id


def set_numbering(target, num_id: str, ilvl: int | None = 0) -> None:
    """Give a paragraph (or a paragraph style) ``<w:numPr>``; ``ilvl=None`` writes only the numId."""
    element = target._p if hasattr(target, "_p") else target.element  # a Paragraph or a style
    pPr = element.get_or_add_pPr()
    ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    num_pr = parse_xml(f'<w:numPr xmlns:w="{W}">{ilvl_xml}<w:numId w:val="{num_id}"/></w:numPr>')
    existing = pPr.find(_w("numPr"))
    if existing is not None:
        pPr.remove(existing)
    anchor = pPr.find(_w("pStyle"))  # pStyle, keepNext…, then numPr; pStyle first is enough here
    if anchor is not None:
        anchor.addnext(num_pr)
    else:
        pPr.insert(0, num_pr)


def article_numbering(document) -> str:
    """An abstractNum for articles: level 0 ``第%1条`` chineseCounting (suffix tab, Word's default)."""
    return add_abstract_num(document, level_xml(0, "chineseCounting", "第%1条"))


def _cells(line: str) -> list[str]:
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") else text
    return [cell.strip() for cell in text.split("|")]


def _article_parts(line: str) -> tuple[int, str] | None:
    """(number, text after the label) if ``line`` is an article whose label auto-numbering reproduces."""
    match = ARTICLE.fullmatch(line)
    if not match:
        return None
    label, separator, rest = match.groups()
    try:
        value = int(cn2an.cn2an(label, "normal"))
    except (ValueError, KeyError):
        return None
    if value < 1 or chinese_number(value) != label or (separator and not rest):
        return None  # non-canonical numeral (一十一, 两…) or "第三条　" with nothing after: keep as typed
    return value, rest


def write_docx(path, lines: list[str], *, auto_number_articles: bool = False) -> None:
    """Write a .docx whose paragraphs are ``lines``; consecutive ``|`` lines form one table.

    ``docx_lines`` of the result gives back ``lines`` with table rows normalised to ``| a | b |`` and, with
    ``auto_number_articles=True``, article lines (``第X条`` + space, U+3000 or nothing) written without their
    label and numbered by Word (``第%1条`` chineseCounting, suffix tab), so they read back as
    ``第X条\\u3000text`` (``第X条`` when there is no text). A gap or restart in the article numbers is
    written as a ``startOverride``. Tabs in ``lines`` read back as spaces.
    """
    document = docx.Document()
    abstract_id = article_numbering(document) if auto_number_articles else None
    num_id, next_value = None, 1
    i = 0
    while i < len(lines):
        if lines[i].lstrip().startswith("|"):
            j = i
            while j < len(lines) and lines[j].lstrip().startswith("|"):
                j += 1
            _add_table(document, [_cells(line) for line in lines[i:j]])
            i = j
            continue
        line = lines[i]
        article = _article_parts(line) if auto_number_articles else None
        if article is None:
            document.add_paragraph(line)
        else:
            value, rest = article
            if num_id is None or value != next_value:
                overrides = None if num_id is None and value == 1 else {0: value}
                num_id = add_num(document, abstract_id, start_overrides=overrides)
            set_numbering(document.add_paragraph(rest), num_id)
            next_value = value + 1
        i += 1
    document.save(str(Path(path)))


def _add_table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=max(len(cells) for cells in rows))
    for row, cells in zip(table.rows, rows):
        tcs = row._tr.tc_lst
        for tc in tcs[len(cells):]:  # a short row: drop the cells it does not have
            row._tr.remove(tc)
        for tc, text in zip(tcs, cells):
            _Cell(tc, table).text = text


# --- zip bombs ------------------------------------------------------------------------------------------


def _raw_zeros(size: int) -> tuple[bytes, int]:
    """A raw deflate stream inflating to ``size`` NUL bytes, and its CRC-32, made in a fraction of a second:
    1 MiB compressed once and its (identical) fully flushed blocks repeated."""
    import zlib

    chunk = b"\0" * (1 << 20)
    count, rest = divmod(size, len(chunk))
    first = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = first.compress(chunk) + first.flush(zlib.Z_FULL_FLUSH)
    body = first.compress(chunk) + first.flush(zlib.Z_FULL_FLUSH)
    tail = first.compress(b"\0" * rest) + first.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(b"\0" * rest, crc)
    return (head + body * (count - 1) + tail if count else tail), crc


def zip_bomb(part: str = "word/document.xml", inflated: int = 1 << 30, *, declared: int | None = None) -> bytes:
    """A .docx (python-docx's blank document) whose ``part`` inflates to ``inflated`` bytes. ``declared``: the
    uncompressed size the archive claims for it (default: the true size; smaller for a lying archive)."""
    import io
    import struct
    import zipfile

    blank = io.BytesIO()
    docx.Document().save(blank)
    entries = []
    with zipfile.ZipFile(blank) as archive:
        for info in archive.infolist():
            if info.filename == part:
                continue
            data = archive.read(info)
            import zlib

            squeezer = zlib.compressobj(6, zlib.DEFLATED, -15)
            raw = squeezer.compress(data) + squeezer.flush()
            entries.append((info.filename, raw, zlib.crc32(data), len(data)))
    raw, crc = _raw_zeros(inflated)
    entries.append((part, raw, crc, inflated if declared is None else declared))
    out = io.BytesIO()
    central = []
    for name, raw, crc, size in entries:
        offset = out.tell()
        encoded = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(raw), size, len(encoded), 0))
        out.write(encoded + raw)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(raw), size,
                                   len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
    start = out.tell()
    out.write(b"".join(central))
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0))
    return out.getvalue()
