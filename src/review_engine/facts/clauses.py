"""Clauses: the sentence structure content rules read — who (subject), must/may/must not (modal), what.

A norm in a Chinese administrative text is nearly always one of a few shapes:

    [条件，] 主体 + 情态词 + 谓语            申请人应当经市交通运输局批准后方可营运。
    未经 X 批准，主体 + 不得 + 谓语          未经市城管局同意，任何单位和个人不得占用道路。
    从事……的（企业），+ 情态词 + 谓语       从事建筑垃圾运输的企业，须取得准运证。
    主体 + 经/取得…… + 方可 + 谓语           企业经审核同意后方可开业。

For every sentence (up to 。；！？) this module finds each modal word (``MODAL``: 应当/应/必须/须/需/不得/禁止/
严禁/不准/可以/有权/一律/方可/才能…) and splits the sentence around it: ``before`` (the sentence up to the modal),
``after`` (the predicate, up to the next modal or the end of the sentence) and the ``subject`` — the noun
phrase the modal is said of. A sentence without a modal (``对小型餐饮单位实行许可管理。``) is one clause with
the modal ``''`` at its end (``before`` is the whole sentence). The subject is found by these steps:

1. the *zone*: the text of the comma-segment holding the modal, before it (``企业也应当`` → ``企业也``); when it
   is empty or a bare condition (``未经批准，…`` is its own segment; ``经…批准后，方可…``) the previous
   segment is the zone (``从事建筑垃圾运输的企业，应当…`` → ``从事建筑垃圾运输的企业``);
2. the *head*: after the last ``的`` when something follows it (``从事…的企业`` → ``企业``); a zone ending
   in ``的`` is a nominalised condition (``从事…的``, ``县级以上人民政府发现…的``) whose head is its first noun,
   or a generic person (``generic``) when it starts with a verb; otherwise the zone up to the first
   preposition (经、在、对、向、由、按照、依照…: ``企业经审核同意后`` → ``企业``);
   a head that is an activity (``举办展销活动，须经……``) is ``generic`` as well;
3. the *class* of the head (``classify``): ``public`` (人民政府、××部门、行政机关、执法人员…), ``private``
   (企业、经营者、申请人、单位和个人、居民委员会…), ``generic`` (a 的-phrase about whoever does something) or
   ``unknown`` (a thing: 项目、规划、方案…, or nothing found).

Everything is computed lazily, per sentence, on demand (``ClauseIndex.at``), and cached: a ``clause`` rule
first finds its trigger words with one regular-expression pass over the document and only then asks for the
structure of the few sentences that hold them. The document's basis clause (``根据《…》…制定本办法``) is
found once (``ClauseIndex.basis``, the clause as written) for rules that require a legal basis for
obligations.

The lexicons here are the defaults; a rule can add terms for its own subject classes (``kinds/clause.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .text import TextIndex, Unit

MODAL = re.compile(
    r"应当|必须|(?<![无毋不])须(?!知)|不得|禁止|严禁|不准|不许|可以|有权|一律|方可|方能|才能|才可|始得"
    r"|需(?:要)?(?=经|报|取得|办理|向|提交|提供|缴纳|具备|持有)"
    r"|(?<![相供适响对反效答回感顺呼理报])应(?![用急对变收付届有急])"
)
"""Modal words. 应 alone only where it is the modal (not 相应、供应、应急、应用…); 需 only before an act."""

# Separators of the comma-segments of a sentence.
_SEGMENT = re.compile(r"[，,：:]")
# Bracketed or quoted insertions that hide the structure (《…》 titles are kept: they are nouns).
_INSERT = re.compile(r"（[^（）]*）|\([^()]*\)|“[^”]*”")
_ADVERB_TAIL = re.compile(r"(?:也|均|都|还|亦|并|同时|依法|另|仍|则|即|原则上|一般|严格|及时|不|要)+$")
_HEAD_PREFIX = re.compile(r"^(?:凡是|凡|所有|任何|各级|各类|各|有关|相关|上述|前款所列|前款规定的|该|其(?!他))+")
_CONDITION_START = re.compile(r"^(?:未经|经(?!营|济|销|纪)|报经|对于|对|如果|如|若|因|除|为了|为|根据|依照|按照|依据|自|当|凡)")
# Where a subject's head noun ends: a preposition or a condition after it (经营、以上、关于、参与、自行… excluded).
_PREPOSITION = re.compile(
    r"报经|未经|(?<![已曾])经(?!营|济|费|常|销|办|纪|理|验|贸)|(?<![存所现实])在(?!职|建|校)|(?<![相针绝面应反核])对(?!外|内|象|应)"
    r"|(?<![方导趋意面去倾指])向|(?<![自理缘经])由|按照|依照|根据|依据|(?<![关属对等基])于|(?<![参给])与|会同|凭|通过"
    r"|(?<![所予加可难])以(?![上下内外及后前来])|(?<![即])将|把|被|(?<![来各独])自(?!行|主|由|然|身|愿|治|动|律|用)"
)

# A topic that is an activity (举办展销活动，须经……) is said of whoever carries it out.
_ACTIVITY = re.compile(
    r"(?:举办|举行|从事|开办|开设|设立|设置|经营|建设|新建|改建|扩建|开展|占用|挖掘|销售|生产|运输|使用|投放|利用|发布|安装"
    r"|拆除|排放|养殖|种植|出租|张贴|悬挂|搭建|开发|收购|储存|进口|出口|转让|承接|招用|招收|摆设|临时占用|燃放|饲养)"
)

PUBLIC = re.compile(
    r"人民政府|政府|部门|机关|执法机构|执法队伍|执法大队|执法支队|(?:执法|工作|监管|办案|检查|稽查|调查|监察|审核|审查)人员|公务员"
    r"|管理机构|监管机构|监督机构"
    r"|审批机构|主管机构|办事机构|管理委员会|管委会|领导小组|指挥部|办公室|办公厅|办事处|街道|乡镇|派出所|司法所|国务院"
    r"|海关$|(?:局|厅|委|委员会)$"
)
NOT_PUBLIC = re.compile(r"居民委员会|村民委员会|居委会|村委会|业主委员会|业委会|物业|行业协会|商会")
PRIVATE = re.compile(
    r"企业|公司|单位|个人|公民|法人|组织|经营者|生产者|销售者|经营户|个体工商户|申请人|当事人|从业人员|人员|业主|商户|住户"
    r"|居民|村民|用户|消费者|车主|驾驶人|驾驶员|所有人|使用人|权利人|投标人|招标人|供应商|承包人|承包商|开发商|中介"
    r"|学校|医院|医疗机构|机构|协会|商会|平台|委员会|家庭|子女|配偶|亲属|场所|门店|店铺|商铺|摊点|摊位|网点|网吧|酒吧"
    r"|超市|商场|酒店|宾馆|饭店|[者人户方商主]$"
)


def classify(head: str, extra_public: re.Pattern | None = None, extra_private: re.Pattern | None = None) -> str:
    """``public``, ``private`` or ``unknown`` for a noun phrase (the subject's head)."""
    if not head:
        return "unknown"
    if extra_private is not None and extra_private.search(head):
        return "private"
    if extra_public is not None and extra_public.search(head):
        return "public"
    if NOT_PUBLIC.search(head):
        return "private"
    if PUBLIC.search(head):
        return "public"
    if PRIVATE.search(head):
        return "private"
    return "unknown"


@dataclass(slots=True)
class Clause:
    """One modal of a sentence and what surrounds it (offsets are in ``unit.text``)."""

    unit: Unit
    sentence_start: int
    sentence_end: int
    modal: str
    modal_start: int
    after_end: int
    subject: str
    """The head noun phrase the modal is said of ('' when none was found)."""
    subject_kind: str
    """``public`` | ``private`` | ``generic`` | ``unknown`` (with the default lexicons)."""

    @property
    def before(self) -> str:
        """The sentence up to the modal."""
        return self.unit.text[self.sentence_start:self.modal_start]

    @property
    def after(self) -> str:
        """The predicate: from the modal (excluded) to the next modal or the end of the sentence."""
        return self.unit.text[self.modal_start + len(self.modal):self.after_end]

    @property
    def sentence(self) -> str:
        return self.unit.text[self.sentence_start:self.sentence_end]


def subject_of(sentence: str, modal_start: int, classify=classify) -> tuple[str, str]:
    """(head, kind) of the subject of the modal at ``modal_start`` in ``sentence``."""
    bounds = [0] + [m.end() for m in _SEGMENT.finditer(sentence, 0, modal_start)]
    for back in range(len(bounds) - 1, max(-1, len(bounds) - 4), -1):
        end = modal_start if back == len(bounds) - 1 else bounds[back + 1] - 1
        zone = _INSERT.sub("", sentence[bounds[back]:end]).strip()
        earlier = MODAL.search(zone)
        if earlier is not None:  # 企业应当经批准后方可…: the subject of 方可 is that of 应当
            zone = zone[:earlier.start()]
        zone = _ADVERB_TAIL.sub("", zone)
        if not zone or (back > 0 and _CONDITION_START.match(zone) and not zone.endswith("的")):
            continue  # a bare condition (未经批准 / 经审核同意后): the subject is in an earlier segment
        return _head(zone, classify)
    return "", "unknown"


def _head(zone: str, classify=classify) -> tuple[str, str]:
    zone = _HEAD_PREFIX.sub("", zone) or zone
    condition = _CONDITION_START.match(zone) is not None and not zone.startswith("凡")
    if zone.endswith("的"):
        # a nominalised condition: 企业迁出本市的 / 县级以上人民政府发现…的 (its first noun), 从事…的 (generic)
        if condition:
            return zone, "unknown"
        cut = _PREPOSITION.search(zone, 1)
        window = zone[:cut.start() if cut else 14][:14]
        kind = classify(window)
        return (window, kind) if kind != "unknown" else (zone, "generic")
    if "的" in zone:
        zone = zone[zone.rindex("的") + 1:]  # 在本市从事网约车经营的企业 → 企业
        condition = False
    cut = _PREPOSITION.search(zone, 1)
    head = zone[:cut.start()] if cut else zone
    if condition:
        return head, "unknown"
    kind = classify(head)
    if kind == "unknown" and _ACTIVITY.match(head):
        return head, "generic"  # 举办展销活动，须……: whoever does it
    return head, kind


class ClauseIndex:
    """The clauses of a document, computed per sentence on first use."""

    def __init__(self, index: TextIndex):
        self.index = index
        self._cache: dict[tuple[int, int], list[Clause]] = {}

    def at(self, unit: Unit, start: int, end: int | None = None) -> list[Clause]:
        """The clauses of the sentence holding ``unit.text[start:end]``."""
        left, right = unit.sentence(start, start if end is None else end)
        key = (unit.start, left)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._split(unit, left, right)
        return found

    def _split(self, unit: Unit, left: int, right: int) -> list[Clause]:
        text = unit.text
        sentence = text[left:right]
        modals = list(MODAL.finditer(sentence))
        if not modals:  # a statement without a modal (对……实行许可管理。): one clause, modal ''
            end = len(sentence.rstrip("。；;！？!? "))
            head, kind = subject_of(sentence, end)
            return [Clause(unit, left, right, "", left + end, left + end, head, kind)]
        out = []
        for i, found in enumerate(modals):
            head, kind = subject_of(sentence, found.start())
            after_end = modals[i + 1].start() if i + 1 < len(modals) else len(sentence)
            out.append(Clause(unit, left, right, found.group(), left + found.start(), left + after_end, head, kind))
        return out

    def in_unit(self, unit: Unit) -> list[Clause]:
        """Every clause of a unit (all its sentences)."""
        out: list[Clause] = []
        pos = 0
        while pos < len(unit.text):
            left, right = unit.sentence(pos, pos)
            out.extend(self.at(unit, pos))
            pos = max(right, pos + 1)
        return out

    @cached_property
    def basis(self) -> list[str]:
        """The document's basis clauses (根据《…》……，制定本办法 / 依据有关法律、法规，现提出如下意见), as written."""
        found: list[str] = []
        for unit in self.index.units[:12]:
            if unit.kind in ("title", "heading", "signature"):
                continue
            found.extend(m.group() for m in _BASIS.finditer(unit.text))
        return found


_BASIS = re.compile(r"(?:根据|依据|依照|按照|贯彻|落实)[^。；]{0,300}?(?:制定|现提出|现就|特制定|现将|结合)")


def find_clauses(index: TextIndex) -> ClauseIndex:
    return ClauseIndex(index)
