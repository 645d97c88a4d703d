"""The condition language of rules (grammars/condition.lark, conditions.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from review_engine.conditions import ConditionError, compile_condition
from review_engine.record import parse_dossier
from review_engine.workdays import WorkCalendar

DOSSIER = parse_dossier("""
doc_type: 规范性文件
issuer: {name: 某县人民政府, type: 人民政府, level: 县}
flags: {market_related: true, major_decision: false}
consultation: {start: 2026-03-02, end: 2026-03-20, channels: [政府网站], comments: 3, feedback_published: false}
legality_review: {received: 2026-04-01, opinion_date: 2026-04-03}
collective_deliberation: {meeting: 常务会议, date: 2026-04-10}
""")
ENV = {
    "doc": {"type": "规范性文件", "title": "某县农贸市场管理暂行办法", "article_count": 24, "marks": ["征求意见稿"]},
    "dossier": DOSSIER,
    "profile": {"consult_min_days_market": 30, "max_validity_years": 5},
    "facts": None,
    "match": {"sentence": "违反本办法规定的，由县市场监督管理局处二千元罚款。"},
    "review": {"date": dt.date(2026, 4, 15)},
    "calendar": WorkCalendar(),
}


def value(source: str):
    return compile_condition(source)(ENV)


@pytest.mark.parametrize("source,expected", [
    ('doc.type == "规范性文件"', True),
    ('doc.type in ["地方性法规", "规范性文件"]', True),
    ('matches(doc.title, "暂行|试行")', True),
    ("dossier.flags.market_related and days(dossier.consultation.start, dossier.consultation.end) < profile.consult_min_days_market", True),
    ("days(dossier.consultation.start, dossier.consultation.end)", 18),
    ("workdays(dossier.legality_review.received, dossier.legality_review.opinion_date)", 2),
    ("dossier.legality_review.opinion_date < dossier.collective_deliberation.date", True),
    ("exists(dossier.hearing.date)", False),
    ("not exists(dossier.hearing)", True),
    ("dossier.hearing.date < 2026-01-01", False),  # ordering with null is false, not an error
    ('"征求意见稿" in doc.marks', True),
    ("len(doc.marks) + 1", 2),
    ("review.date - 30", dt.date(2026, 3, 16)),
    ('contains(match.sentence, "罚款") and not matches(match.sentence, "依照《")', True),
    ("max(1, 5, null) == 5", True),
    ("year(review.date) >= 2026", True),
    ("-1 < 0 or false", True),
])
def test_values(source, expected):
    assert value(source) == expected


@pytest.mark.parametrize("source,fragment", [
    ("doc.type ==", "语法错误"),
    ("nosuch(1)", "未知函数"),
    ("doc.title < 3", "不能比较"),
    ('matches(doc.title, "(")', "正则表达式错误"),
    ("doc._private", "不允许的名称"),
    ("2026-02-30 < review.date", "不是有效日期"),
    ("unknown.path", "未知名称"),
    ("doc.title * 2", "不能对"),
])
def test_errors_are_clear(source, fragment):
    with pytest.raises(ConditionError) as info:
        value(source)
    assert fragment in str(info.value) and source in str(info.value)


def test_syntax_error_has_column():
    with pytest.raises(ConditionError) as info:
        compile_condition("doc.type == == 1")
    assert info.value.column == 13


def test_roots_are_reported_for_load_time_checks():
    assert compile_condition("exists(dossier.hearing) or doc.type == 'x'").roots == {"dossier", "doc"}


def test_no_method_or_attribute_escape():
    # Conditions read declared fields only: methods and dunder attributes of models are out of reach.
    assert value("dossier.flag") is None
    assert value("dossier.model_dump") is None
    with pytest.raises(ConditionError):
        value("dossier.__class__")


ATOMS = st.one_of(
    st.integers(-5, 5000).map(str), st.sampled_from(['"规范性文件"', "'暂行'", "2026-03-01", "true", "false", "null",
                                                     "doc.type", "doc.title", "doc.article_count", "dossier.flags",
                                                     "dossier.consultation.start", "profile.max_validity_years",
                                                     "review.date", "match.sentence", "doc.marks", "nosuch.x"]),
)
OPS = st.sampled_from(["==", "!=", "<", "<=", ">", ">=", "and", "or", "in", "not in", "+", "-", "*", "/"])
FUNCS = st.sampled_from(["exists", "len", "days", "workdays", "matches", "contains", "min", "max", "year", "date", "bogus"])


@st.composite
def expressions(draw, depth=0):
    if depth > 3 or draw(st.booleans()):
        return draw(ATOMS)
    choice = draw(st.integers(0, 4))
    if choice == 0:
        return f"{draw(expressions(depth + 1))} {draw(OPS)} {draw(expressions(depth + 1))}"
    if choice == 1:
        return f"not {draw(expressions(depth + 1))}"
    if choice == 2:
        args = draw(st.lists(expressions(depth + 1), max_size=3))
        return f"{draw(FUNCS)}({', '.join(args)})"
    if choice == 3:
        return f"[{', '.join(draw(st.lists(expressions(depth + 1), max_size=3)))}]"
    return f"({draw(expressions(depth + 1))})"


def evaluate_or_error(source: str) -> None:
    try:
        compile_condition(source)(ENV)
    except ConditionError:
        pass


@settings(max_examples=600, deadline=None)
@given(expressions())
def test_random_expressions_give_a_value_or_a_clear_error(source):
    evaluate_or_error(source)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_random_text_gives_a_value_or_a_clear_error(source):
    evaluate_or_error(source)
