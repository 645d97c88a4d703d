"""Chinese numerals of structural labels: 第三百八十八条 → 388, 百零五 → 105, 二〇 → 20, （十二） → 12.

Labels are on the parser's hot path and the CLI has a cold-start budget, so this small converter handles
the numerals labels use (一…九, 〇/○/零, 两, 十, 百, 千, 万 and Arabic or full-width digits). Amounts of
money (1.5万元, 壹仟贰佰元) go through ``cn2an`` in ``facts.amounts``; ``tests/test_numerals.py`` checks
this converter against ``cn2an`` for every number up to 10 000.
"""

from __future__ import annotations

from functools import lru_cache

DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
CHARS = "".join(DIGITS) + "".join(UNITS) + "万"
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


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
        high, _, low = text.partition("万")
        high_value = _below_10000(high) if high else 1
        low_value = _below_10000(low) if low else 0
        if high_value is None or low_value is None:
            return None
        return high_value * 10000 + low_value
    return _below_10000(text)


def _below_10000(text: str) -> int | None:
    if not any(ch in UNITS for ch in text):
        # Digit by digit, as in 二〇二六 (years) or 一〇五 (some tables).
        value = 0
        for ch in text:
            value = value * 10 + DIGITS[ch]
        return value
    total, digit, last_unit = 0, None, 10_000
    for ch in text:
        if ch in DIGITS:
            if digit is not None and DIGITS[ch] != 0:
                return None  # two digits in a row (五五) is not a numeral with units
            digit = DIGITS[ch] if DIGITS[ch] != 0 else None
        else:
            unit = UNITS[ch]
            if unit >= last_unit:
                return None  # units must fall: 百 after 十 is not a numeral
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
    if digit is not None:
        total += digit
    return total


@lru_cache(maxsize=2048)
def to_chinese(n: int) -> str:
    """The way labels write ``n`` (1 → 一, 10 → 十, 15 → 十五, 105 → 一百零五, 110 → 一百一十)."""
    if n < 0:
        raise ValueError(n)
    if n == 0:
        return "〇"
    names = "〇一二三四五六七八九"
    if n >= 10000:
        high, low = divmod(n, 10000)
        rest = to_chinese(low) if low else ""
        if low and low < 1000:
            rest = "零" + rest
        return to_chinese(high) + "万" + rest
    parts, zero = [], False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, unit)
        if d:
            if zero:
                parts.append("零")
                zero = False
            parts.append(names[d] + name)
        elif parts:
            zero = True
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


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
