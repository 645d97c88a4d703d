"""``cross_reference``: the draft's references to its own articles, paragraphs and items resolve."""

from __future__ import annotations

from ruletools import BASIS, findings, rules_from

RULE = """
id: TEST-XREF-01
title: 引用
severity: modify
check: cross_reference
message: "{reference}|{reason}"
""" + BASIS + """
examples: {fail: ["第一条 违反本办法第九条规定的，责令改正。"]}
"""

DRAFT = """
# 某市养犬管理办法
第一条 为了规范养犬行为，制定本办法。
第二条 养犬人应当为犬只办理登记。
登记应当载明下列事项：
（一）养犬人姓名；
（二）犬只品种。
第三条 违反本办法第二条第二款第（二）项规定的，由公安机关责令改正。
违反前款规定，情节严重的，依照《中华人民共和国治安管理处罚法》第七十五条的规定处理。
第四条 违反本办法第二条第三款、第五条或者本条第三款规定的，责令改正。
"""


def messages(tmp_path, text):
    return [f.message for f in findings(rules_from(tmp_path, RULE), text)]


def test_resolving_and_broken_references(tmp_path):
    assert messages(tmp_path, DRAFT) == [
        "本办法第二条第三款|第二条只有二款，没有第三款",
        "第五条|本文件没有第五条（共4条）",
        "本条第三款|第四条只有一款，没有第三款",
    ]


def test_previous_paragraph_in_first_paragraph(tmp_path):
    text = "第一条 前款规定的单位应当登记。\n第二条 前条规定的登记免费办理。\n"
    assert messages(tmp_path, text) == ["前款|“前款”位于第一条第一款，前面没有款可指"]


def test_chained_citations_of_other_laws_are_not_internal(tmp_path):
    text = "第一条 对施工单位依照《建设工程安全生产管理条例》第五十八条或者第六十六条的规定处理。\n"
    assert messages(tmp_path, text) == []


def test_a_cited_articles_item_does_not_break_the_chain(tmp_path):
    """《……》第二十七条第一项、第四十二条: the second article is the cited law's too (a draft of five articles)."""
    text = "第一条 擅自占用城市绿地的，依照《城市绿化条例》第二十七条第（一）项、第二十九条的规定处理。\n"
    assert messages(tmp_path, text) == []
    text = "第一条 擅自挖掘城市道路的，依照《城市道路管理条例》第二十七条第一项、第四十二条的规定处理。\n"
    assert messages(tmp_path, text) == []
    assert messages(tmp_path, "第一条 违反本办法第九条规定的，责令改正。\n")  # an internal one still checked
