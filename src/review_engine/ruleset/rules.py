"""A loaded rule set: each rule with its check kind and compiled conditions, by id and alias."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..conditions import Condition
from ..kinds import Check
from ..yamlsource import YamlDocument
from .schema import Rule


@dataclass
class LoadedRule:
    """A rule ready to run: its YAML (``rule``), the check kind built from its parameters (``checker``), its
    compiled ``when``/``unless`` conditions, and where it was written (``file``, ``source`` for lines)."""

    rule: Rule
    checker: Check
    file: str
    source: YamlDocument
    when: Condition | None = None
    unless: Condition | None = None

    @property
    def id(self) -> str:
        return self.rule.id

    @property
    def scopes(self) -> frozenset[str]:
        return frozenset(self.rule.scope or self.checker.default_scope)

    @cached_property
    def item(self) -> str:
        """The review item (审核事项) the rule belongs to."""
        return self.rule.item

    @cached_property
    def reads_fired(self) -> bool:
        """Whether the rule reads which other rules produced findings (``review.fired``, or a procedural check's
        ``fired:``): such a rule runs after all the others."""
        conditions = (c for c in (self.when, self.unless) if c is not None)
        return self.checker.reads_fired or any("review.fired" in c.paths for c in conditions)

    def line(self, *path) -> int | None:
        if self.source is None:  # a rule set read from the cache: its YAML is read again when a line is asked
            from ..yamlsource import load

            self.source = load(Path(self.file).read_text(encoding="utf-8-sig"), self.file)
        return self.source.locate(path)[0]

    def __getstate__(self):  # pickled without its YAML tree (most of the size; only error messages need it)
        return {**self.__dict__, "source": None}


@dataclass
class RuleSet:
    """The rules of one or more rule folders (a later folder overrides a rule of the same id or alias)."""

    rules: list[LoadedRule]
    dirs: list[Path]
    digest: str
    """Hash of the rule files, grammars, profiles and tool version (the self-test cache key)."""
    by_id: dict[str, LoadedRule] = field(default_factory=dict)

    def __post_init__(self):
        for loaded in self.rules:
            self.by_id[loaded.id] = loaded
            for alias in loaded.rule.aliases:
                self.by_id.setdefault(alias, loaded)

    def get(self, rule_id: str) -> LoadedRule | None:
        """The rule of ``rule_id`` or of one of its aliases (the spec's DRAFT-CITE-03 for CITE-02 …)."""
        return self.by_id.get(rule_id)

    def __len__(self) -> int:
        return len(self.rules)

    def __iter__(self):
        return iter(self.rules)
