"""Every real document of ../shared/corpus parses without a PARSE problem, with the right article count."""

from __future__ import annotations

import pytest

from conftest import CORPUS, corpus_files
from review_engine import parse

FILES = corpus_files()


@pytest.mark.skipif(CORPUS is None, reason="../shared/corpus is absent (set REVIEW_ENGINE_CORPUS)")
def test_corpus_is_complete():
    assert len(FILES) >= 226 + 37


@pytest.mark.parametrize("path,expected", FILES, ids=[p.name for p, _ in FILES])
def test_corpus_document_parses(path, expected):
    doc = parse(path)
    assert [p.one_line() for p in doc.problems] == []
    assert len(doc.articles()) == expected
    numbers = [a.num for a in doc.articles()]
    assert all(isinstance(n, int) and n > 0 for n in numbers)
    eids = [n.eid for n in doc.nodes()]
    assert len(eids) == len(set(eids)), "eIds are unique"
