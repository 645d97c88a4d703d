"""`review-engine review` and `check` on draft folders: exit codes of the contract, outputs written to --out
(atomically, never into the drafts), the summary on stderr, unreadable drafts reported while the others run.

Exit codes (design.md, contract): 0 no finding at or above --fail-level (default modify); 1 findings at or
above it; 2 usage error or a draft that could not be read. These tests use the stable rule set of
tests/golden/rules/test so that rule authors adding rules do not change them.
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

FINE = ("# 某市户外广告设置管理办法（送审稿）\n\n第一条　为了规范户外广告设置，根据《城市市容和环境卫生管理条例》，制定本办法。\n\n"
        "第二条　设置户外广告的，应当符合户外广告设置规划。\n\n"
        "第三条　违反本办法第二条规定的，由市城市管理局责令限期改正，处五百元罚款。\n\n"
        "第四条　本办法自2026年7月1日起施行，有效期5年。\n")
APPROVAL = FINE.replace("处五百元罚款", "依照《城市市容和环境卫生管理条例》第三十六条的规定处罚").replace(
    "第二条　设置户外广告的，应当符合户外广告设置规划。", "第二条　设置户外广告的，须经市城市管理局批准。")
CLEAN = APPROVAL.replace("须经市城市管理局批准", "应当符合户外广告设置规划")
NOTE_ONLY = CLEAN.replace("为了规范户外广告设置", "为了规范户外广告设置，保护公民、法人和其它组织的合法权益")


def make_draft(root: Path, name: str, text: str, dossier: str | None = None) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "draft.md").write_text(text, encoding="utf-8")
    if dossier is not None:
        (folder / "dossier.yaml").write_text(dossier, encoding="utf-8")
    return folder


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The installed console script, as a user (or pre-commit) runs it."""
    return subprocess.run([str(EXE), *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300,
                          env={**os.environ, "COLUMNS": "160"})


def review(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return run("review", *args, "--no-builtin-rules", "--rules", TEST_RULES, "--review-date", "2026-04-10", cwd=cwd)


# ---- exit codes ------------------------------------------------------------------------------------------

def test_exit_0_for_a_clean_draft_1_for_findings_at_the_fail_level(tmp_path: Path):
    clean = make_draft(tmp_path, "clean", CLEAN)
    fine = make_draft(tmp_path, "fine", FINE)
    approval = make_draft(tmp_path, "approval", APPROVAL)
    notes = make_draft(tmp_path, "notes", NOTE_ONLY)
    assert review(clean).returncode == 0
    assert review(notes).returncode == 0                      # an info finding does not fail by default
    assert review(notes, "--fail-level", "info").returncode == 1
    assert review(fine).returncode == 1                       # block
    assert review(approval).returncode == 1                   # modify fails the default level
    assert review(approval, "--fail-level", "block").returncode == 0
    assert review(fine, "--fail-level", "block").returncode == 1
    assert review(tmp_path).returncode == 1                   # a folder of drafts: any draft counts


def test_exit_2_for_usage_errors(tmp_path: Path):
    draft = make_draft(tmp_path, "clean", CLEAN)
    for args, message in ((["--format", "pdf"], "未知格式"), (["--format", "docx"], "--out"),
                          (["--template", tmp_path / "nope"], "模板不存在")):
        result = review(draft, *args)
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr
    assert run("review", draft, "--fail-level", "fatal").returncode == 2     # argparse
    assert run("review", draft, "--no-builtin-rules", "--rules", tmp_path / "no-rules").returncode == 2
    assert review(tmp_path / "missing").returncode == 2
    empty = tmp_path / "no-drafts-here"
    empty.mkdir()
    result = review(empty)
    assert result.returncode == 2 and "没有找到可审核的草案" in result.stderr


def test_an_unreadable_draft_gives_2_and_the_other_drafts_are_still_reviewed(tmp_path: Path):
    make_draft(tmp_path, "a-fine", FINE)
    broken = tmp_path / "b-binary"
    broken.mkdir()
    (broken / "draft.docx").write_bytes(b"PK\x03\x04 not really a word file")
    two = tmp_path / "c-two-texts"
    two.mkdir()
    (two / "一稿.md").write_text(CLEAN, encoding="utf-8")
    (two / "二稿.md").write_text(CLEAN, encoding="utf-8")
    make_draft(tmp_path, "d-clean", CLEAN)
    result = review(tmp_path, "--format", "json")
    assert result.returncode == 2, result.stderr
    reviews = {Path(r["draft"]).name: r for r in json.loads(result.stdout)}
    assert set(reviews) == {"a-fine", "b-binary", "c-two-texts", "d-clean"}
    assert reviews["a-fine"]["verdict"] == "不合法" and reviews["a-fine"]["findings"]
    assert reviews["d-clean"]["verdict"] == "合法" and not reviews["d-clean"]["errors"]
    assert reviews["b-binary"]["errors"] and not reviews["b-binary"]["findings"]
    assert "无法确定哪个文件是草案" in reviews["c-two-texts"]["errors"][0]["message"]
    assert "无法审核" in result.stderr                      # the summary table says so


def test_a_dossier_that_does_not_parse_is_reported_but_the_text_is_still_reviewed(tmp_path: Path):
    draft = make_draft(tmp_path, "fine", FINE, dossier="consultation: {start: 2026-02-30}\n")
    result = review(draft, "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["findings"] and data["errors"][0]["code"] == "DOSSIER"
    assert data["errors"][0]["line"] == 1


# ---- outputs ------------------------------------------------------------------------------------------------

def test_out_writes_one_opinion_per_draft_and_aggregate_files_never_into_the_drafts(tmp_path: Path):
    drafts = tmp_path / "drafts"
    make_draft(drafts, "甲办法", FINE)
    make_draft(drafts, "乙办法", CLEAN)
    before = sorted(p.relative_to(drafts) for p in drafts.rglob("*"))
    out = tmp_path / "out"
    result = review(drafts, "--out", out, "--format", "md,html,txt,docx,json,sarif,junit,github,text")
    assert result.returncode == 1, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{n}.{e}" for n in ("甲办法", "乙办法") for e in ("md", "html", "txt", "docx")]
        + ["review.json", "review.sarif", "junit.xml", "github.txt", "findings.txt"])
    assert sorted(p.relative_to(drafts) for p in drafts.rglob("*")) == before
    assert result.stdout == ""                               # everything went to files
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left behind
    assert "审核意见〔2026〕" in (out / "甲办法.md").read_text(encoding="utf-8")
    assert len(json.loads((out / "review.json").read_text(encoding="utf-8"))) == 2


def test_in_place_writes_the_opinion_into_the_draft_folder_only_when_asked(tmp_path: Path):
    draft = make_draft(tmp_path, "甲办法", FINE)
    review(draft, "--format", "md")
    assert sorted(p.name for p in draft.iterdir()) == ["draft.md"]
    review(draft, "--format", "md", "--in-place")
    assert (draft / "合法性审核意见书.md").is_file()


def test_machine_output_goes_to_stdout_and_the_summary_to_stderr(tmp_path: Path):
    draft = make_draft(tmp_path, "fine", FINE)
    result = review(draft, "--format", "text")
    assert result.stdout.splitlines() == [
        f"{draft}/draft.md:7:31: block TFINE-01 第三条设定了罚款（“处五百元罚款”）。"]
    assert "审核汇总" in result.stderr and "不合法" in result.stderr
    quiet = review(draft, "--format", "text", "--quiet")
    assert quiet.stderr == "" and quiet.stdout == result.stdout


def test_json_on_stdout_is_one_object_for_one_draft_and_a_list_for_several(tmp_path: Path):
    one = make_draft(tmp_path, "one", FINE)
    make_draft(tmp_path, "two", CLEAN)
    assert isinstance(json.loads(review(one, "--format", "json").stdout), dict)
    assert isinstance(json.loads(review(tmp_path, "--format", "json").stdout), list)


def test_a_broken_template_is_a_usage_error(tmp_path: Path):
    draft = make_draft(tmp_path, "fine", FINE)
    templates = tmp_path / "letterhead"
    templates.mkdir()
    (templates / "opinion.md.j2").write_text("{% for %}\n", encoding="utf-8")
    result = review(draft, "--format", "md", "--template", templates)
    assert result.returncode == 2 and "opinion.md.j2" in result.stderr


def test_the_atomic_writer_leaves_the_old_file_when_writing_fails(tmp_path: Path, monkeypatch):
    from review_engine.report import write

    target = tmp_path / "opinion.md"
    write.atomic_write(target, "旧意见".encode("utf-8"))
    monkeypatch.setattr(write.os, "replace", lambda *a: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        write.atomic_write(target, "新意见".encode("utf-8"))
    assert target.read_text(encoding="utf-8") == "旧意见"
    assert [p.name for p in tmp_path.iterdir()] == ["opinion.md"]


def test_main_can_be_called_in_process(tmp_path: Path, capsys):
    draft = make_draft(tmp_path, "fine", FINE)
    code = main(["review", str(draft), "--no-builtin-rules", "--rules", str(TEST_RULES), "--format", "json", "--quiet"])
    assert code == 1
    assert json.loads(capsys.readouterr().out)["verdict"] == "不合法"


# ---- check (pre-commit) ----------------------------------------------------------------------------------

def test_check_maps_changed_files_to_their_draft_folders(tmp_path: Path):
    fine = make_draft(tmp_path / "drafts", "fine", FINE, dossier="doc_type: 规范性文件\n")
    clean = make_draft(tmp_path / "drafts", "clean", CLEAN)
    (fine / "起草说明.md").write_text("# 起草说明\n\n一、必要性\n", encoding="utf-8")
    # a changed dossier.yaml and a changed 起草说明 both re-review their draft, once
    result = run("check", "--no-builtin-rules", "--rules", TEST_RULES, fine / "dossier.yaml", fine / "起草说明.md", fine / "draft.md",
                 cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines == [f"{fine}/draft.md:7:31: block TFINE-01 第三条设定了罚款（“处五百元罚款”）。"]
    assert run("check", "--no-builtin-rules", "--rules", TEST_RULES, clean / "draft.md").returncode == 0
    assert run("check", "--rules", TEST_RULES).returncode == 0          # nothing changed
    # relative paths as pre-commit passes them
    rel = run("check", "--no-builtin-rules", "--rules", TEST_RULES, "drafts/fine/dossier.yaml", cwd=tmp_path)
    assert rel.returncode == 1 and rel.stdout.startswith("drafts/fine/draft.md:7:31: block TFINE-01")


def test_check_reports_a_folder_it_cannot_read_with_exit_2(tmp_path: Path):
    folder = tmp_path / "drafts" / "两稿"
    folder.mkdir(parents=True)
    (folder / "一稿.md").write_text(CLEAN, encoding="utf-8")
    (folder / "二稿.md").write_text(CLEAN, encoding="utf-8")
    result = run("check", "--no-builtin-rules", "--rules", TEST_RULES, folder / "一稿.md")
    assert result.returncode == 2 and "无法确定哪个文件是草案" in result.stdout


def test_the_summary_of_a_large_run_gives_its_totals_in_a_ci_log(capsys):
    """Above SUMMARY_ROWS drafts the summary is one line of totals (a CI log: plain, tab-separated)."""
    from review_engine.cli.batch import Tally
    from review_engine.cli.review import print_summary
    from review_engine.report.stream import Row

    tally = Tally(keep=2)
    for i in range(3):
        tally.add(Row(draft=f"d{i}", title="某办法", verdict="合法" if i else "不合法", status="reviewed",
                      counts={"block": 0 if i else 2, "modify": 1, "warn": 0, "info": 0}, errors=0, failing=not i))
    print_summary(tally)
    err = capsys.readouterr().err
    assert "共 3 份\t\t不合法 1 份、合法 2 份\t不合法 2，应当修改 3，提示 0，信息 0，错误 0" in err
