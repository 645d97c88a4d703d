"""Reviews on several processes (``--jobs``) and outputs written as each review finishes: order, crashes, bytes."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from review_engine.cli import main
from review_engine.cli import pool

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "drafts"

pytestmark = pytest.mark.skipif(not pool.can_fork(), reason="needs fork")


def _square(n):
    return n * n


def test_results_come_in_input_order_whatever_the_jobs():
    items = list(range(40))
    assert list(pool.ordered(items, _square, jobs=1, crashed=None)) == [n * n for n in items]
    assert list(pool.ordered(items, _square, jobs=3, crashed=None, window=4)) == [n * n for n in items]


def _dies_on_seven(n):
    if n == 7:
        os._exit(3)
    if n == 11:
        os.kill(os.getpid(), signal.SIGKILL)
    return n


def _raises_on_five(n):
    if n == 5:
        raise RuntimeError("boom")
    return n


def test_a_worker_that_dies_costs_only_its_document():
    out = list(pool.ordered(list(range(20)), _dies_on_seven, jobs=2, crashed=lambda n, why: ("crashed", n, why)))
    assert out[7][:2] == ("crashed", 7) and "退出码 3" in out[7][2]
    assert out[11][:2] == ("crashed", 11) and "SIGKILL" in out[11][2]
    assert [x for i, x in enumerate(out) if i not in (7, 11)] == [n for n in range(20) if n not in (7, 11)]


def test_an_exception_in_a_worker_is_that_documents_error():
    out = list(pool.ordered(list(range(8)), _raises_on_five, jobs=2, crashed=lambda n, why: ("error", n, why)))
    assert out[5] == ("error", 5, "审核时出错：RuntimeError: boom")
    assert out[:5] == [0, 1, 2, 3, 4] and out[6:] == [6, 7]


def test_outputs_are_the_same_with_one_or_two_jobs(tmp_path):
    formats = "md,html,txt,json,jsonl,sarif,junit,github,text"
    for jobs in ("1", "2"):
        main(["review", str(EXAMPLES), "--format", formats, "--out", str(tmp_path / jobs), "--jobs", jobs,
              "--quiet", "--review-date", "2026-05-01"])
    one = sorted(p.relative_to(tmp_path / "1") for p in (tmp_path / "1").rglob("*"))
    two = sorted(p.relative_to(tmp_path / "2") for p in (tmp_path / "2").rglob("*"))
    assert one == two and len(one) == 3 * 3 + 6
    for rel in one:
        assert (tmp_path / "1" / rel).read_bytes() == (tmp_path / "2" / rel).read_bytes(), rel
    lines = (tmp_path / "1" / "review.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == json.loads((tmp_path / "1" / "review.json").read_text("utf-8"))
    assert not [p for p in (tmp_path / "1").iterdir() if p.name.startswith(".")]  # no temporary file left


def test_streamed_files_are_the_aggregate_formats_bytes(tmp_path):
    from review_engine.engine import get_profile, get_rules, review_path
    from review_engine.report.junit import to_junit
    from review_engine.report.sarif import to_sarif

    main(["review", str(EXAMPLES), "--format", "sarif,junit", "--out", str(tmp_path), "--jobs", "2", "--quiet",
          "--review-date", "2026-05-01"])
    import datetime as dt

    reviews = [review_path(p, review_date=dt.date(2026, 5, 1)) for p in sorted(EXAMPLES.iterdir())]
    get_rules(), get_profile(None)
    assert (tmp_path / "review.sarif").read_text("utf-8") == to_sarif(reviews)
    assert (tmp_path / "junit.xml").read_text("utf-8") == to_junit(reviews)


def test_a_review_that_kills_its_worker_is_reported_and_the_run_goes_on(tmp_path, monkeypatch, capsys):
    from review_engine import engine

    parent = os.getpid()
    real = engine.review_draft

    def review_draft(draft, **kwargs):
        if "停车" in draft.name and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer does
        return real(draft, **kwargs)

    monkeypatch.setattr(engine, "review_draft", review_draft)
    code = main(["review", str(EXAMPLES), "--format", "jsonl", "--jobs", "2", "--quiet", "--review-date", "2026-05-01"])
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 2  # a draft that could not be reviewed
    assert [Path(o["draft"]).name for o in out] == sorted(p.name for p in EXAMPLES.iterdir())
    crashed = next(o for o in out if "停车" in o["draft"])
    assert crashed["status"] == "无法审核" and crashed["errors"][0]["code"] == "REVIEW-CRASH"
    assert "SIGKILL" in crashed["errors"][0]["message"]
    assert all(o["status"] == "已审核" for o in out if o is not crashed)
