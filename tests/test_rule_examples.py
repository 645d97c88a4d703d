"""Every example of every rule is a test case of its own: a broken rule is a red test naming it."""

from __future__ import annotations

import pytest

from review_engine.ruleset.selftest import run_example
from review_engine.ruleset import load_rules

RULES = load_rules(test=False)
CASES = [
    pytest.param(loaded, kind, i, example, id=f"{loaded.id}-{kind}-{i}")
    for loaded in RULES
    for kind, examples in (("fail", loaded.rule.examples.fail), ("pass", loaded.rule.examples.pass_))
    for i, example in enumerate(examples)
]


@pytest.mark.parametrize("loaded,kind,index,example", CASES)
def test_rule_example(loaded, kind, index, example):
    ok, detail = run_example(loaded, example, expect_findings=kind == "fail")
    assert ok, f"{loaded.id} examples.{kind}[{index}] ({loaded.file}): {detail}"
