"""Regular expressions of rules, compiled once — and, when the rule set is known good, only when used.

A rule set holds some 600 regular expressions; compiling them all costs a third of a second, most of a
one-draft run (a pre-commit hook). When the rule set's content hash has passed the self-test before
(``ruleset.loader``), every pattern was compiled and checked then, so the loader builds the kinds under
``lazy()`` and each pattern is compiled the first time a document needs it. Otherwise (a new or changed
rule set) everything is compiled at load, so a bad pattern is an error naming its rule.

The engine is chosen by ``userregex``: Python ``re`` for the built-in rules, RE2 (else a budgeted backtracking
engine) for the patterns of a rule pack; a lazy pattern keeps the choice made when its rule was loaded.
"""

from __future__ import annotations

from contextlib import contextmanager

from .. import userregex

_LAZY = False


@contextmanager
def lazy(enabled: bool = True):
    global _LAZY
    previous, _LAZY = _LAZY, enabled
    try:
        yield
    finally:
        _LAZY = previous


_BOUND = ("search", "match", "fullmatch", "finditer", "findall", "sub", "groupindex", "groups")


class LazyPattern:
    """Stands for ``userregex.compile(pattern)`` until first used. Once compiled, the compiled pattern's methods
    are kept in the instance's own slots: a rule's search loop then costs what a compiled pattern's does."""

    __slots__ = ("pattern", "trusted", "_compiled", *_BOUND)

    def __init__(self, pattern: str, trusted: bool = True):
        self.pattern = pattern
        self.trusted = trusted
        self._compiled = None

    def __reduce__(self):  # pickled uncompiled (a cached rule set compiles what it uses, as a lazy one does)
        return LazyPattern, (self.pattern, self.trusted)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = userregex.compile(self.pattern, self.trusted)
            for bound in _BOUND:
                value = getattr(compiled, bound, None)
                if value is not None:
                    setattr(self, bound, value)
        return getattr(compiled, name)


def compile(pattern: str):
    """``re.compile(pattern)`` for a built-in rule, the rule pack's engine otherwise; deferred under ``lazy()``."""
    trusted = userregex.is_trusted()
    return LazyPattern(pattern, trusted) if _LAZY else userregex.compile(pattern, trusted)


def is_trusted() -> bool:
    return userregex.is_trusted()


def is_lazy() -> bool:
    return _LAZY
