"""The audit of a stock of issued documents (规范性文件清理) at a date: each document reviewed as issued, and a
proposed disposition (继续有效 / 修改 / 废止 / 宣布失效) with its reasons and the articles concerned.

``review_issued(draft, …, as_of=date)`` reads and parses the document as ``engine.read_draft`` does, reads what it
says of itself (``issue.read_issue``: 文号, issue date, 施行 date, its own 有效期, each with its source), then runs
the rule set for an issued document:

* stage ``filing-review`` and without the rules of the ``procedure`` family: how an issued document was made
  (consultation, hearing, collective deliberation …) is not what a 清理 decides, and a stock has no records;
* ``review_date`` = the as-of date (``清理基准日``): validity and 施行 are read against it, and citations are
  checked against the registry's versions in force on it (CITE-02, CITE-03 take the later of it and the
  document's own 施行 date);
* the citation rules (CITE-02, CITE-03) once more on the document's own date (``issue.own``: the later of its
  issue and 施行 dates), so that what was wrong when it was made is told apart from what the law's changes
  made wrong since (findings marked 按文件施行时的上位法);
* for every law cited, whether it is repealed on the as-of date (and by what) and whether the version in force
  then differs from the one of the document's own date (``disposition.Cited``).

``as_of=None`` audits each document on its own date. ``disposition.dispose`` turns all of it into the proposed
disposition; the result is attached to the review (``Review.audit``, in its JSON object as ``audit``).
"""

from __future__ import annotations

import datetime as dt
import re

from ..findings import Review
from .disposition import Cited, Disposition, dispose
from .issue import Issue, read_issue

__all__ = ["AUDIT_STAGE", "Cited", "Disposition", "Issue", "audit_rules", "read_issue", "review_issued"]

AUDIT_STAGE = "filing-review"
CITATION_RULES = ("CITE-02", "CITE-03")
_IMPLEMENTS = re.compile(r"实施《(?P<a>[^》]+)》|《(?P<b>[^》]+)》实施(?:细则|办法|条例|规定|意见)")


def audit_rules(rules):
    """(the rule set an issued document is reviewed with, the citation rules run on its own date)."""
    from ..ruleset.rules import RuleSet

    kept = [r for r in rules.rules if r.rule.family != "procedure"]
    subset = RuleSet(kept, rules.dirs, rules.digest + "-audit")
    return subset, [r for r in kept if r.id in CITATION_RULES]


def review_issued(draft, *, rules, citation_rules, profile, as_of: dt.date | None, doc_type: str | None = None) -> Review:
    """Review an issued document at ``as_of`` (None: its own date) and attach its disposition (module docstring).
    ``doc_type``: the type of every document of the stock when the caller knows it (else read from each text)."""
    from dataclasses import replace

    from ..engine import read_draft, review_document
    from ..findings import ReadError
    from ..ruleset.run import make_context, run_rules

    read = read_draft(draft)
    if isinstance(read, Review):
        read.audit = Disposition("无法审核").as_dict()
        return read
    first = make_context(read.doc, profile=profile, stage=AUDIT_STAGE, record=read.record,
                         review_date=as_of or dt.date.today(), doc_type=doc_type)
    issue = read_issue(read.doc, first.facts, read.record, draft.text)
    day = as_of or issue.own or dt.date.today()
    own = issue.own
    own_findings: set[int] = set()
    cited: list[Cited] = []

    def more(ctx, findings, not_run):
        cited.extend(_cited(ctx, day, own))
        if own is None or own == day or not citation_rules:
            return []
        then = replace(ctx, review_date=own, date_label="文件施行时", fired=set(), asserted=set())
        found = []
        now = {(f.rule_id, f.location.line, f.location.column, f.outcome) for f in findings}
        for finding in run_rules(citation_rules, then, []):
            if (finding.rule_id, finding.location.line, finding.location.column, finding.outcome) in now:
                continue
            finding.message = "按文件施行时的上位法：" + finding.message
            own_findings.add(id(finding))
            found.append(finding)
        return found

    review = review_document(read.doc, rules=rules, profile=profile, stage=AUDIT_STAGE, record=read.record,
                             draft=draft.name, files=read.files, review_date=day, doc_type=doc_type,
                             facts=first.facts, more=more, date_label="清理基准日" if as_of else "文件施行时")
    review.errors.extend(read.errors)
    if own is None:
        review.errors.append(ReadError(code="AUDIT-DATE", file=str(draft.text),
                                       message="未能从文本读出文件的发布或施行日期：未按文件自身日期核对引用"
                                               + ("" if as_of else f"，按{day.isoformat()}审核")))
    disposition = dispose(review, issue, day, cited, own_findings, dated=as_of is not None or own is not None)
    review.audit = {"as_of": day.isoformat(), **issue.as_dict(), **disposition.as_dict(),
                    "doc_type": review.doc_type}
    return review


def _cited(ctx, day: dt.date, own: dt.date | None) -> list[Cited]:
    """Each law the document cites (not itself, not what it repeals), as the registry knows it on ``day`` and on
    its own date."""
    from ..kinds.citation import version_text

    registry = ctx.registry
    title = ctx.doc.title_block.title
    implemented = {m.group("a") or m.group("b") for m in _IMPLEMENTS.finditer(title)}
    implemented_insts = {id(i) for name in implemented if (i := registry.resolve(name)) is not None}
    out: dict[int, Cited] = {}
    for c in ctx.facts.citations:
        if c.role in ("self", "repeal", "former") or not c.title and c.kind != "doc_number":
            continue
        inst = c.resolve(registry)
        if inst is None or inst.title == title:
            continue
        law = out.get(id(inst))
        if law is None:
            law = out[id(inst)] = Cited(inst.title, basis=False, implemented=id(inst) in implemented_insts,
                                        where=c.unit.label or "")
            ok, reason = registry.in_force(inst, day)
            if not ok and inst.repealed is not None and inst.repealed.since <= day:
                law.repealed = reason
                law.successor = inst.repealed.by or ""
            if own is not None and own < day:
                then, now = registry.version_on(inst, own), registry.version_on(inst, day)
                if then is not None and now is not None and then is not now:
                    law.revised = version_text(inst, now, count=False)
        law.basis = law.basis or c.role == "basis"
    return list(out.values())
