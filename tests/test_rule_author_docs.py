"""What the rule author and the new user read (issue 12): the guide documents every key a rule example takes and
every review item, names no file outside the repository; `rules test` says when an id prefix (and not the rule)
decides the review item, and `rules list` shows it; the README says how to start (`init`) and which Debian
packages the browser and Word checks need."""

from __future__ import annotations

import shutil
from pathlib import Path

from review_engine.cli import main
from review_engine.findings import REVIEW_ITEMS
from review_engine.ruleset.schema import Example, Expect

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
TEST_RULES = ROOT / "tests" / "golden" / "rules" / "test"


def test_the_guide_documents_every_example_key_and_every_review_item():
    section = GUIDE[GUIDE.index("## Writing a rule"):]
    for name in [*Example.model_fields, *Expect.model_fields]:
        assert f"`{name}`" in section, name
    for key in REVIEW_ITEMS:
        assert f"`{key}`" in section, key


def test_rules_test_says_when_the_id_prefix_did_not_decide_the_review_item(tmp_path: Path, capsys):
    rules = tmp_path / "my-rules"
    shutil.copytree(TEST_RULES, rules)
    text = (rules / "TFINE-01.yaml").read_text(encoding="utf-8")
    (rules / "TFINE-01.yaml").write_text(text.replace("review_item: measures\n", ""), encoding="utf-8")
    assert main(["rules", "test", str(rules)]) == 0
    out = capsys.readouterr().out
    assert "TFINE-01 的编号前缀不对应任何审核事项" in out and "review_item" in out
    assert "TLIC-01 的编号前缀" not in out  # it says its item
    main(["rules", "list", "--rules", str(rules)])
    listed = capsys.readouterr().out
    assert "TFINE-01\t" in listed and "\tcontent\t" in listed and "\tmeasures\t" in listed


def test_the_readme_starts_with_init_and_names_the_packages_of_the_browser_and_word_checks():
    assert "review-engine init" in README
    assert "apt-get install -y chromium fonts-noto-cjk libreoffice-writer-nogui poppler-utils" in README
