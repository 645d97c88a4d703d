"""Check kinds: the few generic checks that YAML rules parameterise (after Vale's extension points).

Each kind is one module whose docstring is its documentation: ``pattern``, ``require``, ``substitution``,
``numbering``, ``cross_reference``, ``period``, ``clause``, ``citation``, ``penalty_range``, ``procedure``, ``record_conflict``. A kind
is a subclass of ``Check`` with a pydantic ``Params`` model (its YAML parameters, unknown ones rejected),
the ``outcomes`` it can report (a rule may give a message per outcome) and the extra template fields its
findings fill. Kinds are registered by name; other packages add kinds through the entry point group
``review_engine.checks`` (``name = "package.module:CheckClass"``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from importlib import import_module
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from pydantic import BaseModel, ConfigDict

from ..model import Document, Node

if TYPE_CHECKING:
    from ..facts import DocView, Facts
    from ..facts.text import Unit
    from ..findings import Location
    from ..profile import Profile
    from ..record import Record

BUILTIN = {
    "pattern": "review_engine.kinds.pattern:Pattern",
    "require": "review_engine.kinds.require:Require",
    "substitution": "review_engine.kinds.substitution:Substitution",
    "numbering": "review_engine.kinds.numbering:Numbering",
    "cross_reference": "review_engine.kinds.cross_reference:CrossReference",
    "period": "review_engine.kinds.period:Period",
    "procedure": "review_engine.kinds.procedure:Procedure",
    "citation": "review_engine.kinds.citation:Citation",
    "penalty_range": "review_engine.kinds.penalty_range:PenaltyRange",
    "clause": "review_engine.kinds.clause:Clause",
    "record_conflict": "review_engine.kinds.record_conflict:RecordConflict",
}
ENTRY_POINT_GROUP = "review_engine.checks"


class Params(BaseModel):
    """Base of every kind's parameters: unknown fields are errors (a typo must not disable a check)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)


@dataclass
class Hit:
    """Something a check found. Located by a text unit and offsets in it, by a node, or explicitly."""

    unit: Unit | None = None
    start: int = 0
    end: int = 0
    node: Node | None = None
    values: dict[str, Any] = field(default_factory=dict)
    outcome: str = "default"
    excerpt: str | None = None
    trigger: str | None = None
    """The sentence of the draft that made a procedural check apply."""
    location: Location | None = None
    kept: bool = True
    """Set to False by the runner when the trust gate reads the hit as not creating its measure: a check that
    gives one finding per sentence then searches the rest of that sentence (a clause's second trigger may be the
    one that creates)."""


@dataclass
class Context:
    """Everything a check may look at for one document."""

    doc: Document
    facts: Facts
    view: DocView
    profile: Profile
    stage: str
    record: Record | None = None
    """The procedural record (dossier, its positions, its materials); None when the caller gave none."""
    review_date: dt.date = field(default_factory=dt.date.today)
    fired: set[str] = field(default_factory=set)
    """Rule ids that have produced findings so far in this review (for rules triggered by other rules)."""
    asserted: set[str] = field(default_factory=set)
    """Those of ``fired`` with a finding at ``modify`` or ``block``: what the review asserts of the text, not only
    asks to be checked (``warn``)."""
    calendar: Any = None
    """The working-day calendar (``workdays.WorkCalendar``) of the profile; made from it when not given."""
    date_label: str = "审核日期"
    """What ``review_date`` is, as messages name it (the audit of a stock: 清理基准日, or the document's own date)."""

    def __post_init__(self):
        if self.calendar is None:
            from ..workdays import WorkCalendar

            self.calendar = WorkCalendar(self.profile.params.calendar_file)

    @property
    def dossier(self):
        """The record's dossier, or None when there is no usable one (see ``record.error``)."""
        return self.record.dossier if self.record is not None else None

    @cached_property
    def registry(self):
        from ..registry import default_registry

        return default_registry()

    @cached_property
    def env(self) -> dict[str, Any]:
        """The names conditions can read."""
        return {
            "doc": self.view,
            "dossier": self.dossier,
            "record": self.record,
            "profile": self.profile.params,
            "facts": self.facts,
            "dates": self.facts.dates,
            "review": {"date": self.review_date, "stage": self.stage, "fired": sorted(self.fired)},
            "calendar": self.calendar,
            "match": None,
        }


class RuleText(Protocol):
    """What a check kind sees of its rule (``ruleset.schema.Rule`` is one)."""

    id: str
    scope: list[str] | None
    message: str | dict[str, str]
    suggestion: str | dict[str, str]


class Check:
    """Base class of a check kind. Subclasses set ``name``, ``Params``, and implement ``run``."""

    name: ClassVar[str] = ""
    Params: ClassVar[type[Params]] = Params
    outcomes: ClassVar[dict[str, str]] = {"default": "发现问题"}
    fields: ClassVar[frozenset[str]] = frozenset()
    """Template fields the kind fills besides the common ones (match, label, article, sentence, title)."""
    default_scope: ClassVar[tuple[str, ...]] = ("text",)
    reads_fired: bool = False
    """True when the check reads which rules produced findings (then its rule runs after the others)."""

    def __init__(self, rule: RuleText, params: Params):
        self.rule = rule
        self.params = params

    @property
    def scopes(self) -> frozenset[str]:
        """The text units the check searches: the rule's ``scope``, else the kind's default."""
        return frozenset(self.rule.scope or self.default_scope)

    def run(self, ctx: Context):  # pragma: no cover - abstract
        raise NotImplementedError


_REGISTRY: dict[str, type[Check]] = {}


def get_kind(name: str) -> type[Check] | None:
    """The check kind called ``name``: built in, or from an installed package's entry point."""
    if name in _REGISTRY:
        return _REGISTRY[name]
    target = BUILTIN.get(name)
    if target is None:
        target = _entry_points().get(name)
    if target is None:
        return None
    module_name, _, attr = target.partition(":")
    try:
        kind = getattr(import_module(module_name), attr)
    except (ImportError, AttributeError):
        return None
    _REGISTRY[name] = kind
    return kind


def kind_names() -> list[str]:
    return sorted(set(BUILTIN) | set(_entry_points()))


def _entry_points() -> dict[str, str]:
    from importlib.metadata import entry_points

    try:
        return {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}
    except Exception:  # a broken third-party distribution must not break the built-in kinds
        return {}
