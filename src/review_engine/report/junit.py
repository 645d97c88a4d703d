"""JUnit XML for CI dashboards: one ``<testsuite>`` per draft, one ``<testcase>`` per rule that applied.

A rule with live findings at or above ``fail_level`` (default ``modify``, as the exit code) is a
``<failure>`` whose text lists each finding (``path:line:col`` and message); findings below the level and
waived ones are listed in the test case's ``<system-out>``; a rule that could not run is ``<skipped>``; a draft
that could not be read is an ``<error>``. Findings of ids outside the rule set (``PARSE-*``) get test cases of
their own.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..findings import SEVERITY_ORDER, SEVERITY_ZH, Finding, Review
from .common import applicable_rules, finding_file


def _line(review: Review, f: Finding) -> str:
    loc = f.location
    where = ":".join(str(x) for x in (finding_file(review, f), loc.line, loc.column) if x is not None)
    waived = f"（已豁免：{f.waiver_reason}）" if f.waived else ""
    return f"{where}: {f.severity} {f.rule_id} {f.message}{waived}"


def to_junit(reviews: list[Review], fail_level: str = "modify") -> str:
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    body = []
    for review in reviews:
        text, counts = suite_fragment(review, fail_level)
        body.append(text)
        for key, value in counts.items():
            totals[key] += value
    return junit_head(totals, bool(body)) + "".join(body) + ("</testsuites>\n" if body else "")


def junit_head(totals: dict[str, int], children: bool = True) -> str:
    """The XML declaration and the opening ``<testsuites>`` with the run's totals (self-closed without suites)."""
    root = ET.Element("testsuites", name="review-engine")
    for key, value in totals.items():
        root.set(key, str(value))
    if not children:
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
    root.text = "\0"
    text = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text[:text.index("\0")] + "\n"


def suite_fragment(review: Review, fail_level: str = "modify") -> tuple[str, dict[str, int]]:
    """One draft's ``<testsuite>`` as it appears, indented, inside ``<testsuites>`` (a run writes them one by
    one as the drafts are reviewed), and its counts."""
    root = ET.Element("testsuites")
    counts = _suite(root, review, fail_level)
    ET.indent(root)
    return "  " + ET.tostring(root[0], encoding="unicode"), counts


def _suite(root, review: Review, fail_level: str) -> dict[str, int]:
    suite = ET.SubElement(root, "testsuite", name=review.draft)
    props = ET.SubElement(suite, "properties")
    for name, value in (("title", review.title), ("verdict", review.verdict or review.status),
                        ("status", review.status), ("stage", review.stage), ("profile", review.profile),
                        ("reviewed_on", review.reviewed_on.isoformat() if review.reviewed_on else "")):
        ET.SubElement(props, "property", name=name, value=value or "")
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    by_rule: dict[str, list[Finding]] = {}
    for f in review.findings:
        by_rule.setdefault(f.rule_id, []).append(f)
    not_run = {n.rule_id: n.reason for n in review.not_run}
    cases = [(loaded.id, loaded.rule.title) for loaded in applicable_rules(review)]
    known = {rid for rid, _ in cases}
    cases += [(rid, fs[0].title or rid) for rid, fs in by_rule.items() if rid not in known]
    for error in review.errors:
        counts["tests"] += 1
        counts["errors"] += 1
        case = ET.SubElement(suite, "testcase", classname=review.draft, name=error.code)
        where = ":".join(str(x) for x in (error.file, error.line, error.column) if x is not None)
        ET.SubElement(case, "error", type=error.code, message=error.message).text = f"{where}: {error.message}"
    for rule_id, title in cases:
        counts["tests"] += 1
        case = ET.SubElement(suite, "testcase", classname=review.draft, name=f"{rule_id} {title}")
        findings = by_rule.get(rule_id, [])
        failing = [f for f in findings if not f.waived and SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[fail_level]]
        others = [f for f in findings if f not in failing]
        if failing:
            counts["failures"] += 1
            first = failing[0]
            message = f"{len(failing)}处{SEVERITY_ZH[first.severity]}：{first.message}"
            ET.SubElement(case, "failure", type=first.severity, message=message).text = \
                "\n".join(_line(review, f) for f in failing)
        elif rule_id in not_run and not findings:
            counts["skipped"] += 1
            ET.SubElement(case, "skipped", message=f"未能进行：{not_run[rule_id]}")
        if others:
            ET.SubElement(case, "system-out").text = "\n".join(_line(review, f) for f in others)
    for key, value in counts.items():
        suite.set(key, str(value))
    return counts
