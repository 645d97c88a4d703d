"""How a disposition (处理建议) follows from the review of an issued document — conservative, and explained.

A 清理 sorts every document into 继续有效, 修改, 废止 or 宣布失效 (民政部规范性文件制定与审查办法 第23条: documents to
continue must be cleared before their validity ends and published as a 继续有效 list). The engine proposes; the
office decides. Each ground below is a ``Reason`` with the disposition it supports, the articles concerned and
the rule that found it; the document's disposition is the strongest of its grounds (宣布失效 > 废止 > 修改 >
继续有效). What only a person can weigh is listed as 需核对 and never changes the disposition.

宣布失效
  * its own 有效期 ended on or before the as-of date: 有效期届满，规范性文件自动失效 (上海市行政规范性文件制定和备案规定
    第26条, legal-review-spec §5.1); the list declares what already lapsed. A document still needed must be made
    again (重新制定、登记、公布: 山东省司法厅规范性文件制定管理办法 第23条), not kept.

废止
  * its only 制定依据 (the law the document says it is made under) was repealed on or before the as-of date and the
    registry names no successor; or it implements a named law (实施《某法》办法, 《某法》实施细则) so repealed. With
    nothing left to implement, keeping it would leave rules without a basis.

修改
  * a cited law was repealed and replaced (依据 → its successor), or a cited version was superseded, or a cited
    article no longer exists in the text in force (CITE-02, CITE-03, checked against the registry's versions in
    force on the as-of date);
  * a clause the content rules find unlawful at ``block`` or ``modify`` severity on the as-of date — a fine
    outside the range of the law now in force (CONT-PEN-04/05), a licence, fee or coercive measure the document
    may not create, a restriction of competition … (CONT-*), a retroactive burden (TIME-RETRO-01).

需核对 (never the disposition by itself)
  * findings at ``warn``/``info`` severity; the issuer read as one that may not make such documents (SUBJ-*:
    read from the text, not from a record, so for a person to confirm);
  * a cited law revised since the document's own date (its text may no longer match: compare);
  * citations that were wrong on the document's own date but are not now (CITE-02/03 on that date);
  * a cited title the registry does not know (CITE-01: possibly repealed before the registry's texts);
  * a validity period ending within six months of the as-of date (evaluate before it ends: 上海 第27条, 山东 第23条),
    longer than the profile allows, or none stated (the document has no end: evaluate it periodically);
  * not yet in force on the as-of date; a text whose structure was not fully recognised (PARSE-*);
  * a title about the work of a given year long past (关于1997年地震趋势……): perhaps spent (宣布失效), for a
    person to confirm.

Drafting form (DRAFT-*, CITE-04) and the procedure of making it (PROC-*, not run by the audit) are not grounds
for changing an issued document and are left out of the list (they stay in the per-document review).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

CONTINUE, AMEND, REPEAL, EXPIRED = "继续有效", "修改", "废止", "宣布失效"
UNREVIEWABLE = "无法审核"
CHECK = "核对"
STRENGTH = {CONTINUE: 0, AMEND: 1, REPEAL: 2, EXPIRED: 3}
EVALUATE_BEFORE_DAYS = 183
"""Six months: the evaluation before expiry of 上海 第27条 and 山东 第23条."""


@dataclass
class Reason:
    key: str
    """The kind of ground, as the summary counts it (有效期届满, 依据已废止 …)."""
    action: str
    """The disposition it supports, or 核对."""
    text: str
    where: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)


@dataclass
class Disposition:
    value: str
    reasons: list[Reason] = field(default_factory=list)
    checks: list[Reason] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(w for r in self.reasons for w in r.where if w))

    def as_dict(self) -> dict:
        return {"disposition": self.value, "reasons": [asdict(r) for r in self.reasons],
                "checks": [asdict(r) for r in self.checks], "articles": self.articles}


def fmt(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass
class Cited:
    """What the audit learnt of one law the document cites (``audit.review_issued`` fills it)."""

    title: str
    basis: bool
    """Cited as a 制定依据 (根据《…》, 制定本办法)."""
    implemented: bool = False
    """The document implements it (its title: 实施《…》办法, 《…》实施细则)."""
    repealed: str = ""
    """Why it is not in force on the as-of date (empty when it is)."""
    successor: str = ""
    revised: str = ""
    """The version in force on the as-of date when it is not the one of the document's own date."""
    where: str = ""


def dispose(review, issue, as_of: dt.date, cited: list[Cited], own_findings: set[int], dated: bool = True) -> Disposition:
    """The disposition of an issued document (see the module docstring). ``dated`` False: the document is audited
    on its own date and none could be read (``as_of`` is then today): its validity is not judged."""
    if review.verdict is None:
        return Disposition(UNREVIEWABLE, [], [Reason("无法审核", CHECK, "；".join(e.message for e in review.errors))])
    grounds: list[Reason] = []
    checks: list[Reason] = []
    if dated:
        _dates(issue, as_of, grounds, checks)
        _year_bound(review.title or "", as_of, checks)
    else:
        checks.append(Reason("日期未能确定", CHECK, "未能从文本读出文件的发布或施行日期，有效期和引用按当日判断，请核对"))
    _laws(cited, grounds, checks)
    parse = 0
    for finding in review.findings:
        if finding.waived:
            continue
        if finding.rule_id.startswith("PARSE"):
            parse += 1
            continue
        reason = _of_finding(finding, id(finding) in own_findings)
        if reason is None:
            continue
        (checks if reason.action == CHECK else grounds).append(reason)
    if parse:
        checks.append(Reason("文本结构", CHECK, f"文本结构有{parse}处未能识别，相关条款可能未经检查"))
    repealed = [r for r in grounds if r.action == REPEAL]
    if repealed:  # a law whose repeal makes the document void is not also a citation to update
        grounds = [r for r in grounds if not (r.rules == ["CITE-02"] and r.action == AMEND
                                              and any(f"《{t}》" in r.text for t in _titles(repealed)))]
    value = max((r.action for r in grounds), key=STRENGTH.get, default=CONTINUE)
    return Disposition(value, _merged(grounds), _merged(checks))


def _titles(reasons: list[Reason]) -> list[str]:
    import re

    return [m for r in reasons for m in re.findall(r"《([^》]+)》", r.text)]


def _dates(issue, as_of: dt.date, grounds: list[Reason], checks: list[Reason]) -> None:
    end = issue.validity_end
    where = [issue.validity_at] if issue.validity_at else []
    if end is not None and end < as_of:
        grounds.append(Reason("有效期届满", EXPIRED, f"有效期（“{issue.validity}”）已于{fmt(end)}届满，文件自动失效",
                              where))
    elif end is not None and (end - as_of).days <= EVALUATE_BEFORE_DAYS:
        checks.append(Reason("有效期将届满", CHECK, f"有效期（“{issue.validity}”）将于{fmt(end)}届满，应在届满前评估是否继续施行",
                             where))
    elif issue.validity and end is None:
        checks.append(Reason("有效期", CHECK, f"有效期（“{issue.validity}”）的起算日期未能确定，请核对是否已届满", where))
    if issue.effective is not None and issue.effective > as_of:
        checks.append(Reason("尚未施行", CHECK, f"自{fmt(issue.effective)}起施行，清理基准日尚未施行"))


_YEAR = __import__("re").compile(r"(?<![\d〔\[（(])((?:19|20)\d{2})(?:—|-|至)?(?:(?:19|20)\d{2})?年(?:度)?(?!\d)")


def _year_bound(title: str, as_of: dt.date, checks: list[Reason]) -> None:
    """A document about the work of given years (关于1997年地震趋势……, 2018—2020年行动计划) may be spent once they
    are past: a point to check (宣布失效 when its work is done), never a disposition by itself."""
    years = [int(y) for y in _YEAR.findall(title)]
    if years and max(years) < as_of.year - 1:
        checks.append(Reason("针对特定年度", CHECK, f"文件针对{max(years)}年的工作，可能已执行完毕，请核对是否宣布失效"))


def _laws(cited: list[Cited], grounds: list[Reason], checks: list[Reason]) -> None:
    bases = [c for c in cited if c.basis]
    for law in cited:
        where = [law.where] if law.where else []
        if law.repealed and not law.successor and (law.implemented or (law.basis and len(bases) == 1)):
            what = "所实施的" if law.implemented else "唯一的制定依据"
            grounds.append(Reason("依据已废止", REPEAL, f"{what}《{law.title}》：{law.repealed.rstrip('。')}；上位法库未载明"
                                                     "替代的法律法规，文件已无实施对象和依据", where, ["CITE-02"]))
        elif law.revised and not law.repealed:
            checks.append(Reason("上位法已修改", CHECK, f"《{law.title}》在文件施行后已修改（现行为{law.revised}），"
                                                     "请对照现行文本核对相关规定", where))


def _of_finding(finding, own_date: bool) -> Reason | None:
    rule, severity, outcome = finding.rule_id, finding.severity, finding.outcome
    where = [finding.location.label] if finding.location.label else []
    text = finding.message.rstrip("。")
    if rule.startswith(("DRAFT-", "CITE-04", "PROC-")):
        return None
    if own_date:
        return Reason("制定时引用有误", CHECK, text, where, [rule])
    if rule == "CITE-02":
        if outcome == "not_yet_in_force":
            return Reason("引用尚未施行的法律法规", CHECK, text, where, [rule])
        key = "引用的法律法规已失效" if outcome == "repealed" else "引用文本已被取代"
        return Reason(key, AMEND, text, where, [rule])
    if rule == "CITE-03":
        return Reason("引用条文已不存在", AMEND if severity in ("block", "modify") else CHECK, text, where, [rule])
    if rule == "CITE-01":
        return Reason("引用文件未能核实", CHECK, text, where, [rule]) if severity == "warn" else None
    if rule == "TIME-VAL-01":
        if outcome == "missing":
            return Reason("未规定有效期", CHECK, "未规定有效期，应定期评估是否继续施行", where, [rule])
        return Reason("有效期过长", CHECK, text, where, [rule])
    if rule == "TIME-EFF-01":
        return Reason("未规定施行日期", CHECK, text, where, [rule]) if outcome == "missing" else None
    if rule.startswith("SUBJ-"):
        return Reason("制定主体存疑", CHECK, text, where, [rule])
    if severity in ("block", "modify"):
        return Reason(finding.title or rule, AMEND, text, where, [rule])
    return Reason(finding.title or rule, CHECK, text, where, [rule])


def _merged(reasons: list[Reason]) -> list[Reason]:
    """One reason per kind for the findings of a content rule (the first finding's words, every article, and how
    many there are: 第五十条第一款设定了行政处罚（“没收违法所得”）……等12处), one per text otherwise (each law
    cited is its own reason); strongest first, then in order."""
    out: dict[tuple[str, str], Reason] = {}
    counts: dict[tuple[str, str], int] = {}
    for reason in reasons:
        grouped = any(r.startswith(("CONT-", "SUBJ-", "TIME-")) for r in reason.rules)
        key = (reason.key, reason.action) if grouped else (reason.key, reason.text)
        counts[key] = counts.get(key, 0) + 1
        if key in out:
            known = out[key]
            known.where += [w for w in reason.where if w not in known.where]
            known.rules += [r for r in reason.rules if r not in known.rules]
        else:
            out[key] = Reason(reason.key, reason.action, reason.text, list(reason.where), list(reason.rules))
    for key, reason in out.items():
        if counts[key] > 1 and reason.key == key[0] and key[1] == reason.action:
            reason.text = reason.text.split("。")[0] + f"等{counts[key]}处"
    return sorted(out.values(), key=lambda r: -STRENGTH.get(r.action, -1))
