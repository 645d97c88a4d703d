"""The administrative penalties one 款 or 项 of a law provides (what the importer writes under ``penalties``).

For each sentence: the penalty types of 行政处罚法 第九条 it names (罚款, 警告, 没收违法所得, 吊销许可证件, 责令停产停业,
行政拘留, …) and each fine with its amount range as ``facts.amounts.find_penalty_ranges`` reads it
(二十元以上二百元以下 → 20–200, 违法所得一倍以上五倍以下 → multiple 1–5 of 违法所得, 五万元以下 → max only), the
persons it targets (对个人 / 对单位), its condition (情节严重的), the body that imposes it (由…处) and a quotation of
at most 120 characters (from the sentence's start when the clause goes on after a semicolon: 拒不改正的，处…). A penalty word counts only in a provision (…的，由…处…, or 某部门可以对…处… after the conduct's sentence): lists of penalty types,
procedure (当场作出处罚决定), 处分 of officials and negated clauses (不再给予罚款) are not penalties.
``refers_in`` reads 依照本法第九十条的规定予以处罚 (the article applies another article's penalty).
"""

from __future__ import annotations

import re
from decimal import Decimal

from review_engine.facts.amounts import PenaltyRange, find_penalty_ranges
from review_engine.numerals import NUM, to_int
from review_engine.registry.bodies import body_of

__all__ = ["QUOTE_MAX", "clip", "other_law_in", "penalties_in", "provision_at", "refers_in", "sentences"]

QUOTE_MAX = 120

# Penalty types of 行政处罚法 第九条 as laws write them; each needs the wording of a penalty provision, so that a
# list of types (第九条 itself) or a consequence (被吊销许可证的，…) is not read as a penalty.
_TYPES: list[tuple[str, re.Pattern[str]]] = [
    # 给予警告、记过、记大过的处分 is a disciplinary sanction of officials, not a penalty
    ("警告", re.compile(r"(?:处以?|给予|予以|并处|单处|可以处)(?:或者并处)?警告(?![、，]?(?:或者)?记(?:大)?过)")),
    # (… or said of whom it falls on: 逾期不改正的，予以取缔，并对违法单位通报批评)
    ("通报批评", re.compile(r"(?:处以?|给予|予以|并处)(?:警告、)?通报批评|(?:并|可以|应当)?对违法(?:单位|行为人|者)(?:予以)?通报批评")),
    ("没收违法所得", re.compile(r"没收(?:其)?违法所得"
                               # (… the gains named first: 有违法所得的，予以没收，并处……罚款)
                               r"|(?:(?<=违法所得的，)|(?<=违法所得，)|(?<=违法所得的,))(?:应当|依法)?予以没收"
                               # (… or with what is given back excepted: 当事人有违法所得，除依法应当退赔的外，应当予以没收)
                               r"|(?<=违法所得，)除[^。；]{0,20}?外[，,](?:应当|依法)?予以没收")),
    ("没收非法财物", re.compile(r"(?<!依法)(?<!被)(?<!予以)(?<!罚)没收(?!其?违法所得)(?![的。；，])")),
    # any certificate the administration issued (许可证, 登记证, 驾驶员证, 执照 …)
    ("暂扣许可证件", re.compile(r"暂扣[^，。；]{0,12}?(?:证|执照|牌照)")),
    ("降低资质等级", re.compile(r"降低(?:其)?资质等级")),
    ("吊销许可证件", re.compile(r"(?<!被)(?<!已被)吊销[^，。；]{0,20}?(?:证|执照|资质|资格|批准文件|牌照|备案)")),
    ("限制开展生产经营活动", re.compile(r"限制开展生产经营活动")),
    ("责令停产停业", re.compile(r"责令(?:其)?(?:停产停业|停业整顿|停产整顿|停止营业|停业|停产|暂停[^，。；]{0,10}?(?:业务|营业|生产经营))")),
    ("责令关闭", re.compile(r"责令(?:其)?关闭|(?:予以|依法)关闭")),
    ("限制从业", re.compile(r"限制从业|(?:[一二三四五六七八九十\d]+年内|终身)不得(?:从事|担任)")),
    ("行政拘留", re.compile(r"(?<!刑事)(?:处以?|并处|可以处)[^，。；]{0,14}?(?<!刑事)拘留")),
]
_FINE_WORD = re.compile(r"(?:处(?![罚分理置])以?|并处|给予|予以)[^，。；]{0,10}?罚款")
# A list of the penalty types (处罚种类包括：警告、罚款…) is not a penalty provision.
_TYPE_LIST = re.compile(r"处罚(?:的)?种类|种类(?:包括|为|有)")
_SENTENCE = re.compile(r"[^。；]+[。；]?")
_SENTENCE_END = re.compile(r"[^。]+。?")
_N = NUM
# 依照本法第九十条的规定予以处罚 / 依照本条例第八十一条第一款、第八十二条的规定处罚
_REFERS = re.compile(
    rf"(?:依照|依据|按照)本(?:法|条例|规定|办法)(?P<list>第{_N}条(?:第{_N}款)?(?:(?:、|和|或者)第{_N}条(?:第{_N}款)?)*)"
    rf"(?:的)?(?:有关)?规定(?:予以|给予|进行)?(?:行政)?处罚"
)
_ARTICLE_IN_LIST = re.compile(rf"第({_N})条")
# 依照《中华人民共和国广告法》的规定给予处罚: the penalty of another law applies
_OTHER_LAW = re.compile(r"(?:依照|依据|按照)《[^》]{2,40}》(?:的)?(?:有关)?规定(?:予以|给予|进行)?(?:行政)?处罚")
# A penalty provision names the conduct or the agency first: …的，(由…)处…罚款 / 有下列行为之一，由…处… /
# 对…的驾驶人，处…. A penalty word before any of these is a mention (处以罚款或者暂扣驾驶证处罚的，由…作出决定;
# 罚款、没收的违法所得…必须全部上缴国库; the items of 行政处罚法 第九条).
# A body that imposes it may also open the sentence, the conduct told in the sentence before (…收取佣金的，拍卖人应当
# 将超收部分返还…。物价管理部门可以对拍卖人处拍卖佣金一倍以上五倍以下的罚款).
# (… or the violators the lead-in names: 凡有下列行为之一的单位或者个人，卫生防疫机构可以……给予警告、罚款……; or the conduct
# named as the thing a body acts on: 未经公安机关安全许可的大型群众性活动由公安机关予以取缔，对承办者处……罚款)
_CONDUCT = re.compile(r"(?:的|者|之一)[，,]|[，,]由|^对[^，。；]{1,60}[，,]|有违法所得[，,]|之一的[^，。；]{1,12}?[，,]|"
                      r"的[^，。；]{1,20}?由[^，。；]{2,30}?(?:部门|机关|机构|人民政府)(?:依法)?(?:予以|责令)")
_BODY_OPENS = re.compile(r"^[^，。；]{2,30}(?:部门|机关|机构|人民政府)(?:可以|应当|有权|依法)*(?:对[^，。；]{1,30})?$")
_CLAUSE_END = re.compile(r"[，,；;。：:]")
# A clause after a semicolon that goes on with the conduct before it (……的，由……责令改正；拒不改正的，处……罚款):
# its quotation starts with the sentence, so that it names the conduct.
_CONTINUES = re.compile(r"\s*(?:逾期|拒不|情节|再次|仍|屡|经[^，。；]{0,12}?仍|造成|致使|(?:有|没有)?违法所得)")
_NEGATED = ("不再", "不得", "不予", "免予", "尚未", "无须", "不")
_TYPE_ORDER = {name: i for i, name in enumerate(["警告", "通报批评", "罚款", *(n for n, _ in _TYPES[2:])])}


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` (split at 。 and ；)."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]


def clip(text: str, start: int, end: int, keep_from: int, keep_to: int) -> str:
    """``text[start:end]`` cut to ``QUOTE_MAX`` characters, keeping ``text[keep_from:keep_to]``."""
    start, end = max(0, start), min(len(text), end)
    while end > start and text[end - 1] in " \u3000":
        end -= 1
    if end - start <= QUOTE_MAX:
        return text[start:end]
    end = max(keep_to, min(end, start + QUOTE_MAX))  # drop what comes after the clause, then what is before
    if end - start > QUOTE_MAX:
        start = max(start, end - QUOTE_MAX + 1)
        return "…" + text[start:end]
    return text[start:end]


def provision_at(text: str, sentence_start: int, pos: int, end: int | None = None) -> bool:
    """Whether a penalty word at ``pos`` (ending at ``end``) provides a penalty: the conduct comes first (…的，),
    the clause holding it is not itself a condition (对处以吊销驾驶证处罚的，…; 依法给予一百元以下罚款的；), it
    is not negated (不再给予罚款) and it is not about reviewing an administrative act (撤销…没收财物…等行政行为)."""
    if _CONDUCT.search(text[sentence_start:pos]) is None and not (
            _BODY_OPENS.search(text[sentence_start:pos]) and re.search(r"的[，,]", text[:sentence_start])):
        return False
    stop = _CLAUSE_END.search(text, end if end is not None else pos)
    clause_end = stop.start() if stop else len(text)
    begin = max((m.end() for m in _CLAUSE_END.finditer(text, sentence_start, pos)), default=sentence_start)
    clause = text[begin:clause_end]
    if clause.endswith("的") or "行政行为" in clause:
        return False
    before = text[max(begin, pos - 4):pos]
    return not any(before.endswith(word) for word in _NEGATED) and not any(
        text[max(begin, pos - 6):pos].endswith(word + verb) for word in _NEGATED for verb in ("给予", "处以", "处", "予以"))


def _body(text: str, s_start: int, pos: int) -> str | None:
    """The body imposing a penalty at ``pos``: named after 由 between the sentence start and the penalty."""
    found = body_of(text[s_start:pos + 2])
    return found


def penalties_in(text: str, paragraph: int, item: int | None) -> list[dict]:
    """The penalty clauses of one 款 or 项 text, as registry ``PenaltyFact`` data."""
    if not text:
        return []
    fines = find_penalty_ranges(text)
    out: list[dict] = []
    for full in _SENTENCE_END.finditer(text):
        f_start = full.start()
        for s_start, s_end in sentences(full.group()):
            s_start += f_start
            s_end += f_start
            if _TYPE_LIST.search(text, s_start, s_end):
                continue
            q_start = f_start if s_start > f_start and _CONTINUES.match(text, s_start) else s_start
            types = []
            first = None
            for name, regex in _TYPES:
                for m in regex.finditer(text, s_start, s_end):
                    if provision_at(text, f_start, m.start(), m.end()):
                        types.append(name)
                        first = m.start() if first is None else min(first, m.start())
                        break
            here = [r for r in fines if s_start <= r.start < s_end and provision_at(text, f_start, r.start, r.end)]
            bare_fine = next((m for m in _FINE_WORD.finditer(text, s_start, s_end)
                              if provision_at(text, f_start, m.start(), m.end())), None)
            if here or bare_fine:
                types.insert(0, "罚款")
            for r in here:
                kinds = list(types)
                if r.also_warning and "警告" not in kinds:
                    kinds.append("警告")
                out.append(_entry(text, f_start, q_start, s_end, r, _ordered(kinds), paragraph, item))
            if not here and types:  # no amount: another type, or 处以罚款 (the amount set elsewhere)
                anchor = first if first is not None else (bare_fine.start() if bare_fine else s_start)
                fact = {"types": _ordered(types), "kind": "none", "body": _body(text, f_start, anchor),
                        "paragraph": paragraph, "item": item, "quote": clip(text, q_start, s_end, anchor, anchor + 20)}
                out.append(fact)
    return [_compact(f) for f in out]


def refers_in(text: str, own: int) -> list[int]:
    """Articles whose penalty this text applies (依照本法第九十条的规定予以处罚), other than ``own``."""
    out: list[int] = []
    for m in _REFERS.finditer(text):
        for n in _ARTICLE_IN_LIST.findall(m["list"]):
            value = to_int(n)
            if value is not None and value != own and value not in out:
                out.append(value)
    return out


def other_law_in(text: str) -> bool:
    """Whether the text applies another law's penalty in a provision (依照《…》的规定给予处罚)."""
    return any(provision_at(text, 0, m.start(), m.end()) for m in _OTHER_LAW.finditer(text))


def _ordered(types: list[str]) -> list[str]:
    return sorted(dict.fromkeys(types), key=lambda t: _TYPE_ORDER.get(t, 99))


def _entry(text: str, f_start: int, s_start: int, s_end: int, r: PenaltyRange, types: list[str], paragraph: int,
           item: int | None) -> dict:
    quote = clip(text, s_start, max(r.end, s_start), r.start, r.end)
    if r.end < s_end and len(quote) < QUOTE_MAX:  # add the rest of the clause when there is room
        quote = clip(text, s_start, s_end, r.start, r.end)
    return {"types": types, "kind": r.kind, "min": _number(r.min), "max": _number(r.max), "base": r.base,
            "per": r.per, "targets": list(r.targets), "condition": r.condition, "body": _body(text, f_start, r.start),
            "paragraph": paragraph, "item": item, "quote": quote}


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _compact(fact: dict) -> dict:
    """The fact without empty fields (what the registry stores)."""
    return {k: v for k, v in fact.items() if v not in (None, [], "")}
