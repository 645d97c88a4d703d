"""Principles of reading the materials learnt from the blind/c set (now development data), each tested on sentences
written for it, not the cases' own wording (the shared helpers are ``test_materials``'s)."""

from __future__ import annotations

import pytest
from test_materials import D, explanation, facts_of

def test_a_planned_day_sets_no_year_and_a_year_past_the_document_is_not_guessed():
    """拟于2027年3月…… is the day of a plan: the chronicle's later dates keep the year of the done steps; a date
    whose only year in reach lies after the document's own year stays unknown (never the review's year)."""
    plan = ("三、起草过程\n2026年10月9日至11月8日，在区政府网站公开征求意见。尚未开展风险评估，拟于2027年3月上旬委托"
            "第三方评估。12月20日，局长办公会议审议通过送审稿。")
    past = "三、起草过程\n到2027年全面完成改造。12月20日，局长办公会议审议通过送审稿。"
    signed = "2026年12月28日"
    assert facts_of(explanation(plan, signed=signed)).get("collective_deliberation.date") == D(2026, 12, 20)
    assert facts_of(explanation(past, signed=signed)).get("collective_deliberation.date") is None


@pytest.mark.parametrize("body, want", [
    # the market regulator's opinion is the review done with it; the exception said by its test, not its name
    ("五、公平竞争审查\n我局进行初审后，送县市场监管局会审。县市场监管局于2026年4月2日出具审查意见，认为第九条限定摊位数量，"
     "但为保障食品安全所必需，且没有对公平竞争影响更小的替代方案，可以出台。", (True, D(2026, 4, 2), "适用例外", True)),
    # its reply, without the word 审查
    ("我局对照审查标准进行了初审，送区市场监督管理局审查。3月30日，区市场监督管理局回复，本办法无排除、限制竞争内容。",
     (True, D(2026, 3, 30), "符合", True)),
    # the review told of again by its bare word; the meeting after it (局长办公会审议) is no 会审
    ("四、公平竞争审查\n我局自行开展了公平竞争审查，未发现排除、限制竞争的内容。审查工作于2026年4月3日完成。局长办公会审议通过了送审稿。",
     (True, D(2026, 4, 3), "符合", False)),
])
def test_the_fair_competition_review_given_by_the_regulator_or_told_again(body, want):
    facts = facts_of(explanation(body))
    keys = ("done", "date", "conclusion", "joint_with_market_regulator")
    assert tuple(facts.get(f"fair_competition_review.{k}") for k in keys) == want


def test_the_market_regulator_among_departments_consulted_is_no_joint_review():
    table = ("公平竞争审查表\n\n| 审查方式 | 起草单位自行审查 |\n"
             "| 征求意见情况 | 2026年3月书面征求县发展改革局、县市场监管局等9个部门意见 |\n"
             "| 审查结论 | 不含排除、限制竞争的内容，可以出台 |\n")
    facts = facts_of(explanation("五、公平竞争审查\n审查表附后。"), **{"公平竞争审查表.md": table})
    assert facts.get("fair_competition_review.joint_with_market_regulator") is False


@pytest.mark.parametrize("body, basis", [
    # the list runs to its last title, one named with its issuing bodies before it included
    ("一、背景\n为规范托管服务，制定本细则。本细则主要依据《甲条例》《乙办法》和省财政厅等部门《关于做好丙工作的通知》。",
     ("甲条例", "乙办法", "关于做好丙工作的通知")),
    # a title in the note after a title is where it was published, no basis
    ("二、制定依据\n《丁法》；《戊规定》（戊政发〔2024〕3号，刊载于2024年第3期《某省人民政府公报》）。", ("丁法", "戊规定")),
])
def test_a_basis_list_runs_to_its_last_title_and_a_titles_note_is_no_basis(body, basis):
    assert facts_of(explanation(body)).get("basis") == basis


@pytest.mark.parametrize("sentence, channels", [
    ("2026年3月2日至4月1日，在市政府网站和“青山民生”政务新媒体向社会公开征求意见。", ("市政府网站", "“青山民生”政务新媒体")),
    ("2026年3月2日至4月1日，在镇政府网站公开征求意见，并在各村卫生室张贴公告。", ("镇政府网站", "各村卫生室张贴公告")),
    ("2026年3月2日至4月1日，在镇政府网站公开征求意见，并在各村公示栏张贴征求意见稿。", ("镇政府网站", "各村公示栏")),
])
def test_a_channel_name_is_not_cut_and_a_place_of_posted_notices_is_one(sentence, channels):
    assert facts_of(explanation(sentence)).get("consultation.channels") == channels


def test_words_of_a_quoted_column_name_tell_of_no_event():
    """采纳情况已在局门户网站“征求意见”专栏公布: a column's name, not a consultation starting that day (which, read as
    one, made a second round and dropped the real one's facts)."""
    report = ("关于《某县食品小作坊管理办法（征求意见稿）》征求意见采纳情况的说明\n\n"
              "2026年3月2日至4月1日，我局通过局门户网站公开征求意见，共收到意见建议20条，采纳12条。\n\n"
              "2026年4月8日，采纳情况已在局门户网站“征求意见”专栏向社会公布。\n")
    facts = facts_of(explanation("三、起草过程\n送审稿已公开征求意见，采纳情况见说明。"), **{"征求意见采纳情况.md": report})
    got = [facts.get(f"consultation.{k}") for k in ("start", "end", "comments", "adopted", "feedback_published")]
    assert got == [D(2026, 3, 2), D(2026, 4, 1), 20, 12, True]


@pytest.mark.parametrize("sentence, done, day", [
    ("我局未设法制机构，由局综合室指定专人对送审稿进行了合法性初审。", True, None),
    # a review citing the article it would change is still the review, not a provision; a 法制大队 is the unit's own
    ("5月8日，局法制大队对送审稿开展合法性审核，建议删除第十二条第二款，已采纳。", True, D(2026, 5, 8)),
])
def test_the_drafting_units_own_legality_review_said_in_other_words(sentence, done, day):
    facts = facts_of(explanation(sentence))
    assert (facts.get("drafting_unit_legality_review.done"), facts.get("drafting_unit_legality_review.date")) == (done, day)


def test_counts_after_the_comments_are_named_and_a_correcting_material_wins():
    """共反馈 5 条 counts the comments the sentence named before; a material that says it supplements or corrects
    another (……的更正说明) outweighs it on every fact it states (the office stands by the later figure)."""
    facts = facts_of(explanation("2026年3月2日至4月1日，征求意见稿在县政府网站公开征求意见，共反馈 5 条，采纳 2 条。"))
    assert (facts.get("consultation.comments"), facts.get("consultation.adopted")) == (5, 2)
    first = explanation("2026年3月2日至4月1日，在县政府网站公开征求意见，共收到意见10条，采纳4条。")
    later = ("关于《某县食品小作坊管理办法（送审稿）》起草说明的更正说明\n\n"
             "经核对，公开征求意见期间共收到意见12条（含电话意见2条），采纳5条。\n\n某县市场监督管理局\n2026年4月25日\n")
    facts = facts_of(first, **{"更正说明.md": later})
    assert (facts.get("consultation.comments"), facts.get("consultation.adopted")) == (12, 5)


def test_a_denied_plan_word_denies_and_a_leading_date_is_its_next_clauses_act():
    """未另行举行听证 denies the hearing (另行 negated is no plan); 3月10日，……发布听证公告 dates the notice, not
    the hearing the report tells of."""
    facts = facts_of(explanation("本办法起草中已通过座谈会充分听取群众意见，未另行举行听证。"))
    assert facts.get("hearing.held") is False
    report = ("某县食品小作坊管理办法听证报告\n\n2026年3月10日，我局在局门户网站发布听证公告，公开征集听证参加人。"
              "听证会于2026年3月25日在局三楼会议室举行。\n")
    facts = facts_of(explanation("三、起草过程\n我局组织召开了听证会，详见听证报告。"), **{"听证报告.md": report})
    assert facts.get("hearing.date") == D(2026, 3, 25)


def test_a_meeting_told_in_the_background_is_another_texts():
    body = ("一、制定背景\n《某县食品安全条例》于2025年3月2日经县人大常委会审议修订。\n"
            "三、起草过程\n4月15日，送审稿经局务会议审议通过。")
    facts = facts_of(explanation(body))
    assert (facts.get("collective_deliberation.meeting"), facts.get("collective_deliberation.date")) == ("局务会议", D(2026, 4, 15))


# ---- blind/d as development data ------------------------------------------------------------------------------------

def test_the_review_given_its_day_by_its_bare_word():
    """审查日期为…… after the review's finding: the bare word is that review, the day its date (as 审查于……完成)."""
    body = ("三、起草过程\n（四）公平竞争审查。我局对照审查标准逐项自查，细则未设置市场准入障碍，符合公平竞争审查要求。"
            "本次审查的时间是2026年3月9日。")
    facts = facts_of(explanation(body))
    assert facts.get("fair_competition_review.date") == D(2026, 3, 9)


def test_a_form_ending_with_its_sealed_opinion_row_is_dated_by_it():
    table = ("公平竞争审查表\n\n| 政策措施名称 | 某县食品小作坊管理办法 |\n| 审查结论 | 符合 |\n"
             "| 审查意见 | 可以出台。（某县市场监督管理局签章） 2026年3月12日 |\n")
    facts = facts_of(explanation("五、公平竞争审查\n审查表附后。"), **{"公平竞争审查表.md": table})
    assert facts.get("fair_competition_review.date") == D(2026, 3, 12)


@pytest.mark.parametrize("body, more", [
    # in one sentence: read from the review held again
    ("五、公平竞争审查\n我局自行开展公平竞争审查，首次审查认为第八条指定特定经营者，不符合公平竞争审查标准；删去该条后重新审查，"
     "未发现排除、限制竞争的内容。", {}),
    # in a form: the first review's row weighs nothing beside the later one's
    ("五、公平竞争审查\n详见审查表。", {"公平竞争审查表.md": (
        "公平竞争审查表\n\n| 初审意见 | 第六条给予本地企业优先权，不符合公平竞争审查标准。 |\n"
        "| 复核意见 | 第六条已删除，未发现违反公平竞争审查标准的内容。 |\n")}),
])
def test_the_latest_review_gives_the_conclusion(body, more):
    assert facts_of(explanation(body), **more).get("fair_competition_review.conclusion") == "符合"


def test_a_channel_given_a_short_name_and_counted_by_it_later_is_one_channel():
    """（以下简称区政务网） is a note on the name, not part of it; 通过区政务网留言……条 later counts the comments by
    the channel's short name: the same channel, not another."""
    body = ("三、起草过程\n2026年3月2日至4月1日，征求意见稿在青山区人民政府政务网（以下简称区政务网）和区住建局微信公众号"
            "同时公开征求意见。其间收到意见20条，其中通过区政务网留言12条，通过区住建局微信公众号提出8条。")
    assert facts_of(explanation(body)).get("consultation.channels") == ("青山区人民政府政务网", "区住建局微信公众号")


@pytest.mark.parametrize("body, key", [
    ("三、起草过程\n我局原定于2026年3月18日举行听证会，因部分听证代表无法出席，听证会推迟召开，日期另行确定。", "hearing.held"),
    ("三、起草过程\n按照计划，我局原拟于2026年3月10日组织专家论证，现论证会暂缓举行。", "expert_review.done"),
])
def test_an_event_put_off_with_no_new_day_was_not_held(body, key):
    assert facts_of(explanation(body)).get(key) is False


def test_a_length_told_beside_the_consultations_dates_is_its_length():
    body = ("三、起草过程\n2026年3月2日至3月31日，为期30天，我局通过县政府门户网站和县融媒体中心微信公众号向社会"
            "公开征求意见。")
    assert facts_of(explanation(body)).get("consultation.days") == 30


def test_a_numbered_lead_telling_an_act_is_a_sentence_not_a_heading():
    body = "三、起草过程\n（五）局法制科对送审稿开展了合法性审核。3月28日，送审稿经局务会议审议通过。"
    facts = facts_of(explanation(body))
    assert facts.get("drafting_unit_legality_review.done") is True
    assert facts.get("collective_deliberation.meeting") == "局务会议"


@pytest.mark.parametrize("signer", ["某市公安局交通警察支队", "某县森林消防大队", "某市文物保护管理站"])
def test_a_unit_named_by_any_organ_word_signs_the_explanation(signer):
    body = "一、起草背景\n为加强管理，受市人民政府委托，起草了本办法。"
    assert facts_of(explanation(body, signer=signer)).get("drafting_unit") == signer


@pytest.mark.parametrize("body, more", [
    ("五、公平竞争审查\n5月6日，我局竞争执法科对本办法进行了公平竞争审查，未发现排除、限制竞争的内容。", {}),
    ("五、公平竞争审查\n见审查表。", {"公平竞争审查表.md": "公平竞争审查表\n\n| 审查机构 | 某县市场监督管理局反垄断股 |\n"
                                                  "| 审查结论 | 符合 |\n"}),
])
def test_a_review_by_the_market_regulator_or_its_competition_unit_is_done_with_it(body, more):
    assert facts_of(explanation(body), **more).get("fair_competition_review.joint_with_market_regulator") is True


def test_a_meeting_that_heard_the_report_and_agreed_deliberated_the_draft():
    """……会议听取了起草情况的汇报，原则同意: the meeting's decision on the draft, its deliberation (the review it asks
    for after is a plan, not the sentence's event); the name is read as written, its number with it."""
    body = ("三、起草过程\n2026年4月16日，市人民政府第8次常务会议听取了市城管局关于《办法》起草情况的汇报，会议原则通过，"
            "要求修改后报市司法局审核。")
    facts = facts_of(explanation(body))
    assert facts.get("collective_deliberation.meeting") == "市人民政府第8次常务会议"
    assert facts.get("collective_deliberation.date") == D(2026, 4, 16)
    # hearing a report alone decides nothing
    heard = "三、起草过程\n2026年4月16日，市人民政府第8次常务会议听取了《办法》起草情况汇报。"
    assert facts_of(explanation(heard)).get("collective_deliberation.meeting") is None


def test_experts_among_the_participants_of_a_hearing_are_no_expert_review():
    """听取居民代表、经营者代表、专家学者等意见 at a hearing lists who spoke there: no expert review was told of;
    experts invited for their own opinion are one."""
    hearing = "三、起草过程\n2026年4月12日，我局召开听证会，听取居民代表、停车场经营者代表、专家学者等各方面意见。"
    experts = "三、起草过程\n2026年4月12日，我局邀请交通规划、法律等方面专家对送审稿进行了论证。"
    assert facts_of(explanation(hearing)).get("expert_review.done") is None
    assert facts_of(explanation(experts)).get("expert_review.done") is True


# ---- blind/f as development data ------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, comments, adopted", [
    # one count of administrative bodies and the public together is nobody's count
    ("2026年3月2日至4月1日向社会公开征求意见，共收到各县农业农村部门、合作社及社会公众意见建议38条，采纳20条。", None, None),
    # units of the public (企业、见习单位) are the public
    ("2026年3月2日至4月1日向社会公开征求意见，共收到社会公众和养殖企业提出的意见建议11条，其中采纳6条。", 11, 6),
    # a breakdown told clause by clause gives the public's item
    ("征求意见期间共收到意见30条，其中部门意见18条，采纳12条；社会公众意见12条，采纳5条，未采纳7条。", 12, 5),
    # N条意见均未予采纳: N comments, none adopted
    ("2026年3月2日至4月1日在县政府网站公开征求意见，共收到意见建议6条。经研究，6条意见均未予采纳。", 6, 0),
])
def test_the_publics_count_among_several_sources(sentence, comments, adopted):
    facts = facts_of(explanation(sentence))
    assert (facts.get("consultation.comments"), facts.get("consultation.adopted")) == (comments, adopted)


def test_a_townships_joint_meeting_decides_and_a_risk_weighed_is_a_risk_assessment():
    """From materials g: 镇党政联席会议 is where a township passes its texts (联席会议 of departments still coordinates);
    对……风险进行了评估 tells of a risk assessment without the noun 风险评估."""
    town = facts_of(explanation("三、起草过程\n4月2日至4月16日在镇政府公示栏公开征求意见。4月28日，经镇党政联席会议研究通过。"))
    joint = facts_of(explanation("三、起草过程\n4月28日，召开部门联席会议协调有关事项。"))
    weighed = facts_of(explanation("（四）风险评估。我局对本办法实施可能产生的社会风险进行了评估，认为风险总体可控。"))
    assert (town.get("collective_deliberation.meeting"), town.get("collective_deliberation.date")) == \
        ("镇党政联席会议", D(2026, 4, 28))
    assert joint.get("collective_deliberation.meeting") is None
    assert weighed.get("risk_assessment.done") is True


def test_from_materials_h_a_year_ahead_a_review_not_asked_for_and_no_comment_at_all():
    """An unsigned 起草说明 whose only later year is the policy's end (至2028年12月31日止) keeps the chronicle's year;
    亦未提请市场监督管理部门会同审查 says no joint review; 一条意见也没有收到 is none."""
    body = ("三、起草过程\n2026年2月10日至3月11日在市政府网站公开征求意见，征求意见期间一条意见也没有收到。\n"
            "四、公平竞争审查情况\n2026年3月25日，我局自行开展公平竞争审查，亦未提请市场监督管理部门会同审查。\n"
            "五、合法性审查情况\n3月30日，局法规科出具合法性审查意见。\n六、主要内容\n本办法自印发之日起施行，至2028年12月31日止。")
    facts = facts_of(f"关于《某市充电设施补贴办法（送审稿）》的起草说明\n\n{body}\n")
    assert facts.get("drafting_unit_legality_review.date") == D(2026, 3, 30)
    assert facts.get("fair_competition_review.joint_with_market_regulator") is False
    assert facts.get("consultation.comments") == 0
