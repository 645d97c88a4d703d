"""``procedure``: checks of how a draft was made — the procedural record (``dossier.yaml``), what the text shows.

A procedural rule is a list of ``checks`` over the record's fields, the document facts and the profile, each
a condition of the condition language (``conditions.py``). A check may need the record (consultation long
enough, legality review before deliberation) or read the text alone (``needs_record: false``: a 施行日期
before publication, a 落款 naming an internal unit). Parameters of the rule:

``checks``   the list of checks (below), run in order
``record``   ``needed`` (default): without a usable record the checks that need one do not run, and the rule
             reports ``not_run`` with the reason (no record / the record's first error). ``report``: the rule
             reports the missing or unusable record itself as a finding (outcomes ``missing`` and
             ``unusable``, at the rule's severity). Exactly one rule of a rule set should ``report``
             (PROC-LEG-03), so that a draft without a record gets one finding, not one per procedural rule,
             and every other procedural rule is listed as not run: never a silent pass.

A check:

``outcome``       the outcome it reports (selects the rule's message and suggestion; default ``default``)
``when``          a condition: the check applies only when it is true
``flags``         dossier flags (``flags.market_related`` …); with ``triggers`` and ``fired``, the check applies
``triggers``      only when one of these flags is true, or one of these text triggers is in the draft
``fired``         (``facts/triggers.py``), or a rule whose id starts with one of these prefixes produced
                  findings (such a rule runs after the others). The finding's ``{why}`` says which one, with
                  the triggering sentence; the sentence is also the finding's ``trigger``. Text triggers are
                  only looked at when no listed flag is true. A check that applies only because a rule gave
                  findings to be checked (``warn``: the text may hold the problem) is itself a warning: what the
                  review does not assert of the text does not make a step required.
``require``       a condition that must hold: a finding when it is false
``forbid``        a condition that must not hold: a finding when it is true
``text``          a trigger name: a finding at each sentence of the draft where the trigger was found
                  (one of ``require``, ``forbid``, ``text``)
``field``         the dossier field the finding points at (``consultation.end``): its line in dossier.yaml
                  (or in the front matter) when the record is a file, else "程序记录 <field>"
``at``            where the finding points in the draft instead: ``effective`` (the 施行日期 clause, when the
                  draft has one), ``last_article``, ``first_article``, ``title``, or ``explanation`` (the
                  起草说明 among the materials); the default, without ``field``, is the title
``each``          a dossier list (``joint_issuers``): the check runs once per element, seen as ``item`` (and
                  ``index``); ``field`` is then relative to the element
``values``        message fields computed by conditions, ``{days: 'days(dossier.consultation.start, …)'}``;
                  names from ``VALUE_FIELDS``
``severity``      overrides the rule's severity for this check (a hearing that "may" be held is a warning)
``needs_record``  ``false`` for checks on the text alone, which also run without a record (default true)
``stages``        the review stages the check runs at (default: all the rule's stages)

Names the conditions can read: the engine's (``doc``, ``dossier``, ``record``, ``profile``, ``facts``, ``dates``
— see ``facts/dates.py`` —, ``review``, ``calendar``) and ``item``/``index`` inside ``each``. ``dossier`` is the
merged record (dossier.yaml completed by what the materials state); ``record`` the record itself
(``record.explanation``, ``record.sections``, ``record.conflicts``). The review stage is ``review.stage``: the
caller's (``--stage``), else the dossier's ``stage``, else pre-issuance.

A finding about a field the materials stated points at the material's line and quotes its sentence.

Fields every finding fills: ``{why}`` (what made the check apply), ``{trigger}`` (the triggering sentence
with its place, or empty), ``{field}``, ``{value}`` (the record's value at ``field``), ``{calendar}`` (the
calendar(s) the check's working-day arithmetic used — official, a user calendar file or Monday–Friday; empty
when it counted none), ``{record}`` (the record's file) and, for ``unusable``, ``{error}``.

Example (rules/procedure/PROC-LEG-02.yaml, abridged):

    check: procedure
    checks:
      - outcome: too_short
        when: exists(dossier.legality_review.received) and exists(dossier.legality_review.opinion_date)
        require: workdays(dossier.legality_review.received, dossier.legality_review.opinion_date) >= 5
        field: legality_review.opinion_date
        values: {workdays: 'workdays(dossier.legality_review.received, dossier.legality_review.opinion_date)'}
    message:
      too_short: 合法性审核时间为{workdays}个工作日（按{calendar}计算），少于5个工作日。

Longer than 450 lines because the checks of one procedural rule share their evaluation, their message fields and how they point into the record; split, each piece would need all the others.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from ..conditions import compile_condition
from ..empty import Strings, new_dict, new_list
from ..record.dossier import FLAG_NAMES
from ..facts.triggers import DESCRIPTIONS, TRIGGER_NAMES
from ..findings import Location, Severity
from . import Check, Hit, Params
from .require import anchor_hit

ENV_NAMES = frozenset({"doc", "dossier", "record", "profile", "facts", "review", "calendar", "dates", "item", "index"})
AUTO_FIELDS = frozenset({"why", "trigger", "field", "value", "calendar", "record", "error"})
VALUE_FIELDS = frozenset({"days", "workdays", "limit", "date", "start", "end", "published", "effective", "gap",
                          "meeting", "conclusion", "issuer", "issuer_type", "count", "reason", "source", "pattern",
                          "reviewer", "departments", "missing"})
RECORD_OUTCOMES = ("missing", "unusable")

FLAG_ZH = {
    "involves_rights_obligations": "涉及公民、法人和其他组织权利义务",
    "market_related": "与市场主体生产经营活动密切相关",
    "major_decision": "属于重大行政决策事项",
    "price_setting": "涉及制定政府定价或者政府指导价",
    "technical": "专业性、技术性较强",
    "stability_risk": "实施可能对社会稳定、公共安全等方面造成不利影响",
    "emergency": "为预防、应对和处置突发事件需要立即制定实施",
    "secret": "依法需要保密",
    "in_price_hearing_catalogue": "属于定价听证目录所列事项",
    "direct_interests": "直接涉及公民、法人、其他组织切身利益",
    "major_disagreement": "存在较大分歧",
}
_FIELD_PATH = re.compile(r"[a-z_]+(?:\.[a-z_]+)*")


class _AnyOutcome(dict):
    """The outcomes of this kind are the rule's own (its checks' ``outcome`` names): any snake_case name is
    accepted by the loader; ``Procedure.__init__`` checks that messages and checks agree."""

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and re.fullmatch(r"[a-z][a-z0-9_]*", key) is not None


class Item(Params):
    """One check of a ``dossier`` rule (see the module docstring)."""

    outcome: str = "default"
    when: str | None = None
    flags: Strings
    triggers: Strings
    fired: Strings
    require: str | None = None
    forbid: str | None = None
    text: str | None = None
    field: str | None = None
    at: Literal["effective", "last_article", "first_article", "title", "explanation"] | None = None
    each: str | None = None
    values: dict[str, str] = Field(default_factory=new_dict)
    severity: Severity | None = None
    needs_record: bool = True
    stages: list[Literal["pre-issuance", "filing-review"]] | None = None

    @field_validator("outcome")
    @classmethod
    def _outcome(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", value) or value == "not_run":
            raise ValueError(f"结果名应为小写英文字母、数字和下划线（不能是 not_run）：{value}")
        return value

    @field_validator("flags")
    @classmethod
    def _flags(cls, value: list[str]) -> list[str]:
        _only_known(value, FLAG_NAMES, "标志")
        return value

    @field_validator("triggers", "text")
    @classmethod
    def _triggers(cls, value: list[str] | str | None) -> list[str] | str | None:
        _only_known([value] if isinstance(value, str) else value or [], TRIGGER_NAMES, "文本触发")
        return value

    @field_validator("field", "each")
    @classmethod
    def _path(cls, value: str | None) -> str | None:
        if value is not None and not _FIELD_PATH.fullmatch(value):
            raise ValueError(f"字段路径应形如 consultation.end：{value}")
        return value

    @field_validator("values")
    @classmethod
    def _values(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(value) - VALUE_FIELDS)
        if unknown:
            raise ValueError(f"values 的名称 {', '.join(unknown)} 不可用（可用：{', '.join(sorted(VALUE_FIELDS))}）")
        return value

    @model_validator(mode="after")
    def _one_test(self):
        given = [name for name in ("require", "forbid", "text") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("每项检查须有且只有 require、forbid、text 之一")
        for source in (self.when, self.require, self.forbid, *self.values.values()):
            if source is not None:
                _compile(source)
        return self


def _only_known(names: list[str], known: tuple[str, ...], what: str) -> None:
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"未知{what} {', '.join(unknown)}（可用：{', '.join(known)}）")


def _compile(source: str):
    condition = compile_condition(source)  # ConditionError is a ValueError: the loader reports it with the line
    unknown = condition.roots - ENV_NAMES
    if unknown:
        raise ValueError(f"条件中的名称 {', '.join(sorted(unknown))} 不可用（可用：{', '.join(sorted(ENV_NAMES))}）：{source}")
    return condition


class ProcedureParams(Params):
    checks: list[Item] = Field(default_factory=new_list)
    record: Literal["needed", "report"] = "needed"

    @model_validator(mode="after")
    def _something(self):
        if not self.checks and self.record != "report":
            raise ValueError("dossier 检查需要 checks（或 record: report）")
        clash = sorted({i.outcome for i in self.checks} & set(RECORD_OUTCOMES)) if self.record == "report" else []
        if clash:
            raise ValueError(f"record: report 的规则中，结果名 {', '.join(clash)} 保留给程序记录缺失或有误的情形")
        return self


class Procedure(Check):
    name = "procedure"
    Params = ProcedureParams
    outcomes = _AnyOutcome(missing="未提供程序记录", unusable="程序记录无法使用", default="程序不符合要求")
    fields = AUTO_FIELDS | VALUE_FIELDS
    default_scope = ("document",)

    def __init__(self, rule, params: ProcedureParams):
        super().__init__(rule, params)
        self.reads_fired = any(item.fired for item in params.checks)
        self.conditions = {}
        for item in params.checks:
            for source in (item.when, item.require, item.forbid, *item.values.values()):
                if source is not None:
                    self.conditions[source] = _compile(source)
        produced = {item.outcome for item in params.checks}
        if params.record == "report":
            produced |= set(RECORD_OUTCOMES)
        for which in ("message", "suggestion"):
            template = getattr(rule, which)
            if isinstance(template, dict):
                stray = sorted(set(template) - produced - {"default"})
                if stray:
                    raise ValueError(f"{which} 中的结果 {', '.join(stray)} 没有对应的检查（检查的结果：{', '.join(sorted(produced))}）")
                if which == "message" and "default" not in template:
                    bare = sorted(produced - set(template))
                    if bare:
                        raise ValueError(f"message 缺少结果 {', '.join(bare)} 的文字")

    # ---- running ----------------------------------------------------------------------------------------

    def run(self, ctx):
        params = self.params
        items = [i for i in params.checks if i.stages is None or ctx.stage in i.stages]
        if ctx.dossier is None:
            if params.record == "report":
                yield self._record_hit(ctx)
            elif any(i.needs_record for i in items):
                text_only = any(not i.needs_record for i in items)
                yield Hit(outcome="not_run", values={"reason": _absent_reason(ctx, text_only)})
            items = [i for i in items if not i.needs_record]
        if not items:
            return
        env = ctx.env
        for item in items:
            yield from self._run_item(item, ctx, env)

    def _run_item(self, item: Item, ctx, env: dict) -> list[Hit]:
        if item.each is None:
            return self._run_one(item, ctx, env, ())
        hits = []
        steps = tuple(item.each.split("."))
        for index, element in enumerate(_get(ctx.dossier, steps) or []):
            hits += self._run_one(item, ctx, {**env, "item": element, "index": index}, (*steps, index))
        return hits

    def _run_one(self, item: Item, ctx, env: dict, prefix: tuple) -> list[Hit]:
        with ctx.calendar.recording() as used:
            if item.when is not None and not self.conditions[item.when].test(env):
                return []
            applies = self._applicability(item, ctx)
            if applies is None:
                return []
            why, trigger, lowered = applies
            if item.text is not None:
                found = ctx.facts.triggers.get(item.text)
                values = self._values(item, env) if found else {}
                hits = [self._text_hit(item, f, values, why, used.sources) for f in found]
            else:
                holds = self.conditions[item.require or item.forbid].test(env)
                if holds == (item.require is not None):
                    return []
                values = self._values(item, env)
                path = (*prefix, *item.field.split(".")) if item.field else prefix
                hits = [self._record_check_hit(item, ctx, path, values, why, trigger, "、".join(used.sources))]
        if lowered is not None and item.severity in (None, "block", "modify"):
            for hit in hits:
                hit.values["severity"] = lowered
        return hits

    def _values(self, item: Item, env: dict) -> dict[str, str]:
        return {name: _format(self.conditions[source](env)) for name, source in item.values.items()}

    def _applicability(self, item: Item, ctx) -> tuple[str, Any, str | None] | None:
        """(why, triggering sentence or None, ``warn`` when only findings to be checked make it apply) when the
        check applies; None when it does not."""
        if not (item.flags or item.triggers or item.fired):
            return "", None, None
        reasons: list[str] = []
        trigger = None
        dossier = ctx.dossier
        for flag in item.flags:
            if dossier is not None and dossier.flag(flag) is True:
                reasons.append(f"程序记录载明{FLAG_ZH[flag]}（flags.{flag}）")
        if not reasons:
            for name in item.triggers:
                hits = ctx.facts.triggers.get(name)
                if hits:
                    trigger = trigger or hits[0]
                    reasons.append(f"草案{hits[0].quote()}{DESCRIPTIONS[name]}")
        tentative: list[str] = []
        for prefix in item.fired:
            ids = sorted(r for r in ctx.fired if r.startswith(prefix))
            asserted = [r for r in ids if r in ctx.asserted]
            if asserted:
                reasons.append(f"草案存在 {'、'.join(asserted)} 指出的问题")
            tentative += [r for r in ids if r not in ctx.asserted]
        if not reasons and tentative:  # only findings to be checked: the step is to be checked too
            return f"草案存在 {'、'.join(tentative)} 提示须核实的问题", trigger, "warn"
        if not reasons:
            return None
        return "；".join(reasons), trigger, None

    # ---- hits ---------------------------------------------------------------------------------------------

    def _record_check_hit(self, item: Item, ctx, path: tuple, values: dict, why: str, trigger, calendar: str) -> Hit:
        hit_values = _fields(item, why=why, trigger=trigger.quote() if trigger is not None else "",
                             field=_format_path(path), value=_format(_get(ctx.dossier, path)) if path else "",
                             calendar=calendar, values=values,
                             record=_record_file(ctx) if item.at != "explanation" else (ctx.record.explanation or "起草说明"))
        sentence = trigger.sentence if trigger is not None else None
        anchored = self._anchor(item, ctx) if item.at is not None else None
        if anchored is None and ctx.dossier is not None and path:
            location = _record_location(ctx, path)
            value = _get(ctx.dossier, path)
            origin = ctx.record.origin(path) if ctx.record is not None else None
            if origin is not None and origin.source != "dossier" and origin.quote:
                excerpt = origin.quote
            elif value is not None:
                excerpt = f"{hit_values['field']}: {_raw(value)}"
            else:
                excerpt = f"{hit_values['field']}（未载明）"
            return Hit(location=location, values=hit_values, outcome=item.outcome, excerpt=excerpt, trigger=sentence)
        hit = anchored or anchor_hit(ctx, "title", {})
        hit.values = hit_values
        hit.outcome = item.outcome
        hit.trigger = sentence
        return hit

    def _anchor(self, item: Item, ctx) -> Hit | None:
        if item.at == "explanation":
            name = ctx.record.explanation if ctx.record is not None else None
            if not name:
                return None
            return Hit(location=Location.trusted(file=name, label=name, line=1, column=1), excerpt="")
        if item.at == "effective":
            effective = ctx.facts.effective
            if not effective:
                return None
            eff = effective[-1]
            return Hit(unit=eff.unit, start=eff.start, end=eff.end)
        return anchor_hit(ctx, item.at, {})

    def _text_hit(self, item: Item, found, values: dict, why: str, calendar: list[str]) -> Hit:
        hit_values = _fields(item, why=why, trigger=found.quote(), field="", value="", calendar="、".join(calendar),
                             record="", values=values)
        if found.unit is not None:
            return Hit(unit=found.unit, start=found.start, end=found.end, values=hit_values, outcome=item.outcome,
                       trigger=found.sentence)
        return Hit(location=found.location, values=hit_values, outcome=item.outcome, excerpt=found.text,
                   trigger=found.sentence)

    def _record_hit(self, ctx) -> Hit:
        """The record is missing or unusable (``record: report``)."""
        error = ctx.record.error if ctx.record is not None else None
        if error is None:
            hit = anchor_hit(ctx, "title", {})
            hit.values = {"record": "dossier.yaml", "why": "", "trigger": "", "field": "", "value": "",
                          "calendar": "", "error": ""}
            hit.outcome = "missing"
            return hit
        file = _record_file(ctx)
        first = error.errors[0]
        label = f"{file} {first.field_path}".strip()
        location = Location.trusted(file=file, label=label, line=first.line, column=first.column)
        return Hit(location=location, outcome="unusable", excerpt=first.message,
                   values={"record": file, "error": _error_text(error), "why": "", "trigger": "",
                           "field": first.field_path, "value": "", "calendar": ""})


# ---- helpers ------------------------------------------------------------------------------------------------

def _fields(item: Item, *, values: dict, **common: str) -> dict:
    """A hit's message fields (the automatic ones, then the check's ``values``) and its severity override."""
    out = {**common, **values}
    for source in (item.values or {}).values():  # a limit read from the profile: the finding cites its basis
        found = re.fullmatch(r"\s*profile\.([a-z_]+)\s*", source) if isinstance(source, str) else None
        if found:
            out["profile_param"] = found.group(1)
            break
    if item.severity is not None:
        out["severity"] = item.severity
    return out


def _record_file(ctx) -> str:
    return (ctx.record.file if ctx.record is not None else None) or "dossier.yaml"


def _absent_reason(ctx, text_only: bool) -> str:
    tail = "仅按草案文本检查，依据程序记录的检查未运行" if text_only else "无法检查"
    error = ctx.record.error if ctx.record is not None else None
    if error is None:
        return f"未提供程序记录（dossier.yaml、草案开头的 YAML front matter 或者起草说明等送审材料），{tail}"
    return f"程序记录有误（{_error_text(error, limit=1)}），{tail}"


def _error_text(error, limit: int = 3) -> str:
    parts = []
    for e in error.errors[:limit]:
        where = f"第{e.line}行" if e.line else ""
        field = f" {e.field_path}" if e.field_path else ""
        parts.append(f"{where}{field}：{e.message}".strip())
    more = f"等{len(error.errors)}处" if len(error.errors) > limit else ""
    return "；".join(parts) + more


def _record_location(ctx, path: tuple) -> Location:
    field = _format_path(path)
    origin = ctx.record.origin(path) if ctx.record is not None else None
    if origin is not None and origin.source != "dossier" and origin.file:
        label = f"{origin.file} 第{origin.line}行" if origin.line else origin.file
        return Location.trusted(file=origin.file, label=label, line=origin.line, column=1 if origin.line else None)
    file = ctx.record.file if ctx.record is not None else None
    line = column = None
    if file is not None:
        line, column = ctx.record.locate(path)
    label = f"{file} {field}" if file else f"程序记录 {field}"
    return Location.trusted(file=file, label=label, line=line, column=column)


def _get(obj: Any, path: tuple) -> Any:
    """The value at ``path`` (field names and list indexes) in the dossier; None where it leads nowhere."""
    for step in path:
        if obj is None:
            return None
        if isinstance(step, int):
            obj = obj[step] if isinstance(obj, list) and 0 <= step < len(obj) else None
        elif isinstance(obj, dict):
            obj = obj.get(step)
        else:
            fields = getattr(type(obj), "model_fields", None)
            obj = getattr(obj, step) if fields is not None and step in fields else None
    return obj


def _format_path(path: tuple) -> str:
    from ..yamlsource import format_path

    return format_path(list(path))


def _format(value: Any) -> str:
    """A value as a message shows it: 2026年3月1日, 是/否, 未载明, 30, 甲、乙."""
    if value is None:
        return "未载明"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return "、".join(_format(v) for v in value) if value else "无"
    names = getattr(type(value), "model_fields", None)
    if names is not None:
        name = getattr(value, "name", None)
        return str(name) if name else "已载明"
    return str(value)


def _raw(value: Any) -> str:
    """A value as dossier.yaml writes it (for the excerpt)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_raw(v) for v in value) + "]"
    fields = getattr(type(value), "model_fields", None)
    if fields is not None:
        shown = [f"{name}: {_raw(v)}" for name in fields if (v := getattr(value, name)) not in (None, [], {})]
        text = "{" + ", ".join(shown) + "}"
        return text if len(text) <= 60 else text[:58] + "…}"
    return str(value)


__all__ = ["FLAG_ZH", "VALUE_FIELDS", "Item", "Procedure", "ProcedureParams"]
