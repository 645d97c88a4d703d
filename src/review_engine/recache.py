"""Compiled regular expressions kept between runs: a one-draft check should not compile 700 patterns again.

The engine's own modules and its built-in rules hold some 700 regular expressions for Python ``re``. Compiling
them (parsing the pattern, optimising, emitting the matcher's code) is pure Python and costs more than a whole
one-draft review; the result is a short list of integers that never changes for a given pattern, flags and
Python version. ``install()`` (called by the command line, not on library import) lays a cache under ``re``:
a pattern compiled before is rebuilt from its stored code by ``_sre.compile`` (the C constructor ``re`` itself
ends with, which validates the code), a new one is compiled as ``re`` does and its code recorded; ``save()``
writes what was new to ``resources.cache_dir()``, atomically. The file is keyed by the Python version and the
matcher's ``MAGIC`` number, so another interpreter never reads it.

A pattern compiled here also searches faster where ``re`` cannot skip ahead by itself: ``re`` skips to a
candidate position in C only when a pattern begins with a literal or with a plain alternation of literals;
one that begins with an optional group (``(?:国家)?工商…``), a group of alternatives with groups inside or a
lookbehind is tried at every position of the text, each of its alternatives in turn. ``first_chars`` works
out the set of characters every match of such a pattern must begin with (lookarounds and anchors, which
consume nothing, are passed over) and the code is given that set as its optimisation info (the block
``re`` itself writes for ``[ab]c|de``), so the matcher tries only the positions holding one of them: the
same matches, found four to ten times faster for the rules' long trigger alternations. Nothing is given
when the set cannot be known exactly enough (a class with ``^``, ``.``, case-insensitive matching, a
backreference, a pattern that may match nothing).

The set of first characters is still loose for the long trigger alternations: 不, 一, 应, 作… begin one of
their alternatives and a quarter of any text, and at each such position the matcher tried the alternatives
one after the other. ``with_heads`` leads such a pattern with a lookahead on its first two or three
characters (``heads``: one set of characters per place, ``(?=[不应][予得当][^…]…)``), implied by every match,
so the matches are the same and most positions are given up after a few set lookups (the rules' trigger
searches over the corpus a third faster). (Sharing one pass between the rules instead — a search for every
rule's heads at once, each rule trying its own pattern only where its heads are — was measured slower: the
heads of the rules together begin at half the positions of a text, each then handled in Python.)

This relies on two private parts of CPython (``re._compiler`` and ``_sre.compile``, the same in 3.11–3.13):
``install()`` checks them on a probe pattern first and does nothing when they differ; any failure to read or
use the cache falls back to ``re``'s own compilation. Patterns of rule packs (RE2, ``regex``) are not affected.

Longer than 450 lines because the two readings of a pattern's start (``first_chars``, ``heads``) make the code
the cache records, and are kept beside it.
"""

from __future__ import annotations

import sys

_MAX_ENTRIES = 3000
"""Above this many patterns the file keeps only those the saving process used (a test session or a rule pack
compiles thousands once). The command line uses some 1,000 patterns for a one-draft check and 1,800 for a
review of many documents or an audit: below this number each keeps the others' (at 1,500, a check left 1,000
and the next review of the corpus compiled 760 again, half a second)."""
_CODE = "I"  # SRE_CODE: 32 bits
_TABLE: dict | None = None
_NEW: dict = {}
_USED: set = set()
_ORIGINAL = None
_PATH = None


def _cache_file():
    from .resources import cache_dir

    import _sre

    folder = cache_dir()
    if folder is None:
        return None
    tag = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{sys.hexversion:x}"
    return folder / f"regex-{_FORMAT}-{tag}.marshal"


_FORMAT = "f4"
"""The code's format: f3 holds the first-character sets (``first_chars``) and the tests of the first characters
(``with_heads``); f4 the same code laid out to be read in part (``_read``); a file of another format is not read."""
_BLOB = None
"""The file's codes (``mmap``), read where a pattern is first compiled: its index gives each pattern's place."""


def _build(pattern: str, flags: int):
    """(final flags, code, groups, groupindex, indexgroup) of ``pattern``, computed as ``re._compiler`` does,
    with the set of first characters as optimisation info where ``re`` gives none (``with_first_chars``)."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = (flags | parsed.state.flags, _pack(code), parsed.state.groups - 1, groupindex, tuple(indexgroup))
    for faster in (with_heads(parsed, flags, code), with_first_chars(parsed, flags, code)):
        if faster is None:
            continue
        candidate = (entry[0], _pack(faster), *entry[2:])
        try:
            _rebuild(pattern, candidate)  # the matcher validates the code: a rejected one is not used
            return candidate
        except Exception:
            pass
    return entry


def with_first_chars(parsed, flags: int, code: list) -> list | None:
    """``code`` (``re._compiler._code`` of the ``parsed`` pattern) with the set of characters every match
    begins with as its optimisation info, or None when ``re`` has given a literal prefix or a set itself, or
    the set is not known (``first_chars``)."""
    from re import _compiler
    from re._compiler import MAXCODE
    from re._constants import INFO, SRE_INFO_CHARSET, SRE_INFO_PREFIX

    try:
        flags = parsed.state.flags | flags
        if code[0] != INFO or code[2] & (SRE_INFO_PREFIX | SRE_INFO_CHARSET):
            return None
        lo, hi = parsed.getwidth()
        charset = first_chars(parsed, flags) if lo > 0 else None
        if not charset:
            return None
        charset, hascased = _compiler._optimize_charset(charset)
        if hascased:
            return None
        info = [INFO, 0, SRE_INFO_CHARSET, min(lo, MAXCODE), min(hi, MAXCODE)]
        _compiler._compile_charset(charset, flags, info)
        info[1] = len(info) - 1
        return info + code[code[1] + 1:]
    except Exception:  # a construct this reading does not know: the code as re made it
        return None


def with_heads(parsed, flags: int, code: list) -> list | None:
    """The code of the ``parsed`` pattern led by a test of its first two or three characters (``heads``), with
    the set of first characters as optimisation info; None when ``re`` has a literal prefix (its own fast
    search), the pattern is anchored at its start, its matches begin with fewer than ``_MIN_FIRST`` characters
    (a short alternation, tried fast enough) or the heads tell no more than the first characters.

    The test is a lookahead, ``(?=[ab][cd]|[ef][gh][ij])``: for each length of the heads, the characters each
    of them may have at each place. Every match begins with one of the heads, so the lookahead holds wherever
    the pattern matches and the matches are the same; at the many positions where the first character fits
    and the next ones do not, the matcher answers after a few set lookups instead of trying every alternative
    of a long trigger alternation in turn (the longest of the rules' triggers searched two to three times
    faster)."""
    from re import _compiler
    from re._constants import ASSERT, AT, INFO, SRE_INFO_LITERAL, SRE_INFO_PREFIX
    from re._parser import SubPattern

    try:
        if code[0] != INFO or code[2] & (SRE_INFO_PREFIX | SRE_INFO_LITERAL):
            return None
        if parsed.data and parsed.data[0][0] is AT:  # ^…: re tries it where the anchor holds only
            return None
        first = first_chars(parsed, flags)
        if first is None or len(set(first)) < _MIN_FIRST:  # a few alternatives: re goes through them fast enough
            return None
        found = heads(parsed, flags)
        if found is None or all(len(head) == 1 for head in found):
            return None
        test = (ASSERT, (1, _guard(parsed.state, found)))
        code_of_test: list = []
        _compiler._compile(code_of_test, [test], flags | parsed.state.flags)
        # the matcher's code is relative (each item jumps by offsets): the test's code put before the pattern's
        # own, without its optimisation info, is the code of the pattern led by the test, as re would write it
        led = [INFO, 4, 0, 0, 0, *code_of_test, *code[code[1] + 1:]]
        return with_first_chars(SubPattern(parsed.state, [test, *parsed.data]), flags, led)  # (no set: no test)
    except Exception:  # a construct this reading does not know: the code as re made it
        return None


def _guard(state, found: frozenset[str]):
    """A pattern matching where one of the strings ``found`` begins (and at some more places): per length of
    the strings, one set of characters per place."""
    from re._constants import BRANCH, IN, LITERAL
    from re._parser import SubPattern

    by_length: dict[int, list[str]] = {}
    for head in found:
        by_length.setdefault(len(head), []).append(head)
    alternatives = []
    for length in sorted(by_length):
        places = [sorted({ord(head[i]) for head in by_length[length]}) for i in range(length)]
        alternatives.append(SubPattern(state, [(LITERAL, chars[0]) if len(chars) == 1
                                               else (IN, [(LITERAL, c) for c in chars]) for chars in places]))
    if len(alternatives) == 1:
        return alternatives[0]
    return SubPattern(state, [(BRANCH, (None, alternatives))])


_MIN_FIRST = 24
"""A pattern whose matches begin with fewer characters than this is not given the test (reading its heads and
compiling the test, at the first run, would cost more than the test saves)."""
_HEAD_LENGTHS = (3, 2)
_MAX_HEADS = 1024
_MAX_CLASS = 32
"""A class of more characters than this (``[一-龥]``) ends the heads where it stands."""


def heads(parsed, flags: int = 0) -> frozenset[str] | None:
    """Strings, one of which begins every match of the ``parsed`` pattern: its first three characters (or two,
    when there would be more than ``_MAX_HEADS`` strings of three), or fewer where the pattern ends or where
    what follows is not a small set of characters (``.``, ``[^。]``, ``\\d``, a large class, a backreference):
    there the string stops, and any text may follow it. None when that is not known (case-insensitive
    matching) or a match may begin with anything (or nothing).

    Zero-width items (anchors, lookahead, lookbehind) are passed over, but a lookahead that ends a sequence
    (``收取(?=…费)``) is read as what follows it: a string may hold more than the pattern accepts (the set is
    a filter, never a substitute for the match), never less."""
    from re._constants import SRE_FLAG_DEBUG, SRE_FLAG_IGNORECASE, SRE_FLAG_LOCALE

    if (parsed.state.flags | flags) & (SRE_FLAG_IGNORECASE | SRE_FLAG_LOCALE | SRE_FLAG_DEBUG):
        return None
    for depth in _HEAD_LENGTHS:
        done: set[str] = set()
        try:
            done |= _heads(parsed.data, {""}, done, depth)
        except _Unknown:  # too many strings: shorter ones
            continue
        if "" in done:
            return None
        return frozenset(s for s in done if not any(s[:i] in done for i in range(1, len(s))))
    return None


def _heads(items, open_: set[str], done: set[str], depth: int) -> set[str]:
    """The strings of ``open_`` (shorter than ``depth``) extended by what the sequence ``items`` may match first;
    a string that reaches ``depth``, or that an item of unknown characters follows, goes to ``done``. Returns
    the strings still open after the sequence. Raises ``_Unknown`` when there would be too many."""
    from re._constants import (ASSERT, ASSERT_NOT, AT, ATOMIC_GROUP, BRANCH, IN, LITERAL, MAX_REPEAT, MAXREPEAT,
                               MIN_REPEAT, POSSESSIVE_REPEAT, SUBPATTERN)

    last = len(items) - 1
    for at, (op, av) in enumerate(items):
        if not open_:
            break
        if op is ASSERT and av[0] == 1 and at == last:  # a lookahead that ends the sequence: what it reads
            looked = _heads(av[1].data, set(open_), done, depth)  # follows the strings (and nothing is read after)
            done |= looked
            return set()
        if op is LITERAL or op is IN:
            chars = [chr(av)] if op is LITERAL else _class_chars(av)
            if chars is None:
                done |= open_
                return set()
            grown = set()
            for head in open_:
                for char in chars:
                    (done if len(head) + 1 >= depth else grown).add(head + char)
            open_ = grown
        elif op is SUBPATTERN or op is ATOMIC_GROUP:
            if op is SUBPATTERN and (av[1] or av[2]):  # (?i:…), (?s:…): matched otherwise than read here
                done |= open_
                return set()
            open_ = _heads((av[3] if op is SUBPATTERN else av).data, open_, done, depth)
        elif op is BRANCH:
            grown = set()
            for alternative in av[1]:
                grown |= _heads(alternative.data, set(open_), done, depth)
            open_ = grown
        elif op is MAX_REPEAT or op is MIN_REPEAT or op is POSSESSIVE_REPEAT:
            low, high, sub = av
            for _ in range(min(low, depth)):  # what every match repeats
                open_ = _heads(sub.data, open_, done, depth)
            optional = depth if high is MAXREPEAT else min(high - low, depth)
            reached = set(open_)
            for _ in range(optional):  # each further repetition may be there or not
                open_ = _heads(sub.data, open_, done, depth)
                reached |= open_
            open_ = reached
        elif op is AT or op is ASSERT or op is ASSERT_NOT:
            continue  # consumes nothing
        else:  # any character, a negated literal, a backreference, a conditional group
            done |= open_
            return set()
        if len(open_) + len(done) > _MAX_HEADS:
            raise _Unknown
    return open_


def _class_chars(items) -> list[str] | None:
    """The characters of a class (``[停中]``, ``[0-9]``), or None when it holds many, a category or a negation."""
    from re._constants import LITERAL, RANGE

    chars = []
    for op, av in items:
        if op is LITERAL:
            chars.append(chr(av))
        elif op is RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return chars if len(chars) <= _MAX_CLASS else None


class _Unknown(Exception):
    pass


def first_chars(parsed, flags: int = 0) -> list | None:
    """The characters (as ``re``'s set items: literals, ranges, categories) one of which begins every match of
    the ``parsed`` pattern; None when that is not known or the pattern may match the empty string.

    A superset is always safe (only the positions holding one of them are tried), so zero-width items
    (anchors, lookahead and lookbehind) are passed over, and an optional item adds its characters and lets
    the next item add its own."""
    from re._constants import SRE_FLAG_DEBUG, SRE_FLAG_IGNORECASE, SRE_FLAG_LOCALE

    if flags & (SRE_FLAG_IGNORECASE | SRE_FLAG_LOCALE | SRE_FLAG_DEBUG):
        return None
    out: list = []
    try:
        if _first(parsed.data, out):
            return None
    except _Unknown:
        return None
    return out


def _first(items, out: list) -> bool:
    """Add to ``out`` the characters a match of the sequence ``items`` may begin with; True when the sequence
    may match the empty string (the item after it may then begin the match). Raises ``_Unknown``."""
    from re._constants import (ASSERT, ASSERT_NOT, AT, ATOMIC_GROUP, BRANCH, IN, LITERAL, MAX_REPEAT,
                               MIN_REPEAT, NEGATE, POSSESSIVE_REPEAT, SUBPATTERN)

    for op, av in items:
        if op is LITERAL:
            out.append((LITERAL, av))
            return False
        if op is IN:
            if any(item is NEGATE for item, _ in av):
                raise _Unknown
            out.extend(av)
            return False
        if op is SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:  # (?i:…), (?a:…): matched otherwise than the set would be
                raise _Unknown
            if not _first(sub.data, out):
                return False
        elif op is ATOMIC_GROUP:
            if not _first(av.data, out):
                return False
        elif op is BRANCH:
            empty = False
            for alternative in av[1]:
                empty = _first(alternative.data, out) or empty
            if not empty:
                return False
        elif op is MAX_REPEAT or op is MIN_REPEAT or op is POSSESSIVE_REPEAT:
            low, high, sub = av
            if high == 0:
                continue
            empty = _first(sub.data, out)
            if low > 0 and not empty:
                return False
        elif op is AT or op is ASSERT or op is ASSERT_NOT:
            continue  # consumes nothing: the next item begins the match
        else:  # any character, a negated literal, a backreference, a conditional group
            raise _Unknown
    return True


def _pack(code) -> bytes:
    """The matcher's code as bytes: loading 700 patterns' integers one object each costs more than compiling."""
    from array import array

    return array(_CODE, code).tobytes()


def _rebuild(pattern: str, entry):
    from array import array

    import _sre

    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, array(_CODE, code).tolist(), groups, groupindex, indexgroup)


def _compile(p, flags=0):
    if type(p) is not str or flags & 128:  # bytes, parsed patterns and re.DEBUG go the usual way
        return _ORIGINAL(p, flags)
    key = (p, flags)
    entry = _TABLE.get(key)
    if entry is not None:
        try:
            if len(entry) == 6:  # as the file indexes it: its code read now
                entry = _TABLE[key] = _entry(entry)
            compiled = _rebuild(p, entry)
            _USED.add(key)
            return compiled
        except Exception:  # a damaged entry: compile afresh
            _TABLE.pop(key, None)
    if _from_tokenize():
        return _ORIGINAL(p, flags)
    entry = _build(p, flags)
    compiled = _rebuild(p, entry)
    _TABLE[key] = _NEW[key] = entry
    _USED.add(key)
    return compiled


def _from_tokenize() -> bool:
    """Whether the pattern being compiled (for the first time) is the standard ``tokenize``'s: pydantic reads the
    signature of ``list`` and ``dict`` (its models' ``default_factory``) by tokenizing their text signature, and
    tokenize's pattern is built from a set, its text different in every process. Kept, it would be new in every
    run, and the whole file written again at every exit; it is left to ``re``. (Looked up on a new pattern only.)"""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_globals.get("__name__") == "tokenize":
            return True
        frame = frame.f_back
    return False


def install() -> bool:
    """Lay the cache under ``re`` (once per process); False when this Python's ``re`` is not the one expected
    or there is no cache folder."""
    global _TABLE, _ORIGINAL, _PATH
    if _ORIGINAL is not None:
        return True
    try:
        import re
        from re import _compiler

        import _sre

        probe = r"(?P<a>x+)(?:y|z)\d{2,3}"
        if _rebuild(probe, _build(probe, 0)).groupindex != re.compile(probe).groupindex:
            return False
        path = _cache_file()
        if path is None:
            return False
        table = _read(path)
    except Exception:
        return False
    _TABLE, _PATH = table, path
    _ORIGINAL = _compiler.compile
    _compiler.compile = _compile
    return True


def save() -> None:
    """Write the patterns compiled for the first time in this process (keeping those known before, unless the
    file would hold more than ``_MAX_ENTRIES``: then only what this process used). Silent on a read-only cache."""
    global _NEW
    if _PATH is None or (not _NEW and (len(_TABLE) <= _MAX_ENTRIES or _USED.issuperset(_TABLE))):
        return  # (nothing new, nothing to drop: the file is not written again)
    import marshal

    table = _TABLE if len(_TABLE) <= _MAX_ENTRIES else {k: _TABLE[k] for k in _USED if k in _TABLE}
    from .resources import write_cache

    index, codes, offset = {}, [], 0
    try:
        for key, entry in table.items():
            flags, code, groups, groupindex, indexgroup = entry if len(entry) == 5 else _entry(entry)
            index[key] = (flags, offset, len(code), groups, groupindex, indexgroup)
            codes.append(code)
            offset += len(code)
        head = marshal.dumps(index)
        write_cache(_PATH, b"".join([len(head).to_bytes(8, "little"), head, *codes]))
    except (ValueError, OSError):
        pass
    _NEW = {}


def _read(path) -> dict:
    """The patterns of the file at ``path`` (empty when it cannot be read): pattern and flags → (flags, offset,
    length, groups, groupindex, indexgroup) of its code. The file is an index (marshal), then every pattern's code
    one after the other; the index is read, the codes are mapped (``mmap``) and each is read when its pattern is
    first compiled (``_entry``): a check compiles a third of the 3,000 patterns kept, and reading and decoding the
    whole 7 MB file cost it 12 ms."""
    global _BLOB
    import marshal
    import mmap

    try:
        with open(path, "rb") as fh:
            size = int.from_bytes(fh.read(8), "little")
            table = marshal.loads(fh.read(size))
            if not isinstance(table, dict):
                return {}
            _BLOB = (mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ), 8 + size)
    except (OSError, EOFError, ValueError, TypeError, OverflowError):
        return {}
    return table


def _entry(indexed: tuple) -> tuple:
    """(flags, code, groups, groupindex, indexgroup) of a pattern as the file indexes it (``_read``)."""
    flags, offset, length, groups, groupindex, indexgroup = indexed
    blob, base = _BLOB
    code = blob[base + offset:base + offset + length]
    if len(code) != length:
        raise ValueError("the pattern file is shorter than its index")
    return flags, code, groups, groupindex, indexgroup


class Lazy:
    """``re.compile(pattern, flags)``, done when the pattern is first used (a module's patterns then cost nothing
    at import; ``facts/amounts.py``). After that its methods are the compiled pattern's own (bound in the
    instance), so a lazy pattern is as fast as a compiled one."""

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        import re

        compiled = re.compile(self.__dict__["pattern"], self.__dict__["flags"])
        for method in self._METHODS:
            self.__dict__[method] = getattr(compiled, method)
        self.__dict__["groupindex"] = compiled.groupindex
        self.__dict__["groups"] = compiled.groups
        return getattr(compiled, name)


def uninstall() -> None:
    """Give ``re`` its own compiler back (tests)."""
    global _ORIGINAL, _TABLE, _PATH, _BLOB
    if _ORIGINAL is not None:
        from re import _compiler

        _compiler.compile = _ORIGINAL
    _ORIGINAL = _TABLE = _PATH = None
    _BLOB = None
    _NEW.clear()
    _USED.clear()
