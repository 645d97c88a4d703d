"""Machine formats: the JSON contract, SARIF 2.1.0 (validated against the OASIS schema), JUnit XML, GitHub
workflow annotations and the compiler-style text lines."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest

from review_engine.engine import review_path
from review_engine.findings import NotRun, ReadError, Review
from review_engine.report import machine
from review_engine.report.github import to_github
from review_engine.report.junit import to_junit
from review_engine.report.sarif import to_sarif_dict

ROOT = Path(__file__).resolve().parents[1]
TEST_RULES = ROOT / "tests" / "golden" / "rules" / "test"
DOG = ROOT / "examples" / "drafts" / "养犬管理办法-内容缺陷"
SARIF_SCHEMA = next((p for p in (ROOT.parent / "shared" / "reference" / "sarif-schema-2.1.0.json",
                                 Path("/work/shared/reference/sarif-schema-2.1.0.json")) if p.is_file()), None)
CONTRACT = json.loads((ROOT / "tests" / "golden" / "json-contract.schema.json").read_text(encoding="utf-8"))

DRAFT = ("# 某市户外广告设置管理办法（送审稿）\n\n"
         "第一条　为了规范户外广告设置，保护公民、法人和其它组织的合法权益，制定本办法。\n\n"
         "第二条　设置户外广告的，须经市城市管理局批准。\n\n"
         "第三条　𠮷祥路沿线违反本办法第二条规定的，由市城市管理局责令限期改正，处五百元罚款。\n\n"
         "第四条　本办法自2026年7月1日起施行，有效期5年。\n")
DOSSIER = ("doc_type: 规范性文件\nwaivers:\n  - rule: TTERM-01\n    at: art_1\n"
           "    reason: 引用的是上位法原文，保留原表述。\n")


@pytest.fixture
def reviews(tmp_path: Path, monkeypatch) -> list[Review]:
    """Three drafts: one with block, modify and a waived info finding, one unreadable, a clean one with a check
    that could not run. Paths are relative to the working directory, as in a repository."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "drafts" / "广告办法"
    folder.mkdir(parents=True)
    (folder / "draft.md").write_text(DRAFT, encoding="utf-8")
    (folder / "dossier.yaml").write_text(DOSSIER, encoding="utf-8")
    day = dt.date(2026, 4, 10)
    main = review_path(Path("drafts/广告办法"), rules=[TEST_RULES], review_date=day)
    unreadable = Review(draft="drafts/坏稿", errors=[ReadError(file="drafts/坏稿/draft.docx", message="不是有效的 Word 文件")])
    park = tmp_path / "drafts" / "公园办法"
    park.mkdir()
    (park / "draft.md").write_text("# 某市公园管理办法\n\n第一条　为了加强公园管理，制定本办法。\n\n"
                                   "第二条　本办法自2026年7月1日起施行，有效期5年。\n", encoding="utf-8")
    clean = review_path(Path("drafts/公园办法"), rules=[TEST_RULES], review_date=day)
    clean.not_run.append(NotRun(rule_id="TLIC-01", reason="缺少程序记录（dossier.yaml）"))
    return [main, unreadable, clean]


def test_the_review_has_the_findings_the_format_tests_rely_on(reviews):
    main = reviews[0]
    assert sorted((f.rule_id, f.severity, f.waived) for f in main.findings) == [
        ("TFINE-01", "block", False), ("TLIC-01", "modify", False), ("TTERM-01", "info", True)]


# ---- JSON -----------------------------------------------------------------------------------------------

def test_json_output_follows_the_contract(reviews):
    several = json.loads(machine.to_json(reviews))
    jsonschema.validate(several, CONTRACT)
    one = json.loads(machine.to_json(reviews[:1]))
    jsonschema.validate(one, CONTRACT)
    assert one["draft"] == "drafts/广告办法" and one["verdict"] == "不合法"
    fine = next(f for f in one["findings"] if f["rule_id"] == "TFINE-01")
    assert fine["location"] == {"file": "draft.md", "eid": "art_3__para_1", "label": "第三条", "line": 7,
                                "column": 36, "end_line": 7, "end_column": 42}
    assert fine["excerpt"] == "处五百元罚款"
    assert fine["basis"][0]["law"] == "中华人民共和国行政处罚法" and fine["basis"][0]["article"] == 16
    waived = next(f for f in one["findings"] if f["rule_id"] == "TTERM-01")
    assert waived["waived"] is True and waived["waiver_reason"] == "引用的是上位法原文，保留原表述。"
    assert several[1]["errors"][0]["message"] == "不是有效的 Word 文件"


def _example_reviews() -> list[Review]:
    folders = sorted(p for p in (ROOT / "examples" / "drafts").iterdir() if p.is_dir())
    return [review_path(p, review_date=dt.date(2026, 4, 10)) for p in folders]


def test_the_example_drafts_follow_the_json_contract():
    reviews = _example_reviews()
    assert len(reviews) >= 1
    jsonschema.validate(json.loads(machine.to_json(reviews)), CONTRACT)


# ---- SARIF ------------------------------------------------------------------------------------------------

@pytest.mark.skipif(SARIF_SCHEMA is None, reason="../shared/reference/sarif-schema-2.1.0.json is absent")
def test_sarif_validates_against_the_oasis_schema(reviews):
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    for name, log in (("fixture", to_sarif_dict(reviews)), ("examples", to_sarif_dict(_example_reviews()))):
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        assert not errors, name + "\n" + "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    log = to_sarif_dict(reviews)
    # the schema's format checker does not check URIs here: every uri must be an ASCII URI reference
    uris = re.findall(r'"uri": "([^"]*)"', json.dumps(log, ensure_ascii=False))
    assert uris and all(u.isascii() and " " not in u and urlsplit(u) for u in uris)


def test_sarif_results_carry_rules_regions_in_code_points_fingerprints_and_suppressions(reviews, tmp_path):
    log = to_sarif_dict(reviews)
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert {"TFINE-01", "TLIC-01", "TTERM-01"} <= set(ids)
    fine_rule = rules[ids.index("TFINE-01")]
    assert fine_rule["shortDescription"]["text"] == "测试规则：规范性文件不得设定罚款"
    assert "《中华人民共和国行政处罚法》第十六条" in fine_rule["help"]["text"]
    assert fine_rule["defaultConfiguration"]["level"] == "error"
    results = [r for r in run["results"] if r["properties"]["draft"] == "drafts/广告办法"]
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels == {"TFINE-01": "error", "TLIC-01": "error", "TTERM-01": "note"}
    lines = (tmp_path / "drafts" / "广告办法" / "draft.md").read_text(encoding="utf-8").split("\n")
    for result in results:
        assert result["ruleIndex"] == ids.index(result["ruleId"])
        physical = result["locations"][0]["physicalLocation"]
        assert unquote(physical["artifactLocation"]["uri"]) == "drafts/广告办法/draft.md"
        region = physical["region"]
        # code-point columns: the line's text between the columns is the excerpt, even after 𠮷 (U+20BB7)
        line = lines[region["startLine"] - 1]
        assert line[region["startColumn"] - 1:region["endColumn"] - 1] == region["snippet"]["text"]
        assert result["partialFingerprints"]["reviewEngine/v1"]
    fine = next(r for r in results if r["ruleId"] == "TFINE-01")
    assert fine["locations"][0]["logicalLocations"][0] == {"kind": "element", "name": "第三条",
                                                            "fullyQualifiedName": "art_3__para_1"}
    assert fine["locations"][0]["physicalLocation"]["region"]["startColumn"] == 36
    waived = next(r for r in results if r["ruleId"] == "TTERM-01")
    assert waived["suppressions"] == [{"kind": "external", "status": "accepted",
                                       "justification": "引用的是上位法原文，保留原表述。"}]
    assert "suppressions" not in fine
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert any(n["level"] == "error" and "不是有效的 Word 文件" in n["message"]["text"] for n in notes)
    assert any(n.get("associatedRule", {}).get("id") == "TLIC-01" and "缺少程序记录" in n["message"]["text"]
               for n in notes)
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_fingerprints_survive_lines_inserted_above(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "draft.md").write_text(DRAFT, encoding="utf-8")
    before = to_sarif_dict([review_path(Path("d"), rules=[TEST_RULES])])["runs"][0]["results"]
    (folder / "draft.md").write_text(DRAFT.replace("（送审稿）\n\n", "（送审稿）\n\n（2026年3月修改）\n\n"), encoding="utf-8")
    after = to_sarif_dict([review_path(Path("d"), rules=[TEST_RULES])])["runs"][0]["results"]

    def prints(results):
        return {r["ruleId"]: (r["partialFingerprints"]["reviewEngine/v1"],
                              r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results}

    b, a = prints(before), prints(after)
    assert {k: v[0] for k, v in b.items()} == {k: v[0] for k, v in a.items()}
    assert all(a[k][1] == b[k][1] + 2 for k in b)


# ---- JUnit, GitHub, text ---------------------------------------------------------------------------------

def test_junit_has_a_suite_per_draft_and_a_case_per_rule(reviews):
    root = ET.fromstring(to_junit(reviews))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    main = suites["drafts/广告办法"]
    cases = {c.get("name").split()[0]: c for c in main.findall("testcase")}
    assert set(cases) == {"TFINE-01", "TLIC-01", "TTERM-01"}
    assert cases["TFINE-01"].find("failure").get("type") == "block"
    assert "drafts/广告办法/draft.md:7:36" in cases["TFINE-01"].find("failure").text
    assert cases["TLIC-01"].find("failure") is not None
    assert cases["TTERM-01"].find("failure") is None and "已豁免" in cases["TTERM-01"].find("system-out").text
    assert (main.get("tests"), main.get("failures")) == ("3", "2")
    assert suites["drafts/坏稿"].find("testcase/error") is not None
    park = suites["drafts/公园办法"]
    skipped = [c for c in park.findall("testcase") if c.find("skipped") is not None]
    assert [c.get("name").split()[0] for c in skipped] == ["TLIC-01"]
    assert root.get("failures") == "2" and root.get("errors") == "1" and root.get("skipped") == "1"
    # the fail level decides what is a failure
    lenient = ET.fromstring(to_junit(reviews, fail_level="block"))
    assert lenient.get("failures") == "1"


def test_github_annotations_escape_and_skip_waived_findings(reviews):
    lines = to_github(reviews).splitlines()
    fine = next(line for line in lines if "TFINE-01" in line)
    assert fine.startswith("::error file=drafts/广告办法/draft.md,line=7,col=36,endLine=7,endColumn=42,"
                           "title=TFINE-01 测试规则：规范性文件不得设定罚款::第三条设定了罚款")
    assert "%0A修改建议：" in fine and "\n" not in fine
    assert not [line for line in lines if "TTERM-01" in line and line.startswith("::notice file=drafts/广告办法")]
    assert any(line.startswith("::error file=drafts/坏稿/draft.docx") for line in lines)
    assert any(line.startswith("::notice") and "TLIC-01 未能进行" in line for line in lines)


def test_github_property_values_escape_commas_and_colons():
    from review_engine.report.github import escape_data, escape_property

    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert escape_data("a,b:c\r\n") == "a,b:c%0D%0A"


def test_text_lines_are_compiler_style(reviews):
    lines = machine.to_text(reviews).splitlines()
    assert "drafts/广告办法/draft.md:7:36: block TFINE-01 第三条设定了罚款（“处五百元罚款”）。" in lines
    assert "drafts/广告办法/draft.md:5:13: modify TLIC-01 第二条要求“须经市城市管理局批准”，可能设定了行政许可。" in lines
    assert not [line for line in lines if "TTERM-01" in line]  # waived
    assert "drafts/坏稿/draft.docx: error PARSE-READ 不是有效的 Word 文件" in lines
