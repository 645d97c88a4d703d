"""The rules' trigger searches as the command line compiles them (``recache``: with the set of first characters and
the lookahead on the first two or three, ``with_heads``) find exactly what plain ``re`` finds through
``TextIndex.scan`` — overlapping or not, with a ``skip`` set as a clause rule sets it, in narrow scopes — over a
sample of the real documents of the corpus, for every built-in rule's trigger, the document triggers
(``facts/triggers.py``) and patterns of awkward shapes (overlapping triggers, leading classes, lookbehinds)."""

from __future__ import annotations

import re

import pytest

from conftest import CORPUS
from review_engine import parse, recache
from review_engine.engine import get_rules
from review_engine.facts import triggers
from review_engine.facts.text import TextIndex

AWKWARD = [
    r"统一定价|定价|实行统一|统一",  # overlapping triggers (统一定价 inside 实行统一定价)
    r"(?:应当|须|必须)(?=(?:与|同)[^。；]{0,6}签)",  # a lookahead right after the head
    r"(?<![需只主重必想纲概])要(?=事先|每|按)|要求",  # a lookbehind first
    r"(?<=[市县])(?:人民)?政府|(?<!本)部门",
    r"[停中]止|停(?:水|电|业)",  # a leading class
    r"(?:国家)?工商(?:行政管理)?局|(?:本|该)?[市县]?市场",  # optional heads
    r"[^。；，]{0,4}(?:罚款|没收)",  # a negated class first: no heads, compiled as re compiles it
    r"(?:第)*[一二三]条|\d+元|[0-9]{2,}",
    r"应当(?!依法)[^。；]{0,4}?缴纳|收取(?=[^。；]{0,6}?费)|费(?!由)",
    r"(?P<who>单位|个人)(?:和个人)?(?:应当|不得)|(?:本|该)(?:办法|规定)",
]
SAMPLE = sorted((CORPUS / "real_docs").rglob("*.md"))[::9] if CORPUS is not None else []


def _patterns() -> list[str]:
    found: dict[str, None] = {}
    for loaded in get_rules():
        for name in ("regexes", "regex"):
            value = getattr(loaded.checker, name, None)
            if value is not None:
                for regex in value if isinstance(value, list) else [value]:
                    found.setdefault(regex.pattern, None)
    for name in dir(triggers):
        value = getattr(triggers, name)
        if isinstance(value, re.Pattern):
            found.setdefault(value.pattern, None)
    return [*found, *AWKWARD]


def _scan(index: TextIndex, regex, scopes: frozenset[str], overlapping: bool) -> list:
    skip = [0]
    out = []
    for n, (unit, found) in enumerate(index.scan(regex, scopes, overlapping=overlapping, skip=skip)):
        out.append((unit.start, found.span(), found.groups()))
        if n % 3 == 2:  # as a clause rule skips the rest of a sentence that gave a finding
            skip[0] = found.end() + 7
    return out


def _guarded(pattern: str) -> bool:
    parsed = re._parser.parse(pattern, 0)
    return recache.with_heads(parsed, 0, re._compiler._code(parsed, 0)) is not None


@pytest.mark.skipif(CORPUS is None, reason="../shared/corpus is absent (set REVIEW_ENGINE_CORPUS)")
@pytest.mark.parametrize("min_first", [recache._MIN_FIRST, 1])  # 1: every pattern with heads gets their test
def test_guarded_triggers_find_what_re_finds(min_first, monkeypatch):
    monkeypatch.setattr(recache, "_MIN_FIRST", min_first)
    original = recache._ORIGINAL or re._compiler.compile  # re's own compiler, also when the cache is installed
    pairs = [(original(p, 0), recache._rebuild(p, recache._build(p, 0))) for p in _patterns()]
    assert sum(_guarded(p.pattern) for p, _ in pairs) >= (20 if min_first > 1 else 60)  # it compares what it means to
    indexes = [TextIndex.build(parse(path)) for path in SAMPLE]
    assert len(indexes) >= 25
    wide, narrow = frozenset({"text"}), frozenset({"title", "heading", "signature"})
    for plain, fast in pairs:
        for index in indexes:
            for scopes, overlapping in ((wide, True), (wide, False), (narrow, False)):
                assert _scan(index, fast, scopes, overlapping) == _scan(index, plain, scopes, overlapping), \
                    (plain.pattern[:60], index.doc.file)
