"""``require``: something must be present in a scope; the finding points where it belongs."""

from __future__ import annotations

from ruletools import BASIS, findings, rules_from

RULE = """
id: TEST-REQ-01
title: 应当写明制定依据
severity: modify
check: require
scope: article
anchor: first_article
patterns: ['根据《[^》]+》', '依据《[^》]+》']
message: 缺少制定依据（{count}处）
""" + BASIS + """
examples: {fail: ["为了规范管理，制定本办法。"], pass: ["为了规范管理，根据《城市绿化条例》，制定本办法。"]}
"""


def test_missing_basis_is_reported_at_the_first_article(tmp_path):
    rules = rules_from(tmp_path, RULE)
    found = findings(rules, "# 某市绿化办法\n第一条 为了加强城市绿化管理，制定本办法。\n第二条 本办法自2026年7月1日起施行。\n")
    assert [(f.location.label, f.location.line, f.message) for f in found] == [("第一条", 2, "缺少制定依据（0处）")]


def test_present_in_scope_satisfies(tmp_path):
    rules = rules_from(tmp_path, RULE)
    text = "第一条 为了加强城市绿化管理，根据《城市绿化条例》，结合本市实际，制定本办法。\n"
    assert findings(rules, text) == []


def test_outside_scope_does_not_count(tmp_path):
    rules = rules_from(tmp_path, RULE)
    text = "# 某市贯彻《城市绿化条例》的办法\n\n各区人民政府：根据《城市绿化条例》制定。\n\n第一条 为了加强城市绿化管理，制定本办法。\n"
    assert [f.location.label for f in findings(rules, text)] == ["第一条"]
