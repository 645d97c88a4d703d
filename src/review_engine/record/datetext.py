"""Dates as offices write them in the materials of a draft: the date mentions of one sentence, and the spans
(date ranges, lengths) between them.

* full dates: 2026年3月2日, 二〇二六年三月二日, 2026-03-02, 2026.3.2, 2026/3/2; 3月2日 (the year from the
  context: the last year the file named before, given by the caller); 2日 after a range connector (3月2日至15日);
  2026年3月 (a month only: ``day`` is None, it still sets the context year);
* relative days: 同日 / 当日 / 当天 (the last full date before), 次日 / 翌日 / 第二天 (the day after it);
* ranges: A至B, A—B, A到B, 自A起至B止, 从A到B;
* lengths: 为期30日, 期限为三十日, 征求意见时间30天, 为期一个月 (months and working days are kept apart: they
  are not a number of days).

Numerals go through ``review_engine.numerals``. Nothing here guesses: a date that is not a real calendar date
(2月30日) or whose year cannot be known is left out (``day`` None).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..numerals import to_int

_CN = "〇零○Ｏ一二三四五六七八九十"
_YEAR = rf"(?P<y>(?:19|20)\d{{2}}|[{_CN}]{{4}})\s*年"
_MONTH = rf"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?:份)?"
_DAY = rf"(?P<d>3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号]"
DATE = re.compile(
    rf"(?:{_YEAR}\s*|(?P<rel>今年|本年|去年|上年|明年|次年|翌年)\s*)?{_MONTH}\s*(?:{_DAY})?"
    rf"|(?P<iy>(?:19|20)\d{{2}})(?P<sep>[-./])(?P<im>1[0-2]|0?[1-9])(?P=sep)(?P<id>3[01]|[12]\d|0?[1-9])(?!\d)"
    rf"|(?P<ly>(?:19|20)\d{{2}}|[{_CN}]{{4}})\s*年(?!\s*[度底初末内以来])"
)
#: A day of the same month after a connector: 3月2日至15日.
_BARE_DAY = re.compile(rf"{_DAY}")
RELATIVE = re.compile(r"同日|当日|当天|次日|翌日|第二天")
CONNECTOR = re.compile(r"\s*(?:起[，,]?)?\s*(?:至|到|—+|－|–|―|-|~|～|〜)\s*(?:同年\s*)?(?:次年|翌年|今年|本年|明年)?$")
LENGTH = re.compile(
    rf"(?:为期|期限为|期限|时间为|时间|时长|历时|共计|共|公示期为?|征求意见期为?|公示时间为?|(?:公开)?征求意见|公示|挂网)\s*(?P<n>\d+|[{_CN}百两]+)\s*(?P<unit>个工作日|个自然日|自然日|工作日|日|天|个月|周)"
)


@dataclass(frozen=True)
class Mention:
    """A date in a text: ``day`` when it is a full, real date; ``year`` alone for 2026年 / 2026年3月."""

    start: int
    end: int
    day: dt.date | None
    year: int | None
    explicit_year: bool
    text: str
    planned: bool = False
    """A date an act is planned for (拟于2026年1月上旬): it does not carry the chronicle's year on."""


@dataclass(frozen=True)
class Span:
    """A range of dates (first and last day, either may be unknown) at ``start:end`` of the text."""

    start: int
    end: int
    first: dt.date | None
    last: dt.date | None


@dataclass(frozen=True)
class Length:
    """A stated length: ``days`` for days (日/天/自然日), ``workdays`` for 工作日, ``months`` for 个月."""

    start: int
    end: int
    days: int | None = None
    workdays: int | None = None
    months: int | None = None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    digits = "".join(str(to_int(ch)) if to_int(ch) is not None and ch != "十" else "?" for ch in text)
    return int(digits) if digits.isdigit() else None


def _num(text: str | None) -> int | None:
    if text is None:
        return None
    value = to_int(text)
    return value


def _make(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_REL_YEAR = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "明年": 1}
#: A date announced for an act still to come (拟于、计划于、预计、将于、定于 right before it in its clause).
_AHEAD = re.compile(r"(?:拟|计划|预计|将|准备|定)(?:于|在)?\s*$")


def planned_at(text: str, pos: int) -> bool:
    """Whether the date at ``pos`` is the day of an act still to come (拟于2026年1月上旬邀请专家论证)."""
    clause = re.split(r"[，,；;。]", text[:pos])[-1]
    return _AHEAD.search(clause) is not None


def mentions(text: str, year: int | None = None, last: dt.date | None = None,
             this_year: int | None = None, mark: tuple[int, int] | None = None,
             limit: dt.date | None = None) -> list[Mention]:
    """The dates of ``text`` in order; ``year`` is the context year for dates written without one, ``last`` the
    last full date before the text (for 同日 / 次日), ``this_year`` the year of the document (for 今年, 去年);
    次年 / 翌年 is the year after the context year. ``mark`` (year, month) is the latest month named before: a
    chronicle that reaches 2025年12月 and goes on with 3月2日 has crossed into the next year — when ``limit`` (the
    document's own date) allows it. The day of a plan (拟于2026年1月上旬) does not set the year of the dates after
    it, and a date without a year that the context would put in a year after the document's own is left unknown
    rather than guessed."""
    found: list[Mention] = []
    for m in DATE.finditer(text):
        if m.group("iy"):
            y = int(m.group("iy"))
            day = _make(y, int(m.group("im")), int(m.group("id")))
            ahead = planned_at(text, m.start())
            found.append(Mention(m.start(), m.end(), day, y, True, m.group(0), ahead))
            if day is not None and not ahead:
                year, last = y, day
            continue
        if m.group("ly"):
            y = _year(m.group("ly"))
            if y is not None:
                ahead = planned_at(text, m.start())
                found.append(Mention(m.start(), m.end(), None, y, True, m.group(0), ahead))
                year = year if ahead else y
            continue
        explicit = m.group("y") is not None
        y = _year(m.group("y")) if explicit else year
        rel = m.group("rel")
        if rel in _REL_YEAR:
            y, explicit = (this_year + _REL_YEAR[rel] if this_year is not None else None), this_year is not None
            if y is None:
                continue
        elif rel:
            base = found[-1].year if found and found[-1].year else year
            y, explicit = (base + 1 if base is not None else None), base is not None
            if y is None:
                continue
        if explicit and y is None:
            continue
        month = _num(m.group("m"))
        day_no = _num(m.group("d"))
        if not explicit and not rel and y is not None and mark is not None and mark[0] == y and month is not None \
                and month + 2 < mark[1]:
            later = _make(y + 1, month, day_no or 1)
            if later is not None and (limit is None or later <= limit):
                y = y + 1
        day = _make(y, month, day_no) if day_no is not None else None
        ahead = planned_at(text, m.start())
        if day is not None and not explicit and not ahead and limit is not None and y > limit.year and day > limit:
            day = None  # the context's year is past the document's own: this date's year is not known
        found.append(Mention(m.start(), m.end(), day, y, explicit, m.group(0), ahead))
        if ahead:
            continue  # the day of a plan (拟于2026年1月上旬……) is no step of the chronicle: the year stays
        if y is not None and month is not None:
            mark = (y, month)
        if y is not None:
            year = y
        if day is not None:
            last = day
    found += _relatives(text, found, last)
    found += _bare_days(text, found)
    found.sort(key=lambda x: x.start)
    return found


def _relatives(text: str, found: list[Mention], last: dt.date | None) -> list[Mention]:
    out = []
    for m in RELATIVE.finditer(text):
        before = [f.day for f in found if f.end <= m.start() and f.day is not None]
        base = before[-1] if before else last
        if base is None:
            continue
        day = base if m.group(0) in ("同日", "当日", "当天") else base + dt.timedelta(days=1)
        out.append(Mention(m.start(), m.end(), day, day.year, False, m.group(0)))
    return out


def _bare_days(text: str, found: list[Mention]) -> list[Mention]:
    """15日 in 3月2日至15日: a day of the month of the date before the connector."""
    out = []
    for prev in found:
        if prev.day is None:
            continue
        rest = text[prev.end:]
        conn = re.match(r"\s*(?:起)?\s*(?:至|到|—+|－|–|―|-|~|～|〜)\s*", rest)
        if not conn:
            continue
        at = prev.end + conn.end()
        if any(f.start == at for f in found):
            continue
        m = _BARE_DAY.match(text, at)
        if m:
            day = _make(prev.day.year, prev.day.month, _num(m.group("d")))
            if day is not None and day >= prev.day:
                out.append(Mention(m.start(), m.end(), day, day.year, False, m.group(0)))
    return out


def spans(text: str, found: list[Mention]) -> list[Span]:
    """Date ranges: two full dates joined by a connector (至, 到, —, 自…起至…止), in order."""
    out: list[Span] = []
    days = [f for f in found if f.day is not None]
    used: set[int] = set()
    for a, b in zip(days, days[1:]):
        if a.start in used:
            continue
        between = re.sub(r"[（(][^）)]{1,8}[）)]|\d{1,2}(?:[时点](?:\d{1,2}分)?|:\d{2})|[上下]午|[零〇一二三四五六七八九十]+时", "",
                         text[a.end:b.start])
        if CONNECTOR.match(between) or re.fullmatch(r"\s*(?:起[，,]?)?\s*(?:至|到)\s*", between):
            first, last = a.day, b.day
            if last is not None and first is not None and last < first and not b.explicit_year:
                try:  # 12月20日至1月19日: the end is in the next year
                    last = last.replace(year=last.year + 1)
                except ValueError:
                    last = None
            if first is not None and last is not None and last >= first:
                out.append(Span(a.start, b.end, first, last))
                used.add(b.start)
    return out


def lengths(text: str) -> list[Length]:
    """Stated lengths (为期30日, 期限为三十日, 为期一个月, 10个工作日)."""
    out = []
    for m in LENGTH.finditer(text):
        n = to_int(m.group("n").replace("两", "二"))
        if n is None or n <= 0:
            continue
        unit = m.group("unit")
        if "工作日" in unit:
            out.append(Length(m.start(), m.end(), workdays=n))
        elif unit == "个月":
            out.append(Length(m.start(), m.end(), months=n))
        elif unit == "周":
            out.append(Length(m.start(), m.end(), days=n * 7))
        else:
            out.append(Length(m.start(), m.end(), days=n))
    return out


def month_of(text: str) -> int | None:
    value = _num(text)
    return value if value is not None and 1 <= value <= 12 else None


def last_year(text: str, year: int | None) -> int | None:
    """The context year after ``text``: the last year it names, else ``year``."""
    for m in mentions(text, year):
        if m.explicit_year and m.year is not None:
            year = m.year
    return year


__all__ = ["CONNECTOR", "DATE", "LENGTH", "Length", "Mention", "Span", "last_year", "lengths", "mentions", "month_of",
           "planned_at", "spans"]
