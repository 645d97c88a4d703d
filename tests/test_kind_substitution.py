"""``substitution``: non-standard terms and their standard replacements."""

from __future__ import annotations

from ruletools import BASIS, findings, rules_from

RULE = """
id: TEST-SUB-01
title: 规范用语
severity: info
check: substitution
swap: {标准性文件: 规范性文件, 原那么: 原则, 其它组织: 其他组织}
message: "“{match}”应为“{replacement}”"
""" + BASIS + """
examples: {fail: ["各部门制定标准性文件。"], pass: ["各部门制定规范性文件。"]}
"""


def test_each_term_is_replaced(tmp_path):
    text = "第一条 各部门制定标准性文件，应当遵循合法原那么，听取公民、法人和其它组织的意见。\n"
    found = findings(rules_from(tmp_path, RULE), text)
    assert [f.message for f in found] == ["“标准性文件”应为“规范性文件”", "“原那么”应为“原则”", "“其它组织”应为“其他组织”"]


def test_regex_keys_with_groups(tmp_path):
    rule = RULE.replace("swap: {标准性文件: 规范性文件, 原那么: 原则, 其它组织: 其他组织}",
                        "regex: true\nswap: {'(\\d+)日内': '\\1个工作日内'}")
    found = findings(rules_from(tmp_path, rule), "第一条 申请人应当在15日内补正材料。\n")
    assert [f.message for f in found] == ["“15日内”应为“15个工作日内”"]
