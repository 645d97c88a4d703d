"""The compiled-pattern cache (recache): a pattern rebuilt from its stored code, with or without the set of first
characters it was given, finds exactly what ``re`` finds."""

from __future__ import annotations

import re
from re import _parser

import pytest

from review_engine import recache

TEXT = ("第一条 国家工商行政管理总局和县工商局、质监局依照本办法履行职责。原县环保局不再保留；"
        "入户检查的，应当出示证件。本市生产的产品，按照每吨50元收取费用。abc ABC aBc 123 x\n"
        "其他任何单位和个人不得经营。处以五千元罚款；并处一万元以下的罚款。\n第二条 本办法自2026年1月1日起施行。")

PATTERNS = [
    r"(?:国家)?工商行政管理(?:总局|局|分局|所)|工商(?:局|分局|所)|质监局",  # an optional head: a set is given
    r"(?<![煤矿全检])监察(?:局|部)(?!门)|(?:国家)?质量监督局",  # a lookbehind first: passed over
    r"(?=入户)入户(?=[^。；，]{0,4}?检查)|本(?:地|市|县)(?=生产的)",
    r"(?:[（(][^）)]*[）)])?办法",
    r"(?P<who>其他|任何)(?:单位|个人)?(?:和个人)?不得",
    r"(?:处(?!罚)以?|并处)[^。；]{0,30}?罚款",
    r"\d+年\d{1,2}月|[一二三四五六七八九十]+年",
    r"\b[a-z]+\b|X",
    r"(?i:abc)|123",  # a scoped flag: no set
    r"(?i)abc",  # case-insensitive: no set
    r"[^。；]{2}罚款",  # a negated class first: no set
    r".罚款",
    r"(a)?\1?b|c",  # a backreference after an optional group
    r"(?:x|)罚款",  # an alternative that may be empty
    r"(?:第)*条",
    r"(?>工商|质监)局",
    r"^第[一二]条|施行。$",
    r"(?m)^第[一二]条",
    r"",
    r"(?:)?",
    # the heads' test (with_heads): classes, repeats, lookarounds at a head's places
    r"[停中]止(?:供水|供电)|停(?:水|电)",
    r"(?:应当|须|必须)(?=与|同[^。]{0,3}签)",
    r"(?:a(?=bc))?ab|x{2,}y|(?:第)?[一二]条",
    r"(?<![需只主])要(?=事先|每)|应当(?!依法)[^。；]{0,4}?缴纳",
    r"(?:收取|缴纳)(?=[^。；]{0,6}?费)|费(?!由)",
    r"本(?:办法|规定)(?:施行|实施)前|(?:本|该)[市县](?:注册|登记)的",
    r"\d+元|每(?:小时|日)[0-9]",
    r"a|ab|abc|abcd",
]


@pytest.mark.parametrize("min_first", [recache._MIN_FIRST, 1])  # 1: every pattern with heads gets their test
@pytest.mark.parametrize("pattern", PATTERNS)
def test_rebuilt_pattern_finds_what_re_finds(pattern, min_first, monkeypatch):
    monkeypatch.setattr(recache, "_MIN_FIRST", min_first)
    entry = recache._build(pattern, 0)
    rebuilt = recache._rebuild(pattern, entry)
    plain = re.compile(pattern)
    for pos in range(0, len(TEXT), 7):
        assert [(m.span(), m.groups()) for m in rebuilt.finditer(TEXT, pos)] == \
               [(m.span(), m.groups()) for m in plain.finditer(TEXT, pos)]
        found, expected = rebuilt.search(TEXT, pos, len(TEXT) - 3), plain.search(TEXT, pos, len(TEXT) - 3)
        assert (found and found.span()) == (expected and expected.span())
    assert rebuilt.groupindex == plain.groupindex and rebuilt.groups == plain.groups


@pytest.mark.parametrize("pattern,given", [
    (PATTERNS[0], True), (PATTERNS[1], True), (PATTERNS[2], True), (PATTERNS[15], True),
    (PATTERNS[4], False),  # alternatives of literals in a group: re gives the set itself
    (r"(?i:abc)|123", False), (r"(?i)abc", False), (r"[^。；]{2}罚款", False), (r".罚款", False), (r"(?:)?", False),
    (r"工商局", False),  # a literal prefix: re skips ahead by itself
])
def test_first_chars_given_only_where_known(pattern, given):
    parsed = _parser.parse(pattern, 0)
    code = re._compiler._code(parsed, 0)
    assert (recache.with_first_chars(parsed, 0, code) is not None) == given


def test_first_chars_of_an_optional_head():
    chars = recache.first_chars(_parser.parse(r"(?:国家)?工商局|(?<!原)质监局", 0))
    assert sorted(chr(c) for _, c in chars) == sorted("国工质")


@pytest.mark.parametrize("pattern,expected", [
    (r"(?:国家)?工商局|(?<!原)质监局", {"国家工", "工商局", "质监局"}),
    (r"[停中]止|停水", {"停止", "中止", "停水"}),
    (r"(?:应当|须)(?=与|同)", {"应当与", "应当同", "须与", "须同"}),  # a lookahead that ends the pattern is read
    (r"应当(?=与)[^。]", {"应当"}),  # … one followed by more is passed over
    (r"(?:第)*条", {"第第第", "第第条", "第条", "条"}),
    (r"不得[^。]{0,4}收费", {"不得"}),  # a negated class ends the heads
    (r"本[市县]\d", {"本市", "本县"}),
    (r"a|ab|abc", {"a"}),  # a head beginning another stands for both
    (r"(?:x|)罚款", {"x罚款", "罚款"}),
])
def test_heads(pattern, expected):
    assert recache.heads(_parser.parse(pattern, 0)) == expected


@pytest.mark.parametrize("pattern", [r"(?i)abc", r"[^。]罚款", r".罚款", r"\d+年", r"(?:x|)", r"(?:)?", r"(a)?\1b"])
def test_no_heads(pattern):
    assert recache.heads(_parser.parse(pattern, 0)) is None


WORDS = "|".join(f"{a}{b}" for a in "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地" for b in "一二")  # 24 first characters


def test_heads_test_given_only_where_it_tells_more(monkeypatch):
    def guarded(pattern):
        parsed = _parser.parse(pattern, 0)
        return recache.with_heads(parsed, 0, re._compiler._code(parsed, 0)) is not None

    assert guarded(f"(?:{WORDS})(?=与)") and guarded(f"(?:国家)?工商局|{WORDS}")
    assert not guarded(f"(?:{WORDS[:-6]})(?=与)")  # fewer first characters than _MIN_FIRST: re is fast enough
    monkeypatch.setattr(recache, "_MIN_FIRST", 1)
    assert guarded(PATTERNS[0]) and guarded(r"(?:应当|须)(?=与)")
    assert not guarded(r"工商局")  # a literal prefix: re's own search is faster
    assert not guarded(r"[停中]|[水电]")  # heads of one character: the set of first characters says it all
    assert not guarded(r"^第[一二]条")  # anchored
    assert not guarded(r"[^。]罚款")
