"""From the Lark parse tree to the document model: numbers, eIds, labels, spans, and the title block.

The grammar says how lines nest; this module says what they are. It reads the title block (标题, 文号,
送审稿 marks, 题注, history lines) from the lead lines of the first segment, moves the 落款 (issuing body
before the date line) into the signature, turns the segments after a signature into attachments (the
办法 a 印发通知 wraps), and gives every node its Akoma-Ntoso eId and Chinese label.

Longer than 450 lines because turning the parse tree into the document model is one walk whose steps (numbers, eIds, spans, title block, signature, attachments) share its state.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..model import Document, Node, Problem, Signature, Span, TitleBlock, new_node, new_span
from ..numerals import to_chinese, to_int
from .grammar import DEMOTE, Raw, Segment
from .lines import LineTable
from ..numerals import LABEL_NUM

_SEPARATORS = " \t\u3000\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_NUMERAL = re.compile(LABEL_NUM)
_SPACES = re.compile(r"[\s\u3000\u00a0]+")
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,16}[〔\[［【(（]\d{4}[〕\]］】)）]\s*第?\d+\s*号$")
_STAGE_MARK = re.compile(r"^[（(【\[]?\s*((?:公开)?征求意见稿|送审稿|草案(?:稿)?|修订稿|讨论稿|代拟稿|初稿|审议稿|修改稿)\s*[）)】\]]?$")
_TITLE_MARK = re.compile(r"[（(【\[]\s*((?:公开)?征求意见稿|送审稿|草案(?:稿)?|修订稿|讨论稿|代拟稿|初稿|审议稿|修改稿)\s*[）)】\]]$")
_NOTE = re.compile(r"^[（(].*\d{4}\s*年.*[）)]$|^[（(].*[〇○一二三四五六七八九]{4}年.*[）)]$")
_HISTORY = re.compile(r"^(\d{4}|[〇○一二三四五六七八九]{4})年.{1,6}月.{1,6}日.*(通过|修正|修订|公布|批准|施行|发布|印发)")
_GENRE_END = re.compile(r"(通知|办法|规定|意见|决定|细则|规则|条例|方案|公告|通告|批复|函|报告|标准|规范|指引|目录|清单|纲要|规划|措施|法|指南|制度|守则|章程|（试行）|（暂行）|\(试行\))$")
_PUBMARK = re.compile(r"^[（(](此件|本件|本文|此文)[^）)]{1,12}[）)]$")
_COLOPHON = re.compile(r"^(抄送|抄报|主题词|印发|分送|发送)[:：]?|印发$")
_ISSUER_END = re.compile(r"(人民政府|政府|办公厅|办公室|委员会|局|厅|部|委|院|署|办|中心|会|处|科|所|队|站|小组|指挥部|公司|集团|行|社|管委会|街道办事处|镇|乡)$")
_SENTENCE_PUNCT = re.compile(r"[。；;，,：:！？!?、]")
_DATE_PARTS = re.compile(r"^(.+?)\s*年\s*(.+?)\s*月\s*(.+?)\s*日$")


class Builder:
    def __init__(self, table: LineTable, demoted: set[int], file: str | None):
        self.table = table
        self.lines = table.lines
        self.demoted = demoted
        self.file = file
        self.skip: set[int] = set()
        self.eids: set[str] = set()
        self._texts: dict[int, tuple[str, tuple[int, int]] | None] = {}
        self._paragraphs: dict[int, list[Raw]] = {}
        # Where each kept line ends in the original file: (line number, exclusive end column), looked up by
        # every span (a node's span always ends with the last character of its last kept line).
        self._ends = [(line.lineno, (line.start + len(line.text) if line.cols is None else line.col(len(line.text) - 1) + 1) + 1)
                      for line in table.lines]
        self.problems: list[Problem] = []
        """Labels the builder could not read (a numeral such as 十亿 or 一万万): PARSE-LABEL."""

    # ---- positions -------------------------------------------------------------------------------
    def col(self, token) -> int:
        """Column of a token in its kept line (0-based), undoing a demotion prefix."""
        index = token.line - 1
        return token.column - 1 - (1 if index in self.demoted else 0)

    def text_of(self, token) -> tuple[str, tuple[int, int]] | None:
        """(text, (kept-line index, column)) of a TEXT token, separator and demotion prefix removed; None when
        nothing is left. Computed once per token: several nodes and checks ask for the same one."""
        if token is None:
            return None
        key = id(token)
        found = self._texts.get(key, False)
        if found is not False:
            return found
        value = token[:-1] if token[-1:] == "\n" else str(token)  # a plain str either way
        index = token.line - 1
        col = token.column - 1
        if value[:1] == DEMOTE:
            value = value[1:]
        elif index in self.demoted:
            col -= 1
        if col > 0:  # separators only follow a label: space, U+3000, U+2002…, a colon
            stripped = value.lstrip(_SEPARATORS)
            if stripped[:1] in (":", "："):
                stripped = stripped[1:].lstrip(_SEPARATORS)
            col += len(value) - len(stripped)
            value = stripped
        found = self._texts[key] = (value, (index, col)) if value else None
        return found

    def span_to_end(self, first: int, start: int, last: int) -> Span:
        """Original span from character ``start`` of kept line ``first`` to the end of kept line ``last``."""
        line = self.lines[first]
        end_line, end_column = self._ends[last]
        return new_span(line.lineno, line.col(start) + 1, end_line, end_column)

    def last(self, raw: Raw) -> int:
        """The last kept line of ``raw`` that stays in the tree (the 落款 moved to the signature does not).
        Kept on the node (``Raw.stays``) once known: a node's span and each of its ancestors' ask for it."""
        found = raw.stays
        if found < 0:
            found = raw.first
            skip = self.skip
            for kid in raw.children:
                if kid.kind in ("line", "paragraph") and kid.first in skip:
                    continue
                end = kid.stays if kid.stays >= 0 else self.last(kid)
                if end > found:
                    found = end
            raw.stays = found
        return found

    def unique(self, eid: str) -> str:
        """``eid``, or ``eid-2``, ``eid-3``… when it is taken already."""
        eids = self.eids
        if eid in eids:
            n = 2
            while f"{eid}-{n}" in eids:
                n += 1
            eid = f"{eid}-{n}"
        eids.add(eid)
        return eid

    def node(self, raw: Raw, kind: str, eid: str, label: str, num=None, num_text=None, level=None,
             heading=None, with_text=True, span: Span | None = None, found=False) -> Node:
        """The model node of ``raw``: its own text (unless ``with_text`` is false: 编/章/节/条 keep their text
        as heading or first 款), a unique eId, and its span (``span`` when the caller measured it otherwise;
        ``found``: ``text_of(raw.text)`` when the caller has it)."""
        label_token = raw.label
        if found is False:
            found = self.text_of(raw.text) if (with_text or label_token is None) else None
        if with_text and found:
            text, loc = found
            if kind == "paragraph" and text[0] == "|" and text[-1] == "|":
                kind = "table_row"
        else:
            text, loc = "", None
        if span is None:  # span_to_end(raw.first, start, last(raw)) written out: once per node
            if label_token is not None:
                start = label_token.column - 1 - (1 if label_token.line - 1 in self.demoted else 0)  # col()
            else:
                start = found[1][1] if found else 0
            last = raw.stays
            end_line, end_column = self._ends[last if last >= 0 else self.last(raw)]
            line = self.lines[raw.first]
            column = line.start + start if line.cols is None else line.col(start)
            span = new_span(line.lineno, column + 1, end_line, end_column)
        eids = self.eids
        if eid in eids:
            eid = self.unique(eid)
        else:
            eids.add(eid)
        return new_node(kind, eid, label, span, num=num, num_text=num_text, level=level, heading=heading, text=text,
                         loc=loc)

    def paragraph(self, raw: Raw, eid: str, label: str, num: int) -> Node:
        node = self.node(raw, "paragraph", eid, label, num=num)
        if raw.children:
            node.children.extend(self.points(raw.children, node.eid, label, 1))
        return node

    # ---- structure -------------------------------------------------------------------------------
    def body(self, raws: list[Raw], prefix: str, label_prefix: str, chapter: str | None = None) -> list[Node]:
        out = []
        for raw in raws:
            if raw.kind in ("line", "paragraph") and raw.first in self.skip:
                continue
            if raw.kind in ("book", "chapter", "section"):
                out.append(self.division(raw, prefix, label_prefix, chapter))
            elif raw.kind == "article":
                out.append(self.article(raw, prefix, label_prefix))
            elif raw.kind.startswith("level"):
                out.append(self.hcontainer(raw, prefix, label_prefix))
        return out

    def unreadable(self, node: Node, unit: str) -> None:
        """A 编/章/节/条 whose numeral cannot be read (十亿, 一万万): kept as such, reported as PARSE-LABEL."""
        label = node.num_text or node.label
        self.problems.append(Problem(code="PARSE-LABEL", message=f"{label}的编号无法识别，按{unit}处理，编号待核",
                                     file=self.file, line=node.span.line, column=node.span.column, excerpt=label))

    def division(self, raw: Raw, prefix: str, label_prefix: str, chapter: str | None) -> Node:
        kind, piece, unit = {"book": ("book", "book", "编"), "chapter": ("chapter", "chp", "章"),
                             "section": ("section", "sec", "节")}[raw.kind]
        num = _number(raw.label)
        heading_found = self.text_of(raw.text)
        heading = _SPACES.sub("", heading_found[0]) if heading_found else ""
        intro = [k for k in raw.children if k.kind == "line" and k.first not in self.skip]
        if not heading and intro and len(self.lines[intro[0].first].text) <= 20:
            heading = _SPACES.sub("", self.text_of(intro[0].text)[0])
            intro = intro[1:]
        base = f"{chapter}__{piece}_{num}" if (kind == "section" and chapter) else f"{prefix}{piece}_{num}"
        label = f"{label_prefix}第{to_chinese(num)}{unit}" if num is not None else f"{label_prefix}{str(raw.label)}"
        node = self.node(raw, kind, base, label, num=num, num_text=str(raw.label), heading=heading or None,
                         with_text=False)
        if num is None:
            self.unreadable(node, unit)
        paras = [self.paragraph(k, f"{node.eid}__para_{i}", f"{label}第{i}段", i) for i, k in enumerate(intro, 1)]
        inner = self.body([k for k in raw.children if k.kind != "line"], prefix, label_prefix,
                          node.eid if kind == "chapter" else chapter)
        node.children.extend(paras + inner)
        return node

    def article(self, raw: Raw, prefix: str, label_prefix: str) -> Node:
        num = _number(raw.label)
        label = f"{label_prefix}第{to_chinese(num)}条" if num is not None else f"{label_prefix}{str(raw.label)}"
        paras = self.article_paragraphs(raw)
        node = self.node(raw, "article", f"{prefix}art_{num}", label, num=num, num_text=str(raw.label),
                         with_text=False)
        if num is None:
            self.unreadable(node, "条")
        many = len(paras) > 1
        children, eid = node.children, node.eid  # (read once: a pydantic instance's attributes are slower to read)
        for i, para in enumerate(paras, 1):
            p_label = f"{label}第{to_chinese(i)}款" if many else label
            span = None
            found = self.text_of(para.text)
            if not found:  # label line without text, items only
                span = self.span_to_end(raw.first, self.col(raw.label), self.last(para))
            p_node = self.node(para, "paragraph", f"{eid}__para_{i}", p_label, num=i, span=span, found=found)
            if para.children:
                p_node.children.extend(self.points(para.children, p_node.eid, p_label, 1))
            children.append(p_node)
        return node

    def article_paragraphs(self, raw: Raw) -> list[Raw]:
        """The 款 of an article: the label line (with the items right after it) and each unlabelled line,
        with lines that continue an item moved into it. Computed once per article, before any span (spans
        are memoised, and the move changes where items end)."""
        found = self._paragraphs.get(id(raw))
        if found is None:
            if raw.children:
                own_points = [k for k in raw.children if k.kind.startswith("point")]
                paras = [k for k in raw.children
                         if k.kind == "paragraph" and not (k.first in self.skip and not k.children)]
            else:  # the most frequent article: one line
                own_points, paras = [], []
            if self.text_of(raw.text) or own_points:
                paras.insert(0, Raw("paragraph", None, raw.text, raw.first, raw.first, children=own_points))
            found = self._paragraphs[id(raw)] = _join_continued_items(paras) if len(paras) > 1 else paras
        return found

    def prepare(self, raws: list[Raw]) -> None:
        """Settle every article's paragraphs before anything is measured."""
        stack = list(raws)
        while stack:
            raw = stack.pop()
            if raw.kind == "article":
                self.article_paragraphs(raw)
            elif raw.children:
                stack.extend(raw.children)

    def points(self, raws: list[Raw], parent_eid: str, parent_label: str, depth: int) -> list[Node]:
        out = []
        lines = 0
        for raw in raws:
            if raw.kind == "paragraph":  # lines continuing the item before them (see _join_continued_items)
                lines += 1
                label = f"{parent_label}第{lines}段"
                node = self.node(raw, "paragraph", f"{parent_eid}__para_{lines}", label, num=lines)
                if raw.children:
                    node.children.extend(self.points(raw.children, node.eid, label, depth + 1))
                out.append(node)
                continue
            if not raw.kind.startswith("point"):
                continue
            num_text = str(raw.label)
            num = _number(raw.label)
            if depth == 1:
                shown = num_text if num_text.startswith(("（", "(")) else str(num)
                label = f"{parent_label}第{shown}项"
            elif depth == 2:
                label = f"{parent_label}第{num}目"
            else:
                label = parent_label + num_text
            node = self.node(raw, "point", f"{parent_eid}__point_{num}", label, num=num, num_text=num_text)
            if raw.children:
                node.children.extend(self.points(raw.children, node.eid, label, depth + 1))
            out.append(node)
        return out

    def hcontainer(self, raw: Raw, prefix: str, label_prefix: str) -> Node:
        num = _number(raw.label)
        num_text = str(raw.label)
        label = label_prefix + num_text
        node = self.node(raw, "hcontainer", f"{prefix}lvl{raw.level}_{num}", label, num=num, num_text=num_text,
                         level=raw.level)
        node.heading = _heading(node.text)
        lines = [k for k in raw.children if k.kind == "line" and k.first not in self.skip]
        paras = [self.paragraph(k, f"{node.eid}__para_{i}", f"{label}第{i}段", i) for i, k in enumerate(lines, 1)]
        node.children.extend(paras + self.body([k for k in raw.children if k.kind != "line"], f"{node.eid}__", label))
        return node

    # ---- segments, title block, signature, attachments --------------------------------------------
    def segments(self, parsed: list) -> list[Segment]:
        """The segments of the draft in order (``parsed`` is what ``grammar.ToRaw`` made of ``start``);
        those opened by an ATTACH token carry it. (A loop, not a recursive closure: a closure that refers
        to itself is a reference cycle, and would keep the whole parse alive until the next collection.)"""
        out: list[Segment] = []
        stack: list[tuple[list, object]] = [(parsed, None)]
        while stack:
            items, attach = stack.pop()
            for i, item in enumerate(items):
                if isinstance(item, Segment):
                    item.attach_label = attach
                    attach = None
                    out.append(item)
                elif item[0] == "signature":
                    out[-1].signature = item[1].line - 1
                else:  # ("attachment", ATTACH token, items): its items, then what follows it
                    stack.append((items[i + 1:], None))
                    stack.append((item[2], item[1]))
                    break
        return out

    def mark_issuers(self, segments: list[Segment]) -> dict[int, list[int]]:
        """For each signature date line, the kept lines just before it that name the issuing body."""
        issuers: dict[int, list[int]] = {}
        if all(seg.signature is None for seg in segments):
            return issuers
        plain = _plain_lines(segments)
        for seg in segments:
            if seg.signature is None:
                continue
            found = []
            for index in (seg.signature - 1, seg.signature - 2):
                if index < 0 or index not in plain or index in self.skip:
                    break
                text = self.lines[index].text
                if len(text) > 40 or _SENTENCE_PUNCT.search(text) or not (_ISSUER_END.search(text) or len(text) <= 12):
                    break
                found.insert(0, index)
                if not _ISSUER_END.search(text):
                    break
            self.skip.update(found)
            issuers[seg.signature] = found
        return issuers

    def build(self, tree) -> Document:
        segments = self.segments(tree)
        issuers = self.mark_issuers(segments)
        for segment in segments:
            self.prepare(segment.body)
        doc = Document.constructed(
            file=self.file, title_block=TitleBlock.constructed(), preamble=[], body=[], signature=None, attachments=[],
            toc=list(self.table.toc), problems=[], line_count=len(self.table.original),
            format="text", encoding=None,
        )
        if segments[0].attach_label is not None:  # the draft opens with 附件: no main text
            segments.insert(0, Segment([], []))
        first = segments[0]
        lead = [r for r in first.lines if r.first not in self.skip]
        rest = self.title_block(doc.title_block, lead)
        doc.preamble = [self.paragraph(r, f"preamble__para_{i}", f"正文第{i}段", i) for i, r in enumerate(rest, 1)]
        doc.body = self.body(first.body, "", "")
        dated = next((s.signature for s in segments if s.signature is not None), None)
        if dated is not None:
            doc.signature = self.signature(dated, issuers)
        # Segments after a signature: colophon lines go to the signature, the rest are attachments.
        parts: list[tuple[Segment, list[Raw]]] = []
        for seg in segments[1:]:
            lines = [r for r in seg.lines if r.first not in self.skip]
            if seg.attach_label is None:
                while lines and _is_colophon(self, lines[0]):
                    if doc.signature is not None:
                        doc.signature.notes.append(self.text_of(lines.pop(0).text)[0])
                    else:
                        break
                if not seg.body and lines and all(_is_colophon(self, r) for r in lines):
                    continue
            if lines or seg.body or seg.attach_label is not None:
                parts.append((seg, lines))
        for n, (seg, lines) in enumerate(parts, 1):
            doc.attachments.append(self.attachment(seg, lines, n, len(parts)))
        return doc

    def attachment(self, seg: Segment, lines: list[Raw], n: int, count: int) -> Node:
        num = n
        if seg.attach_label is not None:
            found = _NUMERAL.search(str(seg.attach_label))
            num = to_int(found.group()) if found else n
        label = f"附件{num}" if count > 1 or (seg.attach_label is not None and _NUMERAL.search(str(seg.attach_label))) else "附件"
        first_raw = lines[0] if lines else (seg.body[0] if seg.body else None)
        anchor = Raw("line", seg.attach_label, None, seg.attach_label.line - 1, 0) if seg.attach_label is not None else first_raw
        last = max([self.last(r) for r in lines + seg.body] + ([anchor.first] if anchor else [0]))
        heading = None
        if lines and len(self.text_of(lines[0].text)[0]) <= 60:
            heading = _SPACES.sub("", self.text_of(lines[0].text)[0])
            lines = lines[1:]
        if anchor is None:
            anchor = Raw("line", None, None, 0, 0)
        start = self.col(anchor.label) if anchor.label is not None else (self.text_of(anchor.text)[1][1] if anchor.text else 0)
        node = new_node("attachment", self.unique(f"att_{num}"), label, self.span_to_end(anchor.first, start, last),
                         num=num, heading=heading)
        paras = [self.paragraph(r, f"{node.eid}__para_{i}", f"{label}第{i}段", i) for i, r in enumerate(lines, 1)]
        node.children.extend(paras + self.body(seg.body, f"{node.eid}__", label))
        return node

    def signature(self, date_index: int, issuers: dict[int, list[int]]) -> Signature:
        lines = issuers.get(date_index, [])
        date_text = self.lines[date_index].text
        first = lines[0] if lines else date_index
        span = self.span_to_end(first, 0, date_index)
        # constructed, not validated: the values are ours, of the declared types (validating built Signature's
        # validator, some 20 ms, in every process that parsed a signed draft)
        return Signature.constructed(issuer=[self.lines[i].text for i in lines], date_text=date_text,
                                     date=parse_date(date_text), span=span)

    def title_block(self, block: TitleBlock, lead: list[Raw]) -> list[Raw]:
        """Fill the title block from the first lead lines; return the lines left for the preamble."""
        texts = [self.text_of(r.text)[0] for r in lead]
        if not texts:
            return []
        i = 1
        title = texts[0]
        # A title broken over lines (国务院关于印发个人所得税 / 专项附加扣除暂行办法的通知).
        if self.lines[lead[0].first].md_level == 0:
            while i < len(texts) and i < 4 and not _GENRE_END.search(title) and _looks_title_part(texts[i]):
                title += texts[i]
                i += 1
        block.title = _SPACES.sub("", title) if len(title) < 80 else title
        trailing = _TITLE_MARK.search(block.title)
        if trailing:  # 某某办法（征求意见稿） → title 某某办法, mark 征求意见稿
            block.marks.append(trailing.group(1))
            block.title = block.title[: trailing.start()]
        block.title_span = self.span_to_end(lead[0].first, self.text_of(lead[0].text)[1][1], lead[i - 1].first)
        compact_title = _SPACES.sub("", block.title)
        while i < len(texts):
            text = texts[i]
            compact = _SPACES.sub("", text)
            if _DOC_NUMBER.match(compact):
                block.doc_number = block.doc_number or compact
            elif _STAGE_MARK.match(compact):
                block.marks.append(_STAGE_MARK.match(compact).group(1))
            elif _NOTE.match(text) and not block.note:
                block.note = text
            elif _HISTORY.match(text):
                block.history.append(text)
            elif compact and compact_title.startswith(compact) and len(compact) >= 4:
                # The title repeated, perhaps over several lines (gov.cn pages repeat it under the header).
                joined = compact
                j = i + 1
                while j < len(texts) and joined != compact_title and compact_title.startswith(joined + _SPACES.sub("", texts[j])):
                    joined += _SPACES.sub("", texts[j])
                    j += 1
                if joined != compact_title:
                    break
                i = j
                continue
            else:
                break
            i += 1
        return lead[i:]


def _join_continued_items(paras: list[Raw]) -> list[Raw]:
    """Unlabelled lines between （二） and （三） continue item （二）, not new 款:

        （二）申请。申请定级的企业，依拟申请的等级向组织单位提交自评报告。
        组织单位收到企业自评报告后，应当根据下列情况分别作出处理：
        1.自评报告内容存在错误、不齐全的，……
        审核、报送和告知工作应当在10个工作日内完成。
        （三）评审。……

    When a 款 opens with an item numbered n > 1 and an earlier 款 of the same article (up to five back) ends
    with item n − 1 of the same kind, the 款 in between and this one's text are attached to that item, and
    the items go on in the earlier list.
    """
    out: list[Raw] = []
    for para in paras:
        items = [c for c in para.children if c.kind.startswith("point")]
        host_index = None
        if out and items and para.text is not None and para.label is None:
            wanted = (_number(items[0].label) or 0) - 1
            for back in range(len(out) - 1, max(-1, len(out) - 6), -1):
                before = [c for c in out[back].children if c.kind.startswith("point")]
                if before and before[-1].kind == items[0].kind and wanted > 0 and _number(before[-1].label) == wanted:
                    host_index = back
                    break
        if host_index is None:
            out.append(para)
            continue
        host = [c for c in out[host_index].children if c.kind.startswith("point")][-1]
        host.children.extend(out[host_index + 1:])
        host.children.append(Raw("paragraph", None, para.text, para.first, para.first))
        out[host_index].children.extend(para.children)
        del out[host_index + 1:]
    return out


def _plain_lines(segments: list[Segment]) -> set[int]:
    """The first lines of all unlabelled lines and paragraphs without children in ``segments``, at any depth."""
    out = set()
    stack = [raw for seg in segments for raw in seg.lines + seg.body]
    while stack:
        raw = stack.pop()
        if raw.children:
            stack.extend(raw.children)
        elif raw.label is None and raw.kind in ("line", "paragraph"):
            out.add(raw.first)
    return out


def _is_colophon(builder: Builder, raw: Raw) -> bool:
    found = builder.text_of(raw.text)
    return bool(found and (_PUBMARK.match(found[0]) or _COLOPHON.search(found[0])))


def _looks_title_part(text: str) -> bool:
    return len(text) <= 40 and not _SENTENCE_PUNCT.search(text) and not _DOC_NUMBER.match(_SPACES.sub("", text)) \
        and not _NOTE.match(text)


@lru_cache(maxsize=4096)
def _number(token) -> int | None:
    """The number a label gives (第十五条 → 15, （三） → 3), None if it has none; kept by the label's text."""
    found = _NUMERAL.search(token) if token is not None else None
    return to_int(found.group()) if found else None


def _heading(text: str) -> str | None:
    if not text:
        return None
    if len(text) <= 30 and not re.search(r"[。；;，,]", text):
        return text
    head = re.split(r"[。．.]", text, maxsplit=1)[0]
    return head if len(head) <= 15 and head != text else None


def parse_date(text: str) -> date | None:
    """A date written 2026年3月1日 or 二〇二六年三月一日 (None if not a valid date)."""
    found = _DATE_PARTS.match(_SPACES.sub("", text.strip("（()）")))
    if not found:
        return None
    parts = [to_int(p) for p in found.groups()]
    if None in parts:
        return None
    try:
        return date(*parts)  # type: ignore[arg-type]
    except ValueError:
        return None
