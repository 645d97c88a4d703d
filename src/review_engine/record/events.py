"""The machinery the readers of the materials share: the words of each procedural event, clauses, negation,
plans, and which dates of a sentence belong to an event (``extract`` reads the facts with it).

A sentence's events are found by their words (``EVENTS``); a negation right before an event's words in its clause
(未举行听证, 无需开展公平竞争审查, 不再举行听证会) makes it a negative statement; a plan (拟、将于、下一步、可以提交)
is not a fact; a date belongs to the event of its clause, else to the nearest event after it in the sentence with no
other event between (``2026年4月12日，我局……进行了公平竞争审查``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..numerals import to_int
from . import datetext
from .sentences import Sentence

N = r"(?P<n>\d+|[〇零一二三四五六七八九十百两]+)"
NEG = r"(?:未|没有|无需|无须|不需要|不需|不必|尚未|并未|未曾|不再|暂不|不予|不涉及|不属于|不适用|不宜)"
SMR = r"市场监(?:督管理|管)"
_CLAUSE = re.compile(r"[，,；;]")
PLAN = re.compile(r"拟(?!定|订)|原定|定于|(?<![未不需须])另行|将(?=于|在|按|适时|提请|提交|报(?!告)|送(?!审稿)|组织|开展|进行|召开|举行|根据|依据|另行|尽快|及时|视)|待[^，。；]{0,12}后|下一步|计划|准备|即将|尚需|还需|需要?提请|可以提交|可提交|建议提交|按程序提交|按程序报送")
PROVISION = re.compile(r"第[一二三四五六七八九十百\d]+条|规定了|明确了|设定了|设置了|建立了|本办法(?:对|规定)|办法规定")

#: A meeting's name ends before its verb: 会议审议 / 会议对《办法》送审稿进行了审议 / 会议集体研究.
#: Between them may stand a note (（2026年第9次）), a day (于6月18日) and, after a comma, the matter (召开局长办公会议，
#: 对《规定》进行集体讨论); or it heard the report on the draft and agreed to it.
MEETING = re.compile(r"会议?(?=(?:[（(][^）)]{0,16}[）)])?(?:于[^，。；]{1,14}?)?"
                     r"(?:[^，。；]{0,3}|[，,]?对[^，。；]{1,30}?(?:进行了?|作了?|予以|开展了?)?|[，,]?(?:集体|专题|认真))"
                     r"(?:集体|专题|认真)?(?:审议|研究|讨论|审定|通过|决定|原则同意)"
                     # the meeting heard the report on the draft and decided on it (听取……汇报，原则同意《办法》)
                     r"|听取了?[^，。；]{1,30}?(?:汇报|说明)[，,]\s*(?:会议)?(?:原则)?(?:同意|通过|审定))")

EVENTS = {
    "consultation": re.compile(
        r"征求意见稿|(?:公开|广泛|向社会|面向社会|社会公众|网上)[^，。；]{0,12}?征(?:求|集)|征(?:求|集)[^，。；]{0,14}?(?:社会|公众|群众|市民|各界|网民|居民)"
        r"|征求意见|征集意见|公开征集|(?<![在于])公示(?!栏|牌|期满|名单|不少于)"
        # the draft published for the public to hear its views: 向社会公布了《办法》全文，听取各界意见
        r"|听取[^，。；]{0,10}(?:社会|公众|各界|群众|市民|网民|居民)[^，。；]{0,6}意见|向(?:社会|公众)(?:公开|公布|发布)了?[^，。；]{0,12}(?:全文|征求意见稿|草案)"),
    "hearing": re.compile(r"听证"),
    "expert": re.compile(r"专家(?!库)|论证会|论证意见|评估论证|论证"),
    "risk": re.compile(r"风险评估|稳定风险|风险等级|风险评价|评估[^，。；]{0,8}风险|风险可控|风险(?:进行|开展|作)了?(?:评估|研判)"),
    "fcr": re.compile(r"公平竞争|排除[、和或]?限制竞争|(?<!排除、)(?<!排除)限制竞争"),
    "legality": re.compile(r"合法性(?:初审|审查|审核|把关)|法制审核|法律审核|法制审查|法律顾问[^，。；]{0,8}(?:审核|审查|把关)"
                           r"|(?:法规|法制|法治)(?:科|股|处|室|机构|工作机构|审核员|员)[^，。；]{0,8}(?:审核|审查)"
                           r"|公职律师[^，。；]{0,8}(?:审核|审查|法律意见)"),
    "deliberation": MEETING,
    "drafting": re.compile(r"起草小组|起草专班|起草组|工作专班|启动|着手|开始起草|形成了?[^，。；]{0,6}(?:初稿|草稿|征求意见稿|送审稿)|调研|座谈|问卷"),
}
DEPT = re.compile(r"(?:书面|定向|分别|专门)征求|征求(?:了)?(?:(?!网站|网|公众号|公开|社会|公众|群众|市民|居民|网民|稿)[^，。；]){0,40}?"
                   r"(?:部门|单位|乡镇|街道|局|委|办|区县|成员单位|平台公司|企业|协会|代表|人员)[^，。；]{0,12}?意见"
                   r"|(?:印送|送|发送|函送|分送|发函|致函)(?:至|给)?(?:(?!网站|网|公众号|公开|社会|公众)[^，。；]){0,50}?"
                   r"(?:部门|单位|乡镇|街道|人民政府|局|委|办)[^，。；]{0,12}?(?:征求|听取)(?:了)?(?:其)?意见")
PUBLIC = re.compile(r"公开|向社会|社会公众|社会各界|公众|群众|市民|网民|居民|网站|公众号|门户|政务新媒体|报纸|公示栏|公开栏|微信群")


#: A sentence correcting what a material said before.
CORRECTION = re.compile(r"更正|勘误|有误|误写|误为|误记|误计|笔误")


@dataclass
class Candidates:
    """Values offered for each fact, with the sentence and a weight (a material devoted to the matter, a label)."""

    items: dict[str, list[tuple[object, Sentence, int]]] = field(default_factory=dict)
    rounds: dict[tuple[str, int], tuple[str, int]] = field(default_factory=dict)
    """(key, index of a candidate) → (file, round): the round of the public consultation a candidate belongs to."""

    def add(self, key: str, value, sentence: Sentence, weight: int = 1) -> None:
        if value is not None:
            if CORRECTION.search(sentence.text):
                weight += 1  # a fact corrected (……有误，实际结束日期为4月15日，特此更正) outweighs what it corrects
            self.items.setdefault(key, []).append((value, sentence, weight))


# ---- clauses, negation, dates ---------------------------------------------------------------------------------

def clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses of ``text`` (cut at ，；)."""
    out, start = [], 0
    for m in _CLAUSE.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def clause_at(text: str, pos: int) -> tuple[int, int]:
    for a, b in clauses(text):
        if a <= pos <= b:
            return a, b
    return 0, len(text)


def negated(text: str, start: int, window: int = 16) -> bool:
    """Whether the event words at ``start`` are negated in their clause (未举行听证, 无需进行公平竞争审查); a
    negated verb of saying (未说明公平竞争审查情况) says nothing of the event."""
    a, _ = clause_at(text, start)
    before = text[max(a, start - window):start]
    m = re.search(NEG + r"[^，。；]{0,10}$", before)
    # 未说明……情况 (a gap in the materials) and 未违反公平竞争审查标准 (a finding) do not deny the event
    return m is not None and not re.match(NEG + r"(?:说明|提及|载明|写明|列明|体现|反映|提供|附|违反|违背|抵触|排除|限制|发现|存在)",
                                          before[m.start():])


#: The event's words followed by its verb denied: 听证会尚未召开, 专家论证没有进行.
_DENIED = re.compile(r"^[^，。；]{0,6}?(?:尚未|未|没有|并未|暂未|未曾|不再)(?:召开|举行|组织|开展|进行|实施|举办)")
#: Before the event's words in its clause, what makes it no statement of fact: a question (是否开展公平竞争审查), a
#: recommendation or requirement (建议补充听证, 应当进行), a gap in the materials (未说明公平竞争审查情况).
_UNSTATED = re.compile(r"是否|建议|应当|应该|请(?:补充|说明)|(?:未|没有|并未)(?:说明|提及|载明|写明|列明|体现|反映|提供)")


def plan_before(text: str, pos: int) -> bool:
    """Whether a plan word stands before ``pos`` in its clause (its lookahead may reach past ``pos``: 将送……审查)."""
    a, b = clause_at(text, pos)
    return any(m.start() < pos for m in PLAN.finditer(text, a, b))


def denied_after(text: str, end: int) -> bool:
    _, b = clause_at(text, end)
    return _DENIED.match(text[end:b]) is not None


def unstated(text: str, start: int) -> bool:
    a, _ = clause_at(text, start)
    return _UNSTATED.search(text[a:start]) is not None


#: A title 《…》 (with 〈〉 inside), and the parenthesis that may follow it with the document's own particulars.
TITLE = re.compile(r"《[^《》]*》")
_TITLE_NOTE = re.compile(r"《[^《》]*》\s*[（(][^（）()]*[）)]")


def titles(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in TITLE.finditer(text)]


#: A short quoted name (厅门户网站“意见征集”栏目, “公开征求意见”专栏): its words name something, they tell of no event.
_QUOTED = re.compile(r"“[^“”]{1,12}”(?=[^，。；]{0,2}(?:栏目|专栏|板块|版块|频道|专区|页面|平台|系统|窗口))")


def event_spans(text: str) -> list[tuple[str, int, int]]:
    """The events a sentence tells of, by their words — not words inside a title (对照《公平竞争审查条例》) or a
    quoted name (“意见征集”栏目), except a consultation named by its notice (发布《关于公开征求〈……〉意见的公告》)."""
    named = titles(text) + [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    out = [(name, m.start(), m.end()) for name, pattern in EVENTS.items() for m in pattern.finditer(text)
           if not any(a < m.end() and m.start() < b and not (name == "consultation" and re.search(r"公告|通知", text[a:b]))
                      for a, b in named)]
    out.sort(key=lambda e: e[1])
    return out


@dataclass
class Dated:
    """The dates of a sentence, read once."""

    mentions: list
    spans: list
    lengths: list


def dated(s: Sentence) -> Dated:
    """The dates of a sentence, without those of the documents it names (《城市供水条例》（1994年7月19日国务院令第158号
    公布）): a title's own dates are never a date of the procedure."""
    found = datetext.mentions(s.text, s.year, s.last, s.doc_year, s.mark, s.doc_date)
    notes = [(m.start(), m.end()) for m in _TITLE_NOTE.finditer(s.text)] + titles(s.text)
    found = [m for m in found if not any(a <= m.start < b for a, b in notes)]
    return Dated(found, datetext.spans(s.text, found), datetext.lengths(s.text))


def in_span(d: Dated, pos: int) -> bool:
    return any(sp.start <= pos < sp.end for sp in d.spans)


def dates_for(s: Sentence, d: Dated, name: str, start: int, events: list) -> tuple[list, list]:
    """(spans, single dates) belonging to the event ``name`` at ``start``: those of its clause, else the nearest
    before it in the sentence with no other event between."""
    a, b = clause_at(s.text, start)
    spans = [sp for sp in d.spans if a <= sp.start < b]
    singles = [m for m in d.mentions if m.day is not None and a <= m.start < b and not in_span(d, m.start)]
    if spans or singles:
        return spans, singles
    floor = max((e[2] for e in events if e[0] != name and e[2] <= start), default=0)
    prior_spans = [sp for sp in d.spans if floor <= sp.start < start and not _elsewhere(s.text, sp.start, name, events)]
    if prior_spans:
        return [prior_spans[-1]], []
    prior = [m for m in d.mentions if m.day is not None and floor <= m.start < start and not in_span(d, m.start)
             and not _elsewhere(s.text, m.start, name, events)]
    return [], prior[-1:]


#: A clause telling of a notice, a delivery or a publication: its date is that act's, not the event's.
NOTICE = re.compile(r"公告|通知|送达|报名|告知|印发|发布|公布")


def _elsewhere(text: str, pos: int, name: str, events: list) -> bool:
    """Whether the date at ``pos`` belongs to something else than the event ``name`` after it: its clause tells of
    another event (征求意见时间为5月6日至6月4日，并组织了专家论证) or of a notice (于3月25日发布听证公告)."""
    a, b = clause_at(text, pos)
    if re.fullmatch(r"\s*[^，。；]{0,14}?[日号]\s*", text[a:b]) and b < len(text):
        a, b = clause_at(text, b + 1)  # 2025年5月13日，我局……发布听证公告: a leading date is the next clause's act's
        if name != "consultation" and NOTICE.search(text[a:b]):
            return True
        if any(e[0] == name and a <= e[1] < b for e in events):
            return False
    if any(e[0] != name and a <= e[1] < b for e in events):
        return True
    return name != "consultation" and NOTICE.search(text[a:b]) is not None


#: A clause giving the outcome of a review: 4月12日形成审查意见 / 于5月29日反馈审查意见 / 6月9日作出审查结论.
_OUTCOME = re.compile(r"(?:形成|作出|出具|反馈|提出|给出|得出)(?:了)?[^，。；]{0,6}(?:审查|审核|评估|论证)?(?:意见|结论|报告)"
                      r"|^\s*(?:复函|回复|函复|答复|审查通过|审核通过|通过审查)")


def outcome_date(s: Sentence, d: Dated, name: str, end: int, events: list):
    """The date of a clause after the event's words (before any other event's) that gives its outcome: the day a
    review was concluded (开展了公平竞争审查，4月12日形成审查意见)."""
    stop = min((e[1] for e in events if e[1] >= end and e[0] != name), default=len(s.text))
    _, b = clause_at(s.text, end)
    for m in d.mentions:
        if m.day is not None and b <= m.start < stop and _OUTCOME.search(s.text[m.end:clause_at(s.text, m.start)[1]]):
            return m.day
    return None


def one_date(s: Sentence, d: Dated, name: str, start: int, events: list):
    spans, singles = dates_for(s, d, name, start, events)
    return spans[0].first if spans else (singles[-1].day if singles else None)


def number(text: str) -> int | None:
    return to_int(text.replace("两", "二"))



def weight(s: Sentence, name: str, dedicated: dict[str, str]) -> int:
    """A sentence of the material devoted to the event (听证报告 for the hearing) outweighs the others."""
    return 2 if dedicated.get(name) == s.kind else 1


__all__ = ["EVENTS", "N", "Candidates", "Dated", "clause_at", "clauses", "dated", "dates_for", "event_spans",
           "in_span", "negated", "outcome_date", "plan_before", "denied_after", "unstated", "number", "MEETING", "one_date", "weight", "NEG", "PLAN", "PROVISION", "PUBLIC", "DEPT", "SMR"]
