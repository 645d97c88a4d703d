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
    return run("review", *args, "--no-builtin-rules", "--rules", TEST_RULES, "--review-date", "2026-04-10", cwd=cwd)


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
    result = run("review", draft, "--no-builtin-rules", "--rules", rules, "--format", "json")
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


# ---- 1. an output never written over an input ---------------------------------------------------------------

def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("fmt,suffix", [("md", ".md"), ("txt", ".txt"), ("md,txt,json", ".txt")])
def test_an_opinion_never_overwrites_the_draft_it_reviews(tmp_path: Path, fmt, suffix):
    work = tmp_path / "work"
    work.mkdir()
    (work / f"某办法{suffix}").write_text(FINE, encoding="utf-8")
    before = _tree(work)
    result = review(f"某办法{suffix}", "--format", fmt, "--out", ".", cwd=work)
    assert result.returncode == 2, result.stderr
    assert "会覆盖输入文件" in result.stderr and "Traceback" not in result.stderr
    assert _tree(work) == before                                   # nothing written, nothing replaced


@pytest.mark.parametrize("draft_file", ["draft.md", "某办法.md", "draft.txt"])
def test_out_inside_a_draft_folder_is_refused(tmp_path: Path, draft_file):
    folder = make_draft(tmp_path, "某办法", file=draft_file)
    (folder / "起草说明.md").write_text("# 起草说明\n", encoding="utf-8")
    (folder / "dossier.yaml").write_text("doc_type: 规范性文件\n", encoding="utf-8")
    before = _tree(folder)
    for args in ((".", "--out", ".", "--format", "md"), (".", "--out", "sub", "--format", "txt,json")):
        result = review(*args, cwd=folder)
        assert result.returncode == 2, result.stderr
        assert "草案目录" in result.stderr and "Traceback" not in result.stderr
        assert _tree(folder) == before


def test_an_output_that_resolves_to_an_input_through_a_symlink_is_refused(tmp_path: Path):
    folder = make_draft(tmp_path / "drafts", "某办法", file="某办法.md")
    out = tmp_path / "out"
    out.mkdir()
    (out / "某办法.md").symlink_to(folder / "某办法.md")
    before = _tree(folder)
    result = review(folder, "--out", out, "--format", "md")
    assert result.returncode == 2 and "会覆盖输入文件" in result.stderr
    assert _tree(folder) == before


def test_in_place_replaces_its_own_opinion_but_never_a_document_of_the_drafting_unit(tmp_path: Path):
    folder = make_draft(tmp_path, "某办法")
    assert review(folder, "--format", "md", "--in-place").returncode == 1
    assert review(folder, "--format", "md", "--in-place").returncode == 1   # its own earlier opinion: replaced
    other = make_draft(tmp_path, "乙办法")
    (other / "合法性审核意见书.md").write_text("起草单位自己的合法性审核意见\n", encoding="utf-8")
    result = review(other, "--format", "md", "--in-place")
    assert result.returncode == 2 and "会覆盖输入文件" in result.stderr
    assert (other / "合法性审核意见书.md").read_text(encoding="utf-8") == "起草单位自己的合法性审核意见\n"


def test_the_template_is_an_input_too(tmp_path: Path):
    folder = make_draft(tmp_path / "drafts", "某办法")
    out = tmp_path / "out"
    out.mkdir()
    template = out / "某办法.docx"
    template.write_bytes((ROOT / "src" / "review_engine" / "report" / "templates" / "opinion.docx").read_bytes())
    result = review(folder, "--out", out, "--format", "docx", "--template", template)
    assert result.returncode == 2 and "会覆盖输入文件" in result.stderr


# ---- 7. --out that cannot be written: said at once, exit 2 --------------------------------------------------------

def test_out_onto_a_file_or_under_a_file_fails_before_reviewing(tmp_path: Path):
    folder = make_draft(tmp_path / "drafts", "某办法")
    afile = tmp_path / "notes.txt"
    afile.write_text("x", encoding="utf-8")
    for out in (afile, afile / "sub"):
        result = review(folder, "--out", out, "--format", "md,json")
        assert result.returncode == 2, result.stderr
        assert "不是目录" in result.stderr and "Traceback" not in result.stderr
        assert "审核汇总" not in result.stderr                      # no draft was reviewed
    assert afile.read_text(encoding="utf-8") == "x"


def test_out_into_a_folder_that_cannot_be_written_fails_before_reviewing(tmp_path: Path):
    folder = make_draft(tmp_path / "drafts", "某办法")
    result = review(folder, "--out", "/proc/self", "--format", "md")  # a folder no one can create files in
    assert result.returncode == 2 and "无法写入" in result.stderr and "Traceback" not in result.stderr
    assert "审核汇总" not in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_out_into_a_read_only_folder_fails_before_reviewing(tmp_path: Path):
    folder = make_draft(tmp_path / "drafts", "某办法")
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = review(folder, "--out", out, "--format", "md")
    finally:
        out.chmod(0o755)
    assert result.returncode == 2 and "无法写入" in result.stderr


def test_a_write_that_fails_after_the_review_is_a_clear_error(tmp_path: Path, monkeypatch, capsys):
    from review_engine.report import write

    folder = make_draft(tmp_path / "drafts", "某办法")

    def full(path, data):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(write, "atomic_write", full)
    code = main(["review", str(folder), "--no-builtin-rules", "--rules", str(TEST_RULES), "--out", str(tmp_path / "out"), "--format", "md"])
    assert code == 2
    assert "写入输出文件失败" in capsys.readouterr().err


def test_a_folder_that_cannot_be_listed_is_its_own_error_and_the_others_are_reviewed(tmp_path: Path, monkeypatch,
                                                                                     capsys):
    drafts = tmp_path / "drafts"
    make_draft(drafts, "a-fine")
    locked = make_draft(drafts, "b-locked")
    (drafts / "c-group").mkdir()
    make_draft(drafts / "c-group", "d-fine")
    real_iterdir = Path.iterdir

    def iterdir(self):
        if self.name in ("b-locked", "c-group"):  # as root the test cannot take the permission away itself
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    code = main(["review", str(drafts), "--no-builtin-rules", "--rules", str(TEST_RULES), "--format", "json", "--quiet"])
    assert code == 2
    data = {Path(r["draft"]).name: r for r in json.loads(capsys.readouterr().out)}
    assert set(data) == {"a-fine", "b-locked", "c-group"}
    assert data["a-fine"]["verdict"] == "不合法"
    assert data["b-locked"]["verdict"] is None and "无法读取目录" in data["b-locked"]["errors"][0]["message"]
    assert str(locked) in data["b-locked"]["draft"]


def test_a_title_with_rich_markup_prints_literally_in_the_summary(tmp_path: Path):
    for name, title in (("slash", "关于[/]的办法"), ("bold", "关于[b]加粗[/b]的[red]办法[/red]")):
        folder = make_draft(tmp_path, name, FINE.replace("某市户外广告设置管理办法", title))
        result = review(folder, "--format", "json")
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr and "MarkupError" not in result.stderr
        assert title in result.stderr.replace("\n", ""), result.stderr


def test_check_on_a_missing_file_exits_2(tmp_path: Path):
    folder = make_draft(tmp_path / "drafts", "fine", FINE.replace("处五百元罚款", "依法处理"))
    assert run("check", "--no-builtin-rules", "--rules", TEST_RULES, folder / "draft.md").returncode == 0
    for missing in (folder / "起草说明.md", tmp_path / "nowhere" / "draft.md"):
        result = run("check", "--no-builtin-rules", "--rules", TEST_RULES, folder / "draft.md", missing)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "文件不存在" in result.stdout and str(missing) in result.stdout


# ---- 8. symbolic links ---------------------------------------------------------------------------------------

def test_a_link_back_up_beside_a_draft_folder_does_not_review_it_again(tmp_path: Path):
    drafts = tmp_path / "drafts"
    make_draft(drafts, "a")
    (drafts / "loop").symlink_to(".")
    (drafts / "up").symlink_to("..")
    result = review(drafts, "--format", "json")
    data = json.loads(result.stdout)
    reviewed = data if isinstance(data, list) else [data]
    assert [Path(r["draft"]).name for r in reviewed] == ["a"], reviewed


def test_link_loops_do_not_make_discovery_explode():
    import time

    from review_engine.drafts import find_drafts

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        level = root
        for depth in range(6):                              # six levels, each with two links back to the top
            for name in ("x", "y"):
                (level / f"{name}{depth}").symlink_to(root)
            level = level / f"sub{depth}"
            level.mkdir()
            make_draft(level, "draft-here")
        started = time.perf_counter()
        found, errors = find_drafts(root)
        assert time.perf_counter() - started < 2
        assert len(found) == 6 and not errors
        assert len({d.folder.resolve() for d in found}) == 6


def test_a_link_to_a_draft_inside_the_tree_is_reviewed_once(tmp_path: Path):
    drafts = tmp_path / "drafts"
    make_draft(drafts, "b-real")
    (drafts / "a-alias").symlink_to("b-real")
    data = json.loads(review(drafts, "--format", "json").stdout)
    assert [Path(r["draft"]).name for r in ([data] if isinstance(data, dict) else data)] == ["b-real"]


def test_a_draft_linked_from_outside_the_tree_is_not_read(tmp_path: Path):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "密件.md").write_text("# 绝密\n\n第一条　口令是 hunter2，处五百元罚款。\n", encoding="utf-8")
    (secret / "dossier.yaml").write_text("口令: hunter2\n  bad: [\n", encoding="utf-8")
    make_draft(secret, "outside-folder", "# 外部\n\n第一条　口令 hunter2，处五百元罚款。\n")
    drafts = tmp_path / "drafts"
    make_draft(drafts, "a-fine")
    linked = drafts / "b-linked-text"
    linked.mkdir()
    (linked / "draft.md").symlink_to(secret / "密件.md")
    dossier = make_draft(drafts, "c-linked-dossier")
    (dossier / "dossier.yaml").symlink_to(secret / "dossier.yaml")
    (drafts / "d-linked-folder").symlink_to(secret / "outside-folder")
    text = review(drafts, "--format", "text")
    assert text.returncode == 2 and "hunter2" not in text.stdout + text.stderr
    result = review(drafts, "--format", "json")
    assert result.returncode == 2
    assert "hunter2" not in result.stdout and "hunter2" not in result.stderr
    reviews = {Path(r["draft"]).name: r for r in json.loads(result.stdout)}
    assert reviews["a-fine"]["verdict"] == "不合法"
    for name in ("b-linked-text", "c-linked-dossier", "d-linked-folder"):
        assert reviews[name]["verdict"] is None, name
        assert "符号链接" in reviews[name]["errors"][0]["message"], name


def test_a_file_named_on_the_command_line_is_read_even_through_a_link(tmp_path: Path):
    (tmp_path / "real.md").write_text(FINE, encoding="utf-8")
    (tmp_path / "link.md").symlink_to(tmp_path / "real.md")
    assert review(tmp_path / "link.md").returncode == 1
