"""Facts extracted from a parsed draft, computed once per document and shared by all rules.

``Facts(doc)`` is lazy: the text index (``text.TextIndex``), effective dates and validity clauses
(``periods``), the document's dates (``dates``), internal references (``references``), citations, clauses,
procedural triggers, money amounts (``amounts``) and, for conditions, a small view of the document (type,
genre, title marks). Rules never re-parse the text.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property

from ..model import Document
from .text import TextIndex

_GENRE = re.compile(r"(实施细则|实施办法|实施意见|暂行规定|暂行办法|试行办法|管理办法|管理规定|指导意见|工作规则|"
                    r"规定|办法|细则|意见|决定|通知|通告|公告|规则|条例|法|标准|规范|指引|方案|措施|批复|函|纲要|规划|目录|清单)"
                    r"(?:（(?:试行|暂行|征求意见稿|送审稿|草案)）)?$")
_WRAPPER = re.compile(r"^.*?关于(?:印发|发布|公布|转发|颁布)(?:《(?P<inner>.+)》|(?P<bare>.+?))的(?:通知|决定|公告)$")
_TRIAL = re.compile(r"暂行|试行")
_HEADER_EFFECTIVE = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?:起)?\s*(?:施行|实施|生效)")
# Genres that are not 行政规范性文件 (国办发〔2018〕115号（三）: 工作方案、请示报告… are outside the review).
_NOT_NORMATIVE = re.compile(r"(规划|纲要|工作方案|工作计划|请示|报告|批复|复函|会议纪要|纪要|讲话|总结|名单)$")


def core_title(title: str) -> str:
    """The title of what is being issued: 关于印发《某某办法》的通知 → 某某办法."""
    found = _WRAPPER.match(title)
    if found:
        return found.group("inner") or found.group("bare")
    return title


def infer_doc_type(doc: Document) -> tuple[str, str]:
    """(type, how it was inferred) from the 题注 and history lines when the dossier does not say.

    The title alone never decides: a normative document wrongly named 条例 is what DRAFT-NAME-01 is for.
    """
    block = doc.title_block
    header = " ".join([block.note or "", *block.history])
    if re.search(r"人民代表大会(常务委员会)?.{0,30}(通过|批准)", header):
        return "地方性法规", "题注"
    if re.search(r"国务院令", header):
        return "行政法规", "题注"
    if re.search(r"人民政府令第?\S{1,8}号|人民政府第\S{1,6}号令", header):
        return "地方政府规章", "题注"
    if re.search(r"(部|委员会|总局|署|局|行|会)令第?\S{1,8}号|第\S{1,6}号令", header):
        return "部门规章", "题注"
    if _NOT_NORMATIVE.search(core_title(block.title)):
        return "其他", "文种"
    return "规范性文件", "默认"


# a paragraph written as a list item: 一、 / （一） / 1. / 1、
_ITEM_START = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])")


class DocView:
    """What conditions may read of the document (``doc.*``)."""

    CONDITION_FIELDS = frozenset({"type", "type_source", "title", "core_title", "genre", "trial", "stage",
                                  "article_count", "marks", "doc_number", "issuer", "date", "has_chapters",
                                  "has_outline", "attachment_count", "market_related", "major_decision", "secret",
                                  "consultation_due", "issuer_body", "issuer_level", "national"})

    def __init__(self, doc: Document, doc_type: str, type_source: str, stage: str, nodes: list | None = None,
                 facts: Facts | None = None, dossier=None):
        self.type = doc_type
        self.type_source = type_source
        self.title = doc.title_block.title
        self.core_title = core_title(self.title)
        found = _GENRE.search(self.core_title)
        self.genre = found.group(1) if found else None
        self.trial = bool(_TRIAL.search(self.core_title))
        self.stage = stage
        nodes = nodes if nodes is not None else list(doc.nodes())
        self.article_count = sum(1 for n in nodes if n.kind == "article")
        self.marks = list(doc.title_block.marks)
        self.doc_number = doc.title_block.doc_number
        self.issuer = "".join(doc.signature.issuer) if doc.signature else None
        self.date = doc.signature.date if doc.signature else None
        self.has_chapters = any(n.kind == "chapter" for n in nodes)
        self.has_outline = any(n.kind == "hcontainer" for n in nodes)
        self.attachment_count = len(doc.attachments)
        self._facts = facts
        self._dossier = dossier

    # ---- the issuer as read (facts/issuer.py) ----
    @property
    def issuer_body(self) -> str | None:
        """国务院 | 国务院办公厅 | 国务院部门 | 人民政府 | 政府办公厅 | 工作部门 | 乡镇街道 | … (None: not established)."""
        return self._facts.issuer.body if self._facts is not None else None

    @property
    def issuer_level(self) -> str | None:
        """国家 | 省 | 设区的市 | 县 | 乡 (None: not established)."""
        return self._facts.issuer.level if self._facts is not None else None

    @property
    def national(self) -> bool:
        """Issued by the State Council, its General Office or a ministry (not bound by local rules)."""
        return self.issuer_level == "国家"

    # ---- what decides which procedures apply: the record's flags, completed by what the text shows ----
    def _flag(self, name: str) -> bool | None:
        return self._dossier.flag(name) if self._dossier is not None else None

    @property
    def market_related(self) -> bool:
        """与市场主体生产经营活动密切相关: the record says so, or the text lays obligations on market actors."""
        if self._flag("market_related") is True:
            return True
        return self._facts is not None and bool(self._facts.triggers.market)

    @property
    def major_decision(self) -> bool:
        """属于重大行政决策事项 (the record's flag)."""
        return self._flag("major_decision") is True

    @property
    def secret(self) -> bool:
        """依法需要保密 (the record's flag)."""
        return self._flag("secret") is True

    @property
    def consultation_due(self) -> bool:
        """Public consultation is due: the document concerns rights and obligations (unless the record says it
        does not) and is not secret."""
        return self._flag("involves_rights_obligations") is not False and not self.secret


class Facts:
    """Lazily computed facts of one document."""

    CONDITION_FIELDS = frozenset({"effective_date", "effective_kind", "effective_days_after", "has_effective",
                                  "has_validity", "validity_years", "validity_until", "publication_date",
                                  "triggers", "departments"})

    def __init__(self, doc: Document, *, dossier=None, calendar=None):
        """``dossier`` (the procedural record, or None) and ``calendar`` (a ``workdays.WorkCalendar``) complete
        what the text says of the document's dates (``dates``)."""
        self.doc = doc
        self._dossier = dossier
        self._calendar = calendar

    @cached_property
    def index(self) -> TextIndex:
        return TextIndex.build(self.doc)

    @cached_property
    def nodes(self) -> list:
        """Every node in document order (computed once; rules iterate it many times)."""
        return list(self.doc.nodes())

    @cached_property
    def parents(self) -> dict[int, object]:
        """{id(node): its parent node} for every node below another (lists read their lead-in through it)."""
        out: dict[int, object] = {}
        for node in self.nodes:
            for child in node.children:
                out[id(child)] = node
        return out

    @cached_property
    def parts(self) -> list[tuple]:
        """(attachment or None, its nodes in order) for the main text and each attachment."""
        main = [n for top in (*self.doc.preamble, *self.doc.body) for n in top.walk()]
        return [(None, main)] + [(att, list(att.walk())) for att in self.doc.attachments]

    @cached_property
    def kinds_by_part(self) -> list[dict[str, list]]:
        """For each part of ``parts``, in the same order: {node kind: the part's nodes of that kind, in order} (the
        numbering checks read the articles, chapters, sections and books of every part)."""
        out = []
        for _, nodes in self.parts:
            kinds: dict[str, list] = {}
            for node in nodes:
                kinds.setdefault(node.kind, []).append(node)
            out.append(kinds)
        return out

    @cached_property
    def articles_by_part(self) -> dict:
        """{id(attachment) or None: {article number: article}}."""
        return {(id(att) if att is not None else None): {n.num: n for n in nodes if n.kind == "article" and n.num is not None}
                for att, nodes in self.parts}

    @cached_property
    def effective(self):
        from .periods import find_effective

        return find_effective(self.index)

    @cached_property
    def header_effective(self) -> dt.date | None:
        """The 施行 date the header states (题注 or dated history lines: （2018年4月26日……公布　自2018年7月1日起施行）;
        2014年7月1日 施行), for an issued document whose text lacks its 施行 article."""
        block = self.doc.title_block
        for line in [block.note or "", *block.history]:
            found = _HEADER_EFFECTIVE.search(line)
            if found:
                try:
                    return dt.date(int(found["y"]), int(found["m"]), int(found["d"]))
                except ValueError:
                    continue
        return None

    @cached_property
    def validity(self):
        from .periods import find_validity

        return find_validity(self.index)

    @cached_property
    def references(self):
        from .references import find_references

        return find_references(self.index)

    @cached_property
    def citations(self):
        """Citations of other instruments (《…》第X条第Y款第Z项, 本法/该法, 文号), see citations.py."""
        from .citations import find_citations

        return find_citations(self.index)

    @cached_property
    def clauses(self):
        """Sentences split into subject, modal (应当/不得/须/可以) and object, see clauses.py."""
        from functools import partial

        from .clauses import find_clauses

        return find_clauses(self.index, partial(lead_in, self.parents))  # (not a bound method: no cycle via Facts)

    def lead_of(self, node) -> str | None:
        """The lead-in of the list ``node`` is an item of (``lead_in``), computed once per node: a ``clause``
        rule asks it of every trigger it reads."""
        leads = self._leads
        key = id(node)
        if key in leads:
            return leads[key]
        found = leads[key] = lead_in(self.parents, node)
        return found

    @cached_property
    def _leads(self) -> dict[int, str | None]:
        return {}

    def subject_kind(self, clause, classify) -> str:
        """The subject class of ``clause`` (``clauses.Clause``) read with ``classify``, a rule's own subject terms
        (``kinds/clause.py``, ``public_subjects``): the list lead's subject for a clause that inherits it, else the
        subject found again in its sentence. Computed once per clause and ``classify`` (a rule's forms ask it of
        every clause of a sentence, for each trigger in it); the clauses live as long as these facts."""
        key = (id(clause), id(classify))
        kind = self._subject_kinds.get(key)
        if kind is None:
            if clause.inherited:
                kind = classify(clause.subject) if clause.subject else clause.subject_kind
            else:
                from .clauses import subject_of

                _, kind = subject_of(clause.sentence, clause.modal_start - clause.sentence_start, classify)
            self._subject_kinds[key] = kind
        return kind

    @cached_property
    def _subject_kinds(self) -> dict[tuple[int, int], str]:
        return {}

    @cached_property
    def triggers(self):
        """Sentences that make a procedure necessary (price clause, market obligations…), see triggers.py."""
        from .triggers import Triggers

        return Triggers(self.index, self.doc, self._now())

    as_of = None
    """The date the document is read at when it is not issued yet (a pre-issuance review: the review date, set by
    ``make_context``); None for an issued one."""

    def _now(self):
        """The date from which the document applies at the earliest: its effective date (else its publication date),
        and at a pre-issuance review not before ``as_of`` — a date before it is in the document's past."""
        own = self.dates.effective or self.dates.published
        return max((d for d in (own, self.as_of) if d is not None), default=None)

    @cached_property
    def departments(self) -> list[str]:
        """The departments (by field: 公安, 交通运输 …) the text gives duties to, other than the issuer's own — the
        issuer as the record names it, else as the 落款 reads (SUBJ-04)."""
        from .triggers import departments

        issuer = getattr(getattr(self._dossier, "issuer", None), "name", None)
        if issuer is None and self.doc.signature is not None:
            issuer = "".join(self.doc.signature.issuer) or None
        return departments(self.triggers.duties, issuer)

    # ---- fields for conditions ----
    @property
    def has_effective(self) -> bool:
        """The document states when it takes effect: a 施行 clause, or (an issued document) its header."""
        return bool(self.effective) or self.header_effective is not None

    @property
    def effective_kind(self) -> str | None:
        return self.effective[-1].kind if self.effective else None

    @property
    def effective_days_after(self) -> int | None:
        return self.effective[-1].days_after if self.effective else None

    @cached_property
    def issuer(self):
        """Who issues the document, as the record or the text shows it (see issuer.py)."""
        from .issuer import read_issuer

        return read_issuer(self.doc, self._dossier, self.index)

    @cached_property
    def dates(self):
        """Publication, effective and adoption dates, one answer for every rule (see dates.py)."""
        from .dates import DocDates

        signed = self.doc.signature.date if self.doc.signature else None
        return DocDates(self.effective, signed, self._dossier, self._calendar, self.header_effective)

    @property
    def publication_date(self) -> dt.date | None:
        """``dates.published``: the record's publication date, else the date under the 落款."""
        return self.dates.published

    @property
    def effective_date(self) -> dt.date | None:
        """``dates.effective``: from the 施行日期 clause, else the record's effective date."""
        return self.dates.effective

    @property
    def has_validity(self) -> bool:
        return bool(self.validity)

    @property
    def validity_years(self) -> float | None:
        for val in self.validity:
            years = val.years(self.effective_date)
            if years is not None:
                return years
        return None

    @property
    def validity_until(self) -> dt.date | None:
        return next((v.until for v in self.validity if v.until), None)


def lead_in(parents: dict, node) -> str | None:
    """The lead-in of the list ``node`` is an item of, when it ends with a colon (……应当履行下列义务：); else None.
    A 项 reads its 款; a 款 written as an item (一、……) reads the 款 before the run of items it belongs to."""
    if node.kind == "paragraph":
        if not _ITEM_START.match(node.text or ""):
            return None
        siblings = getattr(parents.get(id(node)), "children", [])
        at = next((i for i, n in enumerate(siblings) if n is node), 0)
        for earlier in reversed(siblings[:at]):
            text = (earlier.text or "").rstrip()
            if text.endswith(("：", ":")):
                return text
            if not _ITEM_START.match(text):
                return None
        return None
    if node.kind not in ("point", "hcontainer"):
        return None
    parent = parents.get(id(node))
    text = (getattr(parent, "text", None) or "").rstrip()
    return text if text.endswith(("：", ":")) else None
