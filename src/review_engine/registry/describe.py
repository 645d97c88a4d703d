"""What ``review-engine laws list``, ``laws show`` and ``laws search`` print: the registry's facts in Chinese."""

from __future__ import annotations

import datetime as dt

from review_engine.numerals import to_chinese
from review_engine.registry.articles import ArticleFact, PenaltyFact, Provision
from review_engine.registry.lawtext import article_label
from review_engine.registry.loader import Registry
from review_engine.registry.model import Instrument, Version
from review_engine.registry.search import Found
from review_engine.registry.texts import LawTexts

__all__ = ["article_text", "found_text", "list_rows", "penalty_text", "provision_text", "registry_line", "show_text"]

KIND_NAMES = {"licence": "行政许可", "fee": "收费", "coercion": "行政强制", "penalty": "行政处罚", "obligation": "义务"}


def _date(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "—"


def registry_line(registry: Registry) -> str:
    """上位法库（national_law，2025年4月19日快照，1,083 部）."""
    packs = "；".join(f"{p.name}，{_date(dt.date.fromisoformat(p.meta['snapshot']))}快照" for p in registry.packs)
    return f"上位法库（{packs or '无导入的法律文本'}，{len(registry)} 部）"


def list_rows(registry: Registry, day: dt.date | None = None) -> list[tuple[str, ...]]:
    """(名称, 效力层级, 状态, 现行版本, 条数, 条文事实) for every instrument, as of ``day`` (default today)."""
    day = day or dt.date.today()
    rows = []
    for inst in registry.all():
        version = registry.version_on(inst, day) or inst.current
        ok, _ = registry.in_force(inst, day)
        status = inst.status if ok or inst.status == "已废止" else "尚未施行"
        facts = ""
        text_facts = inst.facts_for(version)
        if text_facts is not None:
            ranges = sum(1 for a in text_facts.articles.values() for p in a.penalties if p.kind != "none")
            provided = sum(len(a.provisions) for a in text_facts.articles.values())
            facts = f"{version.label}：{ranges}个罚款幅度，{provided}项许可、收费、强制"
        count = ""
        if version is not None and version.article_count:
            count = str(version.article_count) + ("" if version.count_verified else "?")
        rows.append((inst.title, inst.level, status, version.label if version else "", count, facts))
    return rows


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
    extra = []
    if p.targets:
        extra.append("对" + "、".join(p.targets))
    if p.condition:
        extra.append(p.condition + "的")
    if p.body:
        extra.append("由" + p.body)
    tail = f"（{'；'.join(extra)}）" if extra else ""
    return f"{_where(p.paragraph, p.item)} {types} {amount}{tail}".strip()


def provision_text(p: Provision) -> str:
    """One provision as a line: 第三款 行政许可 水产苗种的生产（县级以上地方人民政府渔业行政主管部门审批）."""
    name = p.name
    if p.kind == "obligation":
        name = f"{p.subject or ''}{p.verb or ''}{p.name}"
    who = ""
    if p.body:
        who = f"（{p.body}{p.verb or ''}）" if p.kind == "licence" else f"（{p.body}）"
    denied = "（禁止或者免除）" if p.denied else ""
    return f"{_where(p.paragraph, p.item)} {KIND_NAMES[p.kind]} {name}{who}{denied}".strip()


def _where(paragraph: int | None, item: int | None) -> str:
    where = f"第{to_chinese(paragraph)}款" if paragraph else ""
    return where + (f"第（{to_chinese(item)}）项" if item else "")


def show_text(inst: Instrument, registry: Registry, day: dt.date | None = None, *, quotes: bool = True) -> str:
    """Everything the registry knows about ``inst``: versions, status as of ``day``, article facts."""
    day = day or dt.date.today()
    issuer = f"；制定机关：{inst.issuer}" if inst.issuer else ""
    lines = [f"《{inst.title}》", f"  效力层级：{inst.level}{issuer}" + (f"；{inst.doc_number}" if inst.doc_number else "")]
    if inst.short:
        lines.append(f"  简称：{'、'.join(inst.short)}")
    ok, reason = registry.in_force(inst, day)
    lines.append(f"  状态：{inst.status}" + ("" if ok else f"（{reason.rstrip('。')}）") + f"（按{_date(day)}）")
    current = registry.version_on(inst, day)
    lines.append("  版本：")
    for v in inst.versions:
        lines.extend(_version_lines(inst, v, v is current and ok))
    if inst.repealed:
        r = inst.repealed
        when = _date(r.date) if r.date else f"日期未载明（{_date(r.known_by)}时已失效）"
        by = f"，由《{r.by}》取代" if r.by else ""
        lines.append(f"  废止：{when}{by}" + (f"（{r.note}）" if r.note else ""))
        if r.source:
            lines.append(f"    来源：{r.source}")
    shown = current if inst.facts_for(current) is not None else (inst.text_versions or [None])[-1]
    facts = inst.facts_for(shown)
    if facts is None:
        lines.append("  条文事实：无（未导入该版本的法律文本；依赖条文事实的检查将记为“未能检查”）")
    else:
        note = "" if shown is current else "（不是现行版本，不用于现行文本的检查）"
        lines.append(f"  条文事实：{shown.label}{note}")  # type: ignore[union-attr]
        for key, fact in facts.articles.items():
            lines.extend(_fact_lines(key, fact, quotes=quotes, indent="    "))
    if inst.notes:
        lines.append(f"  说明：{inst.notes}")
    if inst.path:
        lines.append(f"  人工录入：{inst.path}")
    return "\n".join(lines)


def _version_lines(inst: Instrument, v: Version, current: bool) -> list[str]:
    count = f"{v.article_count}条" if v.article_count else "条数未知"
    if v.article_count and not v.count_verified:
        count += "（未核实）"
    dates = "，".join(x for x in (f"公布{_date(v.promulgated)}" if v.promulgated else "",
                                  f"修改{_date(v.amended)}" if v.amended else "",
                                  f"施行{_date(v.effective)}" if v.effective else "") if x)
    renumbered = "，条文序号调整" if v.renumbered else ""
    successor = inst.successor(v)
    replaced = f"，被{successor.label}取代" if successor is not None else ""
    text = "，有文本" if v.texts else ""
    out = [f"    {v.label}：{dates}，{count}{renumbered}{text}{replaced}" + (" ← 现行" if current else ""),
           f"      来源：{v.source}"]
    return out


def _fact_lines(key: str, fact: ArticleFact, *, quotes: bool, indent: str) -> list[str]:
    number, _, suffix = key.partition("-")
    head = f"{indent}{article_label(int(number), int(suffix or 0))}"
    if fact.refers:
        head += "：依照" + "、".join(f"第{to_chinese(n)}条" for n in fact.refers) + "的规定处罚"
    elif fact.other_law and not fact.penalties:
        head += "：适用其他法律的处罚规定"
    lines = [head]
    for pen in fact.penalties:
        lines.append(f"{indent}  {penalty_text(pen)}")
        if quotes:
            lines.append(f"{indent}    “{pen.quote}”")
    for p in fact.provisions:
        lines.append(f"{indent}  {provision_text(p)}")
        if quotes and p.quote:
            lines.append(f"{indent}    “{p.quote}”")
    return lines


def article_text(inst: Instrument, registry: Registry, number: int, suffix: int = 0, *, day: dt.date,
                 texts: LawTexts) -> str:
    """One article: its facts in the version in force on ``day``, and its text when a folder is configured."""
    version = registry.version_on(inst, day)
    label = article_label(number, suffix)
    if version is None:
        return f"《{inst.title}》{_date(day)}尚未施行。"
    lines = [f"《{inst.title}》{label}（{version.label}，按{_date(day)}）"]
    exists = version.has_article(number, suffix)
    if exists is False:
        lines.append(f"  {version.label}共{to_chinese(version.article_count or version.last or 0)}条，没有{label}。")
        return "\n".join(lines)
    facts = inst.facts_for(version)
    key = f"{number}-{suffix}" if suffix else str(number)
    if facts is None:
        lines.append("  条文事实：无（未导入该版本的法律文本）")
    else:
        shape = facts.structure(number, suffix)
        layout = "、".join(f"第{to_chinese(i)}款" + (f"（{to_chinese(n)}项）" if n else "") for i, n in
                           enumerate(shape, 1))
        lines.append(f"  款项：{layout}")
        fact = facts.fact(number, suffix)
        if fact is None:
            lines.append("  条文事实：未规定行政处罚、许可、收费或者行政强制")
        else:
            lines.extend(_fact_lines(key, fact, quotes=False, indent="  ")[1:])
        rows = [r for r in obligations_of(registry, inst, version) if r[0] == key]
        for _key, verb, subject, act, paragraph, item in rows:
            lines.append(f"    {_where(paragraph, item)} 义务 {subject or ''}{verb}{act}".rstrip())
    article = texts.article(inst, version, number, suffix) if texts else None
    if article is not None:
        lines.append("  条文：")
        lines.extend(f"    {line}" for line in article.text().split("\n"))
    else:
        lines.append(f"  条文：{texts.missing() if version.texts else '上位法库没有该版本的文本'}")
    return "\n".join(lines)


def obligations_of(registry: Registry, inst: Instrument, version: Version) -> list:
    """The obligations the import read in ``version`` of ``inst``: [article key, verb, subject, act, 款, 项] each."""
    for pack in registry.packs:
        if pack.name == inst.origin and inst.id in pack.index["obligations"]:
            return pack.obligations(inst.id).get(version.label, [])
    return []


def found_text(found: Found) -> str:
    """One search result: 《title》第X条（version）行政许可 name（body）."""
    number, _, suffix = found.article.partition("-")
    label = article_label(int(number), int(suffix or 0))
    body = f"（{found.body}）" if found.body else ""
    return f"《{found.inst.title}》{label}（{found.version.label}）{KIND_NAMES[found.kind]} {found.name}{body}"
