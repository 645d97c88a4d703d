"""What a pipeline maintainer and a rule author expect of `review` and `check` (issue 12): a configuration file
found from the draft upwards, --rules adding to the built-in rules, --no-builtin-rules, --select/--ignore,
--color, the opinion as the default output of --out, one format per standard output, findings sorted by file and
line, whole titles and ids in a CI log, a profile kept in a rule folder, and waivers that are checked."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from review_engine.cli import main
from test_cli_review import FINE, TEST_RULES, make_draft, run

ROOT = Path(__file__).resolve().parents[1]
DOG = ROOT / "examples" / "drafts" / "养犬管理办法-内容缺陷"


def _json(capsys) -> dict:
    return json.loads(capsys.readouterr().out)


def _ids(review: dict) -> set[str]:
    return {f["rule_id"] for f in review["findings"]}


# ---- outputs -------------------------------------------------------------------------------------------------

def test_out_without_format_writes_the_opinion_in_markdown_and_word(tmp_path: Path):
    out = tmp_path / "o"
    assert main(["review", str(DOG), "--out", str(out), "--quiet", "--review-date", "2026-04-10"]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["养犬管理办法-内容缺陷.docx", "养犬管理办法-内容缺陷.md"]


@pytest.mark.parametrize("formats", ["json,sarif", "json,text", "md,json"])
def test_several_formats_on_standard_output_are_a_usage_error(tmp_path: Path, formats: str, capsys):
    draft = make_draft(tmp_path, "fine", FINE)
    assert main(["review", str(draft), "--no-builtin-rules", "--rules", str(TEST_RULES), "--format", formats]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "--out" in captured.err


def test_findings_are_sorted_by_file_and_line(tmp_path: Path, capsys):
    draft = make_draft(tmp_path, "fine", FINE)
    (draft / "起草说明.md").write_text("# 起草说明\n\n本办法于2026年3月1日至3月5日公开征求意见，共收到意见3条。\n",
                                       encoding="utf-8")
    main(["review", str(draft), "--format", "text", "--quiet", "--review-date", "2026-04-10"])
    lines = [l for l in capsys.readouterr().out.splitlines() if l]
    import re

    keys = []
    for line in lines:
        where = re.match(r"^(.*?)(?::(\d+))?(?::\d+)?: ", line)
        keys.append((where.group(1), int(where.group(2) or 0)))
    located = [k for k in keys if k[0].endswith((".md", ".yaml"))]
    assert located == sorted(located) and len({k[0] for k in located}) > 1


def test_a_ci_log_gets_whole_titles_and_rules_list_piped_gets_whole_ids(tmp_path: Path):
    title = "某市城市管理领域违法行为举报奖励办法（送审稿）"
    draft = make_draft(tmp_path, "x", FINE.replace("某市户外广告设置管理办法（送审稿）", title))
    result = run("review", draft, "--no-builtin-rules", "--rules", TEST_RULES)  # stderr is a pipe, as in CI
    assert title.removesuffix("（送审稿）") in result.stderr and "…" not in result.stderr
    listed = run("rules", "list").stdout.splitlines()
    assert all("\t" in line for line in listed) and any(line.startswith("CONT-RIGHT-01\t") for line in listed)


def test_color_always_colours_the_summary_even_when_piped(tmp_path: Path):
    draft = make_draft(tmp_path, "fine", FINE)
    coloured = run("review", draft, "--no-builtin-rules", "--rules", TEST_RULES, "--color", "always")
    plain = run("review", draft, "--no-builtin-rules", "--rules", TEST_RULES, "--color", "never")
    assert "\x1b[" in coloured.stderr and "\x1b[" not in plain.stderr


# ---- rule folders, select, ignore ------------------------------------------------------------------------------

def test_rules_adds_to_the_built_in_rules_and_no_builtin_rules_replaces_them(tmp_path: Path, capsys):
    draft = make_draft(tmp_path, "fine", FINE)
    main(["review", str(draft), "--rules", str(TEST_RULES), "--format", "json", "--quiet"])
    both = _ids(_json(capsys))
    assert "TFINE-01" in both and "CONT-PEN-01" in both
    main(["review", str(draft), "--no-builtin-rules", "--rules", str(TEST_RULES), "--format", "json", "--quiet"])
    assert _ids(_json(capsys)) == {"TFINE-01"}
    assert main(["review", str(draft), "--no-builtin-rules"]) == 2


def test_select_and_ignore_take_ids_and_prefixes(tmp_path: Path, capsys):
    draft = make_draft(tmp_path, "fine", FINE)
    main(["review", str(draft), "--select", "CONT-PEN,TIME", "--format", "json", "--quiet"])
    ids = _ids(_json(capsys))
    assert ids and all(i.startswith(("CONT-PEN-", "TIME-")) for i in ids)
    main(["review", str(draft), "--ignore", "CONT-PEN-01", "--ignore", "PROC", "--format", "json", "--quiet"])
    ids = _ids(_json(capsys))
    assert "CONT-PEN-01" not in ids and not any(i.startswith("PROC-") for i in ids)
    assert main(["review", str(draft), "--ignore", "CONT-PNE-01", "--quiet"]) == 2
    assert "CONT-PNE-01" in capsys.readouterr().err


def test_a_profile_in_a_rule_folder_is_not_a_rule_and_is_found_by_name(tmp_path: Path, capsys):
    rules = tmp_path / "myrules"
    shutil.copytree(TEST_RULES, rules)
    (rules / "my-city.yaml").write_text("name: my-city\nextends: national\nparams: {max_validity_years: 3}\n",
                                        encoding="utf-8")
    draft = make_draft(tmp_path, "fine", FINE)
    main(["review", str(draft), "--rules", str(rules), "--profile", "my-city", "--format", "json", "--quiet"])
    review = _json(capsys)
    assert review["profile"] == "my-city"
    assert any(f["rule_id"] == "TIME-VAL-01" and "3年" in f["message"] for f in review["findings"])


# ---- the configuration file ----------------------------------------------------------------------------------

def test_pyproject_configuration_is_found_from_the_draft_upwards(tmp_path: Path, capsys):
    repo = tmp_path / "repo"
    draft = make_draft(repo / "drafts", "fine", FINE)
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "drafts"\n\n[tool.review-engine]\nrules = ["rules"]\nbuiltin-rules = false\n'
        'fail-level = "block"\nformat = ["json"]\nreview-date = "2026-04-10"\n', encoding="utf-8")
    shutil.copytree(TEST_RULES, repo / "rules")
    code = main(["review", str(draft), "--quiet"])
    review = _json(capsys)
    assert code == 1 and _ids(review) == {"TFINE-01"} and review["reviewed_on"] == "2026-04-10"
    assert main(["review", str(draft), "--quiet", "--fail-level", "info", "--no-config", "--format", "text",
                 "--no-builtin-rules", "--rules", str(TEST_RULES)]) == 1
    capsys.readouterr()


def test_yaml_configuration_wins_over_pyproject_above_it_and_the_command_line_over_both(tmp_path: Path, capsys):
    repo = tmp_path / "repo"
    draft = make_draft(repo / "drafts", "fine", FINE)
    (repo / "pyproject.toml").write_text('[tool.review-engine]\nprofile = "shanghai"\n', encoding="utf-8")
    (repo / "drafts" / ".review-engine.yaml").write_text("profile: shaanxi\nignore: [PROC]\n", encoding="utf-8")
    main(["review", str(draft), "--format", "json", "--quiet"])
    review = _json(capsys)
    assert review["profile"] == "shaanxi" and not any(i.startswith("PROC-") for i in _ids(review))
    main(["review", str(draft), "--format", "json", "--quiet", "--profile", "national"])
    assert _json(capsys)["profile"] == "national"


def test_an_unknown_configuration_key_is_an_error_naming_file_and_line(tmp_path: Path, capsys):
    draft = make_draft(tmp_path, "fine", FINE)
    (tmp_path / ".review-engine.yaml").write_text("profile: national\nfail_level: block\n", encoding="utf-8")
    assert main(["review", str(draft)]) == 2
    err = capsys.readouterr().err
    assert ".review-engine.yaml:2" in err and "fail_level" in err
    (tmp_path / ".review-engine.yaml").unlink()
    (tmp_path / "pyproject.toml").write_text('[tool.review-engine]\nfail-levle = "block"\n', encoding="utf-8")
    assert main(["check", str(draft / "draft.md")]) == 2
    assert "fail-levle" in capsys.readouterr().err


# ---- waivers -------------------------------------------------------------------------------------------------

WAIVED_DOSSIER = """\
doc_type: 规范性文件
issuer: {name: 某市人民政府, type: 人民政府, level: 设区的市}
consultation: {start: 2026-02-01, end: 2026-03-05, channels: [政府网站], comments: 2, feedback_published: true}
waivers:
  - {rule: CONT-PEN-01, at: art_3, reason: 重述上位法}
  - {rule: CONT-PNE-01, reason: 笔误的规则编号}
  - {rule: CONT-PEN-01, at: art_99, reason: 不存在的条文}
  - {rule: CONT-LIC-01, at: art_2, reason: 第二条没有许可}
  - {rule: CONT-FEE-01}
"""


def test_waivers_are_checked_like_unused_noqa_and_a_bad_one_is_reported_alone(tmp_path: Path, capsys):
    draft = make_draft(tmp_path, "fine", FINE, WAIVED_DOSSIER)
    main(["review", str(draft), "--format", "json", "--quiet", "--review-date", "2026-04-10"])
    review = _json(capsys)
    by_line = {(f["rule_id"], f["location"]["line"]): f for f in review["findings"] if f["rule_id"].startswith("WAIVER")}
    assert ("WAIVER-01", 6) in by_line and "CONT-PNE-01" in by_line[("WAIVER-01", 6)]["message"]
    assert ("WAIVER-01", 7) in by_line and "art_99" in by_line[("WAIVER-01", 7)]["message"]
    assert by_line[("WAIVER-02", 8)]["severity"] == "warn"
    assert ("WAIVER-01", 9) in by_line and "reason" in by_line[("WAIVER-01", 9)]["message"]
    assert all(f["location"]["file"] == "dossier.yaml" for f in by_line.values())
    # the good waiver still applies and the record still counts: procedural checks ran, no DOSSIER error
    assert any(f["rule_id"] == "CONT-PEN-01" and f["waived"] for f in review["findings"])
    assert not review["errors"] and not any(n["rule_id"].startswith("PROC-CONS") for n in review["not_run"])
    # a mistake in the reviewer's record fails the pipeline but is not a finding against the draft
    assert review["verdict"] == "应当予以修改" or review["verdict"] == "合法" or review["verdict"] == "不合法"
    from review_engine.engine import review_path

    r = review_path(draft)
    assert r.verdict == __import__("review_engine.findings", fromlist=["verdict_of"]).verdict_of(
        [f for f in r.findings if f.family != "waiver"])
