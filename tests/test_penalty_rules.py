"""CONT-PEN-01 (penalty basis), CONT-PEN-04 (above the maximum) and CONT-PEN-05 (below the minimum) on drafts."""

from __future__ import annotations

import datetime as dt
import textwrap

from review_engine import parse
from review_engine.engine import get_profile
from review_engine.ruleset.run import make_context, run_rules
from review_engine.ruleset import load_rules

RULES = load_rules(test=False)
ROAD = "《中华人民共和国道路交通安全法》"


def review(text: str, *, ids=("CONT-PEN-",), review_date=dt.date(2026, 6, 1), doc_type="规范性文件"):
    doc = parse(textwrap.dedent(text).strip("\n") + "\n")
    ctx = make_context(doc, profile=get_profile("national"), doc_type=doc_type, review_date=review_date)
    not_run: list = []
    rules = [r for r in RULES.rules if r.id.startswith(ids)]
    return run_rules(rules, ctx, not_run), not_run


def outcomes(found) -> list[tuple[str, str]]:
    return [(f.rule_id, f.outcome) for f in found]


def test_fine_of_500_under_road_traffic_article_90_is_above_the_maximum():
    found, not_run = review(f"第一条 机动车驾驶人违反道路通行规定的，由公安机关交通管理部门依照{ROAD}第九十条的规定，处五百元罚款。")
    assert outcomes(found) == [("CONT-PEN-04", "above_max")] and not_run == []
    f = found[0]
    assert f.severity == "block" and f.excerpt == "处五百元罚款"
    assert "二十元以上二百元以下" in f.message and "最高为二百元" in f.message and "警告" in f.message
    extra = [b for b in f.basis if b.article == 90]
    assert extra and extra[0].law == "中华人民共和国道路交通安全法" and "二十元以上二百元以下" in extra[0].quote


def test_fine_below_the_statutory_minimum():
    found, _ = review(f"第一条 公路客运车辆载客超过额定乘员的，依照{ROAD}第九十二条第一款的规定，处一百元罚款。")
    assert outcomes(found) == [("CONT-PEN-05", "below_min")]
    assert found[0].severity == "modify" and "最低为二百元" in found[0].message


def test_open_lower_bound_is_below_the_minimum():
    found, _ = review(f"第一条 公路客运车辆载客超过额定乘员的，依照{ROAD}第九十二条第一款的规定，处五百元以下罚款。")
    assert outcomes(found) == [("CONT-PEN-05", "below_min")]


def test_fine_within_the_range_passes():
    for amount in ("二十元", "二百元", "五十元以上一百元以下", "100元"):
        found, not_run = review(f"第一条 机动车驾驶人违反道路通行规定的，依照{ROAD}第九十条的规定，处{amount}罚款。")
        assert found == [] and not_run == [], amount


def test_points_under_a_lead_in_rely_on_its_citation():
    found, _ = review(f"""
        第一条 机动车驾驶人违反道路通行规定的，依照{ROAD}第九十条的规定处罚：
        （一）初次违反的，处警告；
        （二）一年内再次违反的，处三百元罚款。
    """)
    assert outcomes(found) == [("CONT-PEN-04", "above_max")]
    assert found[0].location.label == "第一条第（二）项"


def test_points_after_a_paragraph_that_introduces_nothing_take_no_citation_from_it():
    # the 款 before them names forms in 《》 and ends with a full stop: it is no lead-in, its titles are no basis
    found, _ = review("""
        第一条 投诉处理机构应当填写《投诉立案表》，并送达《投诉受理通知书》。
        （一）拒不建立进货台账的，对经营单位处五千元罚款；
    """)
    assert ("CONT-PEN-01", "no_basis") in outcomes(found)


def test_article_that_refers_to_another_is_followed():
    found, _ = review(f"第一条 故意遮挡机动车号牌的，依照{ROAD}第九十五条第二款的规定，处一千元罚款。")
    assert outcomes(found) == [("CONT-PEN-04", "above_max")]
    assert any(b.article == 90 for b in found[0].basis)


def test_multiples_compare_with_multiples_of_the_same_base():
    found, _ = review(f"第一条 检验机构出具虚假检验结果的，依照{ROAD}第九十四条第二款的规定，处所收检验费用二十倍的罚款。")
    assert outcomes(found) == [("CONT-PEN-04", "above_max")] and "十倍" in found[0].message
    found, _ = review(f"第一条 检验机构出具虚假检验结果的，依照{ROAD}第九十四条第二款的规定，处所收检验费用八倍的罚款。")
    assert found == []


def test_targets_are_matched_when_both_name_them():
    law = "《中华人民共和国噪声污染防治法》第八十二条"
    found, _ = review(f"第一条 使用高音广播喇叭拒不改正的，依照{law}的规定，对个人处五千元罚款。")
    assert outcomes(found) == [("CONT-PEN-04", "above_max")] and "一千元" in found[0].message
    found, _ = review(f"第一条 使用高音广播喇叭拒不改正的，依照{law}的规定，对单位处五千元罚款。")
    assert found == []


def test_penalty_citing_an_article_without_penalty():
    found, _ = review(f"第一条 违反本办法第二条规定的，依照{ROAD}第二条的规定，处二十元罚款。")
    assert outcomes(found) == [("CONT-PEN-01", "not_penalty_article")]
    assert "没有规定行政处罚" in found[0].message and "2021年修正" in found[0].message


def test_normative_document_is_not_a_basis_for_a_penalty():
    found, _ = review("第一条 违反本办法的，依照《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》的规定，处一千元罚款。")
    assert outcomes(found) == [("CONT-PEN-01", "low_level_basis")]
    found, _ = review("第一条 违反本办法的，按照《某市人民政府关于加强市容管理的通知》的规定，处一千元罚款。")
    assert outcomes(found) == [("CONT-PEN-01", "low_level_basis")]


def test_violated_provision_is_not_the_basis():
    found, _ = review(f"第一条 违反{ROAD}第三十八条规定的，处五十元罚款。")
    assert outcomes(found) == [("CONT-PEN-01", "no_basis")]


def test_law_without_article_facts_is_not_run_never_passed():
    # the 2025 revision of 反不正当竞争法 (in force 2025-10-15) came after the snapshot: no article facts
    found, not_run = review("第一条 违反本办法规定的，依照《中华人民共和国反不正当竞争法》第二十条的规定，处五百元罚款。",
                            review_date=dt.date(2026, 6, 1))
    assert found == []
    assert sorted(n.rule_id for n in not_run) == ["CONT-PEN-01", "CONT-PEN-04", "CONT-PEN-05"]
    assert all("反不正当竞争法" in n.reason for n in not_run)


def test_facts_of_another_version_are_not_used():
    # 治安管理处罚法: facts of the 2012 text; from 2026-01-01 the 2025 revision applies
    text = "第一条 饲养动物干扰他人正常生活的，依照《中华人民共和国治安管理处罚法》第七十五条的规定，处一千元罚款。"
    found, not_run = review(text, review_date=dt.date(2025, 6, 1))
    assert outcomes(found) == [("CONT-PEN-04", "above_max")]
    found, not_run = review(text, review_date=dt.date(2026, 6, 1))
    assert found == [] and {n.rule_id for n in not_run} == {"CONT-PEN-01", "CONT-PEN-04", "CONT-PEN-05"}
    assert "2025年修订" in not_run[0].reason


def test_plain_penalty_without_basis_still_blocks():
    found, _ = review("第一条 违反本办法第五条规定的，由城市管理部门处二百元罚款。")
    assert outcomes(found) == [("CONT-PEN-01", "no_basis")]


def test_penalty_rules_on_a_regulation_check_the_range_only():
    found, _ = review(f"第一条 机动车驾驶人违反道路通行规定的，依照{ROAD}第九十条的规定，处五百元罚款。",
                      doc_type="地方政府规章")
    assert outcomes(found) == [("CONT-PEN-04", "above_max")]


GRADING = """
    某县城乡规划行政处罚裁量基准

    第一条 为了规范城乡规划行政处罚裁量权，根据《中华人民共和国城乡规划法》，制定本基准。
    第二条 {clause}
"""


def test_a_grading_document_grades_the_fines_its_law_provides():
    # a share of the cost of the works, as 城乡规划法 fines: a grade of the law's fine, for CONT-PEN-04/05 to hold
    found, _ = review(GRADING.format(clause="未取得建设工程规划许可证进行建设，尚可采取改正措施的，处建设工程造价百分之五的罚款。"))
    assert ("CONT-PEN-01", "no_basis") not in outcomes(found)
    # … a sum within the range the law sets for a conduct (城乡规划法第六十七条: 一万元以上五万元以下)
    found, _ = review(GRADING.format(clause="建设单位逾期三个月以上报送竣工验收资料的，处二万元罚款。"))
    assert ("CONT-PEN-01", "no_basis") not in outcomes(found)


def test_a_grading_document_sets_a_fine_of_a_kind_its_law_does_not_know():
    # a sum per square metre, or one below every range of the law: the document's own fine
    for clause in ("凡在国道两侧占道晾晒笋干的，一律按每平方米五十元处以罚款。",
                   "经营者未按要求登记交易双方身份信息的，一律处以一千元罚款。",
                   "艺术培训机构未公示退费办法的，由县教育局给予警告，并处三千元罚款。"):
        found, _ = review(GRADING.format(clause=clause))
        assert ("CONT-PEN-01", "no_basis") in outcomes(found), clause


def test_a_licence_named_in_brackets_is_no_basis():
    """《景区经营证》 is the licence revoked, not a law the revocation rests on."""
    text = ("某县景区商户管理办法\n\n第一条 为了规范景区经营秩序，制定本办法。\n\n"
            "第二条 商户被游客投诉查实三次以上的，由景区管委会吊销其《景区经营证》。\n\n"
            "第三条 本办法自2027年1月1日起施行。\n")
    found, _ = review(text)
    assert [f for f in found if f.rule_id == "CONT-PEN-01" and "景区经营证" in f.message]
