"""Careless and hostile use of the command line (issue 16): nothing lost, exit codes that mean what they say.

Each test names the point of the issue it holds: an output never written over an input (1), a rule folder
without rules (2), an unreadable draft never 合法 (3), early and clear errors instead of tracebacks (7).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from review_engine.cli import main

ROOT = Path(__file__).resolve().parents[1]
TEST_RULES = ROOT / "tests" / "golden" / "rules" / "test"
EXE = Path(sys.executable).parent / "review-engine"

FINE = ("# 某市户外广告设置管理办法（送审稿）\n\n第一条　为了规范户外广告设置，制定本办法。\n\n"
        "第二条　违反本办法规定的，由市城市管理局责令限期改正，处五百元罚款。\n\n"
        "第三条　本办法自2026年7月1日起施行，有效期5年。\n")


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(EXE), *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300,
                          env={**os.environ, "COLUMNS": "200"})


def review(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return run("review", *args, "--rules", TEST_RULES, "--review-date", "2026-04-10", cwd=cwd)


def make_draft(root: Path, name: str, text: str = FINE, file: str = "draft.md") -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / file).write_text(text, encoding="utf-8")
    return folder


# ---- 2. a rule folder without rules ---------------------------------------------------------------------------

@pytest.mark.parametrize("content", [{}, {"rule.yml": "id: X-01\n"}, {"README.md": "规则说明\n"}])
def test_a_rule_folder_without_rule_files_is_a_usage_error_never_a_pass(tmp_path: Path, content):
    draft = make_draft(tmp_path, "draft")
    rules = tmp_path / "my-rules"
    rules.mkdir()
    for name, text in content.items():
        (rules / name).write_text(text, encoding="utf-8")
    result = run("review", draft, "--rules", rules, "--format", "json")
    assert result.returncode == 2, result.stderr
    assert "没有规则文件" in result.stderr and "合法" not in result.stdout
    if "rule.yml" in content:
        assert ".yaml" in result.stderr and "rule.yml" in result.stderr


# ---- 3. an unreadable draft is never 合法 ---------------------------------------------------------------------

CONTRACT = json.loads((ROOT / "tests" / "golden" / "json-contract.schema.json").read_text(encoding="utf-8"))


def _unreadable(root: Path) -> dict[str, Path]:
    """One draft folder per way a draft cannot be read."""
    made = {}
    made["empty"] = make_draft(root, "empty", "")
    made["binary"] = make_draft(root, "binary", "")
    (made["binary"] / "draft.md").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    made["two"] = make_draft(root, "two", FINE, file="一稿.md")
    (made["two"] / "二稿.md").write_text(FINE, encoding="utf-8")
    made["large"] = make_draft(root, "large", "")
    with (made["large"] / "draft.md").open("wb") as fh:
        fh.truncate(21 * 1024 * 1024)  # sparse: 21 MB of NUL bytes, over the 20 MB limit
    made["dossier-only"] = root / "dossier-only"
    made["dossier-only"].mkdir()
    (made["dossier-only"] / "dossier.yaml").write_text("doc_type: 规范性文件\n", encoding="utf-8")
    return made


def test_the_json_contract_of_an_unreadable_draft_says_it_could_not_be_reviewed(tmp_path: Path):
    import jsonschema

    drafts = _unreadable(tmp_path / "drafts")
    result = review(tmp_path / "drafts", "--format", "json")
    assert result.returncode == 2, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, CONTRACT)
    assert {Path(r["draft"]).name for r in data} == set(drafts)
    for r in data:
        assert r["verdict"] is None and r["status"] == "无法审核" and r["errors"], r
    missing = review(tmp_path / "missing", "--format", "json")
    assert missing.returncode == 2
    one = json.loads(missing.stdout)
    jsonschema.validate(one, CONTRACT)
    assert one["verdict"] is None and one["status"] == "无法审核"


def test_a_reviewed_draft_has_a_verdict_and_the_status_reviewed(tmp_path: Path):
    result = review(make_draft(tmp_path, "fine"), "--format", "json")
    data = json.loads(result.stdout)
    assert data["verdict"] == "不合法" and data["status"] == "已审核"


def test_every_format_agrees_that_an_unreadable_draft_was_not_reviewed(tmp_path: Path):
    _unreadable(tmp_path / "drafts")
    out = tmp_path / "out"
    result = review(tmp_path / "drafts", "--format", "json,sarif,junit,text,github,md", "--out", out)
    assert result.returncode == 2
    assert "合法" not in result.stderr.replace("不合法", "")        # the summary table says 无法审核
    assert result.stderr.count("无法审核") >= 5
    sarif = json.loads((out / "review.sarif").read_text(encoding="utf-8"))
    run_ = sarif["runs"][0]
    assert run_["invocations"][0]["executionSuccessful"] is False
    assert all(r["verdict"] is None and r["status"] == "无法审核" for r in run_["properties"]["reviews"])
    junit = (out / "junit.xml").read_text(encoding="utf-8")
    assert 'name="verdict" value="无法审核"' in junit and 'value="合法"' not in junit
    assert not list(out.glob("*.md"))                              # no opinion for a draft that was not reviewed


def test_the_library_gives_no_verdict_for_an_unreadable_draft(tmp_path: Path):
    import review_engine

    for name, folder in _unreadable(tmp_path).items():
        result = review_engine.review(folder, rules=[TEST_RULES])
        assert result.verdict is None and result.status == "无法审核" and result.errors, name
    assert review_engine.review(tmp_path / "nothing-here", rules=[TEST_RULES]).verdict is None
