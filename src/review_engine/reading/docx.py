"""Reading a .docx draft as lines of text, the same lines a .md/.txt of that draft would have.

What is rendered, in document order, from the main body only (headers, footers, footnotes, endnotes,
comments and text boxes are left out; they are not part of the normative text):

* a paragraph is one line: the text of all its runs, including runs inside hyperlinks, fields, content
  controls and tracked insertions (tracked deletions, field codes and hidden runs are skipped). A tab
  becomes one ASCII space; a line break (``<w:br/>``) starts a new line, so one paragraph can yield several
  lines; an empty paragraph is an empty line (line numbers are positions in findings, keep them stable);
* a table row is one line ``| cell | cell |``: the paragraphs of a cell are joined with a space, a merged
  cell (``gridSpan``) appears once, a nested table is flattened into the text of its cell;
* **Word auto-numbering is rendered into the text.** Drafters let Word number the articles (``第%1条``)
  and items (``（%1）``), so the label "第三条" is not in the XML at all; without it the parser would see
  no articles. We compute the label as Word does: paragraph ``numPr`` (or the one inherited from the
  paragraph style and its ``basedOn`` chain) → ``w:num`` → ``w:abstractNum`` → the ``w:lvl``; counters are
  kept per abstract numbering (a ``w:num`` with a ``startOverride`` gets counters of its own), using
  level k resets the deeper levels (``w:lvlRestart`` honoured), ``w:isLgl`` forces decimal. The label is
  followed by its ``w:suff``: a tab becomes U+3000 (ideographic space), ``space`` one ASCII space,
  ``nothing`` nothing — the parser reads "第三条　", "第三条 " and "第三条" alike.

Known deviation: Word itself writes ``chineseCounting`` numbers of 100 and more digit by digit (一〇一)
and ``chineseCountingThousand`` ones with 〇; we write 一百零一 for both, the form drafts use when typed.
"""

from __future__ import annotations

import io
import re
import zipfile

from ..numerals import to_chinese

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(el, default=None):
    """The ``w:val`` attribute of ``el`` (None-safe)."""
    return default if el is None else el.get(_w("val"), default)


# Subtrees never holding body text: properties, deleted or moved-away text, field codes, drawings and
# text boxes (their text is not part of the paragraph's line), alternate content, ruby guides.
_SKIP = {_w(t) for t in ("pPr", "rPr", "del", "moveFrom", "instrText", "drawing", "pict", "object", "rt")}
_SKIP |= {f"{{{MC}}}AlternateContent"}
_CHAR = {_w("tab"): " ", _w("ptab"): " ", _w("noBreakHyphen"): "-", _w("cr"): "\n"}
_CONTROL_TO_SPACE = str.maketrans("\n\r\f\v", "    ")  # stray control characters inside w:t
_IDEOGRAPHIC_SPACE = "\u3000"
_SUFFIX = {"tab": _IDEOGRAPHIC_SPACE, "space": " ", "nothing": ""}


DEFAULT_MAX_INFLATED = 20 * 1024 * 1024


def inflate_archive(data: bytes, limit: int = DEFAULT_MAX_INFLATED) -> bytes:
    """The zip ``data`` with every part inflated, as an archive of stored parts; refused (``ValueError``, a
    Chinese message) when the parts would inflate past ``limit`` bytes in all — a zip bomb.

    The sizes the archive declares are checked first; then each part is inflated 64 KiB at a time, counting
    every byte against the limit, so an archive that lies about its sizes is stopped too. (``zipfile`` asked
    for a whole part inflates it in one call, up to its real size, whatever the archive declares.) python-docx
    then reads the stored copy and inflates nothing.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            declared = sum(max(i.file_size, 0) for i in infos)
            if declared > limit:
                raise ValueError(_bomb(limit, f"其部件声明解压后共 {_megabytes(declared)}"))
            out = io.BytesIO()
            total = 0
            with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as stored:
                for info in infos:
                    chunks = []
                    with archive.open(info) as part:
                        while chunk := part.read(1 << 16):
                            total += len(chunk)
                            if total > limit:
                                raise ValueError(_bomb(limit, f"{info.filename} 解压后超出"))
                            chunks.append(chunk)
                    stored.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), b"".join(chunks))
            return out.getvalue()
    except ValueError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise ValueError(_corrupt_reason(data, exc)) from None


def read_part(data: bytes, name: str, limit: int = DEFAULT_MAX_INFLATED) -> bytes:
    """One part of a zip (a .docx), inflated chunk by chunk and refused as soon as it passes ``limit`` bytes."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(name) as part:
            chunks, size = [], 0
            while chunk := part.read(1 << 16):
                size += len(chunk)
                if size > limit:
                    raise ValueError(_bomb(limit, f"{name} 解压后超出"))
                chunks.append(chunk)
            return b"".join(chunks)
    except ValueError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise ValueError(_corrupt_reason(data, exc)) from None


def _bomb(limit: int, detail: str) -> str:
    return f"解压后超过 {limit / 1048576:.0f} MB 的上限（{detail}），可能是恶意构造的压缩文件，未读取"


def _megabytes(n: int) -> str:
    return f"{n / 1048576:.0f} MB" if n < 1 << 30 else f"{n / (1 << 30):.1f} GB"


def docx_lines(data: bytes, max_inflated: int = DEFAULT_MAX_INFLATED) -> list[str]:
    """The body of a .docx as lines (paragraphs, line breaks split, table rows as ``| a | b |``).

    Raise ``ValueError`` with a short message if ``data`` is not a readable .docx file, or if its parts would
    inflate to more than ``max_inflated`` bytes (``inflate_archive``).
    """
    import docx  # python-docx; imported here so that reading text drafts does not need it

    stored = inflate_archive(data, max_inflated)
    try:
        document = docx.Document(io.BytesIO(stored))
        body = document.element.body
        styles = document.styles.element
        try:
            numbering = document.part.part_related_by(RT_NUMBERING).element
        except KeyError:
            numbering = None
    except Exception as exc:  # zipfile.BadZipFile, KeyError, lxml errors, python-docx's own errors…
        raise ValueError(_corrupt_reason(data, exc)) from None
    reader = _Reader(_Numbering(numbering, styles))
    lines: list[str] = []
    for block in _blocks(body):
        if block.tag == _w("p"):
            lines.extend(reader.paragraph(block).split("\n"))
        else:
            lines.extend(reader.table_rows(block))
    return lines


def _corrupt_reason(data: bytes, exc: Exception) -> str:
    if not data.startswith(b"PK"):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            return "an old binary Word (.doc) file, not .docx; save it as .docx"
        return "not a .docx file (not a zip archive)"
    return f"corrupt or not a Word .docx file ({type(exc).__name__})"


def _blocks(parent):
    """Paragraphs and tables under ``parent`` in order, looking through content controls and custom XML."""
    for child in parent.iterchildren():
        if child.tag in (_w("p"), _w("tbl")):
            yield child
        elif child.tag in (_w("sdt"), _w("sdtContent"), _w("customXml")):
            yield from _blocks(child)


class _Reader:
    def __init__(self, numbering: _Numbering):
        self.numbering = numbering

    def paragraph(self, p) -> str:
        """The paragraph's text with its number label; "\\n" where a line break is."""
        text = self._runs_text(p)
        # A page or column break at either end only moves the paragraph; inside, it separates text.
        text = text.strip("\f").replace("\f", "\n")
        label, suffix = self.numbering.label(p)
        if label:
            text = label + (suffix if text else "") + text
        return text

    def _runs_text(self, el) -> str:
        parts: list[str] = []
        for child in el.iterchildren():
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == _w("r") and _is_hidden(child):
                continue
            if tag == _w("t"):
                parts.append((child.text or "").translate(_CONTROL_TO_SPACE))
            elif tag == _w("br"):
                parts.append("\f" if child.get(_w("type")) in ("page", "column") else "\n")
            elif tag in _CHAR:
                parts.append(_CHAR[tag])
            else:  # runs, hyperlinks, fields, smart tags, content controls, tracked insertions…
                parts.append(self._runs_text(child))
        return "".join(parts)

    def table_rows(self, tbl) -> list[str]:
        return ["| " + " | ".join(cells) + " |" for cells in self._rows(tbl)]

    def _rows(self, tbl):
        for tr in _children(tbl, "tr"):
            if tr.find(f"{_w('trPr')}/{_w('del')}") is not None:
                continue  # a tracked row deletion
            yield [self._cell_text(tc) for tc in _children(tr, "tc") if not _is_hmerge_continuation(tc)]

    def _cell_text(self, tc) -> str:
        parts = []
        for block in _blocks(tc):
            if block.tag == _w("p"):
                parts.append(self.paragraph(block).replace("\n", " "))
            else:  # a nested table: its cells' text in order ("|" would split the outer row)
                parts.extend(cell for cells in self._rows(block) for cell in cells)
        return " ".join(part.strip() for part in parts if part.strip())


def _children(parent, tag: str):
    """Children ``w:tag`` of a table or row, looking through content controls and custom XML."""
    for child in parent.iterchildren():
        if child.tag == _w(tag):
            yield child
        elif child.tag in (_w("sdt"), _w("sdtContent"), _w("customXml")):
            yield from _children(child, tag)


def _is_hidden(r) -> bool:
    return _on(r.find(f"{_w('rPr')}/{_w('vanish')}"))


def _is_hmerge_continuation(tc) -> bool:
    """Legacy horizontal merge (``w:hMerge``): only the first cell of the merge carries the text."""
    hmerge = tc.find(f"{_w('tcPr')}/{_w('hMerge')}")
    return hmerge is not None and _val(hmerge) != "restart"


# --- numbering ------------------------------------------------------------------------------------------


class _Numbering:
    """Numbering definitions plus the running counters; ``label(p)`` advances them like Word does."""

    def __init__(self, numbering, styles):
        self.abstracts = {}
        self.nums = {}
        if numbering is not None:
            for el in numbering.iterchildren(_w("abstractNum")):
                self.abstracts[el.get(_w("abstractNumId"))] = el
            for el in numbering.iterchildren(_w("num")):
                self.nums[el.get(_w("numId"))] = el
        self.styles = {el.get(_w("styleId")): el for el in styles.iterchildren(_w("style"))}
        self.default_style = next(
            (sid for sid, el in self.styles.items()
             if el.get(_w("type")) == "paragraph" and _on_attr(el.get(_w("default")))),
            None,
        )
        self.counters: dict[tuple, list[int | None]] = {}

    def label(self, p) -> tuple[str, str]:
        """(label, suffix) for paragraph ``p`` — ("", "") if it is not numbered or is a bullet."""
        num_id, ilvl = self._num_pr(p)
        num = self.nums.get(num_id) if num_id != "0" else None  # numId 0 switches numbering off
        abstract = self._abstract(num) if num is not None else None
        if abstract is None:
            return "", ""
        levels, starts, restarted = self._levels(num, abstract)
        if ilvl is None:  # numbering from a style without ilvl: the level linked to that style, else 0
            style = _val(p.find(f"{_w('pPr')}/{_w('pStyle')}"), self.default_style)
            ilvl = next((i for i, lvl in enumerate(levels)
                         if lvl is not None and style and _val(lvl.find(_w("pStyle"))) == style), 0)
        lvl = levels[ilvl]
        if lvl is None:
            return "", ""

        # Nums sharing an abstractNum share its counters, unless the num restarts them (startOverride).
        key = ("num", num_id) if restarted else ("abstract", abstract.get(_w("abstractNumId")))
        counters = self.counters.setdefault(key, [None] * 9)
        counters[ilvl] = starts[ilvl] if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 9):  # by default a level restarts whenever a higher one is used
            restart = levels[deeper].find(_w("lvlRestart")) if levels[deeper] is not None else None
            restart_after = _int(_val(restart), deeper)  # 1-based level number; 0 = never restart
            if ilvl < restart_after:
                counters[deeper] = None

        if _num_fmt(lvl) == "bullet":
            return "", ""
        legal = _on(lvl.find(_w("isLgl")))  # legal numbering: every level shown in decimal

        def placeholder(match: re.Match) -> str:
            i = int(match.group(1)) - 1
            value = counters[i] if counters[i] is not None else starts[i]
            fmt = "decimal" if legal or levels[i] is None else _num_fmt(levels[i])
            return format_number(value, fmt)

        text = re.sub(r"%([1-9])", placeholder, _val(lvl.find(_w("lvlText")), ""))
        return text, _SUFFIX.get(_val(lvl.find(_w("suff")), "tab"), _IDEOGRAPHIC_SPACE)

    @staticmethod
    def _levels(num, abstract) -> tuple[list, list[int], bool]:
        """The nine ``w:lvl`` of a num (``lvlOverride/lvl`` applied), their start values
        (``startOverride`` applied) and whether the num restarts the count (has a ``startOverride``)."""
        levels: list = [None] * 9
        for lvl in abstract.iterchildren(_w("lvl")):
            if 0 <= (i := _int(lvl.get(_w("ilvl")), -1)) < 9:
                levels[i] = lvl
        start_overrides = {}
        for override in num.iterchildren(_w("lvlOverride")):
            if not 0 <= (i := _int(override.get(_w("ilvl")), -1)) < 9:
                continue
            if override.find(_w("lvl")) is not None:
                levels[i] = override.find(_w("lvl"))
            if override.find(_w("startOverride")) is not None:
                start_overrides[i] = _int(_val(override.find(_w("startOverride"))), 0)
        starts = [_int(_val(lvl.find(_w("start"))), 0) if lvl is not None else 0 for lvl in levels]
        starts = [start_overrides.get(i, start) for i, start in enumerate(starts)]
        return levels, starts, bool(start_overrides)

    def _num_pr(self, p) -> tuple[str | None, int | None]:
        """numId and ilvl: the paragraph's own ``numPr`` first, then its style's, up the basedOn chain."""
        num_id = ilvl = None
        pPr = p.find(_w("pPr"))
        style_id = _val(pPr.find(_w("pStyle")) if pPr is not None else None, self.default_style)
        sources = [pPr]
        seen = set()
        while style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            sources.append(style.find(_w("pPr")))
            style_id = _val(style.find(_w("basedOn")))
        for src in sources:
            num_pr = src.find(_w("numPr")) if src is not None else None
            if num_pr is None:
                continue
            if num_id is None:
                num_id = _val(num_pr.find(_w("numId")))
            if ilvl is None and num_pr.find(_w("ilvl")) is not None:
                ilvl = min(max(_int(_val(num_pr.find(_w("ilvl"))), 0), 0), 8)
        return num_id, ilvl

    def _abstract(self, num, depth: int = 0):
        """The ``w:abstractNum`` of a ``w:num``, following a ``numStyleLink`` to a numbering style."""
        abstract = self.abstracts.get(_val(num.find(_w("abstractNumId"))))
        link = _val(abstract.find(_w("numStyleLink"))) if abstract is not None else None
        if link and depth < 5:
            style = self.styles.get(link)
            num_id = _val(style.find(f"{_w('pPr')}/{_w('numPr')}/{_w('numId')}")) if style is not None else None
            if num_id in self.nums:
                return self._abstract(self.nums[num_id], depth + 1)
        return abstract


def _num_fmt(lvl) -> str:
    fmt = lvl.find(_w("numFmt"))
    if fmt is None:  # Word 2010+ may wrap a custom format in mc:AlternateContent; take the fallback
        fmt = lvl.find(f"{{{MC}}}AlternateContent/{{{MC}}}Fallback/{_w('numFmt')}")
    return _val(fmt, "decimal")


def _on(el) -> bool:
    """A toggle property such as ``<w:isLgl/>`` or ``<w:vanish w:val="0"/>``."""
    return el is not None and _on_attr(_val(el, "true"))


def _on_attr(value) -> bool:
    return value is not None and value not in ("0", "false", "off")


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


# --- number formats -------------------------------------------------------------------------------------

_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def format_number(n: int, fmt: str) -> str:
    """A counter value in a Word ``w:numFmt``; unknown formats fall back to decimal."""
    if fmt in ("bullet", "none"):
        return ""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
               "japaneseCounting"):
        return to_chinese(n)
    if fmt == "chineseLegalSimplified":
        return to_chinese(n, legal=True)
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _STEMS[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("lowerLetter", "upperLetter") and n >= 1:
        letters = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # Word: … z, aa, bb
        return letters if fmt == "lowerLetter" else letters.upper()
    if fmt in ("lowerRoman", "upperRoman") and 1 <= n < 4000:
        roman = ""
        for value, numeral in _ROMAN:
            count, n = divmod(n, value)
            roman += numeral * count
        return roman if fmt == "lowerRoman" else roman.upper()
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)
