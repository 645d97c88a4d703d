"""Loading a rule set: YAML files → validated rules with their check kinds, self-tested by their examples.

``load_rules([dir, …])`` reads every ``*.yaml`` under the folders (``profiles/`` excepted); a later folder
overrides a rule of the same id (or alias). Everything a person can get wrong is reported with file, line
and rule id: YAML syntax, unknown fields, an unknown check kind, a bad regular expression, a condition that
does not parse, a message field the kind does not fill. Then the rule set tests itself on its examples
(``selftest.ensure_tested``: once per content, cached).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from pydantic import ValidationError

from .. import userregex, yamlsource
from ..conditions import Condition, ConditionError, compile_condition
from ..kinds import get_kind, kind_names, regex
from ..kinds.terms import TERMS_FILE, load_terms
from ..resources import data_dir, read_cache
from ..version import __version__
from . import cache
from .rules import LoadedRule, RuleSet
from .schema import COMMON_FIELDS, Rule, template_fields
from .selftest import RuleLoadError, ensure_tested, marker_path

ENV_ROOTS = frozenset({"doc", "dossier", "record", "profile", "facts", "dates", "match", "review"})


def default_rule_dirs() -> list[Path]:
    return [data_dir("rules")]


RULESET_FILE = "ruleset.yaml"
"""A rule folder's own description (``date:`` of its last change), not a rule."""


def rule_files(directory: Path) -> list[Path]:
    """The rule files of a folder: every ``*.yaml`` but its profiles, its shared ``terms.yaml`` and its
    ``ruleset.yaml``."""
    return sorted(p for p in directory.rglob("*.yaml")
                  if "profiles" not in p.relative_to(directory).parts
                  and p.relative_to(directory) not in (Path(TERMS_FILE), Path(RULESET_FILE)))


def ruleset_date(directory: Path):
    """The ``date`` of a folder's ``ruleset.yaml`` (None without one or without a date)."""
    import datetime as dt

    path = directory / RULESET_FILE
    if not path.is_file():
        return None
    try:
        data = yamlsource.read(path).data
    except yamlsource.YamlError:
        return None
    value = data.get("date") if isinstance(data, dict) else None
    return value if isinstance(value, dt.date) else None


def _no_rules_message(directory: Path) -> str:
    """Why a rule folder holds no rule (an empty folder, or rule files with another ending)."""
    others = sorted(p.name for p in directory.rglob("*.yml"))[:3]
    hint = f"（发现 {'、'.join(others)}：规则文件应以 .yaml 结尾）" if others else ""
    return f"规则目录中没有规则文件（*.yaml）{hint}；审核不会在没有规则的情况下进行"


def load_rules(dirs: list[str | Path] | None = None, *, test: bool = True) -> RuleSet:
    """Load, validate and (unless ``test=False``) self-test the rules of ``dirs`` (default: the built-in set).

    When this exact rule set (same files, grammars, profiles and version) has passed its self-test before,
    its regular expressions were all compiled and checked then: they are compiled lazily this time
    (``kinds.regex``), which is most of the load time of a one-draft run; and the rule set itself is read
    from the cache of loaded rule sets when it was loaded so before (``ruleset.cache``).
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
    terms: dict[str, str] = {}
    for directory in paths:
        if not directory.is_dir():
            problems.append(yamlsource.YamlProblem(str(directory), None, None, "", "规则目录不存在"))
            continue
        try:
            own, data = load_terms(directory)
        except yamlsource.YamlError as exc:
            problems.extend(exc.problems)
            continue
        terms.update(own)
        digest.update(b"terms\0" + data)
        found = rule_files(directory)
        if not found:
            problems.append(yamlsource.YamlProblem(str(directory), None, None, "", _no_rules_message(directory)))
            continue
        for path in found:
            data = path.read_bytes()
            digest.update(str(path.relative_to(directory)).encode() + b"\0" + data)
            files.append((directory, path, data))
    hexdigest = digest.hexdigest()[:20]
    marker = marker_path(hexdigest)
    known_good = test and marker is not None and marker.exists()
    pickled = cache.cache_path(hexdigest, paths) if known_good and not problems else None
    cached = read_cache(pickled)
    if isinstance(cached, RuleSet) and cached.digest == hexdigest:
        return cached
    seen: dict[tuple[Path, str], str] = {}
    builtin = default_rule_dirs()[0].resolve()
    with regex.lazy(known_good):
        for directory, path, data in files:
            parts = path.relative_to(directory).parts
            family = parts[0] if len(parts) > 1 else ""
            # the built-in rules run on Python re; a rule pack's patterns on RE2 or under a time budget
            with userregex.trusting(directory.resolve() == builtin):
                loaded_rules = _load_file(path, data, family, problems, terms)
            for loaded in loaded_rules:
                if (directory, loaded.id) in seen:
                    problems.append(yamlsource.YamlProblem(str(path), loaded.line("id"), None, "id",
                                                           f"规则编号 {loaded.id} 重复（另见 {seen[(directory, loaded.id)]}）"))
                    continue
                seen[(directory, loaded.id)] = str(path)
                for old_id in [loaded.id, *loaded.rule.aliases]:
                    chosen.pop(old_id, None)
                chosen[loaded.id] = loaded
    if not problems and not chosen:
        problems.append(yamlsource.YamlProblem(", ".join(map(str, paths)), None, None, "",
                                               "没有可用的规则（0 条）：审核不会在没有规则的情况下进行"))
    if problems:
        raise RuleLoadError(problems)
    ruleset = RuleSet(sorted(chosen.values(), key=lambda r: r.id), paths, hexdigest)
    dates = [d for d in (ruleset_date(p) for p in paths) if d is not None]
    ruleset.date = max(dates) if dates else None
    ruleset.user_dirs = [p for p in paths if p.resolve() != builtin]
    if test:
        ensure_tested(ruleset)
    if pickled is not None:
        cache.write(pickled, ruleset)
    return ruleset


def is_profile(data) -> bool:
    """Whether a YAML document is a profile (``name``, ``extends``/``params``, no rule ``id`` or ``check``)."""
    return (isinstance(data, dict) and "id" not in data and "check" not in data
            and bool({"params", "extends"} & set(data)))


def _load_file(path: Path, data: bytes, family: str, problems: list, terms: dict[str, str]) -> list[LoadedRule]:
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
    if is_profile(doc.data):  # a profile kept beside the rules is found by name (--profile), not run as a rule
        return []
    entries = doc.data if isinstance(doc.data, list) else [doc.data]
    out = []
    for i, entry in enumerate(entries):
        prefix: tuple = (i,) if isinstance(doc.data, list) else ()
        if not isinstance(entry, dict):
            problems.append(doc.problem(prefix, "规则应为映射（id、title、severity、check…）"))
            continue
        loaded = _load_rule(entry, doc, prefix, family, problems, terms)
        if loaded is not None:
            out.append(loaded)
    return out


def _load_rule(entry: dict, doc: yamlsource.YamlDocument, prefix: tuple, family: str, problems: list,
               terms: dict[str, str]) -> LoadedRule | None:
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
            message = yamlsource.describe(err, Rule)
            problem(loc, message, key=err["type"] == "extra_forbidden")
        return None
    if not rule.family:
        rule.family = family or rule.id.split("-")[0].lower()
    kind = get_kind(rule.check)
    if kind is None:
        problem(("check",), f"未知的检查类型 {rule.check}（可用：{', '.join(kind_names())}）")
        return None
    try:
        params = kind.Params.model_validate(rule.params, context={"terms": terms})
    except ValidationError as exc:
        for err in exc.errors():
            unknown = err["type"] == "extra_forbidden"
            message = f"检查类型 {rule.check} 没有参数 {err['loc'][0]}" if unknown else yamlsource.describe(err, kind.Params)
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
            where = (which, outcome) if isinstance(value, dict) else (which,)
            try:
                unknown = template_fields(template) - allowed
            except ValueError as exc:
                problem(where, str(exc))
                continue
            if unknown:
                problem(where, f"模板字段 {', '.join(sorted(unknown))} 不可用（可用：{', '.join(sorted(allowed))}）")
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
    return LoadedRule(rule, check, doc.file, doc, conditions["when"], conditions["unless"])
