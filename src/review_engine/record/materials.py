"""The procedural record the materials state: read the 送审材料 beside a draft and extract its facts.

``read_materials(paths)`` reads every material (.md/.txt/.docx through ``reading``; .doc/.pdf/.wps are listed as
unreadable) into sentences (``sentences``) and extracts (``extract``) what they say of the procedure: the
consultation (start, end, stated length, channels, comments received and adopted, feedback published), hearing,
expert review, risk assessment, fair-competition review (done, date, conclusion, joint with the market
regulator), the drafting unit's own legality review, collective deliberation, the drafting unit, the 制定依据
named, and which parts the 起草说明 covers. Every fact keeps the sentence and file it came from (``Fact``).

Rule-based and deterministic. A fact is kept only when the sentences that state it agree (among those of the
highest weight: a material devoted to the matter, an explicit label); otherwise it stays unknown and the
disagreement is listed (``MaterialFacts.ambiguous``). A negative statement (未举行听证, 不涉及……无需公平竞争审查)
gives ``False``; silence gives nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import extract, named
from .events import Candidates
from .sentences import Material, Sentence, read_lines

#: The keys of a case's truth.yaml, in order (``benchmarks/materials``); ``sections.*`` are always true/false.
FACT_KEYS = (
    "drafting_unit", "basis",
    "consultation.start", "consultation.end", "consultation.days", "consultation.channels",
    "consultation.comments", "consultation.adopted", "consultation.feedback_published",
    "hearing.held", "hearing.date", "expert_review.done", "expert_review.date",
    "risk_assessment.done", "risk_assessment.date",
    "fair_competition_review.done", "fair_competition_review.date", "fair_competition_review.conclusion",
    "fair_competition_review.joint_with_market_regulator",
    "drafting_unit_legality_review.done", "drafting_unit_legality_review.date",
    "collective_deliberation.meeting", "collective_deliberation.date",
)
SECTION_KEYS = ("necessity", "basis", "process", "main_content", "fair_competition")
#: Which material kind is devoted to which event (its sentences outweigh the 起草说明's).
DEDICATED = {"consultation": "征求意见及采纳情况", "fcr": "公平竞争审查", "hearing": "听证报告",
             "expert": "专家论证", "risk": "风险评估", "legality": "合法性审核意见"}
_EVENT_OF_KIND = {kind: event for event, kind in DEDICATED.items()}
READABLE = (".md", ".markdown", ".txt", ".docx")


@dataclass(frozen=True)
class Fact:
    """A fact the materials state: its value and the sentence (file, line) it was read from."""

    key: str
    value: object
    sentence: Sentence

    @property
    def file(self) -> str:
        return self.sentence.file

    @property
    def line(self) -> int:
        return self.sentence.line

    def quote(self, limit: int = 120) -> str:
        return self.sentence.quote(limit)


@dataclass
class MaterialFacts:
    """What the materials of one draft say (see the module docstring)."""

    facts: dict[str, Fact] = field(default_factory=dict)
    sections: dict[str, bool] | None = None
    """Which parts the 起草说明 covers (None without a 起草说明)."""
    section_sentences: dict[str, Sentence] = field(default_factory=dict)
    ambiguous: dict[str, list[tuple[object, Sentence]]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    """The materials read."""
    unreadable: dict[str, str] = field(default_factory=dict)
    """Materials that could not be read: file → reason."""
    explanation: str | None = None
    """The file name of the 起草说明 (the first one)."""

    def get(self, key: str, default=None):
        fact = self.facts.get(key)
        return fact.value if fact is not None else default

    def __bool__(self) -> bool:
        return bool(self.files)

    def truth(self) -> dict:
        """The facts in the shape of a benchmark case's truth.yaml (nested; unknown = None)."""
        out: dict = {}
        for key in FACT_KEYS:
            value = self.get(key)
            if key in ("basis", "consultation.channels"):
                value = list(value) if value is not None else ([] if key == "basis" else [])
            _put(out, key, value)
        out["sections"] = dict(self.sections) if self.sections is not None else {k: False for k in SECTION_KEYS}
        return out


def _put(out: dict, key: str, value) -> None:
    *parents, last = key.split(".")
    for p in parents:
        out = out.setdefault(p, {})
    out[last] = value


def material_kind(path: Path) -> str | None:
    from ..drafts import MATERIALS

    return next((kind for kind, pattern in MATERIALS.items() if pattern.search(path.stem)), None)


def read_materials(paths: list[Path], *, kinds: dict[Path, str] | None = None, own_title: str | None = None) -> MaterialFacts:
    """The facts of the materials at ``paths`` (``kinds`` names each file's kind; else from its name)."""
    from ..reading import SourceError, read_source

    result = MaterialFacts()
    materials: list[Material] = []
    for path in paths:
        kind = (kinds or {}).get(path) or material_kind(path) or "其他材料"
        if path.suffix.lower() not in READABLE:
            result.unreadable[path.name] = f"{path.suffix} 格式无法读取，请另存为 .docx 或 .txt"
            continue
        try:
            source = read_source(path)
        except SourceError as exc:
            result.unreadable[path.name] = exc.message
            continue
        materials.append(read_lines(path.name, kind, source.lines, path))
        result.files.append(path.name)
    _explanation_by_default(materials)
    return extract_facts(materials, result, own_title=own_title)


def _explanation_by_default(materials: list[Material]) -> None:
    """No file named as a 起草说明: the one whose name or title says 说明 (XX办法说明), else the only material
    of no known kind, is taken for it."""
    if any(m.kind == "起草说明" for m in materials):
        return
    other = [m for m in materials if m.kind == "其他材料"]
    named = [m for m in other if re.search(r"说明", m.file + m.title)]
    chosen = named[:1] or (other if len(other) == 1 else [])
    for m in chosen:
        m.kind = "起草说明"
        m.sentences = [replace(s, kind="起草说明") for s in m.sentences]


def extract_facts(materials: list[Material], result: MaterialFacts | None = None, *,
                  own_title: str | None = None) -> MaterialFacts:
    """The facts of materials already read (``sentences.read_lines``)."""
    result = result if result is not None else MaterialFacts(files=[m.file for m in materials])
    candidates = Candidates()
    for material in materials:
        earlier = {key: len(items) for key, items in candidates.items.items()}
        _dedicated_material(material, candidates)
        context: frozenset = frozenset()
        line = None
        rounds = _Rounds(material.file)
        for sentence in material.sentences:
            _labelled_date(material, sentence, candidates)
            if sentence.line != line and not re.match(r"期间|其间|其中|截至|截止|共", sentence.text):
                context = frozenset()
            line = sentence.line
            before = rounds.before(candidates, sentence)
            about = extract.read_sentence(sentence, candidates, dedicated=DEDICATED,
                                          context=context | _heading_context(sentence))
            rounds.after(candidates, before)
            context = frozenset(about) or (context if not re.search(r"部门|单位", sentence.text) else frozenset())
        named.drafting_unit(material, candidates)
        if _corrects(material):
            _outweigh(candidates, earlier)
    _latest_rounds(candidates)
    named.basis(materials, candidates, own_title or _own_title(materials))
    named.issuer(materials, candidates)
    _reduce(candidates, result)
    _settle(result)
    explanation = [m for m in materials if m.kind == "起草说明"]
    if explanation:
        result.explanation = explanation[0].file
        result.sections, result.section_sentences = covered(explanation)
    return result


_CONSULTATION_KEYS = tuple(k for k in FACT_KEYS if k.startswith("consultation."))


def _heading_context(s: Sentence) -> frozenset:
    """A section headed by an event (五、公平竞争审查情况) is about it: its sentences need not name it again."""
    return frozenset({"fcr"}) if "fair_competition" in s.topics and not s.title else frozenset()


class _Rounds:
    """The rounds of the public consultation one material tells of. A start date after the end of the rounds before
    it (or more than 30 days after a start whose end is not given) opens a new round — a second consultation of a
    revised text, or this draft's after a superseded one; the facts read after it, in its section, are of that
    round."""

    def __init__(self, file: str):
        self.file = file
        self.spans: list[list] = []  # [start, end] of each round
        self.current: int | None = None
        self.heading: str | None = None

    def before(self, c: Candidates, s: Sentence) -> dict[str, int]:
        if s.heading != self.heading:
            self.current, self.heading = None, s.heading
        return {k: len(c.items.get(k, ())) for k in _CONSULTATION_KEYS}

    def after(self, c: Candidates, before: dict[str, int]) -> None:
        starts = [v for v, _, _ in c.items.get("consultation.start", [])[before["consultation.start"]:]]
        ends = [v for v, _, _ in c.items.get("consultation.end", [])[before["consultation.end"]:]]
        if starts:
            self.current = self._round(starts[0], ends[0] if ends and ends[0] >= starts[0] else None)
        if self.current is None:
            return
        for key in _CONSULTATION_KEYS:
            for index in range(before[key], len(c.items.get(key, ()))):
                c.rounds[(key, index)] = (self.file, self.current)

    def _round(self, start, end) -> int:
        for index, (first, last) in enumerate(self.spans):
            limit = last if last is not None else first + dt.timedelta(days=30)
            if first <= start <= limit or (first - dt.timedelta(days=30) <= start < first):
                if end is not None and (last is None or end > last):
                    self.spans[index][1] = end
                return index
        self.spans.append([start, end])
        return len(self.spans) - 1


_CORRECTS = re.compile(r"补充说明|补充更正|更正说明|勘误|(?:补充|更正)(?:如下|说明如下)")


def _corrects(material: Material) -> bool:
    """A material that says it supplements or corrects another (……起草说明的补充说明, 现补充更正如下): written after
    the one it corrects, to correct it."""
    opening = " ".join(s.text for s in material.sentences[:4])
    return bool(_CORRECTS.search(material.file + material.title + opening))


def _outweigh(c: Candidates, before: dict[str, int]) -> None:
    """Every fact a correcting material states outweighs the same fact stated elsewhere (the truth it gives is the
    one the office stands by: 共收到意见建议17条……原说明漏计了……)."""
    for key, items in c.items.items():
        for index in range(before.get(key, 0), len(items)):
            value, sentence, w = items[index]
            items[index] = (value, sentence, w + 2)


def _latest_rounds(c: Candidates) -> None:
    """A material that tells of several rounds: only the facts of the latest (by its start) are the consultation's."""
    latest: dict[str, int] = {}
    for key, index in [k for k in c.rounds if k[0] == "consultation.start"]:
        file, number = c.rounds[(key, index)]
        start = c.items[key][index][0]
        if file not in latest or start > c.items[key][latest[file]][0]:
            latest[file] = index
    keep = {file: c.rounds[("consultation.start", index)][1] for file, index in latest.items()}
    for key in _CONSULTATION_KEYS:
        items = c.items.get(key)
        if not items:
            continue
        kept = [item for index, item in enumerate(items)
                if (key, index) not in c.rounds or c.rounds[(key, index)][1] == keep.get(c.rounds[(key, index)][0])]
        if kept:
            c.items[key] = kept
        else:  # every value was of an earlier round: the fact is unknown, not an error
            del c.items[key]


def _dedicated_material(material: Material, c: Candidates) -> None:
    """A material devoted to an event says the event took place (a 听证报告: the hearing was held) and, when it
    is signed, when (the date under it, unless its text gives another)."""
    event = _EVENT_OF_KIND.get(material.kind)
    if event is None or not material.sentences:
        return
    first = material.sentences[0]
    key = {"fcr": "fair_competition_review.done", "hearing": "hearing.held", "expert": "expert_review.done",
           "risk": "risk_assessment.done", "legality": "drafting_unit_legality_review.done"}.get(event)
    if key is None:
        return
    if event == "legality" and re.search(r"司法局|司法厅|法制办", material.title + material.file) \
            and not re.search(r"(?:科|股|处|室)关于", material.title):
        return
    if re.search(r"不需要|无需|未开展|未进行|不涉及", material.title):
        return
    c.add(key, True, first, 1)
    if material.signed is not None:
        sig = Sentence(f"{material.signer or ''} {material.signed.year}年{material.signed.month}月{material.signed.day}日".strip(),
                       material.file, material.signer_line or first.line, material.kind)
        c.add(key.rsplit(".", 1)[0] + ".date", material.signed, sig, 0)


_DATE_LABEL = re.compile(r"^(?:[^：:，。；]{0,6}(?:时间|日期))\s*[：:]")
_DATE_KEYS = {"fcr": "fair_competition_review.date", "hearing": "hearing.date", "expert": "expert_review.date",
              "risk": "risk_assessment.date", "legality": "drafting_unit_legality_review.date"}


def _labelled_date(material: Material, s: Sentence, c: Candidates) -> None:
    """时间：2026年3月26日 / 审查时间 / 报告日期 in a material devoted to one event: that event's date."""
    event = _EVENT_OF_KIND.get(material.kind)
    if event not in _DATE_KEYS or not _DATE_LABEL.match(s.text) or re.match(r"(?:送达|通知|公告|报名|征求意见|公示)", s.text):
        return
    from .datetext import mentions

    days = [m.day for m in mentions(s.text, s.year, s.last, s.doc_year, s.mark, s.doc_date) if m.day is not None]
    if days:
        c.add(_DATE_KEYS[event], days[0], s, 2)


def _reduce(c: Candidates, result: MaterialFacts) -> None:
    for key, items in c.items.items():
        if not items:
            continue
        top = max(w for _, _, w in items)
        best = [(v, s) for v, s, w in items if w == top]
        values = []
        for value, _ in best:
            if value not in values:
                values.append(value)
        if key == "drafting_unit" and len(values) > 1:
            values = _same_unit(values, [v for v, _, _ in items])
        if key == "consultation.channels" and len(values) > 1:
            values = _same_channels(values)
        if len(values) == 1:
            best = [(v, s) for v, s in best if v == values[0]] or best
            result.facts[key] = Fact(key, values[0], best[0][1])
        else:
            result.ambiguous[key] = best


def _same_unit(values: list, everything: list) -> list:
    """Names of one unit written short and long (县民政局, 青禾县民政局) are one value: the longest."""
    longest = max(values, key=len)
    if all(longest.endswith(v) or longest.endswith(re.sub(r"^[市县区镇乡省]", "", v)) for v in values):
        return [longest]
    return values


def _same_channels(values: list) -> list:
    """Channels named short and long (局门户网站, 青川市民政局门户网站) are one; a statement naming fewer of the
    channels another names in full does not contradict it: the fuller list."""
    names = {n for v in values for n in v}
    plain = {n: re.sub(r"人民政府|政府", "", n) for n in names}  # 镇公开栏 = 镇政府公开栏

    def full(name: str) -> str:
        longer = [n for n in names if len(n) > len(name) and plain[n].endswith(plain[name])]
        return max(longer, key=len) if longer and len({plain[n] for n in longer}) == 1 else name

    lists = [tuple(dict.fromkeys(full(n) for n in v)) for v in values]
    widest = max(lists, key=len)
    if all(set(v) <= set(widest) for v in lists):
        return [widest]
    return list(dict.fromkeys(lists))


def _settle(result: MaterialFacts) -> None:
    """Consequences between facts: 全部采纳 → adopted = comments; an event that did not take place has no date;
    a fact about a negated event is dropped."""
    adopted = result.facts.get("consultation.adopted")
    if adopted is not None and adopted.value == "all":
        comments = result.get("consultation.comments")
        if isinstance(comments, int):
            result.facts["consultation.adopted"] = Fact(adopted.key, comments, adopted.sentence)
        else:
            del result.facts["consultation.adopted"]
    for done, date in (("hearing.held", "hearing.date"), ("expert_review.done", "expert_review.date"),
                       ("risk_assessment.done", "risk_assessment.date"),
                       ("fair_competition_review.done", "fair_competition_review.date"),
                       ("drafting_unit_legality_review.done", "drafting_unit_legality_review.date")):
        if result.get(done) is False:
            result.facts.pop(date, None)
            if done.startswith("fair"):
                result.facts.pop("fair_competition_review.conclusion", None)
                result.facts.pop("fair_competition_review.joint_with_market_regulator", None)
        elif result.get(done) is None and date in result.facts:
            fact = result.facts[date]
            result.facts[done] = Fact(done, True, fact.sentence)
    start, end = result.get("consultation.start"), result.get("consultation.end")
    if start is not None and end is not None and end < start:
        result.facts.pop("consultation.start")
        result.facts.pop("consultation.end")


_SECTION_WORDS = {
    # the background: the need stated, or the problems the draft answers (存在安全隐患, 问题突出, 为此制定本办法)
    "necessity": re.compile(r"^为(?:了)?(?:进一步|加快|切实)?[^，。；]{2,40}，|必要性|有必要|十分必要|亟需|亟待|迫切需要|势在必行|急需|不相适应|不适应|不能满足|需要重新制定|需要制定|背景"
                            r"|^近年来|问题(?:日益|较为|比较|十分)?(?:突出|严重|较多|频发|多发)|存在(?!的)[^。；]{0,30}(?:问题|隐患|漏洞|短板|盲区|薄弱环节)"
                            r"|反映(?:强烈|较多|集中)|为此[^。；]{0,12}(?:制定|起草|出台|修订)"
                            r"|^随着|逐年(?:上升|增加|增多)|明显(?:增多|增加|上升)|日益(?:增多|突出|严重|增加)|屡禁不止|时有发生"),
    "basis": re.compile(r"(?:根据|依据|依照)[^。；]{0,4}《|制定依据|起草依据|法律依据|上位法依据|以《[^。；]*》[^。；]{0,12}为[^。；]{0,4}依据"),
    "process": re.compile(r"征求意见|起草过程|调研|调查|座谈会|论证会|征求了|听取了|公示|审议|听证"),
    "main_content": re.compile(r"主要内容|主要规定|主要措施|共[分设]?[一二三四五六七八九十百零两\d]+(?:章|节|条|部分)|分为[^。；]{0,4}(?:章|部分)|包括以下|主要包括|框架结构"),
    "fair_competition": re.compile(r"公平竞争|(?:不含有?|不存在|没有|未发现|无|不具有?)[^。；]{0,8}排除[、和或]?限制竞争"),
}


def covered(explanation: list[Material]) -> tuple[dict[str, bool], dict[str, Sentence]]:
    """Which parts the 起草说明 covers: a heading on the topic, else sentences in its words."""
    found: dict[str, Sentence] = {}
    for material in explanation:
        for s in material.sentences:
            for topic in s.topics:
                found.setdefault(topic, s)
    for material in explanation:
        for s in material.sentences:
            if s.title:
                continue
            for topic, pattern in _SECTION_WORDS.items():
                if topic == "necessity" and s.topics & {"process", "main_content"}:
                    continue
                if topic not in found and pattern.search(s.text):
                    found[topic] = s
    return {k: k in found for k in SECTION_KEYS}, found


def _own_title(materials: list[Material]) -> str | None:
    for material in materials:
        m = re.search(r"《([^《》]+)》", material.title)
        if m:
            return m.group(1)
    return None


__all__ = ["FACT_KEYS", "SECTION_KEYS", "Fact", "MaterialFacts", "covered", "extract_facts", "material_kind",
           "read_materials"]
