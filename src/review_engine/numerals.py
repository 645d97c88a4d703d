"""Numbers as Chinese legal texts write them, both ways: 第三百八十八条 → 388, 一万五千元 → 15000, 15000 → 一万五千.

* ``to_int`` reads the numerals of structural labels (一…九, 〇/○/零, 两, 十, 百, 千, 万, Arabic or full-width
  digits): 第三百八十八条, 百零五, 二〇二六, （十二）. It is on the parser's hot path (cached).
* ``to_number`` reads amounts: Arabic digits with 1,000-style separators and decimals, Chinese numerals in
  小写 or 大写 (壹仟贰佰), with 万/亿 (萬/億), digit strings (二〇二六), colloquial tails (一千二 = 1200),
  decimals (一点五), and mixes (1.5万, 1万5千). ``None`` for anything else.
* ``to_chinese`` writes a non-negative integer the way labels and amounts are written (十五, 一百零五,
  一万零一十, 一亿), or in the financial capitals Word uses for ``chineseLegalSimplified`` (壹拾壹).
* ``format_yuan``: 15000 → 一万五千元; ``provision``: 第十条之一第二款第（三）项.
* ``NUM`` / ``CN_NUM``: the character classes regexes use for "a numeral here" (any / Chinese only).

``tests/test_numerals.py`` checks reading and writing against ``cn2an`` (the reference implementation, used in
the tests only) for every number up to 10 000 and for random larger ones.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

# ---- characters ------------------------------------------------------------------------------------------------

DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
CHARS = "".join(DIGITS) + "".join(UNITS) + "万"
#: The characters of a Chinese label numeral, for a regex character class.
CN_NUM_CHARS = "〇零○Ｏ一二三四五六七八九十百千两"
#: The same with Arabic digits (half- and full-width).
NUM_CHARS = CN_NUM_CHARS + "\\d０-９"
#: A Chinese numeral of a label (one or more characters), as a regex source.
CN_NUM = f"[{CN_NUM_CHARS}]+"
#: A label numeral in Chinese or in Arabic digits (half- or full-width), as a regex source.
NUM = f"[{NUM_CHARS}]+"
#: The numeral of a structural label (第一万零一条 …): ``NUM`` and 万, so that article 10,000 and above is read as
#: an article, not as a paragraph of 第九千九百九十九条.
LABEL_NUM = f"[{NUM_CHARS}万亿]+"
#: The same in Chinese numerals only.
CN_LABEL_NUM = f"[{CN_NUM_CHARS}万亿]+"

# Amount numerals also use the financial capitals (大写) and their traditional variants.
_AMOUNT_DIGITS = {**DIGITS, "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6,
                  "柒": 7, "捌": 8, "玖": 9, "0": 0, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7,
                  "8": 8, "9": 9}
_AMOUNT_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_SECTIONS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
#: The value of every unit character of an amount (十拾百佰千仟万萬亿億).
AMOUNT_UNIT_VALUES = {**_AMOUNT_UNITS, **_SECTIONS}
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％，", "0123456789.%,")
_PLAIN_ARABIC = re.compile(r"[0-9]+(?:\.[0-9]+)?|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_ARABIC_UNIT = re.compile(r"(?P<num>[0-9]+(?:\.[0-9]+)?)(?P<unit>[十拾百佰千仟万萬亿億])")


# ---- reading labels --------------------------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def to_int(text: str) -> int | None:
    """The value of a label numeral, or None when ``text`` is not one."""
    text = text.strip().translate(_FULLWIDTH)
    if not text:
        return None
    if text.isdigit() and text.isascii():
        return int(text)
    if any(ch not in DIGITS and ch not in UNITS and ch != "万" for ch in text):
        return None
    if "万" in text:
        if text.count("万") > 1:
            return None
        high, _, low = text.partition("万")
        high_value = _below_10000(high) if high else 1
        low_value = _below_10000(low) if low else 0
        if high_value is None or low_value is None:
            return None
        return high_value * 10000 + low_value
    return _below_10000(text)


def _below_10000(text: str, digits: dict = DIGITS, units: dict = UNITS, colloquial: bool = False) -> int | None:
    """A numeral below 10 000. Without units it is read digit by digit (二〇二六, 一〇五). With ``colloquial``,
    a last digit right after a unit counts one unit lower (一百一 = 110, 一千二 = 1200)."""
    if not any(ch in units for ch in text):
        value = 0
        for ch in text:
            value = value * 10 + digits[ch]
        return value
    total, digit, last_unit, after_zero = 0, None, 10_000, False
    for ch in text:
        if ch in digits:
            if digit is not None and digits[ch] != 0:
                return None  # two digits in a row (五五) is not a numeral with units
            after_zero = digits[ch] == 0 or after_zero
            digit = digits[ch] if digits[ch] != 0 else None
        else:
            unit = units[ch]
            if unit >= last_unit:
                return None  # units must fall: 百 after 十 is not a numeral
            total += (1 if digit is None else digit) * unit
            digit, last_unit, after_zero = None, unit, False
    if digit is not None:
        total += digit * (last_unit // 10 if colloquial and not after_zero and last_unit >= 100 else 1)
    return total


# ---- reading amounts -------------------------------------------------------------------------------------------

def integral(value: Decimal) -> Decimal:
    """15000.0 → 15000 (keeps non-integers as they are)."""
    return Decimal(int(value)) if value == value.to_integral_value() else value.normalize()


@lru_cache(maxsize=4096)
def to_number(text: str) -> Decimal | None:
    """The value of an amount written in Arabic digits, Chinese numerals (小写 or 大写) or a mix (see the module
    docstring). An optional trailing 元 is ignored. ``None`` when ``text`` is not a number."""
    s = text.strip().translate(_FULLWIDTH)
    if s.endswith("元"):
        s = s[:-1].rstrip()
    if not s:
        return None
    if _PLAIN_ARABIC.fullmatch(s):
        return integral(Decimal(s.replace(",", "")))
    found = _ARABIC_UNIT.fullmatch(s)
    if found:  # 1.5万, 5千, 3亿: exact decimal arithmetic
        unit = found["unit"]
        return integral(Decimal(found["num"]) * (_SECTIONS.get(unit) or _AMOUNT_UNITS[unit]))
    if "," in s:
        return None
    whole, point, fraction = s.partition("点")
    if point:
        if not fraction or any(ch not in _AMOUNT_DIGITS for ch in fraction):
            return None
        value = _amount_integer(whole) if whole else 0
        if value is None:
            return None
        try:
            return integral(Decimal(f"{value}.{''.join(str(_AMOUNT_DIGITS[ch]) for ch in fraction)}"))
        except InvalidOperation:
            return None
    value = _amount_integer(s)
    return None if value is None else Decimal(value)


def _amount_integer(s: str) -> int | None:
    if not s or any(ch not in _AMOUNT_DIGITS and ch not in _AMOUNT_UNITS and ch not in _SECTIONS for ch in s):
        return None
    return _sections(s, 10**8)


def _sections(s: str, size: int) -> int | None:
    """``s`` split at its 亿 (then 万): high × section + low; a lone digit after the section unit counts one
    unit lower (三万五 = 35000, 一亿五 = 150000000)."""
    if size < 10**4:
        return _below_10000(s, _AMOUNT_DIGITS, _AMOUNT_UNITS, colloquial=True) if s else 0
    marks = [i for i, ch in enumerate(s) if _SECTIONS.get(ch) == size]
    if not marks:
        return _sections(s, size // 10**4)
    if len(marks) > 1:
        return None
    high, low = s[:marks[0]], s[marks[0] + 1:]
    if not high:
        return None  # 万 alone is not an amount
    high_value = _sections(high, size // 10**4)
    if high_value is None:
        return None
    if len(low) == 1 and low in _AMOUNT_DIGITS and _AMOUNT_DIGITS[low]:
        low_value = _AMOUNT_DIGITS[low] * size // 10
    else:
        low_value = _sections(low.lstrip("零〇○"), size // 10**4) if low else 0
    if low_value is None or low_value >= size:
        return None
    return high_value * size + low_value


# ---- writing ---------------------------------------------------------------------------------------------------

_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CN_UNITS = ("", "十", "百", "千")
_CN_LEGAL_UNITS = ("", "拾", "佰", "仟")
_CN_SECTIONS = ("", "万", "亿")


@lru_cache(maxsize=4096)
def to_chinese(n: int, *, legal: bool = False) -> str:
    """``n`` in Chinese numerals: 1 一, 10 十, 15 十五, 105 一百零五, 110 一百一十, 10010 一万零一十, 10**8 一亿.

    ``legal=True`` gives the financial capitals (11 壹拾壹). Numbers of 10**12 and above stay in digits.
    """
    if n < 0:
        raise ValueError(n)
    if n >= 10**12:
        return str(n)
    digits, units = (_CN_LEGAL_DIGITS, _CN_LEGAL_UNITS) if legal else (_CN_DIGITS, _CN_UNITS)
    if n == 0:
        return "〇" if not legal else digits[0]
    out = ""
    pending_zero = False
    sections = [(n // 10 ** (4 * i)) % 10000 for i in range(2, -1, -1)]  # 亿, 万, units
    for index, section in zip((2, 1, 0), sections):
        if section == 0:
            pending_zero = bool(out)
            continue
        if out and (pending_zero or section < 1000):
            out += digits[0]
        out += _four_digits(section, digits, units) + _CN_SECTIONS[index]
        pending_zero = False
    if not legal and out.startswith(digits[1] + units[1]):  # 十一, not 一十一
        out = out[1:]
    return out


def _four_digits(n: int, digits: str, units: tuple[str, ...]) -> str:
    out = ""
    zero = False
    for pos in (3, 2, 1, 0):
        d = n // 10**pos % 10
        if d == 0:
            zero = bool(out)
        else:
            out += (digits[0] if zero else "") + digits[d] + units[pos]
            zero = False
    return out


def format_yuan(value: Decimal | int) -> str:
    """An amount the way a legal text writes it: 20 → 二十元, 15000 → 一万五千元, 10**8 → 一亿元.

    Non-integral amounts are written in Arabic digits (1.5 → 1.5元).
    """
    value = Decimal(value)
    if value < 0:
        raise ValueError(f"negative amount: {value}")
    if value != value.to_integral_value():
        return f"{value.normalize():f}元"
    n = int(value)
    if n == 0:
        return "零元"
    return f"{to_chinese(n)}元" if n < 10**12 else f"{n}元"


def provision(article: int | None, paragraph: int | None = None, item: int | None = None, *,
              suffix: int | None = None, article_to: int | None = None) -> str:
    """How a provision is written: 第十六条, 第十条之一, 第七条至第九条, 第二条第三款第（四）项."""
    text = ""
    if article:
        text = f"第{to_chinese(article)}条"
        if suffix:
            text += f"之{to_chinese(suffix)}"
        if article_to:
            text += f"至第{to_chinese(article_to)}条"
    if paragraph:
        text += f"第{to_chinese(paragraph)}款"
    if item:
        text += f"第（{to_chinese(item)}）项"
    return text
