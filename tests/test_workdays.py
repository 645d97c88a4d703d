"""Working-day arithmetic on the official Chinese holiday arrangement (chinese_calendar)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from review_engine.yamlsource import YamlError
from review_engine.workdays import (
    FALLBACK_SOURCE,
    OFFICIAL_SOURCE,
    UserYear,
    WorkCalendar,
    load_user_calendar,
)

D = date
CAL = WorkCalendar()


def test_plain_week_counts_like_received_and_opinion():
    # Monday 2024-03-04 → next Monday 2024-03-11: Tue, Wed, Thu, Fri, Mon
    assert CAL.workdays_between(D(2024, 3, 4), D(2024, 3, 11)) == 5
    assert CAL.workdays_between(D(2024, 3, 4), D(2024, 3, 4)) == 0
    assert CAL.workdays_between(D(2024, 3, 11), D(2024, 3, 4)) == -5
    assert CAL.add_workdays(D(2024, 3, 4), 5) == D(2024, 3, 11)


def test_spring_festival_2024():
    # the 2024 arrangement as chinese_calendar has it: 2-10..2-17 off; Sun 2-4 and Sun 2-18 working
    assert all(not chinese_calendar.is_workday(D(2024, 2, d)) for d in range(10, 18))
    assert chinese_calendar.is_workday(D(2024, 2, 4)) and chinese_calendar.is_workday(D(2024, 2, 18))
    assert chinese_calendar.is_workday(D(2024, 2, 9))  # 除夕 is not a statutory day off in 2024
    expected = sum(chinese_calendar.is_workday(D(2024, 2, 8) + timedelta(i)) for i in range(1, 12))
    assert expected == 3  # 2-9, 2-18, 2-19
    assert CAL.workdays_between(D(2024, 2, 8), D(2024, 2, 19)) == 3
    assert CAL.is_workday(D(2024, 2, 18)) and not CAL.is_workday(D(2024, 2, 12))
    assert CAL.add_workdays(D(2024, 2, 9), 1) == D(2024, 2, 18)
    assert CAL.sources(D(2024, 2, 8), D(2024, 2, 19)) == [OFFICIAL_SOURCE]


def test_national_day_2025():
    assert chinese_calendar.is_workday(D(2025, 9, 28))  # Sunday, adjusted working day
    assert all(not chinese_calendar.is_workday(D(2025, 10, d)) for d in range(1, 9))
    assert chinese_calendar.is_workday(D(2025, 10, 11))  # Saturday, adjusted working day
    # received Fri 9-26, opinion Mon 10-13: 9-28, 9-29, 9-30, 10-9, 10-10, 10-11, 10-13
    assert CAL.workdays_between(D(2025, 9, 26), D(2025, 10, 13)) == 7
    assert CAL.is_workday(D(2025, 9, 28)) and CAL.is_workday(D(2025, 10, 11))
    assert not CAL.is_workday(D(2025, 10, 8)) and not CAL.is_workday(D(2025, 10, 12))
    # five working days after receipt on 9-26 ends on 10-10
    assert CAL.add_workdays(D(2025, 9, 26), 5) == D(2025, 10, 10)
    assert CAL.add_workdays(D(2025, 10, 9), -1) == D(2025, 9, 30)


def test_year_end_into_year_without_official_data_falls_back_to_weekdays():
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(D(2027, 1, 4))
    cal = WorkCalendar()
    # 2026-12-29, 30, 31 (official) + 2027-01-01, 04, 05, 06, 07, 08 (Mon–Fri)
    assert cal.workdays_between(D(2026, 12, 28), D(2027, 1, 8)) == 9
    assert cal.is_workday(D(2027, 1, 1))
    assert cal.sources(D(2026, 12, 28), D(2027, 1, 8)) == [OFFICIAL_SOURCE, FALLBACK_SOURCE]
    assert cal.sources_by_year(D(2027, 1, 8), D(2026, 12, 28)) == {2026: OFFICIAL_SOURCE, 2027: FALLBACK_SOURCE}
    assert cal.used_sources == [OFFICIAL_SOURCE, FALLBACK_SOURCE]
    assert FALLBACK_SOURCE == "按周一至周五推算（缺少该年度官方安排）"
    assert OFFICIAL_SOURCE == "国务院办公厅节假日安排（chinese-calendar 数据）"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "calendar.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_year_end_with_user_calendar(tmp_path: Path):
    path = _write(
        tmp_path,
        "2027:\n  holidays: [2027-01-01, 2027-01-02, 2027-01-03]\n  workdays: []\n"
        "2026:\n  holidays: [2026-12-31]\n",  # ignored: official data covers 2026
    )
    cal = WorkCalendar(path)
    assert not cal.is_workday(D(2027, 1, 1))
    assert cal.is_workday(D(2026, 12, 31))
    assert cal.workdays_between(D(2026, 12, 28), D(2027, 1, 8)) == 8
    assert cal.sources(D(2026, 12, 28), D(2027, 1, 8)) == [OFFICIAL_SOURCE, f"用户日历文件 {path}"]
    assert cal.sources(D(2028, 1, 1), D(2028, 1, 1)) == [FALLBACK_SOURCE]


def test_user_calendar_adjusted_working_weekend(tmp_path: Path):
    path = _write(tmp_path, "2027:\n  holidays: [2027-02-08]\n  workdays: [2027-02-06]\n")
    assert load_user_calendar(path) == {2027: UserYear(frozenset({D(2027, 2, 8)}), frozenset({D(2027, 2, 6)}))}
    cal = WorkCalendar(path)
    assert cal.is_workday(D(2027, 2, 6)) and not cal.is_workday(D(2027, 2, 7))  # Sat worked, Sun off
    assert not cal.is_workday(D(2027, 2, 8))
    # Fri 2-5 → Tue 2-9: Sat 2-6 (worked), Mon 2-8 off, Tue 2-9
    assert cal.workdays_between(D(2027, 2, 5), D(2027, 2, 9)) == 2
    assert WorkCalendar({2027: UserYear(workdays=frozenset({D(2027, 2, 6)}))}).is_workday(D(2027, 2, 6))


def test_empty_user_calendar(tmp_path: Path):
    assert load_user_calendar(_write(tmp_path, "# nothing yet\n")) == {}
    assert load_user_calendar(_write(tmp_path, "2027:\n")) == {2027: UserYear()}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("2027:\n  holidays: [2027-01-01, 2027-02-30]\n", 2, "不是有效日期"),
        ("2027:\n  holidays:\n    - 2027-01-01\n    - 明天\n", 4, "不是有效日期"),
        ("2027:\n  holidays: [2028-01-01]\n", 2, "不在 2027 年内"),
        ("2027:\n  workdays: [2027-02-08]\n", 2, "不是周六或周日"),
        ("2027:\n  holiday: [2027-01-01]\n", 2, "未知字段"),
        ("二〇二七:\n  holidays: []\n", 1, "不是年份"),
        ("2027:\n  holidays: 2027-01-01\n", 2, "应为日期列表"),
        ("2027:\n  holidays: [2027-02-06]\n  workdays: [2027-02-06]\n", 2, "同时列为"),
        ("2027: {holidays: [2027-01-01]\n", 2, "YAML"),
        ("- 2027-01-01\n", 1, "顶层应为映射"),
    ],
)
def test_user_calendar_errors_name_file_and_line(tmp_path: Path, text: str, line: int, words: str):
    path = _write(tmp_path, text)
    with pytest.raises(YamlError) as info:
        load_user_calendar(path)
    err = info.value
    assert err.file == str(path) and err.line == line, err.one_line()
    assert words in err.message
    assert err.one_line().startswith(f"{path}:{line}:")
    with pytest.raises(YamlError):
        WorkCalendar(path)


def test_user_calendar_reports_all_errors(tmp_path: Path):
    path = _write(tmp_path, "2027:\n  holidays: [2027-02-30, 2027-13-01]\n  workdays: [2027-01-04]\n")
    with pytest.raises(YamlError) as info:
        load_user_calendar(path)
    assert [e.line for e in info.value.errors] == [2, 2, 3]


def test_missing_user_calendar_file(tmp_path: Path):
    with pytest.raises(YamlError) as info:
        WorkCalendar(tmp_path / "nope.yaml")
    assert "无法读取" in info.value.message


# ---------------------------------------------------------------------------------------------
# properties
# ---------------------------------------------------------------------------------------------

dates = st.dates(min_value=D(2004, 1, 1), max_value=D(2030, 12, 31))


@settings(max_examples=300, deadline=None)
@given(dates, st.integers(0, 400))
def test_add_workdays_inverts_workdays_between(d: date, n: int):
    later = CAL.add_workdays(d, n)
    assert later >= d
    assert CAL.workdays_between(d, later) == n
    if n > 0:
        assert CAL.is_workday(later)
        assert CAL.workdays_between(d, later - timedelta(1)) == n - 1  # the first day reaching n


@settings(max_examples=300, deadline=None)
@given(dates, dates)
def test_workdays_between_round_trips_to_working_days(a: date, b: date):
    n = CAL.workdays_between(a, b)
    assert n == -CAL.workdays_between(b, a)
    if b >= a and CAL.is_workday(b):
        assert CAL.add_workdays(a, n) == b
    if b <= a and CAL.is_workday(a) and CAL.is_workday(b):
        assert CAL.add_workdays(a, n) == b


@settings(max_examples=200, deadline=None)
@given(dates, st.integers(-400, -1))
def test_negative_add_workdays_from_working_day(d: date, n: int):
    earlier = CAL.add_workdays(d, n)
    assert earlier < d and CAL.is_workday(earlier)
    if CAL.is_workday(d):
        assert CAL.workdays_between(d, earlier) == n


@settings(max_examples=200, deadline=None)
@given(dates, st.integers(0, 60))
def test_workdays_between_matches_day_by_day_count(a: date, span: int):
    b = a + timedelta(span)
    assert CAL.workdays_between(a, b) == sum(CAL.is_workday(a + timedelta(i)) for i in range(1, span + 1))


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=D(2004, 1, 1), max_value=D(2026, 12, 31)))
def test_official_years_agree_with_chinese_calendar(d: date):
    assert CAL.is_workday(d) == chinese_calendar.is_workday(d)


def test_recording_names_only_the_calendars_a_block_used(tmp_path: Path):
    calendar = tmp_path / "calendar.yaml"
    calendar.write_text("2027:\n  holidays: [2027-01-01]\n", encoding="utf-8")
    cal = WorkCalendar(calendar)
    cal.workdays_between(D(2024, 3, 4), D(2024, 3, 11))  # an earlier query is not this block's
    with cal.recording() as used:
        assert used.sources == []
        cal.workdays_between(D(2026, 12, 28), D(2027, 1, 5))
    assert used.sources == [OFFICIAL_SOURCE, f"用户日历文件 {calendar}"]
    with cal.recording() as used:
        cal.is_workday(D(2028, 1, 3))
    assert used.sources == [FALLBACK_SOURCE]
    cal.workdays_between(D(2024, 3, 4), D(2024, 3, 11))  # after the block: no longer recorded
    assert used.sources == [FALLBACK_SOURCE]


def test_user_calendar_file_is_read_once_per_version(tmp_path: Path, monkeypatch):
    from review_engine import workdays

    calendar = tmp_path / "calendar.yaml"
    calendar.write_text("2027:\n  holidays: [2027-01-01]\n", encoding="utf-8")
    calls = []
    real = workdays.load_user_calendar
    monkeypatch.setattr(workdays, "load_user_calendar", lambda path: calls.append(path) or real(path))
    WorkCalendar(calendar)
    WorkCalendar(calendar)
    assert len(calls) == 1
    calendar.write_text("2027:\n  holidays: [2027-01-01, 2027-01-04]\n", encoding="utf-8")
    assert not WorkCalendar(calendar).is_workday(D(2027, 1, 4))
    assert len(calls) == 2
