"""Property tests: fine ranges written in Chinese numerals, Arabic digits and mixed forms (1.5万元, 一千二百元)
parse back to the numbers; what the registry prints for a penalty parses back to the same penalty."""

from __future__ import annotations

from decimal import Decimal

import cn2an
from hypothesis import given, settings
from hypothesis import strategies as st

from review_engine.facts.amounts import find_penalty_ranges
from review_engine.numerals import format_yuan
from review_engine.numerals import to_number as parse_number
from review_engine.kinds.penalty_range import compare_fine, penalty_text
from review_engine.registry.model import PenaltyFact

D = Decimal


def written(n: int, style: str) -> str:
    """``n`` yuan the way drafts write it (without 元)."""
    if style == "cn":
        return cn2an.an2cn(n)
    if style == "comma":
        return f"{n:,}"
    if style == "wan" and n % 1000 == 0 and n >= 10**4:
        text = f"{D(n) / 10**4:f}"
        return (text.rstrip("0").rstrip(".") if "." in text else text) + "万"
    if style == "cn_wan" and n % 10**4 == 0 and n < 10**8:  # 一万万 is not how anyone writes 一亿
        return cn2an.an2cn(n // 10**4) + "万"
    return str(n)


styles = st.sampled_from(["cn", "arabic", "comma", "wan", "cn_wan"])
amounts = st.integers(min_value=1, max_value=10**8)


@given(amounts, amounts, styles, styles)
def test_range_in_any_notation(a: int, b: int, s1: str, s2: str) -> None:
    low, high = min(a, b), max(a, b)
    if low == high:
        high += 1
    text = f"对单位处{written(low, s1)}元以上{written(high, s2)}元以下罚款"
    [r] = find_penalty_ranges(text)
    assert (r.kind, r.min, r.max, r.targets) == ("range", low, high, ["单位"]), text


@given(amounts, styles)
def test_fixed_and_open_bounds(n: int, style: str) -> None:
    amount = written(n, style)
    assert [(r.kind, r.min, r.max) for r in find_penalty_ranges(f"处{amount}元罚款")] == [("fixed", n, n)]
    assert [(r.kind, r.min, r.max) for r in find_penalty_ranges(f"处{amount}元以下的罚款")] == [("max_only", None, n)]
    assert [(r.kind, r.min, r.max) for r in find_penalty_ranges(f"处{amount}元以上罚款")] == [("min_only", n, None)]


@given(st.integers(min_value=1, max_value=99999))
def test_decimal_wan(tenths: int) -> None:
    value = D(tenths) / 10
    assert parse_number(f"{value}万元") == value * 10**4
    [r] = find_penalty_ranges(f"处{value}万元以下罚款")
    assert r.max == value * 10**4


@given(st.integers(min_value=1, max_value=20), st.integers(min_value=1, max_value=20))
def test_multiples(a: int, b: int) -> None:
    low, high = min(a, b), max(a, b) + 1
    [r] = find_penalty_ranges(f"没收违法所得，并处违法所得{cn2an.an2cn(low)}倍以上{cn2an.an2cn(high)}倍以下罚款")
    assert (r.kind, r.min, r.max, r.base) == ("multiple", low, high, "违法所得")


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=99))
def test_percentages(a: int, b: int) -> None:
    low, high = min(a, b), max(a, b) + 1
    [r] = find_penalty_ranges(f"处合同金额百分之{cn2an.an2cn(low)}以上百分之{cn2an.an2cn(high)}以下的罚款")
    assert (r.kind, r.min, r.max, r.base) == ("percent", low, high, "合同金额")


def test_examples_of_the_issue() -> None:
    for text, expected in [
        ("处二十元以上二百元以下罚款", ("range", 20, 200)),
        ("处一万元以上十万元以下罚款", ("range", 10**4, 10**5)),
        ("处一千二百元罚款", ("fixed", 1200, 1200)),
        ("处1.5万元罚款", ("fixed", 15000, 15000)),
        ("处违法所得一倍以上五倍以下罚款", ("multiple", 1, 5)),
    ]:
        [r] = find_penalty_ranges(text)
        assert (r.kind, r.min, r.max) == expected, text


# --- what the registry says about a penalty reads back as the same penalty ------------------------------------

money = st.integers(min_value=1, max_value=10**8).map(D)


@st.composite
def penalties(draw) -> PenaltyFact:
    kind = draw(st.sampled_from(["range", "max_only", "min_only", "fixed", "multiple"]))
    warning = draw(st.booleans())
    types = (["警告"] if warning else []) + ["罚款"]
    if kind == "multiple":
        low = draw(st.integers(min_value=2, max_value=9))
        high = draw(st.integers(min_value=low + 1, max_value=20))
        return PenaltyFact(types=types, kind=kind, min=low, max=high, base="违法所得", quote="x")
    a, b = sorted((draw(money), draw(money)))
    if a == b:
        b += 1
    low, high = {"range": (a, b), "max_only": (None, b), "min_only": (a, None), "fixed": (a, a)}[kind]
    return PenaltyFact(types=types, kind=kind, min=low, max=high, quote="x")


@settings(max_examples=300)
@given(penalties())
def test_registry_text_round_trip(pen: PenaltyFact) -> None:
    text = penalty_text(pen)
    found = find_penalty_ranges(text)
    assert len(found) == 1, text
    r = found[0]
    assert (r.kind, r.min, r.max) == (pen.kind, pen.min, pen.max), text
    assert r.also_warning == ("警告" in pen.types)
    if pen.kind == "multiple":
        assert r.base == pen.base


@given(penalties())
def test_a_fine_inside_its_own_range_is_never_reported(pen: PenaltyFact) -> None:
    [r] = find_penalty_ranges(penalty_text(pen))
    assert compare_fine(r, [(1, pen)]) is None


@given(money, money)
def test_compare_above_and_below(law_max: Decimal, draft: Decimal) -> None:
    law = PenaltyFact(types=["罚款"], kind="range", min=1, max=law_max, quote="x")
    [r] = find_penalty_ranges(f"处{format_yuan(draft)}罚款")
    result = compare_fine(r, [(1, law)])
    if draft > law_max:
        assert result is not None and result[0] == "above_max"
    else:
        assert result is None
