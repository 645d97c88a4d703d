"""Numerals both ways, checked against cn2an (the reference implementation; used by the tests only)."""

from __future__ import annotations

import random
import re
from decimal import Decimal

import cn2an
import pytest

from review_engine.numerals import CN_NUM, NUM, format_yuan, provision, to_chinese, to_int, to_number


def _cn2an_low(n: int) -> str:
    text = cn2an.an2cn(n, "low")
    return text[1:] if text.startswith("一十") else text  # labels and amounts write 十五, not 一十五


NUMBERS = list(range(0, 10_001)) + random.Random(7).sample(range(10_001, 10**12), 3000)


def test_reading_amounts_matches_cn2an():
    wrong = [(n, mode) for n in NUMBERS for mode in ("low", "up") if to_number(cn2an.an2cn(n, mode)) != n]
    assert not wrong, wrong[:10]


def test_writing_matches_cn2an_where_cn2an_follows_the_one_zero_rule():
    # cn2an drops the 零 of an empty 万 section before a 千-level digit (604700009302 → …亿九千…); the rule is
    # one 零 for any run of zeros, which to_chinese follows.
    wrong = [n for n in NUMBERS if n and to_chinese(n) != _cn2an_low(n) and not re.search(r"0000\d", str(n)[-9:])]
    assert not wrong, wrong[:10]
    assert to_chinese(604700009302) == "六千零四十七亿零九千三百零二"


def test_legal_capitals_match_cn2an():
    wrong = [n for n in range(1, 10_001) if to_chinese(n, legal=True) != cn2an.an2cn(n, "up")]
    assert not wrong, wrong[:10]


@pytest.mark.parametrize(("text", "value"), [
    ("一百一", 110), ("一千二", 1200), ("三万五", 35000), ("一亿五", 150000000), ("一点五", Decimal("1.5")),
    ("二〇二六", 2026), ("五五", 55), ("1万5千", 15000), ("999.9万", 9999000), ("１，０００", 1000),
    ("壹億", 10**8), ("二百元", 200), ("一万零一十", 10010),
])
def test_colloquial_and_mixed_amounts(text, value):
    assert to_number(text) == value


@pytest.mark.parametrize("text", ["", "万", "元", "百分之十", "第十条", "1,00", "五万万", "三点"])
def test_not_amounts(text):
    assert to_number(text) is None


def test_labels_up_to_ten_thousand():
    wrong = [n for n in range(1, 10_001) if to_int(to_chinese(n)) != n]
    assert not wrong, wrong[:10]
    assert to_int("百零五") == 105 and to_int("２０") == 20 and to_int("二〇") == 20 and to_int("十百") is None


def test_character_classes_cover_what_labels_use():
    for label in ("三百八十八", "一〇五", "两", "１２", "○"):
        assert re.fullmatch(NUM, label)
    assert re.fullmatch(CN_NUM, "三百八十八") and not re.fullmatch(CN_NUM, "12")


def test_format_yuan_and_provisions_read_back():
    for n in (20, 1500, 15000, 10**8, 105000):
        assert to_number(format_yuan(Decimal(n))) == n
    assert provision(10, 2, 3, suffix=1) == "第十条之一第二款第（三）项"
    assert provision(7, article_to=9) == "第七条至第九条"
