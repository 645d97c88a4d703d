"""The procedural facts the materials state, sentence by sentence: candidates with the sentence they came from.

Each reader below looks at one sentence (``sentences.Sentence``) for one group of facts and offers candidates
``(key, value, sentence, weight)`` to a ``Candidates``; ``materials.extract_facts`` keeps a value only when the
candidates of the highest weight agree (an ambiguous fact stays unknown). Keys are the fields of the materials
benchmark's ``truth.yaml`` (``consultation.start``, ``hearing.held`` …).

How a sentence is read: its events (public consultation, hearing, expert review, risk assessment, fair-
competition review, the drafting unit's own legality review, collective deliberation) are found by their
words; a negation right before an event's words in its clause (未举行听证, 无需开展公平竞争审查, 不再举行听证会)
gives ``False``; a date belongs to the event of its clause, else to the nearest event after it in the sentence
with no other event between (``2026年4月12日，我局……进行了公平竞争审查``). The 主要内容 section (what the draft
provides) is not read for events, and plans (拟、将、下一步、可以提交) are not facts. The public consultation is told
from the written consultation of departments (书面征求了……等部门意见), whose dates and counts are not its own.

The shared machinery (events, clauses, negation, plans, dates of an event) is ``events``; the counts of comments and
adoptions and the feedback are ``counts``; the readers of the fair-competition review, the legality reviews and the
collective deliberation are ``decisions``; the facts of a whole material (drafting unit, 制定依据, issuer) are
``named``.
"""
from __future__ import annotations

import re

from .counts import counts, feedback
from .events import (DEPT, PLAN, PROVISION, Candidates, clause_at, dated, dates_for, denied_after, event_spans, in_span,
                     negated, one_date, outcome_date, plan_before, unstated, weight)
from .decisions import deliberation, fcr, fcr_completed, fcr_conclusion, fcr_joint, legality
from .sentences import Sentence

# ---- the sentence reader ----------------------------------------------------------------------------------------

def read_sentence(s: Sentence, c: Candidates, *, dedicated: dict[str, str], context: frozenset = frozenset()) -> set:
    """Offer the facts ``s`` states; ``dedicated`` maps an event to the material kind devoted to it; ``context``:
    the events the sentence before it (in its paragraph) was about. Returns the events ``s`` is about."""
    if s.title:
        return set()
    if "main_content" in s.topics and not s.topics & {"process", "fair_competition"} \
            and not re.search(r"现将|现报送|现予|特此|妥否|请审议|请予|名义(?:印发|发布|出台)", s.text):
        return set()
    if PROVISION.search(s.text) and not re.search(r"征求意见|审查|审核|论证|听证会|评估|审议|公平竞争", s.text):
        return set()
    events = event_spans(s.text)
    d = dated(s)
    done: set[str] = set()
    public = False
    for name, start, end in events:
        if name in done or unstated(s.text, start):
            continue
        if _planned(s.text, start, end):
            if not _rescheduled(s, c, d, name, start, end, dedicated):
                _not_yet(s, c, name, start, dedicated)
            if name in _NOT_YET:
                done.add(name)  # the rest of the sentence tells of the plan (听证参加人报名工作已经结束)
            continue
        reader = _READERS.get(name)
        before = _dates_read(c, name)
        if reader is not None and reader(s, c, d, start, end, events, dedicated):
            if name not in _DATES or _dates_read(c, name) > before \
                    or (name in _NOT_YET and c.items.get(_NOT_YET[name], [(None,)])[-1][0] is False):
                done.add(name)  # an event told of again later in the sentence without its date may give it there
            public = public or name == "consultation"
    about = public or s.kind == "征求意见及采纳情况" or ("consultation" in context and not DEPT.search(s.text)) \
        or (re.search(r"征求意见", s.heading) and not re.search(r"部门", s.heading))
    if about and s.kind in ("起草说明", "征求意见及采纳情况", "其他材料"):
        counts(s, c)
        if not public and _CHANNEL_LABEL.search(s.text):  # 发布平台：…… in a material on the consultation
            _channels(s, c, weight(s, "consultation", dedicated), 0, len(s.text))
    feedback(s, c, about)
    # a sentence telling of another event (局务会审议通过, 局法规科出具合法性审核意见) is not about the review before it
    if (s.kind == "公平竞争审查" or "fcr" in context and all(e[0] == "fcr" for e in events)) and "fcr" not in done:
        w = weight(s, "fcr", dedicated)
        if fcr_conclusion(s, c, w) and s.kind in ("起草说明", "公平竞争审查") and not _planned(s.text, len(s.text)):
            c.add("fair_competition_review.done", True, s, w)  # 五、公平竞争审查：……不存在限定经营……的内容
        if s.kind in ("起草说明", "公平竞争审查"):
            fcr_completed(s, c, d, w)
        fcr_joint(s, c, w)
    return ({"consultation"} if public else set()) | ({"fcr"} if "fcr" in done else set())


_PLAN_AFTER = re.compile(r"(?:会|会议)?(?:原定|原计划|拟|定于|计划|将于|将在|预计|准备)")


def _planned(text: str, start: int, end: int | None = None) -> bool:
    """Whether the event at ``start`` is a plan: a plan word before it in its clause, right after it (听证会原定于……,
    听证会拟于……), or in a clause it continues (拟于4月中旬组织专家论证，并根据论证意见调整附件)."""
    a, _ = clause_at(text, start)
    if plan_before(text, start) or (end is not None and _PLAN_AFTER.match(text, end)):
        return True
    while a > 0 and re.match(r"(?:并且?|再|然后|随后|之后|后|届时)", text[a:]):
        a, b = clause_at(text, a - 1)
        if PLAN.search(text[a:b]):
            return True
    return False


_DATE_OF = {"hearing": "hearing.date", "expert": "expert_review.date", "risk": "risk_assessment.date"}
_DATES = {**{k: (v,) for k, v in _DATE_OF.items()}, "consultation": ("consultation.start", "consultation.end")}


def _dates_read(c: Candidates, name: str) -> int:
    return sum(len(c.items.get(key, ())) for key in _DATES.get(name, ()))
_NOT_YET = {"hearing": "hearing.held", "expert": "expert_review.done", "risk": "risk_assessment.done"}


_RESCHEDULED = re.compile(r"(?:延期|改期|推迟|顺延|调整|改为|改在|改于)(?:至|到|为|于|在)?[^，。；]{0,4}$")


def _rescheduled(s: Sentence, c: Candidates, d, name: str, start: int, end: int, dedicated: dict[str, str]) -> bool:
    """原定于3月20日召开，后延期至3月27日举行: the plan given up, the event held on the day it was moved to (unless
    that day is after the materials were signed); put off with no day (延期举行，具体时间另行通知): not held."""
    a, b = clause_at(s.text, start)
    if name not in _NOT_YET or not re.search(r"原定|原计划|原拟", s.text[a:start] + s.text[end:end + 6]):
        return False
    for m in d.mentions:
        if m.day is None or m.start < b:
            continue
        ca, cb = clause_at(s.text, m.start)
        if _RESCHEDULED.search(s.text[ca:m.start]) and re.search(r"举行|召开|进行|开展", s.text[m.end:cb]):
            w = weight(s, name, dedicated)
            if s.doc_date is not None and m.day > s.doc_date:
                c.add(_NOT_YET[name], False, s, 0)
            else:
                c.add(_NOT_YET[name], True, s, w)
                c.add(_DATE_OF[name], m.day, s, w)
            return True
    if _PUT_OFF.search(s.text, b):  # put off with no new day: not held when the materials were written
        c.add(_NOT_YET[name], False, s, 0)
        return True
    return False


_PUT_OFF = re.compile(r"(?:延期|推迟|暂缓|改期|延后)(?:举行|召开|进行|开展|组织)?[^。]{0,16}(?:另行通知|另行确定|另行安排|另定|待定|未定|尚未确定)"
                      r"|(?:暂缓|取消|停止)(?:举行|召开|进行|开展|组织)")


def _not_yet(s: Sentence, c: Candidates, name: str, start: int, dedicated: dict[str, str]) -> None:
    """A hearing, expert review or risk assessment already announced or being prepared for a later day (发布听证公告，
    拟于6月22日召开听证会) has not taken place when the materials were written: false, outweighed by any statement
    that it did. A bare intention (拟于7月召开听证会) says nothing, nor does a plan given up (原定、原计划) or one for
    after the draft is issued (施行后、下一步)."""
    a, b = clause_at(s.text, start)
    clause = s.text[a:b]
    if name not in _NOT_YET or s.kind not in ("起草说明", dedicated.get(name)) \
            or not re.search(r"公告|通知|筹备|报名|遴选|已(?:发布|公布|确定)|尚未|正在", s.text) \
            or re.search(r"原定|原计划|原拟|建议|施行后|实施后|印发后|出台后|实施过程|实施效果|下一步|适时|必要时|视情", s.text) \
            or not re.search(r"(?:拟|计划|将|定)(?:于|在)?[^，。；]{0,16}(?:召开|举行|组织|开展|进行|举办)", clause):
        return
    c.add(_NOT_YET[name], False, s, 0)




# ---- public consultation ------------------------------------------------------------------------------------------

def _consultation(s, c, d, start, end, events, dedicated) -> bool:
    text = s.text
    a, b = clause_at(text, start)
    clause = text[a:b]
    if DEPT.search(clause) and not re.search(r"公开|向社会|社会公众|社会各界|网站|公众号", clause):
        return False
    if text[start:end] == "征求意见稿" and not re.search(PUBLISH + r"|征求意见(?!稿)", clause):
        return False
    if re.search(r"首次|第一轮|第一次|初次", clause) or re.search(r"收悉|等材料", clause):
        return False  # ……及起草说明、征求意见情况等材料收悉: a material named, not the consultation
    if negated(text, start, 10) and "征求意见稿" not in text[start:end]:
        return False
    if text[start:end].startswith("听取") and re.search(r"座谈|会议|会上|走访|调研|实地|问卷|听证|论证", clause):
        return False  # 召开座谈会，听取群众意见: not the public consultation
    w = weight(s, "consultation", dedicated)
    spans, singles = dates_for(s, d, "consultation", start, events)
    if spans:
        c.add("consultation.start", spans[0].first, s, w)
        c.add("consultation.end", spans[0].last, s, w)
    for m in singles:
        role = _date_role(text, m, start)
        if role is not None:
            c.add(f"consultation.{role}", m.day, s, w)
    if not spans:
        _end_after(s, c, d, end, events, w)
    stop = min((e[1] for e in events if e[1] > end and e[0] not in ("consultation", "drafting")), default=len(text))
    # the length told with the consultation's dates (2月10日—3月11日，为期30日，……公开征求意见) is its length too
    for length in d.lengths:
        beside = any(re.fullmatch(r"[，,、\s（(]{0,2}", text[sp.end:length.start]) for sp in spans)
        if length.days is not None and (start - 30 <= length.start < stop or beside):
            c.add("consultation.days", length.days, s, w)
    _channels(s, c, w, start, stop)
    return True


#: A date right before the verb of another act (6月8日报送的……, 3月1日印发) is that act's date.
_OTHER_ACT = re.compile(r"\s*(?:前|后)?(?:报送|提交|印发|出台|报请|呈报|呈送|送来|转来|收到|成立|启动|形成|召开|完成|作出|出具|审议)")


#: The verbs of publishing the draft for the consultation.
PUBLISH = r"(?:公开|公布|发布|挂网|挂出|上网|刊登|刊发|刊出|登载|张贴|公示|推送)"


def _date_role(text: str, m, event_start: int) -> str | None:
    before, after = text[max(0, m.start - 6):m.start], text[m.end:m.end + 6]
    if _OTHER_ACT.match(after):
        return None
    if re.search(r"(?:截至|截止|截止到|截止于|至|到|结束|终止)(?:日期|时间)?(?:为|是)?$", before) or re.match(r"(?:截止|结束|止)", after):
        return "end"
    if re.match(r"(?:起|开始)", after) or re.search(r"(?:自|从)$", before) or m.start < event_start:
        return "start"
    if re.search(r"(?:于|在)$", before) and re.search(PUBLISH + r"|征求", text[m.end:m.end + 30]):
        return "start"
    return None


def _end_after(s, c, d, end, events, w) -> None:
    """至3月11日结束 / 征求意见截至4月1日 in a later clause of the same sentence."""
    stop = min((e[1] for e in events if e[1] > end and e[0] not in ("consultation",)), default=len(s.text))
    for m in d.mentions:
        if m.day is not None and end <= m.start < stop and not in_span(d, m.start) and _date_role(s.text, m, end) == "end":
            c.add("consultation.end", m.day, s, w)
            return


_CHANNEL_WORD = re.compile(r"网站|网|公众号|微信|微博|报|平台|客户端|APP|app|栏|政务|媒体|广播|电视|电台|专栏|号|群|显示屏|张贴")
_INTRO = r"(?:(?:刊登|发布|公布|登载|刊载|张贴|公示|挂)在|在|通过|依托|利用|借助|经由|(?<=[并再后，,])经(?!过|研究|审查|审议)|发到|发至|发送至|推送至|刊登于|刊载于|登载于)"
_CHANNEL = re.compile(
    _INTRO + r"(?P<list>(?:(?!" + _INTRO + r")[^，。；：《》])+?)(?:上|中|内)?(?:等(?:[一二三四五六七八九十两\d]+个)?(?:平台|渠道|媒体|途径)?|[一二三四五六七八九十两\d]+个(?:平台|渠道|媒体|途径))?"
    r"(?=就|对|将|把|向社会|面向|向公众|全文|公开(?!栏|平台|专栏|网)|公布|发布|刊登|刊发|张贴|挂网|征求|征集|公示(?!栏)|进行|同步|推送|予以|首次|再次|第[一二三]次"
    r"|转发|转载|刊载|登载|播发|发出|挂出|上传|登出|发表|广泛|同时|一并|共|累计|收到|征集到|提交|提出|留言|[，,。；]|$)"
)
_CHANNEL_LABEL = re.compile(r"(?:征求意见|公开|发布|公示|张贴)?(?:渠道|途径|平台|方式|地点|载体|媒介|媒体)(?:为|是|：|:)(?P<list>[^。；]+)")


_FEEDBACK_CLAUSE = re.compile(r"(?:采纳|吸收|吸纳)(?:情况|与否)|处理情况|反馈|答复|说明理由|理由说明|逐条(?:作出)?说明|(?:未|不予)(?:采纳|吸收|吸纳)")


def _channels(s: Sentence, c: Candidates, w: int, start: int, stop: int) -> None:
    text = s.text
    found: list[str] = []
    events = event_spans(text)
    lo = max((e[2] for e in events if e[2] <= start and e[0] not in ("consultation", "drafting")), default=0)
    # a clause on where the adoption was reported (在厅门户网站公开了意见采纳情况) names no channel of the consultation
    region = "".join(piece if not _FEEDBACK_CLAUSE.search(piece) else "＿" * len(piece)
                     for piece in re.split(r"(?<=[，,；;])", text[lo:stop]))
    masked = re.sub(r"“[^”]{1,20}”|‘[^’]{1,20}’|「[^」]{1,20}」|\"[^\"]{1,20}\"|《[^《》]{2,20}(?:报|杂志|刊)》",
                    lambda q: "＿" * len(q.group(0)), region)
    for m in list(_CHANNEL_LABEL.finditer(masked)) + list(_CHANNEL.finditer(masked)):
        posted = _POSTED.match(region, m.end("list"))
        items = _channel_items(region[m.start("list"):m.end("list")], masked[m.start("list"):m.end("list")],
                               posted.group("act") if posted else None)
        if items:
            found += [x for x in items if x not in found]
    if found:
        c.add("consultation.channels", tuple(found), s, w)


#: Notices posted in places (在县内各托育机构张贴公告): the posting is the channel.
_POSTED = re.compile(r"(?:上|中|内)?(?P<act>张贴(?:公告|通告|通知|海报)?)")


#: A note in parentheses after a channel's name: its address, or the short name it goes by below (以下简称……).
_NOTE = r"[（(](?:[^（）()]*(?:www|http|\.gov|\.cn|\.com)|(?:以下|下文)?(?:简称|称)|下同)[^（）()]*[)）]"


def _channel_items(raw: str, masked: str, posted: str | None = None) -> list[str]:
    """The channels of a list, cut where the list (its quoted names and addresses masked: “公众参与”栏目) says so; a
    place where notices were posted that names no channel of its own (各托育机构, not 村务公开栏) is named with the
    posting (各托育机构张贴公告)."""
    if not raw.strip():
        return []
    masked = re.sub(_NOTE, lambda q: "＿" * len(q.group(0)), masked)
    cuts = [0] + [x for m in re.finditer(r"、|以及|及|与|/|，|,", masked) for x in (m.start(), m.end())] + [len(raw)]
    parts = [raw[a:b] for a, b in zip(cuts[::2], cuts[1::2]) if raw[a:b].strip()]
    items: list[str] = []
    for part in parts:
        items += _split_and(part)
    out = []
    for item in items:
        item = item.strip()
        item = re.sub(_NOTE, "", item)  # the site's address, the short name it is given (以下简称市政府网)
        item = re.sub(r"(?:的)?[“\"‘「][^”\"’」]{1,20}[”\"’」](?:栏目|专栏|板块|版块|频道|专区|页面)$", "", item)
        bare = re.sub(r"(?:的)?(?:意见征集|征求意见|政民互动|互动交流)?(?:栏目|专栏|板块|版块|专区)$", "", item)
        item = bare if re.search(r"网站|网$", bare) else item
        item = re.sub(r"(?:上|中|内|等)$", "", item).strip()
        item = re.sub(r"^《([^《》]{2,20}(?:报|杂志|刊))》$", r"\1", item)
        item = re.sub(r"^(?:本局|我局|我委|本委|我厅|本单位|了|在|分别在)", "", item).strip()
        if item and posted and not _CHANNEL_WORD.search(item):
            item += posted if posted != "张贴" else "张贴公告"
        if not item or not _CHANNEL_WORD.search(item) or re.search(r"征求|意见|会议|部门|单位$", item) or len(item) > 40:
            return []
        out.append(item)
    return out


def _split_and(part: str) -> list[str]:
    """A和B as two channels where both sides name one (not 住房和城乡建设局网站)."""
    for m in re.finditer("和", part):
        left, right = part[:m.start()], part[m.end():]
        if _CHANNEL_WORD.search(left) and _CHANNEL_WORD.search(right) and not re.search(r"(?:城乡|住房)$", left):
            return [left, *_split_and(right)]
    return [part]


# ---- hearing, expert review, risk assessment ---------------------------------------------------------------------

def _held(key: str, positive: re.Pattern, negative: re.Pattern | None = None, date_key: str | None = None):
    """A reader of an event held or not, with its date."""
    event = {"hearing": "hearing", "expert_review": "expert", "risk_assessment": "risk"}[key.split(".")[0]]

    def reader(s, c, d, start, end, events, dedicated) -> bool:
        text = s.text
        a, b = clause_at(text, start)
        w = weight(s, event, dedicated)
        if (negative is not None and negative.search(text[a:b])) or negated(text, start) or denied_after(text, end):
            c.add(key, False, s, w)
            return True
        lead = clause_at(text, a - 1) if a > 0 else (0, 0)
        if not positive.search(text[max(a, start - 24):b]) \
                and not re.fullmatch(r"经(?:过)?[^，。；]{0,10}(?:评估|论证|研判)", text[lead[0]:lead[1]]):
            return False  # 经评估，《办法》实施不会引发社会稳定风险: the finding of an assessment made
        day = one_date(s, d, event, start, events) or outcome_date(s, d, event, end, events) \
            if date_key and not re.search(r"送达|通知|公告|报名|材料|告知", text[a:b]) else None
        if day is not None and s.doc_date is not None and day > s.doc_date:
            c.add(key, False, s, 0)  # a day after the materials were signed: not held yet
            return True
        c.add(key, True, s, w)
        if date_key:
            c.add(date_key, day, s, w)
        return True

    return reader


_hearing = _held(
    "hearing.held",
    re.compile(r"(?:召开|举行|组织|组织召开|举办)(?:了)?[^，。；]{0,24}听证|听证会[^，。；]{0,8}(?:于|在|召开|举行)|进行了?听证|听证(?:会)?(?:参加人|代表)"
               r"|听证会?[^，。；]{0,30}?(?:召开|举行)(?!前)"),
    re.compile(r"不(?:涉及|属于)[^，。；]{0,30}听证|听证[^，。；]{0,8}(?:不适用|不需要|无需)"),
    "hearing.date",
)
_expert = _held(
    "expert_review.done",
    # experts named as one kind of participant among others (听取业主代表、企业代表、专家学者等方面意见: at a hearing
    # or a symposium) are no expert review: 专家 right after 、 is an item of such a list
    re.compile(r"专家论证|论证会|论证意见|评估论证|(?:邀请|组织|召集|听取)[^，。；]{0,30}(?<!、)专家|"
               r"(?<!、)专家[^，。；]{0,24}(?:论证|评审|研讨|咨询|把关)|进行了?论证|组织论证"),
    re.compile(r"不(?:属于|涉及)[^，。；]{0,12}(?:专业性|技术性)"),
    "expert_review.date",
)
_risk = _held(
    "risk_assessment.done",
    re.compile(r"(?:进行|开展|组织|完成|作出|形成|委托)了?[^，。；]{0,24}(?:风险评估|风险评价)|风险评估报告|"
               r"对[^，。；]{0,24}?风险(?:进行|开展|作)了?(?:评估|研判)|评估[^，。；]{0,10}(?:风险等级|低风险|风险可控|风险较低)|风险等级|经(?:社会稳定)?风险评估|评估(?:结论|认为)"),
    re.compile(r"不(?:涉及|存在)[^，。；]{0,20}风险[^，。；]{0,10}(?:无需|不需要|未)"),
    "risk_assessment.date",
)


_READERS = {
    "consultation": _consultation,
    "hearing": _hearing,
    "expert": _expert,
    "risk": _risk,
    "fcr": fcr,
    "legality": legality,
    "deliberation": deliberation,
}



__all__ = ["read_sentence"]
