"""The procedural record read from the materials beside a draft: dates as offices write them, each fact with its
sentence, negatives as false, silence and ambiguity as unknown; the record merged with dossier.yaml (which wins,
a contradiction being a finding); the example drafts reviewed with and without dossier.yaml; ``init``; the
dossier's stage; the materials benchmark."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from review_engine.cli import main
from review_engine.engine import review_path
from review_engine.record import Dossier, read_record, record_of
from review_engine.record.datetext import lengths, mentions, spans
from review_engine.record.materials import read_materials
from review_engine.record.template import init_draft_folder
from review_engine.report.opinion import opinion_context

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "drafts"
RECORDS = ROOT / "tests" / "fixtures" / "examples"
DATE = dt.date(2026, 4, 10)
D = dt.date


def facts_of(text: str, name: str = "起草说明.md", **more: str):
    return record_of(None, {name: text, **more}).facts


def explanation(body: str, signer: str = "某县市场监督管理局", signed: str = "2026年4月20日") -> str:
    return f"关于《某县食品小作坊管理办法（送审稿）》的起草说明\n\n{body}\n\n{signer}\n{signed}\n"


# ---- dates ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, year, first, last", [
    ("于2026年3月2日至4月1日在县政府网站公开征求意见", None, D(2026, 3, 2), D(2026, 4, 1)),
    ("3月2日—4月1日", 2026, D(2026, 3, 2), D(2026, 4, 1)),
    ("自二〇二六年三月二日起至四月一日止", None, D(2026, 3, 2), D(2026, 4, 1)),
    ("2026年3月2日至15日", None, D(2026, 3, 2), D(2026, 3, 15)),
    ("2025年12月20日至次年1月19日", None, D(2025, 12, 20), D(2026, 1, 19)),
    ("12月20日至1月19日", 2025, D(2025, 12, 20), D(2026, 1, 19)),
    ("征求意见时间：2026年3月23日—2026年4月22日", None, D(2026, 3, 23), D(2026, 4, 22)),
])
def test_date_ranges_as_offices_write_them(text, year, first, last):
    found = spans(text, mentions(text, year))
    assert [(s.first, s.last) for s in found] == [(first, last)]


def test_lengths_relative_days_and_impossible_dates():
    assert [x.days for x in lengths("征求意见期限为三十日")] == [30]
    assert [x.days for x in lengths("在县政府网站公开征求意见，为期一周")] == [7]
    assert [(x.days, x.months) for x in lengths("为期一个月")] == [(None, 1)]
    assert [x.workdays for x in lengths("公示期为5个工作日")] == [5]
    assert [m.day for m in mentions("同日在网站公开征求意见", 2026, D(2026, 3, 9))] == [D(2026, 3, 9)]
    assert [m.day for m in mentions("次日公开征求意见", 2026, D(2026, 2, 9))] == [D(2026, 2, 10)]
    assert [m.day for m in mentions("今年3月10日", 2019, None, this_year=2026)] == [D(2026, 3, 10)]
    assert [m.day for m in mentions("2026年2月30日", None)] == [None]  # no such day: never a guess
    assert [m.day for m in mentions("3月2日", None)] == [None]  # no year known


# ---- facts, each with its sentence ----------------------------------------------------------------------------

def test_a_whole_explanation_gives_every_fact_with_its_sentence():
    facts = facts_of(explanation(
        "一、制定的必要性\n我县小作坊数量多、条件差，有必要制定本办法。\n"
        "二、制定依据\n《中华人民共和国食品安全法》《某省食品小作坊管理条例》。\n"
        "三、起草过程\n"
        "2026年3月2日至4月1日，征求意见稿在县人民政府网站和“某县发布”微信公众号公开征求意见，共收到意见建议十二条，采纳八条。"
        "意见采纳情况已在县人民政府网站公开反馈。\n"
        "2026年3月25日，我局召开听证会。4月10日，邀请食品安全专家5人召开论证会。本办法未开展社会稳定风险评估。\n"
        "2026年4月12日，县市场监督管理局对本办法进行了公平竞争审查，认为符合公平竞争审查标准。\n"
        "2026年4月15日，局法规股对送审稿进行了合法性审查。2026年4月20日，局务会议审议通过了本办法。\n"
        "四、主要内容\n本办法共五章二十条，规定了登记条件和监督管理。"))
    want = {
        "drafting_unit": "某县市场监督管理局", "basis": ("中华人民共和国食品安全法", "某省食品小作坊管理条例"),
        "consultation.start": D(2026, 3, 2), "consultation.end": D(2026, 4, 1),
        "consultation.channels": ("县人民政府网站", "“某县发布”微信公众号"), "consultation.comments": 12,
        "consultation.adopted": 8, "consultation.feedback_published": True,
        "hearing.held": True, "hearing.date": D(2026, 3, 25), "expert_review.done": True,
        "expert_review.date": D(2026, 4, 10), "risk_assessment.done": False,
        "fair_competition_review.done": True, "fair_competition_review.date": D(2026, 4, 12),
        "fair_competition_review.conclusion": "符合", "drafting_unit_legality_review.done": True,
        "drafting_unit_legality_review.date": D(2026, 4, 15), "collective_deliberation.meeting": "局务会议",
        "collective_deliberation.date": D(2026, 4, 20),
    }
    assert {k: facts.get(k) for k in want} == want
    assert facts.facts["hearing.date"].sentence.text == "2026年3月25日，我局召开听证会。"
    assert facts.facts["hearing.date"].file == "起草说明.md" and facts.facts["hearing.date"].line == 9
    assert facts.sections == {"necessity": True, "basis": True, "process": True, "main_content": True,
                              "fair_competition": True}


def test_negative_statements_are_false_and_silence_is_unknown():
    facts = facts_of(explanation(
        "本办法于2026年2月10日在县政府门户网站公开征求意见，为期三十天，未收到意见。本办法不涉及市场主体经济活动，"
        "无需开展公平竞争审查。本办法未举行听证，未组织专家论证。"))
    assert facts.get("consultation.start") == D(2026, 2, 10) and facts.get("consultation.end") is None
    assert facts.get("consultation.days") == 30 and facts.get("consultation.comments") == 0
    assert facts.get("fair_competition_review.done") is False
    assert facts.get("hearing.held") is False and facts.get("expert_review.done") is False
    for unknown in ("risk_assessment.done", "consultation.adopted", "consultation.feedback_published",
                    "collective_deliberation.meeting", "drafting_unit_legality_review.done"):
        assert facts.get(unknown) is None, unknown


def test_what_is_planned_or_belongs_to_another_procedure_is_not_a_fact():
    facts = facts_of(explanation(
        "2026年1月，书面征求了县财政局等12个部门的意见，共收到意见20条，采纳15条。"
        "2026年4月7日，送审稿已提交县司法局进行合法性审核。下一步，拟提请县政府常务会议审议。"
        "原计划召开听证会。"))
    assert facts.get("consultation.comments") is None and facts.get("consultation.start") is None
    assert facts.get("drafting_unit_legality_review.done") is None  # the government's review, not the drafter's
    assert facts.get("legality_review.received") == D(2026, 4, 7) and facts.get("legality_review.reviewer") == "县司法局"
    assert facts.get("collective_deliberation.meeting") is None and facts.get("hearing.held") is None


def test_provisions_described_under_main_content_are_not_procedure():
    facts = facts_of(explanation(
        "四、主要内容\n本办法规定补助申报实行企业申报、专家评审、公示、拨付；第十条规定了听证程序。"))
    assert facts.get("expert_review.done") is None and facts.get("hearing.held") is None
    assert facts.get("consultation.start") is None


def test_sentences_that_disagree_leave_the_fact_unknown():
    facts = facts_of(explanation("2026年3月2日至4月1日在县政府网站公开征求意见。2026年3月5日至4月4日在县政府网站公开征求意见。"))
    assert facts.get("consultation.start") is None and "consultation.start" in facts.ambiguous


def test_a_material_devoted_to_an_event_gives_its_date_and_outweighs_the_explanation():
    facts = facts_of(explanation("本办法召开了听证会，详见听证报告。"),
                     **{"听证报告.md": "# 听证报告\n\n听证会于2026年3月25日在局会议室举行。\n\n某县市场监督管理局\n2026年3月28日\n"})
    assert facts.get("hearing.held") is True and facts.get("hearing.date") == D(2026, 3, 25)
    assert facts.facts["hearing.date"].file == "听证报告.md"


def test_unreadable_materials_are_listed_and_say_nothing(tmp_path: Path):
    (tmp_path / "起草说明.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "征求意见采纳情况.md").write_text("2026年3月2日至4月1日，在县政府网站公开征求意见，共收到意见3条。", encoding="utf-8")
    facts = read_materials(sorted(tmp_path.iterdir()))
    assert "起草说明.pdf" in facts.unreadable and facts.sections is None
    assert facts.get("consultation.comments") == 3


# ---- principles of reading, each on sentences written for it ------------------------------------------------------

def test_layout_a_bold_date_opens_a_sentence_a_labelled_row_is_a_paragraph_a_bare_unit_signs():
    facts = facts_of("关于《某县集市管理办法》的起草说明\n\n**4月9日**，邀请法学专家3名召开论证会。\n\n"
                     "| 项目 | 内容 |\n| 制定依据 | 《甲法》《乙条例》。 |\n"
                     "| 合法性审查 | 形成送审稿后提交审查。5月6日，局法规股完成合法性审查。 |\n\n某县商务局\n2026年5月\n")
    assert facts.get("expert_review.date") == D(2026, 4, 9)
    assert facts.get("basis") == ("甲法", "乙条例") and facts.sections["basis"] is True
    assert facts.get("drafting_unit_legality_review.date") == D(2026, 5, 6)
    assert facts.get("drafting_unit") == "某县商务局"
    assert facts_of("关于《某办法》的说明\n\n为规范集市秩序，制定本办法。\n\n某镇人民政府\n").get("drafting_unit") == "某镇人民政府"


@pytest.mark.parametrize("sentence, meeting, day", [
    ("2026年5月8日，经我委主任办公会议研究同意。", "委主任办公会议", D(2026, 5, 8)),
    ("2026年5月8日，《办法》经县民政局局务会议审议通过。", "局务会议", D(2026, 5, 8)),
    ("2026年5月8日，局长办公会议对《办法》征求意见后的修改稿进行了审议。", "局长办公会议", D(2026, 5, 8)),
    ("局党组会议（2026年第4次）于2026年5月8日审议通过了《办法》。", "局党组会议", D(2026, 5, 8)),
    ("2026年5月8日，县民政局召开局务会议，对《办法》进行集体讨论并通过。", "局务会议", D(2026, 5, 8)),
    ("《办法》提交2026年5月8日召开的局务会议审议，会议原则同意。", "局务会议", D(2026, 5, 8)),
    ("2026年5月8日，我局召开局务会，专题研究《办法》，会议决定报请县政府审议。", "局务会", D(2026, 5, 8)),
    ("《办法》经2026年5月8日局党组（扩大）会议审议通过。", "局党组（扩大）会议", D(2026, 5, 8)),
])
def test_a_meeting_is_named_as_the_unit_calls_it_and_read_however_far_its_verb(sentence, meeting, day):
    facts = facts_of(explanation(sentence))
    assert (facts.get("collective_deliberation.meeting"), facts.get("collective_deliberation.date")) == (meeting, day)


def test_a_meeting_only_proposed_or_that_approved_the_consultation_draft_is_none():
    assert facts_of(explanation("《办法》拟提交2026年5月8日召开的局务会议审议。")).get("collective_deliberation.meeting") is None
    facts = facts_of(explanation("《办法》征求意见稿经2026年2月6日局务会议研究同意后，于2月9日至3月10日在县政府网站公开征求意见。"))
    assert facts.get("collective_deliberation.meeting") is None and facts.get("consultation.start") == D(2026, 2, 9)


@pytest.mark.parametrize("sentence, comments, adopted", [
    # each clause speaks of the audience it names, else of the one before
    ("2026年3月1日至30日，将初稿函送县财政局等6个部门征求意见，各部门提出意见11条，采纳9条；同时在县政府网站公开征求意见，"
     "网民提出意见4条，采纳3条。", 4, 3),
    # a total broken down by source: the public's share
    ("2026年3月1日至30日在县政府网站公开征求意见，共收到意见20条，其中企业协会意见5条、乡镇意见9条、群众意见6条。", 6, None),
    ("2026年3月1日至30日在县政府网站公开征求意见，市民提出意见建议十二条，均予吸纳。", 12, 12),
    ("2026年3月1日至30日在县政府网站公开征求意见，收到意见2条，经认真研究，均未采纳。", 2, 0),
    ("2026年3月1日至30日在县政府网站公开征求意见，截至期满未收到公众留言。", 0, None),
    ("2026年3月1日至30日在县政府网站公开征求意见，期间社会公众未提出意见。", 0, None),
    # every item of the breakdown is the public's: the total stands
    ("2026年3月1日至30日在县政府网站公开征求意见，共收到意见15条（其中网上留言11条、群众来信4条），采纳6条。", 15, 6),
    ("2026年3月1日至30日在县政府网站公开征求意见，各方共反馈意见20条，其中：社会公众8条，部门及乡镇12条。", 8, None),
])
def test_comments_and_adoptions_are_the_publics(sentence, comments, adopted):
    facts = facts_of(explanation(sentence))
    assert (facts.get("consultation.comments"), facts.get("consultation.adopted")) == (comments, adopted)


@pytest.mark.parametrize("sentence, channels", [
    ("2026年3月1日至30日，征求意见稿在县人民政府网站公布，并经“某县发布”微信公众号转发。", ("县人民政府网站", "“某县发布”微信公众号")),
    ("2026年3月1日至30日，通过县政府信息公开平台、《某县日报》两个渠道公开征求意见。", ("县政府信息公开平台", "某县日报")),
    ("2026年3月1日至30日在县人民政府网站“意见征集”版块公开征求意见，采纳情况已在县政府网站公开。", ("县人民政府网站",)),
    ("2026年3月1日至30日征求意见期间，通过县政府网站、县融媒体中心客户端等平台共收到意见6条。", ("县政府网站", "县融媒体中心客户端")),
    ("2026年3月1日至30日，征求意见稿刊登在县政府网站（www.example.gov.cn）“参与与互动”栏目。", ("县政府网站",)),
    ("2026年3月1日至30日，在县人民政府门户网站‘政务公开’专栏公开征求意见。", ("县人民政府门户网站",)),
])
def test_channels_are_named_up_to_their_verb_and_the_feedback_site_is_not_one(sentence, channels):
    assert facts_of(explanation(sentence)).get("consultation.channels") == channels


def test_a_labelled_list_and_a_short_name_of_the_same_channel():
    facts = facts_of(explanation("公示时间：2026年6月1日至6月10日\n公示地点：镇政府公开栏、各村公示栏\n"),
                     **{"合法性审查意见.md": "经审查，2026年6月1日至6月10日已在镇公开栏公示征求意见。\n\n某镇司法所\n2026年6月20日\n"})
    assert facts.get("consultation.channels") == ("镇政府公开栏", "各村公示栏")


def test_a_later_round_supersedes_an_earlier_one_and_its_facts_go_with_it():
    facts = facts_of(explanation(
        "一、背景\n本办法的前身曾于2025年6月1日至6月30日在局网站征求意见，收到意见8条，后该稿停止起草。\n"
        "二、起草过程\n（一）初稿征求意见。2026年1月5日至1月14日在县政府网站就初稿公开征求意见，收到意见3条。\n"
        "（二）再次征求意见。修改稿于2026年3月2日至31日在县人民政府网站和“某县发布”微信公众号公开征求意见，收到意见9条，采纳5条。"))
    assert (facts.get("consultation.start"), facts.get("consultation.end")) == (D(2026, 3, 2), D(2026, 3, 31))
    assert facts.get("consultation.comments") == 9 and facts.get("consultation.adopted") == 5
    assert facts.get("consultation.channels") == ("县人民政府网站", "“某县发布”微信公众号")


def test_the_public_consultation_however_named_and_dates_of_other_acts():
    facts = facts_of(explanation("2026年3月2日起，至4月1日结束，我局在县政府网站向社会公布了《办法》全文，听取社会各界意见。"))
    assert (facts.get("consultation.start"), facts.get("consultation.end")) == (D(2026, 3, 2), D(2026, 4, 1))
    assert facts_of(explanation("2026年2月3日，召开商户座谈会，听取群众意见。")).get("consultation.start") is None
    opinion = facts_of(explanation("本办法已公开征求意见。"), **{"合法性审查意见.md": (
        "你科2026年5月20日报送的《办法》及征求意见情况等材料收悉。\n\n某县民政局法规股\n2026年5月28日\n")})
    assert opinion.get("consultation.start") is None
    assert facts_of(explanation("2026年3月1日起在县政府网站挂网征求意见20日。")).get("consultation.days") == 20
    facts = facts_of(explanation("征求意见稿于2026年3月1日在县政府网站挂出，征求意见截止到3月30日。"))
    assert (facts.get("consultation.start"), facts.get("consultation.end")) == (D(2026, 3, 1), D(2026, 3, 30))
    facts = facts_of(explanation("2026年3月，《办法》在县政府网站公开征求意见，征求意见时间为3月2日至31日。"))
    assert (facts.get("consultation.start"), facts.get("consultation.end")) == (D(2026, 3, 2), D(2026, 3, 31))
    facts = facts_of(explanation("征求意见稿于2026年3月1日通过县政府网站向社会公开，征求意见时间30天。"))
    assert (facts.get("consultation.start"), facts.get("consultation.days")) == (D(2026, 3, 1), 30)


@pytest.mark.parametrize("sentence, held, day", [
    ("2026年3月5日，我局发布听证公告。听证会原定于3月20日召开，后延期至2026年3月27日举行。", True, D(2026, 3, 27)),
    ("关于听证。我局拟于6月召开听证会，目前听证会尚未召开。", False, None),
    ("我局已于2026年4月1日发布听证公告，拟于2026年5月6日举行听证会。", False, None),
    ("听证会定于2026年5月6日举行，参加人遴选已完成。", False, None),   # the materials are of 2026年4月20日
    ("我局拟于5月召开听证会。", None, None),  # a bare intention says nothing
])
def test_a_hearing_held_announced_or_planned(sentence, held, day):
    facts = facts_of(explanation(sentence))
    assert (facts.get("hearing.held"), facts.get("hearing.date")) == (held, day)


def test_the_finding_of_an_assessment_and_reviews_by_others_named_otherwise():
    facts = facts_of(explanation("经评估，本办法实施不会引发社会稳定风险。经县市场监督管理局审核，本办法符合公平竞争审查标准。"
                                 "2026年4月12日，局法制员对送审稿进行了审核。"))
    assert facts.get("risk_assessment.done") is True
    assert facts.get("fair_competition_review.joint_with_market_regulator") is True
    assert facts.get("drafting_unit_legality_review.date") == D(2026, 4, 12)
    facts = facts_of(explanation("由县市场监管局牵头，会同我局开展了公平竞争审查，认为符合审查标准。"))
    assert facts.get("fair_competition_review.joint_with_market_regulator") is True


def test_questions_recommendations_and_gaps_are_no_facts():
    facts = facts_of(explanation("本办法已公开征求意见。"), **{"合法性审查意见.md": (
        "起草说明未说明公平竞争审查情况，请补充说明是否需要开展公平竞争审查，建议召开听证会。\n\n某县司法局\n2026年5月2日\n")})
    assert facts.get("fair_competition_review.done") is None and facts.get("hearing.held") is None


@pytest.mark.parametrize("text, done, day, conclusion, joint", [
    ("五、公平竞争审查\n经审查，本办法不含排除、限制竞争的内容。", True, None, "符合", None),
    ("五、公平竞争审查\n2026年4月2日，我局将送审稿送县市场监督管理局审查。县市场监督管理局2026年4月9日复函，认为未违反公平竞争审查标准。",
     True, D(2026, 4, 9), "符合", True),
    ("我局会同县市场监督管理局开展了公平竞争审查，2026年4月9日作出审查结论，认为符合审查标准。", True, D(2026, 4, 9), "符合", True),
    ("五、公平竞争审查\n对照《公平竞争审查条例》（2024年6月6日公布），本办法不存在对特定经营者给予优惠的内容。", True, None, "符合", None),
    ("我局按程序开展了公平竞争审查，2026年4月9日审查通过。", True, D(2026, 4, 9), "符合", None),
    ("本办法涉及经营者经济活动，我局进行了公平竞争审查，结论为符合。", True, None, "符合", None),
])
def test_the_fair_competition_review_read_from_its_finding_and_its_reply(text, done, day, conclusion, joint):
    facts = facts_of(explanation(text))
    assert (facts.get("fair_competition_review.done"), facts.get("fair_competition_review.date"),
            facts.get("fair_competition_review.conclusion"),
            facts.get("fair_competition_review.joint_with_market_regulator")) == (done, day, conclusion, joint)
    assert facts.sections["fair_competition"] is True


def test_a_planned_feedback_is_not_published_and_a_reply_on_the_site_is():
    planned = facts_of(explanation("2026年3月1日至30日在县政府网站公开征求意见，采纳情况拟在《办法》印发时一并向社会公布。"))
    assert planned.get("consultation.feedback_published") is False
    done = facts_of(explanation("2026年3月1日至30日在县政府网站公开征求意见，收到意见3条，吸收2条，未吸收的已在县政府网站逐条答复。"))
    assert done.get("consultation.feedback_published") is True and done.get("consultation.adopted") == 2


def test_a_plan_carries_into_the_clause_it_continues():
    facts = facts_of(explanation("我局拟于5月组织专家论证，并根据论证意见修改完善。"))
    assert facts.get("expert_review.done") is None


def test_basis_named_before_its_word_and_a_heading_naming_the_text():
    facts = facts_of(explanation("《办法》以《中华人民共和国甲法》和《某省乙条例》为主要依据，参照了《丙办法》。"))
    assert facts.get("basis") == ("中华人民共和国甲法", "某省乙条例") and facts.sections["basis"] is True
    facts = facts_of(explanation("二、《办法》的依据\n《中华人民共和国甲法》。"))
    assert facts.get("basis") == ("中华人民共和国甲法",)


@pytest.mark.parametrize("background", [
    "辖区内流动摊贩多，占道经营问题突出，为此制定本办法。",
    "近年来，我县电动自行车数量快速增长，火灾隐患增多。",
    "一、基本情况\n全县共有养老机构41家，床位5200张。",
    "随着网络直播的发展，虚假宣传投诉逐年上升。",
])
def test_the_background_told_as_the_problems_is_the_necessity(background):
    assert facts_of(explanation(background)).sections["necessity"] is True


def test_collecting_the_problems_is_a_step_of_the_drafting_not_the_necessity():
    assert facts_of(explanation("1. 2026年1月，到各村调查，收集了村民反映存在的问题，形成初稿。")).sections["necessity"] is False


def test_a_fact_corrected_in_a_later_file_outweighs_it():
    facts = facts_of(explanation("2026年3月2日至4月1日，在县政府网站公开征求意见。"), **{"更正说明.txt": (
        "我局报送的起草说明中，公开征求意见的截止日期有误，实际截止日期为2026年4月2日，特此更正。\n\n某县市场监督管理局\n2026年4月25日\n")})
    assert facts.get("consultation.end") == D(2026, 4, 2) and facts.get("consultation.start") == D(2026, 3, 2)


# ---- merged with dossier.yaml -----------------------------------------------------------------------------------

def test_dossier_wins_and_a_contradiction_is_reported_at_its_line_quoting_the_material(tmp_path: Path):
    folder = tmp_path / "draft"
    shutil.copytree(EXAMPLES / "停车收费办法-程序缺陷", folder)
    (folder / "dossier.yaml").write_text("consultation:\n  end: 2026-03-05\n  comments: 41\n", encoding="utf-8")
    review = review_path(folder, review_date=DATE)
    assert review.dossier.consultation.end == D(2026, 3, 5)  # dossier.yaml is taken
    assert review.dossier.consultation.start == D(2026, 2, 2)  # the rest comes from the materials
    rec = [f for f in review.findings if f.rule_id == "PROC-REC-01"]
    assert len(rec) == 1 and rec[0].location.file == "dossier.yaml" and rec[0].location.line == 2
    assert "2026年3月5日" in rec[0].message and "2026年2月13日" in rec[0].message and "起草说明.md 第17行" in rec[0].message
    assert review.record.origin(("consultation", "start")).quote.startswith("（一）2026年2月2日至2月13日")


def test_values_that_mean_the_same_do_not_contradict():
    record = record_of(Dossier.model_validate({
        "fair_competition_review": {"done": True, "conclusion": "不涉及经营者经济活动，符合公平竞争审查标准"},
        "collective_deliberation": {"meeting": "某县人民政府第12次常务会议"}}),
        {"起草说明.md": "经审查，本办法不存在排除、限制竞争的内容，符合公平竞争审查标准。2026年4月20日，县政府常务会议审议通过。"})
    assert record.conflicts == []


def test_example_drafts_review_alike_with_and_without_their_dossier(tmp_path: Path):
    """The acceptance of issue 15: materials alone give the procedural findings the full record gave."""
    for name in ("绿化管理办法-合法", "停车收费办法-程序缺陷", "养犬管理办法-内容缺陷"):
        with_materials = tmp_path / "m" / name
        shutil.copytree(EXAMPLES / name, with_materials)
        full = tmp_path / "f" / name
        shutil.copytree(EXAMPLES / name, full)
        shutil.copy(RECORDS / name / "dossier.yaml", full / "dossier.yaml")
        procedural = [sorted((f.rule_id, f.outcome) for f in review_path(p, review_date=DATE).findings
                             if f.family in ("procedure", "subject") and not f.waived)
                      for p in (with_materials, full)]
        assert procedural[0] == procedural[1], name
    assert not (EXAMPLES / "绿化管理办法-合法" / "dossier.yaml").exists()
    assert not (EXAMPLES / "停车收费办法-程序缺陷" / "dossier.yaml").exists()
    dog = review_path(EXAMPLES / "养犬管理办法-内容缺陷", review_date=DATE)
    assert dog.dossier.consultation.comments == 37 and dog.record.facts.get("consultation.comments") == 36
    assert [f.rule_id for f in dog.findings if f.family == "procedure"] == ["PROC-REC-01"]


def test_the_opinion_quotes_where_each_procedural_fact_was_read():
    review = review_path(EXAMPLES / "停车收费办法-程序缺陷", review_date=DATE)
    context = opinion_context(review)
    record = {r["name"]: r["text"] for r in context["submission"]["record"]}
    assert context["submission"]["drafting_unit"] == "某市发展和改革委员会"
    # the officer's text names the material, not its file and line (issue 12)
    assert "（起草说明：“（一）2026年2月2日至2月13日" in record["公开征求意见"]
    assert record["集体审议"].startswith("某市人民政府第33次常务会议，2026年3月18日")
    review = review_path(EXAMPLES / "绿化管理办法-合法", review_date=DATE)
    assert review.issuer == "某市人民政府" and opinion_context(review)["submission"]["received"] == "2026年3月16日"


# ---- stage, init ---------------------------------------------------------------------------------------------------

def test_the_dossiers_stage_is_the_default_stage(tmp_path: Path):
    folder = tmp_path / "filed"
    shutil.copytree(ROOT / "tests" / "fixtures" / "procedure" / "PROC-REG-01" / "fail", folder)
    assert review_path(folder, review_date=DATE).stage == "filing-review"
    assert "PROC-REG-01" in {f.rule_id for f in review_path(folder, review_date=DATE).findings}
    assert review_path(folder, stage="pre-issuance", review_date=DATE).stage == "pre-issuance"


def test_init_writes_only_what_the_materials_do_not_say_and_says_what_it_found(tmp_path: Path, capsys):
    folder = tmp_path / "停车"
    shutil.copytree(EXAMPLES / "停车收费办法-程序缺陷", folder)
    report = init_draft_folder(folder)
    assert [p.name for p in report.written] == ["dossier.yaml"]
    text = (folder / "dossier.yaml").read_text(encoding="utf-8")
    assert "  # consultation.start：送审材料已载明“2026年2月2日”（起草说明.md 第17行）" in text
    assert "hearing: {date: null" in text and "held" not in text.split("hearing:")[1].split("\n")[0]
    review = review_path(folder, review_date=DATE)
    assert not review.errors and not review.record.conflicts
    assert ("公开征求意见开始日期", "2026年2月2日", "起草说明.md 第17行") in report.found
    assert "采纳的意见数量" in report.missing
    shutil.rmtree(folder)
    shutil.copytree(EXAMPLES / "停车收费办法-程序缺陷", folder)
    assert main(["init", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "送审材料已载明" in out and "公开征求意见截止日期：2026年2月13日（起草说明.md 第17行）" in out


# ---- SUBJ-04 ---------------------------------------------------------------------------------------------------------

def test_departments_given_duties_are_read_by_field_and_without_the_issuer():
    from review_engine import parse
    from review_engine.facts import Facts

    doc = parse("# 某市共享单车管理办法\n\n第一条　市交通运输局负责行业管理。市公安局负责交通秩序管理。\n\n"
                "第二条　城市管理、市场监管等部门按照各自职责，做好相关工作。有关部门按照职责做好配合。\n\n"
                "某市交通运输局\n2026年3月1日\n")
    assert Facts(doc).departments == ["公安", "城市管理", "市场监督管理"]


# ---- the benchmark -------------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_materials_benchmark_on_our_own_cases_invents_nothing():
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "materials" / "run.py"), "--summary",
                             "--min", "0.9", "--strict"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "invented facts: 0" in result.stdout


def test_read_record_reads_every_material_of_a_folder(tmp_path: Path):
    from review_engine.drafts import draft_in

    folder = tmp_path / "d"
    shutil.copytree(EXAMPLES / "绿化管理办法-合法", folder)
    draft = draft_in(folder)
    assert [p.name for p in draft.material_files] == ["专家论证意见.md", "公平竞争审查表.docx", "征求意见采纳情况.md", "起草说明.md"]
    record = read_record(None, materials=draft.materials, material_files=draft.material_files)
    assert record.dossier.expert_review.date == D(2026, 2, 26) and record.origin(("expert_review", "date")).file == "专家论证意见.md"


@pytest.mark.parametrize("body, want", [
    ("于2026年3月2日在县人民政府网站公开征求意见，截止日期为4月1日。",
     {"consultation.start": D(2026, 3, 2), "consultation.end": D(2026, 4, 1)}),
    ("2026.3.2—2026.4.1，在县政府网站向社会公开征求意见。",
     {"consultation.start": D(2026, 3, 2), "consultation.end": D(2026, 4, 1)}),
    ("3月2日至31日，在县政府网站公开征求意见，为期30天。",
     {"consultation.start": D(2026, 3, 2), "consultation.end": D(2026, 3, 31), "consultation.days": 30}),
    ("征求意见稿于2026年3月2日在县人民政府网站公布，向社会公开征求意见，为期一个月。",
     {"consultation.start": D(2026, 3, 2), "consultation.days": None, "consultation.end": None}),
    ("公开征求意见期间，共收到网民留言15条，采纳6条。", {"consultation.comments": 15, "consultation.adopted": 6}),
    ("在县政府网站公开征求意见，收到意见建议12条，已采纳8条，部分采纳3条，未采纳1条。",
     {"consultation.comments": 12, "consultation.adopted": 8}),
    ("2026年3月2日，在县政府网站公开征求意见；3月5日，书面征求了县发改局等8个部门意见，共收到意见10条。",
     {"consultation.start": D(2026, 3, 2), "consultation.comments": None}),
    ("在县融媒体中心和县住房和城乡建设局网站公开征求意见。",
     {"consultation.channels": ("县融媒体中心", "县住房和城乡建设局网站")}),
    ("在县政府网站公开征求意见。意见采纳情况尚未公开反馈。", {"consultation.feedback_published": False}),
    ("本办法不涉及重大公共利益，未组织听证、专家论证和风险评估。",
     {"hearing.held": False, "expert_review.done": False, "risk_assessment.done": False}),
    ("本办法按照要求开展了公平竞争自查，未发现排除、限制竞争的内容。",
     {"fair_competition_review.done": True, "fair_competition_review.conclusion": "符合",
      "fair_competition_review.joint_with_market_regulator": False}),
    ("本办法属于政府内部管理事项，不属于公平竞争审查范围。", {"fair_competition_review.done": False}),
    ("经局法制科审核，送审稿内容合法。5月12日，提交局党委会审议通过。",
     {"drafting_unit_legality_review.done": True, "collective_deliberation.meeting": "局党委会",
      "collective_deliberation.date": D(2026, 5, 12)}),
    ("二、起草依据\n依据《甲法》，参照《乙市某办法》。", {"basis": ("甲法",)}),
])
def test_phrasings_offices_use(body, want):
    facts = facts_of(explanation(body))
    assert {k: facts.get(k) for k in want} == want


def test_the_year_of_a_date_written_without_one():
    """The procedure's dates take the document's year, not the background's; a chronicle crossing into a new year
    goes on in it; a date written after a later one in the same year stays in that year."""
    background = "一、背景\n截至2025年底，全县共有企业120家。\n二、起草过程\n3月2日至4月1日，在县政府网站公开征求意见。"
    crossing = "2025年12月，书面征求了县财政局等部门意见。3月2日至4月1日，在县政府网站公开征求意见。"
    earlier = "2026年4月10日召开论证会。此前，3月20日至3月30日在县政府网站公开征求意见。"
    starts = [facts_of(explanation(body)).get("consultation.start") for body in (background, crossing, earlier)]
    assert starts == [D(2026, 3, 2), D(2026, 3, 2), D(2026, 3, 20)]
