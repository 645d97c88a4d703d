"""Compiled regular expressions kept between runs: a one-draft check should not compile 700 patterns again.

The engine's own modules and its built-in rules hold some 700 regular expressions for Python ``re``. Compiling
them (parsing the pattern, optimising, emitting the matcher's code) is pure Python and costs more than a whole
one-draft review; the result is a short list of integers that never changes for a given pattern, flags and
Python version. ``install()`` (called by the command line, not on library import) lays a cache under ``re``:
a pattern compiled before is rebuilt from its stored code by ``_sre.compile`` (the C constructor ``re`` itself
ends with, which validates the code), a new one is compiled as ``re`` does and its code recorded; ``save()``
writes what was new to ``resources.cache_dir()``, atomically. The file is keyed by the Python version and the
matcher's ``MAGIC`` number, so another interpreter never reads it.

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
    return folder / f"regex-{tag}.marshal"


def _build(pattern: str, flags: int):
    """(final flags, code, groups, groupindex, indexgroup) of ``pattern``, computed as ``re._compiler`` does."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = _pack(_compiler._code(parsed, flags))
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


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
    entry = _build(p, flags)
    compiled = _rebuild(p, entry)
    _TABLE[key] = _NEW[key] = entry
    _USED.add(key)
    return compiled


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
            with open(path, "rb") as fh:
                table = marshal.load(fh)
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
