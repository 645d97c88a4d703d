"""Hypothesis: any text gives a Document (perhaps with PARSE problems), never another exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from review_engine import parse
from review_engine.model import Document
from review_engine.reading import SourceError

PIECES = st.sampled_from([
    "第一条", "第二条 ", "第十条\u3000", "第三百八十八条", "第一章", "第一节 ", "第一编", "（一）", "(二)", "1.", "2、",
    "（1）", "①", "一、", "二、", "#", "## ", "**", "附件", "附件1：", "2026年1月1日", "目录", "目　录", "| a | b |",
    "\n", "\n\n", "\u3000", "\u200b", "\xa0", "\u2002", "\r\n", "\r", "\t", "\x00", "\x0b", "\x1f", "\ufeff",
    "---", "<!--", "-->", "<!-- INFO END -->", "本办法", "罚款", "。", "：", "；", "某某", "\ue000", "\u2028",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join)


def check(text: str) -> None:
    if not text.strip():  # a blank text is an error, as an empty file is
        try:
            parse(text)
        except SourceError:
            return
        raise AssertionError("a blank text parsed")
    doc = parse(text)
    assert isinstance(doc, Document)
    for problem in doc.problems:
        assert problem.code.startswith("PARSE-")
        assert problem.code != "PARSE-INTERNAL", problem  # the builder copes with whatever the grammar took
    for node in doc.nodes():
        assert node.span.line >= 1 and node.span.column >= 1
    doc.model_dump()
    doc.model_dump_json()  # a lone surrogate must not fail here


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_any_mix_of_labels_and_text_parses(text):
    check(text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_unicode_text_parses(text):
    check(text)
