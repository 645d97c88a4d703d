"""``numbering``: 条/章/节 and 项/目 in order, without gaps or repeats, in the statutory form."""

from __future__ import annotations

from ruletools import BASIS, findings, rules_from


def rule(target: str, checks: str = "[sequence, form]") -> str:
    return f"""
id: TEST-NUM-01
title: 编号
severity: modify
check: numbering
target: {target}
checks: {checks}
message: "{{label}} {{expected}} {{found}}"
""" + BASIS + """
examples: {fail: ["第一条 甲。\\n第三条 乙。"]}
"""


def outcomes(found):
    return [(f.outcome, f.location.label, f.excerpt) for f in found]


def test_article_gap_repeat_order(tmp_path):
    text = "第一条 甲。\n第二条 乙。\n第四条 丙。\n第四条 丁。\n第三条 戊。\n"
    found = findings(rules_from(tmp_path, rule("article", "[sequence]")), text)
    assert outcomes(found) == [("gap", "第四条", "第四条"), ("repeat", "第四条", "第四条"), ("order", "第三条", "第三条")]


def test_articles_run_through_chapters_and_restart_in_attachments(tmp_path):
    text = """
    某县人民政府关于印发《某县河道管理办法》的通知
    各乡镇人民政府：
    现将《某县河道管理办法》印发给你们。
    某县人民政府
    2026年5月1日
    某县河道管理办法
    第一章 总则
    第一条 为了加强河道管理，制定本办法。
    第二章 附则
    第二条 本办法自2026年6月1日起施行。
    """
    assert findings(rules_from(tmp_path, rule("[article, chapter]")), text) == []


def test_arabic_article_numbers_are_reported_once(tmp_path):
    text = "第1条 甲。\n第2条 乙。\n第3条 丙。\n"
    found = findings(rules_from(tmp_path, rule("article", "[form]")), text)
    assert [(f.outcome, f.location.label) for f in found] == [("form", "第一条")]
    assert found[0].message.endswith("第X条 第1条")


def test_points_restart_under_each_paragraph(tmp_path):
    text = """
    第五条 申请人应当提交下列材料：
    （一）申请书；
    （二）营业执照复印件。
    有下列情形之一的，不予受理：
    （一）材料不全的；
    （三）超出受理范围的。
    """
    found = findings(rules_from(tmp_path, rule("point", "[sequence]")), text)
    assert outcomes(found) == [("gap", "第五条第二款第（三）项", "（三）")]


def test_outline_levels(tmp_path):
    text = "一、总体要求\n（一）指导思想。\n（二）基本原则。\n三、保障措施\n"
    found = findings(rules_from(tmp_path, rule("outline", "[sequence]")), text)
    assert outcomes(found) == [("gap", "三、", "三、")]


def test_a_restart_at_one_is_a_new_list_not_a_repeat(tmp_path):
    text = "一、甲\n二、乙\n三、丙\n某某判定标准\n一、丁\n二、戊\n"
    assert findings(rules_from(tmp_path, rule("outline", "[sequence]")), text) == []


def test_items_listed_inline_before_the_list(tmp_path):
    text = "第八十六条 本规范自2009年1月1日起实施。\n附件：1、查处酒后驾驶操作规程\n2、查处违反装载规定违法行为操作规程\n3、查处超速行驶操作规程\n"
    assert findings(rules_from(tmp_path, rule("point", "[sequence]")), text) == []


def test_outline_items_numbered_through_the_document(tmp_path):
    text = """
    第一章 总则
    一、甲。
    二、乙。
    第二章 职责
    三、丙。
    四、丁。
    """
    assert findings(rules_from(tmp_path, rule("outline", "[sequence]")), text) == []
    text2 = "一、总体要求\n（一）甲。\n（二）乙。\n二、重点任务\n（三）丙。\n（四）丁。\n三、保障措施\n（一）戊。\n（三）己。\n"
    found = findings(rules_from(tmp_path / "b", rule("outline", "[sequence]")), text2)
    assert outcomes(found) == [("gap", "三、（三）", "（三）")]
