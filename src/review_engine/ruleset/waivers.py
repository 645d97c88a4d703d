"""Waivers (``waivers:`` of dossier.yaml): a reviewer's decision that a finding does not apply, and the checks of
the waivers themselves, as ruff checks its ``noqa`` comments.

* A waiver covers the findings of its rule (id or former id) at its eId and below (or the whole draft): they are
  marked waived, kept with the reason, and no longer count for the verdict or the exit code.
* A waiver naming a rule the rule set does not have, or a place the draft does not have, is an error finding
  (WAIVER-01, modify) at its line: it waives nothing, and a typo must not pass unnoticed.
* A waiver that could not be read (no reason, a malformed rule id) is reported alone (WAIVER-01 at its line) and
  left out; the other waivers and the rest of the record still count.
* A waiver that matched no finding is a warning (WAIVER-02): the finding it was written for is gone, or it never
  pointed at one.

These findings are about the reviewer's record, not the draft: they fail a pipeline (the exit code) and are listed
in the opinion's appendix, but do not change the verdict (``findings.verdict_of``).
"""

from __future__ import annotations

from ..findings import Finding, Location

WAIVER_FAMILY = "waiver"
_TITLE = {"WAIVER-01": "不予适用的记载有误", "WAIVER-02": "不予适用的记载未用到"}


def apply_waivers(findings: list[Finding], record, rules=None, doc=None) -> list[Finding]:
    """Mark the findings ``record``'s waivers cover; return the findings about the waivers themselves."""
    waivers = list(getattr(record, "waivers", []) or [])
    if not waivers and not getattr(record, "waiver_problems", None):
        return []  # nothing to mark and nothing to check (a stock's documents): the draft's eIds are not gathered
    lines = list(getattr(record, "waiver_lines", []) or [])
    file = getattr(record, "file", None) or "dossier.yaml"
    used = [False] * len(waivers)
    for finding in findings:
        ids = {finding.rule_id}
        if rules is not None and (loaded := rules.get(finding.rule_id)) is not None:
            ids.update(loaded.rule.aliases)
        for i, waiver in enumerate(waivers):
            if waiver.rule not in ids:
                continue
            at = getattr(waiver, "at", None)
            eid = finding.location.eid or ""
            if at is None or eid == at or eid.startswith(at + "__"):
                finding.waived = True
                finding.waiver_reason = waiver.reason
                used[i] = True
                break
    out = [_finding("WAIVER-01", "modify", file, p.line, p.column,
                    f"第{_index(p.path)}条不予适用的记载（waivers）有误：{p.message}。该条未予适用，其他记载照常适用。")
           for p in getattr(record, "waiver_problems", []) or []]
    eids = _eids(doc)
    switched_off = set(getattr(rules, "switched_off", []) or [])
    for i, waiver in enumerate(waivers):
        line = lines[i] if i < len(lines) else None
        at = getattr(waiver, "at", None)
        if rules is not None and rules.get(waiver.rule) is None and waiver.rule not in switched_off \
                and not waiver.rule.startswith("PARSE-"):
            out.append(_finding("WAIVER-01", "modify", file, line, None,
                                f"不予适用的记载指向的规则 {waiver.rule} 不存在（规则编号有误或者已删除），未予适用。"))
        elif at is not None and eids is not None and at not in eids:
            out.append(_finding("WAIVER-01", "modify", file, line, None,
                                f"不予适用的记载指向的位置 {at} 在草案中不存在（eId 有误或者条文已重新编号），未予适用。"))
        elif not used[i] and waiver.rule not in switched_off:
            out.append(_finding("WAIVER-02", "warn", file, line, None,
                                f"不予适用的记载（{waiver.rule}{' ' + at if at else ''}）没有对应的审核发现，可以删除。"))
    return out


def _index(path: str) -> int:
    import re

    found = re.match(r"waivers\[(\d+)\]", path or "")
    return int(found.group(1)) + 1 if found else 0


def _eids(doc) -> set[str] | None:
    if doc is None:
        return None
    return {node.eid for node in doc.nodes()} | {"title", "signature"}


def _finding(rule_id: str, severity: str, file: str, line, column, message: str) -> Finding:
    return Finding.trusted(rule_id=rule_id, severity=severity, title=_TITLE[rule_id], message=message,
                           suggestion="核对 dossier.yaml 中 waivers 的规则编号（rule）、位置（at，即 eId）和理由（reason）。",
                           location=Location.trusted(file=file, label=f"{file} waivers", line=line, column=column),
                           family=WAIVER_FAMILY, review_item="procedure")
