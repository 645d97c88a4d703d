"""Money amounts and fine ranges (罚款幅度) written in Chinese legal text.

This module is pure: no I/O, no global state besides its regexes (compiled when first used: ``recache.Lazy``). Numbers are read and written by
``numerals`` (``to_number``, ``format_yuan``).

Numbers (``numerals.to_number``)
    * Arabic digits: ``200``, ``1,000`` (ASCII thousands separators), ``1.5``, full-width ``２００``;
    * Chinese numerals: ``二百``, ``一千二百``, ``两千``, ``一万五千``, ``十二万``, ``一百零五``,
      ``三千零五十``, ``〇``/``零``, ``一亿二千万``;
    * mixed: ``1.5万``, ``5千``, ``3亿``, ``10万``, ``1万5千``;
    * financial capitals (大写): ``壹仟贰佰``, ``贰万``, ``壹億``;
    * an optional trailing ``元`` is accepted, so ``to_number(format_yuan(v)) == v``.

Money amounts (``find_amounts``)
    A number immediately followed by ``元`` (so 万元/亿元/千元/百元 are covered: the 万 belongs to
    the number). Not money: 第十条, 30日, 5年, 2000米, 百分之十, 美元/日元 (the currency word sits
    between the number and 元), approximate amounts such as 五万余元 / 数十万元 (not reported), 一元化.

Fine clauses (``find_penalty_ranges``)
    Each ``罚款`` is read backwards to the verb (处 / 处以 / 并处 / 给予 / 予以) of its clause (a clause
    ends at ，。；： or a line break), and also forwards (罚款二百元, 罚款不得超过一千元):

    * fixed: 处二百元罚款, 罚款二百元, 处以五千元的罚款, 处每辆机动车五千元的罚款 (``per``);
    * range: 处二十元以上二百元以下罚款, 处二百元至二千元罚款, 处一万至五万元罚款 (shared unit);
    * open bounds: 处五万元以下罚款, 处十万元以上罚款, 处不超过十万元的罚款, 最高不超过三万元;
    * multiples of a base (kind ``multiple``, bounds are multipliers): 处违法所得一倍以上五倍以下罚款,
      并处货值金额五倍以上十倍以下罚款, 处货值金额等值以上三倍以下的罚款, 并处…保险费的二倍罚款;
      a percent bound next to a 倍 bound is converted to a multiplier (百分之五十以上三倍以下 → 0.5–3);
    * percentages (kind ``percent``, bounds in percent): 处建设工程造价百分之五以上百分之十以下的罚款,
      千分之五 (→ 0.5), 10‰ (→ 1);
    * alternatives in one clause: 处五千万元以下或者上一年度营业额百分之五以下罚款 → two ranges;
    * 警告 as an alternative (处警告或者二十元以上二百元以下罚款, …罚款或者警告) → ``also_warning``;
    * targets named right before the verb: 对个人处…，对单位处… → ``targets`` 个人 / 单位
      (split on 、/和/以及/或者; a bare 其 is dropped), including 对公民处以二百元以下、对法人…处以三千元以下罚款;
    * condition: the clause right before, when it ends with 的 (情节严重的，处… → ``condition`` 情节严重).

    ``start``/``end``/``raw`` span the whole clause (from 对…/the verb to 罚款); several ranges of the
    same clause share it. Amounts are in 元; bounds as written are kept even when min > max (a draft
    error the engine may want to flag).

Longer than 450 lines because the fine-clause reader is one grammar of amounts, bounds, bases and targets; its parts are only meaningful together.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..recache import Lazy as lazy  # compiled when first used: nothing at import

from ..model import _trusted
from ..numerals import AMOUNT_UNIT_VALUES as _BIG_UNIT_VALUE
from ..numerals import CN_NUM, NUM, to_number
from ..numerals import integral as _integral

__all__ = [
    "SUM_WRITTEN",
    "AmountMatch",
    "PenaltyKind",
    "PenaltyRange",
    "find_amounts",
    "find_penalty_ranges",
]

PenaltyKind = Literal["fixed", "range", "max_only", "min_only", "multiple", "percent"]

SUM_WRITTEN = lazy(r"[零〇一二三四五六七八九十百千万两\d]元")
"""A sum of money written out (一千元, 200元): whether a penalty clause names its own amount (the basis and the gate
ask it of a fine cited to a law's bare title)."""


class AmountMatch(BaseModel):
    """A money amount found in a text; ``value`` is in 元, ``start``/``end`` index the text."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    start: int
    end: int
    value: Decimal
    raw: str


class PenaltyRange(BaseModel):
    """One fine (罚款) a clause allows.

    ``min``/``max`` are in 元 for fixed/range/max_only/min_only, the multiplier of ``base`` for
    ``multiple`` and a percentage of ``base`` for ``percent``; ``None`` means an open bound.
    """

    model_config = ConfigDict(frozen=True, defer_build=True)

    kind: PenaltyKind
    min: Decimal | None
    max: Decimal | None
    base: str | None = None
    start: int
    end: int
    raw: str
    targets: list[str] = []
    also_warning: bool = False
    condition: str | None = None
    per: str | None = None  # 每辆机动车 in 处每辆机动车五千元的罚款

    @property
    def warning(self) -> bool:
        """Alias of ``also_warning``: 警告 is an alternative penalty in the same clause."""
        return self.also_warning

    @property
    def unit(self) -> str:
        """元, 倍 or %: how ``min``/``max`` are to be read."""
        return {"multiple": "倍", "percent": "%"}.get(self.kind, "元")


# --------------------------------------------------------------------------------------------------
# Numerals
# --------------------------------------------------------------------------------------------------

# Same-length normalisation so that offsets into the normalised text are offsets into the original.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")

_CN_DIGIT = "〇零一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖"
_CN_UNIT = "十拾百佰千仟万萬亿億"

# A numeral: starts with a digit (never with a bare 百/千/万, so 数千万元 is not read as 千万元), is not
# the tail of a longer numeral, and runs over digits, numeral characters, 1,000-style separators (also
# a full-width ， followed by exactly three digits) and a decimal point. Each character is consumed one
# way only, so matching stays linear.
_NUM = (
    rf"(?<![{_CN_DIGIT}{_CN_UNIT}0-9.数几多余])(?<![0-9][,，])"
    rf"[0-9{_CN_DIGIT}十拾]"
    rf"(?:[0-9{_CN_DIGIT}{_CN_UNIT}]|[,，](?=[0-9]{{3}}(?![0-9]))|\.(?=[0-9]))*"
)
_SP = r"[ \u3000]?"

# --------------------------------------------------------------------------------------------------
# Money amounts
# --------------------------------------------------------------------------------------------------

_MONEY = rf"{_NUM}{_SP}元(?!化)"
_MONEY_RE = lazy(rf"(?P<num>{_NUM}){_SP}元(?!化)")


def find_amounts(text: str) -> list[AmountMatch]:
    """Every money amount (a number followed by 元) in ``text``, in order, values in 元."""
    norm = text.translate(_FULLWIDTH)
    found: list[AmountMatch] = []
    for m in _MONEY_RE.finditer(norm):
        value = to_number(m["num"])
        if value is not None:
            found.append(AmountMatch(start=m.start(), end=m.end(), value=value, raw=text[m.start() : m.end()]))
    return found


# --------------------------------------------------------------------------------------------------
# Fine clauses
# --------------------------------------------------------------------------------------------------

# One bound: an amount, a multiple (二倍, 等值) or a percentage (百分之十, 千分之五, 10%, 5‰).
_TIMES = rf"(?:{_NUM}{_SP}倍|等值|等额)"
_PCT = rf"(?:百分之{_NUM}|千分之{_NUM}|{_NUM}{_SP}[%‰])"
_QTY = rf"(?:{_MONEY}|{_TIMES}|{_PCT})"
_LOWER = r"以上"
_UPPER = r"(?:以下|以内)"
_TO = r"(?:至|到|~|～|－|-|—)"

# The bound expressions, most specific first. A bare number is allowed as the lower end of a range
# (一万至五万元, 五至十倍) and as the upper end after a percentage (百分之十至五十).
_BOUND_RE = lazy(
    rf"(?P<lo1>{_QTY}|{_NUM}){_LOWER}、?(?P<hi1>{_QTY}){_UPPER}"
    rf"|(?P<lo2>{_QTY}|{_NUM})(?:{_LOWER})?{_TO}(?P<hi2>{_QTY}|{_NUM}){_UPPER}?"
    rf"|(?P<max>{_QTY}){_UPPER}"
    rf"|(?P<min>{_QTY}){_LOWER}"
    rf"|(?P<fixed>{_QTY})"
)
# Parses one captured bound.
_QTY_PARTS_RE = lazy(
    rf"(?P<money>{_NUM}){_SP}元(?!化)"
    rf"|(?P<times>{_NUM}){_SP}倍|(?P<equal>等值|等额)"
    rf"|百分之(?P<pct>{_NUM})|(?P<pct2>{_NUM}){_SP}%"
    rf"|千分之(?P<permille>{_NUM})|(?P<permille2>{_NUM}){_SP}‰"
    rf"|(?P<bare>{_NUM})"
)

_CLAUSE_BREAKS = frozenset("。；;：:\n\r！？!?")  # plus ， and , unless thousands separators
_ASCII_DIGITS = frozenset("0123456789")
_OPENING = frozenset("（(")
_CLOSING = frozenset("）)")
_MAX_LOOKBACK = 200
_FINE_RE = lazy(r"罚款")
# The verb governing a fine; 按照 for 按照直接损失的一倍以上三倍以下计算罚款.
_VERB_RE = lazy(r"单处或者并处|并处以?|处以|(?<!办事)处(?![罚分理置于长室境])|给予|予以|按照")
_MODALS = r"(?:可以|应当|依法|分别|并|还应当|另行|另)*"
_TARGET_RE = lazy(rf"对(?P<target>[^对，。；;：:]{{1,40}}?){_MODALS}$")
_TARGET_SPLIT_RE = lazy(r"、|和|以及|或者")
# 对公民处以二百元以下、(对法人…处以三千元以下罚款): an earlier chunk sharing the final 罚款.
_PRIOR_CHUNK_RE = lazy(
    rf"(?:对(?P<target>[^对，。；;：:]{{1,40}}?){_MODALS})?"
    rf"(?P<verb>处以|处|给予|予以)(?P<seg>[^处对，。；;：:]{{1,60}}?)、$"
)
_LEADING_CONNECTOR_RE = lazy(r"^(?:或者|或|、|以及|和)+")
_WARNING_PREFIX_RE = lazy(r"^(?:给予)?警告(?:、通报批评)?(?:或者|或|、|，)?")
_MAX_KEYWORDS = r"(?:最高不得超过|最高不超过|不得超过|不超过|不高于|不应超过|最高为|最高|最多)"
_MIN_KEYWORDS = r"(?:不得低于|不低于|不少于|最低为|最低)"
_MAX_KEYWORD_START_RE = lazy(rf"^{_MAX_KEYWORDS}")
_MAX_KEYWORD_END_RE = lazy(rf"{_MAX_KEYWORDS}$")
_MIN_KEYWORD_START_RE = lazy(rf"^{_MIN_KEYWORDS}")
_MIN_KEYWORD_END_RE = lazy(rf"{_MIN_KEYWORDS}$")
_WARNING_AFTER_RE = lazy(r"(?:或者|或|、)警告")
# 罚款二百元, 罚款数额为二百元以上二千元以下, 设定罚款不得超过一千元.
_AFTER_FINE_RE = lazy(r"(?:数额|金额|额)?(?:的)?(?:为|在|是)?")
_CAP_RE = lazy(
    rf"最高(?:罚款)?(?:限额|数额|金额|额)?(?:不得超过|不超过|不应超过|为)(?P<q>{_MONEY})"
)
_CONDITION_PREFIX_RE = lazy(
    r"^(?:#+\s*)?(?:第" + NUM + r"条(?:之" + CN_NUM + r")?\s*)?"
    r"(?:[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．]|[一二三四五六七八九十]+、)?\s*"
    r"(?:但是|但|并且|同时)?"
)


def _is_break(text: str, i: int) -> bool:
    ch = text[i]
    if ch in _CLAUSE_BREAKS:
        return True
    if ch not in ",，":
        return False
    # a comma between digits followed by exactly three digits is a thousands separator (1,000)
    after = text[i + 1 : i + 5]
    is_separator = (
        i > 0 and text[i - 1] in _ASCII_DIGITS and after[:3].isascii() and after[:3].isdigit()
        and len(after[:3]) == 3 and not (len(after) == 4 and after[3] in _ASCII_DIGITS)
    )
    return not is_separator


def _clause_start(text: str, end: int) -> int:
    """Index just after the clause break before ``end`` (or ``end - _MAX_LOOKBACK``).

    Breaks inside parentheses do not count: 销售产品（包括已售出和未售出的产品，下同）货值金额.
    """
    i = end - 1
    floor = max(0, end - _MAX_LOOKBACK)
    depth = 0
    while i >= floor:
        ch = text[i]
        if ch in _CLOSING:
            depth += 1
        elif ch in _OPENING:
            depth = max(0, depth - 1)
        elif depth == 0 and _is_break(text, i):
            return i + 1
        i -= 1
    return floor


def _clause_end(text: str, start: int) -> int:
    limit = min(len(text), start + _MAX_LOOKBACK)
    depth = 0
    for i in range(start, limit):
        ch = text[i]
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING:
            depth = max(0, depth - 1)
        elif depth == 0 and _is_break(text, i):
            return i
    return limit


_Quantity = tuple[str, Decimal, str]  # (type, value, numeral as written)
_Row = tuple[PenaltyKind, Decimal | None, Decimal | None, str | None, str | None]  # kind, min, max, base, per


def _quantity(s: str) -> _Quantity | None:
    """('money'|'times'|'pct'|'bare', value, numeral) of one bound as written."""
    m = _QTY_PARTS_RE.fullmatch(s)
    if not m:
        return None
    if m["equal"]:
        return ("times", Decimal(1), m["equal"])
    group = next(g for g in ("money", "times", "pct", "pct2", "permille", "permille2", "bare") if m[g])
    value = to_number(m[group])
    if value is None:
        return None
    if group.startswith("permille"):
        return ("pct", value / 10, m[group])
    return (group.rstrip("2"), value, m[group])


def _resolve_bare(bare: _Quantity, other: _Quantity) -> _Quantity:
    """Give a bare lower bound (一万至五万元, 五至十万元, 五至十倍) the type/unit of the upper one."""
    _, value, numeral = bare
    kind, _, other_numeral = other
    last = other_numeral[-1]
    if kind == "money" and last in _BIG_UNIT_VALUE and not any(c in _BIG_UNIT_VALUE for c in numeral):
        head = to_number(other_numeral[:-1]) if len(other_numeral) > 1 else None
        if head is not None and value < head:  # 五至十万元 → 五万; but 五千至一万元 stays 五千
            value = value * _BIG_UNIT_VALUE[last]
    return (kind, value, numeral)


def _bounds(m: re.Match[str]) -> tuple[str, _Quantity | None, _Quantity | None] | None:
    """(shape, low, high) of a ``_BOUND_RE`` match, or None when it is not a fine bound."""
    if m["lo1"] or m["lo2"]:
        lo = _quantity(m["lo1"] or m["lo2"])
        hi = _quantity(m["hi1"] or m["hi2"])
        if lo is None or hi is None or (lo[0] == "bare" and hi[0] == "bare"):
            return None
        if lo[0] == "bare":
            lo = _resolve_bare(lo, hi)
        elif hi[0] == "bare":
            if lo[0] != "pct":
                return None
            hi = ("pct", hi[1], hi[2])
        return ("range", lo, hi)
    for shape in ("max", "min", "fixed"):
        if m[shape]:
            q = _quantity(m[shape])
            if q is None or q[0] == "bare":
                return None
            return (shape, *{"max": (None, q), "min": (q, None), "fixed": (q, q)}[shape])
    return None  # pragma: no cover


def _kind_and_values(
    shape: str, lo: _Quantity | None, hi: _Quantity | None
) -> tuple[PenaltyKind, Decimal | None, Decimal | None] | None:
    types = {q[0] for q in (lo, hi) if q is not None}
    if "money" in types:
        if types != {"money"}:
            return None  # 五万元以上货值金额十倍以下: not a coherent bound
        kind: PenaltyKind = {"range": "range", "max": "max_only", "min": "min_only", "fixed": "fixed"}[shape]  # type: ignore[assignment]
        return kind, lo[1] if lo else None, hi[1] if hi else None
    if "times" in types:  # a percentage next to a 倍 bound becomes a multiplier
        def mult(q: _Quantity | None) -> Decimal | None:
            if q is None:
                return None
            return _integral(q[1] / 100) if q[0] == "pct" else q[1]

        return "multiple", mult(lo), mult(hi)
    return "percent", lo[1] if lo else None, hi[1] if hi else None


def _clean_base(gap: str) -> str | None:
    base = gap.strip(" \u3000的")
    return base or None


def _split_targets(target: str | None) -> list[str]:
    if not target:
        return []
    out = []
    for part in _TARGET_SPLIT_RE.split(target):
        part = part.strip()
        if part.startswith("其") and not part.startswith(("其他", "其它")):
            part = part[1:]
        if part and part != "其":
            out.append(part)
    return out


def _condition(text: str, clause_start: int) -> str | None:
    """The clause before ``clause_start`` when it ends with 的 (情节严重的，处…)."""
    if clause_start == 0 or text[clause_start - 1] not in "，,":
        return None
    prev_end = clause_start - 1
    prev = text[_clause_start(text, prev_end) : prev_end].strip()
    if not prev.endswith("的"):
        return None
    prev = _CONDITION_PREFIX_RE.sub("", prev[:-1], count=1).strip()
    return prev or None


def _ranges_in_segment(norm: str, seg_start: int, seg_end: int) -> tuple[list[_Row], bool] | None:
    """The bounds in ``norm[seg_start:seg_end]`` with their base/per, and whether 警告 is among them.

    The last bound has to end the segment (it is the one next to 罚款); None when there is none.
    """
    matches = list(_BOUND_RE.finditer(norm, seg_start, seg_end))
    if not matches or matches[-1].end() != seg_end:
        return None
    out: list[_Row] = []
    warning = False
    prev = seg_start
    for m in matches:
        gap = norm[prev : m.start()]
        prev = m.end()
        parsed = _bounds(m)
        if parsed is None:
            continue
        shape, lo, hi = parsed
        gap = _LEADING_CONNECTOR_RE.sub("", gap)
        if "警告" in gap:
            warning = True
            gap = _WARNING_PREFIX_RE.sub("", gap)
        # 不超过十万元 / 不得超过违法所得的三倍: the keyword opens the gap or touches the bound
        max_kw = _MAX_KEYWORD_START_RE.search(gap) or _MAX_KEYWORD_END_RE.search(gap)
        min_kw = None if max_kw else _MIN_KEYWORD_START_RE.search(gap) or _MIN_KEYWORD_END_RE.search(gap)
        keyword = max_kw or min_kw
        if keyword:
            gap = gap[: keyword.start()] + gap[keyword.end() :]
            if shape == "fixed":
                shape, lo, hi = ("max", None, hi) if max_kw else ("min", lo, None)
        kv = _kind_and_values(shape, lo, hi)
        if kv is None:
            continue
        kind, low, high = kv
        base = per = None
        cleaned = _clean_base(gap)
        if kind in ("multiple", "percent"):
            base = cleaned
        elif cleaned and cleaned.startswith("每"):
            per = cleaned
        out.append((kind, low, high, base, per))
    return (out, warning) if out else None


def _range(kind, low, high, base, start, end, raw, targets, warning, condition, per) -> PenaltyRange:
    """``PenaltyRange(kind=…, min=low, …)`` for the values read here (of the declared types: amounts are
    ``Decimal``), without validation: a review otherwise built the model's validator, and loaded pydantic's plugin
    machinery, for its first fine (``tests/test_amounts`` holds the two equal over the national laws)."""
    return _trusted(PenaltyRange, {"kind": kind, "min": low, "max": high, "base": base, "start": start, "end": end,
                                   "raw": raw, "targets": list(targets), "also_warning": warning, "condition": condition,
                                   "per": per})


def find_penalty_ranges(text: str) -> list[PenaltyRange]:
    """Every fine (罚款) a text allows, in order; see the module docstring for the forms read."""
    norm = text.translate(_FULLWIDTH)
    found: list[PenaltyRange] = []

    def emit(rows: list[_Row], *, start: int, end: int, targets: list[str], warning: bool, condition: str | None) -> None:
        for kind, low, high, base, per in rows:
            found.append(_range(kind, low, high, base, start, end, text[start:end], targets, warning, condition, per))

    for fine in _FINE_RE.finditer(norm):
        p, fine_end = fine.start(), fine.end()
        warning_after = bool(_WARNING_AFTER_RE.match(norm, fine_end))

        # --- backwards: [对X][可以]处[以][base]<bounds>[的]罚款
        ws = _clause_start(norm, p)
        verbs = list(_VERB_RE.finditer(norm, ws, p))
        verb = verbs[-1] if verbs else None
        seg_start = verb.end() if verb else ws
        seg_end = p
        if norm.endswith("计算", seg_start, seg_end):  # …三倍以下计算罚款
            seg_end -= 2
        while seg_end > seg_start and norm[seg_end - 1] in "的 \u3000":
            seg_end -= 1
        result = _ranges_in_segment(norm, seg_start, seg_end) if seg_end > seg_start else None
        if result is not None:
            rows, warning = result
            start = verb.start() if verb else seg_start
            target_match = _TARGET_RE.search(norm, ws, verb.start()) if verb else None
            targets: list[str] = []
            if target_match:
                start = target_match.start()
                targets = _split_targets(target_match["target"])
            condition = _condition(norm, ws)
            emit(rows, start=start, end=fine_end, targets=targets, warning=warning or warning_after, condition=condition)
            # earlier chunks sharing this 罚款: 对公民处以二百元以下、对法人…处以三千元以下罚款
            chunk_end = start
            while target_match and chunk_end > ws:
                prior = _PRIOR_CHUNK_RE.search(norm, ws, chunk_end)
                if not prior:
                    break
                bm = _BOUND_RE.fullmatch(prior["seg"])
                parsed = _bounds(bm) if bm else None
                kv = _kind_and_values(*parsed) if parsed else None
                if kv is None:
                    break
                emit(
                    [(*kv, None, None)], start=prior.start(), end=prior.end() - 1,
                    targets=_split_targets(prior["target"]), warning=warning_after, condition=condition,
                )  # fmt: skip
                chunk_end = prior.start()
                target_match = prior if prior["target"] else None
            continue

        # --- forwards: 罚款[数额][为]<bounds> (罚款二百元, 罚款不得超过违法所得的三倍)
        after = _AFTER_FINE_RE.match(norm, fine_end)
        a_start = after.end() if after else fine_end
        a_end = _clause_end(norm, a_start)
        nxt = norm.find("罚款", a_start, a_end)
        if nxt != -1:
            continue  # the bounds belong to the next 罚款 (单位罚款数额百分之五…的罚款)
        bm = _BOUND_RE.search(norm, a_start, a_end)
        if bm is None:
            continue
        gap = norm[a_start : bm.start()]
        if len(gap) > 20 or any(w in gap for w in ("处", "罚", "警告", "元")):
            continue
        result = _ranges_in_segment(norm, a_start, bm.end())
        if result is None:
            continue
        rows = result[0][-1:]
        start = verb.start() if verb and verb.end() == p else p
        emit(rows, start=start, end=bm.end(), targets=[], warning=warning_after, condition=_condition(norm, ws))

    # --- caps stated on their own: 最高不超过三万元
    for cap in _CAP_RE.finditer(norm):
        if any(r.start <= cap.start() < r.end for r in found):
            continue
        money = _MONEY_RE.match(norm, cap.start("q"))
        value = to_number(money["num"]) if money else None
        if value is not None:
            start, end = cap.span()
            found.append(_range("max_only", None, value, None, start, end, text[start:end], [], False, None, None))

    unique: dict[tuple, PenaltyRange] = {}
    for r in sorted(found, key=lambda r: (r.start, r.end)):
        unique.setdefault((r.start, r.end, r.kind, r.min, r.max, r.base), r)
    return list(unique.values())
