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
    date: object = None
    """The date of the rule set's last change (the latest ``ruleset.yaml`` date of its folders), or None."""
    user_dirs: list[Path] = field(default_factory=list)
    """The folders of the rule set other than the built-in rules (the opinion's appendix names them)."""

    def __post_init__(self):
        for loaded in self.rules:
            self.by_id[loaded.id] = loaded
            for alias in loaded.rule.aliases:
                self.by_id.setdefault(alias, loaded)

    switched_off: list[str] = field(default_factory=list)
    """Ids of the rules ``select``/``ignore`` took out of the run (the opinion's appendix lists them)."""

    def selected(self, select: list[str] | None = None, ignore: list[str] | None = None) -> "RuleSet":
        """The rules ``select`` names (all when empty) less those ``ignore`` names. A name is a rule id, an alias
        or an id prefix ending at a hyphen (``CONT-PEN`` selects CONT-PEN-01 …, ``PROC`` every procedural rule),
        as ruff's codes. A name that matches no rule raises ``ValueError`` (a typo must not switch nothing off)."""
        def matching(name: str) -> set[str]:
            name = name.strip().upper().rstrip("-")
            found = {r.id for r in self.rules if r.id == name or r.id.startswith(name + "-") or name in r.rule.aliases}
            if not found:
                raise ValueError(name)
            return found

        chosen = set().union(*(matching(n) for n in select)) if select else {r.id for r in self.rules}
        dropped = set().union(*(matching(n) for n in ignore)) if ignore else set()
        keep = [r for r in self.rules if r.id in chosen and r.id not in dropped]
        if len(keep) == len(self.rules):
            return self
        out = RuleSet(keep, self.dirs, self.digest, date=self.date, user_dirs=self.user_dirs)
        out.switched_off = sorted(r.id for r in self.rules if r not in keep)
        return out

    def get(self, rule_id: str) -> LoadedRule | None:
        """The rule of ``rule_id`` or of one of its aliases (the spec's DRAFT-CITE-03 for CITE-02 …)."""
        return self.by_id.get(rule_id)

    def __len__(self) -> int:
        return len(self.rules)

    def __iter__(self):
        return iter(self.rules)
