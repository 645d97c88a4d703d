"""Tests for review_engine.facts.amounts: Chinese money amounts and fine ranges (罚款幅度)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import cn2an
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from review_engine.numerals import format_yuan
from review_engine.numerals import to_number as parse_number
from review_engine.facts.amounts import (
    AmountMatch,
    PenaltyRange,
    find_amounts,
    find_penalty_ranges,
)

D = Decimal
from conftest import CORPUS as FOUND_CORPUS  # noqa: E402  (one place knows where the corpus is)

CORPUS = (FOUND_CORPUS / "higher_law") if FOUND_CORPUS is not None else Path("/nonexistent")


def one(text: str) -> PenaltyRange:
    ranges = find_penalty_ranges(text)
    assert len(ranges) == 1, ranges
    return ranges[0]


# --------------------------------------------------------------------------------------------------
# parse_number
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("200", 200),
        ("1,000", 1000),
        ("1.5", D("1.5")),
        ("２００", 200),
        ("１，０００", 1000),
        ("二百", 200),
        ("一千二百", 1200),
        ("两千", 2000),
        ("一万五千", 15000),
        ("十二万", 120000),
        ("一百零五", 105),
        ("三千零五十", 3050),
        ("〇", 0),
        ("零", 0),
        ("1.5万", 15000),
        ("5千", 5000),
        ("3亿", 300000000),
        ("二十万", 200000),
        ("一亿二千万", 120000000),
        ("10万", 100000),
        ("999.9万", 9999000),
        ("1万5千", 15000),
        ("壹仟贰佰", 1200),
        ("贰万", 20000),
        ("壹億", 100000000),
        ("二百元", 200),
    ],
)
def test_parse_number(text: str, value: int | Decimal) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "元", "万", "百分之十", "第十条", "abc", "1,00", "罚款"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_parse_number_mixed_is_exact_decimal() -> None:
    value = parse_number("1.23万")
    assert isinstance(value, Decimal)
    assert value == 12300 and str(value) == "12300"


# --------------------------------------------------------------------------------------------------
# find_amounts
# --------------------------------------------------------------------------------------------------


def test_find_amounts_in_a_range_sentence() -> None:
    text = "机动车驾驶人违反道路交通安全法律、法规关于道路通行规定的，处警告或者二十元以上二百元以下罚款。"
    amounts = find_amounts(text)
    assert [a.value for a in amounts] == [20, 200]
    assert [a.raw for a in amounts] == ["二十元", "二百元"]
    for a in amounts:
        assert text[a.start : a.end] == a.raw


def test_find_amounts_units() -> None:
    text = "处五万元以上五十万元以下罚款，或者1.5万元、5千元、3亿元、一百元、两千元、１，０００元"
    assert [a.value for a in find_amounts(text)] == [50000, 500000, 15000, 5000, 300000000, 100, 2000, 1000]


@pytest.mark.parametrize(
    "text",
    [
        "依照本法第十条的规定",
        "自收到决定书之日起30日内",
        "处五年以下有期徒刑",
        "距离2000米以内",
        "处违法所得百分之十以下的罚款",
        "涉案金额五万余元",  # approximate amounts are not reported
        "损失数十万元",
        "实行一元化管理",
        "价值5000美元的货物",
    ],
)
def test_find_amounts_ignores_non_money(text: str) -> None:
    assert find_amounts(text) == []


def test_amount_match_is_frozen() -> None:
    a = find_amounts("处二百元罚款")[0]
    assert isinstance(a, AmountMatch)
    with pytest.raises(Exception):
        a.value = D(1)  # type: ignore[misc]


# --------------------------------------------------------------------------------------------------
# find_penalty_ranges: statutory wording
# --------------------------------------------------------------------------------------------------


def test_road_traffic_article_90_warning_or_range() -> None:
    r = one("第九十条 机动车驾驶人违反道路交通安全法律、法规关于道路通行规定的，处警告或者二十元以上二百元以下罚款。本法另有规定的，依照规定处罚。")
    assert (r.kind, r.min, r.max) == ("range", 20, 200)
    assert r.also_warning and r.warning
    assert r.raw == "处警告或者二十元以上二百元以下罚款"
    assert r.condition == "机动车驾驶人违反道路交通安全法律、法规关于道路通行规定"


@pytest.mark.parametrize(
    ("text", "kind", "low", "high"),
    [
        ("处二百元罚款", "fixed", 200, 200),
        ("罚款二百元", "fixed", 200, 200),
        ("处以五千元的罚款", "fixed", 5000, 5000),
        ("吊销机动车驾驶证，并处五千元罚款", "fixed", 5000, 5000),
        ("处二十元以上二百元以下罚款", "range", 20, 200),
        ("处五万元以上五十万元以下的罚款", "range", 50000, 500000),
        ("处一千元以上一万元以下罚款", "range", 1000, 10000),
        ("处3000元以上5万元以下的罚款", "range", 3000, 50000),
        ("处1万元以上5万元以下罚款", "range", 10000, 50000),
        ("处二百元至二千元罚款", "range", 200, 2000),
        ("处一万至五万元罚款", "range", 10000, 50000),
        ("处五至十万元罚款", "range", 50000, 100000),
        ("处五万元以下罚款", "max_only", None, 50000),
        ("处十万元以上罚款", "min_only", 100000, None),
        ("处不超过十万元的罚款", "max_only", None, 100000),
        ("最高不超过三万元", "max_only", None, 30000),
        ("处不低于五千元的罚款", "min_only", 5000, None),
    ],
)
def test_money_forms(text: str, kind: str, low: int | None, high: int | None) -> None:
    r = one(text)
    assert (r.kind, r.min, r.max, r.base) == (kind, low, high, None)
    assert text[r.start : r.end] == r.raw


@pytest.mark.parametrize(
    ("text", "kind", "low", "high", "base"),
    [
        ("处违法所得一倍以上五倍以下罚款", "multiple", 1, 5, "违法所得"),
        ("并处货值金额五倍以上十倍以下罚款", "multiple", 5, 10, "货值金额"),
        ("处应缴纳的款项一倍以上三倍以下罚款", "multiple", 1, 3, "应缴纳的款项"),
        ("并处货值金额5倍以上10倍以下罚款", "multiple", 5, 10, "货值金额"),
        ("并处违法所得五倍以下的罚款", "multiple", None, 5, "违法所得"),
        ("处违法所得五至十倍罚款", "multiple", 5, 10, "违法所得"),
        ("并处以违法划拨款项二倍的罚款", "multiple", 2, 2, "违法划拨款项"),
        ("处销售金额等额的罚款", "multiple", 1, 1, "销售金额"),
        (
            "处被隐匿、转移、变卖、损毁物品货值金额等值以上三倍以下的罚款",
            "multiple", 1, 3, "被隐匿、转移、变卖、损毁物品货值金额",
        ),
        (
            "并处依照规定投保最低责任限额应缴纳的保险费的二倍罚款",
            "multiple", 2, 2, "依照规定投保最低责任限额应缴纳的保险费",
        ),
        # a percentage next to a 倍 bound is a multiplier
        ("并处违法收入百分之五十以上三倍以下的罚款", "multiple", D("0.5"), 3, "违法收入"),
        ("处建设工程造价百分之五以上百分之十以下的罚款", "percent", 5, 10, "建设工程造价"),
        ("处上一年年收入百分之六十至百分之一百的罚款", "percent", 60, 100, "上一年年收入"),
        ("处上一年年收入百分之四十的罚款", "percent", 40, 40, "上一年年收入"),
        ("处中标项目金额千分之五以上千分之十以下的罚款", "percent", D("0.5"), 1, "中标项目金额"),
        ("可以处中标项目金额10‰以下的罚款", "percent", None, 1, "中标项目金额"),
        ("按照污染事故造成直接损失的一倍以上三倍以下计算罚款", "multiple", 1, 3, "污染事故造成直接损失"),
    ],
)
def test_multiple_and_percent_forms(text: str, kind: str, low, high, base: str) -> None:  # noqa: ANN001
    r = one(text)
    assert (r.kind, r.min, r.max, r.base) == (kind, low, high, base)


def test_unit_property() -> None:
    assert one("处二百元罚款").unit == "元"
    assert one("处违法所得一倍以上五倍以下罚款").unit == "倍"
    assert one("处建设工程造价百分之五以上百分之十以下的罚款").unit == "%"


def test_parenthesis_does_not_split_the_base() -> None:
    text = "并处违法生产、销售产品（包括已售出和未售出的产品，下同）货值金额等值以上三倍以下的罚款"
    r = one(text)
    assert (r.kind, r.min, r.max) == ("multiple", 1, 3)
    assert r.base == "违法生产、销售产品（包括已售出和未售出的产品，下同）货值金额"


def test_combined_confiscation_and_conditional_fallback() -> None:
    text = "没收违法所得，并处违法所得一倍以上五倍以下罚款；没有违法所得或者违法所得不足一万元的，并处五万元以上十万元以下罚款"
    first, second = find_penalty_ranges(text)
    assert (first.kind, first.min, first.max, first.base, first.condition) == ("multiple", 1, 5, "违法所得", None)
    assert (second.kind, second.min, second.max, second.base) == ("range", 50000, 100000, None)
    assert second.condition == "没有违法所得或者违法所得不足一万元"
    assert first.end <= second.start


def test_food_safety_article_122() -> None:
    text = (
        "违法生产经营的食品、食品添加剂货值金额不足一万元的，并处五万元以上十万元以下罚款；"
        "货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款；情节严重的，吊销许可证。"
    )
    money, multiple = find_penalty_ranges(text)
    assert (money.min, money.max, money.condition) == (50000, 100000, "违法生产经营的食品、食品添加剂货值金额不足一万元")
    assert (multiple.kind, multiple.min, multiple.max, multiple.base) == ("multiple", 10, 20, "货值金额")
    assert multiple.condition == "货值金额一万元以上"


def test_advertising_law_article_55() -> None:
    text = (
        "处广告费用三倍以上五倍以下的罚款，广告费用无法计算或者明显偏低的，处二十万元以上一百万元以下的罚款；"
        "两年内有三次以上违法行为或者有其他严重情节的，处广告费用五倍以上十倍以下的罚款"
    )
    ranges = find_penalty_ranges(text)
    assert [(r.kind, r.min, r.max) for r in ranges] == [
        ("multiple", 3, 5),
        ("range", 200000, 1000000),
        ("multiple", 5, 10),
    ]
    assert ranges[1].condition == "广告费用无法计算或者明显偏低"
    assert ranges[2].condition == "两年内有三次以上违法行为或者有其他严重情节"


def test_targets_individual_and_unit() -> None:
    text = "对个人处五百元以上二千元以下罚款，对单位处一万元以上五万元以下罚款"
    person, unit = find_penalty_ranges(text)
    assert (person.targets, person.min, person.max) == (["个人"], 500, 2000)
    assert (unit.targets, unit.min, unit.max) == (["单位"], 10000, 50000)
    assert person.raw == "对个人处五百元以上二千元以下罚款"


def test_targets_with_modal_and_cumulative_warning() -> None:
    # 噪声污染防治法: 给予警告 is cumulative here (its own clause), not an alternative
    text = "拒不改正的，给予警告，对个人可以处二百元以上一千元以下的罚款，对单位可以处二千元以上二万元以下的罚款："
    person, unit = find_penalty_ranges(text)
    assert person.targets == ["个人"] and unit.targets == ["单位"]
    assert (person.min, person.max, unit.min, unit.max) == (200, 1000, 2000, 20000)
    assert not person.also_warning and not unit.also_warning


def test_targets_split_and_pronoun() -> None:
    r = one("对其直接负责的主管人员和其他直接责任人员处五万元以上十万元以下的罚款")
    assert r.targets == ["直接负责的主管人员", "其他直接责任人员"]
    r = one("对生产经营单位的主要负责人、个人经营的投资人处二万元以上十万元以下的罚款")
    assert r.targets == ["生产经营单位的主要负责人", "个人经营的投资人"]
    assert one("由公安机关对其处三千元以下罚款").targets == []


def test_administrative_penalty_law_article_51_shared_fine() -> None:
    text = "违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定。"
    citizen, org = find_penalty_ranges(text)
    assert (citizen.kind, citizen.max, citizen.targets) == ("max_only", 200, ["公民"])
    assert (org.kind, org.max, org.targets) == ("max_only", 3000, ["法人", "其他组织"])
    assert citizen.also_warning and org.also_warning


def test_two_alternatives_in_one_clause() -> None:
    # 个人信息保护法第六十六条
    text = "情节严重的，由省级以上履行个人信息保护职责的部门责令改正，没收违法所得，并处五千万元以下或者上一年度营业额百分之五以下罚款"
    money, percent = find_penalty_ranges(text)
    assert (money.kind, money.max) == ("max_only", 50000000)
    assert (percent.kind, percent.max, percent.base) == ("percent", 5, "上一年度营业额")


def test_detention_alternative_is_not_money() -> None:
    r = one("情节较轻的，处五日以下拘留或者五百元以下罚款")
    assert (r.kind, r.max, r.condition, r.also_warning) == ("max_only", 500, "情节较轻", False)


def test_per_unit_fine() -> None:
    r = one("对机动车维修单位处每辆机动车五千元的罚款")
    assert (r.kind, r.min, r.max, r.per, r.targets) == ("fixed", 5000, 5000, "每辆机动车", ["机动车维修单位"])


def test_antimonopoly_article_62() -> None:
    text = (
        "由反垄断执法机构责令改正，对单位处上一年度销售额百分之一以下的罚款，上一年度没有销售额或者销售额难以计算的，"
        "处五百万元以下的罚款；对个人处五十万元以下的罚款。"
    )
    unit_pct, unit_cap, person = find_penalty_ranges(text)
    assert (unit_pct.kind, unit_pct.max, unit_pct.base, unit_pct.targets) == ("percent", 1, "上一年度销售额", ["单位"])
    assert (unit_cap.kind, unit_cap.max, unit_cap.condition) == ("max_only", 5000000, "上一年度没有销售额或者销售额难以计算")
    assert (person.kind, person.max, person.targets) == ("max_only", 500000, ["个人"])


def test_fine_of_fine_amount_is_read_once() -> None:
    # 招标投标法: the first 罚款 belongs to the base (单位罚款数额)
    r = one("对单位直接负责的主管人员和其他直接责任人员处单位罚款数额百分之五以上百分之十以下的罚款")
    assert (r.kind, r.min, r.max, r.base) == ("percent", 5, 10, "单位罚款数额")


def test_caps_set_for_rules() -> None:
    text = "对经营活动中的违法行为，有违法所得的，设定罚款不得超过违法所得的三倍，但是最高不得超过三万元"
    multiple, cap = find_penalty_ranges(text)
    assert (multiple.kind, multiple.min, multiple.max, multiple.base) == ("multiple", None, 3, "违法所得")
    assert (cap.kind, cap.max) == ("max_only", 30000)
    assert one("对非经营活动中的违法行为设定罚款不得超过一千元").max == 1000


@pytest.mark.parametrize(
    "text",
    [
        "可以并处罚款",
        "给予警告或者处以罚款",
        "每日按罚款数额的百分之三加处罚款",
        "当事人应当自收到罚款的行政处罚决定书之日起十五日内，到指定的银行缴纳罚款",
        "处五年以上十年以下有期徒刑",
        "",
    ],
)
def test_no_fine_range(text: str) -> None:
    assert find_penalty_ranges(text) == []


def test_full_width_digits_keep_offsets() -> None:
    text = "处１，０００元以上５万元以下罚款"
    r = one(text)
    assert (r.min, r.max) == (1000, 50000)
    assert r.raw == text and (r.start, r.end) == (0, len(text))


def test_penalty_range_is_frozen() -> None:
    r = one("处二百元罚款")
    with pytest.raises(Exception):
        r.min = D(1)  # type: ignore[misc]


# --------------------------------------------------------------------------------------------------
# format_yuan
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (20, "二十元"),
        (200, "二百元"),
        (5000, "五千元"),
        (50000, "五万元"),
        (1500, "一千五百元"),
        (15000, "一万五千元"),
        (100000000, "一亿元"),
        (0, "零元"),
        (D("1.5"), "1.5元"),
    ],
)
def test_format_yuan(value: int | Decimal, text: str) -> None:
    assert format_yuan(D(value)) == text


def test_format_yuan_rejects_negative() -> None:
    with pytest.raises(ValueError):
        format_yuan(D(-1))


# --------------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------------

integers = st.integers(min_value=1, max_value=10**8)


@given(integers)
def test_prop_parse_an2cn_and_arabic(n: int) -> None:
    assert parse_number(cn2an.an2cn(n)) == n
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=1, max_value=9999), st.sampled_from([("万", 10**4), ("亿", 10**8)]))
def test_prop_amount_with_unit(n: int, unit: tuple[str, int]) -> None:
    char, factor = unit
    text = f"处{cn2an.an2cn(n)}{char}元罚款"
    amounts = find_amounts(text)
    assert [a.value for a in amounts] == [n * factor]
    assert amounts[0].raw == text[1:-2]


@given(st.integers(min_value=1, max_value=9999))
def test_prop_decimal_wan(tenths: int) -> None:
    d = D(tenths) / 10  # 0.1 … 999.9 with one decimal place
    text = f"{d}万元"
    assert [a.value for a in find_amounts(text)] == [d * 10**4]
    assert [a.value for a in find_amounts(f"处{text}罚款")] == [d * 10**4]
    assert one(f"处{text}罚款").max == d * 10**4


@given(integers)
def test_prop_format_round_trip(n: int) -> None:
    written = format_yuan(D(n))
    assert written.endswith("元")
    assert parse_number(written) == n
    assert [a.value for a in find_amounts(f"处{written}罚款")] == [n]


@given(st.integers(min_value=1, max_value=10**8 - 1), st.data())
def test_prop_range_sentence(low: int, data: st.DataObject) -> None:
    high = data.draw(st.integers(min_value=low + 1, max_value=10**8))
    r = one(f"处{cn2an.an2cn(low)}元以上{cn2an.an2cn(high)}元以下罚款")
    assert (r.kind, r.min, r.max) == ("range", low, high)


_TOKENS = st.sampled_from(
    [
        "处", "处以", "并处", "罚款", "元", "万", "亿", "千", "百", "十", "二", "五", "一", "零", "两",
        "0", "1", "9", ",", "，", ".", "．", "以上", "以下", "至", "-", "的", "倍", "百分之", "千分之",
        "‰", "%", "对", "个人", "单位", "和", "、", "警告", "或者", "不超过", "最高", "违法所得",
        "（", "）", "。", "；", "\n", " ", "计算", "按照", "等值", "每辆", "罚", "款",
    ]
)  # fmt: skip
texts = st.one_of(st.text(max_size=300), st.lists(_TOKENS, max_size=80).map("".join))


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_prop_never_raises_and_offsets_in_bounds(text: str) -> None:
    for a in find_amounts(text):
        assert 0 <= a.start < a.end <= len(text)
        assert text[a.start : a.end] == a.raw
    for r in find_penalty_ranges(text):
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start : r.end] == r.raw
        assert r.kind in {"fixed", "range", "max_only", "min_only", "multiple", "percent"}


# --------------------------------------------------------------------------------------------------
# Corpus scan
# --------------------------------------------------------------------------------------------------


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"higher-law corpus not available at {CORPUS}")
def test_corpus_scan() -> None:
    total = 0
    per_file: dict[str, int] = {}
    for path in sorted(CORPUS.glob("*.md")):
        count = 0
        for line in path.read_text(encoding="utf-8").splitlines():
            for r in find_penalty_ranges(line):
                assert line[r.start : r.end] == r.raw
                assert r.min is not None or r.max is not None
                count += 1
        per_file[path.name] = count
        total += count
    print(f"\ncorpus scan: {total} fine ranges in {len(per_file)} files")
    assert total >= 300, per_file

    road = CORPUS / "道路交通安全法(2021-04-29).md"
    if road.exists():
        article = next(line for line in road.read_text(encoding="utf-8").splitlines() if line.startswith("第九十条"))
        ranges = find_penalty_ranges(article)
        assert [(r.kind, r.min, r.max, r.also_warning) for r in ranges] == [("range", 20, 200, True)]


# --------------------------------------------------------------------------------------------------
# the fines are built without validation (``amounts._range``): the same instances as validated ones
# --------------------------------------------------------------------------------------------------


@pytest.mark.skipif(FOUND_CORPUS is None, reason="corpus not available")
def test_ranges_equal_validated_ones_over_the_national_laws():
    texts = sorted((FOUND_CORPUS / "national_law").rglob("*.md"))[::7]
    seen = 0
    for path in texts:
        for found in find_penalty_ranges(path.read_text(encoding="utf-8")):
            validated = PenaltyRange.model_validate(found.model_dump())
            assert found == validated, (path.name, found)
            assert found.model_dump() == validated.model_dump()
            assert all(v is None or type(v) is Decimal for v in (found.min, found.max)), found
            seen += 1
    assert seen > 200
