"""``pattern``: lexicons and regexes, exceptions by sentence/unit/article, scopes, spans."""

from __future__ import annotations

from ruletools import BASIS, findings, rules_from

DRAFT = """
# 某县农贸市场管理办法

第一条 为了规范农贸市场经营秩序，根据《中华人民共和国食品安全法》等法律、法规，结合本县实际，制定本办法。

第二条 市场开办者应当向经营者收取摊位管理费，标准由县市场服务中心确定。
经营者应当按照规定缴纳卫生保洁费。

第三条 违反本办法规定的，由县市场监督管理局依照《中华人民共和国食品安全法》的有关规定予以处理。

第四条 市场开办者不得向经营者收取任何其他费用。

第五条 本办法自2026年7月1日起施行，有效期5年。
"""

FEE_RULE = """
id: TEST-FEE-01
title: 收费
severity: block
check: pattern
patterns: ['(?:收取|缴纳)[^。；，]{0,12}?费']
unless_sentence: ['不得[^。；]{0,8}收取']
message: "{label}：{match}"
""" + BASIS + """
examples: {fail: ["经营者应当缴纳卫生保洁费。"], pass: ["不得收取任何费用。"]}
"""


def test_hits_carry_label_excerpt_and_original_span(tmp_path):
    rules = rules_from(tmp_path, FEE_RULE)
    found = findings(rules, DRAFT)
    assert [(f.location.label, f.excerpt) for f in found] == [
        ("第二条第一款", "收取摊位管理费"), ("第二条第二款", "缴纳卫生保洁费")]
    first = found[0].location
    line = DRAFT.strip("\n").split("\n")[first.line - 1]
    assert line[first.column - 1:first.end_column - 1] == "收取摊位管理费"
    assert found[0].message == "第二条第一款：收取摊位管理费"


def test_unless_article_and_require_sentence(tmp_path):
    rule = FEE_RULE.replace("unless_sentence: ['不得[^。；]{0,8}收取']",
                            "unless_sentence: ['不得[^。；]{0,8}收取']\nrequire_sentence: ['应当']\nunless_article: ['县市场服务中心']")
    found = findings(rules_from(tmp_path, rule), DRAFT)
    assert [f.location.label for f in found] == []  # 第二条 mentions the service centre: the whole article is excused
    rule2 = FEE_RULE.replace("unless_sentence: ['不得[^。；]{0,8}收取']", "require_sentence: ['按照规定']")
    assert [f.excerpt for f in findings(rules_from(tmp_path / "b", rule2), DRAFT)] == ["缴纳卫生保洁费"]


def test_scope_title_only(tmp_path):
    rule = """
    id: TEST-TITLE-01
    title: 标题
    severity: info
    check: pattern
    scope: title
    lexicon: [办法, 条例]
    message: "{match}"
    """ + BASIS + """
    examples: {fail: ["某县农贸市场管理办法"]}
    """
    found = findings(rules_from(tmp_path, rule), DRAFT)
    assert [(f.location.label, f.excerpt) for f in found] == [("标题", "办法")]


def test_unless_condition_sees_the_match(tmp_path):
    rule = FEE_RULE + "unless: 'matches(match.sentence, \"摊位\")'\n"
    assert [f.excerpt for f in findings(rules_from(tmp_path, rule), DRAFT)] == ["缴纳卫生保洁费"]


def test_matches_do_not_run_across_units(tmp_path):
    rule = FEE_RULE.replace("patterns: ['(?:收取|缴纳)[^。；，]{0,12}?费']", "patterns: ['规定[^。]{0,30}罚款']")
    text = "第一条 本办法所称的规定\n第二条 违反规定的，处二百元罚款。\n"
    found = findings(rules_from(tmp_path, rule), text)
    assert [(f.location.label, f.excerpt) for f in found] == [("第二条", "规定的，处二百元罚款")]


def test_group_and_max_per_unit(tmp_path):
    rule = FEE_RULE.replace("patterns: ['(?:收取|缴纳)[^。；，]{0,12}?费']",
                            "patterns: ['(?:收取|缴纳)(?P<item>[^。；，]{0,12}?费)']\ngroup: item\nmax_per_unit: 1")
    text = "第一条 经营者应当缴纳卫生费、缴纳管理费。\n"
    found = findings(rules_from(tmp_path, rule), text)
    assert [f.excerpt for f in found] == ["卫生费"]


def test_outline_documents_are_searched(tmp_path):
    text = """
    某县人民政府办公室关于加强农贸市场管理的通知

    各乡镇人民政府，县直各部门：

    一、加强收费管理

    （一）市场开办者可以向经营者收取摊位管理费。
    """
    found = findings(rules_from(tmp_path, FEE_RULE), text)
    assert [f.location.label for f in found] == ["一、（一）"]
