"""施行日期 and 有效期 read from the text of a draft.

Effective date (施行日期), as drafts write it:
    自2026年3月1日起施行 · 自二〇二六年三月一日起执行 · 自公布之日起施行 · 自印发之日起实施
    自公布之日起30日后施行 · 自发布之日起三十日后施行 · 本办法自印发之日起施行
    自2027年2月16日起试行 (a document on trial takes effect on that day: 试行 is its 施行)
Validity (有效期):
    有效期5年 · 有效期为五年 · 有效期限为2年 · 有效期三年 · 试行期为二年 · 有效期至2028年3月14日
    有效期自2026年3月1日起至2031年2月28日止 · 有效期18个月
  A validity stated of a thing the clause names before it (农药经营许可证有效期为5年, 备案证明的有效期为三年) is that
  thing's, not the document's, and is not read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..numerals import to_int
from .text import TextIndex, Unit
from ..numerals import CN_NUM

_DIGIT = rf"[\d０-９]+|{CN_NUM}"
_DATE = rf"(?P<y>\d{{4}}|[〇零○Ｏ一二三四五六七八九]{{4}})\s*年\s*(?P<m>{_DIGIT})\s*月\s*(?P<d>{_DIGIT})\s*日"
_TAKES_EFFECT = "施行|执行|实施|生效|试行"
"""The verbs of a 施行 clause (a document on trial takes effect by 试行)."""
_EFFECTIVE_DATE = re.compile(rf"自\s*{_DATE}\s*起(?:{_TAKES_EFFECT})")
_EFFECTIVE_EVENT = re.compile(
    rf"自(?:公布|发布|印发|发文|下发|颁布|签发|公告|通过|批准)(?:之日|日)(?:起)?(?:(?P<n>{_DIGIT})\s*(?P<unit>日|天|个工作日)(?:以)?后)?(?:起)?(?:{_TAKES_EFFECT})")
# A 施行 clause the two patterns above cannot read (a typo in the date, 一九九五年八月l日 …).
_EFFECTIVE_ANY = re.compile(
    r"本(?:实施)?(?:办法|规定|细则|条例|决定|意见|通知|规则|标准|规范|守则|通告|公告|措施|方案)》?\s*"
    rf"(?P<clause>自[^。；，]{{1,24}}?起(?:{_TAKES_EFFECT}))")
_VALIDITY_SPAN = re.compile(rf"(?:有效期|有效期限|试行期|暂行期)(?:限)?(?:为|是)?\s*(?P<n>{_DIGIT}|半)\s*(?P<unit>年|个月|月)")
_VALIDITY_UNTIL = re.compile(rf"(?:有效期|有效期限|试行期)(?:[^。；]{{0,30}}?)?至\s*{_DATE}(?:止)?")
_VALIDITY_WORD = re.compile(r"有效期|有效期限|试行期|暂行期|届满(?:后)?(?:自动)?失效")


@dataclass
class Effective:
    unit: Unit
    start: int
    end: int
    kind: str
    """``date`` (自2026年3月1日起施行), ``publication`` (自公布之日起施行), ``after_publication``
    (…30日后施行) or ``unparsed`` (a 施行 clause whose date cannot be read)."""
    date: dt.date | None = None
    days_after: int | None = None
    workdays: bool = False

    @property
    def text(self) -> str:
        return self.unit.text[self.start:self.end]


@dataclass
class Validity:
    unit: Unit
    start: int
    end: int
    months: int | None = None
    """Length stated as a span (有效期5年 → 60)."""
    until: dt.date | None = None
    """End date stated (有效期至2028年3月14日)."""

    @property
    def text(self) -> str:
        return self.unit.text[self.start:self.end]

    def years(self, effective: dt.date | None) -> float | None:
        """The validity in years: from a stated span, or from the effective date to the end date."""
        if self.months is not None:
            return self.months / 12
        if self.until is not None and effective is not None:
            return (self.until - effective).days / 365.25
        return None


def _date(found: re.Match) -> dt.date | None:
    year, month, day = (to_int(found.group(k)) for k in ("y", "m", "d"))
    if None in (year, month, day):
        return None
    try:
        return dt.date(year, month, day)  # type: ignore[arg-type]
    except ValueError:
        return None


def find_effective(index: TextIndex) -> list[Effective]:
    out = []
    for unit in index.by_scope["text"]:
        text = unit.text
        if "施行" not in text and "执行" not in text and "实施" not in text and "生效" not in text and "试行" not in text:
            continue
        before = len(out)
        for found in _EFFECTIVE_DATE.finditer(text):
            out.append(Effective(unit, found.start(), found.end(), "date", date=_date(found)))
        for found in _EFFECTIVE_EVENT.finditer(text):
            if found.group("n"):
                out.append(Effective(unit, found.start(), found.end(), "after_publication",
                                     days_after=to_int(found.group("n")), workdays="工作日" in found.group("unit")))
            else:
                out.append(Effective(unit, found.start(), found.end(), "publication"))
        if len(out) == before:
            for found in _EFFECTIVE_ANY.finditer(text):
                out.append(Effective(unit, found.start("clause"), found.end("clause"), "unparsed"))
    return out


# the thing whose validity a clause states when it names one before 有效期 (农药经营许可证有效期为5年, 备案证明的有效期为
# 三年): a licence, a certificate or an agreement, not the document (本办法有效期 and a bare 有效期 are the document's)
_HOLDER = re.compile(r"(?:证|证书|证件|证明|执照|许可|批准文件|批文|批复|资格|资质|备案|登记|协议|合同|承诺书?|认定|称号|名录|"
                     r"标志|标识|牌照|凭证|卡|码|报告|意见书|结果|决定书)(?:的)?$")
_CLAUSE_HEAD = re.compile(r"[^，,。；;：:]*$")


def _of_a_holder(text: str, start: int) -> bool:
    """Whether the 有效期 at ``start`` is stated of a thing the clause names before it (``_HOLDER``)."""
    head = _CLAUSE_HEAD.search(text, 0, start).group()
    return _HOLDER.search(head) is not None and not re.search(r"本(?:办法|规定|文件|通知|意见|细则|方案|措施|决定|规则)", head)


def find_validity(index: TextIndex) -> list[Validity]:
    out = []
    for unit in index.by_scope["text"]:
        text = unit.text
        if not _VALIDITY_WORD.search(text):
            continue
        for found in _VALIDITY_UNTIL.finditer(text):
            if _of_a_holder(text, found.start()):
                continue
            out.append(Validity(unit, found.start(), found.end(), until=_date(found)))
        for found in _VALIDITY_SPAN.finditer(text):
            if _of_a_holder(text, found.start()):
                continue
            n = 0.5 if found.group("n") == "半" else to_int(found.group("n"))
            if n is None:
                continue
            months = int(n * 12) if found.group("unit") == "年" else int(n)
            out.append(Validity(unit, found.start(), found.end(), months=months))
        found = re.search(r"届满(?:后)?(?:自动)?失效", text) if not any(v.unit is unit for v in out) else None
        if found is not None and not _of_a_holder(text, max(text.rfind("有效期", 0, found.start()), 0)):
            # "有效期届满自动失效" without a length: a validity clause, length unknown
            out.append(Validity(unit, found.start(), found.end()))
    return out
