"""The configuration file of ``review`` and ``check``: ``[tool.review-engine]`` in ``pyproject.toml`` or a
``.review-engine.yaml``, found from the first draft upwards as ruff and sqlfluff find theirs (the nearest folder
holding either wins; in one folder ``.review-engine.yaml`` before ``pyproject.toml``, and a ``pyproject.toml``
without the table is passed over). ``--config FILE`` names one; ``--no-config`` uses none.

Keys (each as the option of the same name; the command line wins):

    profile = "my-city"                 # a name (built-in or in a rule folder) or a path
    fail-level = "block"
    rules = ["my-rules"]                # rule folders ADDED to the built-in rules
    builtin-rules = false               # false: only the folders of `rules` (as --no-builtin-rules)
    select = ["CONT", "PROC-CONS-01"]   # rule ids or id prefixes to run (default: all)
    ignore = ["DRAFT-TERM-01"]          # rule ids or id prefixes not to run
    format = ["md", "docx", "json"]     # or "md,docx,json"
    review-date = "2026-04-10"
    stage = "pre-issuance"
    template = "templates/letterhead.docx"

Paths are relative to the file. An unknown key, or a value of the wrong kind, is a usage error naming the file
(and, for YAML, the line).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .console import UsageError

YAML_NAME = ".review-engine.yaml"
PYPROJECT = "pyproject.toml"
TABLE = "review-engine"
LEVELS = ("info", "warn", "modify", "block")
STAGES = ("pre-issuance", "filing-review")
KEYS = {"profile", "fail-level", "rules", "builtin-rules", "select", "ignore", "format", "review-date", "stage",
        "template"}


@dataclass
class Config:
    file: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)


def find_config(start: Path) -> Path | None:
    """The configuration file nearest to ``start`` (a draft file or folder), looking upwards."""
    here = start.resolve()
    folder = here if here.is_dir() else here.parent
    for candidate in (folder, *folder.parents):
        yaml_file = candidate / YAML_NAME
        if yaml_file.is_file():
            return yaml_file
        toml_file = candidate / PYPROJECT
        if toml_file.is_file() and _toml_table(toml_file) is not None:
            return toml_file
    return None


def _toml_table(path: Path) -> dict | None:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"{path}: 无法读取配置（{exc}）") from None
    table = data.get("tool", {}).get(TABLE) if isinstance(data.get("tool"), dict) else None
    return table if isinstance(table, dict) else None


def load_config(path: Path) -> Config:
    """The validated configuration of ``path`` (``pyproject.toml`` or a YAML file)."""
    from .. import yamlsource

    locate = lambda key: None  # noqa: E731
    if path.name == PYPROJECT or path.suffix == ".toml":
        raw = _toml_table(path)
        if raw is None:
            raise UsageError(f"{path}: 没有 [tool.{TABLE}] 配置")
    else:
        try:
            doc = yamlsource.read(path)
        except yamlsource.YamlError as exc:
            raise UsageError(f"配置文件有误：\n{exc}") from None
        except OSError as exc:
            raise UsageError(f"{path}: 无法读取配置（{exc.strerror or exc}）") from None
        raw = doc.data if doc.data is not None else {}
        if not isinstance(raw, dict):
            raise UsageError(f"{path}: 配置应为映射（键: 值）")
        locate = lambda key: doc.locate((key,), key=True)[0]  # noqa: E731

    def where(key: str) -> str:
        line = locate(key)
        return f"{path}:{line}" if line else str(path)

    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in KEYS:
            raise UsageError(f"{where(key)}: 未知的配置项 {key}（可用：{'、'.join(sorted(KEYS))}）")
        values[key] = _check(key, value, where(key), path.parent)
    return Config(path, values)


def _check(key: str, value: Any, where: str, base: Path) -> Any:
    def fail(expected: str):
        raise UsageError(f"{where}: 配置项 {key} 应为{expected}（实为 {value!r}）")

    if key in ("rules", "select", "ignore", "format"):
        if isinstance(value, str) and key in ("format", "select", "ignore"):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            fail("字符串列表")
        return [str(base / v) for v in value] if key == "rules" else value
    if key == "builtin-rules":
        if not isinstance(value, bool):
            fail(" true 或 false")
        return value
    if key == "fail-level":
        if value not in LEVELS:
            fail("、".join(LEVELS) + " 之一")
        return value
    if key == "stage":
        if value not in STAGES:
            fail("、".join(STAGES) + " 之一")
        return value
    if key == "review-date":
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            fail("日期 YYYY-MM-DD")
    if not isinstance(value, str) or not value:
        fail("字符串")
    if key == "template" or (key == "profile" and Path(value).suffix):
        return str(base / value)
    return value
