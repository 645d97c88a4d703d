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

This relies on two private parts of CPython (``re._compiler`` and ``_sre.compile``, the same in 3.11–3.13):
``install()`` checks them on a probe pattern first and does nothing when they differ; any failure to read or
use the cache falls back to ``re``'s own compilation. Patterns of rule packs (RE2, ``regex``) are not affected.
"""

from __future__ import annotations

import sys

_MAX_ENTRIES = 1500
"""Above this many patterns the file keeps only those the saving process used (a test session or a rule pack
compiles thousands once; the command line uses some 700 every run)."""
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


_FORMAT = "f2"
"""The code's format: f2 holds the first-character sets (``first_chars``); a file of another format is not read."""


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
    faster = with_first_chars(parsed, flags, code)
    if faster is not None:
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
        import marshal
        import re
        from re import _compiler

        import _sre

        probe = r"(?P<a>x+)(?:y|z)\d{2,3}"
        if _rebuild(probe, _build(probe, 0)).groupindex != re.compile(probe).groupindex:
            return False
        path = _cache_file()
        if path is None:
            return False
        try:
            with open(path, "rb") as fh:  # read whole, then decoded: marshal.load reads a file piece by piece,
                table = marshal.loads(fh.read())  # twice as slow for the 2 MB of a thousand patterns
            if not isinstance(table, dict):
                table = {}
        except (OSError, EOFError, ValueError, TypeError):
            table = {}
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
    if _PATH is None or (not _NEW and len(_TABLE) <= _MAX_ENTRIES):
        return
    import marshal

    table = _TABLE if len(_TABLE) <= _MAX_ENTRIES else {k: _TABLE[k] for k in _USED if k in _TABLE}
    from .resources import write_cache

    try:
        write_cache(_PATH, marshal.dumps(table))
    except ValueError:
        pass
    _NEW = {}


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
    global _ORIGINAL, _TABLE, _PATH
    if _ORIGINAL is not None:
        from re import _compiler

        _compiler.compile = _ORIGINAL
    _ORIGINAL = _TABLE = _PATH = None
    _NEW.clear()
    _USED.clear()
