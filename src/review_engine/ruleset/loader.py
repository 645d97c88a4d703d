"""Loading a rule set: YAML files → validated rules with their check kinds, self-tested by their examples.

``load_rules([dir, …])`` reads every ``*.yaml`` under the folders (``profiles/`` excepted); a later folder
overrides a rule of the same id (or alias). Everything a person can get wrong is reported with file, line
and rule id: YAML syntax, unknown fields, an unknown check kind, a bad regular expression, a condition that
does not parse, a message field the kind does not fill.

Every rule carries examples; ``RuleSet.self_test()`` runs them (a ``fail`` example that does not fire, a
``pass`` example that fires, or a rule without a ``fail`` example is a load error naming the rule).
``ensure_tested()`` does it once per rule-set content: the result is cached by the hash of the rule files,
the grammars, the profiles and the tool version, so a normal run does not pay for it.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .. import __version__, yamlsource
from ..conditions import Condition, ConditionError, compile_condition
from ..kinds import Check, get_kind, kind_names, regex
from ..resources import data_dir
from .schema import COMMON_FIELDS, Example, Rule, template_fields

ENV_ROOTS = frozenset({"doc", "dossier", "profile", "facts", "match", "review"})


class RuleLoadError(ValueError):
    """Problems found while loading rules; ``str()`` lists them, one per line, with file and line."""

    def __init__(self, problems: list[yamlsource.YamlProblem]):
        super().__init__("\n".join(p.one_line() for p in problems))
        self.problems = problems


@dataclass
class LoadedRule:
    rule: Rule
    check: Check
    file: str
    source: yamlsource.YamlDocument
    when: Condition | None = None
    unless: Condition | None = None
    late: bool = False
    """Runs after the others (its conditions read which rules fired)."""

    @property
    def id(self) -> str:
        return self.rule.id

    @property
    def scopes(self) -> frozenset[str]:
        return frozenset(self.rule.scope or self.check.default_scope)

    def line(self, *path) -> int | None:
        return self.source.locate(path)[0]


@dataclass
class ExampleResult:
    rule: str
    kind: str  # fail | pass
    index: int
    ok: bool
    detail: str
    file: str
    line: int | None


@dataclass
class RuleSet:
    rules: list[LoadedRule]
    dirs: list[Path]
    digest: str
    by_id: dict[str, LoadedRule] = field(default_factory=dict)

    def __post_init__(self):
        for loaded in self.rules:
            self.by_id[loaded.id] = loaded
            for alias in loaded.rule.aliases:
                self.by_id.setdefault(alias, loaded)

    def get(self, rule_id: str) -> LoadedRule | None:
        return self.by_id.get(rule_id)

    def __len__(self) -> int:
        return len(self.rules)

    def __iter__(self):
        return iter(self.rules)

    def self_test(self, only: str | None = None) -> list[ExampleResult]:
        from ..engine import run_example

        results = []
        for loaded in self.rules:
            if only and loaded.id != only:
                continue
            fails = loaded.rule.examples.fail
            if not fails:
                results.append(ExampleResult(loaded.id, "fail", 0, False, "规则没有 fail 示例（每条规则至少需要一个应当触发的示例）",
                                             loaded.file, loaded.line("examples")))
            for kind, examples in (("fail", fails), ("pass", loaded.rule.examples.pass_)):
                for i, example in enumerate(examples):
                    ok, detail = run_example(loaded, example, expect_findings=kind == "fail")
                    results.append(ExampleResult(loaded.id, kind, i, ok, detail, loaded.file,
                                                 loaded.line("examples", kind, i)))
        return results

    def ensure_tested(self) -> None:
        """Run the examples unless this exact rule set passed before (cached by content hash)."""
        marker = _marker(self.digest)
        if marker.exists():
            return
        failures = [r for r in self.self_test() if not r.ok]
        if failures:
            raise RuleLoadError([yamlsource.YamlProblem(r.file, r.line, None, f"{r.rule} examples.{r.kind}[{r.index}]",
                                                        r.detail) for r in failures])
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text("ok\n", encoding="utf-8")
        except OSError:
            pass  # a read-only cache only costs the self-test next time


def cache_dir() -> Path:
    """Where the self-test markers go: $REVIEW_ENGINE_CACHE, else $XDG_CACHE_HOME (or ~/.cache)/review-engine."""
    explicit = os.environ.get("REVIEW_ENGINE_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "review-engine"


def default_rule_dirs() -> list[Path]:
    return [data_dir("rules")]


def rule_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*.yaml") if "profiles" not in p.relative_to(directory).parts)


def load_rules(dirs: list[str | Path] | None = None, *, test: bool = True) -> RuleSet:
    """Load, validate and (unless ``test=False``) self-test the rules of ``dirs`` (default: the built-in set).

    When this exact rule set (same files, grammars, profiles and version) has passed its self-test before,
    its regular expressions were all compiled and checked then: they are compiled lazily this time
    (``kinds.regex``), which is most of the load time of a one-draft run.
    """
    paths = [Path(d) for d in dirs] if dirs else default_rule_dirs()
    problems: list[yamlsource.YamlProblem] = []
    chosen: dict[str, LoadedRule] = {}
    digest = hashlib.sha256(__version__.encode())
    for grammar in sorted(data_dir("grammars").glob("*.lark")):
        digest.update(grammar.read_bytes())
    for profile in sorted((data_dir("rules") / "profiles").glob("*.yaml")):
        digest.update(profile.read_bytes())
    files: list[tuple[Path, Path, bytes]] = []
    for directory in paths:
        if not directory.is_dir():
            problems.append(yamlsource.YamlProblem(str(directory), None, None, "", "规则目录不存在"))
            continue
        for path in rule_files(directory):
            data = path.read_bytes()
            digest.update(str(path.relative_to(directory)).encode() + b"\0" + data)
            files.append((directory, path, data))
    hexdigest = digest.hexdigest()[:20]
    known_good = test and _marker(hexdigest).exists()
    seen: dict[tuple[Path, str], str] = {}
    with regex.lazy(known_good):
        for directory, path, data in files:
            parts = path.relative_to(directory).parts
            family = parts[0] if len(parts) > 1 else ""
            for loaded in _load_file(path, data, family, problems):
                if (directory, loaded.id) in seen:
                    problems.append(yamlsource.YamlProblem(str(path), loaded.line("id"), None, "id",
                                                           f"规则编号 {loaded.id} 重复（另见 {seen[(directory, loaded.id)]}）"))
                    continue
                seen[(directory, loaded.id)] = str(path)
                for old_id in [loaded.id, *loaded.rule.aliases]:
                    chosen.pop(old_id, None)
                chosen[loaded.id] = loaded
    if problems:
        raise RuleLoadError(problems)
    ruleset = RuleSet(sorted(chosen.values(), key=lambda r: r.id), paths, hexdigest)
    if test:
        ruleset.ensure_tested()
    return ruleset


def _marker(digest: str) -> Path:
    return cache_dir() / f"selftest-{digest}.ok"


def _load_file(path: Path, data: bytes, family: str, problems: list) -> list[LoadedRule]:
    file = str(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.append(yamlsource.YamlProblem(file, None, None, "", "规则文件应为 UTF-8 编码"))
        return []
    try:
        doc = yamlsource.load(text, file)
    except yamlsource.YamlError as exc:
        problems.extend(exc.problems)
        return []
    entries = doc.data if isinstance(doc.data, list) else [doc.data]
    out = []
    for i, entry in enumerate(entries):
        prefix: tuple = (i,) if isinstance(doc.data, list) else ()
        if not isinstance(entry, dict):
            problems.append(doc.problem(prefix, "规则应为映射（id、title、severity、check…）"))
            continue
        loaded = _load_rule(entry, doc, prefix, family, problems)
        if loaded is not None:
            out.append(loaded)
    return out


def _load_rule(entry: dict, doc: yamlsource.YamlDocument, prefix: tuple, family: str, problems: list) -> LoadedRule | None:
    rule_id = entry.get("id", "?")
    before = len(problems)

    def problem(path: tuple, message: str, key: bool = False):
        found = doc.problem((*prefix, *path), message, key=key)
        found.path = f"{rule_id} {found.path}".strip()
        problems.append(found)

    try:
        rule = Rule.model_validate(entry)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            message = "未知字段" if err["type"] == "extra_forbidden" else yamlsource._pydantic_message(err)
            problem(loc, message, key=err["type"] == "extra_forbidden")
        return None
    if not rule.family:
        rule.family = family or rule.id.split("-")[0].lower()
    kind = get_kind(rule.check)
    if kind is None:
        problem(("check",), f"未知的检查类型 {rule.check}（可用：{', '.join(kind_names())}）")
        return None
    try:
        params = kind.Params.model_validate(rule.params)
    except ValidationError as exc:
        for err in exc.errors():
            unknown = err["type"] == "extra_forbidden"
            message = f"检查类型 {rule.check} 没有参数 {err['loc'][0]}" if unknown else yamlsource._pydantic_message(err)
            problem(tuple(err["loc"]), message, key=unknown)
        return None
    try:
        check = kind(rule, params)
    except (ValueError, re.error) as exc:
        first_param = next(iter(rule.params), "check")
        problem((first_param,), f"参数无效：{exc}")
        return None
    allowed = COMMON_FIELDS | kind.fields
    for which in ("message", "suggestion"):
        value = getattr(rule, which)
        templates = value if isinstance(value, dict) else {"default": value}
        for outcome, template in templates.items():
            if isinstance(value, dict) and outcome not in kind.outcomes and outcome != "default":
                problem((which, outcome), f"检查类型 {rule.check} 没有结果 {outcome}（可用：{', '.join(kind.outcomes)}）", key=True)
            try:
                unknown = template_fields(template) - allowed
            except ValueError as exc:
                problem((which,), str(exc))
                continue
            if unknown:
                problem((which,), f"模板字段 {', '.join(sorted(unknown))} 不可用（可用：{', '.join(sorted(allowed))}）")
    conditions: dict[str, Condition | None] = {}
    for name in ("when", "unless"):
        source = getattr(rule, name)
        conditions[name] = None
        if source:
            try:
                condition = compile_condition(source)
            except ConditionError as exc:
                problem((name,), str(exc))
                continue
            unknown_roots = condition.roots - ENV_ROOTS
            if unknown_roots:
                problem((name,), f"条件中的名称 {', '.join(sorted(unknown_roots))} 不可用（可用：{', '.join(sorted(ENV_ROOTS))}）")
                continue
            conditions[name] = condition
    if len(problems) > before:
        return None
    late = "fired" in f"{rule.when} {rule.unless} {rule.params}"
    return LoadedRule(rule, check, doc.file, doc, conditions["when"], conditions["unless"], late)


def example_of(loaded: LoadedRule, example: str | Example) -> Example:
    if isinstance(example, Example):
        return example
    if loaded.scopes == frozenset({"title"}):
        return Example(title=example, text="第一条 为了规范有关管理工作，制定本办法。")
    return Example(text=example)
