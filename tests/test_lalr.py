"""The grammar's tables run without Lark (parsing/lalr.py) give what Lark's own parser gives: the same tree handed
to the transformer, tokens with the same text, type, line and column, and the same line and expected terminals
where the input is rejected — on the corpus, the examples and generated drafts."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from conftest import CORPUS
from lark.exceptions import UnexpectedInput

from review_engine.parsing import grammar, lines
from review_engine.parsing.lalr import Rejected, Tables, tables
from review_engine.reading import read_source

ROOT = Path(__file__).resolve().parents[1]
PIECES = ["第一条 为了规范管理。\n", "第二条 本办法所称。\n", "（一）项一；\n", "（二）项二。\n", "1. 目一\n", "（1）子目\n", "①圈\n",
          "第一章 总则\n", "第一节 一般规定\n", "第一编 总编\n", "一、大纲\n", "二、大纲二\n", "正文一行。\n", "附件：\n", "附件1\n",
          "附\n件\n", "2024年1月1日\n", "２０２４\n年\n1月1日\n", "某市人民政府\n", "\n", "第十条规定的情形\n", "１．全角\n", "第三条\n",
          f"{grammar.DEMOTE}第一条 降级\n", f"{grammar.DEMOTE}（一）降级\n", "附 件 1：\n", "二〇二四年十二月一日\n",
          "2024 年 1 月 1 日\n", "第一条第二款规定\n", "（十）\n", "11.\n", "1.1 小节\n", "⑳末\n", "第1章 数字章\n"]


def canon(x):
    """A parse result as plain data: nodes, and every token with its type, line and column."""
    if isinstance(x, grammar.Raw):
        return ("raw", x.kind, canon(x.label), canon(x.text), x.first, x.last, x.level, [canon(c) for c in x.children])
    if isinstance(x, grammar.Segment):
        return ("segment", [canon(c) for c in x.lines], [canon(c) for c in x.body], x.signature, canon(x.attach_label))
    if isinstance(x, (list, tuple)):
        return (type(x).__name__, [canon(c) for c in x])
    if isinstance(x, str):
        return (str(x), getattr(x, "line", None), getattr(x, "column", None), getattr(x, "type", None))
    return x


def texts() -> list[str]:
    files = sorted(ROOT.glob("examples/**/*.md")) + sorted((ROOT / "tests" / "fixtures").rglob("*.md"))
    if CORPUS is not None:
        files += sorted((CORPUS / "real_docs").rglob("*.md"))[::4]
    out = [lines.build(read_source(p).lines).grammar_text(set(), grammar.DEMOTE) for p in files]
    rnd = random.Random(14)
    out += ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 20))) for _ in range(3000)]
    return out + ["", "没有换行", "第一条 末行没有换行"]


def test_tables_parse_as_lark_does():
    lark = grammar.lark_parser()
    run = Tables(tables(lark, grammar.ToRaw()))
    transformer = grammar.ToRaw()
    rejected = 0
    for text in texts():
        try:
            expected = ("tree", canon(lark.parse(text)))
        except UnexpectedInput as exc:
            expected = ("rejected", exc.line, sorted(getattr(exc, "expected", None) or getattr(exc, "allowed", None)))
        try:
            found = ("tree", canon(run.parse(text, transformer)))
        except Rejected as exc:
            found = ("rejected", exc.line, sorted(exc.expected))
        rejected += found[0] == "rejected"
        assert found == expected, text
    assert rejected > 100  # the rejected inputs were compared too


def test_tables_are_kept_and_read_back(tmp_path, monkeypatch):
    """The tables come from the cache folder once written; the parser then runs without Lark."""
    monkeypatch.setenv("REVIEW_ENGINE_CACHE", str(tmp_path))
    data = grammar._tables()
    assert data is not None and list(tmp_path.glob("lalr-*.marshal"))
    monkeypatch.setattr(grammar, "lark_parser", lambda: pytest.fail("Lark built again"))
    assert grammar._tables() == data


def test_tables_from_a_lark_built_without_its_cache_can_be_kept():
    """On a machine where Lark has no cache of its own yet, Lark names rules with Tokens (a str subclass) instead
    of plain strings; the tables must still be kept (marshal takes plain types only) — a fresh CI machine failed
    every test module here once."""
    import marshal

    from lark import Lark

    fresh = Lark(grammar._grammar(), parser="lalr", lexer="contextual", cache=False, transformer=grammar.ToRaw())
    data = tables(fresh, grammar.ToRaw())
    assert data is not None
    assert marshal.loads(marshal.dumps(data)) == data
    assert Tables(data).parse("第一条 为了规范管理。\n", grammar.ToRaw()) is not None
