"""一、送审情况 of the opinion: who submitted what — issuer, drafting unit, materials provided, recorded or missing,
and the procedural record in a few lines, each saying where it was read (dossier.yaml or a material's sentence)."""

from __future__ import annotations

import datetime as dt

from ...findings import Review


def zh_date(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def submission(review: Review) -> dict:
    dossier = review.dossier
    record = review.record
    files = review.files or {}
    issuer = getattr(dossier, "issuer", None)
    issuer_name = review.issuer
    legality = getattr(dossier, "legality_review", None)
    flags = getattr(dossier, "flags", None)
    said = _Said(record)
    materials = [_material("文件送审稿", files.get("draft"))]
    materials.append(_material("起草说明", files.get("起草说明")))
    materials.append(_material("制定依据（所依据的法律、法规、规章和国家政策规定）", files.get("依据文件")))
    consultation = getattr(dossier, "consultation", None)
    materials.append(_material("征求意见及意见采纳情况", files.get("征求意见及采纳情况"),
                               said.note(("consultation",), "载有征求意见情况") if consultation is not None else None))
    if getattr(issuer, "type", None) in ("人民政府", "办公厅"):
        own = getattr(dossier, "drafting_unit_legality_review", None)
        materials.append(_material("起草部门的合法性审核意见", files.get("合法性审核意见"),
                                   said.note(("drafting_unit_legality_review",), "载明已经起草部门合法性审核")
                                   if getattr(own, "done", None) else None))
    fcr = getattr(dossier, "fair_competition_review", None)
    if getattr(flags, "market_related", None) or getattr(fcr, "done", None):
        note = None
        if fcr is not None and getattr(fcr, "done", None):
            note = said.note(("fair_competition_review",), "载明已进行公平竞争审查") + (
                f"，结论为{fcr.conclusion}" if fcr.conclusion else "")
        materials.append(_material("公平竞争审查结论", files.get("公平竞争审查"), note))
    if getattr(flags, "major_decision", None) or getattr(flags, "stability_risk", None):
        risk = getattr(dossier, "risk_assessment", None)
        materials.append(_material("风险评估报告", files.get("风险评估"),
                                   said.note(("risk_assessment",), "载明已进行风险评估") if getattr(risk, "done", None) else None))
    if getattr(flags, "technical", None) or getattr(flags, "major_decision", None):
        expert = getattr(dossier, "expert_review", None)
        materials.append(_material("专家论证意见", files.get("专家论证"),
                                   said.note(("expert_review",), "载明已进行专家论证") if getattr(expert, "done", None) else None))
    hearing = getattr(dossier, "hearing", None)
    if getattr(hearing, "held", None):
        materials.append(_material("听证报告", files.get("听证报告"), said.note(("hearing",), "载明已举行听证")))
    facts = getattr(record, "facts", None)
    missing = [m["name"] for m in materials if not m["present"]]
    from .wording import issuer_note

    return {
        "issuer": issuer_name or "",
        "issuer_note": issuer_note(review),
        "issuer_type": getattr(issuer, "type", None) or "",
        "issuer_level": getattr(issuer, "level", None) or "",
        "joint_issuers": [getattr(j, "name", None) or "" for j in getattr(dossier, "joint_issuers", None) or []],
        "drafting_unit": getattr(dossier, "drafting_unit", None) or "",
        "doc_type": review.doc_type or "",
        "received": zh_date(getattr(legality, "received", None)),
        "reviewer": getattr(legality, "reviewer", None) or "",
        "materials": materials,
        "missing": missing,
        "complete": not missing,
        "has_dossier": dossier is not None,
        "record": _record(dossier, said),
        "unreadable": sorted(getattr(facts, "unreadable", {}) or {}),
    }


class _Said:
    """Where the record says something: dossier.yaml, or a material (file, line, sentence)."""

    def __init__(self, record):
        self.record = record

    def origin(self, path: tuple):
        origin = getattr(self.record, "origin", None)
        return origin(path) if origin is not None else None

    def note(self, path: tuple, what: str) -> str:
        """程序记录载明… / 起草说明.md载明…"""
        origin = self.origin(path)
        if origin is not None and origin.source != "dossier" and origin.file:
            return f"{origin.file}{what}"
        return f"程序记录{what}"

    def source(self, *paths: tuple) -> str:
        """（起草说明.md第17行：“……”） when the first known field of ``paths`` was read from a material."""
        for path in paths:
            origin = self.origin(path)
            if origin is None:
                continue
            if origin.source == "dossier" or not origin.file:
                return ""
            quote = origin.quote if len(origin.quote) <= 60 else origin.quote[:59] + "…"
            where = f"{origin.file}第{origin.line}行" if origin.line else origin.file
            return f"（{where}：“{quote}”）" if quote else f"（{where}）"
        return ""


def _material(name: str, file: str | None, note: str | None = None) -> dict:
    """A material of the submission: provided as a file, recorded in the dossier only, or missing. ``status``
    is what the officer reads (no file names: ``file`` keeps the file for the appendix)."""
    from .wording import plain

    if file:
        return {"name": name, "state": "provided", "present": True, "file": file, "status": "已提供"}
    if note:
        return {"name": name, "state": "recorded", "present": True, "file": None,
                "status": f"未单独提供（{plain(note)}）"}
    return {"name": name, "state": "missing", "present": False, "file": None, "status": "未提供"}


def _record(dossier, said: _Said) -> list[dict]:
    """The procedural record in a few lines (what the record says happened, and where it says so)."""
    if dossier is None:
        return []
    out = []

    from .wording import plain

    def add(name, text, *paths):
        out.append({"name": name, "text": text + (plain(said.source(*paths)) if paths else "")})

    if getattr(dossier, "basis", None):
        add("制定依据", "".join(f"《{t}》" for t in dossier.basis), ("basis",))
    c = getattr(dossier, "consultation", None)
    if c is None:
        add("公开征求意见", "未记载")
    else:
        if c.start or c.end:
            text = f"{zh_date(c.start) or '（起始日期未记载）'}至{zh_date(c.end) or '（截止日期未记载）'}"
        else:
            text = "（起止日期未记载）"
        if c.days and not c.end:
            text = f"{zh_date(c.start) or '（起始日期未记载）'}起，为期{c.days}日"
        if c.channels:
            text += f"，通过{'、'.join(c.channels)}"
        if c.comments is not None:
            text += f"，收到意见{c.comments}条"
        if c.adopted is not None:
            text += f"，采纳{c.adopted}条"
        if c.feedback_published is not None:
            text += "，已公开意见采纳情况" if c.feedback_published else "，未公开意见采纳情况"
        add("公开征求意见", text, ("consultation", "start"), ("consultation", "days"), ("consultation",))
    h = getattr(dossier, "hearing", None)
    add("听证", "未记载" if h is None or h.held is None else
        (f"已举行（{zh_date(h.date)}）" if h.held and h.date else "已举行" if h.held else "未举行"), ("hearing",))
    e = getattr(dossier, "expert_review", None)
    add("专家论证", "未记载" if e is None or e.done is None else ("已进行" if e.done else "未进行"), ("expert_review",))
    r = getattr(dossier, "risk_assessment", None)
    add("风险评估", "未记载" if r is None or r.done is None else ("已进行" if r.done else "未进行"), ("risk_assessment",))
    f = getattr(dossier, "fair_competition_review", None)
    if f is None or f.done is None:
        add("公平竞争审查", "未记载")
    elif f.done:
        text = "已进行"
        if f.date:
            text += f"（{zh_date(f.date)}）"
        if f.conclusion:
            text += f"，结论：{f.conclusion}"
        if f.joint_with_market_regulator:
            text += "，会同市场监督管理部门审查"
        add("公平竞争审查", text, ("fair_competition_review",))
    else:
        add("公平竞争审查", "未进行", ("fair_competition_review",))
    own = getattr(dossier, "drafting_unit_legality_review", None)
    if own is not None and own.done is not None:
        add("起草单位合法性审核", ("已进行" + (f"（{zh_date(own.date)}）" if own.date else "")) if own.done else "未进行",
            ("drafting_unit_legality_review",))
    d = getattr(dossier, "collective_deliberation", None)
    if d is not None and (d.meeting or d.date):
        add("集体审议", "，".join(x for x in (d.meeting, zh_date(d.date)) if x), ("collective_deliberation",))
    return out
