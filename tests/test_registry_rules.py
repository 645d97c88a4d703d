"""The citation and penalty rules on laws and regulations outside the 37 of higher_law: what the imported
registry (laws/national_law/) lets them check."""

from __future__ import annotations

import datetime as dt
import textwrap

from review_engine import parse
from review_engine.engine import get_profile, get_rules, make_context, run_rules

RULES = get_rules()


def review(text: str, *, review_date=dt.date(2026, 6, 1), ids=("CITE-", "CONT-PEN-")):
    doc = parse(textwrap.dedent(text).strip("\n") + "\n")
    ctx = make_context(doc, profile=get_profile("national"), doc_type="规范性文件", review_date=review_date)
    not_run: list = []
    rules = [r for r in RULES.rules if r.id.startswith(ids)]
    return run_rules(rules, ctx, not_run), not_run


def outcomes(found) -> list[tuple[str, str]]:
    return [(f.rule_id, f.outcome) for f in found]


# --------------------------------------------------------------------------------------------------- CITE-01


def test_laws_outside_the_old_registry_are_known():
    found, _ = review("""
        第一条 根据《中华人民共和国测绘法》《中华人民共和国港口法》《危险化学品安全管理条例》
        《中华人民共和国船员条例》和《取水许可和水资源费征收管理条例》，制定本办法。
    """)
    assert [f for f in found if f.rule_id == "CITE-01"] == []


def test_a_ministry_rule_is_still_unknown():
    found, _ = review("第一条 根据《安全生产违法行为行政处罚办法》，制定本办法。")
    assert outcomes(found) == [("CITE-01", "unknown")]


# --------------------------------------------------------------------------------------------------- CITE-02


def test_repeal_read_from_the_successor_names_it():
    found, _ = review("第一条 根据《中华人民共和国执业医师法》，制定本办法。")
    [f] = found
    assert (f.rule_id, f.outcome) == ("CITE-02", "repealed")
    assert "2022年3月1日废止" in f.message and "《中华人民共和国医师法》" in f.suggestion


def test_a_cited_version_replaced_by_a_later_one():
    found, _ = review("第一条 根据《中华人民共和国公司法》（2018年修正），制定本办法。")
    [f] = found
    assert (f.rule_id, f.outcome) == ("CITE-02", "superseded")
    assert "所引2018年修正文本已被2023年修订文本取代（自2024年7月1日起施行）" in f.message
    assert "2023年修订" in f.suggestion
    found, _ = review("第一条 根据《中华人民共和国公司法》（2018年修正），制定本办法。", review_date=dt.date(2024, 6, 30))
    assert found == []  # the 2018 text still applied


def test_a_regulation_that_lost_force_without_a_known_date():
    found, _ = review("第一条 根据《中华人民共和国中医药条例》，制定本办法。")
    [f] = found
    assert (f.rule_id, f.outcome) == ("CITE-02", "repealed") and "废止日期未载明" in f.message


# --------------------------------------------------------------------------------------------------- CITE-03


def test_articles_of_laws_outside_the_old_registry():
    found, _ = review("第一条 依照《中华人民共和国测绘法》第七十条的规定执行。")
    [f] = found
    assert (f.rule_id, f.outcome) == ("CITE-03", "no_article")
    assert "共六十八条" in f.message and "没有第七十条" in f.message
    found, _ = review("第一条 依照《中华人民共和国测绘法》第六十八条的规定执行。")
    assert found == []


def test_paragraphs_and_items_of_a_law_outside_the_old_registry():
    found, _ = review("第一条 依照《中华人民共和国渔业法》第十六条第四款的规定执行。")
    [f] = found
    assert (f.rule_id, f.outcome) == ("CITE-03", "no_paragraph") and "只有三款" in f.message
    found, _ = review("第一条 依照《中华人民共和国渔业法》第十六条第三款的规定执行。")
    assert found == []


def test_articles_with_zhi_yi():
    found, _ = review("第一条 依照《中华人民共和国刑法》第一百三十三条之一的规定追究刑事责任。")
    assert found == []
    found, _ = review("第一条 依照《中华人民共和国刑法》第一百三十三条之九的规定追究刑事责任。")
    [f] = found
    assert (f.rule_id, f.outcome) == ("CITE-03", "no_article") and "没有第一百三十三条之九" in f.message


def test_an_article_only_an_older_version_has():
    found, _ = review("第一条 依照《中华人民共和国国际海运条例》第五十条的规定执行。")
    [f] = found
    assert (f.rule_id, f.outcome) == ("CITE-03", "no_article")
    assert "2023年修订共四十八条" in f.message and "该条见于已被取代的2019年修订文本（共五十三条）" in f.message


def test_an_article_only_a_newer_version_has():
    found, _ = review("第一条 依照《中华人民共和国行政处罚法》第八十条的规定执行。", review_date=dt.date(2020, 1, 1))
    [f] = found
    assert (f.rule_id, f.outcome) == ("CITE-03", "no_article")
    assert "该条见于尚未施行的2021年修订文本，自2021年7月15日起施行" in f.message


# --------------------------------------------------------------------------------------------------- CONT-PEN


def test_fine_above_the_maximum_of_a_law_outside_the_old_registry():
    found, _ = review("第一条 非法生产水产苗种的，依照《中华人民共和国渔业法》第四十四条第一款的规定，处十万元罚款。")
    assert outcomes(found) == [("CONT-PEN-04", "above_max")]
    assert "五万元以下罚款" in found[0].message
    found, _ = review("第一条 非法生产水产苗种的，依照《中华人民共和国渔业法》第四十四条第一款的规定，处三万元罚款。")
    assert found == []


def test_fine_below_the_minimum_of_a_regulation():
    found, _ = review("第一条 船舶在内河航行时未按照规定显示信号的，依照《中华人民共和国内河交通安全管理条例》第六十八条的规定，"
                      "处二千元罚款。")
    assert outcomes(found) == [("CONT-PEN-05", "below_min")]
    assert "五千元" in found[0].message
    found, _ = review("第一条 违反本办法第三条规定的，依照《娱乐场所管理条例》第四十五条的规定，处三万元罚款。")
    assert found == []


def test_penalty_basis_in_an_article_without_penalty():
    found, _ = review("第一条 违反本办法规定的，依照《中华人民共和国测绘法》第一条的规定，处一千元罚款。")
    assert ("CONT-PEN-01", "not_penalty_article") in outcomes(found)
