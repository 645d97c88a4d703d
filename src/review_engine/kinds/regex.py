"""Regular expressions of rules, compiled once — and, when the rule set is known good, only when used.

A rule set holds some 600 regular expressions; compiling them all costs a third of a second, most of a
one-draft run (a pre-commit hook). When the rule set's content hash has passed the self-test before
(``ruleset.loader``), every pattern was compiled and checked then, so the loader builds the kinds under
``lazy()`` and each pattern is compiled the first time a document needs it. Otherwise (a new or changed
rule set) everything is compiled at load, so a bad pattern is an error naming its rule.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

_LAZY = False


@contextmanager
def lazy(enabled: bool = True):
    global _LAZY
    previous, _LAZY = _LAZY, enabled
    try:
        yield
    finally:
        _LAZY = previous


class LazyPattern:
    """Stands for ``re.compile(pattern)`` until first used."""

    __slots__ = ("pattern", "_compiled")

    def __init__(self, pattern: str):
        self.pattern = pattern
        self._compiled = None

    def __getattr__(self, name):
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern)
        return getattr(compiled, name)


def compile(pattern: str):
    """``re.compile(pattern)``, deferred under ``lazy()``."""
    return LazyPattern(pattern) if _LAZY else re.compile(pattern)


def is_lazy() -> bool:
    return _LAZY
