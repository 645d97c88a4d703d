"""The readers of the decisions around a draft: the fair-competition review (done, date, conclusion, joint with the
market regulator), the legality review — the drafting unit's own (its 法制机构) and the issuing government's
reviewing body's (sent, opinion, conclusion) — and the collective deliberation (the meeting and its date)."""

from __future__ import annotations

import re

from .events import DEPT, MEETING, PLAN, SMR, Candidates, clause_at, negated, one_date, outcome_date, plan_before, weight
from .sentences import Sentence

# ---- fair-competition review ------------------------------------------------------------------------------------------

def fcr(s, c, d, start, end, events, dedicated) -> bool:
    text = s.text
    w = weight(s, "fcr", dedicated)
    window = text[max(0, start - 40):min(len(text), end + 60)]
    if re.search(r"不(?:涉及|属于)[^。；]{0,40}(?:经营者|市场主体|经济活动|生产经营|市场准入|审查范围)", text) and re.search(
            r"(?:无需|无须|不需要|不需|不必|未|没有|不再|不予)(?:按规定)?(?:进行|开展|组织)?(?:了)?(?:公平竞争)?审查"
            r"|不属于[^。；]{0,10}公平竞争审查(?:范围)?", text):
        c.add("fair_competition_review.done", False, s, w)
        return True
    if not text[start:end].startswith("公平竞争") or not re.match(r"\s*(?:审查|自查|审核)", text[end:]):
        # 排除、限制竞争 / 对公平竞争影响更小的替代方案: the review's subject matter, not the review — a negation
        # there (没有对公平竞争影响更小的……) denies nothing of the review
        return _fcr_finding(s, c, d, start, events, w)
    if negated(text, start, 10):
        c.add("fair_competition_review.done", False, s, w)
        return True
    done = re.search(r"(?:进行|开展|组织|完成|经过?|通过|作出|履行)了?[^，。；]{0,24}公平竞争(?:审查|自查)|公平竞争自查|公平竞争审查[^。；]{0,30}(?:认为|结论|表明|显示|意见|审查表|符合|未发现|不存在|已)"
                     r"|对照[^。；]{0,40}(?:审查标准|审查条例)|逐项(?:对照|审查)|符合公平竞争审查", window)
    if not done and s.kind != "公平竞争审查":
        if fcr_conclusion(s, c, w) and not re.search(r"涉嫌|初审发现|如|若|一旦", text[:start]):
            done = True  # a conclusion stated (县市场监管局回复……未违反公平竞争审查标准): the review was done
        else:
            fcr_joint(s, c, w)
            return bool(re.search(r"公平竞争审查(?!条例)", text))
    if done and not re.search(r"涉嫌|初审发现", text[max(0, start - 30):start]):
        c.add("fair_competition_review.done", True, s, w)
        c.add("fair_competition_review.date", outcome_date(s, d, "fcr", end, events) or one_date(s, d, "fcr", start, events), s, w)
    fcr_conclusion(s, c, w)
    fcr_joint(s, c, w)
    return True


def _fcr_finding(s, c, d, start, events, w) -> bool:
    """经审查，本通知不含排除、限制竞争的内容: the review's finding said in the words of its standard — a review
    done (by the drafting unit's own account) and its conclusion."""
    before = fcr_conclusion(s, c, w)
    if not before or s.kind not in ("起草说明", "公平竞争审查", "其他材料") \
            or not (re.search(r"(?<!合法性)审查|自查", s.text) or _REGULATOR_REPLY.search(s.text)) \
            or re.search(r"合法性|合法性审", s.text):
        return before
    c.add("fair_competition_review.done", True, s, w)
    c.add("fair_competition_review.date", one_date(s, d, "fcr", start, events), s, w)
    fcr_joint(s, c, w)
    return True


_COMPLETED = re.compile(r"(?<!合法性)(?<!法制)审查(?:工作)?[^，。；]{0,14}?(?:完成|结束|办结)|(?:完成|结束)(?:了)?[^，。；]{0,6}(?<!合法性)审查"
                        r"|^(?:本次)?审查(?:的)?(?:时间|日期)(?:为|是|：|:)")


def fcr_completed(s: Sentence, c: Candidates, d, w: int) -> None:
    """审查于2026年1月20日完成 / 审查日期为……, in a sentence about the review told of before (its section, the
    sentence before it): the bare word is that review, the day it was completed (or given as its day) its date."""
    m = _COMPLETED.search(s.text)
    if m is None or plan_before(s.text, m.start()):
        return
    a, b = clause_at(s.text, m.start())
    days = [x.day for x in d.mentions if x.day is not None and a <= x.start < b]
    if days:
        if not m.group().endswith(("为", "是", "：", ":")):  # a labelled day adds no more than the finding said
            c.add("fair_competition_review.done", True, s, w)
        c.add("fair_competition_review.date", days[-1], s, w)


#: The market regulator answering on the draft (市市场监督管理局反馈，送审稿无排除、限制竞争内容): its review given.
_REGULATOR_REPLY = re.compile(SMR + r"(?:部门|局|分局)?[^，。；]{0,12}(?:反馈|复函|函复|回复|答复|出具|认为)")


#: A review held again after the text was revised: its conclusion supersedes the first review's.
_AGAIN = re.compile(r"复审|复核|重新(?:进行)?(?:审查|审核)|再次(?:进行)?(?:审查|审核)|修改后[^，。；]{0,8}(?:审查|审核)")


def fcr_conclusion(s: Sentence, c: Candidates, w: int) -> bool:
    """The review's conclusion. Told in stages (初审……不符合……，修改后经复审符合……), the latest review's stands: a
    sentence telling of a review held again is read from it on, and a first review's finding alone (初审情况 | ……
    不符合) weighs nothing beside a later one's."""
    text = s.text
    labelled = re.search(r"审查结论(?:为|是|：|:)", text) is not None
    w = w + 1 if labelled else w
    again = [m.start() for m in _AGAIN.finditer(text)]
    if again:
        text = text[again[-1]:]
    elif re.search(r"初审|首次审查|第一次审查", text + " ".join(s.cells[:1]) + s.heading):
        w = 0
    before = len(c.items.get("fair_competition_review.conclusion", ()))
    _conclusion(text, s, c, w)
    return len(c.items.get("fair_competition_review.conclusion", ())) > before


def _conclusion(text: str, s: Sentence, c: Candidates, w: int) -> None:
    # the exception's test said in its words: needed for (公共安全……) and no way less harmful to competition
    if re.search(r"适用例外|例外(?:规定|情形)|第十二条|(?:没有|不存在|无)[^，。；]{0,8}对公平竞争影响更小的", text) \
            and not re.search(r"不适用例外|不属于例外|是否适用例外", text):
        c.add("fair_competition_review.conclusion", "适用例外", s, w)
    elif re.search(r"(?<!涉嫌)(?<!不)(?<!未)违反公平竞争审查标准|不符合公平竞争审查|审查结论(?:为|是|：|:)\s*不符合", text) and not re.search(r"不存在|未发现|没有|涉嫌", text):
        c.add("fair_competition_review.conclusion", "不符合", s, w)
    elif re.search(r"符合公平竞争审查|符合[^，。；]{0,10}(?:审查标准|审查要求|公平竞争)|不存在[^。；]{0,20}(?:排除|限制竞争|违反)|未发现[^。；]{0,30}(?:排除|限制竞争|违反)"
                   r"|(?:无|不含有?)[^。；]{0,8}(?:排除、?限制竞争|违反[^。；]{0,10}审查标准)|不违反(?:公平竞争)?审查标准"
                   r"|不具有?排除、?限制竞争|没有[^。；]{0,10}排除、?限制竞争|(?:审查|经审查)[^。；]{0,10}可以出台|不会[^。；]{0,10}(?:排除|限制竞争)"
                   r"|审查结论(?:为|是|：|:)\s*(?:符合|通过|可以出台)|符合(?:相关|有关)?(?:规定|要求)"
                   r"|(?:不|未|没有)违反[^，。；]{0,8}审查标准|审查通过|通过(?:了)?(?:公平竞争)?审查(?!的)"
                   r"|无异议|没有异议|同意出台|(?:^|[，,；])结论(?:为|是|：|:)\s*(?:符合|通过)"
                   # none of the standard's items found (未设置市场准入障碍, 不存在限定经营……特定经营者……的内容)
                   r"|(?:不存在|未发现|没有|不含有?|未设置|未对|未)[^。；]{0,20}(?:限定|指定|特定经营者|歧视|地方保护|准入障碍|退出障碍)", text):
        c.add("fair_competition_review.conclusion", "符合", s, w)


def fcr_joint(s: Sentence, c: Candidates, w: int) -> None:
    text = s.text
    if re.search(r"(?:未|没有|亦未|也未|并未)(?:会同|送|征求|提请|商请|邀请|请)[^，。；]{0,16}" + SMR + r"|自行(?:开展|进行|组织)?|自查|自我审查|起草单位自行|由(?:我|本)(?:局|厅|委|办|单位)(?:自行|单独|独立)", text) \
            and re.search(r"审查|自查", text):
        c.add("fair_competition_review.joint_with_market_regulator", False, s, w)
    else:
        for m in _JOINT.finditer(text):
            a, b = clause_at(text, m.start())
            if plan_before(text, m.start()):  # 将送区市场监督管理局审查: a plan
                continue
            if DEPT.search(text[a:b]) and not re.search(r"审查|审核|公平竞争|会审", text[a:b]):
                continue  # 书面征求市发展改革委、市市场监督管理局等12个部门意见: the departments consulted, no review
            c.add("fair_competition_review.joint_with_market_regulator", True, s, w)
            return


_JOINT = re.compile(
    r"会同[^，。；]{0,24}" + SMR + r"|" + SMR + r"[^。；]{0,24}会同|(?:送|提交|报送|报|征求)[^，。；]{0,24}" + SMR + r"[^，。；]{0,20}(?:审查|审核|意见|会审)"
    r"|与[^，。；]{0,20}" + SMR + r"[^，。；]{0,8}(?:局|部门|分局)?(?:共同|联合|一起)|" + SMR + r"(?:部门|局|分局)?[^，。；]{0,24}(?:审查|审核|出具|会审|联合审查|牵头|反馈|复函|函复|回复|答复)"
    r"|联合(?:开展|进行)?(?:了)?(?:公平竞争)?审查|(?<![务组委])会审(?!议)"  # not 局务会审议: a meeting
    # the reviewer named as the regulator or its unit for competition (审查机构：某县市场监督管理局……股)
    r"|(?:审查机构|审查机关|审查主体|审查单位)(?:为|是|：|:)[^，。；]{0,16}" + SMR + r"|反不正当竞争(?:科|股|处|室|局|分局)"
    r"|竞争(?:执法|政策)(?:科|股|处|室)")


# ---- the drafting unit's own legality review -------------------------------------------------------------------

_OWN_REVIEW = re.compile(
    r"(?:^|[我本局厅委办])(?:局|厅|委|办|单位)?[^，。；司]{0,10}(?:科|股|处|室)(?:[^，。；]{0,16})?$"
    r"|(?:政策法规|法规|法制|法治|法律事务)[^，。；]{0,6}(?:科|股|处|室|机构|工作机构|部门|办|审核员|员|支队|大队|中队)|法律顾问|公职律师|内部合法性"
    r"|(?:我|本)(?:局|厅|委|办|单位|部门)[^，。；]{0,12}$|(?:^|经|由)(?:本)?(?:局|厅|委|办)(?:机关)?$")
_GOV_REVIEW = re.compile(r"司法局|司法厅|司法行政|法制办|政府法制|审核机构|管委会|(?:县|市|省|区|州|乡|镇)(?:人民)?政府(?!办)")
_SUBMIT = re.compile(r"(?:报送|提交|送交|送请|送(?!审稿)|报(?!告|送审稿)|提请|移送)[^，。；]{0,24}$")


_REVIEWER = re.compile(r"司法局|司法厅|司法行政部门|法制办公室|法制办|法制局")


def _reviewer(text: str) -> str | None:
    """市司法局 in 送审稿报送市司法局: the reviewing body with its place, without the verb before it."""
    m = _REVIEWER.search(text)
    if m is None:
        return None
    place = re.split(r"报送|提交|送交|送请|送|报|经|由|，|、|和|及|会同|[0-9０-９日]|《[^》]*》", text[:m.start()])[-1]
    place = place if re.fullmatch(r"(?:某|[\u4e00-\u9fa5]{0,8})[省市县区州旗]?(?:人民政府)?", place) else ""
    return place + m.group()
_CONCLUSION = re.compile(r"(?:认为|结论为|审核结论|审核意见为)[^。；]{0,40}?(?P<c>修改后合法|应当予以修改|不合法|合法)")


def _government_review(s, c, d, start, events, head: str) -> bool:
    """The review of the issuing government's reviewing body (市司法局): when the draft was sent to it, when it
    gave its opinion, its conclusion — the record's ``legality_review`` (not the drafting unit's own review)."""
    text = s.text
    a, b = clause_at(text, start)
    unit = _reviewer(head) or _reviewer(text[start:b])
    if unit is None:
        return False
    day = one_date(s, d, "legality", start, events)
    if day is None and re.search(r"现(?:将|予|特)?[^，。；]{0,20}(?:报送|提交|送请|呈送|报请)", text[a:start]):
        day = s.doc_date  # 现将送审稿报送市司法局……: the date of the file that says so
    c.add("legality_review.reviewer", unit, s)
    if _SUBMIT.search(head):
        c.add("legality_review.received", day, s)
    elif re.search(r"出具|作出|提出|审核意见|审查意见|审核认为|审查认为|经", text[max(a, start - 20):b]):
        c.add("legality_review.opinion_date", day, s)
        m = _CONCLUSION.search(text[start:])
        if m:
            c.add("legality_review.conclusion", m.group("c"), s)
    return True


def legality(s, c, d, start, end, events, dedicated) -> bool:
    text = s.text
    a, b = clause_at(text, start)
    head = text[a:start]
    w = weight(s, "legality", dedicated)
    own = bool(_OWN_REVIEW.search(head) or re.match(r"法规|法制|法治", text[start:end])) \
        and not _GOV_REVIEW.search(re.sub(r"我(?:局|厅|委|办)", "", head))
    if not own and _GOV_REVIEW.search(head + text[start:b]) and s.kind != "合法性审核意见":
        return _government_review(s, c, d, start, events, head)
    if _SUBMIT.search(head) and not re.search(r"(?:经|由)[^，。；]{0,10}(?:科|股|处|室)", head):
        return False
    if not own and s.kind != "合法性审核意见":
        return False
    if s.kind == "合法性审核意见" and not own and _GOV_REVIEW.search(head):
        return False
    if negated(text, start):
        c.add("drafting_unit_legality_review.done", False, s, w)
        return True
    c.add("drafting_unit_legality_review.done", True, s, w)
    c.add("drafting_unit_legality_review.date", one_date(s, d, "legality", start, events), s, w)
    return True


# ---- collective deliberation ------------------------------------------------------------------------------------------

_MEETING_END = MEETING
# (a township's 党政联席会议 is where it decides: no coordination meeting)
_NOT_MEETING = re.compile(r"座谈|论证|听证|评审|协调|推进|调度|专题|(?<!党政)联席|工作会|培训|动员|部署|调研|议事协商|协商")


def _meeting_name(name: str) -> str:
    """The meeting as the unit calls it: without 我局/本委 and the unit's full name before a name that repeats it
    (县水利局局务会议 → 局务会议, 我委主任办公会议 → 委主任办公会议); 第33次常务会议 is kept as written."""
    name = re.sub(r"^(?:的|了|和|及)", "", name)
    name = re.sub(r"^(?:我|本)(?=[局委厅办院署])", "", name)
    m = re.match(r"^[^，。；]{0,14}?([局委厅])(?=\1(?:务|长|党|主任|办公|领导|班子))", name)
    return name[m.end():] if m else name


def deliberation(s, c, d, start, end, events, dedicated) -> bool:
    text = s.text
    if s.topics and s.topics <= {"necessity", "basis"}:
        return False  # the background tells of other texts' meetings (《条例》……经市人大常委会审议修正)
    a, b = clause_at(text, start)
    m = _MEETING_END.search(text, a)
    if m is None or m.start() > b:
        return False
    head = text[a:m.end()]
    # 提交……会议审议 is a plan, unless the meeting's decision follows (提请3月31日召开的厅党组会议审议，会议同意印发)
    if PLAN.search(head) or re.search(r"提交|提请|报请|报送|送请", head) and not re.search(
            r"经", head) and not re.search(r"^[^，。；]{0,8}(?:通过|同意|审定|决定)", text[m.end():b]) \
            and not re.match(r"[，,]\s*(?:会议|会上|经)[^，。；]{0,8}(?:通过|同意|审定|决定)", text[b:]):
        return False
    after = text[m.end():b]
    # the meeting approved the text for consultation (研究同意《办法》征求意见稿): not the deliberation
    if re.search(r"征求意见稿|初稿|起草(?!情)|征求意见(?!后|结束|期满)", after[:16]) or PLAN.search(after[:8]) \
            or re.search(r"(?:征求意见稿|初稿)[^，。；]{0,6}经", head):  # 征求意见稿经局务会议研究同意后，于……征求意见
        return False
    kept = re.sub(r"[（(]([^（）()]{1,4})[)）](?=会)", r"〔\1〕", head)  # 局党组（扩大）会议: the note is of the name
    name = re.split(r"[，。；、：:“”《》（）()\s]|经过?|由|在|于|召开|提交|提请|报请|并经|后经|通过|日|年|送审稿|办法|细则|草案|方案", kept)[-1]
    name = _meeting_name(name.replace("〔", "（").replace("〕", "）"))
    if not name or len(name) < 2 or _NOT_MEETING.search(name) or re.fullmatch(r"会议|务会", name) \
            or not re.search(r"(?:会议|务会|办公会|党组会|班子会|常委会|工委会|党委会|全体会|常务会|主任会)$", name):
        return False
    c.add("collective_deliberation.meeting", name, s)
    c.add("collective_deliberation.date", one_date(s, d, "deliberation", start, events), s)
    return True


__all__ = ["deliberation", "fcr", "fcr_completed", "fcr_conclusion", "fcr_joint", "legality"]
