"""The reading of a clause (facts/reading.py): what a sentence does with the measure it names.

Each test is a principle of reading on sentences written for it (not taken from the corpus or from a rule's
examples): the same words of a measure are created, restated, prohibited, defined as a violation, stated as a
fact or applied as a criterion according to their place in the sentence.
"""

from __future__ import annotations

import pytest

from review_engine.facts import Facts
from review_engine.facts.reading import NOT_CREATING, read_measure
from review_engine.parsing import parse_source
from review_engine.reading import source_from_text

HEAD = "# 某县农村集体经济组织资产管理办法\n\n第一条 为了规范农村集体资产管理，制定本办法。\n\n"


def read(articles: str, word: str, kind: str | None = None):
    """The reading of the first ``word`` in the articles after 第一条 of a small county draft."""
    doc = parse_source(source_from_text(HEAD + articles + "\n", file="draft.md", format="md"))
    facts = Facts(doc)
    for unit in facts.index.units:
        at = unit.text.find(word)
        if at >= 0 and unit.node is not None and unit.node.kind != "title":
            return read_measure(facts, unit, at, at + len(word), kind)
    raise LookupError(word)


@pytest.mark.parametrize("sentence, word, kind", [
    ("第二条 对擅自在集体土地上堆放建筑垃圾的，由镇人民政府处一千元罚款。", "罚款", "penalty"),
    ("第二条 承包集体鱼塘的，须经村民委员会审核后报镇农业服务中心审批。", "审批", "licence"),
    ("第二条 使用集体会堂举办宴席的，每场收取场地管理费三百元。", "收取", "fee"),
    # a purpose first, then the preference itself, no modal (为……，……优先选用县内生产的……)
    ("第二条 为保障工程质量，村内道路硬化项目优先选用县内生产的建材产品。", "优先选用", "market"),
])
def test_a_clause_that_lays_the_measure_down_creates_it(sentence, word, kind):
    reading = read(sentence, word, kind)
    assert reading.mood == "creates" and reading.creates and reading.basis == ""
    assert "未载明上位法依据" in reading.why


def test_a_named_article_makes_the_clause_a_restatement_with_its_basis():
    reading = read("第二条 对擅自在集体土地上建住宅的，由县农业农村局依照《中华人民共和国土地管理法》第七十八条的规定"
                   "责令退还非法占用的土地，限期拆除。", "责令退还", "penalty")
    assert reading.mood == "restates"
    assert reading.basis.startswith("依照《中华人民共和国土地管理法》第七十八条")
    assert reading.cited == ("中华人民共和国土地管理法",)


def test_a_vague_basis_is_read_as_one_the_gate_can_ask_to_name():
    reading = read("第二条 对侵占集体资产拒不退还的，由镇人民政府依法处以罚款。", "罚款", "penalty")
    assert reading.mood == "restates" and reading.basis == "依法"


def test_the_basis_named_in_the_condition_is_not_the_basis_of_the_consequence():
    """违反《……》规定的 names the conduct; the fine after it is still the document's own."""
    reading = read("第二条 违反《中华人民共和国农村土地承包法》规定，擅自改变承包地用途的，由镇人民政府处二千元罚款。",
                   "罚款", "penalty")
    assert reading.mood == "creates"


@pytest.mark.parametrize("sentence, word, kind", [
    ("第二条 各村不得以任何名义向承包户收取管理费。", "收取", "fee"),
    ("第二条 严禁以备案为名对集体资产处置变相审批。", "审批", "licence"),
    ("第二条 镇纪委要严肃查处乱罚款、乱收费行为。", "罚款", "penalty"),
])
def test_a_prohibition_of_the_measure_itself_does_not_create_it(sentence, word, kind):
    reading = read(sentence, word, kind)
    assert reading.mood == "prohibits" and not reading.creates


def test_a_cap_is_not_a_prohibition_of_the_measure():
    """不得超过 sets the measure's ceiling: the clause still lays it down."""
    reading = read("第二条 集体会堂的场地管理费，每场收取不得超过三百元。", "收取", "fee")
    assert reading.mood == "creates"


def test_a_prohibition_on_private_parties_is_the_restriction_itself_for_market_measures():
    """For a market restriction the measure is a prohibition (外地企业不得参与); only forbidding the restricting act
    (不得限定) forbids the measure."""
    assert read("第二条 外地施工企业不得参与村级工程建设。", "不得参与", "market").mood == "creates"
    assert read("第二条 各村不得限定承包户购买指定企业的农资。", "限定", "market").mood == "prohibits"


@pytest.mark.parametrize("sentence, word", [
    ("第二条 外地农机合作社来本镇承接作业的，享有与本地合作社同等的待遇，不得要求其在本镇登记注册。", "外地"),
    ("第二条 集体经济组织将住所迁出本镇的，镇人民政府应当及时出具证明，不得设置障碍。", "迁出"),
    ("第二条 外县养殖户承包集体鱼塘的，各村不得以户籍为由限制其参与竞价。", "外县"),
])
def test_a_prohibition_addressed_to_the_administration_protects_the_party(sentence, word):
    """Mood: when the first norm after the party's move forbids the restricting act (不得要求其、不得设置障碍、不得以……
    为由限制), the sentence protects the party; it does not restrict it."""
    assert read(sentence, word, "market").mood == "prohibits"


def test_a_prohibition_on_the_party_is_no_protection_though_it_names_a_limit():
    """不得离开限定的区域 forbids the person to leave (限定 is the area's word, not an act of the administration)."""
    reading = read("第二条 被限制活动范围的人员，未经批准，不得离开限定的区域。", "不得离开", "liberty")
    assert reading.mood != "prohibits"


def test_a_restriction_before_a_protection_is_still_laid_down():
    """The protection governs only when it is the first norm: 应当在本镇设立分支机构，……不得要求其另行提交 restricts."""
    reading = read("第二条 外地农机合作社来本镇承接作业的，应当在本镇设立分支机构，各村不得要求其另行提交材料。",
                   "外地", "market")
    assert reading.mood == "creates"


def test_a_criterion_of_review_is_not_the_measure():
    reading = read("第二条 镇人民政府审查村规民约时，重点审查是否违法设定罚款。", "罚款", "penalty")
    assert reading.mood == "criterion"


def test_a_measure_already_taken_is_a_fact_or_a_condition():
    reading = read("第二条 已被吊销营业执照的承包方，村集体经济组织可以解除承包合同。", "吊销", "penalty")
    assert reading.mood == "fact"


def test_a_remedy_told_against_the_measure_is_not_the_measure():
    reading = read("第二条 经营者对责令停产停业、吊销许可证件等行政处罚决定不服的，可以依法申请行政复议。", "责令停产停业", "penalty")
    assert reading.mood == "procedure"


def test_a_count_of_last_year_s_measures_is_a_fact():
    reading = read("第二条 2024年，县市场监督管理局依法没收并销毁不合格玩具1200件。", "没收", "penalty")
    assert reading.mood == "fact"


def test_money_collected_before_from_named_payers_given_back_lightens():
    reading = read("第二条 此前向网吧经营者收取的治安保证金，由原收取单位三十日内全额退还。", "收取的治安保证金", "fee")
    assert reading.mood == "abolishes"


def test_outsiders_treated_as_locals_are_no_preference():
    assert read("第二条 外地企业来本县投资的，与本县企业同等享受租金减免政策。", "租金减免", "market").mood != "creates"


def test_a_benefit_the_people_of_the_clause_take_is_no_preference_of_operators():
    # who takes it is the party of the clause when no 对 phrase names one (租户按照家庭人口享受租金减免)
    assert read("第二条 公租房租户按照家庭人口享受租金减免。", "租金减免", "preference").mood == "background"
    assert read("第二条 入驻孵化基地的企业按照纳税额享受租金减免。", "租金减免", "preference").creates


def test_a_public_thing_is_no_count():
    # 公共 is no 共计 either: 公共服务平台的入驻资格六个月 states no figure
    reading = read("第二条 一年内被投诉两次以上的经营单位，暂停其在县电商公共服务平台的入驻资格六个月。", "暂停", "penalty")
    assert reading.mood == "creates"


def test_a_shared_thing_is_no_count():
    # 共享单车 is no 共计: the sentence lays down what happens to idle bikes, it states no figure
    reading = read("第二条 共享单车闲置满三个月、运营企业未予回收的，即认定其放弃车辆权属，由街道办事处收归处理。", "处理", "property")
    assert reading.mood != "fact"


def test_abolishing_a_licence_or_a_fee_lightens_the_burden():
    assert read("第二条 取消村集体资产出租事前审批，改为事后备案。", "审批", "licence").mood == "abolishes"
    assert read("第二条 对脱贫户免收集体会堂场地管理费。", "管理费", "fee").mood == "abolishes"


def test_abolishing_is_the_sanction_itself_for_a_penalty():
    """取消 of a status or a subsidy is how a sanction is written: not an abolition."""
    reading = read("第二条 对违规转包的承包户，取消其三年内的分红资格。", "取消", "penalty")
    assert reading.mood == "creates"


def test_items_under_a_lead_that_hands_them_to_a_cited_penalty_define_violations():
    articles = ("第二条 有下列行为之一的，由县农业农村局依照《中华人民共和国农村集体经济组织法》的有关规定处理：\n\n"
                "（一）擅自处置集体资产的；\n\n（二）违规对外担保并处以罚款的。")
    reading = read(articles, "擅自处置", "penalty")
    assert reading.mood == "defines_violation"
    assert "中华人民共和国农村集体经济组织法" in reading.cited


@pytest.mark.parametrize("sentence, word, kind, moods", [
    # a statement of purpose without a norm is background
    ("第二条 为了减轻农民负担，进一步清理涉农收费项目。", "收费", "fee", NOT_CREATING),
    # a count of what a past year brought is a fact
    ("第二条 2024年全镇新引进农产品加工企业6家，其中4家为在本镇新设立的企业。", "在本镇新设立的企业", "market", NOT_CREATING),
    # a measure among those the party underwent is a condition
    ("第二条 被开除公职或者吊销执业证书未满五年的，不得担任集体经济组织财务负责人。", "吊销执业证书", "penalty", {"fact"}),
])
def test_a_sentence_that_lays_down_no_measure_does_not_create_it(sentence, word, kind, moods):
    assert read(sentence, word, kind).mood in moods


def test_a_purpose_followed_by_what_a_party_may_do_is_a_rule():
    # a bare 可 before the act it allows is a modal: the purpose opens a norm, it is not the whole sentence
    reading = read("第二条 为了防止集体资产流失，村务监督委员会可随时调取村民家庭收支明细。", "调取", "power")
    assert reading.mood == "creates"
    assert read("第二条 为了形成可复制的管理经验，开展集体资产清查试点。", "清查", "power").mood in NOT_CREATING


@pytest.mark.parametrize("internal, public", [
    ("第二条 对资产清查工作推进不力的镇（街道）和县直有关部门，由县人民政府予以通报批评。",
     "第二条 对资产清查中弄虚作假的承包户，由镇人民政府予以通报批评。"),
    # the staff of a service window sanctioned by their own unit (由…… after the 对 phrase names who acts, not on whom)
    ("第二条 对未按时办结投诉的窗口工作人员，由所在单位在内部通报批评。", "第二条 对未按时办结退货的经营户，由县市场监督管理局通报批评。"),
    # a body of the administration named as such, the measure opening the next clause (no party of its own)
    ("第二条 对未按期报送统计数据的行政机关，予以督促整改或者通报批评。",
     "第二条 对未按期报送统计数据的物业服务企业，予以督促整改或者通报批评。"),
    ("第二条 对年度考核排名末位的部门，给予通报批评。", "第二条 对年度考核排名末位的养殖户，给予通报批评。"),
    # … the staff named after a body are of its class
    ("第二条 对推诿扯皮的职能部门及其工作人员，予以通报批评。", "第二条 对违规收费的经营单位及其工作人员，予以通报批评。"),
])
def test_a_measure_on_the_administration_itself_is_internal(internal, public):
    assert read(internal, "通报批评", "penalty").internal
    assert not read(public, "通报批评", "penalty").internal


def test_a_tier_named_as_a_place_does_not_make_a_private_target_internal():
    # 乡镇 and 各街道 as where the private party works, not the party sanctioned
    reading = read("第二条 乡镇集体林场承包人有下列情形之一的，县林业局处以五百元罚款：\n（一）未按期补植的；", "处以", "penalty")
    assert not reading.internal
    assert not read("第二条 对各街道沿街商户擅自占道的，予以通报批评。", "通报批评", "penalty").internal
    # … or as the area a ban covers (where, not on whom)
    assert not read("第二条 城区和各乡镇建成区内全面禁止肉鸽养殖。", "全面", "burden").internal
    # … while the tier itself and its people remain internal
    assert read("第二条 对考核不合格的乡镇予以通报批评。", "通报批评", "penalty").internal
    assert read("第二条 对各乡镇主要负责人予以约谈。", "约谈", "penalty").internal
    # a tier whose consent the party lacked is not the one sanctioned
    assert not read("第二条 蜂农未经乡镇人民政府同意擅自设置蜂场的，其蜂箱由乡镇人民政府予以没收。", "没收", "penalty").internal


def test_a_ban_on_other_traders_closes_the_market_it_does_not_protect():
    reading = read("第二条 城区共享充电宝由县城投公司统一投放运营，其他企业不得另行设置。", "其他", "market")
    assert reading.mood != "prohibits"
    # … while the same words addressed to the administration protect the party
    reading = read("第二条 企业迁出本县的，任何部门不得设置障碍。", "迁出", "market")
    assert reading.mood == "prohibits"


def test_the_measure_reserved_to_law_or_disclaimed_by_the_document_is_not_created():
    for sentence, word, kind in [
        ("第二条 暂扣许可证件、责令停产停业等行政处罚只能由法律、法规、规章设定，本方案不作规定。", "暂扣", "penalty"),
        ("第二条 本办法不授权任何组织对经营者行使行政职权。", "授权", "power"),
        ("第二条 对违法行为需要通报批评的，依照有关法律、法规、规章实施。", "通报批评", "penalty"),
    ]:
        assert not read(sentence, word, kind).creates, sentence
    # what was collected before and is now given back, and a practice people complain of, lay nothing down
    assert read("第二条 县教育局此前收取的风险保证金，应当全额退还。", "收取", "fee").mood == "abolishes"
    assert read("第二条 县市场监督管理局对消费者反映的会员卡押金不予退还问题，依法受理投诉。", "押金", "fee").mood == "fact"


def test_personal_information_falls_on_the_person_it_is_about_whoever_handles_it():
    # the grid worker collects, the residents give: not a duty of the administration on itself
    assert not read("第二条 网格员应当逐户采集辖区居民的宗教信仰信息。", "宗教信仰", "privacy").internal
    assert not read("第二条 社区工作人员应当上门登记居民的病史。", "病史", "privacy").internal
    # … and the same duty read as a burden has the administration for its subject
    assert read("第二条 网格员应当逐户采集辖区居民的宗教信仰信息。", "宗教信仰", "burden").internal
    # the administration's own people's information is internal
    assert read("第二条 街道办事处应当采集本单位工作人员的指纹信息。", "指纹", "privacy").internal


def test_a_prohibition_on_the_administration_runs_to_the_next_modal():
    # the measure told after a comma is still what the departments may not do
    reading = read("第二条 各部门不得以创建示范村为由，对承包户收取押金或者暂停发放补贴。", "收取押金", "fee")
    assert reading.mood == "prohibits"
    # … but a new duty after it is laid down
    reading = read("第二条 各部门不得推诿，对擅自改变土地用途的承包户应当处以罚款。", "处以罚款", "penalty")
    assert reading.mood == "creates"
    # … and a party forbidden, then sanctioned, is sanctioned
    reading = read("第二条 承包户不得擅自改变土地用途，违者由镇人民政府处以罚款。", "处以罚款", "penalty")
    assert reading.mood == "creates"


def test_the_measures_a_reviewer_asks_about_are_its_criterion():
    reading = read("第二条 审核要点：文件规定的暂停补贴、列入名单等措施，是否具有法律、法规依据。", "暂停补贴", "penalty")
    assert reading.mood == "criterion"


def test_a_decision_contemplated_needs_its_verb():
    # 拟 before a noun (拟上市企业) contemplates no decision; 拟作出……决定的 does
    assert read("第二条 拟上市企业将注册地迁入本县的，方可享受奖励。", "迁入", "market").mood == "creates"
    assert read("第二条 拟作出责令停产停业决定的，应当告知当事人有要求听证的权利。", "责令停产停业", "penalty").mood == "procedure"


def test_a_measure_the_law_calls_for_in_a_situation_referred_on_is_not_imposed():
    # the document's act is the report; the 责令停产停业 is what the competent body decides under the law
    reading = read("第二条 镇人民政府检查中发现依法应当责令停产停业的情形，应当及时报告县应急管理局依法处理。",
                   "责令停产停业", "penalty")
    assert reading.mood == "procedure"
    assert read("第二条 企业未按期整改的，应当责令停产停业。", "责令停产停业", "penalty").mood == "creates"


def test_a_charge_named_in_a_condition_followed_by_a_correction_is_the_violation():
    # the conduct after 对……的 is what the administration corrects, not a fee it levies
    reading = read("第二条 对承包企业将承包费用以任何形式摊派给村民、未按期公布账目的，镇人民政府应当提出整改要求。",
                   "摊派", "fee")
    assert reading.mood == "defines_violation"


def test_a_duty_of_a_department_is_internal_and_a_duty_of_a_firm_is_not():
    assert read("第二条 各镇人民政府应当每年组织一次资产清查。", "组织", "burden").internal
    assert not read("第二条 承包企业应当每年报送一次经营情况。", "报送", "burden").internal


def test_a_fee_paid_to_a_private_party_is_its_price_not_a_levy():
    reading = read("第二条 承包户应当按照合同约定向物业服务企业缴纳物业费。", "物业费", "fee")
    assert reading.private_payee
    reading = read("第二条 承包户应当向镇财政所缴纳资产占用费。", "占用费", "fee")
    assert not reading.private_payee


@pytest.mark.parametrize("sentence, word", [
    # the decision the administration contemplates, as the condition of a procedural duty
    ("第二条 镇人民政府拟作出吊销承包经营证书、责令停产停业决定的，应当告知当事人有要求听证的权利。", "责令停产停业"),
    ("第二条 县农业农村局拟对承包户处以较大数额罚款的，应当先行组织集体讨论。", "罚款"),
    # the measure as the attribute of the administration's own instruments
    ("第二条 县农业农村局应当依照《中华人民共和国行政处罚法》第三十四条制定罚款裁量基准并向社会公布。", "罚款"),
    ("第二条 送达责令停产停业决定书时，执法人员应当当场告知当事人申请复议的途径。", "责令停产停业"),
])
def test_the_administrations_procedure_for_a_measure_does_not_create_it(sentence, word):
    """拟作出……决定的，应当告知听证 / 制定罚款裁量基准: a duty of the administration about how it applies a measure the
    law provides names the measure without laying it on anyone."""
    reading = read(sentence, word, "penalty")
    assert reading.mood == "procedure" and not reading.creates


@pytest.mark.parametrize("sentence, word", [
    ("第二条 对拒不退还集体资产的承包户，镇人民政府可以作出责令停产停业的决定。", "责令停产停业"),
    ("第二条 对擅自改变承包地用途的，由镇人民政府处二千元罚款，罚款标准每年公布一次。", "罚款"),
])
def test_a_decision_the_document_itself_empowers_is_still_created(sentence, word):
    """作出……决定 without 拟 and outside a condition, or a fine followed by its own schedule, lays the measure down."""
    assert read(sentence, word, "penalty").mood == "creates"


def test_the_things_a_measure_took_are_disposed_of_not_taken():
    """没收的非法财物…公开拍卖 / 扣押的车辆存放于…: the sentence handles what a measure took under its own law."""
    assert read("第二条 依法没收的走私物品，除应当销毁的外，一律依照国家规定公开拍卖。", "没收", "penalty").mood == "fact"
    assert read("第二条 扣押的车辆由执法机关存放于指定停车场，不得收取保管费。", "扣押", "coercion").mood == "fact"
    assert read("第二条 对占道经营的，由街道执法队扣押其经营工具。", "扣押", "coercion").mood == "creates"


def test_a_measure_the_document_says_it_will_not_take_is_not_laid_down():
    """所需经费由财政安排，不向村民筹集: a negation of the measure; a condition (对不缴纳……的) is not one."""
    assert read("第二条 改造所需资金由县财政承担，不向沿街商户收取。", "收取", "fee").mood == "prohibits"
    assert read("第二条 对不按期缴纳保证金的，取消其入场资格。", "缴纳保证金", "fee").mood != "prohibits"


@pytest.mark.parametrize("sentence, word, kind", [
    ("第二条 奖补对象不以企业的注册地、纳税额为条件。", "税额", "liberty"),
    ("第二条 区人民政府不授予任何企业公共充电设施的独家经营权。", "独家", "market"),
])
def test_a_negated_verb_governs_the_measure_in_its_object(sentence, word, kind):
    """不以……纳税额为条件 / 不授予……的独家经营权: the measure is what the document says it will not do."""
    assert read(sentence, word, kind).mood == "prohibits"


def test_a_sanction_by_withholding_is_no_negation():
    """三年内不予安排补助资金 is the sanction itself (a disguised penalty), not a promise."""
    assert read("第二条 对弄虚作假的企业，三年内不予安排补助资金。", "补助", "preference").mood != "prohibits"


def test_outsiders_included_in_the_scope_are_not_restricted():
    reading = read("第二条 本办法适用于本县的个体工商户，包括外地经营者在本县设立的分支机构。", "在本县设立的分支机构", "market")
    assert reading.mood == "prohibits"


@pytest.mark.parametrize("sentence, word, creates", [
    ("第二条 鼓励商业综合体业主对入驻商户实行租金优惠，具体由业主自主决定。", "租金优惠", False),
    ("第二条 对特困供养人员承租公共租赁住房的，给予租金减免。", "租金减免", False),
    ("第二条 对年纳税额超过五百万元的企业，由县财政给予厂房租金优惠。", "租金优惠", True),
])
def test_a_preference_from_a_private_party_or_to_people_in_need_is_no_state_aid(sentence, word, creates):
    assert (read(sentence, word, "preference").mood == "creates") is creates


@pytest.mark.parametrize("articles, word, kind", [
    # the items of a list whose lead forbids them
    ("第二条 镇人民政府和村民委员会在禁烧工作中不得有下列行为：\n\n（一）向农户收取禁烧保证金；\n\n（二）采取停止供电等方式迫使农户履行义务。",
     "停止供电", "coercion"),
    ("第二条 公办学校招生不得有下列行为：\n\n（一）收取与入学挂钩的择校费；\n\n（二）以考级证书作为入学依据。", "收取", "fee"),
    # a prohibition opening with its pretext governs the clause after the comma
    ("第二条 县有关部门不得以保障工程质量为由，要求施工企业另行缴纳质量保证金。", "缴纳", "fee"),
])
def test_what_a_prohibition_governs_is_not_laid_down(articles, word, kind):
    assert read(articles, word, kind).mood == "prohibits"


def test_a_gate_in_a_forbidden_list_is_still_a_licence():
    """经营者不得有下列行为：（一）未经批准…… — the item guards a gate (the approval is what the 不得 protects)."""
    reading = read("第二条 经营者不得有下列行为：\n\n（一）未经镇人民政府批准在集体土地上搭建大棚；\n\n（二）占用村道堆放杂物。",
                   "批准", "licence")
    assert reading.mood != "prohibits"


def test_a_sanction_after_a_prohibition_is_not_governed_by_it():
    """禁止……，违者由……处以罚款: no pretext opens the prohibition, the sanction is laid down."""
    assert read("第二条 禁止在集体林地内放牧，违者由镇人民政府处以五百元罚款。", "罚款", "penalty").mood == "creates"


@pytest.mark.parametrize("articles, word, mood", [
    ("第二条 申报企业须已将税收关系迁入本县满两年。", "迁入", "creates"),
    ("第二条 已被吊销营业执照的企业，不得申请集体资产承包。", "吊销", "fact"),
])
def test_already_after_a_modal_is_a_condition_not_a_fact(articles, word, mood):
    assert read(articles, word, "market" if word == "迁入" else "penalty").mood == mood


# ---- principles from heldout7 and lawful blind-3 (2026-12-03) ----------------------------------------------------

def test_a_count_of_what_there_is_is_a_fact():
    """截至……共46家 / 2024年……共办理……37件: a statistic lays nothing down."""
    assert read("第二条 截至2024年底，在本县注册的预制菜生产企业共46家。", "在本县注册", "market").mood == "fact"
    assert read("第二条 2024年全县共办理网吧许可事项37件，均未向申请人收取任何费用。", "收取", "fee").mood != "creates"


def test_a_measure_not_taken_is_no_measure_but_a_condition_with_its_party_is():
    assert read("第二条 本局办理许可事项，均未向申请人收取任何费用。", "收取", "fee").mood == "prohibits"
    # 未在本县注册的企业 names the party a sanction falls on: the condition is the restriction
    assert read("第二条 未在本县注册的企业不予安排配送业务。", "在本县注册的企业", "market").mood == "creates"


def test_every_operator_treated_alike_is_no_preference():
    reading = read("第二条 各类经营者无论注册地、纳税地在何处，均可按同一标准申请运营补贴。", "纳税地", "preference")
    assert reading.mood == "prohibits"


def test_the_measure_as_the_object_a_reviewer_examines_is_a_criterion():
    reading = read("第二条 对草案中授予特定经营者独家经营的内容，审核时应当核查其是否具有法律、行政法规依据。", "独家",
                   "market")
    assert reading.mood == "criterion"


def test_a_back_reference_is_a_named_basis_with_the_title_it_points_to():
    reading = read("第二条 违反本规定的，依照下列规定处理：\n\n（一）有《中华人民共和国固体废物污染环境防治法》第一百一十二条"
                   "所列行为之一的，依照该条规定处罚；\n\n（二）拒不改正的，依照该法第一百一十三条的规定，由本局组织代为处置。",
                   "代为处置", "coercion")
    assert reading.mood == "restates"
    assert reading.cited == ("中华人民共和国固体废物污染环境防治法",)


def test_the_review_of_drafts_and_measured_trends_are_no_measures():
    """From heldout8: 合法性审核中，凡送审稿……的，审核机构应当…… is the review's criterion; 经价格监测……同比下降 a fact."""
    assert read("第二条 合法性审核中，凡送审稿对违法人员的近亲属设定限制的，审核机构应当认定为不合法。", "近亲属",
                "liberty").mood == "criterion"
    assert read("第二条 经价格监测，2024年一季度全县冷库租赁平均价格为每吨每月85元，同比下降3%。", "价格",
                "price").mood == "fact"


def test_a_prohibition_runs_past_its_scope_phrase():
    """不得在法律、行政法规规定之外，要求……缴纳保证金: the 不得 governs the clause after the comma."""
    reading = read("第二条 各部门不得在法律、行政法规和国务院规定之外，要求经营者缴纳任何形式的保证金。", "缴纳", "fee")
    assert reading.mood == "prohibits"


def test_a_fee_whose_non_payment_is_sanctioned_is_the_violated_duty():
    """排水单位不缴纳污水处理费的，依照……处理: the clause defines a violation; it lays no fee down."""
    reading = read("第二条 排水单位不缴纳污水处理费的，依照《城镇排水与污水处理条例》第五十四条的规定处理。", "缴纳污水处理费",
                   "fee")
    assert reading.mood == "defines_violation"


def test_a_sanction_on_the_administrations_own_staff_named_in_an_opening_condition_is_internal():
    """From heldout9: 局机关工作人员……弄虚作假的，取消其……资格 — the condition names the staff the sanction falls on."""
    reading = read("第二条 局机关工作人员在抽检工作中弄虚作假的，取消其当年度评优评先资格。", "取消", "penalty")
    assert reading.internal


def test_a_measure_set_beside_the_law_is_not_under_it():
    """除依照有关法律法规处理外，另行责令停业整顿十五日: in addition to the law, so the basis does not cover it."""
    reading = read("第二条 歌舞娱乐场所接纳未成年人的，除依照有关法律法规处理外，由区文化广电旅游体育局另行责令停业整顿十五日。",
                   "责令停业整顿", "penalty")
    assert reading.mood == "creates"


def test_the_people_of_the_republic_count_nothing():
    """共 of 中华人民共和国 before a cited article (第七十八条) is no count: the statistic reading needs a real 共."""
    reading = read("第二条 对擅自建住宅的，由县农业农村局依照《中华人民共和国土地管理法》第七十八条的规定责令退还。", "责令退还",
                   "penalty")
    assert reading.mood == "restates"
    assert read("第二条 2023年全市共查办价格违法案件41件，依法没收的违法所得合计12.6万元。", "没收", "penalty").mood == "fact"


@pytest.mark.parametrize("sentence, word, kind", [
    # the words of a measure quoted to be looked for are mentioned, not used
    ("第一条　审核要点：文件中出现“须经……批准后方可”“未经……同意不得”等表述的，应当逐项核对其依据。", "批准", "licence"),
    ("第一条　合法性审核中发现文件条款规定“处……元罚款”且未援引具体条款的，应当提出修改意见。", "罚款", "penalty"),
    # a result said not to be the ground of a measure
    ("第一条　考核结果仅用于内部工作评价，不作为暂扣、吊销许可证件的依据。", "吊销", "penalty"),
    # what was done in a past year, told as a fact
    ("第一条　2024年，县市场监督管理局在专项检查中依法没收不合格油品3.2吨，已按照国家有关规定处理。", "没收", "penalty"),
    # … this year so far, or a campaign's span, counted in words or numbers
    ("第一条　今年以来全县依法没收假冒化妆品800余盒，货值约2万元。", "没收", "penalty"),
    ("第一条　专项整治期间，全市依法吊销食品经营许可证5张。", "吊销", "penalty"),
    ("第一条　2024年，县市场监管局办理的商标侵权案件中，依法没收侵权商品三百余瓶。", "没收", "penalty"),
    # a definition of the document's own term
    ("第一条　本办法所称吊销许可证件，是指行政机关依法剥夺生产者已取得的许可的行政处罚。", "吊销许可证", "penalty"),
    # the measure qualified as unlawful across the payers it names
    ("第一条　对违规向早餐摊点收取费用的行为，任何单位和个人可以举报。", "收取", "fee"),
    # the year's work counted
    ("第一条　2025年全县开展监督抽检1260批次，均由县市场监督管理局组织实施。", "监督抽检", "power"),
    # the items of a list that defines a violation, inline or below the lead
    ("第一条　有下列情形之一的，属于违规收费行为：（一）要求经营户缴纳押金的；（二）向经营户收取入场费的。", "收取", "fee"),
    ("第一条　有下列情形之一的，属于违规收费行为：\n（一）要求经营户缴纳押金的；\n（二）向经营户收取入场费的。", "收取", "fee"),
    # a term a contract is said not to hold
    ("第一条　县政府与企业签订的招商协议中不含限制企业迁出的条款。", "限制企业迁出", "market"),
    # … or the count so far (截至……)
    ("第一条　截至目前，全县已有5家企业因安全评估不合格被依法吊销许可证。", "吊销", "penalty"),
    # what documents that touch a measure must state
    ("第一条　各部门起草的文件中涉及暂扣、吊销许可证件内容的，应当注明所依据的法律、法规具体条款。", "吊销", "penalty"),
    # what a review finds in a document, named to be deleted
    ("第一条　审核中发现文件要求申请人提供重复证明的，应当提出删除意见。", "证明", "licence"),
    # … or a statistic of a past year
    ("第一条　2025年县级政府购买服务项目中，县外承接主体中标金额占比为35%。", "县外", "market"),
])
def test_mentions_grounds_denied_and_past_facts_do_not_create(sentence, word, kind):
    assert read(sentence, word, kind).mood in NOT_CREATING


def test_a_quotation_that_lays_a_measure_down_is_still_read():
    # a quoted sign the party must post is a use, not a mention (no 出现/规定 before it, no 等表述 after it)
    assert read("第一条　经营者应当在门口张贴“未经批准不得入内”标识。", "批准", "licence").mood not in ("criterion",)
    # a rule from a date on is no past fact
    assert read("第一条　2025年1月1日起，对违规经营者一律没收其经营工具。", "没收", "penalty").mood == "creates"


def test_a_measure_after_its_purpose_is_a_norm():
    # the purpose told first, then the measure itself without a modal
    assert read("第二条 为加强公厕安全管理，在公厕内部厕位通道安装视频监控设备。", "监控", "privacy").mood == "creates"
    # … while a purpose that leads only to the document's own making stays background
    assert read("第二条 为了规范涉农收费，根据有关规定，制定本办法。", "收费", "fee").mood != "creates"


def test_a_party_named_by_its_state_is_not_a_measure_already_taken():
    # 已登记的 names who is barred, not a measure told as done
    assert read("第二条 全县范围内暂停新设小额贷款公司，已登记的一律不得新增业务。", "一律", "burden").mood != "fact"
    # … while a measure the party underwent remains the condition it is
    assert read("第二条 已被吊销营业执照的企业，不得申请集体资产承包。", "吊销", "penalty").mood == "fact"


def test_who_won_a_past_years_procurement_is_a_fact():
    assert read("第二条 2024年，县文化和旅游局通过公开招标购买的培训服务，由外省一家教育机构中标。", "外省", "market").mood == "fact"


def test_an_act_the_administration_has_private_parties_do_falls_on_them():
    reading = read("第二条 各乡镇按常住人口百分之五的比例组织农户购置家庭应急物资，购置完成情况纳入年度考核。", "组织农户购置", "burden")
    assert not reading.internal
    # … while its own work organised stays its own
    assert read("第二条 各乡镇应当组织工作人员参加业务培训。", "应当", "burden").internal


@pytest.mark.parametrize("sentence, word, kind", [
    # the reviewer's own duty to strike a measure out of the documents it reviews
    ("第二条 审核相关文件时，发现对违法人员亲属设定限制措施的，应当提出删除意见。", "亲属", "relatives"),
    # a remedy against the measures named as a kind of decision
    ("第二条 经营户对暂扣或者吊销许可证和执照、责令停产停业等行政处罚不服的，可以依法申请行政复议。", "吊销许可证", "penalty"),
    # the years past told to have had none
    ("第二条 本县现有持证演出团体9家，近三年未发生吊销营业性演出许可证的情形。", "吊销营业性演出许可证", "penalty"),
    # a past year's statistic with a long subject
    ("第二条 2024年县级灯笼、油纸伞等文旅物资采购项目中，外地供应商中标金额占比为百分之四十二。", "外地供应商", "market"),
])
def test_a_measure_named_but_not_laid_down(sentence, word, kind):
    assert read(sentence, word, kind).mood != "creates"


def test_a_measure_named_to_say_what_kind_of_act_it_is_is_no_measure():
    reading = read("第二条 责令停产停业、吊销许可证件属于《中华人民共和国行政处罚法》第九条规定的行政处罚种类，本办法不另作规定。",
                   "责令停产停业", "penalty")
    assert reading.mood == "background" and "法律性质" in reading.why
    # … not when the sentence lays it on someone and only then names its kind
    assert read("第二条 对违规堆放的农户责令停产停业，属于行政处罚。", "责令停产停业", "penalty").mood != "background"


def test_the_decision_before_its_procedure_is_the_administration_s_own_step():
    reading = read("第二条 镇人民政府作出吊销许可证件决定前，应当告知当事人陈述、申辩的权利。", "吊销许可证件", "penalty")
    assert reading.mood == "procedure"


def test_the_act_named_to_be_corrected_is_not_laid_down():
    reading = read("第二条 以本办法授权村民理事会行使审批职权的，一律予以纠正。", "授权村民理事会行使审批", "power")
    assert reading.mood == "criterion"
    # (… an order to act after a condition is no correction: 设立分公司的，应当在撤销前报批)
    assert read("第二条 合作社撤销分社的，应当在撤销前三个月报镇人民政府批准。", "撤销分社", "market").mood != "criterion"


def test_personal_information_withheld_or_not_published_is_not_handled():
    assert read("第二条 公开分红名单时，只公开户主姓名和分红金额，身份证号码、银行卡号等信息不予公开。",
                "身份证号码", "privacy").mood == "abolishes"
    assert read("第二条 分红名单不公示身份证号码。", "公示身份证号码", "privacy").mood == "abolishes"


def test_things_confiscated_and_disposed_of_are_a_fact():
    assert read("第二条 依法没收的劣质农资，除依法应当销毁的外，按照国家有关规定处理。", "没收", "penalty").mood == "fact"
    assert read("第二条 2025年镇农业服务中心在专项检查中依法没收劣质农资十二批，已按规定销毁。", "没收", "penalty").mood == "fact"


def test_whether_or_not_sets_no_criterion():
    # (不论是否…… sets the case aside; 是否 alone asks the reviewer's question)
    assert read("第二条 全村所有鱼塘不论是否发生疫病，一律于每年十月底前干塘消毒。", "一律", "burden").mood == "creates"
    assert read("第二条 审查时应当核查文件是否一律要求干塘消毒。", "一律", "burden").mood == "criterion"


def test_an_applicants_standing_made_a_licence_condition_is_no_criterion():
    # 是否 names a condition the applicant must meet, not a standard a reviewer applies to the administration's documents
    sentence = "第二条 县市场监督管理局受理茶叶生产许可申请时，应当将申请人是否加入县茶叶行业协会作为审查条件之一。"
    assert read(sentence, "作为", "licence").mood == "creates"
    # … while the standard a legality review applies stays a criterion
    assert read("第二条 审核时，应当审查是否违法设立行政许可。", "行政许可", "licence").mood == "criterion"


def test_people_named_by_where_they_live_are_no_administration():
    # 凡在本街道租房居住的人员: 街道 is where they live, the duty falls on the tenants
    reading = read("第二条 凡在本街道租房居住的人员，须每月到社区参加一次群众文艺活动。", "须", "burden")
    assert not reading.internal
    # … while the staff of a body are its own
    assert read("第二条 各乡镇的工作人员，须每月参加一次业务培训。", "须", "burden").internal


def test_the_law_quoted_with_its_article_is_background():
    sentence = "第二条 《中华人民共和国行政处罚法》第二十八条第二款规定，当事人有违法所得，除依法应当退赔的外，应当予以没收。"
    assert read(sentence, "没收", "penalty").mood == "background"


def test_a_measure_named_as_the_matter_one_agency_handles_on_anothers_notice_is_procedure():
    """……负责……，接到……依法作出的通报后，依法办理吊销……许可证等事项: the division of work between agencies the law sets up; no
    party's conduct is named for the measure. Named for a breach of the draft (对违反本办法规定的经营者) it is created."""
    handled = read("第二条 县交通运输局负责道路运输经营许可，接到县公安局依法作出的通报后，依法办理吊销道路运输经营许可证等事项。",
                   "吊销道路运输经营许可证", "penalty")
    assert handled.mood == "procedure" and not handled.creates
    breach = read("第二条 对违反本办法规定的经营者，由县交通运输局依法办理吊销道路运输经营许可证等事项。", "吊销道路运输经营许可证",
                  "penalty")
    assert breach.mood != "procedure"


def test_a_fee_named_as_the_case_of_the_sentence_before_goes_on_with_its_subject():
    """经营者应当……明码标价。收取……费的，应当分项标明收费标准: the case goes on with the firm of the sentence before; the fee is
    its price. After an agency's sentence the same case is the agency's levy."""
    firm = read("第二条 家政服务经营者应当按照规定明码标价。收取上门服务费、材料费的，应当分项标明收费标准。", "收取上门服务费", "fee")
    assert firm.private_payee
    agency = read("第二条 县城市管理局应当加强公共停车场管理。收取停车费的，应当分项标明收费标准。", "收取停车费", "fee")
    assert not agency.private_payee


def test_a_fee_the_party_serving_its_customers_collects_is_its_price():
    """X向……提供……服务，……收取费用: the party that serves collects; a firm's price, an agency's levy."""
    firm = read("第二条 燃气企业向居民用户提供入户安全检查服务，按照公布的标准收取费用。", "收取费用", "fee")
    assert firm.private_payee
    agency = read("第二条 县城市管理局向沿街商户提供垃圾清运服务，按月收取费用。", "收取费用", "fee")
    assert not agency.private_payee


def test_a_consent_the_issuer_asks_of_its_own_contractor_is_a_term_of_the_contract():
    # the duties the issuer's service contract lays on the firm it bought the service from: its consent is a party's
    signed = "\n\n某县东岭镇人民政府\n2027年1月5日\n"
    own = ("第二条 保洁服务单位应当按照服务合同约定履行下列义务：\n（一）每日清扫两次；\n"
           "（二）未经东岭镇人民政府同意，不得将保洁服务转包。" + signed)
    assert read(own, "同意", "licence").mood == "background"
    # … not a consent of another body, nor a duty the contract does not hold
    other = ("第二条 保洁服务单位应当按照服务合同约定履行下列义务：\n（一）每日清扫两次；\n"
             "（二）未经县市场监督管理局同意，不得将保洁服务转包。" + signed)
    assert read(other, "同意", "licence").creates
    bare = "第二条 保洁服务单位未经东岭镇人民政府同意，不得将保洁服务转包。" + signed
    assert read(bare, "同意", "licence").creates


@pytest.mark.parametrize("sentence, word", [
    ("第三条 县财政局负责奖补资金的筹集和拨付。", "奖补"),
    ("第五条 各镇人民政府负责本辖区补助资金的审核和发放。", "补助"),
    ("第四条 区科技局负责研发费用补助的审核，区财政局负责补助资金的拨付和监督。", "补助"),
])
def test_a_body_s_part_in_handling_the_funds_grants_no_preference(sentence, word):
    # the division of duties over the money names nobody who takes it (市财政局负责租金补贴资金的保障和监督)
    assert read(sentence, word, "preference").mood == "procedure"


@pytest.mark.parametrize("sentence, word", [
    ("第三条 县财政局负责对入驻园区的企业给予租金补贴。", "租金补贴"),
    ("第三条 县财政局负责给予本县物流企业运费补贴。", "运费补贴"),
    ("第三条 县商务局负责向在本县注册的电商企业发放物流补贴。", "物流补贴"),
])
def test_a_body_charged_with_granting_to_named_operators_still_grants(sentence, word):
    assert read(sentence, word, "preference").creates


@pytest.mark.parametrize("sentence, word, kind", [
    ("第二条 本办法适用于本县取得食品经营许可证的经营者，在食品经营许可证核发后的监督检查。", "核发", "power"),
    ("第九条 在建设工程规划许可证核发后，县自然资源局应当在十日内将许可内容向社会公开。", "核发", "licence"),
    ("第十条 自行政处罚决定作出之日起七个工作日内，县市场监督管理局应当将处罚信息向社会公示。", "行政处罚", "penalty"),
])
def test_the_measure_as_a_point_in_time_is_not_laid_down(sentence, word, kind):
    # what follows the act is regulated (在排污许可证核发或者排污登记后的监督管理), not the act itself
    assert read(sentence, word, kind).mood == "background"


@pytest.mark.parametrize("sentence, word, kind", [
    ("第九条 经营者在取得县城市管理局核发的经营许可证后方可经营。", "许可证", "licence"),
    ("第十条 在县城市管理局批准后，方可占用人行道设摊经营。", "批准", "licence"),
])
def test_a_measure_the_party_must_have_before_acting_is_still_laid_down(sentence, word, kind):
    assert read(sentence, word, kind).creates


@pytest.mark.parametrize("sentence, word", [
    ("第四条 具有本市户籍、年满六十周岁并符合下列条件之一的老年人，可以申领高龄津贴：", "户籍"),
    ("第五条 申请临时救助的家庭，应当具有本县常住户口。", "户口"),
])
def test_who_may_apply_for_a_benefit_is_no_licence_condition(sentence, word):
    assert read(sentence, word, "licence").mood == "background"


@pytest.mark.parametrize("sentence, word", [
    ("第四条 具有本县户籍的人员，方可申请网约车驾驶员从业资格证，并享受培训补贴。", "户籍"),
    ("第五条 申请经营许可的企业，应当具有本县户籍的法定代表人。", "户籍"),
])
def test_a_licence_sought_beside_a_benefit_still_has_its_conditions_read(sentence, word):
    assert read(sentence, word, "licence").creates


@pytest.mark.parametrize("sentence, word", [
    ("第六条 补助对象为在本县从事生猪养殖的农户和养殖场。", "本县"),
    ("第五条 对在本市开展普惠托育服务的机构，按照每个托位每月300元给予运营补贴。", "本市"),
])
def test_the_place_of_the_activity_is_no_selection_by_origin(sentence, word):
    # those who do the work here, wherever they come from (补贴对象为在本省从事农业生产的个人和农业生产经营组织)
    assert read(sentence, word, "preference").mood == "background"


@pytest.mark.parametrize("sentence, word", [
    ("第六条 对在本县注册并从事农机生产的企业给予奖励。", "本县"),
    ("第七条 购买在本省生产的农业机械的，给予累加补贴。", "本省"),
    ("第八条 对在本县开展经营且在本县纳税的企业，给予租金补贴。", "本县"),
])
def test_registration_origin_or_tax_here_still_selects(sentence, word):
    assert read(sentence, word, "preference").creates


@pytest.mark.parametrize("sentence, word, kind", [
    ("第九条 鼓励物业服务企业建立员工薪酬与服务质量挂钩的考核机制。", "薪酬", "burden"),
    ("第十条 引导农贸市场经营者统一使用电子计价秤。", "统一使用", "market"),
])
def test_what_a_party_is_encouraged_to_do_is_its_choice(sentence, word, kind):
    assert read(sentence, word, kind).mood == "background"


@pytest.mark.parametrize("sentence, word, kind", [
    ("第九条 鼓励企业参加安全生产责任保险，未参保的企业不得参加年度评优。", "参加安全生产责任保险", "burden"),
    ("第十条 鼓励商户统一使用指定品牌的电子计价秤，未使用的纳入信用考核。", "统一使用", "market"),
])
def test_an_encouragement_with_a_sanction_is_compulsion(sentence, word, kind):
    assert read(sentence, word, kind).creates


@pytest.mark.parametrize("sentence, word, kind", [
    ("第二条 2025年县市场监督管理局依法没收过期食品2.3万件。", "没收", "penalty"),
    ("第二条 2025年，县城市管理局依法对5家占道经营的商户作出责令停业决定，相关商户均已整改到位。", "责令停业", "penalty"),
])
def test_a_past_year_s_measures_counted_are_a_fact(sentence, word, kind):
    assert read(sentence, word, kind).mood == "fact"


def test_a_year_s_plan_is_no_fact():
    assert read("第二条 2027年计划对10家未完成改造的企业作出责令停业决定。", "责令停业", "penalty").creates


def test_the_party_that_asks_a_deposit_of_another_collects_it():
    # 健身房向会员收取的……押金: a business's own deposit from its customers, its price, not a levy
    assert read("第二条 游泳馆向顾客收取的更衣柜钥匙押金，离馆时全额退还。", "收取", "fee").private_payee
    assert not read("第二条 县住房和城乡建设局向施工企业收取的安全文明施工保证金，工程竣工后退还。", "收取", "fee").private_payee


def test_the_administration_buying_for_its_own_work_restricts_no_one():
    assert read("第二条 县文化和旅游局为其主办的广场舞比赛统一购买意外伤害保险，费用由县文化和旅游局承担。", "统一购买", "market").mood == "background"
    assert read("第二条 农家乐经营户统一购买县文化和旅游局指定的消防器材，费用由县文化和旅游局承担。", "指定", "market").creates


def test_a_consent_two_private_parties_agreed_is_no_licence():
    assert read("第二条 出租人与承租人约定，承租人改变房屋用途须经出租人书面同意。", "同意", "licence").mood == "background"
    # … the administration's consent, though a contract is named, is still read as such
    assert read("第二条 经营者与市场开办者签订协议后，须经县市场监督管理局同意方可进场经营。", "同意", "licence").creates


def test_a_gate_that_opens_a_benefit_and_an_activity_is_still_a_licence():
    sentence = "第六条 托育机构须经县卫生健康局评估认定后，方可享受运营补贴并招收婴幼儿。"
    assert read(sentence, "评估认定", "licence").creates


def test_a_body_entrusted_by_the_administration_collects_for_it():
    sentence = "第二条 对申请食品小作坊登记的，由受委托的技术服务机构按工作量向申请人收取审查费用。"
    assert not read(sentence, "收取", "fee").private_payee


def test_an_approval_gating_the_administration_s_own_paying_out_is_procedure():
    assert read("第五条 项目实施方案未经县人民政府批准的，不得下达项目资金。", "批准", "licence").mood == "procedure"
    assert read("第五条 未经县农业农村局批准的，不得从事生猪收购。", "批准", "licence").creates
