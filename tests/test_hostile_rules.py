"""Rule packs from other offices are input too (issue 16): a message template cannot ask for gigabytes (6), a
regular expression cannot freeze a run (5).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from review_engine.ruleset import RuleLoadError
from review_engine.ruleset.schema import render, template_fields
from ruletools import BASIS, findings, rules_from

RULE = """\
id: TEST-HOSTILE-01
title: 测试规则
severity: modify
check: pattern
patterns: ['罚款']
{basis}message: {message}
suggestion: 删除。
examples:
  fail: [处五百元罚款。]
"""


# ---- 6. message templates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("message", ['"{match:>300000000}"', '"{match!r}"', '"{label:{match}}"', '"{match.__class__}"',
                                     '"{0}"', '"{}"', '{default: "{match:^99999999}"}', '"{match"'])
def test_a_template_with_a_format_spec_is_a_located_load_error(tmp_path, message):
    with pytest.raises(RuleLoadError) as caught:
        rules_from(tmp_path, RULE.format(basis=BASIS, message=message))
    problem = caught.value.problems[0]
    assert problem.file.endswith("rule0.yaml") and problem.line == 7, problem.one_line()
    assert "TEST-HOSTILE-01" in problem.one_line() and "模板" in problem.message


def test_plain_fields_still_render(tmp_path):
    rules = rules_from(tmp_path, RULE.format(basis=BASIS, message='"{label}有“{match}”。"'))
    found = findings(rules, "第一条　违反规定的，处五百元罚款。")
    assert [f.message for f in found] == ["第一条有“罚款”。"]


PIECES = st.sampled_from(["{", "}", "{{", "}}", "match", "label", ":", ">", "<", "^", "9", "99999", "!r", "!s", "!a",
                          ".", "[0]", "__class__", "x", "罚款", " ", "0", ",", "_"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_any_template_either_fails_to_load_or_renders_within_bounds(template):
    """What a template that loads renders is no longer than the template and its values together."""
    try:
        template_fields(template)
    except ValueError:
        return
    values = {"match": "处五百元罚款", "label": "第一条"}
    text = render(template, values)
    assert len(text) <= len(template) + 6 * template.count("{")  # a value is at most 6 characters
