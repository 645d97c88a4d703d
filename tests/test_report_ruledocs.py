"""The rule catalogue docs/rules.md is generated from the rule files and must not go stale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from review_engine.engine import get_rules
from review_engine.report.ruledocs import render_rule_docs

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "docs" / "rules.md"
EXE = Path(sys.executable).parent / "review-engine"


def test_docs_rules_md_is_up_to_date_with_the_rule_files():
    expected = render_rule_docs(get_rules())
    current = CATALOGUE.read_text(encoding="utf-8") if CATALOGUE.is_file() else ""
    assert current == expected, ("docs/rules.md is stale: run `make docs` "
                                 "(review-engine rules docs --out docs/rules.md) and commit it")


def test_the_catalogue_has_every_rule_with_its_basis_and_examples():
    rules = get_rules()
    text = render_rule_docs(rules)
    for loaded in rules:
        rule = loaded.rule
        assert f'<a id="{rule.id.lower()}"></a>' in text
        assert f"### {rule.id} {rule.title}" in text
        assert f"[{rule.id}](#{rule.id.lower()})" in text
        for basis in rule.basis:
            assert basis.cite() in text
    assert "## （一）制定主体是否合法" in text and "## （七）是否违反规范性文件制定程序" in text
    pen = text[text.index("### CONT-PEN-01"):]
    pen = pen[:pen.index("\n### ", 5) if "\n### " in pen[5:] else len(pen)]
    assert "《中华人民共和国行政处罚法》第十六条：“除法律、法规、规章外，其他规范性文件不得设定行政处罚。”" in pen
    assert "**应当触发的示例**" in pen and "**不应触发的示例**" in pen


def test_rules_docs_check_fails_on_a_stale_file(tmp_path: Path):
    rules = ROOT / "tests" / "golden" / "rules" / "test"
    out = tmp_path / "rules.md"
    made = subprocess.run([str(EXE), "rules", "docs", "--rules", str(rules), "--out", str(out)], capture_output=True)
    assert made.returncode == 0 and "TFINE-01" in out.read_text(encoding="utf-8")
    check = [str(EXE), "rules", "docs", "--rules", str(rules), "--out", str(out), "--check"]
    assert subprocess.run(check, capture_output=True).returncode == 0
    out.write_text(out.read_text(encoding="utf-8").replace("测试规则", "旧规则"), encoding="utf-8")
    stale = subprocess.run(check, capture_output=True, text=True)
    assert stale.returncode == 1 and "make docs" in stale.stderr
