"""What ``review-engine laws list`` and ``laws show`` print: the registry's facts in Chinese."""

from __future__ import annotations

import datetime as dt

from review_engine.numerals import to_chinese
from review_engine.registry.loader import Registry
from review_engine.registry.model import Instrument, PenaltyFact

__all__ = ["list_rows", "penalty_text", "show_text"]


def _date(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "—"


def list_rows(registry: Registry, day: dt.date | None = None) -> list[tuple[str, ...]]:
    """(名称, 效力层级, 状态, 现行版本, 条数, 条文事实) for every instrument, as of ``day`` (default today)."""
    day = day or dt.date.today()
    rows = []
    for inst in registry.all():
        version = registry.version_on(inst, day) or inst.current
        ok, _ = registry.in_force(inst, day)
        status = inst.status if ok or inst.status == "已废止" else "尚未施行"
        facts = ""
        if inst.articles_version:
            ranges = sum(1 for a in inst.articles.values() for p in a.penalties if p.kind != "none")
            facts = f"{inst.articles_version}：{len(inst.articles)}条处罚，{ranges}个罚款幅度"
        count = ""
        if version is not None and version.article_count:
            count = str(version.article_count) + ("" if version.count_verified else "?")
        rows.append((inst.title, inst.level, status, version.label if version else "", count, facts))
    return rows


def _num(value) -> str:
    value = value.normalize() if hasattr(value, "normalize") else value
    if value == int(value):
        return to_chinese(int(value))
    return f"{value:f}"


def penalty_text(p: PenaltyFact) -> str:
    """One penalty as a line: 罚款 20–200元（警告或者）, 违法所得1–5倍 …"""
    types = "、".join(p.types)
    if p.kind == "none":
        amount = ""
    elif p.kind in ("multiple", "percent"):
        unit = "倍" if p.kind == "multiple" else "%"
        lo = f"{p.min:g}" if p.min is not None else ""
        hi = f"{p.max:g}" if p.max is not None else ""
        amount = f"{p.base or ''} {lo}–{hi}{unit}" if lo != hi else f"{p.base or ''} {hi}{unit}"
    else:
        lo = f"{p.min:,.0f}" if p.min is not None else ""
        hi = f"{p.max:,.0f}" if p.max is not None else ""
        amount = f"{lo}元" if p.kind == "fixed" else f"{lo}–{hi}元"
    where = f"第{to_chinese(p.paragraph)}款" if p.paragraph else ""
    if p.item:
        where += f"第（{to_chinese(p.item)}）项"
    extra = []
    if p.targets:
        extra.append("对" + "、".join(p.targets))
    if p.condition:
        extra.append(p.condition + "的")
    tail = f"（{'；'.join(extra)}）" if extra else ""
    return f"{where} {types} {amount}{tail}".strip()


def show_text(inst: Instrument, registry: Registry, day: dt.date | None = None, *, quotes: bool = True) -> str:
    """Everything the registry knows about ``inst``: versions, status as of ``day``, article facts."""
    day = day or dt.date.today()
    lines = [f"《{inst.title}》", f"  效力层级：{inst.level}；制定机关：{inst.issuer}" + (f"；{inst.doc_number}" if inst.doc_number else "")]
    if inst.short:
        lines.append(f"  简称：{'、'.join(inst.short)}")
    ok, reason = registry.in_force(inst, day)
    lines.append(f"  状态：{inst.status}" + ("" if ok else f"（{reason.rstrip('。')}）") + f"（按{_date(day)}）")
    current = registry.version_on(inst, day)
    lines.append("  版本：")
    for v in inst.versions:
        mark = " ← 现行" if v is current and ok else ""
        count = f"{v.article_count}条" if v.article_count else "条数未知"
        if v.article_count and not v.count_verified:
            count += "（未核实）"
        dates = "，".join(x for x in (f"公布{_date(v.promulgated)}" if v.promulgated else "",
                                      f"修改{_date(v.amended)}" if v.amended else "",
                                      f"施行{_date(v.effective)}" if v.effective else "") if x)
        renumbered = "，条文序号调整" if v.renumbered else ""
        lines.append(f"    {v.label}：{dates}，{count}{renumbered}{mark}")
        lines.append(f"      来源：{v.source}")
    if inst.repealed:
        by = f"，由《{inst.repealed.by}》取代" if inst.repealed.by else ""
        lines.append(f"  废止：{_date(inst.repealed.date)}{by}" + (f"（{inst.repealed.note}）" if inst.repealed.note else ""))
    if inst.articles_version is None:
        lines.append("  条文事实：无（未导入法律文本；依赖条文事实的检查将记为“未能检查”）")
    else:
        note = "" if inst.has_facts_for(current) else "（不是现行版本，不用于现行文本的检查）"
        lines.append(f"  条文事实：{inst.articles_version}{note}，{len(inst.articles)}条规定了行政处罚")
        for number, fact in sorted(inst.articles.items()):
            head = f"    第{to_chinese(number)}条"
            if fact.refers:
                head += "：依照" + "、".join(f"第{to_chinese(n)}条" for n in fact.refers) + "的规定处罚"
            if not fact.penalties:
                lines.append(head if fact.refers else head + "：适用其他法律的处罚规定")
                continue
            lines.append(head)
            for pen in fact.penalties:
                lines.append(f"      {penalty_text(pen)}")
                if quotes:
                    lines.append(f"        “{pen.quote}”")
    if inst.notes:
        lines.append(f"  说明：{inst.notes}")
    if inst.path:
        lines.append(f"  文件：{inst.path}")
    return "\n".join(lines)
