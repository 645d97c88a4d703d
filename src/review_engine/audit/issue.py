"""What an issued document says of itself: its 文号, when it was issued, when it took effect, until when it is valid.

A stock is mostly files without a record, so each fact is read from the best source there is, and the source is
kept with it (the 清理 list shows it):

* ``doc_number`` — the record's ``registration_no`` is a 登记号, not a 文号, so: the 文号 under the title
  (``title_block.doc_number``), else a 令号 in the 题注 (国家版权局令第5号), else one in the file name
  (``…(国办发〔2018〕118号).md``);
* ``issued`` — the record's ``publication.date``, else the date under the 落款, else the latest date of the
  header (题注 and dated history lines: 通过, 公布, 修正, 修订 — the date the current text was made; 施行 dates
  are not issue dates), else a date in the file name (``…(2020-09-25).md``);
* ``effective`` — the document's ``dates.effective`` (its 施行 clause, the header, the record);
* ``own`` — the date the current text applies from: the later of ``issued`` and ``effective`` (an amended
  regulation keeps the 施行 clause of its first text). Citations are checked on this date too;
* ``validity`` — the document's own 有效期 (a clause about the document itself: 本办法……有效期至……, or one in its
  施行 sentence; 许可证的有效期为三年 is not the document's), and the day it ends: a stated end date, else the
  span counted from ``effective`` (else ``issued``), ending the day before (有效期5年 from 2018-06-01 ends
  2023-05-31).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from ..numerals import CN_NUM, to_int

_DAY = rf"(?P<y>\d{{4}}|[〇零○Ｏ一二三四五六七八九]{{4}})\s*年\s*(?P<m>\d{{1,2}}|{CN_NUM})\s*月\s*(?P<d>\d{{1,2}}|{CN_NUM})\s*日"
_HEADER_DATE = re.compile(_DAY + r"(?P<after>[^，,。；（）()\s]{0,3}\s*(?:起)?\s*(?:施行|实施|生效))?")
_ORDER_NUMBER = re.compile(r"(?:中华人民共和国)?[\u4e00-\u9fff、]{2,40}?令(?:\d{4}年)?第?\s*[\d〇零一二三四五六七八九十百千]+\s*号")
_NAME_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}〔\d{4}〕\d+号")
_NAME_DATE = re.compile(r"\((?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\)")
_SELF = re.compile(r"本(?:实施)?(?:办法|规定|细则|意见|通知|决定|规则|标准|规范|措施|方案|文件|目录|清单|指引|条例|制度|"
                   r"准则|办法》|规定》)|(?:施行|实施|执行|印发|发布|公布)之日起|起(?:施行|实施|执行)")
_NOT_SELF = re.compile(r"证|照|许可|批复|批准文件|资格|资质|登记|备案|认定|认证|合同|协议|决定书|凭证|票|卡|报告|意见书|证明")


@dataclass
class Issue:
    doc_number: str | None = None
    doc_number_from: str = ""
    issued: dt.date | None = None
    issued_from: str = ""
    effective: dt.date | None = None
    effective_from: str = ""
    validity: str | None = None
    """The validity clause as written (有效期至2023年5月31日)."""
    validity_at: str = ""
    """Where it is (第五十条)."""
    validity_end: dt.date | None = None
    """The last day the document is valid (None: no validity of its own, or its length could not be counted)."""

    @property
    def own(self) -> dt.date | None:
        days = [d for d in (self.issued, self.effective) if d is not None]
        return max(days) if days else None

    def as_dict(self) -> dict:
        out = {}
        for key, value in self.__dict__.items():
            out[key] = value.isoformat() if isinstance(value, dt.date) else value
        out["own"] = self.own.isoformat() if self.own else None
        return out


def _day(found: re.Match) -> dt.date | None:
    year, month, day = (to_int(found.group(k)) for k in ("y", "m", "d"))
    try:
        return dt.date(year, month, day) if None not in (year, month, day) else None  # type: ignore[arg-type]
    except ValueError:
        return None


def header_issued(note: str | None, history: list[str]) -> dt.date | None:
    """The latest date of the header that is not a 施行 date (公布, 通过, 修正, 修订 …)."""
    found = []
    for line in [note or "", *history]:
        for match in _HEADER_DATE.finditer(line):
            if match.group("after"):
                continue
            day = _day(match)
            if day is not None:
                found.append(day)
    return max(found) if found else None


_DATED_LINE = re.compile(r"^\s*[（(]?\s*(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年.{0,12}?日.{0,80}(?:通过|修正|修订|公布|发布|批准|修改)")


def _dated_preamble(doc) -> list[str]:
    """Dated header lines the parser left in the preamble (a history line or a 题注 broken in two)."""
    return [node.text for node in doc.preamble if _DATED_LINE.match(node.text or "")]


def read_issue(doc, facts, record=None, path=None) -> Issue:
    """The issue facts of a parsed document (``facts``: its ``facts.Facts``; ``record``: its procedural record;
    ``path``: its file, whose name may carry a 文号 or a date)."""
    issue = Issue()
    block = doc.title_block
    name = getattr(path, "stem", "") or ""
    if block.doc_number:
        issue.doc_number, issue.doc_number_from = block.doc_number, "文号"
    elif (order := _ORDER_NUMBER.search(re.sub(_DAY, " ", " ".join([block.note or "", *block.history,
                                                                    *_dated_preamble(doc)])))):
        issue.doc_number = unicodedata.normalize("NFKC", re.sub(r"\s", "", order.group(0)))
        issue.doc_number_from = "题注"
    elif (numbered := _NAME_NUMBER.search(name)):
        issue.doc_number, issue.doc_number_from = numbered.group(0), "文件名"
    published = getattr(getattr(getattr(record, "dossier", None), "publication", None), "date", None)
    signed = doc.signature.date if doc.signature is not None else None
    header = header_issued(block.note, block.history + _dated_preamble(doc))
    named = _NAME_DATE.search(name)
    if published is not None:
        issue.issued, issue.issued_from = published, "程序记录"
    elif signed is not None:
        issue.issued, issue.issued_from = signed, "落款"
    elif header is not None:
        issue.issued, issue.issued_from = header, "题注"
    elif named is not None and (day := _day(named)) is not None:
        issue.issued, issue.issued_from = day, "文件名"
    dates = facts.dates
    if dates.effective is not None:
        issue.effective, issue.effective_from = dates.effective, dates.effective_from
    _validity(issue, facts)
    return issue


def own_validity(facts) -> list:
    """The validity clauses about the document itself (not the validity of a licence it mentions)."""
    out = []
    for val in facts.validity:
        text = val.unit.text
        left = max(text.rfind("。", 0, val.start), text.rfind("；", 0, val.start)) + 1
        right = min((i for i in (text.find("。", val.end), text.find("；", val.end)) if i >= 0), default=len(text))
        before = text[left:val.start]
        if _NOT_SELF.search(before):
            continue
        if _SELF.search(text[left:right]):
            out.append(val)
    return out


def _validity(issue: Issue, facts) -> None:
    own = own_validity(facts)
    if not own:
        return
    val = own[-1]
    issue.validity, issue.validity_at = val.text, val.unit.label or ""
    if val.until is not None:
        issue.validity_end = val.until
        return
    start = issue.effective or issue.issued
    if val.months is not None and start is not None:
        issue.validity_end = _add_months(start, val.months) - dt.timedelta(days=1)


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)
