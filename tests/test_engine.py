"""The engine: loading rule sets (errors named with file, line and rule id), overrides, self-tests,
waivers, verdicts, applies_to, kinds from entry points, and the library API."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

import review_engine
from review_engine import kinds
from review_engine.record import parse_dossier
from review_engine.engine import apply_waivers, get_profile, review_document
from review_engine.findings import verdict_of
from review_engine.ruleset import RuleLoadError, load_rules
from ruletools import BASIS, findings, rules_from

GOOD = """
id: TEST-FINE-01
title: 罚款
severity: block
check: pattern
patterns: ['处[^。；，]{0,10}?罚款']
message: "{label}：{match}"
""" + BASIS + """
examples:
  fail: ["违反本办法规定的，处二百元罚款。"]
  pass: ["违反本办法规定的，依法处理。"]
"""


def load_error(tmp_path, text: str) -> str:
    with pytest.raises(RuleLoadError) as info:
        rules_from(tmp_path, text, test=True)
    return str(info.value)


def test_a_good_rule_loads_and_self_tests(tmp_path):
    rules = rules_from(tmp_path, GOOD, test=True)
    assert [r.id for r in rules] == ["TEST-FINE-01"]
    assert rules.get("TEST-FINE-01").rule.family == "custom"


@pytest.mark.parametrize("change,expected", [
    (("severity: block", "severity: fatal"), ["rule0.yaml:4", "TEST-FINE-01 severity"]),
    (("check: pattern", "check: patern"), ["rule0.yaml:5", "未知的检查类型 patern"]),
    (("patterns:", "pattrens:"), ["rule0.yaml:6", "没有参数 pattrens"]),
    (("patterns: ['处[^。；，]{0,10}?罚款']", "patterns: ['处[^。']"), ["参数无效"]),
    (("message: \"{label}：{match}\"", "message: \"{label}：{amount}\""), ["rule0.yaml:7", "模板字段 amount 不可用"]),
    (("title: 罚款", "title: 罚款\nwhen: 'doc.type =='"), ["rule0.yaml:4", "条件表达式错误"]),
    (("title: 罚款", "title: 罚款\nwhen: 'nosuch.x'"), ["不可用"]),
    (("id: TEST-FINE-01", "id: fine"), ["规则编号应形如"]),
])
def test_load_errors_name_file_line_and_rule(tmp_path, change, expected):
    text = GOOD.replace(*change)
    message = load_error(tmp_path, text)
    for fragment in expected:
        assert fragment in message, message


def test_yaml_syntax_error_names_line(tmp_path):
    message = load_error(tmp_path, GOOD.replace("severity: block", "severity: [block"))
    assert "rule0.yaml:" in message and "YAML 语法错误" in message


def test_examples_that_do_not_hold_are_load_errors(tmp_path):
    bad_fail = GOOD.replace('fail: ["违反本办法规定的，处二百元罚款。"]', 'fail: ["违反本办法规定的，责令改正。"]')
    assert "TEST-FINE-01 examples.fail[0]" in load_error(tmp_path, bad_fail)
    bad_pass = GOOD.replace('pass: ["违反本办法规定的，依法处理。"]', 'pass: ["违反本办法规定的，处五百元罚款。"]')
    assert "examples.pass[0]" in load_error(tmp_path / "b", bad_pass)
    no_fail = GOOD.replace('  fail: ["违反本办法规定的，处二百元罚款。"]\n', "")
    assert "没有 fail 示例" in load_error(tmp_path / "c", no_fail)


def test_every_rule_must_quote_its_legal_basis(tmp_path):
    """The one place that requires a basis of every rule: the rule schema (the built-in rules load, so they
    all have one)."""
    no_basis = GOOD.replace(BASIS, "")
    assert "缺少必填字段 basis" in load_error(tmp_path / "d", no_basis)
    unquoted = GOOD.replace(BASIS, "basis: [{law: 中华人民共和国立法法, article: 65}]\n")
    assert "依据须引用条文原文" in load_error(tmp_path / "e", unquoted)


def test_self_test_result_is_cached_by_content(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEW_ENGINE_CACHE", str(tmp_path / "cache"))
    rules = rules_from(tmp_path, GOOD, test=True)
    assert (tmp_path / "cache" / f"selftest-{rules.digest}.ok").exists()
    calls = []
    from review_engine.ruleset import selftest

    monkeypatch.setattr(selftest, "self_test", lambda ruleset, only=None: calls.append(1) or [])
    rules_from(tmp_path, GOOD, test=True)
    assert calls == []  # same content: not run again
    rules_from(tmp_path, GOOD.replace("title: 罚款", "title: 设定罚款"), test=True)
    assert calls == [1]  # changed content: run again


def test_later_folders_override_by_id_and_alias(tmp_path):
    base = tmp_path / "base" / "content"
    base.mkdir(parents=True)
    (base / "a.yaml").write_text(textwrap.dedent(GOOD), encoding="utf-8")
    local = tmp_path / "local" / "content"
    local.mkdir(parents=True)
    (local / "a.yaml").write_text(textwrap.dedent(GOOD).replace("severity: block", "severity: warn")
                                  .replace("id: TEST-FINE-01", "id: TEST-FINE-02\naliases: [TEST-FINE-01]"), encoding="utf-8")
    rules = load_rules([tmp_path / "base", tmp_path / "local"], test=False)
    assert [(r.id, r.rule.severity) for r in rules] == [("TEST-FINE-02", "warn")]
    assert rules.get("TEST-FINE-01").id == "TEST-FINE-02"


def test_applies_to_doc_types_and_stages(tmp_path):
    rule = GOOD + "applies_to: {doc_types: [规范性文件], stages: [filing-review]}\n"
    rules = rules_from(tmp_path, rule)
    text = "第一条 违反本办法规定的，处二百元罚款。\n"
    assert findings(rules, text, stage="pre-issuance") == []
    assert findings(rules, text, doc_type="地方性法规", stage="filing-review") == []
    assert len(findings(rules, text, stage="filing-review")) == 1


def test_waivers_keep_findings_marked_and_change_the_verdict(tmp_path):
    rules = rules_from(tmp_path, GOOD)
    text = "第一条 为了规范管理，制定本办法。\n第二条 违反本办法规定的，处二百元罚款。\n第三条 违反前条规定，情节严重的，处五百元罚款。\n"
    dossier = parse_dossier('waivers: [{rule: TEST-FINE-01, at: art_2, reason: "依据《某省某条例》第十二条授权"}]')
    doc = review_engine.parse(text)
    review = review_document(doc, rules=rules, profile=get_profile("national"), dossier=dossier,
                             review_date=dt.date(2026, 6, 1))
    state = [(f.location.label, f.waived, f.waiver_reason) for f in review.findings]
    assert state == [("第二条", True, "依据《某省某条例》第十二条授权"), ("第三条", False, None)]
    assert review.verdict == "不合法"
    apply_waivers(review.findings, [type(dossier.waivers[0])(rule="TEST-FINE-01", reason="全文豁免")])
    assert all(f.waived for f in review.findings) and verdict_of(review.findings) == "合法"


def test_verdicts():
    from review_engine.findings import Finding

    def f(sev, waived=False):
        return Finding(rule_id="X-01", severity=sev, message="m", waived=waived)

    assert verdict_of([]) == "合法"
    assert verdict_of([f("warn"), f("info")]) == "合法"
    assert verdict_of([f("modify"), f("warn")]) == "应当予以修改"
    assert verdict_of([f("block"), f("modify")]) == "不合法"
    assert verdict_of([f("block", waived=True), f("modify")]) == "应当予以修改"


def test_kinds_from_entry_points(monkeypatch):
    monkeypatch.setattr(kinds, "_entry_points", lambda: {"always": "review_engine.kinds.require:Require"})
    kinds._REGISTRY.pop("always", None)
    assert kinds.get_kind("always").__name__ == "Require"
    assert "always" in kinds.kind_names()
    assert kinds.get_kind("no-such-kind") is None


def test_library_api_on_a_draft_folder(tmp_path):
    folder = tmp_path / "某县养犬管理办法"
    folder.mkdir()
    (folder / "draft.md").write_text("# 某县养犬管理条例\n\n第一条 违反本办法规定的，由公安机关处五百元罚款。\n", encoding="utf-8")
    (folder / "起草说明.md").write_text("起草说明", encoding="utf-8")
    (folder / "dossier.yaml").write_text("doc_type: 规范性文件\nissuer: {name: 某县公安局, type: 工作部门}\n", encoding="utf-8")
    review = review_engine.review(folder)
    assert review.verdict == "不合法"
    assert {"DRAFT-NAME-01", "CONT-PEN-01"} <= {f.rule_id for f in review.findings}
    assert review.files["draft"] == "draft.md" and review.files["起草说明"] == "起草说明.md"
    assert review.document.title == "某县养犬管理条例"


def test_library_api_reports_an_unreadable_draft(tmp_path):
    path = tmp_path / "draft.md"
    path.write_bytes(b"")
    review = review_engine.review(path)
    assert review.errors and "文件为空" in review.errors[0].message and review.findings == []


def test_a_review_leaves_no_reference_cycles():
    """Parse and review create no cycles, so pausing the collector during a review frees everything."""
    import gc

    from review_engine.engine import get_rules, review_document

    rules = get_rules()
    text = (Path(__file__).parent / "fixtures" / "parse" / "greening.md").read_text(encoding="utf-8")
    review_document(review_engine.parse(text), rules=rules, profile=get_profile("national"),
                    review_date=dt.date(2026, 6, 1))  # warm caches first
    gc.collect()
    flags = gc.get_debug()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        review = review_document(review_engine.parse(text), rules=rules, profile=get_profile("national"),
                                 review_date=dt.date(2026, 6, 1))
        assert review.findings
        del review
        gc.collect()
        leaked = [type(o).__name__ for o in gc.garbage]
    finally:
        gc.garbage.clear()
        gc.set_debug(flags)
    assert leaked == []
