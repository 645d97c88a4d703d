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


BODY_RULE = """
id: TEST-SUB-02
title: 机构名称
severity: modify
check: substitution
regex: true
swap: {'工商行政管理局': 市场监督管理局}
once: true
not_preceding: ['原[^，。；]{0,8}$', '《[^》]*$']
not_following: ['^令']
message: "“{match}”应为“{replacement}”（{count}处）"
""" + BASIS + """
examples: {fail: ["由县工商行政管理局负责。"], pass: ["由县市场监督管理局负责。"]}
"""


def test_once_reports_the_first_place_with_the_number_of_places(tmp_path):
    text = """\
    第一条 本办法由县工商行政管理局组织实施。

    第二条 经营者向县工商行政管理局申请登记，县工商行政管理局应当当场办理。
    """
    found = findings(rules_from(tmp_path, BODY_RULE), text)
    assert [(f.location.label, f.message) for f in found] == [("第一条", "“工商行政管理局”应为“市场监督管理局”（3处）")]


def test_the_former_body_a_cited_title_and_an_order_are_not_hits(tmp_path):
    text = """\
    第一条 原县工商行政管理局作出的登记继续有效。

    第二条 依照《国家工商行政管理局关于个体工商户登记的通知》办理，并参照国家工商行政管理局令第1号。
    """
    assert findings(rules_from(tmp_path, BODY_RULE), text) == []
