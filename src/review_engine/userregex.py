"""Regular expressions from rule packs: linear time where it can be had, a deadline where it cannot.

Which rule runs on which engine (docs/guide.md, "Regular expressions"):

* **Built-in rules** (the ``rules/`` folder shipped with the tool, reviewed with it): Python ``re``, as ever —
  their lookarounds need it, and their speed is what the benchmarks measure.
* **A rule pack given with ``--rules``** (another office's rules: input like any other): each pattern must first
  be a valid Python ``re`` pattern (the syntax the guide documents; a bad one is a load error naming the rule and
  line). It then runs on **RE2** (google-re2), whose time is linear in the text whatever the pattern
  (``(a+)+$`` on 10,000 characters takes microseconds), after rewriting what RE2 spells differently so that it
  matches what ``re`` matches: ``\\d``, ``\\w``, ``\\s`` and their negations as the Unicode classes ``re`` uses,
  ``\\Z``, ``{,n}``, ``\\uXXXX``. A pattern RE2 cannot run (lookarounds, backreferences, ``\\b``, atomic groups,
  possessive quantifiers, verbose mode, …) runs on **regex** (mrab-regex, ``re``'s syntax and semantics), a
  backtracking engine that, unlike ``re``, can be stopped: each call gets the time left of its rule's budget
  (``deadline``: ``BUDGET_SECONDS`` per rule and draft) and Ctrl-C interrupts it. A rule that runs out of time
  raises ``RegexTimeout``; the engine lists it as a check that could not run, and the other rules go on.
* A pattern that is not written in a rule but read from data (a condition ``matches(x, profile.some_pattern)``)
  is treated as coming from a rule pack.

``compile(pattern)`` picks the engine by the context the rule loader sets (``trusting``); the objects it returns
offer what the check kinds use of ``re.Pattern``: ``search``, ``match``, ``fullmatch``, ``finditer``, ``sub``,
``groupindex``, ``groups``, ``pattern``, with positions in characters.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_right
from contextlib import contextmanager

BUDGET_SECONDS = 2.0
"""Backtracking time a rule of a rule pack may spend on one draft (RE2 patterns are not counted: they are linear)."""

_TRUSTED = True
_DEADLINE: float | None = None


class RegexTimeout(Exception):
    """A rule pack's pattern ran out of its time budget (message in Chinese, naming the pattern)."""

    def __init__(self, pattern: str, seconds: float = BUDGET_SECONDS):
        shown = pattern if len(pattern) <= 60 else pattern[:57] + "…"
        super().__init__(f"正则表达式 {shown} 运行超过 {seconds:g} 秒（需要回溯的写法），本规则未能完成检查；"
                         "请改写为不需要回溯的写法（不用前后查找、反向引用和嵌套的重复）")
        self.pattern = pattern


@contextmanager
def trusting(trusted: bool):
    """Patterns compiled inside are built-in (``True``: Python ``re``) or from a rule pack (``False``)."""
    global _TRUSTED
    previous, _TRUSTED = _TRUSTED, trusted
    try:
        yield
    finally:
        _TRUSTED = previous


def is_trusted() -> bool:
    return _TRUSTED


class deadline:  # noqa: N801 (used as ``with deadline():``, once per rule and draft: a class costs less)
    """Backtracking patterns of rule packs used inside share ``seconds`` (one rule on one draft)."""

    __slots__ = ("seconds", "previous")

    def __init__(self, seconds: float = BUDGET_SECONDS):
        self.seconds = seconds

    def __enter__(self) -> None:
        global _DEADLINE
        self.previous, _DEADLINE = _DEADLINE, time.monotonic() + self.seconds

    def __exit__(self, *exc) -> None:
        global _DEADLINE
        _DEADLINE = self.previous


def compile(pattern: str, trusted: bool | None = None):
    """``re.compile(pattern)`` for built-in rules; for a rule pack an RE2 pattern, else a budgeted ``regex`` one.

    Raises ``re.error`` when ``pattern`` is not a valid Python regular expression, in either case."""
    if _TRUSTED if trusted is None else trusted:
        return re.compile(pattern)
    compiled = re.compile(pattern)  # the documented syntax: a bad pattern is reported as ``re`` reports it
    translated = to_re2(pattern)
    if translated is not None:
        linear = _re2_compile(translated)
        if linear is not None:
            return Re2Pattern(pattern, linear, compiled.groupindex, compiled.groups)
    return Budgeted(pattern)


def engine_of(compiled) -> str:
    """``re``, ``re2`` or ``regex``: which engine runs a compiled pattern (for the guide and the tests)."""
    if hasattr(compiled, "trusted"):  # a pattern compiled when first used (kinds.regex.LazyPattern)
        compiled.groups
        compiled = compiled._compiled
    return {Re2Pattern: "re2", Budgeted: "regex"}.get(type(compiled), "re")


# ---- RE2 ----------------------------------------------------------------------------------------------------

# Python's \s for str patterns: the characters str.isspace() accepts (a test checks the list against it).
SPACE_CLASS = r"\t-\r\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
_IN_CLASS = {"d": r"\p{Nd}", "D": r"\P{Nd}", "w": r"\p{L}\p{N}_", "s": SPACE_CLASS, "b": r"\x08"}
_OUTSIDE = {"d": r"\p{Nd}", "D": r"\P{Nd}", "w": r"[\p{L}\p{N}_]", "W": r"[^\p{L}\p{N}_]",
            "s": f"[{SPACE_CLASS}]", "S": f"[^{SPACE_CLASS}]", "Z": r"\z", "A": r"\A"}
_FLAGS = re.compile(r"\(\?([a-zA-Z]+)[:)]")


def to_re2(pattern: str) -> str | None:
    """``pattern`` (Python syntax) as RE2 writes the same thing, or None where RE2 has no equivalent
    (``\\b``, backreferences, ``\\N{…}``, verbose or ASCII mode, ``\\W``/``\\S`` inside a class …)."""
    if any(set(flags) & set("xaLu") for flags in _FLAGS.findall(pattern)):
        return None
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    class_start = -1
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt.isdigit() and nxt != "0":
                return None  # a backreference (\1) in re, an octal escape in RE2
            if nxt in "uU":
                width = 4 if nxt == "u" else 8
                out.append(r"\x{" + pattern[i + 2:i + 2 + width] + "}")
                i += 2 + width
                continue
            if nxt in "NgbB" and not (nxt == "b" and in_class):
                return None
            table = _IN_CLASS if in_class else _OUTSIDE
            if nxt in table:
                out.append(table[nxt])
            elif in_class and nxt in "WS":
                return None
            elif not nxt.isascii():
                out.append(nxt)  # an escaped non-ASCII character is the character itself
            else:
                out.append(ch + nxt)
            i += 2
            continue
        if in_class:
            if ch == "]" and i > class_start:
                in_class = False
                out.append(ch)
            elif ch == "[" or (ch == "]" and i == class_start):
                out.append("\\" + ch)  # literal in re; RE2 reads [: as a POSIX class
            else:
                out.append(ch)
            i += 1
            continue
        if ch == "[":
            in_class = True
            class_start = i + 1 + (pattern[i + 1:i + 2] == "^")
            out.append(pattern[i:class_start])
            i = class_start
            continue
        if ch == "{" and pattern[i + 1:i + 2] == "," and re.match(r"\{,\d+\}", pattern[i:]):
            out.append("{0")  # re reads {,n} as {0,n}; RE2 as the literal text
            i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _re2_compile(translated: str):
    try:
        import re2
    except ImportError:  # pragma: no cover - a dependency; without it every rule-pack pattern is budgeted
        return None
    options = re2.Options()
    options.log_errors = False
    options.max_mem = 64 << 20
    try:
        return re2.compile(translated, options)
    except re2.error:
        return None


class _Encoded:
    """A text as UTF-8 for RE2, with character ↔ byte offsets (checkpoints every ``STEP`` characters)."""

    STEP = 64
    __slots__ = ("text", "data", "ascii", "bytes_at")

    def __init__(self, text: str):
        self.text = text
        try:
            self.data = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: one byte for it keeps the offsets
            self.data = text.encode("utf-8", "replace")
        self.ascii = len(self.data) == len(text)
        self.bytes_at: list[int] = []
        if not self.ascii:
            total, marks = 0, [0]
            step = self.STEP
            for start in range(0, len(text), step):
                total += len(text[start:start + step].encode("utf-8", "replace"))
                marks.append(total)
            self.bytes_at = marks

    def to_byte(self, char: int) -> int:
        if self.ascii:
            return char
        block, rest = divmod(char, self.STEP)
        start = block * self.STEP
        return self.bytes_at[block] + len(self.text[start:start + rest].encode("utf-8", "replace"))

    def to_char(self, byte: int) -> int:
        if self.ascii or byte < 0:
            return byte
        block = min(bisect_right(self.bytes_at, byte), len(self.bytes_at) - 1) - 1  # the last mark ends a block
        return block * self.STEP + len(self.data[self.bytes_at[block]:byte].decode("utf-8", "replace"))


_CACHE: list[_Encoded] = []


def _encoded(text: str) -> _Encoded:
    """The encoding of ``text``, kept for the last few long texts (the document a rule scans again and again)."""
    if len(text) < 512:
        return _Encoded(text)
    for entry in _CACHE:
        if entry.text is text:
            return entry
    entry = _Encoded(text)
    _CACHE.insert(0, entry)
    del _CACHE[4:]
    return entry


class Re2Match:
    """What the check kinds read of ``re.Match``, with character positions."""

    __slots__ = ("string", "re", "_spans", "pos", "endpos")

    def __init__(self, pattern: Re2Pattern, string: str, spans: list[tuple[int, int]], pos: int, endpos: int):
        self.string, self.re, self._spans, self.pos, self.endpos = string, pattern, spans, pos, endpos

    def _index(self, group) -> int:
        if isinstance(group, str):
            return self.re.groupindex[group]
        if not 0 <= group < len(self._spans):
            raise IndexError("no such group")
        return group

    def span(self, group=0) -> tuple[int, int]:
        return self._spans[self._index(group)]

    def start(self, group=0) -> int:
        return self.span(group)[0]

    def end(self, group=0) -> int:
        return self.span(group)[1]

    def group(self, *groups):
        values = [self[g] for g in (groups or (0,))]
        return values[0] if len(values) == 1 else tuple(values)

    def __getitem__(self, group):
        start, end = self.span(group)
        return None if start < 0 else self.string[start:end]

    def groups(self, default=None) -> tuple:
        return tuple(default if self[i] is None else self[i] for i in range(1, len(self._spans)))

    def groupdict(self, default=None) -> dict:
        return {name: default if self[i] is None else self[i] for name, i in self.re.groupindex.items()}

    def __repr__(self) -> str:
        return f"<Re2Match span={self.span()} match={self.group()!r}>"


class Re2Pattern:
    """A rule pack's pattern on RE2: linear time; ``pos``/``endpos`` as ``re`` reads them."""

    __slots__ = ("pattern", "groupindex", "groups", "_re2", "_fallback")

    def __init__(self, pattern: str, compiled, groupindex, groups: int):
        self.pattern, self.groupindex, self.groups, self._re2 = pattern, dict(groupindex), groups, compiled
        self._fallback = None

    def _run(self, anchor: str, text: str, pos: int, endpos: int | None):
        import re2

        n = len(text)
        pos = min(max(pos, 0), n)
        endpos = n if endpos is None else min(max(endpos, 0), n)
        if pos > endpos:  # (re itself answers this case one way or another, depending on the pattern)
            return
        encoded = _encoded(text)
        view = memoryview(encoded.data)[:encoded.to_byte(endpos)]  # endpos is the end of the text, as in re
        at, end = encoded.to_byte(pos), len(view)
        regexp = self._re2._regexp
        mode = getattr(re2._Anchor, anchor)
        while True:
            spans = regexp.Match(mode, view, at, end)
            if spans[0][0] < 0:
                return
            yield Re2Match(self, text, [(encoded.to_char(s), encoded.to_char(e)) for s, e in spans], pos, endpos)
            if anchor != "UNANCHORED" or spans[0][1] >= end:
                return
            if spans[0][1] == spans[0][0]:  # an empty match: step over one character
                at = encoded.to_byte(encoded.to_char(spans[0][1]) + 1)
            else:
                at = spans[0][1]

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return next(self._run("UNANCHORED", text, pos, endpos), None)

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        return next(self._run("ANCHOR_START", text, pos, endpos), None)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None):
        return next(self._run("ANCHOR_BOTH", text, pos, endpos), None)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        return self._run("UNANCHORED", text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> list:
        found = []
        for m in self.finditer(text, pos, endpos):
            found.append(m.group() if self.groups == 0 else m.group(1) if self.groups == 1 else m.groups(""))
        return found

    def sub(self, repl, string: str, count: int = 0) -> str:
        """Substitution (Python's replacement syntax) by the budgeted engine, on the short words it is used for."""
        if self._fallback is None:
            self._fallback = Budgeted(self.pattern)
        return self._fallback.sub(repl, string, count)

    def __repr__(self) -> str:
        return f"Re2Pattern({self.pattern!r})"


# ---- regex, with a deadline ---------------------------------------------------------------------------------------

def _remaining(pattern: str) -> float:
    if _DEADLINE is None:
        return BUDGET_SECONDS
    left = _DEADLINE - time.monotonic()
    if left <= 0:
        raise RegexTimeout(pattern)
    return left


class Budgeted:
    """A rule pack's pattern RE2 cannot run, on ``regex`` with the time left of its rule's budget."""

    __slots__ = ("pattern", "_compiled", "groupindex", "groups")

    def __init__(self, pattern: str):
        import regex

        self.pattern = pattern
        self._compiled = regex.compile(pattern, regex.VERSION0)
        self.groupindex, self.groups = dict(self._compiled.groupindex), self._compiled.groups

    def _call(self, method: str, *args, **kwargs):
        try:
            return getattr(self._compiled, method)(*args, timeout=_remaining(self.pattern), **kwargs)
        except TimeoutError:
            raise RegexTimeout(self.pattern) from None

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return self._call("search", text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        return self._call("match", text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None):
        return self._call("fullmatch", text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        while True:  # one search at a time, each within the time left
            found = self.search(text, pos, endpos)
            if found is None:
                return
            yield found
            if found.end() == found.start():
                if found.end() >= (len(text) if endpos is None else endpos):
                    return
                pos = found.end() + 1
            else:
                pos = found.end()

    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> list:
        return self._call("findall", text, pos, endpos)

    def sub(self, repl, string: str, count: int = 0) -> str:
        return self._call("sub", repl, string, count)

    def __repr__(self) -> str:
        return f"Budgeted({self.pattern!r})"
