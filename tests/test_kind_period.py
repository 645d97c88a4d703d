"""``period``: 有效期 and 施行日期 read from the text, held against the profile's limits."""

from __future__ import annotations

import pytest

from ruletools import BASIS, findings, rules_from


def rule(measure: str) -> str:
    return f"""
id: TEST-PER-01
title: 期限
severity: modify
check: period
measure: {measure}
message: "{{limit}}|{{years}}|{{found}}|{{days}}"
""" + BASIS + """
examples: {fail: ["第一条 本办法自2026年1月1日起施行。"]}
"""


def run(tmp_path, measure, text, **kw):
    return [(f.outcome, f.message) for f in findings(rules_from(tmp_path, rule(measure)), text, **kw)]


@pytest.mark.parametrize("clause,ok", [
    ("本办法自2026年7月1日起施行，有效期5年。", True),
    ("本办法自2026年7月1日起施行，有效期为五年。", True),
    ("本办法自2026年7月1日起施行，有效期至2031年6月30日。", True),
    ("本办法自2026年7月1日起施行，有效期十年。", False),
    ("本办法自2026年7月1日起施行，有效期60个月。", True),
    ("本办法自2026年7月1日起施行，有效期至2036年6月30日。", False),
])
def test_validity_limits(tmp_path, clause, ok):
    found = run(tmp_path, "validity", f"第一条 为了规范管理，制定本办法。\n第二条 {clause}\n")
    assert (found == []) == ok, found


def test_trial_title_gets_the_shorter_limit(tmp_path):
    text = "# 某县民宿管理暂行办法\n第一条 为了规范管理，制定本办法。\n第二条 本办法自2026年7月1日起施行，有效期3年。\n"
    assert run(tmp_path, "validity", text) == [("too_long", "2|3|有效期3年|")]


def test_the_validity_of_a_licence_the_draft_governs_is_not_the_drafts(tmp_path):
    """许可证有效期为5年 in a 暂行办法 states the licence's validity (the thing named before 有效期), not the document's:
    only the document's own (本办法……有效期2年, or a bare 有效期 in its last article) is held against the limit."""
    text = ("# 某县燃气经营许可管理暂行办法\n第一条 为了规范管理，制定本办法。\n第二条 燃气经营许可证有效期为5年，"
            "有效期届满需要继续经营的，应当在届满前申请延续。\n第三条 本办法自2026年7月1日起施行，有效期{n}年。\n")
    assert run(tmp_path, "validity", text.format(n=2)) == []
    assert run(tmp_path, "validity", text.format(n=3)) == [("too_long", "2|3|有效期3年|")]


def test_profile_sets_the_notice_limit(tmp_path):
    text = "# 某市关于禁止燃放烟花爆竹的通告\n一、本通告自2026年1月1日起施行，有效期2年。\n"
    assert run(tmp_path, "validity", text) == []
    assert run(tmp_path / "sh", "validity", text, profile="shanghai") == [("too_long", "1|2|有效期2年|")]


def test_missing_effective_date_and_retroactive_date(tmp_path):
    assert run(tmp_path, "effective", "第一条 本办法由县司法局负责解释。\n")[0][0] == "missing"
    text = "第一条 本办法自2026年1月1日起施行。\n某县人民政府\n2026年3月1日\n"
    assert run(tmp_path / "b", "effective", text) == [("before_signature", "||自2026年1月1日起施行|59")]
