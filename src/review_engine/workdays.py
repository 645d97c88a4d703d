"""Working-day arithmetic (工作日计算) on the official Chinese calendar.

Time limits of the review procedure are counted in working days (e.g. 合法性审核 "不少于5个工作日，
最长不超过15个工作日"). A day is a working day according to, for each year:

1. the State Council General Office's annual holiday arrangement (国务院办公厅节假日安排) as shipped
   by the ``chinese_calendar`` package (holidays, and weekend days made working days, 调休上班) — for the
   years that package covers (2004–2026 in version 1.11; a year it lacks raises ``NotImplementedError``
   there, which is how coverage is detected);
2. otherwise a **user calendar file**, if it declares that year::

       2027:
         holidays: [2027-01-01, 2027-02-06, ...]   # days off (weekdays or weekends)
         workdays: [2027-02-07, ...]               # adjusted working weekend days (调休上班)

   (the official data always wins for years it covers; a user year is Monday–Friday minus its
   ``holidays`` plus its ``workdays``);
3. otherwise Monday to Friday.

``WorkCalendar.sources(a, b)`` names, in Chinese and for use in findings, the calendar(s) used for the
years a span touches; ``WorkCalendar.used_sources`` those used by every query so far; ``with
calendar.recording() as used:`` collects the calendars of the queries made inside the block (``used.sources``),
so that a finding names exactly the calendar(s) its own arithmetic relied on.

Counting convention: ``workdays_between(a, b)`` is the number of working days **after** ``a`` up to and
including ``b`` ("received on a, opinion on b": a Monday to the next Monday is 5); it is negative, with
the same magnitude, when ``b`` is before ``a``. ``add_workdays(d, n)`` is the ``n``-th working day after
``d`` (``n > 0``), the ``|n|``-th working day before ``d`` (``n < 0``), or ``d`` itself (``n == 0``). So
``workdays_between(d, add_workdays(d, n)) == n`` for every ``n >= 0`` (and for ``n < 0`` when ``d`` is a
working day), and ``add_workdays(a, workdays_between(a, b)) == b`` whenever ``b >= a`` is a working day.
Results are computed from per-year prefix sums, so long spans cost no more than a loop over years.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict
from pydantic_core import PydanticCustomError

from . import yamlsource
from .yamlsource import IsoDate, YamlError, short

__all__ = [
    "FALLBACK_SOURCE",
    "OFFICIAL_SOURCE",
    "USER_SOURCE",
    "UserYear",
    "Recording",
    "WorkCalendar",
    "load_user_calendar",
    "parse_user_calendar",
]

OFFICIAL_SOURCE = "国务院办公厅节假日安排（chinese-calendar 数据）"
FALLBACK_SOURCE = "按周一至周五推算（缺少该年度官方安排）"
USER_SOURCE = "用户日历文件 {path}"


# --------------------------------------------------------------------------------------------
# User calendar file
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UserYear:
    """One year of a user calendar file."""

    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()
    """Adjusted working weekend days (调休上班)."""


def _date_list(value: Any) -> Any:
    if value is not None and not isinstance(value, list):
        raise PydanticCustomError("yaml_value", "类型错误：应为日期列表")
    return value


def _weekend(day: date) -> date:
    if day.weekday() < 5:
        raise PydanticCustomError("yaml_value", "{day} 不是周六或周日，无需列为调休上班日", {"day": day.isoformat()})
    return day


def _year(value: Any) -> Any:
    text = str(value).strip() if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
    if not re.fullmatch(r"\d{4}", text) or not 1 <= int(text) <= 9999:
        raise PydanticCustomError("yaml_value", "“{value}”不是年份 (应为四位年份，如 2027)", {"value": short(str(value))})
    return int(text)


class _YearEntry(BaseModel):
    """A year of the file as written: ``{holidays: [...], workdays: [...]}``."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    holidays: Annotated[list[IsoDate] | None, BeforeValidator(_date_list)] = None
    workdays: Annotated[list[Annotated[IsoDate, AfterValidator(_weekend)]] | None, BeforeValidator(_date_list)] = None


@lru_cache(maxsize=None)
def _calendar_file() -> type:
    """The model of a whole calendar file: made when a file is first read (a generic root model is built as it is
    made, a cost every review would pay otherwise)."""
    from pydantic import RootModel

    class _CalendarFile(RootModel[dict[Annotated[int, BeforeValidator(_year)], _YearEntry | None]]):
        pass

    return _CalendarFile


def load_user_calendar(path: Path | str) -> dict[int, UserYear]:
    """Read a user calendar file (YAML, see the module docstring) into ``{year: UserYear}``.

    Raises ``yamlsource.YamlError`` (file, line, column, Chinese message; all problems at once) for an unreadable
    file, YAML syntax errors, a year key that is not a year, unknown keys, dates that are not real
    ``YYYY-MM-DD`` dates or lie in another year, a day both holiday and workday, and a "workday" that is
    not a Saturday or Sunday. An empty file gives ``{}``.
    """
    return _user_years(yamlsource.read(path))


def parse_user_calendar(text: str, *, file: str = "calendar.yaml") -> dict[int, UserYear]:
    """``load_user_calendar`` on a text already read."""
    return _user_years(yamlsource.load(text, file))


def _user_years(doc: yamlsource.YamlDocument) -> dict[int, UserYear]:
    if doc.data is None:
        return {}
    if not isinstance(doc.data, dict):
        raise YamlError([doc.problem((), "日历文件顶层应为映射：年份: {holidays: [...], workdays: [...]}")])
    years = doc.validate(_calendar_file()).root
    problems = []
    result: dict[int, UserYear] = {}
    keys = {_year(k): k for k in doc.data}  # the key as written, to locate problems
    for year, entry in years.items():
        holidays = set(entry.holidays or ()) if entry else set()
        workdays = set(entry.workdays or ()) if entry else set()
        for name, days in (("holidays", entry.holidays if entry else None), ("workdays", entry.workdays if entry else None)):
            for index, day in enumerate(days or ()):
                where = (keys[year], name, index)
                if day.year != year:
                    problems.append(doc.problem(where, f"日期 {day.isoformat()} 不在 {year} 年内"))
        for day in sorted(holidays & workdays):
            problems.append(doc.problem((keys[year],), f"{day.isoformat()} 同时列为节假日和调休上班日"))
        result[year] = UserYear(frozenset(holidays), frozenset(workdays))
    if problems:
        raise YamlError(problems)
    return result


_USER_CACHE: dict[tuple[str, int, int], dict[int, UserYear]] = {}


def _user_calendar_cached(path: Path) -> dict[int, UserYear]:
    """``load_user_calendar`` once per file version (a review builds one calendar per document)."""
    try:
        stat = path.stat()
    except OSError:
        return load_user_calendar(path)  # raises YamlError naming the file
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _USER_CACHE:
        _USER_CACHE[key] = load_user_calendar(path)
    return _USER_CACHE[key]


# --------------------------------------------------------------------------------------------
# Calendar
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _official_year(year: int) -> tuple[bool, ...] | None:
    """Working-day flags of every day of ``year`` from chinese_calendar, or ``None`` if not covered (the package
    is imported when a working day is first counted: a review without a period in working days reads none)."""
    import chinese_calendar

    start = date(year, 1, 1)
    try:
        chinese_calendar.is_workday(start)
    except NotImplementedError:
        return None
    days = (date(year + 1, 1, 1) - start).days if year < 9999 else 365
    return tuple(chinese_calendar.is_workday(start + timedelta(i)) for i in range(days))


def _weekday_year(year: int, user: UserYear | None = None) -> tuple[bool, ...]:
    start = date(year, 1, 1)
    days = (date(year + 1, 1, 1) - start).days if year < 9999 else 365
    flags = []
    for i in range(days):
        d = start + timedelta(i)
        if user is not None and d in user.workdays:
            flags.append(True)
        elif user is not None and d in user.holidays:
            flags.append(False)
        else:
            flags.append(d.weekday() < 5)
    return tuple(flags)


@dataclass
class _Year:
    source: str
    flags: tuple[bool, ...]
    prefix: list[int] = field(init=False)
    """prefix[i] = working days among the first i days of the year."""

    def __post_init__(self) -> None:
        self.prefix = [0]
        for flag in self.flags:
            self.prefix.append(self.prefix[-1] + flag)

    @property
    def total(self) -> int:
        return self.prefix[-1]


def _as_date(d: date) -> date:
    if isinstance(d, datetime):
        return d.date()
    if not isinstance(d, date):
        raise TypeError(f"expected a datetime.date, got {type(d).__name__}")
    return d


@dataclass(eq=False)
class Recording:
    """The years a block of queries touched (see ``WorkCalendar.recording``)."""

    calendar: WorkCalendar
    years: set[int] = field(default_factory=set)

    @property
    def sources(self) -> list[str]:
        """The distinct calendars used, in year order (empty when no working days were counted)."""
        return list(dict.fromkeys(self.calendar._years[y].source for y in sorted(self.years)))


class WorkCalendar:
    """Working days by the official calendar, a user calendar file, or Monday–Friday (in that order).

    ``user_calendar`` is a path to a user calendar file (read with ``load_user_calendar``, errors raise
    ``yamlsource.YamlError``) or an already loaded ``{year: UserYear}`` mapping.
    """

    def __init__(self, user_calendar: Path | str | Mapping[int, UserYear] | None = None) -> None:
        self.user_calendar_path: Path | None = None
        self._user: dict[int, UserYear] = {}
        if isinstance(user_calendar, (str, Path)):
            self.user_calendar_path = Path(user_calendar)
            self._user = dict(_user_calendar_cached(self.user_calendar_path))
        elif user_calendar is not None:
            self._user = dict(user_calendar)
        self._years: dict[int, _Year] = {}
        self._used: set[int] = set()
        self._recorders: list[Recording] = []

    # -- per year ---------------------------------------------------------------------------

    def _year(self, year: int) -> _Year:
        cached = self._years.get(year)
        if cached is None:
            official = _official_year(year)
            if official is not None:
                cached = _Year(OFFICIAL_SOURCE, official)
            elif year in self._user:
                source = USER_SOURCE.format(path=self.user_calendar_path or "（内存）")
                cached = _Year(source, _weekday_year(year, self._user[year]))
            else:
                cached = _Year(FALLBACK_SOURCE, _weekday_year(year))
            self._years[year] = cached
        self._used.add(year)
        for recorder in self._recorders:
            recorder.years.add(year)
        return cached

    @contextmanager
    def recording(self) -> Iterator[Recording]:
        """Collect the years (and so the calendars) that the queries made inside the block use."""
        recorder = Recording(self)
        self._recorders.append(recorder)
        try:
            yield recorder
        finally:
            self._recorders.remove(recorder)

    def source_for_year(self, year: int) -> str:
        """The calendar used for ``year`` (one of the Chinese source texts)."""
        return self._year(year).source

    def sources_by_year(self, a: date, b: date) -> dict[int, str]:
        """``{year: source}`` for every year from ``a`` to ``b`` (either order)."""
        lo, hi = sorted((_as_date(a).year, _as_date(b).year))
        return {y: self.source_for_year(y) for y in range(lo, hi + 1)}

    def sources(self, a: date, b: date) -> list[str]:
        """The distinct calendars used for the years from ``a`` to ``b``, in year order."""
        return list(dict.fromkeys(self.sources_by_year(a, b).values()))

    @property
    def used_sources(self) -> list[str]:
        """The distinct calendars used by all queries made so far, in year order."""
        return list(dict.fromkeys(self._years[y].source for y in sorted(self._used)))

    # -- queries ----------------------------------------------------------------------------

    def is_workday(self, d: date) -> bool:
        """Whether ``d`` is a working day."""
        d = _as_date(d)
        return self._year(d.year).flags[d.timetuple().tm_yday - 1]

    def _through(self, d: date) -> int:
        """Working days from 1 January of ``d.year`` up to and including ``d``."""
        return self._year(d.year).prefix[d.timetuple().tm_yday]

    def workdays_between(self, a: date, b: date) -> int:
        """Working days after ``a`` up to and including ``b`` (negative when ``b < a``)."""
        a, b = _as_date(a), _as_date(b)
        if b < a:
            return -self.workdays_between(b, a)
        total = sum(self._year(y).total for y in range(a.year, b.year))
        return total + self._through(b) - self._through(a)

    def add_workdays(self, d: date, n: int) -> date:
        """The ``n``-th working day after ``d`` (before it when ``n < 0``; ``d`` when ``n == 0``).

        Raises ``OverflowError`` when the result would fall outside years 1–9999.
        """
        d = _as_date(d)
        if isinstance(n, bool) or not isinstance(n, int):
            raise TypeError(f"n must be an int, got {type(n).__name__}")
        if n == 0:
            return d
        year = d.year
        if n > 0:
            # target: the k-th working day of `year`, counting from 1 January
            k = self._through(d) + n
            while k > self._year(year).total:
                k -= self._year(year).total
                year += 1
                if year > 9999:
                    raise OverflowError("date out of range")
        else:
            k = self._through(d) - self.is_workday(d) + n + 1
            while k < 1:
                year -= 1
                if year < 1:
                    raise OverflowError("date out of range")
                k += self._year(year).total
        index = bisect_left(self._year(year).prefix, k)  # first i with prefix[i] >= k
        return date(year, 1, 1) + timedelta(index - 1)
