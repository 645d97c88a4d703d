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

Longer than 450 lines because each fact group needs its own patterns and all share the clause, negation and
date machinery; split, every part would import the others back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..numerals import to_int
from . import datetext
from .sentences import Material, Sentence

N = r"(?P<n>\d+|[〇零一二三四五六七八九十百两]+)"
_NEG = r"(?:未|没有|无需|无须|不需要|不需|不必|尚未|并未|未曾|不再|暂不|不予|不涉及|不属于|不适用|不宜)"
_SMR = r"市场监(?:督管理|管)"
_CLAUSE = re.compile(r"[，,；;]")
_PLAN = re.compile(r"拟(?!定|订)|另行|将(?=于|在|按|适时|提请|提交|报(?!告)|送(?!审稿)|组织|开展|进行|召开|举行|根据|依据|另行|尽快|及时|视)|待[^，。；]{0,12}后|下一步|计划|准备|即将|尚需|还需|需要?提请|可以提交|可提交|建议提交|按程序提交|按程序报送")
_PROVISION = re.compile(r"第[一二三四五六七八九十百\d]+条|规定了|明确了|设定了|设置了|建立了|本办法(?:对|规定)|办法规定")

EVENTS = {
    "consultation": re.compile(
        r"征求意见稿|(?:公开|广泛|向社会|面向社会|社会公众|网上)[^，。；]{0,12}?征(?:求|集)|征(?:求|集)[^，。；]{0,14}?(?:社会|公众|群众|市民|各界|网民|居民)"
        r"|征求意见|征集意见|公开征集|(?<![在于])公示(?!栏|牌|期满|名单|不少于)"),
    "hearing": re.compile(r"听证"),
    "expert": re.compile(r"专家(?!库)|论证会|论证意见|评估论证|论证"),
    "risk": re.compile(r"风险评估|稳定风险|风险等级|风险评价|评估[^，。；]{0,8}风险|风险可控"),
    "fcr": re.compile(r"公平竞争"),
    "legality": re.compile(r"合法性(?:审查|审核)|法制审核|法律审核|法制审查|法律顾问[^，。；]{0,8}(?:审核|审查|把关)"
                           r"|(?:法规|法制|法治)(?:科|股|处|室|机构|工作机构)[^，。；]{0,8}(?:审核|审查)"),
    "deliberation": re.compile(r"会议?(?=(?:[^，。；]{0,3}|对《[^》]{1,12}》[^，。；]{0,4})(?:审议|研究|讨论|审定|通过|决定))"),
    "drafting": re.compile(r"起草小组|起草专班|起草组|工作专班|启动|着手|开始起草|形成了?[^，。；]{0,6}(?:初稿|草稿|征求意见稿|送审稿)|调研|座谈|问卷"),
}
_DEPT = re.compile(r"(?:书面|定向|分别|专门)征求|征求(?:了)?(?:(?!网站|网|公众号|公开|社会|公众|群众|市民|居民|网民|稿)[^，。；]){0,40}?"
                   r"(?:部门|单位|乡镇|街道|局|委|办|区县|成员单位|平台公司|企业|协会|代表|人员)[^，。；]{0,12}?意见")
_PUBLIC = re.compile(r"公开|向社会|社会公众|社会各界|公众|群众|市民|网民|居民|网站|公众号|门户|政务新媒体|报纸|公示栏|公开栏|微信群")


@dataclass
class Candidates:
    """Values offered for each fact, with the sentence and a weight (a material devoted to the matter, a label)."""

    items: dict[str, list[tuple[object, Sentence, int]]] = field(default_factory=dict)

    def add(self, key: str, value, sentence: Sentence, weight: int = 1) -> None:
        if value is not None:
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
    """Whether the event words at ``start`` are negated in their clause (未举行听证, 无需进行公平竞争审查)."""
    a, _ = clause_at(text, start)
    before = text[max(a, start - window):start]
    return re.search(_NEG + r"[^，。；]{0,10}$", before) is not None


def event_spans(text: str) -> list[tuple[str, int, int]]:
    out = [(name, m.start(), m.end()) for name, pattern in EVENTS.items() for m in pattern.finditer(text)]
    out.sort(key=lambda e: e[1])
    return out


@dataclass
class Dated:
    """The dates of a sentence, read once."""

    mentions: list
    spans: list
    lengths: list


def dated(s: Sentence) -> Dated:
    found = datetext.mentions(s.text, s.year, s.last, s.doc_year)
    return Dated(found, datetext.spans(s.text, found), datetext.lengths(s.text))


def _in_span(d: Dated, pos: int) -> bool:
    return any(sp.start <= pos < sp.end for sp in d.spans)


def dates_for(s: Sentence, d: Dated, name: str, start: int, events: list) -> tuple[list, list]:
    """(spans, single dates) belonging to the event ``name`` at ``start``: those of its clause, else the nearest
    before it in the sentence with no other event between."""
    a, b = clause_at(s.text, start)
    spans = [sp for sp in d.spans if a <= sp.start < b]
    singles = [m for m in d.mentions if m.day is not None and a <= m.start < b and not _in_span(d, m.start)]
    if spans or singles:
        return spans, singles
    floor = max((e[2] for e in events if e[0] != name and e[2] <= start), default=0)
    prior_spans = [sp for sp in d.spans if floor <= sp.start < start]
    if prior_spans:
        return [prior_spans[-1]], []
    prior = [m for m in d.mentions if m.day is not None and floor <= m.start < start and not _in_span(d, m.start)]
    return [], prior[-1:]


def one_date(s: Sentence, d: Dated, name: str, start: int, events: list):
    spans, singles = dates_for(s, d, name, start, events)
    return spans[0].first if spans else (singles[-1].day if singles else None)


def number(text: str) -> int | None:
    return to_int(text.replace("两", "二"))


# ---- the sentence reader ----------------------------------------------------------------------------------------

def read_sentence(s: Sentence, c: Candidates, *, dedicated: dict[str, str], context: frozenset = frozenset()) -> set:
    """Offer the facts ``s`` states; ``dedicated`` maps an event to the material kind devoted to it; ``context``:
    the events the sentence before it (in its paragraph) was about. Returns the events ``s`` is about."""
    if s.title:
        return set()
    if "main_content" in s.topics and not s.topics & {"process", "fair_competition"} \
            and not re.search(r"现将|现报送|现予|特此|妥否|请审议|请予|名义(?:印发|发布|出台)", s.text):
        return set()
    if _PROVISION.search(s.text) and not re.search(r"征求意见|审查|论证|听证会|评估|审议|公平竞争", s.text):
        return set()
    events = event_spans(s.text)
    d = dated(s)
    done: set[str] = set()
    public = False
    for name, start, end in events:
        if name in done or _planned(s.text, start):
            continue
        reader = _READERS.get(name)
        if reader is not None and reader(s, c, d, start, end, events, dedicated):
            done.add(name)
            public = public or name == "consultation"
    about = public or s.kind == "征求意见及采纳情况" or ("consultation" in context and not _DEPT.search(s.text)) \
        or (re.search(r"征求意见", s.heading) and not re.search(r"部门", s.heading))
    if about:
        _counts(s, c)
    _feedback(s, c, about)
    if (s.kind == "公平竞争审查" or "fcr" in context) and "fcr" not in done:
        w = _weight(s, "fcr", dedicated)
        _fcr_conclusion(s, c, w)
        _fcr_joint(s, c, w)
    return ({"consultation"} if public else set()) | ({"fcr"} if "fcr" in done else set())


def _planned(text: str, start: int) -> bool:
    a, _ = clause_at(text, start)
    return _PLAN.search(text[a:start]) is not None


def _weight(s: Sentence, name: str, dedicated: dict[str, str]) -> int:
    return 2 if dedicated.get(name) == s.kind else 1


# ---- public consultation ------------------------------------------------------------------------------------------

def _consultation(s, c, d, start, end, events, dedicated) -> bool:
    text = s.text
    a, b = clause_at(text, start)
    clause = text[a:b]
    if _DEPT.search(clause) and not re.search(r"公开|向社会|社会公众|社会各界|网站|公众号", clause):
        return False
    if text[start:end] == "征求意见稿" and not re.search(r"公开|公布|发布|挂网|刊登|张贴|公示|征求意见(?!稿)", clause):
        return False
    if re.search(r"首次|第一轮|第一次|初次", clause):
        return False
    if negated(text, start, 10) and "征求意见稿" not in text[start:end]:
        return False
    w = _weight(s, "consultation", dedicated)
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
    for length in d.lengths:
        if length.days is not None and start - 30 <= length.start < stop:
            c.add("consultation.days", length.days, s, w)
    _channels(s, c, w, start, stop)
    return True


def _date_role(text: str, m, event_start: int) -> str | None:
    before, after = text[max(0, m.start - 6):m.start], text[m.end:m.end + 6]
    if re.search(r"(?:截至|截止|截止到|截止于|至|到)(?:日期|时间)?(?:为|是)?$", before) or re.match(r"(?:截止|结束|止)", after):
        return "end"
    if re.match(r"(?:起|开始)", after) or re.search(r"(?:自|从)$", before) or m.start < event_start:
        return "start"
    if re.search(r"(?:于|在)$", before) and re.search(r"(?:发布|公布|公开|挂网|上网|刊登)", text[m.end:m.end + 30]):
        return "start"
    return None


def _end_after(s, c, d, end, events, w) -> None:
    """至3月11日结束 / 征求意见截至4月1日 in a later clause of the same sentence."""
    stop = min((e[1] for e in events if e[1] > end and e[0] not in ("consultation",)), default=len(s.text))
    for m in d.mentions:
        if m.day is not None and end <= m.start < stop and not _in_span(d, m.start) and _date_role(s.text, m, end) == "end":
            c.add("consultation.end", m.day, s, w)
            return


_CHANNEL_WORD = re.compile(r"网站|网|公众号|微信|微博|报|平台|客户端|APP|app|栏|政务|媒体|广播|电视|电台|专栏|号|群|显示屏")
_INTRO = r"(?:在|通过|依托|利用|借助|经由|发到|发至|发送至|推送至|刊登于|刊载于|登载于)"
_CHANNEL = re.compile(
    _INTRO + r"(?P<list>(?:(?!" + _INTRO + r")[^，。；：《》])+?)(?:上|中|内)?(?:等)?(?:平台|渠道|媒体|途径)?"
    r"(?=就|对|将|把|向社会|面向|向公众|全文|公开(?!栏)|公布|发布|刊登|刊发|张贴|挂网|征求|征集|公示(?!栏)|进行|同步|推送|予以|首次|再次|第[一二三]次|[，,。；]|$)"
)
_CHANNEL_LABEL = re.compile(r"(?:征求意见|公开|发布|公示)?(?:渠道|途径|平台|方式)(?:为|是|：|:)(?P<list>[^。；]+)")


def _channels(s: Sentence, c: Candidates, w: int, start: int, stop: int) -> None:
    text = s.text
    found: list[str] = []
    events = event_spans(text)
    lo = max((e[2] for e in events if e[2] <= start and e[0] not in ("consultation", "drafting")), default=0)
    region = text[lo:stop]
    masked = re.sub(r"“[^”]{1,20}”|\"[^\"]{1,20}\"|《[^《》]{2,20}(?:报|杂志|刊)》", lambda q: "＿" * len(q.group(0)), region)
    for m in list(_CHANNEL_LABEL.finditer(masked)) + list(_CHANNEL.finditer(masked)):
        items = _channel_items(region[m.start("list"):m.end("list")])
        if items:
            found += [x for x in items if x not in found]
    if found:
        c.add("consultation.channels", tuple(found), s, w)


def _channel_items(raw: str) -> list[str]:
    raw = raw.strip()
    if not raw:
        return []
    parts = [x for x in re.split(r"、|以及|及|与|/|，|,", raw) if x.strip()]
    items: list[str] = []
    for part in parts:
        items += _split_and(part)
    out = []
    for item in items:
        item = item.strip()
        item = re.sub(r"(?:的)?[“\"][^”\"]{1,20}[”\"](?:栏目|专栏|板块|频道|专区|页面)$", "", item)
        item = re.sub(r"(?:的)?(?:意见征集|征求意见|政民互动|互动交流)?(?:栏目|专栏|板块|专区)$", "", item) if re.search(r"网站|网$", re.sub(r"(?:的)?(?:意见征集|征求意见|政民互动|互动交流)?(?:栏目|专栏|板块|专区)$", "", item)) else item
        item = re.sub(r"(?:上|中|内|等)$", "", item).strip()
        item = re.sub(r"^《([^《》]{2,20}(?:报|杂志|刊))》$", r"\1", item)
        item = re.sub(r"^(?:本局|我局|我委|本委|我厅|本单位|了|在|分别在)", "", item).strip()
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


# ---- comments, adoption, feedback ------------------------------------------------------------------------------

_COUNT_PATTERNS = (
    re.compile(r"(?:收到|征集到|征集|收集到|收集|汇总|接到|共有|共计|累计)[^，。；]{0,24}?(?:意见|建议|留言)[^，。；]{0,6}?(?:共|合计|共计)?" + N + r"\s*(?:条|份|项|件)"),
    re.compile(r"(?:收到|征集到|收集到|汇总|提出|反馈)[^，。；]{0,16}?" + N + r"\s*(?:条|份|项|件)[^，。；]{0,10}?(?:意见|建议)"),
    re.compile(r"(?:共|合计|共计|累计)\s*" + N + r"\s*(?:条|份|项|件)(?:[^，。；]{0,6})?(?:意见|建议)"),
)
_ZERO = re.compile(r"(?:未|没有)(?:收到|征集到|收集到)[^，。；]{0,12}(?:意见|建议)|无(?:人|单位)?(?:提出|反馈)(?:任何)?(?:意见|建议)|(?:意见|建议)[^，。；]{0,4}(?:为零|0条)")
_ADOPTED = (
    re.compile(r"(?<!部分)(?<!未)(?<!不予)(?<!未予)(?:采纳|吸收采纳|予以采纳|采纳了)(?:了)?(?:其中)?(?:意见|建议)?\s*" + N + r"\s*(?:条|份|项|处|件)"),
    re.compile(N + r"\s*(?:条|项|件|份)[^，。；]{0,6}?(?<!部分)(?<!未)(?<!不)(?:予以|被|已)?采纳(?!情况)"),
)


def _counts(s: Sentence, c: Candidates) -> None:
    text = s.text
    if s.cells or re.search(r"首次|第一轮|第一次|初次", text):
        return
    if _DEPT.search(text) and not re.search(r"公开|社会|公众|群众|网民|市民|居民", text):
        return
    if re.search(r"专家|听证|论证", text) and not re.search(r"公开征求|社会|公众", text):
        return
    w = 2 if s.kind == "征求意见及采纳情况" else 1
    comments = None
    for pattern in _COUNT_PATTERNS:
        m = pattern.search(text)
        if m:
            if _after_departments(text, m.start()):
                return
            comments = number(m.group("n"))
            break
    if comments is None and _ZERO.search(text):
        comments = 0
    c.add("consultation.comments", comments, s, w)
    for pattern in _ADOPTED:
        m = pattern.search(text)
        if m and not re.search(r"部分采纳$", text[:m.end()]):
            c.add("consultation.adopted", number(m.group("n")), s, w)
            return
    if comments and re.search(r"(?:全部|均|均已|均予以|全部予以|已)(?:予以)?(?:吸收)?采纳", text) and not re.search(r"部分|未采纳|不予采纳|未予采纳", text):
        c.add("consultation.adopted", "all", s, w)


def _after_departments(text: str, pos: int) -> bool:
    """Whether the count at ``pos`` follows the written consultation of departments rather than the public one."""
    dept = [m.end() for m in _DEPT.finditer(text[:pos])]
    public = [m.end() for m in re.finditer(r"公开征求|向社会|社会公众|网站|公众号|公示", text[:pos])]
    return bool(dept) and (not public or dept[-1] > public[-1])


_FEEDBACK_NO = re.compile(
    r"(?:未|尚未|没有|未予)(?:在[^，。；]{0,12})?(?:向社会|向公众)?(?:公开)?(?:反馈|公布|公开)[^，。；]{0,10}(?:采纳|意见)"
    r"|(?:采纳|处理)情况[^，。；]{0,4}(?:未|尚未|没有)[^，。；]{0,10}(?:公开|公布|反馈)")
_FEEDBACK_YES = re.compile(
    r"(?:采纳情况|处理情况|采纳与否|反馈情况|采纳结果|本说明)(?:及(?:其|有关)?理由)?[^。；]{0,30}?(?<!未)(?<!不)(?:公开|公布|反馈|发布)"
    r"|(?:向社会|向公众|对社会|向社会公众)(?:公开)?(?:反馈|公布)|公开反馈|(?:反馈|公布|公开|发布)了?[^，。；]{0,10}采纳情况"
    r"|未(?:予)?采纳[^。]{0,30}(?:在|通过)[^。，；]{0,24}(?:网站|网|公众号|公示栏|公开栏)[^。]{0,16}(?:说明|公开|公布|反馈)"
    r"|未(?:予)?采纳[^。]{0,30}(?:说明|公开|公布|反馈)[^。]{0,6}(?:在|通过)[^。，；]{0,24}(?:网站|网|公众号|公示栏|公开栏)")


def _feedback(s: Sentence, c: Candidates, about: bool) -> None:
    w = 2 if s.kind == "征求意见及采纳情况" else 1
    text = s.text
    if not (about or re.search(r"采纳", text)):
        return
    if re.search(r"本说明", text) and s.kind != "征求意见及采纳情况":
        return
    if _FEEDBACK_NO.search(text):
        c.add("consultation.feedback_published", False, s, w)
    elif _FEEDBACK_YES.search(text) and not _PLAN.search(text) and not re.search(r"向提出意见的|逐一电话|向[^，。；]{0,10}(?:单位|部门)反馈", text):
        c.add("consultation.feedback_published", True, s, w)


# ---- hearing, expert review, risk assessment ---------------------------------------------------------------------

def _held(key: str, positive: re.Pattern, negative: re.Pattern | None = None, date_key: str | None = None):
    """A reader of an event held or not, with its date."""
    event = {"hearing": "hearing", "expert_review": "expert", "risk_assessment": "risk"}[key.split(".")[0]]

    def reader(s, c, d, start, end, events, dedicated) -> bool:
        text = s.text
        a, b = clause_at(text, start)
        w = _weight(s, event, dedicated)
        if (negative is not None and negative.search(text[a:b])) or negated(text, start):
            c.add(key, False, s, w)
            return True
        if not positive.search(text[max(a, start - 24):b]):
            return False
        c.add(key, True, s, w)
        if date_key and not re.search(r"送达|通知|公告|报名|材料|告知", text[a:b]):
            c.add(date_key, one_date(s, d, event, start, events), s, w)
        return True

    return reader


_hearing = _held(
    "hearing.held",
    re.compile(r"(?:召开|举行|组织|组织召开|举办)(?:了)?[^，。；]{0,24}听证|听证会[^，。；]{0,8}(?:于|在|召开|举行)|进行了?听证|听证(?:会)?(?:参加人|代表)"),
    re.compile(r"不(?:涉及|属于)[^，。；]{0,30}听证|听证[^，。；]{0,8}(?:不适用|不需要|无需)"),
    "hearing.date",
)
_expert = _held(
    "expert_review.done",
    re.compile(r"专家论证|论证会|论证意见|评估论证|(?:邀请|组织|召集|听取)[^，。；]{0,30}专家|专家[^，。；]{0,24}(?:论证|评审|研讨|咨询|把关)|进行了?论证|组织论证"),
    re.compile(r"不(?:属于|涉及)[^，。；]{0,12}(?:专业性|技术性)"),
    "expert_review.date",
)
_risk = _held(
    "risk_assessment.done",
    re.compile(r"(?:进行|开展|组织|完成|作出|形成|委托)了?[^，。；]{0,24}(?:风险评估|风险评价)|风险评估报告|评估[^，。；]{0,10}(?:风险等级|低风险|风险可控|风险较低)|风险等级|经(?:社会稳定)?风险评估|评估(?:结论|认为)"),
    re.compile(r"不(?:涉及|存在)[^，。；]{0,20}风险[^，。；]{0,10}(?:无需|不需要|未)"),
    "risk_assessment.date",
)


# ---- fair-competition review ------------------------------------------------------------------------------------------

def _fcr(s, c, d, start, end, events, dedicated) -> bool:
    text = s.text
    w = _weight(s, "fcr", dedicated)
    window = text[max(0, start - 40):min(len(text), end + 60)]
    if re.search(r"不(?:涉及|属于)[^。；]{0,40}(?:经营者|市场主体|经济活动|生产经营|市场准入|审查范围)", text) and re.search(
            r"(?:无需|无须|不需要|不需|不必|未|没有|不再|不予)(?:按规定)?(?:进行|开展|组织)?(?:了)?(?:公平竞争)?审查"
            r"|不属于[^。；]{0,10}公平竞争审查(?:范围)?", text):
        c.add("fair_competition_review.done", False, s, w)
        return True
    if negated(text, start, 10):
        c.add("fair_competition_review.done", False, s, w)
        return True
    done = re.search(r"(?:进行|开展|组织|完成|经过?|通过|作出|履行)了?[^，。；]{0,24}公平竞争(?:审查|自查)|公平竞争自查|公平竞争审查[^。；]{0,30}(?:认为|结论|表明|显示|意见|审查表|符合|未发现|不存在|已)"
                     r"|对照[^。；]{0,40}(?:审查标准|审查条例)|逐项(?:对照|审查)|符合公平竞争审查", window)
    if not done and s.kind != "公平竞争审查":
        _fcr_conclusion(s, c, w)
        return bool(re.search(r"公平竞争审查(?!条例)", text))
    if done and not re.search(r"涉嫌|初审发现", text[max(0, start - 30):start]):
        c.add("fair_competition_review.done", True, s, w)
        c.add("fair_competition_review.date", one_date(s, d, "fcr", start, events), s, w)
    _fcr_conclusion(s, c, w)
    _fcr_joint(s, c, w)
    return True


def _fcr_conclusion(s: Sentence, c: Candidates, w: int) -> None:
    text = s.text
    labelled = re.search(r"审查结论(?:为|是|：|:)", text) is not None
    w = w + 1 if labelled else w
    if re.search(r"适用例外|例外(?:规定|情形)|第十二条", text) and not re.search(r"不适用例外|不属于例外|是否适用例外", text):
        c.add("fair_competition_review.conclusion", "适用例外", s, w)
    elif re.search(r"(?<!涉嫌)违反公平竞争审查标准|不符合公平竞争审查|审查结论(?:为|是|：|:)\s*不符合", text) and not re.search(r"不存在|未发现|没有|涉嫌", text):
        c.add("fair_competition_review.conclusion", "不符合", s, w)
    elif re.search(r"符合公平竞争审查|符合[^，。；]{0,10}(?:审查标准|审查要求|公平竞争)|不存在[^。；]{0,20}(?:排除|限制竞争|违反)|未发现[^。；]{0,30}(?:排除|限制竞争|违反)"
                   r"|(?:无|不含有?)[^。；]{0,8}(?:排除、?限制竞争|违反[^。；]{0,10}审查标准)|不违反(?:公平竞争)?审查标准"
                   r"|不具有?排除、?限制竞争|没有[^。；]{0,10}排除、?限制竞争|(?:审查|经审查)[^。；]{0,10}可以出台|不会[^。；]{0,10}(?:排除|限制竞争)"
                   r"|审查结论(?:为|是|：|:)\s*(?:符合|通过|可以出台)", text):
        c.add("fair_competition_review.conclusion", "符合", s, w)


def _fcr_joint(s: Sentence, c: Candidates, w: int) -> None:
    text = s.text
    if re.search(r"(?:未|没有)(?:会同|送|征求)[^，。；]{0,16}" + _SMR + r"|自行(?:开展|进行|组织)?|自查|自我审查|起草单位自行|由(?:我|本)(?:局|厅|委|办|单位)(?:自行|单独|独立)", text) \
            and re.search(r"审查|自查", text):
        c.add("fair_competition_review.joint_with_market_regulator", False, s, w)
    elif re.search(r"会同[^，。；]{0,24}" + _SMR + r"|" + _SMR + r"[^，。；]{0,24}会同|(?:送|提交|报送|报|征求)[^，。；]{0,24}" + _SMR + r"[^，。；]{0,20}(?:审查|意见|会审)"
                   r"|与[^，。；]{0,20}" + _SMR + r"[^，。；]{0,8}(?:局|部门|分局)?(?:共同|联合|一起)|" + _SMR + r"(?:部门|局|分局)?[^，。；]{0,24}(?:审查|出具|会审|联合审查)"
                   r"|联合(?:开展|进行)?(?:了)?(?:公平竞争)?审查|会审", text):
        c.add("fair_competition_review.joint_with_market_regulator", True, s, w)


# ---- the drafting unit's own legality review -------------------------------------------------------------------

_OWN_REVIEW = re.compile(
    r"(?:^|[我本局厅委办])(?:局|厅|委|办|单位)?[^，。；司]{0,10}(?:科|股|处|室)(?:[^，。；]{0,16})?$"
    r"|(?:政策法规|法规|法制|法治|法律事务)[^，。；]{0,6}(?:科|股|处|室|机构|工作机构|部门|办)|法律顾问|公职律师|内部合法性"
    r"|(?:我|本)(?:局|厅|委|办|单位|部门)[^，。；]{0,12}$")
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


def _legality(s, c, d, start, end, events, dedicated) -> bool:
    text = s.text
    a, b = clause_at(text, start)
    head = text[a:start]
    w = _weight(s, "legality", dedicated)
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

_MEETING_END = re.compile(r"会议?(?=(?:[^，。；]{0,3}|对《[^》]{1,12}》[^，。；]{0,4})(?:审议|研究|讨论|审定|通过|决定))")
_NOT_MEETING = re.compile(r"座谈|论证|听证|评审|协调|推进|调度|专题|联席|工作会|培训|动员|部署|调研|议事协商|协商")


def _deliberation(s, c, d, start, end, events, dedicated) -> bool:
    text = s.text
    a, b = clause_at(text, start)
    m = _MEETING_END.search(text, a)
    if m is None or m.start() > b:
        return False
    head = text[a:m.end()]
    if _PLAN.search(head) or re.search(r"提交|提请|报请|报送|送请", head) and not re.search(
            r"经", head) and not re.search(r"^[^，。；]{0,8}(?:通过|同意|审定|决定)", text[m.end():b]):
        return False
    after = text[m.end():b]
    if re.search(r"征求意见稿|初稿|征求意见|起草", after[:16]) or _PLAN.search(after[:8]):
        return False
    name = re.split(r"[，。；、：:“”《》（）()\s]|经过?|由|在|于|召开|提交|提请|报请|并经|后经|通过|日|年|送审稿|办法|细则|草案|方案", head)[-1]
    name = re.sub(r"^(?:的|了|和|及)", "", name)
    if not name or len(name) < 2 or _NOT_MEETING.search(name) or re.fullmatch(r"会议|务会", name) \
            or not re.search(r"(?:会议|务会|办公会|党组会|班子会|常委会|工委会|党委会|全体会|常务会|主任会)$", name):
        return False
    c.add("collective_deliberation.meeting", name, s)
    c.add("collective_deliberation.date", one_date(s, d, "deliberation", start, events), s)
    return True


_READERS = {
    "consultation": _consultation,
    "hearing": _hearing,
    "expert": _expert,
    "risk": _risk,
    "fcr": _fcr,
    "legality": _legality,
    "deliberation": _deliberation,
}


# ---- facts of whole materials ---------------------------------------------------------------------------------------

_UNIT = r"[^，。；、\s“”《》（）()：:]{2,30}?(?:局|委员会|委|厅|办公室|办事处|中心|人民政府|政府|院|站|署|分局|公司|协会)"
_DRAFTERS = (
    (re.compile(r"(?:起草|牵头|承办|主办)(?:单位|部门|机关)[：:为是]\s*(?P<u>" + _UNIT + r")(?![^，。；]{0,2}(?:会同|和|及))"), 5),
    (re.compile(r"(?:由|系)(?P<u>" + _UNIT + r")(?:牵头)?(?:负责)?(?:组织)?起草"), 1),
    (re.compile(r"(?:^|，|。)(?P<u>" + _UNIT + r")(?:（[^）]{1,20}）)?(?:于[^，。；]{1,16})?(?:牵头|组织|负责|会同[^，。；]{1,30}?)?(?:起草|草拟|研究起草|代拟)了?"), 1),
)


def drafting_unit(material: Material, c: Candidates) -> None:
    """起草单位: an explicit label (起草单位：X) above all, then the unit that signs the 起草说明 or stands under its
    title, then the title (X关于《…》的起草说明), then 由X起草 / X起草了 in the text."""
    for s in material.sentences:
        if s.cells and len(s.cells) >= 2 and re.fullmatch(r"(?:起草|制定)(?:单位|部门|机关)", s.cells[0].strip()):
            unit = s.cells[1].strip()
            if re.fullmatch(_UNIT, unit):
                c.add("drafting_unit", unit, s, 5)
            continue
        for pattern, weight in _DRAFTERS:
            m = pattern.search(s.text)
            if m and not _PLAN.search(s.text[:m.start()]) and not re.match(r"(?:受|根据|按照)", m.group("u")):
                c.add("drafting_unit", m.group("u"), s, weight if material.kind == "起草说明" else min(weight, 1))
                break
    if material.kind != "起草说明":
        return
    m = re.match(r"^(?P<u>" + _UNIT + r")关于", material.title)
    if m:
        c.add("drafting_unit", m.group("u"), material.sentences[0], 2)
    for unit, line in ((material.signer, material.signer_line), (material.header, material.header_line)):
        if unit:
            c.add("drafting_unit", unit, Sentence(unit, material.file, line or 0, material.kind), 3)


_TITLE = re.compile(r"《(?P<t>[^《》]{2,80})》")


def basis(materials: list[Material], c: Candidates, own_title: str | None) -> None:
    """制定依据: the titles named in the basis section of the 起草说明, else in a sentence saying 根据/依据《…》;
    titles after 参照/参考 (referred to, not relied on) and the draft's own title are left out."""
    explanation = [m for m in materials if m.kind == "起草说明"]
    titles: list[tuple[str, Sentence]] = []
    for material in explanation:
        for s in material.sentences:
            if not s.title and "basis" in s.topics:
                titles += _titles(s.text, s)
    if not titles:
        for material in explanation:
            for s in material.sentences:
                if s.title or re.search(r"公平竞争审查|合法性审", s.text):
                    continue
                m = re.search(r"(?:根据|依据|依照|按照)(?P<body>[^。；]*?《[^。；]*》)[^。；]{0,40}?(?:制定|起草|规定|结合|有关|等)", s.text)
                if m:
                    titles += _titles(m.group("body"), s)
    own = _core(own_title) if own_title else None
    short = {m for material in materials for s in material.sentences for m in re.findall(r"简称《([^《》]{1,12})》", s.text)}
    titles = [(t, s) for t, s in titles if t not in short and not re.fullmatch(r"(?:本)?(?:办法|细则|规定|意见|实施意见|方案|通知|决定|规则|标准|基准|清单)", t)]
    out: list[str] = []
    first: Sentence | None = None
    for title, s in titles:
        title = title.strip()
        if (own and _core(title) == own) or re.search(r"（(?:送审稿|征求意见稿|草案|修订稿|试行草案)）", title):
            continue
        if title not in out:
            out.append(title)
            first = first or s
    if first is not None:
        c.add("basis", tuple(out), first, 2)


def _titles(text: str, s: Sentence) -> list[tuple[str, Sentence]]:
    cut = re.search(r"(?:参照|参考|借鉴|对照)(?:了)?", text)
    body = text[:cut.start()] if cut else text
    return [(t, s) for t in _TITLE.findall(body)]


def _core(title: str) -> str:
    return re.sub(r"[（(][^）)]*[)）]", "", title).strip()


_ISSUER = re.compile(r"以(?P<u>" + _UNIT + r")(?:的)?(?:名义|文件|规范性文件)")


def issuer(materials: list[Material], c: Candidates) -> None:
    """The issuing body when the materials name it (拟以市人民政府名义印发)."""
    for material in materials:
        for s in material.sentences:
            m = _ISSUER.search(s.text)
            if m and re.search(r"印发|发布|出台|制发|下发|公布", s.text[m.end():m.end() + 20]):
                c.add("issuer.name", m.group("u"), s)


__all__ = ["Candidates", "basis", "clauses", "dates_for", "drafting_unit", "issuer", "negated", "read_sentence"]
