"""The opinion's view model: a ``Review`` → the plain values every opinion template shows.

Sections (legal-review-spec.md §8): title 关于《…（送审稿）》的合法性审核意见 and number; 一、送审情况 (issuer,
date received, materials present or missing, the procedural record: ``submission.py``); 二、审核依据 (the review
framework and every law a finding cites or the draft relies on, by level); 三、审核情况 by the seven review items of
国办发〔2018〕115号（六） plus the drafting form, each with the checks that ran and what they found; 四、具体修改意见
(numbered; 条/款/项, the words, the basis quoted, the suggested rewrite; then 提示事项 that do not change the
verdict); 五、审核结论 (合法 / 应当予以修改 / 不合法 and what follows); 附件 (waived findings with their reasons,
checks that could not run, records that could not be read).

Everything here is read off the ``Review``: which rules ran and what they found, the document type, the issuer and
the cited laws are what the engine decided (``Review.checks``, ``doc_type``, ``issuer``, ``cited``); nothing is
re-derived. The opinion number is left for the office to fill (``审核意见〔2026〕第　　号``: the year is the review
year); a deterministic reference ``RE-YYYYMMDD-XXXXXX`` (review date and a short hash of the draft folder's name and
title) identifies the generated opinion in the footer. Nothing depends on the path the draft was read from or on
the time of day, so the same review date gives the same opinion.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...findings import REVIEW_ITEMS, SEVERITY_ORDER, Finding, Review
from ...findings import SEVERITY_ZH as SEVERITY_LABEL
from .appendix import technical
from .submission import submission, zh_date
from .wording import addressee, opening, plain, where

ORDINALS = "一二三四五六七八九十"
ITEM_LABEL = {
    "subject": "制定主体", "authority": "制定权限", "content": "内容合法性", "measures": "许可、处罚、强制、征收、收费",
    "rights": "权利义务", "powers": "权力和职责", "procedure": "制定程序", "drafting": "文本规范",
}
NEXT_STEP = {"合法": "可以提交集体审议", "应当予以修改": "修改后提交集体审议", "不合法": "不得提交集体审议"}
FRAMEWORK = "《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号）"
LEVEL_ORDER = ("宪法", "法律", "行政法规", "地方性法规", "部门规章", "地方政府规章", "规范性文件", "司法解释", "党内法规", "其他")
_MAX_CLAUSE = 240  # characters of a clause shown as 原文 before it is cut around the quoted words


# ---- helpers ------------------------------------------------------------------------------------------------

def ordinal(n: int) -> str:
    """1 → 一, 12 → 十二 (section and item numbering)."""
    from ...numerals import to_chinese

    return to_chinese(n)


def reference(review: Review) -> str:
    """RE-YYYYMMDD-XXXXXX: the review date and a hash of the draft's folder (or file) name and title."""
    name = Path(review.draft).name
    digest = hashlib.sha256(f"{name}\n{review.title}".encode("utf-8")).hexdigest()[:6].upper()
    day = review.reviewed_on.strftime("%Y%m%d") if review.reviewed_on else "00000000"
    return f"RE-{day}-{digest}"


def _doc_title(review: Review) -> str:
    """The draft's title as the opinion names it: 某县养犬管理办法（送审稿）."""
    doc = review.document
    title = review.title or (doc.title_block.title if doc is not None else "") or Path(review.draft).stem
    marks = list(getattr(getattr(doc, "title_block", None), "marks", None) or [])
    mark = next((m for m in marks if m in ("送审稿", "征求意见稿", "草案", "修订草案", "代拟稿")), None)
    if mark is None and review.stage == "pre-issuance":
        mark = "送审稿"
    return f"{title}（{mark}）" if mark and not title.endswith("）") else title


def _registry():
    try:
        from ...registry import default_registry

        return default_registry()
    except Exception:  # the opinion must render even when the registry cannot be loaded
        return None


@lru_cache(maxsize=512)
def _law_facts(law: str) -> tuple[str, str, str | None]:
    """(full title, level, 文号) of ``law`` from the registry; the title as given when it is unknown."""
    registry = _registry()
    inst = registry.resolve(law) if registry is not None else None
    if inst is None:
        level = "法律" if law.startswith("中华人民共和国") else "其他"
        return law.strip("《》"), level, None
    return inst.title, inst.level, inst.doc_number


def _basis_view(basis) -> dict:
    title, level, number = _law_facts(basis.law)
    cite = basis.model_copy(update={"law": title}).cite()
    return {"cite": cite, "law": title, "level": level, "quote": basis.quote.strip(), "doc_number": number}


def _location_text(finding: Finding) -> str:
    loc = finding.location
    parts = []
    if loc.file:
        parts.append(loc.file)
    if loc.line:  # a Word draft is read paragraph by paragraph: its "line" is the paragraph
        parts.append(f"第{loc.line}{'段' if (loc.file or '').lower().endswith('.docx') else '行'}")
    return " ".join(parts)


class _ClauseFinder:
    """The text of the clause each finding points at, by eId (the document's nodes indexed once per opinion,
    so that an opinion with thousands of findings is rendered in time proportional to them)."""

    def __init__(self, doc):
        self.doc = doc
        self._nodes: dict[str, Any] | None = None

    def text(self, eid: str | None) -> str:
        doc = self.doc
        if doc is None or not eid or eid == "signature":
            return ""
        if eid == "title":
            return doc.title_block.title
        if self._nodes is None:
            self._nodes = {}
            for node in doc.nodes():
                self._nodes.setdefault(node.eid, node)
        node = self._nodes.get(eid)
        return (node.text or node.heading or "") if node is not None else ""

    def clause(self, finding_group: list[Finding]) -> tuple[str, list[dict]]:
        return _clause(self.text(finding_group[0].location.eid), finding_group)


def _clause(text: str, finding_group: list[Finding]) -> tuple[str, list[dict]]:
    """The clause a finding points at, and its text split into segments with the quoted words marked."""
    words = [f.excerpt for f in finding_group if f.excerpt]
    if not text or not any(w in text for w in words):
        return "", []
    if len(text) > _MAX_CLAUSE:
        first = min(text.find(w) for w in words if w in text)
        start = max(0, first - _MAX_CLAUSE // 3)
        end = min(len(text), start + _MAX_CLAUSE)
        text = ("……" if start else "") + text[start:end] + ("……" if end < len(text) else "")
    return text, _segments(text, words)


def _segments(text: str, words: list[str]) -> list[dict]:
    spans = []
    for word in dict.fromkeys(words):
        for found in re.finditer(re.escape(word), text):
            spans.append((found.start(), found.end()))
    spans.sort()
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        if start > pos:
            out.append({"text": text[pos:start], "mark": False})
        out.append({"text": text[start:end], "mark": True})
        pos = end
    if pos < len(text):
        out.append({"text": text[pos:], "mark": False})
    return out


def _rule_title(review: Review, rule_id: str, fallback: str = "") -> str:
    rules = review.rules
    loaded = rules.get(rule_id) if rules is not None and hasattr(rules, "get") else None
    return loaded.rule.title if loaded is not None else fallback



# ---- the view model -------------------------------------------------------------------------------------------

def opinion_context(review: Review) -> dict[str, Any]:
    """Everything the templates show, as plain values (documented in docs/guide.md)."""
    live = [f for f in review.findings if not f.waived and f.family != "waiver"]
    waived = [f for f in review.findings if f.waived]
    about_waivers = [f for f in review.findings if f.family == "waiver"]
    doc_title = _doc_title(review)

    # 具体修改意见: findings grouped by (rule, clause), in document order; block/modify first list, warn/info second
    groups: dict[tuple, list[Finding]] = {}
    draft_file = (review.files or {}).get("draft")
    for finding in sorted(live, key=lambda f: (f.location.file not in (None, draft_file), f.sort_key())):
        key = (finding.rule_id, finding.location.eid or finding.location.label or finding.location.line)
        groups.setdefault(key, []).append(finding)
    suggestions, notes = [], []
    clauses = _ClauseFinder(review.document)
    for group in groups.values():
        target = suggestions if SEVERITY_ORDER[group[0].severity] >= SEVERITY_ORDER["modify"] else notes
        target.append(_suggestion(review, group, len(target) + 1, clauses))
    by_finding = {id(f): s for s in suggestions + notes for f in s["findings"]}

    items = []
    checks_by_item = _checks_by_item(review)
    for index, (key, question) in enumerate(REVIEW_ITEMS.items(), start=1):
        # the suggestions of this item, each once, by identity: comparing the dicts made this quadratic
        refs = list({id(s): s for s in (by_finding[id(f)] for f in live if f.review_item == key)}.values())
        item_waived = [f for f in waived if f.review_item == key]
        checks = checks_by_item.get(key, [])
        not_run = [c for c in checks if c["not_run"]]
        items.append({
            "key": key, "number": index, "ordinal": f"（{ordinal(index)}）", "question": question,
            "label": ITEM_LABEL[key], "checks": checks, "not_run": not_run,
            "findings": refs, "waived_count": len(item_waived),
            "summary": _item_summary(refs, len(item_waived), checks, not_run),
        })

    counts = review.counts()
    sub = submission(review)
    return {
        "title": f"关于《{doc_title}》的合法性审核意见",
        "addressee": addressee(review),
        "opening": opening(review, doc_title, sub["received"], FRAMEWORK),
        "doc_title": doc_title,
        "draft_name": Path(review.draft).name,
        "number": f"审核意见〔{review.reviewed_on.year if review.reviewed_on else '　　'}〕第　　号",
        "reference": reference(review),
        "reviewed_on": review.reviewed_on.isoformat() if review.reviewed_on else "",
        "reviewed_on_zh": zh_date(review.reviewed_on),
        "stage": review.stage,
        "stage_zh": "制定前合法性审核" if review.stage == "pre-issuance" else "备案审查",
        "profile": review.profile,
        "verdict": review.verdict,
        "next_step": NEXT_STEP[review.verdict],
        "counts": counts,
        "counts_zh": {SEVERITY_LABEL[k]: v for k, v in counts.items()},
        "submission": sub,
        "framework": FRAMEWORK,
        "bases": _bases(review.findings, review.cited),
        "items": items,
        "suggestions": suggestions,
        "notes": notes,
        "conclusion": _conclusion(review, doc_title, live, items),
        "waived": [_waived_view(review, f) for f in waived],
        "waiver_problems": [{"rule_id": f.rule_id, "title": f.title, "message": f.message,
                             "where": _location_text(f)} for f in about_waivers],
        "not_run": [{"rule_id": n.rule_id, "title": _rule_title(review, n.rule_id), "reason": n.reason}
                    for n in review.not_run],
        "errors": [_error_view(e) for e in review.errors],
        "rule_count": len(review.rules) if review.rules is not None else 0,
        "reviewer": _reviewer(review),
        "technical": technical(review, suggestions, notes, items, reference(review)),
    }


def _suggestion(review: Review, group: list[Finding], number: int, clauses: _ClauseFinder) -> dict:
    first = group[0]
    clause, segments = clauses.clause(group)
    bases, seen = [], set()
    for f in group:
        for b in f.basis:
            view = _basis_view(b)
            if (view["cite"], view["quote"]) not in seen:
                seen.add((view["cite"], view["quote"]))
                bases.append(view)
    messages = list(dict.fromkeys(plain(f.message) for f in group))
    label = first.location.label or "全文"
    dossier_file = (review.files or {}).get("dossier", "")
    on_record = (bool(first.location.file) and (first.location.file == dossier_file
                                                or first.location.file.endswith((".yaml", ".yml")))
                 or (not first.location.file and (first.location.label or "").startswith("程序记录")))
    facts = getattr(review.record, "facts", None)
    on_materials = bool(first.location.file) and facts is not None and first.location.file in facts.files
    readings = list(dict.fromkeys(f.reading for f in group if f.reading))
    return {
        "number": number, "rule_id": first.rule_id, "title": first.title or _rule_title(review, first.rule_id),
        "severity": first.severity, "severity_zh": SEVERITY_LABEL[first.severity],
        "review_item": first.review_item, "label": label, "location": _location_text(first),
        "where": where(review, first, clauses.text(first.location.eid), on_record, on_materials),
        "reading": "；".join(readings), "readings": readings,
        "words": list(dict.fromkeys(plain(f.excerpt) if on_record else f.excerpt for f in group if f.excerpt)),
        "clause": clause, "segments": segments, "messages": messages, "message": "".join(messages),
        "suggestion": plain(next((f.suggestion for f in group if f.suggestion), "")),
        "bases": bases, "trigger": plain(first.trigger or "") or None, "findings": group,
        "source": "record" if on_record else "materials" if on_materials else "draft",
        "words_label": "程序记录" if on_record else "送审材料" if on_materials else "原文",
        "ref": f"{'修改意见' if SEVERITY_ORDER[first.severity] >= SEVERITY_ORDER['modify'] else '提示事项'}第{number}条",
    }


def _checks_by_item(review: Review) -> dict[str, list[dict]]:
    """The rules that applied (as the engine recorded them) under each review item, with what they found."""
    out: dict[str, list[dict]] = {}
    for run in review.checks:
        out.setdefault(run.item, []).append({
            "id": run.id, "title": run.title, "severity": run.severity, "found": run.found,
            "not_run": run.not_run, "reason": run.reason,
        })
    return out


def _item_summary(refs: list[dict], waived: int, checks: list[dict], not_run: list[dict]) -> str:
    ran = len(checks) - len(not_run)
    if refs:
        serious = [s for s in refs if SEVERITY_ORDER[s["severity"]] >= SEVERITY_ORDER["modify"]]
        parts = []
        if serious:
            parts.append(f"发现{len(serious)}处问题（见{_join_refs(serious)}）")
        if len(serious) < len(refs):
            rest = [s for s in refs if SEVERITY_ORDER[s["severity"]] < SEVERITY_ORDER["modify"]]
            parts.append(f"{len(rest)}处需要注意的事项（见{_join_refs(rest)}）")
        text = "，".join(parts) + "。"
    elif ran:
        text = "经审查，未发现问题。"
    elif checks:
        text = "本项检查未能进行，尚不能作出判断。"
    else:
        text = "规则集中没有本项的自动检查，由审核人员人工审查。"
    if waived:
        text += f"另有{waived}处经审核认定不予适用（见附件一）。"
    if not_run and ran:
        text += f"其中{len(not_run)}项检查未能进行（见附件二）。"
    return text


def _join_refs(refs: list[dict]) -> str:
    kinds: dict[str, list[str]] = {}
    for s in refs:
        kind, _, rest = s["ref"].partition("第")
        kinds.setdefault(kind, []).append(rest.rstrip("条"))
    return "，".join(f"{kind}第{'、'.join(numbers)}条" for kind, numbers in kinds.items())


def _bases(findings: list[Finding], cited: list[str] = ()) -> list[dict]:
    """Every law cited by a finding (waived ones included), then the known laws the draft relies on, by level,
    each with the articles the findings cite."""
    laws: dict[str, dict] = {}
    for f in sorted(findings, key=Finding.sort_key):
        for b in f.basis:
            title, level, number = _law_facts(b.law)
            if f"《{title}》" in FRAMEWORK:  # listed first in any case
                continue
            entry = laws.setdefault(title, {"law": title, "title": f"《{title}》", "level": level,
                                            "doc_number": number, "articles": []})
            if b.article and b.article not in entry["articles"]:
                entry["articles"].append(b.article)
    for law in cited:
        title, level, number = _law_facts(law)
        laws.setdefault(title, {"law": title, "title": f"《{title}》", "level": level, "doc_number": number,
                                "articles": []})
    out = []
    for entry in laws.values():
        entry["articles"].sort()
        entry["articles_zh"] = "、".join(f"第{ordinal(a)}条" for a in entry["articles"])
        entry["cite"] = entry["title"] + (f"（{entry['doc_number']}）" if entry["doc_number"] else "")
        out.append(entry)
    rank = {level: i for i, level in enumerate(LEVEL_ORDER)}
    order = {entry["law"]: i for i, entry in enumerate(out)}
    return sorted(out, key=lambda e: (rank.get(e["level"], len(rank)), order[e["law"]]))


def _conclusion(review: Review, doc_title: str, live: list[Finding], items: list[dict]) -> dict:
    verdict = review.verdict
    name = f"《{doc_title}》"
    # counted as the opinion numbers them: one per rule and clause
    groups = {(f.rule_id, f.location.eid or f.location.label or f.location.line): f for f in live}.values()
    block = [f for f in groups if f.severity == "block"]
    modify = [f for f in groups if f.severity == "modify"]
    hints = [f for f in groups if f.severity in ("warn", "info")]
    paragraphs = []
    if verdict == "合法":
        paragraphs.append(f"经审核，{name}制定主体、权限、内容和程序未发现违反法律、法规、规章和国家政策规定的情形，"
                          f"审核结论为：合法。可以按程序提交集体审议。")
    elif verdict == "应当予以修改":
        paragraphs.append(f"经审核，{name}有{len(modify)}处应当修改的内容，审核结论为：应当予以修改。"
                          f"请起草单位按照本意见第四部分逐条修改，修改后按程序提交集体审议；对本意见未予采纳的，"
                          f"应当在提请制定机关审议时详细说明理由和依据。")
    else:
        extra = f"，另有{len(modify)}处应当修改的内容" if modify else ""
        paragraphs.append(f"经审核，{name}有{len(block)}处违反法律、法规、规章规定的内容{extra}，审核结论为：不合法。"
                          f"根据国办发〔2018〕115号文件的规定，经审核不合法的文件，不得提交集体审议。"
                          f"请起草单位按照本意见修改后，重新报送合法性审核。")
        block_items = {f.review_item for f in live if f.severity == "block"}
        if block_items & {"subject", "authority"}:
            paragraphs.append("制定机关不具有制定该文件的法定权限，或者送审稿的主要内容不合法的，建议不予制定。")
        elif block_items == {"procedure"}:
            paragraphs.append("送审稿未履行法定程序的，建议退回起草单位补正程序。")
    if hints:
        paragraphs.append(f"本意见所列{len(hints)}项提示事项不影响审核结论，请起草单位研究。")
    if review.not_run or review.errors:
        paragraphs.append("部分检查未能进行（见附件二），相关事项请起草单位补充材料或者说明情况后予以确认。")
    return {"verdict": verdict, "next_step": NEXT_STEP[verdict], "paragraphs": paragraphs, "text": "".join(paragraphs)}


def _waived_view(review: Review, finding: Finding) -> dict:
    return {"rule_id": finding.rule_id, "title": finding.title or _rule_title(review, finding.rule_id),
            "label": finding.location.label or "全文", "excerpt": finding.excerpt, "message": finding.message,
            "reason": finding.waiver_reason or "", "severity_zh": SEVERITY_LABEL[finding.severity]}


def _error_view(error) -> dict:
    where = " ".join(x for x in (Path(error.file).name if error.file else "",
                                  f"第{error.line}行" if error.line else "") if x)
    return {"code": error.code, "where": where, "message": error.message}


def _reviewer(review: Review) -> str:
    legality = getattr(review.dossier, "legality_review", None)
    return getattr(legality, "reviewer", None) or ""
