"""How the trust gate reads a draft that names its basis law and then restates it in its own words, as real drafts
do (benchmarks/lawful/RESULTS.md, blind-6 to blind-9): 第一条 根据《……》……制定本办法, and later the law's approvals,
penalties and gates without the article number.

Each case is a county draft written for this test; the same sentence is also reviewed in a draft that names no basis
law (or another one), where the gate must still report it: the principle is the basis named, not the words."""

from __future__ import annotations

import datetime as dt

import pytest

from review_engine.engine import get_profile, get_rules, make_context
from review_engine.parsing import parse_source
from review_engine.reading import source_from_text
from review_engine.record import Dossier
from review_engine.ruleset.run import run_rules

ISSUER = Dossier.model_validate({"issuer": {"name": "某县人民政府", "type": "人民政府", "level": "县"}})


def findings(basis: str, *articles: str) -> list:
    lines = ["# 某县城市管理办法", "", f"第一条 为了加强管理，{basis}结合本县实际，制定本办法。", "",
             "第二条 县城市管理局负责本办法的组织实施。", ""]
    lines += [f"第{'三四五六七'[i]}条 {text}\n" for i, text in enumerate(articles)]
    lines += ["第八条 本办法自2027年3月1日起施行，有效期5年。"]
    doc = parse_source(source_from_text("\n".join(lines), file="draft.md", format="md"))
    ctx = make_context(doc, profile=get_profile("national"), doc_type="规范性文件", review_date=dt.date(2026, 12, 1),
                       dossier=ISSUER)
    return [f for f in run_rules(get_rules().rules, ctx, []) if f.rule_id.startswith("CONT-")
            and f.location.label.startswith(("第三条", "第四条"))]


def levels(found: list) -> set[str]:
    return {f.severity for f in found}


GREENING = "根据《城市绿化条例》等法规，"
OTHER = "根据《中华人民共和国食品安全法》等法律，"


def test_an_approval_of_the_named_law_restated_is_for_the_reviewer_to_compare():
    sentence = "单位和个人砍伐城市树木，必须经县城市绿化行政主管部门批准，并按照国家有关规定补植树木。"
    named = findings(GREENING, sentence)
    assert named and levels(named) == {"warn"}, named
    assert "已列明该上位法为依据" in named[0].reading
    assert levels(findings(OTHER, sentence)) == {"modify"}  # restated, but of a law the draft does not name


def test_a_fine_under_the_law_title_is_checked_against_the_ranges_the_law_gives():
    given = "运输渣土的车辆未采取密闭措施的，由县城市管理局依照《中华人民共和国大气污染防治法》的规定，处二千元以上二万元以下的罚款。"
    invented = "运输渣土的车辆未采取密闭措施的，由县城市管理局依照《中华人民共和国大气污染防治法》的规定，处三千元以上三万元以下的罚款。"
    assert levels(findings(OTHER, given)) == {"warn"}
    assert "modify" in levels(findings(OTHER, invented))


def test_a_penalty_whose_conduct_is_the_sentence_before_repeats_the_law():
    # 《未成年人保护法》第一百二十四条, the conduct and the sanction split over two sentences
    text = ("任何人不得在学校、幼儿园和其他未成年人集中活动的公共场所吸烟、饮酒。违反的，由卫生健康、教育、市场监督管理等部门"
            "按照职责分工责令改正，给予警告，可以并处五百元以下罚款。")
    assert not levels(findings("根据《中华人民共和国未成年人保护法》等法律，", text)) & {"modify", "block"}
    alone = "违反的，由卫生健康、教育、市场监督管理等部门按照职责分工责令改正，给予警告，可以并处五百元以下罚款。"
    assert "block" in levels(findings(OTHER, "任何人不得在公园内遛狗。" + alone))


def test_the_law_a_back_reference_names_is_the_basis():
    text = ("未经批准擅自砍伐城市树木的，由县城市绿化行政主管部门依照《城市绿化条例》的规定处理。情节严重的，依照该条例"
            "责令停止侵害，并处罚款。")
    found = findings(OTHER, text)
    assert not any(f.severity in ("modify", "block") and "该条例" in (f.reading or "") for f in found), found


@pytest.mark.parametrize("gate", ["未经许可，任何单位或者个人不得经营烟花爆竹。"])
def test_a_bare_gate_gates_the_permit_the_sentence_before_names(gate):
    text = "从事烟花爆竹零售经营，应当依法取得《烟花爆竹经营（零售）许可证》。" + gate
    named = findings("根据《烟花爆竹安全管理条例》等法规，", text)
    assert not levels(named) & {"modify", "block"}, named
    assert "block" in levels(findings(OTHER, "从事宠物美容经营，应当取得县城市管理局核发的经营许可证。" + gate))


def test_conditions_for_a_licence_the_named_law_sets_are_for_the_reviewer_to_compare():
    # 《中国公民出国旅游管理办法》第三条 lists the conditions of the outbound-tour business in its own words
    text = ("旅行社申请经营出国旅游业务，应当具备下列条件：取得国际旅行社资格满1年；经营入境旅游业务有突出业绩；"
            "经营期间无重大违法行为和重大服务质量问题。")
    named = findings("根据《旅行社条例》《中国公民出国旅游管理办法》等法规，", text)
    assert not levels(named) & {"modify", "block"}, named
    assert levels(findings(OTHER, text)) & {"modify", "block"}


INLINE_CONDITIONS = [
    # 《中华人民共和国拍卖法》第十二条 lists the conditions; the draft writes them inline
    ("根据《中华人民共和国拍卖法》等法律，",
     "在本县申请从事拍卖业务的企业，应当有一百万元人民币以上的注册资本，有自己的名称、组织机构、住所和章程，"
     "有与从事拍卖业务相适应的拍卖师和其他工作人员{extra}。", "，有本县户籍的拍卖师二名以上"),
    # 取得危险化学品经营许可 is a licence of another regulation, held as one of the conditions 《民用机场管理条例》第四十一条
    # lists
    ("根据《民用机场管理条例》等法规，",
     "在本市民用机场内从事航空燃油供应业务的企业，应当取得成品油经营许可和危险化学品经营许可，有符合国家有关标准、"
     "与经营业务规模相适应的航空燃油供应设施、设备，有健全的航空燃油供应安全管理制度、油品检测和监控体系，"
     "有满足业务经营需要的专业技术和管理人员{extra}。", "，并在本市注册满三年"),
]


@pytest.mark.parametrize("basis,text,extra", INLINE_CONDITIONS)
def test_conditions_a_named_law_lists_written_inline_are_the_laws(basis, text, extra):
    """……，应当有……，有……，有……: the conditions of a named law's list written inline are the law's, for the reviewer to
    compare (a licence another law provides among them too); a condition the list does not hold keeps the sentence the
    draft's own, and under another basis law the same conditions are nobody's."""
    named = findings(basis, text.format(extra=""))
    assert not levels(named) & {"modify", "block"}, [(f.rule_id, f.severity, f.reading) for f in named]
    assert levels(findings(basis, text.format(extra=extra))) & {"modify", "block"}
    assert levels(findings(OTHER, text.format(extra=""))) & {"modify", "block"}


def test_a_gate_after_the_semicolon_gates_the_permit_the_half_before_names():
    """……应当依法取得《烟花爆竹经营（零售）许可证》；未取得许可证的单位或者个人，不得开展上述经营活动: the gate is the permit
    of the half before its semicolon, which the named regulation provides."""
    text = "在本县从事烟花爆竹零售经营，应当依法取得《烟花爆竹经营（零售）许可证》；未取得许可证的单位或者个人，不得开展上述经营活动。"
    named = findings("根据《烟花爆竹安全管理条例》等法规，", text)
    assert not levels(named) & {"modify", "block"}, [(f.rule_id, f.severity, f.reading) for f in named]


PESTICIDE = "根据《农药管理条例》等法规，"


def test_a_bare_yifa_fine_after_the_article_cited_the_law_for_its_penalties():
    """依照《……》的规定予以处罚。其中，……依法处……罚款: the 依法 is the law just cited, and the range is compared with its
    articles; a range the law does not give is still the draft's own."""
    lead = "违反本办法规定的，由县城市管理局依照《中华人民共和国大气污染防治法》的规定予以处罚。其中，运输渣土的车辆未采取密闭措施的，"
    assert levels(findings(GREENING, lead + "依法处二千元以上二万元以下的罚款。")) == {"warn"}
    assert levels(findings(GREENING, lead + "依法处三千元以上三万元以下的罚款。")) & {"block", "modify"}


def test_a_warning_whose_sentence_goes_on_with_the_fines_of_the_cited_law():
    """……责令改正，给予警告；拒不改正的，处五千元以上五万元以下罚款 under a citation of the law's title: the warning is the
    article's that gives those fines and a warning; with fines the law does not give, the warning is the draft's own."""
    lead = ("违反本办法规定的，由县市场监督管理局依照《中华人民共和国食品安全法》的规定予以处罚。其中，食品经营者未按照规定建立"
            "进货查验记录制度的，由县市场监督管理局责令改正，给予警告；拒不改正的，处{fine}罚款。")
    given = findings(OTHER, lead.format(fine="五千元以上五万元以下"))
    assert given and levels(given) == {"warn"}, [(f.rule_id, f.severity, f.reading) for f in given]
    assert levels(findings(OTHER, lead.format(fine="六千元以上六万元以下"))) & {"block", "modify"}


def test_a_licence_condition_the_cited_article_lays_down():
    """依照《农药管理条例》第二十四条……取得农药经营许可证。……还应当配备相应的……专业技术人员: the condition is the cited
    article's; one it does not lay down (缴纳保证金) is still the draft's."""
    lead = "依照《农药管理条例》第二十四条的规定，在本县经营农药的，应当取得农药经营许可证。经营限制使用农药的，还应当"
    restated = findings(PESTICIDE, lead + "配备相应的用药指导和病虫害防治专业技术人员。")
    assert not [f for f in restated if f.rule_id.startswith("CONT-LIC")], [(f.rule_id, f.reading) for f in restated]
    invented = findings(PESTICIDE, lead + "配备五名以上本县户籍的专职技术人员。")
    assert [f for f in invented if f.rule_id.startswith(("CONT-LIC", "CONT-MKT"))]


def test_a_duty_of_the_named_law_read_in_the_drafts_place():
    """取得农药经营许可证的农药经营者在本县设立分支机构的，应当依法申请变更农药经营许可证 repeats 《农药管理条例》第二十五条
    with the county named: the case (在本县设立分支机构) is the law's, no local condition; under another basis law it is
    not known as anyone's and stays."""
    sentence = "取得农药经营许可证的农药经营者在本县设立分支机构的，应当依法申请变更农药经营许可证，其分支机构免予办理农药经营许可证。"
    named = [f for f in findings(PESTICIDE, sentence) if f.rule_id.startswith("CONT-MKT")]
    other = [f for f in findings(OTHER, sentence) if f.rule_id.startswith("CONT-MKT")]
    assert named and levels(named) == {"warn"} and "规定的义务" in named[0].reading
    assert levels(other) & {"block", "modify"}


def test_a_vague_basis_in_a_sentence_restating_the_named_law_is_the_laws_own_words():
    """未经有关部门依照国家有关规定批准，任何单位和个人不得收购电力设施器材 is 《电力设施保护条例》第十九条 word for word: under that
    basis the 依照国家有关规定 is the regulation's own, not the draft's vague claim (warn: cite the article); under another
    basis law it is still a licence resting on nothing named (modify)."""
    sentence = "未经有关部门依照国家有关规定批准，任何单位和个人不得收购电力设施器材。"
    named = [f for f in findings("根据《电力设施保护条例》等法规，", sentence) if f.rule_id.startswith("CONT-LIC")]
    assert named and levels(named) == {"warn"}, [(f.rule_id, f.severity, f.reading) for f in named]
    assert "modify" in levels([f for f in findings(OTHER, sentence) if f.rule_id.startswith("CONT-LIC")])


LAND = "根据《中华人民共和国土地管理法》《中华人民共和国土地管理法实施条例》等法律、法规，"


def test_a_fine_as_a_multiple_of_a_named_base_that_the_named_law_gives():
    """可以处土地复垦费2倍以上5倍以下的罚款 is 《土地管理法实施条例》第五十六条's fine (罚款额为土地复垦费的2倍以上5倍以下):
    under that basis the fine is the law's, to be cited (warn); bounds the law does not give are the draft's own."""
    text = "拒不履行土地复垦义务的，由县自然资源局责令限期改正；逾期不改正的，责令缴纳复垦费，可以处土地复垦费{}的罚款。"
    given = [f for f in findings(LAND, text.format("2倍以上5倍以下")) if f.rule_id.startswith("CONT-PEN")]
    assert given and levels(given) == {"warn"}, [(f.rule_id, f.severity, f.reading) for f in given]
    assert levels([f for f in findings(LAND, text.format("3倍以上6倍以下")) if f.rule_id.startswith("CONT-PEN")]) & {
        "block", "modify"}


def test_a_provision_of_the_named_law_repeated_wins_over_a_name_another_law_shares():
    """因建设或者其他特殊需要临时占用公园绿地的，须经……同意，并按照有关规定办理临时用地手续 repeats 《城市绿化条例》第十九条
    (公园绿地 for 城市绿化用地); 临时用地 is also a name of 《土地管理法实施条例》, which the draft does not name: under the
    绿化条例 the sentence is its restatement (warn), under another basis law the other law's name stands (modify)."""
    sentence = "因建设或者其他特殊需要临时占用公园绿地的，须经县城市管理局同意，并按照有关规定办理临时用地手续。"
    named = [f for f in findings(GREENING, sentence) if f.rule_id.startswith("CONT-LIC")]
    assert named and levels(named) == {"warn"}, [(f.rule_id, f.severity, f.reading) for f in named]
    assert "modify" in levels([f for f in findings(OTHER, sentence) if f.rule_id.startswith("CONT-LIC")])


def test_a_fee_a_service_provider_collects_named_in_the_clause_before():
    """患者要求复制病历资料的，医疗机构应当提供复制服务，可以收取工本费: the clause of 可以 names no one, the one before names the
    hospital, whose charge is its price; a fee the sentence's topic is charged (……油烟净化设施实行统一登记，每户每季度收取……)
    is still the administration's."""
    own = findings(OTHER, "患者要求复制病历资料的，县人民医院应当提供复制服务，可以收取工本费，收费标准应当公开。")
    assert not [f for f in own if f.rule_id.startswith("CONT-FEE") and f.severity in ("block", "modify")], own
    levied = findings(OTHER, "城区个体餐饮经营户设置的油烟净化设施实行统一登记，每户每季度收取油烟监测管理费六十元。")
    assert [f for f in levied if f.rule_id.startswith("CONT-FEE") and f.severity in ("block", "modify")]
