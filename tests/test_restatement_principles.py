"""The principles behind the restatement benchmark (benchmarks/restatement/run.py), on short drafts of a county
department: a named basis governs its whole sentence and the 项 of its lead-in; a sentence that repeats a law's words
(the registry's quotation of its provision) restates it; an invented penalty that copies only a law's sanction does
not; a sanction named as a 处分 is discipline."""

from __future__ import annotations

import datetime as dt

import pytest

from review_engine import parse
from review_engine.engine import get_profile, get_rules
from review_engine.record import Dossier
from review_engine.registry import default_registry
from review_engine.registry.restate import repeated
from review_engine.ruleset.run import make_context, run_rules

DAY = dt.date(2025, 6, 1)
COUNTY = Dossier.model_validate({"issuer": {"name": "某县市场监督管理局", "type": "工作部门", "level": "县"}})


def findings(article: str, basis: str = "有关法律、法规") -> list:
    text = (f"# 某县实施办法\n\n第一条　为了规范管理，根据{basis}，结合本县实际，制定本办法。\n\n第二条　{article}\n\n"
            "第三条　本办法自2025年7月1日起施行，有效期五年。\n")
    ctx = make_context(parse(text), profile=get_profile("national"), doc_type="规范性文件", review_date=DAY,
                       dossier=COUNTY)
    return [f for f in run_rules(get_rules().rules, ctx, []) if f.location.line and 5 <= f.location.line <= 9]


def worst(found) -> str:
    order = ["info", "warn", "modify", "block"]
    return max((f.severity for f in found), key=order.index, default="none")


def test_a_named_basis_governs_the_clauses_after_its_semicolon():
    found = findings("违反本办法规定，擅自围垦沿海滩涂的，依照《中华人民共和国渔业法》第四十条的规定，由县农业农村局责令停止"
                     "违法行为；情节严重的，吊销养殖证，可以并处一万元以下的罚款。", "《中华人民共和国渔业法》")
    assert worst(found) not in ("block", "modify"), [(f.rule_id, f.severity, f.reading) for f in found]


def test_a_basis_inside_a_condition_governs_nothing():
    found = findings("未依照《中华人民共和国渔业法》规定取得养殖证擅自养殖的，由县农业农村局处五千元罚款。")
    assert worst(found) == "block"


def test_the_lead_in_basis_governs_its_items():
    found = findings("依照《中华人民共和国药品管理法》第一百条的规定，县市场监督管理局可以采取下列措施：\n\n"
                     "（一）查封、扣押有证据证明可能危害人体健康的药品及其有关材料；\n\n（二）依法开展抽样检验。",
                     "《中华人民共和国药品管理法》")
    assert worst(found) not in ("block", "modify"), [(f.rule_id, f.severity, f.reading) for f in found]


def test_a_sanction_named_as_a_disciplinary_measure_is_not_a_penalty():
    found = findings("对直接负责的主管人员和其他直接责任人员，依法给予警告、记过、撤职或者开除的处分。")
    assert not [f for f in found if f.rule_id == "CONT-PEN-01"]


@pytest.mark.parametrize("sentence, words", [
    ("违反本办法规定，在城区道路两侧占道经营的，由县城市管理局责令改正，处五千元以上五万元以下罚款。", "处五千元以上五万元以下罚款"),
    ("违反本办法规定，未取得许可擅自从事经营活动的，由县市场监督管理局责令改正，没收违法所得，并处一万元以上十万元以下罚款。",
     "没收违法所得"),
    ("违反本办法规定，有下列行为之一的，由县级以上人民政府生态环境主管部门责令改正，处一万元以上十万元以下的罚款：",
     "处一万元以上十万元以下的罚款"),
    ("对拒不改正的，由县城管局查封其经营场所，扣押其经营工具。", "查封"),
    ("养犬人应当缴纳犬只管理费。", "缴纳犬只管理费"),
])
def test_an_invented_measure_is_not_taken_for_a_restatement(sentence, words):
    assert repeated(default_registry(), sentence, words, DAY) is None


def test_a_law_repeated_word_for_word_is_a_restatement_and_names_its_article():
    found = repeated(default_registry(), "公路管理机构可以扣留车辆、工具。造成公路、公路附属设施损坏，拒不接受公路管理机构现场调查"
                     "处理的，公路管理机构可以扣留车辆、工具。", "可以扣留", DAY)
    assert found is not None and found.cite() == "《公路安全保护条例》第七十二条"
    severity = worst(findings("申请人办理民用航空器权利登记，应当缴纳登记费。"))
    assert severity == "modify"


def test_figures_must_be_repeated():
    registry = default_registry()
    law = "造成公路、公路附属设施损坏，拒不接受公路管理机构现场调查处理的，公路管理机构可以扣留车辆、工具。"
    assert repeated(registry, law, "可以扣留", DAY) is not None
    fine = ("对直销员，由工商行政管理部门处5万元以下的罚款；情节严重的，责令直销企业撤销其直销员资格。")
    assert repeated(registry, fine.replace("5万元", "3万元"), "处3万元以下的罚款", DAY) is None


def test_a_piece_of_a_sentence_is_not_a_licence_name_to_restate():
    """具备下列条件 is in many laws' licence articles; it names no licence, so a county draft's conditions for its own
    permit are not read as restating 《反兴奋剂条例》 or any other law that happens to use the words."""
    found = findings("申请养犬许可证，应当具备下列条件：\n\n（一）具有本县常住户口或者居住证；\n\n（二）有固定住所。")
    assert found
    readings = " ".join(f.reading or "" for f in found)
    assert "复述" not in readings, [(f.rule_id, f.severity, f.reading) for f in found]


def test_a_laws_whole_lead_in_repeated_is_a_restatement_to_check_not_a_creation():
    """The lead-in of a law's list of violations repeated word for word, body and sanctions (the registry does not
    quote the 项): an unconfirmed restatement — modify, telling the reviewer to compare the conduct; over a breach
    of the draft's own rules (违反本办法规定) the same words create a penalty (see the test above)."""
    sentence = ("违反《中华人民共和国大气污染防治法》规定，有下列行为之一的，由县级以上人民政府生态环境等主管部门按照职责责令改正，"
                "处一万元以上十万元以下的罚款；拒不改正的，责令停工整治：")
    found = repeated(default_registry(), sentence, "处一万元以上十万元以下的罚款", DAY)
    assert found is not None and not found.confirmed and found.cite().startswith("《中华人民共和国大气污染防治法》第")
    block = findings(sentence.rstrip("：") + "。")
    pen = [f for f in block if f.rule_id == "CONT-PEN-01"]
    assert pen and all(f.severity == "modify" and "违法行为" in (f.reading or "") for f in pen), \
        [(f.rule_id, f.severity, f.reading) for f in block]


def test_a_penalty_word_is_no_licence_name():
    """情节严重 (a penalty's condition the importer once took for the name of an approval) names no licence: a
    sentence with it restates nothing by that name."""
    from review_engine.registry.restate import restated

    sentence = "经营者情节严重的，由县市场监督管理局吊销其经营备案凭证。"
    assert restated(default_registry(), "licence", sentence, DAY) is None


def test_a_fine_whose_sum_the_draft_writes_under_a_bare_title_must_name_the_article():
    """根据《……法》和有关规定 before a sum the draft writes itself: whether that law fines this conduct so is not said —
    modify (name the article); a clause that only refers to the law's penalty passes."""
    written = findings("根据《中华人民共和国道路交通安全法》和有关规定，在城区道路违规停放机动车的，由县公安局交通管理大队"
                       "给予每次二百元的经济处罚。")
    referred = findings("违反本办法规定停放机动车的，由县公安局交通管理大队依照《中华人民共和国道路交通安全法》的规定予以处罚。")
    assert worst([f for f in written if f.rule_id == "CONT-PEN-01"]) == "modify", [(f.rule_id, f.severity) for f in written]
    assert worst(referred) not in ("block", "modify"), [(f.rule_id, f.severity, f.reading) for f in referred]


def test_a_citation_earlier_in_the_article_covers_a_sentence_restating_the_cited_article():
    """依照《……》第八十二条的规定，……。跨省转移危险废物的，……未经批准的，不得转移: the later sentence restates the
    cited article (which the registry says provides that approval); a licence the cited article does not provide is
    still the document's own."""
    lead = "依照《中华人民共和国固体废物污染环境防治法》第八十二条的规定，转移危险废物的，应当按照国家有关规定填写转移联单。"
    restated = findings(lead + "跨省转移危险废物的，应当向移出地省级人民政府生态环境主管部门申请；未经批准的，不得转移。",
                        "《中华人民共和国固体废物污染环境防治法》")
    invented = findings(lead + "在本县行政区域内设置危险废物暂存点的，应当经县生态环境局批准。",
                        "《中华人民共和国固体废物污染环境防治法》")
    assert worst([f for f in restated if f.rule_id.startswith("CONT-LIC")]) == "none", [(f.rule_id, f.reading) for f in restated]
    assert worst([f for f in invented if f.rule_id.startswith("CONT-LIC")]) == "block"


def test_a_restatement_names_the_competent_body_as_the_place_knows_it():
    """测绘法第四十三条 has the province's surveying department approve (省、自治区、直辖市人民政府测绘地理信息主管部门); a
    province's draft repeating the article with 省自然资源厅 in its place restates it, and so does the consent of the
    same sentence (涉及军用控制点的，应当征得军队测绘部门的同意); a county bureau in that place is no restatement."""
    sentence = ("进行工程建设，应当避开永久性测量标志；确实无法避开，需要拆迁永久性测量标志或者使永久性测量标志失去使用效能的，"
                "应当经{body}批准；涉及军用控制点的，应当征得军队测绘部门的同意。")
    province = repeated(default_registry(), sentence.format(body="省自然资源厅"), "批准", DAY)
    assert province is not None and province.title == "中华人民共和国测绘法" and province.article == "43"
    county = sentence.format(body="县自然资源局").split("；涉及")[0] + "。"
    assert repeated(default_registry(), county, "批准", DAY) is None
    consent = repeated(default_registry(), sentence.format(body="省自然资源厅"), "同意", DAY)
    assert consent is not None and consent.article == "43"


def test_of_laws_with_the_same_words_the_one_the_draft_names_is_the_one_restated():
    """查封、扣押涉嫌违法活动的场所、设施或者财物 is in several laws' lists of powers: a draft made under the 湿地保护法 restates that
    law's (第四十六条), not the first law found with those words."""
    sentence = ("县林业局对湿地保护活动进行监督检查，有权对可能被转移、销毁、隐匿或者篡改的文件、资料予以封存，查封、扣押涉嫌违法活动"
                "的场所、设施或者财物。")
    named = repeated(default_registry(), sentence, "予以封存", DAY, ("中华人民共和国湿地保护法",))
    assert named is not None and named.title == "中华人民共和国湿地保护法" and named.article == "46"


def test_a_sector_body_and_the_provinces_the_law_lists_read_as_a_province_names_them():
    """《固体废物污染环境防治法》第八十二条 (跨省、自治区、直辖市转移危险废物的，应当向……省、自治区、直辖市人民政府生态环境主管
    部门申请) restated by a province (跨省转移危险废物的，应当向省生态环境厅提出申请); 《城市道路管理条例》第二十九条's
    市政工程行政主管部门 named as the city's bureau."""
    waste = repeated(default_registry(), "跨省转移危险废物的，应当向省生态环境厅提出申请；未经批准的，不得转移。", "批准", DAY)
    assert waste is not None and waste.article == "82", waste
    road = repeated(default_registry(), "依附于城市道路建设各种管线、杆线等设施的，应当经市城管局批准，方可建设。", "批准", DAY)
    assert road is not None and road.title == "城市道路管理条例" and road.article == "29", road


def test_a_restatement_that_leaves_the_body_to_other_articles_repeats_the_law():
    """任何单位和个人未经批准，不得在公路用地范围内设置……: 《公路法》第五十四条 with the body left out (the draft names the
    competent body in another article); a body of another tier put in its place is no restatement of it."""
    registry = default_registry()
    sentence = "任何单位和个人未经批准，不得在公路用地范围内设置公路标志以外的其他标志。"
    found = repeated(registry, sentence, "批准", DAY)
    assert found is not None and found.cite().startswith("《中华人民共和国公路法》第五十四条"), found
    other = sentence.replace("未经批准", "未经国务院交通运输主管部门批准")
    assert repeated(registry, other, "批准", DAY) is None


def test_an_approval_worded_as_an_examination_agreed_gates_the_act():
    """经……审查同意后，方可施工 / 未经……审核同意的，不得开工建设 / 经……审核同意后，报……审批: the body's agreement the act
    waits for is an approval the law provides (the importer reads it as a licence)."""
    from review_engine.registry.provisions import provisions_in

    for text, name in [("医疗机构的放射治疗场所的屏蔽设计，应当经卫生行政部门审查同意后，方可施工。", "屏蔽设计"),
                       ("未经县级人民政府林业主管部门审核同意的，不得开工建设。", "开工建设"),
                       ("建设公墓，经县级人民政府民政部门审核同意后，报省人民政府民政部门审批。", "建设公墓")]:
        licences = [p for p in provisions_in(text, 1, None) if p["kind"] == "licence"]
        assert licences and name in licences[0]["name"], (text, licences)
    assert not [p for p in provisions_in("经征得县人民政府同意后，由乡镇人民政府组织实施。", 1, None) if p["kind"] == "licence"]


def test_a_body_the_law_names_twice_named_once_and_then_left_out_is_the_laws():
    """《自然保护区条例》第三十一条 names 自然保护区管理机构 twice (向……提交活动计划，并经……批准); a sentence that names it once
    and then leaves it out (并经批准) repeats the article; one that puts another body in the second place does not."""
    registry = default_registry()
    sentence = "外国人进入本县自然保护区，应当事先向自然保护区管理机构提交活动计划，并经批准。"
    found = repeated(registry, sentence, "批准", DAY)
    assert found is not None and found.cite().startswith("《中华人民共和国自然保护区条例》第三十一条"), found
    assert repeated(registry, sentence.replace("并经批准", "并经县公安局批准"), "批准", DAY) is None


def test_a_provision_for_several_holders_restated_for_one_of_them_repeats_the_law():
    """《传染病防治法》第二十九条 (生产用于传染病防治的消毒产品的单位和生产用于传染病防治的消毒产品，应当经……审批) restated for
    the products alone; a gate over everyone (未经……批准，任何单位和个人不得……) is not cut to its second holder."""
    registry = default_registry()
    sentence = "生产用于传染病防治的消毒产品，应当经省级以上人民政府卫生行政部门审批。"
    found = repeated(registry, sentence, "审批", DAY)
    assert found is not None and found.cite().startswith("《中华人民共和国传染病防治法》第二十九条"), found
    assert repeated(registry, "未经县粮食局批准，个人不得擅自动用中央储备粮。", "批准", DAY) is None


@pytest.mark.parametrize("article, basis", [
    ("在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的，建设单位应当向县自然资源局申请办理规划手续，经批准后"
     "方可施工。", "《中华人民共和国城乡规划法》"),
])
def test_an_act_the_law_words_at_length_is_found_whole(article, basis):
    # the act as the law words it, its objects joined (拆除历史建筑以外的建筑物、构筑物或者其他设施): restated, not created
    found = [f for f in findings(article, basis) if f.rule_id.startswith("CONT-LIC")]
    assert found and worst(found) == "warn", [(f.rule_id, f.severity, f.reading) for f in found]


def test_a_piece_of_such_an_act_is_not_the_law_s():
    found = [f for f in findings("在本县进行建筑物、构筑物建设的，应当经县住房和城乡建设局批准。", "《中华人民共和国城乡规划法》")
             if f.rule_id.startswith("CONT-LIC")]
    assert worst(found) == "block", [(f.rule_id, f.severity, f.reading) for f in found]


def test_an_entrustment_the_named_law_provides_is_the_law_s():
    # 建设工程质量监督管理，可以由……委托的建设工程质量监督机构具体实施: restated in the draft's words, it hands on no power
    article = "县教育局对职业技能培训的监督检查，可以委托县职业教育中心学校承担。"
    found = [f for f in findings(article, "《中华人民共和国职业教育法》") if f.rule_id == "CONT-POW-04"]
    assert worst(found) == "warn", [(f.rule_id, f.severity, f.reading) for f in found]
    # … not when the law is not named, nor an entrustment the named law does not provide
    assert worst([f for f in findings(article) if f.rule_id == "CONT-POW-04"]) == "block"
    other = "县市场监督管理局对食品经营的日常监督检查，可以委托县个体劳动者协会实施。"
    found = [f for f in findings(other, "《中华人民共和国食品安全法》") if f.rule_id == "CONT-POW-04"]
    assert worst(found) == "block", [(f.rule_id, f.severity, f.reading) for f in found]


def test_a_restriction_of_liberty_given_to_no_state_organ_restates_no_basis_law():
    # 《食品安全法》 restricts liberty (行政拘留 by the police): a village committee given 看管 restates none of it
    found = [f for f in findings("对拒不配合检查的食品小作坊人员，村民委员会可以临时看管。", "《中华人民共和国食品安全法》")
             if f.rule_id == "CONT-RIGHT-02"]
    assert worst(found) == "block", [(f.rule_id, f.severity, f.reading) for f in found]


def test_a_fine_the_cited_law_gives_as_a_multiple_is_checked_as_such():
    # 并处违法所得五倍以上十五倍以下的罚款，违法所得不足一万元的，按一万元计算: the sum is the base's floor, the fine a multiple
    article = ("伪造、变造、买卖、出租、出借医疗机构执业许可证的，由县卫生健康局依照《中华人民共和国基本医疗卫生与健康促进法》的规定"
               "责令改正，没收违法所得，并处违法所得五倍以上十五倍以下的罚款，违法所得不足一万元的，按一万元计算。")
    found = [f for f in findings(article, "《中华人民共和国基本医疗卫生与健康促进法》") if f.rule_id.startswith("CONT-PEN")]
    assert worst(found) == "warn", [(f.rule_id, f.severity, f.reading) for f in found]


def test_a_restatement_that_leaves_the_object_to_the_sentence_before_is_found():
    from review_engine.registry import default_registry

    found = repeated(default_registry(), "因建设或者其他特殊需要临时占用的，须经市园林绿化局同意，并按照有关规定办理临时用地手续。",
                     "同意", dt.date(2026, 12, 1), ("城市绿化条例",))
    assert found is not None and found.title == "城市绿化条例" and found.article == "19"
