"""Self-test of a rule set: every rule must flag its ``fail`` examples and leave its ``pass`` examples alone.

``self_test(ruleset)`` runs each rule alone on each of its examples (a plain string is the text of an
article, or, for a title-only rule, a title; a mapping gives a whole draft with its type, stage, record,
profile values and review date) and reports, per example, what happened (``ExampleResult``); a rule without
a ``fail`` example is a failure too. ``ensure_tested(ruleset)`` does it once per rule-set content: the
result is cached by the hash of the rule files, the grammars, the profiles and the tool version
(``RuleSet.digest``), so a normal run does not pay for it; a failure is a ``RuleLoadError`` naming file,
line and example.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..findings import NotRun
from ..resources import cache_dir
from ..model import Document
from ..profile import load_profile
from ..yamlsource import YamlProblem
from .rules import LoadedRule, RuleSet
from .run import make_context, run_rules
from .schema import Example
from ..numerals import NUM


class RuleLoadError(ValueError):
    """Problems found while loading rules; ``str()`` lists them, one per line, with file and line."""

    def __init__(self, problems: list[YamlProblem]):
        super().__init__("\n".join(p.one_line() for p in problems))
        self.problems = problems


@dataclass
class ExampleResult:
    rule: str
    kind: str  # fail | pass
    index: int
    ok: bool
    detail: str
    file: str
    line: int | None


def self_test(ruleset: RuleSet, only: str | None = None) -> list[ExampleResult]:
    """Run every rule's examples (or those of rule ``only``)."""
    results = []
    for loaded in ruleset.rules:
        if only and loaded.id != only:
            continue
        fails = loaded.rule.examples.fail
        if not fails:
            results.append(ExampleResult(loaded.id, "fail", 0, False, "规则没有 fail 示例（每条规则至少需要一个应当触发的示例）",
                                         loaded.file, loaded.line("examples")))
        for kind, examples in (("fail", fails), ("pass", loaded.rule.examples.pass_)):
            for i, example in enumerate(examples):
                ok, detail = run_example(loaded, example, expect_findings=kind == "fail")
                results.append(ExampleResult(loaded.id, kind, i, ok, detail, loaded.file,
                                             loaded.line("examples", kind, i)))
    return results


def ensure_tested(ruleset: RuleSet) -> None:
    """Run the examples unless this exact rule set passed before (cached by content hash)."""
    marker = marker_path(ruleset.digest)
    if marker is not None and marker.exists():
        return
    failures = [r for r in self_test(ruleset) if not r.ok]
    if failures:
        raise RuleLoadError([YamlProblem(r.file, r.line, None, f"{r.rule} examples.{r.kind}[{r.index}]", r.detail)
                             for r in failures])
    if marker is None:
        return
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text("ok\n", encoding="utf-8")
    except OSError:
        pass  # a read-only cache only costs the self-test next time


def marker_path(digest: str) -> Path | None:
    folder = cache_dir()
    return folder / f"selftest-{digest}.ok" if folder is not None else None


# ---- one example ----------------------------------------------------------------------------------------------

_LABEL_START = re.compile(rf"^\s*(#|第{NUM}[编章节条]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)")
_PROFILE = None


def example_of(loaded: LoadedRule, example: str | Example) -> Example:
    """An example as written (a string, or a mapping already validated) as an ``Example``."""
    if isinstance(example, Example):
        return example
    if loaded.scopes == frozenset({"title"}):
        return Example(title=example, text="第一条 为了规范有关管理工作，制定本办法。")
    return Example(text=example)


def example_document(example: Example) -> Document:
    """The draft an example stands for: its text (an unlabelled line becomes 第一条) under its title."""
    from ..parsing import parse_source
    from ..reading import source_from_text

    text = example.text.strip("\n")
    if text and "\n" not in text and not _LABEL_START.match(text):
        text = f"第一条　{text}"
    if example.title:
        text = f"# {example.title}\n\n{text}"
    return parse_source(source_from_text(text, file="example.md", format="md"))


def run_example(loaded: LoadedRule, raw_example, *, expect_findings: bool) -> tuple[bool, str]:
    """Run one rule on one of its examples; (ok, what happened)."""
    from ..record import Dossier, record_of

    global _PROFILE
    example = example_of(loaded, raw_example)
    doc = example_document(example)
    if _PROFILE is None:
        _PROFILE = load_profile("national")
    profile = _PROFILE
    if example.profile:
        params = profile.params.model_dump() | example.profile
        profile = profile.model_copy(update={"params": type(profile.params).model_validate(params)})
    dossier = Dossier.model_validate(example.dossier) if example.dossier is not None else None
    record = record_of(dossier, example.materials) if example.materials else None
    review_date = dt.date.fromisoformat(example.review_date) if example.review_date else None
    ctx = make_context(doc, profile=profile, stage=example.stage or "pre-issuance", dossier=dossier, record=record,
                       doc_type=example.doc_type, review_date=review_date)
    not_run: list[NotRun] = []
    findings = [f for f in run_rules([loaded], ctx, not_run) if f.rule_id == loaded.id]
    shown = "；".join(f"{f.location.label}“{f.excerpt}”" for f in findings[:3])
    if not expect_findings:
        return (not findings), (f"不应触发，但触发了：{shown}" if findings else "未触发（正确）")
    if not findings:
        reason = f"（未运行：{not_run[0].reason}）" if not_run else ""
        return False, f"应当触发，但没有触发{reason}"
    expect = example.expect
    if expect is not None:
        if expect.count is not None and len(findings) != expect.count:
            return False, f"应触发 {expect.count} 次，实际 {len(findings)} 次：{shown}"
        if expect.match is not None and not any(expect.match in f.excerpt for f in findings):
            return False, f"摘录中应含“{expect.match}”，实际：{shown}"
        if expect.label is not None and not any(f.location.label == expect.label for f in findings):
            return False, f"位置应为{expect.label}，实际：{shown}"
        if expect.outcome is not None and not any(f.outcome == expect.outcome for f in findings):
            return False, f"结果应为 {expect.outcome}，实际：{'、'.join(f.outcome for f in findings)}"
    return True, f"触发：{shown}"
