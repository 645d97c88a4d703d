"""Hostile and careless input to the reader, the parser and the library (issue 16): bounded memory, clear
errors, positions that stay right.

Points of the issue: .docx zip bombs (4); the GB18030 byte-order mark, a reproducible Word opinion, articles
numbered 第一万条 and above, what ``parse`` and ``review`` accept, lone surrogates, a missing home folder (10).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import review_engine
from review_engine.reading import SourceError, read_source
from docx_support import write_docx, zip_bomb

ROOT = Path(__file__).resolve().parents[1]
TEST_RULES = ROOT / "tests" / "golden" / "rules" / "test"
DRAFT = ("# 某市户外广告设置管理办法（送审稿）\n\n第一条　为了规范户外广告设置，制定本办法。\n\n"
         "第二条　违反本办法规定的，由市城市管理局责令限期改正，处五百元罚款。\n\n"
         "第三条　本办法自2026年7月1日起施行，有效期5年。\n")


# ---- 4. zip bombs ---------------------------------------------------------------------------------------------

def _peak_of(code: str) -> tuple[str, int]:
    """Run ``code`` in a fresh interpreter; (what it printed, its peak resident memory in MiB)."""
    probe = textwrap.dedent(code) + "\nimport resource\nprint(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).parent)
    assert result.returncode == 0, result.stderr
    *printed, peak = result.stdout.strip().splitlines()
    return "\n".join(printed), int(peak)


@pytest.mark.parametrize("declared", [None, 10_000], ids=["honest", "lying"])
def test_a_docx_inflating_to_1_gib_is_refused_within_512_mib(tmp_path: Path, declared):
    bomb = tmp_path / "draft.docx"
    bomb.write_bytes(zip_bomb(inflated=1 << 30, declared=declared))
    assert bomb.stat().st_size < 2 * 1024 * 1024
    printed, peak = _peak_of(f"""
        from pathlib import Path
        from review_engine.reading import SourceError, read_source
        try:
            read_source(Path({str(bomb)!r}))
        except SourceError as exc:
            print("refused:", exc.message)
    """)
    assert printed.startswith("refused:"), printed
    assert peak < 512, f"peak {peak} MiB"
    if declared is None:
        assert "解压后超过 20 MB" in printed


def test_the_size_limit_applies_to_what_the_parts_inflate_to(tmp_path: Path):
    bomb = tmp_path / "draft.docx"
    bomb.write_bytes(zip_bomb(inflated=24 * 1024 * 1024))   # a few KB on disk, 24 MB inflated
    with pytest.raises(SourceError, match="解压后超过"):
        read_source(bomb)
    small = tmp_path / "small.docx"
    write_docx(small, ["第一条　为了规范管理，制定本办法。"])
    assert read_source(small).lines[0].startswith("第一条")
    with pytest.raises(SourceError, match="解压后超过"):                # the inflated parts count, not the file
        read_source(small, max_bytes=small.stat().st_size + 1)


def test_a_bomb_is_reported_as_that_drafts_error_and_the_others_are_reviewed(tmp_path: Path):
    bad = tmp_path / "drafts" / "bomb"
    bad.mkdir(parents=True)
    (bad / "draft.docx").write_bytes(zip_bomb(inflated=64 * 1024 * 1024))
    good = tmp_path / "drafts" / "good"
    good.mkdir()
    (good / "draft.md").write_text(DRAFT, encoding="utf-8")
    bomb_review = review_engine.review(bad, rules=[TEST_RULES])
    assert bomb_review.verdict is None and "解压后超过" in bomb_review.errors[0].message
    assert review_engine.review(good, rules=[TEST_RULES]).verdict == "不合法"


def test_a_word_template_that_is_a_bomb_is_a_template_error(tmp_path: Path):
    from review_engine.report.opinion import TemplateError, render_opinion

    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "draft.md").write_text(DRAFT, encoding="utf-8")
    result = review_engine.review(tmp_path / "d", rules=[TEST_RULES])
    template = tmp_path / "letterhead.docx"
    template.write_bytes(zip_bomb(inflated=64 * 1024 * 1024))
    with pytest.raises(TemplateError, match="解压后超过"):
        render_opinion(result, "docx", template)


# ---- 10. a reproducible Word opinion -----------------------------------------------------------------------------

def test_the_word_opinion_is_byte_reproducible(tmp_path: Path, monkeypatch):
    from review_engine.report.opinion import render_opinion

    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "draft.md").write_text(DRAFT, encoding="utf-8")
    result = review_engine.review(tmp_path / "d", rules=[TEST_RULES])
    first = render_opinion(result, "docx")
    real = zipfile.time.localtime
    monkeypatch.setattr(zipfile.time, "localtime", lambda *a: real(1_900_000_000))  # another day, another time
    second = render_opinion(result, "docx")
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        names = [i.filename for i in archive.infolist()]
        assert names[0] == "[Content_Types].xml"
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


# ---- 10. smaller ones -------------------------------------------------------------------------------------------

def test_the_gb18030_byte_order_mark_is_not_text(tmp_path: Path):
    plain = tmp_path / "plain.md"
    plain.write_bytes(DRAFT.encode("gb18030"))
    marked = tmp_path / "marked.md"
    marked.write_bytes(b"\x84\x31\x95\x33" + DRAFT.encode("gb18030"))
    source = read_source(marked)
    assert source.encoding == "gb18030-sig" and source.lines[0] == "# 某市户外广告设置管理办法（送审稿）"
    a, b = review_engine.parse(plain), review_engine.parse(marked)
    assert a.title_block.title == b.title_block.title == "某市户外广告设置管理办法"
    assert a.title_block.title_span == b.title_block.title_span
    assert [n.span for n in a.nodes()] == [n.span for n in b.nodes()]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=9_990, max_value=99_999_999))
def test_articles_numbered_ten_thousand_and_above_are_articles(n):
    from review_engine.numerals import to_chinese

    text = (f"# 某办法\n\n第{to_chinese(n - 1)}条　甲。\n\n第{to_chinese(n)}条　乙。\n\n"
            f"第{n + 1}条　丙。\n")
    doc = review_engine.parse(text)
    assert [a.num for a in doc.articles()] == [n - 1, n, n + 1]
    assert [a.eid for a in doc.articles()] == [f"art_{n - 1}", f"art_{n}", f"art_{n + 1}"]
    assert not doc.problems


def test_an_article_numeral_that_cannot_be_read_is_a_parse_problem_not_a_paragraph():
    doc = review_engine.parse("# 某办法\n\n第一条　甲。\n\n第十亿条　乙。\n\n第一万万条　丙。\n")
    assert [a.label for a in doc.articles()] == ["第一条", "第十亿条", "第一万万条"]
    assert [(p.code, p.line) for p in doc.problems] == [("PARSE-LABEL", 5), ("PARSE-LABEL", 7)]


@pytest.mark.parametrize("value", [b"\xe7\xac\xac\xe4\xb8\x80\xe6\x9d\xa1", None, 42, ["第一条"], bytearray(b"x")])
def test_parse_of_what_is_neither_a_path_nor_a_text_is_a_clear_error(value):
    with pytest.raises(SourceError) as caught:
        review_engine.parse(value)
    assert "parse() 需要" in str(caught.value) and type(value).__name__ in str(caught.value)
    assert isinstance(caught.value, ValueError) and not isinstance(caught.value, TypeError)


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\u3000\t\r\n"])
def test_an_empty_text_is_an_error_as_an_empty_file_is(tmp_path: Path, text):
    with pytest.raises(SourceError, match="为空"):
        review_engine.parse(text)
    empty = tmp_path / "draft.md"
    empty.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError, match="为空"):
        review_engine.parse(empty)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["第一条　", "罚款", "\ud800", "\udfff", "\udc80", "。", "\n", "# 标题\n", "𠮷"]),
                min_size=1, max_size=20).map("".join))
def test_lone_surrogates_never_fail_serialisation(text):
    try:
        doc = review_engine.parse(text)
    except SourceError:
        return
    doc.model_dump_json()
    assert "\ud800" not in doc.model_dump_json()
    for node in doc.nodes():  # one character for one: positions do not move
        line = text.split("\n")[node.span.line - 1]
        assert node.span.column <= len(line) + 1


def test_a_review_of_a_text_with_a_lone_surrogate_serialises(tmp_path: Path):
    from review_engine.engine import get_profile, get_rules, review_document
    from review_engine.report import machine

    doc = review_engine.parse(DRAFT.replace("违反", "违\udc9f反"))
    result = review_document(doc, rules=get_rules([TEST_RULES]), profile=get_profile(None))
    machine.to_json([result]).encode("utf-8")
    result.model_dump_json()


def test_an_unknown_stage_is_rejected(tmp_path: Path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "draft.md").write_text(DRAFT, encoding="utf-8")
    with pytest.raises(ValueError, match="未知的审核阶段"):
        review_engine.review(tmp_path / "d", stage="whatever", rules=[TEST_RULES])
    assert review_engine.review(tmp_path / "d", stage="filing-review", rules=[TEST_RULES]).stage == "filing-review"


def test_a_missing_home_folder_is_never_created(tmp_path: Path):
    home = tmp_path / "nonexistent"
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "draft.md").write_text(DRAFT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_CACHE_HOME", "REVIEW_ENGINE_CACHE")}
    exe = Path(sys.executable).parent / "review-engine"
    result = subprocess.run([str(exe), "review", str(tmp_path / "d"), "--format", "json"], capture_output=True,
                            text=True, env={**env, "HOME": str(home)}, timeout=300)
    assert result.returncode == 1, result.stderr
    assert not home.exists()
    xdg = subprocess.run([str(exe), "review", str(tmp_path / "d"), "--format", "json"], capture_output=True,
                         text=True, env={**env, "HOME": str(tmp_path), "XDG_CACHE_HOME": str(home / "cache")},
                         timeout=300)
    assert xdg.returncode == 1 and not home.exists()
