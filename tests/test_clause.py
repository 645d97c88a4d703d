"""``facts/clauses.py`` (subject, modal, predicate of a sentence) and the ``clause`` check kind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from review_engine import parse
from review_engine.facts import Facts
from review_engine.facts.clauses import MODAL, classify, subject_of
from review_engine.facts.text import Unit
from review_engine.kinds.clause import trigger_regex
from ruletools import BASIS, findings, rules_from

ROOT = Path(__file__).resolve().parents[1]


def subjects(sentence: str) -> list[tuple[str, str, str]]:
    """(modal, head, kind) for each modal of the sentence."""
    return [(m.group(), *subject_of(sentence, m.start())) for m in MODAL.finditer(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("申请人应当经市交通运输局批准后方可营运。", [("应当", "申请人", "private"), ("方可", "申请人", "private")]),
    ("未经市城管局同意，任何单位和个人不得占用道路。", [("不得", "单位和个人", "private")]),
    ("从事建筑垃圾运输的企业，须取得准运证。", [("须", "企业", "private")]),
    ("企业经审核同意后方可开业。", [("方可", "企业", "private")]),
    ("市人民政府应当加强领导。", [("应当", "市人民政府", "public")]),
    ("市场监管部门对经营者应当加强监督检查。", [("应当", "市场监管部门", "public")]),
    ("在本市从事网约车经营的企业应当取得许可。", [("应当", "企业", "private")]),
    ("执法人员有权查阅有关资料。", [("有权", "执法人员", "public")]),
    ("居民委员会应当协助做好调查工作。", [("应当", "居民委员会", "private")]),
    # the hours the duty holds in are no part of the subject
    ("轮滑场每个开放时段须配备两名安全员。", [("须", "轮滑场", "private")]),
    ("蹦床场馆营业期间的每一时段均须有两名安全员在岗。", [("须", "蹦床场馆", "private")]),
    ("钟表维修店承接维修业务时，须查验送修人身份证件。", [("须", "钟表维修店", "private")]),
    # the party's name holds the verb of its trade (经营者): the occasion is what follows it
    ("紫砂壶经营者售出商品时，应当向购买者出具承诺书。", [("应当", "紫砂壶经营者", "private")]),
    # 自 of a self-service is no preposition (自助, 自费, 自营)
    ("自助洗车店须公示收费标准。", [("须", "自助洗车店", "private")]),
    # 可 before 视情 is the modal (可视情采取), not 可视 (visible)
    ("县商务局可视情采取措施。", [("可", "县商务局", "public")]),
    # the directive 要 before the act of compliance itself
    ("眼镜店验光时，要核对顾客的身份证件。", [("要", "眼镜店", "private")]),
    # the staff of a party are of its kind; bare 教师 says nothing of whom they work for
    ("培训机构的任课教师一律参加年度进修。", [("一律", "任课教师", "private")]),
    ("任课教师一律参加年度进修。", [("一律", "任课教师", "unknown")]),
    # the things a party keeps are the party's duty (its home or shop between it and the verb)
    ("城区居民家中存放的水缸应当每周清洗一次。", [("应当", "城区居民", "private")]),
    ("养殖场饲养的犬只须拴养。", [("须", "养殖场", "private")]),
    # a 的-phrase opening with 未 names whoever lacks the thing, not the body that issues it
    ("未取得景区管委会核发的经营许可牌的，一律不得设摊。", [("一律", "未取得景区管委会核发的经营许可牌的", "generic"),
                                               ("不得", "未取得景区管委会核发的经营许可牌的", "generic")]),
    # a segment that is only a time has no subject of its own
    ("从事咖啡豆进口分装的企业，在开展分装业务前应当取得准许文件。", [("应当", "企业", "private")]),
    # the party before its trade verb, with no 的 (各五金店销售钉子、螺丝等物品，须……); a period is no subject
    ("各五金店销售钉子等物品，须登记购买者姓名。", [("须", "五金店", "private")]),
    ("使用水车灌溉的农户，每年汛期须参加河道巡查。", [("须", "农户", "private")]),
    ("居民家中闲置的衣架等物品，须统一交至社区回收点。", [("须", "居民", "private")]),
    # a command body the flood law names is the administration's (防汛指挥机构)
    ("县防汛抗旱指挥机构应当组织清除。", [("应当", "县防汛抗旱指挥机构", "public")]),
    # the place a party goes to names no actor (进入本街道辖区……前); a body named where the party is stays the actor
    ("安装企业进入本街道辖区小区施工前，须报街道办事处审核同意。", [("须", "安装企业进入本街道辖区小区施工前", "private")]),
    ("企业所在街道办事处应当予以配合。", [("应当", "企业所在街道办事处", "public")]),
    # another's review as the condition: the one who opens is earlier
    ("会所开业前，要向街道办事处递交申请，由街道办事处会同消防部门联审通过后才能开业。",
     [("才能", "会所开业前", "private")]),
])
def test_subject_head_and_class(sentence, expected):
    assert subjects(sentence) == expected


def test_a_place_before_the_head_does_not_make_it_public():
    # 街道辖区内商铺 is a shop located in the street office's area; 县人民政府 stays the government
    assert classify("街道辖区内商铺") == "private"
    assert classify("本县行政区域内的养殖户") == "private"
    assert classify("街道办事处") == "public"
    # places of business and the public served
    assert classify("烟花爆竹零售点") == "private"
    # a hall of business is a party; a province's 厅 the government
    assert classify("县内剧院、演艺厅") == "private"
    assert classify("酒店宴会厅") == "private"
    assert classify("省教育厅") == "public"
    # a 馆 of business is a party; a public institution's is not
    assert classify("香道馆") == "private"
    assert classify("县图书馆") != "private"
    assert classify("省人民政府办公厅") == "public"
    # an agency's staff named by the agency
    assert classify("县妇联和县人力资源和社会保障局人员") == "public"
    assert classify("会计师事务所人员") == "private"
    assert subjects("游客乘坐观光车前，应当购买意外伤害保险。")[0][2] == "private"


def test_a_person_hired_by_a_party_acts_for_it():
    # 养殖企业聘用的防疫员 is the firm's side; 镇人民政府聘请的协管员 the town's
    assert subjects("动物防疫工作由养殖企业聘用的防疫员具体负责。") == []
    assert subjects("养殖企业聘用的防疫员应当负责免疫登记。")[0][2] == "private"
    assert subjects("镇人民政府聘请的协管员应当负责巡查。")[0][2] == "public"


def test_nominalised_conditions_and_activities():
    # 从事……的: whoever does it; 县级以上人民政府……发现……的: its first noun
    assert subjects("从事餐饮服务的，应当经市场监管部门批准。")[0][2] == "generic"
    assert subjects("县级以上人民政府有关部门发现违法行为的，应当及时处理。")[0][2] == "public"
    assert subjects("企业迁出本市的，须经市商务局同意。")[0][2] == "private"
    # a topic that is an activity
    assert subjects("举办大型展销活动，须报区市场监管局批准。")[0][2] == "generic"
    # a bare condition has no subject of its own
    assert subjects("对拒不整改的，可以采取停水措施。")[0][2] == "unknown"


def test_modal_words_not_inside_other_words():
    text = "相应的供应单位应急处置，无须批准。"
    assert [m.group() for m in MODAL.finditer(text)] == []
    # 可 alone is 可以 before an act, not the 可 of 可能、许可、可行、认可
    assert [m.group() for m in MODAL.finditer("镇人民政府可组织清除。")] == ["可"]
    assert [m.group() for m in MODAL.finditer("经许可的项目可能可行，并经认可。")] == []



def test_an_occasion_after_the_subject_is_not_part_of_it():
    # 每次转场前 says when, not who
    assert subjects("养蜂户每次转场前，应当向村民委员会报告。")[0][1:] == ("养蜂户", "private")
    assert [m.group() for m in MODAL.finditer("经营者应经批准，需经审核，必须报告。")] == ["应", "需", "必须"]


def test_classify_lexicons():
    assert classify("区城管执法局") == "public"
    assert classify("物业服务企业") == "private"
    assert classify("村民委员会") == "private"  # a self-governing body, not an agency
    assert classify("项目总体设计") == "unknown"
    assert classify("项目总体设计", extra_private=re.compile("项目")) == "private"
    # a venue run as a business is a party; a square, a site or an exam hall is a place
    assert classify("滑雪场") == "private" and classify("卡丁车场") == "private"
    assert classify("广场") == classify("施工现场") == classify("考场") == "unknown"


def test_clause_index_splits_sentences_and_caches():
    doc = parse("第一条　经营者应当经批准后方可营业；未经批准的，不得营业。\n对小型餐饮单位实行许可管理。\n")
    facts = Facts(doc)
    unit = facts.index.units[0]
    first = facts.clauses.at(unit, 0)
    assert [c.modal for c in first] == ["应当", "方可"]
    assert first[0].after == "经批准后"
    assert first[1].before == "经营者应当经批准后"
    assert facts.clauses.at(unit, 3) is first  # cached per sentence
    second = facts.clauses.at(unit, unit.text.index("未经"))
    assert [c.modal for c in second] == ["不得"]
    no_modal = facts.clauses.at(facts.index.units[1], 0)
    assert [(c.modal, c.before) for c in no_modal] == [("", "对小型餐饮单位实行许可管理")]


def test_basis_clause():
    doc = parse("第一条　为了规范停车管理，根据《中华人民共和国道路交通安全法》，结合本市实际，制定本办法。\n"
                "第二条　本办法自2026年1月1日起施行。\n")
    assert "《中华人民共和国道路交通安全法》" in Facts(doc).clauses.basis[0]
    assert Facts(parse("第一条　为了规范停车管理，结合本市实际，制定本办法。\n")).clauses.basis == []


def test_trie_regex_matches_exactly_the_words_longest_first():
    words = ["查封", "查验", "扣押", "扣留", "强制", "强制拆除", "停止供水"]
    regex = trigger_regex([], words)  # a lexicon alone: longest word first, shared prefixes factored
    assert [m.group() for m in regex.finditer("强制拆除并查封扣留强制停止供水查看")] == [
        "强制拆除", "查封", "扣留", "强制", "停止供水"]
    combined = trigger_regex(["未[^，]{0,3}?备案"], ["方可", "实行"])
    assert [m.group() for m in combined.finditer("未经备案不得实行，备案后方可")] == ["未经备案", "实行", "方可"]


def test_sentence_bounds():
    unit = Unit(text="甲。乙乙；丙丙丙", start=0, kind="paragraph", scopes=frozenset())
    assert unit.sentence(2, 3) == (2, 5)
    assert unit.sentence(6, 7) == (5, 8)
    assert unit.sentence(0, 1) == (0, 2)


# ---- the kind ------------------------------------------------------------------------------------------------

LICENCE = """
id: TEST-LIC-01
title: 许可
severity: block
check: clause
lexicon: [批准, 同意]
forms:
  - {subject: [private, generic], modal: [应当, 须], after: ['^[^，。；]{0,6}?(?:经|报经)[^，。；]{0,20}?(?:批准|同意)']}
  - {subject: [private, generic, unknown], modal: [不得], before: ['未经[^，。；]{0,20}?(?:批准|同意)']}
unless_sentence: ['依法']
message: "{label}：{subject}{modal}（{match}）"
""" + BASIS + """
examples: {fail: ["经营者须经区商务局批准。"], pass: ["市商务局应当报市人民政府批准。"]}
"""

WINDOWS = """
id: TEST-COE-01
title: 强制
severity: block
check: clause
lexicon: [查封, 扣押]
forms:
  - preceding: ['(?:予以|可以|有权)[^，。；]{0,4}$']
    not_following: ['^(?:[、和](?:查封|扣押))*的']
message: "{label}：{match}"
""" + BASIS + """
examples: {fail: ["城管部门可以予以扣押。"], pass: ["查封、扣押的财物应当妥善保管。"]}
"""


def test_forms_read_subject_modal_and_predicate(tmp_path):
    rules = rules_from(tmp_path, LICENCE)
    found = findings(rules, """
        第一条　经营者须经区商务局批准后方可营业。
        第二条　未经区文化和旅游局同意，任何单位和个人不得举办演出。
        第三条　市商务局应当报市人民政府批准。
        第四条　经营者应当依法经批准。
        第五条　未经举报人同意，不得泄露其身份。
    """)
    assert [(f.location.label, f.message) for f in findings(rules, "第一条　经营者须经区商务局批准。")] == [
        ("第一条", "第一条：经营者须（批准）")]
    # 第三条: a public subject; 第四条: 依法; 第五条 matches form 2 (the rule has no private-approver exception)
    assert [f.location.label for f in found] == ["第一条", "第二条", "第五条"]


def test_windows_around_the_trigger_and_one_finding_per_sentence(tmp_path):
    rules = rules_from(tmp_path, WINDOWS)
    found = findings(rules, """
        第一条　对违法占道的物品，城管部门可以予以扣押，也可以查封其场所。
        第二条　查封、扣押的财物应当妥善保管。
        第三条　执法人员有权查封。
    """)
    # the excerpt takes in the words the form matched next to the trigger
    assert [(f.location.label, f.excerpt) for f in found] == [("第一条", "可以予以扣押"), ("第三条", "有权查封")]


def test_overlapping_triggers_are_all_tried(tmp_path):
    rule = """
    id: TEST-PRICE-01
    title: 定价
    severity: warn
    check: clause
    lexicon: [实行统一, 统一定价]
    forms:
      - {match: '实行统一', following: ['^标准']}
      - {match: '统一定价'}
    message: "{label}：{match}"
    """ + BASIS + """
    examples: {fail: ["家政服务实行统一定价。"], pass: ["实行统一管理。"]}
    """
    rules = rules_from(tmp_path, rule)
    found = findings(rules, "第一条　区内家政服务实行统一定价。\n")
    assert [f.excerpt for f in found] == ["统一定价"]


def test_unless_basis_reads_the_basis_clause(tmp_path):
    rule = """
    id: TEST-RIGHT-01
    title: 义务
    severity: warn
    check: clause
    lexicon: [应当]
    forms: [{subject: [private], modal: [应当]}]
    unless_basis: ['《[^》]*法》']
    message: "{label}：{subject}"
    """ + BASIS + """
    examples: {fail: ["企业应当报告。"], pass: ["市人民政府应当报告。"]}
    """
    rules = rules_from(tmp_path, rule)
    bare = "第一条　为了规范管理，结合本市实际，制定本办法。\n第二条　企业应当设置电子围栏。\n"
    based = "第一条　为了规范管理，根据《中华人民共和国道路交通安全法》，制定本办法。\n第二条　企业应当设置电子围栏。\n"
    assert [f.message for f in findings(rules, bare)] == ["第二条：企业"]
    assert findings(rules, based) == []


def test_a_forms_unless_article_spares_only_that_form(tmp_path):
    """A duty taken to restate the law its article cites (form 1) is spared in that article; a duty no law gives
    (form 2) is still reported there: another paragraph's citation does not cover it."""
    rule = """
    id: TEST-RIGHT-02
    title: 义务
    severity: warn
    check: clause
    lexicon: [应当]
    forms:
      - {subject: [private], modal: [应当], unless_article: ['《[^》]+(?:法|条例)》']}
      - {subject: [private], modal: [应当], after: ['每月[^。；]{0,20}?报送']}
    message: "{label}：{subject}"
    """ + BASIS + """
    examples: {fail: ["企业应当每月向镇政府报送台账。"], pass: ["市人民政府应当报告。"]}
    """
    rules = rules_from(tmp_path, rule)
    cited = "第一条　企业应当依照《中华人民共和国食品安全法》的规定取得许可。\n{second}\n"
    plain = findings(rules, cited.format(second="企业应当建立进货台账。"))
    monthly = findings(rules, cited.format(second="企业应当每月向镇人民政府报送进货台账。"))
    assert plain == []
    assert [f.message for f in monthly] == ["第一条第二款：企业"]


def test_a_trigger_needs_a_literal_or_pattern(tmp_path):
    from review_engine.ruleset import RuleLoadError

    bad = """
    id: TEST-BAD-01
    title: 空
    severity: warn
    check: clause
    forms: []
    message: "{label}"
    """ + BASIS + """
    examples: {fail: ["甲。"]}
    """
    with pytest.raises(RuleLoadError, match="触发词"):
        rules_from(tmp_path, bad)


@pytest.mark.parametrize("sentence, act, expected", [
    # the subject of the segment, up to the verb that introduces the act
    ("物业服务企业负责查处小区内的违法搭建行为。", "查处", ("物业服务企业", "private")),
    ("供热企业负责对用户私自改装散热器的行为进行认定和处理。", "认定", ("供热企业", "private")),
    ("县城市管理局对物业服务企业进行查处。", "查处", ("县城市管理局", "public")),
    ("执法人员可以进入出租房屋内部进行检查。", "进入", ("执法人员", "public")),
    ("各乡镇要组织工作人员入户查看农户的存款。", "存款", ("乡镇", "public")),
    # the agent after 由, in the segment or before it; a matter handed on is the other body's act
    ("抽检不合格的由开办者予以没收销毁。", "没收", ("开办者", "private")),
    ("对拒不改正的，由物业服务企业报告城管部门予以查处。", "查处", ("城管部门", "public")),
    ("由区政府统一领导，物业服务企业负责查处违法搭建。", "查处", ("物业服务企业", "private")),
    # the act as a topic, its agent after it
    ("建筑工地的扬尘执法检查，由各施工总承包企业负责组织实施。", "执法检查", ("施工总承包企业", "private")),
    ("违法广告的认定由广告行业协会负责。", "认定", ("广告行业协会", "private")),
    # help: the body helped acts; an object (对……业主予以) is no subject: the earlier segment's is
    ("社区居民委员会协助街道办事处做好出租房屋消防安全检查。", "检查", ("街道办事处", "public")),
    ("物业服务企业负责查处违法搭建，对拒不改正的业主予以制止并收缴建筑材料。", "收缴", ("物业服务企业", "private")),
    # a predicate is not a subject (限期恢复原状或者……): the 由-agent further back
    ("由水务部门责令停止违法行为，限期恢复原状或者采取补救措施，对单位处五万元罚款。", "罚款", ("水务部门", "public")),
    # a segment opening with its object (向申请人颁发……) names nobody who acts; nor does a bare condition
    ("予以许可的，向申请人颁发道路运输经营许可证。", "颁发", ("", "unknown")),
    # a private party made to act, the one who acts
    ("农贸市场开办方可以对场内违规摊户作出警告处理。", "作出", ("农贸市场开办方", "private")),
    # the finder (发现问题的) is the earlier segment's subject
    ("县商务局对辖区商场享有检查权，发现问题的可以采取处置措施。", "采取", ("县商务局", "public")),
    # 由 opening a span or a change names nobody (由……延伸至 / 由……调整为); a body after 由 still acts
    ("沿街商铺的保洁范围由店铺门前延伸至道路中心线。", "保洁", ("", "unknown")),
    ("养殖场的消毒频次由每月一次调整为每周一次。", "消毒", ("", "unknown")),
    ("抽检样品由乡镇农技站送至县检测中心检验。", "送至", ("乡镇农技站", "public")),
    # a team of private firms or an alliance is private; an enforcement team is public
    ("出租汽车经营企业联合稽查队可以对非法营运车辆进行拦截检查。", "拦截检查", ("出租汽车经营企业联合稽查队", "private")),
    ("镇综合执法队负责对占道经营进行查处。", "查处", ("镇综合执法队", "public")),
    # the finder of a case acts on it
    ("社区居民委员会发现辖区商户存在问题的，可以责令其停业整改。", "责令", ("社区居民委员会", "private")),
    # the body before 对 acts on what the 的-phrase names (村民委员会对……的，可以……)
    ("村（居）民委员会对辖区内违规销售“三无”食品的，可以责令停业。", "责令", ("村民委员会", "private")),
    ("县城市管理局对占道经营的，可以责令改正。", "责令", ("县城市管理局", "public")),
    # the staff of a review or approval function act for its body
    ("调查取证时，行政复议人员不得少于2名。", "不得", ("行政复议人员", "public")),
])
def test_actor_of_an_act(sentence, act, expected):
    from review_engine.facts.clauses import actor_of

    start = sentence.index(act)
    assert actor_of(sentence, start, start + len(act)) == expected


def test_subject_classes_of_private_and_self_governing_bodies():
    assert classify("村（居）民委员会") == "private"
    assert classify("社区") == "private" and classify("社区警务室") == "public"
    assert classify("各村"[1:]) == "private"
    assert classify("网格员") == "public" and classify("属地市场监管所") == "public"
    assert classify("县交通投资集团") == "private" and classify("保安人员") == "private"
    assert subjects("自然人可以查阅其个人信息。")[0][2] == "private"  # 自然人 is not a condition (自……)


ACTOR = """
id: TEST-POW-02
title: 职责
severity: warn
check: clause
terms:
  ACT: '查处|没收'
lexicon: [查处, 没收]
forms:
  - {match: '{ACT}', actor: [private], preceding: ['(?:负责|由[^，。；]{1,20}?)[^。；]{0,20}?$']}
message: "{label}：{subject}（{match}）"
""" + BASIS + """
examples: {fail: ["物业服务企业负责查处违法搭建。"], pass: ["县城市管理局负责查处违法搭建。"]}
"""


def test_forms_read_the_actor_and_terms_are_written_out(tmp_path):
    rules = rules_from(tmp_path, ACTOR)
    found = findings(rules, """
        第一条　物业服务企业负责查处小区内的违法搭建。
        第二条　县城市管理局负责查处违法搭建，物业服务企业予以配合。
        第三条　抽检不合格的，由开办者予以没收。
    """)
    assert [(f.location.label, f.message) for f in found] == [
        ("第一条", "第一条：物业服务企业（负责查处）"), ("第三条", "第三条：开办者（由开办者予以没收）")]
    check = rules.rules[0].checker
    assert check.params.forms[0].match == "(?:查处|没收)"
    assert [f.match.pattern for f in check.forms_for("没收")] == ["(?:查处|没收)"] and check.forms_for("其他") == []


def test_terms_shared_and_unknown(tmp_path):
    from review_engine.kinds.terms import expand, load_terms
    from review_engine.ruleset import RuleLoadError

    TERMS, _ = load_terms(ROOT / "rules")  # the built-in rule folder's terms.yaml

    assert re.fullmatch(expand("在(?:{LOCAL})", TERMS), "在县域内") and re.fullmatch(expand("{LOCAL}", TERMS), "项目所在地")
    assert not re.fullmatch(expand("{LOCAL}", TERMS), "区域")
    assert expand("[^。]{0,12}", TERMS) == "[^。]{0,12}"  # quantifiers are not terms
    with pytest.raises(RuleLoadError, match="未定义的词组"):
        rules_from(tmp_path, ACTOR.replace("match: '{ACT}'", "match: '{ACTS}'"))


def test_a_leading_lookbehind_is_moved_behind_the_literal_head():
    from review_engine.kinds.terms import factor

    assert factor("(?<!依法)(?:查封|扣押)[^。]{0,4}") == "(?:查封(?<!依法查封)|扣押(?<!依法扣押))[^。]{0,4}"
    assert factor("(?<![未被已否])(?:列入|纳入)") == "(?:列入(?<![未被已否]列入)|纳入(?<![未被已否]纳入))"
    assert factor("(?<!依法)没收|罚款") == "(?:没(?<!依法没))收|罚款"
    for unchanged in ("(?<!移送)(?<!移交)(?:人民法院|检察院)", "(?<!a|b)c", "查封", "(?<!x)a*", "(?<!x)(?:a.|b)"):
        assert factor(unchanged) == unchanged
    text = "依法查封财产，可以扣押车辆；不得依法扣押，查封"
    for pattern in ("(?<!依法)(?:查封|扣押)", "(?<![法以])(?:查封|扣押)车?", "(?<!依法)没收|查封"):
        assert [m.span() for m in re.finditer(factor(pattern), text)] == [m.span() for m in re.finditer(pattern, text)]


def test_an_acts_product_belongs_to_its_maker():
    """市直各部门对园区内企业作出的行政处罚决定，须经……同意: the departments act (their decision is the topic);
    a firm's plan is the firm's."""
    sentence = "市直各部门对园区内企业作出的行政处罚决定，须经开发区管理委员会审核同意后方可送达执行。"
    assert subject_of(sentence, sentence.index("须"))[1] == "public"
    sentence = "企业编制的施工方案，须经县住房和城乡建设局审核同意后方可实施。"
    assert subject_of(sentence, sentence.index("须"))[1] == "private"


def test_an_item_takes_the_subject_and_modal_of_the_lead_that_lays_it_down():
    """民宿经营者应当履行下列义务：（二）每季度向乡镇报送……: the item is a duty of the 民宿经营者."""
    doc = parse("第一条　民宿经营者应当履行下列义务：\n（一）每间客房配备应急逃生面罩；\n（二）每季度向乡镇报送消防演练视频。\n"
                "第二条　申报示范基地应当同时满足以下条件：\n一、在本市设立生产基地；\n二、年产值不低于五千万元。\n")
    facts = Facts(doc)
    items = [u for u in facts.index.units if u.node is not None and u.node.kind in ("point", "paragraph")
             and u.text.startswith(("每季度", "一、"))]
    assert [facts.lead_of(u.node) for u in items] == ["民宿经营者应当履行下列义务：", "申报示范基地应当同时满足以下条件："]
    clause = facts.clauses.at(items[0], 0)[0]
    assert (clause.subject, clause.subject_kind, clause.modal) == ("民宿经营者", "private", "应当")
    assert clause.after.startswith("每季度向乡镇报送")


def test_the_finder_of_a_condition_is_the_earlier_topic():
    # 发现企业存在……的 names what a body finds out; the body named before it acts (not the firm, not "whoever")
    assert subjects("各级应急管理部门在日常监管执法工作中，发现企业存在以下情形之一的，应当立即告知原定级部门。")[0][1:] == (
        "应急管理部门", "public")
    assert subjects("物业服务企业在巡查中，接到业主投诉的，应当及时处理。")[0][2] == "private"
    # with nothing before it, the finder is not named
    assert subjects("发现违法行为的，应当及时报告。")[0][2] == "generic"


def test_the_inspector_who_finds_is_not_named():
    # 在一次检查中发现……的 names what an inspection finds out: the inspector acts, and is not named here
    assert subjects("在一次检查中发现项目经理有两个及以上违法违规行为的，应当分别记分。")[0][2] == "unknown"
    # … also after a semicolon that closes another clause
    assert subjects("主管部门应当责令其改正；在一次检查中发现项目经理有两个违法行为的，应当分别记分。")[1][2] == "unknown"


def test_the_subject_acting_when_the_duty_falls():
    # 养殖户申领养殖证时，应当……: the subject is who applies then
    assert subjects("水产养殖户申领养殖证时，应当同时购买水产养殖保险。")[0][2] == "private"
    assert subjects("县市场监管局工作人员进入场所时，应当出示执法证件。")[0][2] == "public"
    # a place of business named by its trade is a private party
    assert subjects("电影院应当为观众投保人身意外伤害保险。")[0][1:] == ("电影院", "private")


def test_a_firm_named_in_so_is_located_not_a_place():
    # 律师事务所在本县乡镇设立……: 在 after 事务所 is the preposition (not 所在, "located"); the township is where
    assert subjects("律师事务所在本县乡镇设立便民法律服务点，须报县司法局批准后方可对外开展业务。")[0][1:] == (
        "律师事务所", "private")
    # the approval asked for is a step, not the subject: 报街道办事处批准后方可搭建 is the 丧属's
    assert subjects("丧属应当提前向社区居民委员会提出申请，报街道办事处批准后方可搭建。")[1][1:] == ("丧属", "private")


def test_staff_and_offices_named_by_their_public_task():
    for head in ("价格监测人员", "县社会保险经办机构", "县涉税信息共享平台", "县政务服务中心"):
        assert classify(head) == "public", head
    assert classify("网约车平台") == "private"


def test_how_often_is_not_who():
    # 每两年 / 每三个月 before the modal say how often; the subject is in the segment before
    assert subjects("全县国有企业职工年满十八周岁至五十五周岁、身体条件合格的，每两年须无偿献血一次。")[0][2] == "private"
    assert subjects("养殖户每三个月应当向村民委员会报告存栏数量。")[0][1:] == ("养殖户", "private")


def test_a_conceded_basis_does_not_cover_what_is_added():
    from review_engine.kinds.pattern import beyond_concession
    sentence = "在近岸海域新设养殖网箱的，除依法办理养殖证外，还须经所在乡镇人民政府审核同意，未经同意不得投放。"
    at = sentence.index("同意")
    # the hit after the concession: the 依法 of the concession is not searched
    assert "依法" not in beyond_concession(sentence, at)
    # a hit inside the concession keeps the whole sentence
    assert beyond_concession(sentence, sentence.index("办理")) == sentence
    # the finding follows: the added consent is a licence the document creates
    from review_engine.engine import get_rules
    rules = get_rules()
    text = ("第一条　为加强海水养殖管理，结合本县实际，制定本办法。\n第二条　" + sentence + "\n")
    assert any(f.rule_id == "CONT-LIC-01" for f in findings(rules, text))
    # without the added requirement, the restated licence draws none
    plain = "第一条　为加强海水养殖管理，结合本县实际，制定本办法。\n第二条　在近岸海域新设养殖网箱的，应当依法办理养殖证。\n"
    assert not any(f.rule_id == "CONT-LIC-01" for f in findings(rules, plain))


def test_a_proviso_is_read_with_the_clause_it_qualifies():
    from review_engine.kinds.pattern import unless_scope
    text = "依照《城市房地产开发经营管理条例》第二十九条规定，价格由当事人协商议定；但是，居民住宅价格，应当实行政府指导价。"
    left = text.index("但是")
    # the citation before ；但是 covers the proviso
    assert unless_scope(text, left, len(text), text.index("政府指导价")).startswith("依照《")
    # a clause after ； that is no proviso stands alone
    text = "依照《某某条例》第二条规定，价格由当事人协商议定；居民住宅价格实行政府指导价。"
    left = text.index("居民")
    assert unless_scope(text, left, len(text), text.index("政府指导价")) == text[left:]


def test_a_party_named_by_what_it_does_is_private():
    for head in ("各初加工主体", "承包耕地30亩以上的经营主体", "社会投资主体"):
        assert classify(head) == "private", head
    # the one answerable or supervising is not thereby private
    assert classify("责任主体") == "unknown"


def test_a_levy_added_on_top_of_the_law_is_not_covered_by_its_basis():
    from review_engine.kinds.pattern import beyond_concession
    sentence = "对演出门票收入，在依法缴纳税款基础上加征2%的地方文化事业附加。"
    assert "依法" not in beyond_concession(sentence, sentence.index("附加"))


def test_a_partys_fang_before_keyi_is_no_modal():
    # 方可 is the modal of a condition met (批准后方可营业); 开办方可以 is the party 开办方 and its 可以
    assert [m.group() for m in MODAL.finditer("农贸市场开办方可以作出处理。")] == ["可以"]
    assert [m.group() for m in MODAL.finditer("经批准后方可营业。")] == ["方可"]


REMEDY = """
id: TEST-RIGHT-01
title: 复议前置
severity: block
check: clause
lexicon: [复议]
forms:
  - preceding: ['方可[^。；，]{0,10}?$']
    sentence: ['应当先']
    not_sentence: ['当场作出']
unless_sentence: ['依照《']
message: "{label}：{match}"
""" + BASIS + """
examples: {fail: ["应当先申请调解，调解不成的，方可申请复议。"], pass: ["调解不成的，方可申请复议。"]}
"""


def test_the_halves_of_a_sentence_joined_by_a_semicolon_are_read_together(tmp_path):
    rules = rules_from(tmp_path, REMEDY)
    found = findings(rules, """
        第一条　当事人有异议的，应当先申请调解；调解不成的，方可申请复议。
        第二条　当事人有异议的，可以申请调解。调解不成的，方可申请复议。
        第三条　依照《某法》，当事人应当先申请调解；调解不成的，方可申请复议。
        第四条　对当场作出的决定不服的，应当先申请复核；复核后方可申请复议。
    """)
    # 第一条: the condition of the first half holds for the second; 第二条: a full stop ends the sentence;
    # 第三条 and 第四条: a condition borrowed from the first half brings its exceptions (the rule's and the form's)
    assert [f.location.label for f in found] == ["第一条"]
