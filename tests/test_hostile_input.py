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
