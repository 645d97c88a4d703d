"""YAML read safely, with the line of every value kept for error messages.

Rule files, profiles, the law registry and dossiers are written by people; an error must name the file,
the line and the field. ``load`` parses with the safe loader only (``yaml.CSafeLoader``/``SafeLoader``,
what ``yaml.safe_load`` uses; never ``yaml.load``) in one pass that also keeps the composed node tree, so that a pydantic error location such as ``('consultation', 'start')`` or
``('examples', 'fail', 2)`` can be turned into a line and column with ``locate``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

PathItem = str | int
# libyaml's parser when PyYAML has it (the wheels do): the same safe constructor as ``yaml.safe_load``,
# ten times faster, which matters because every run loads some 110 rule and law files.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlProblem:
    file: str
    line: int | None
    column: int | None
    path: str
    message: str

    def one_line(self) -> str:
        where = ":".join(str(x) for x in (self.file, self.line, self.column) if x is not None)
        return f"{where}: {self.path + ': ' if self.path else ''}{self.message}"


@dataclass
class YamlError(ValueError):
    """One or more problems in a YAML file; ``str()`` lists them one per line."""

    problems: list[YamlProblem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(p.one_line() for p in self.problems)

    def one_line(self) -> str:
        return self.problems[0].one_line() if self.problems else "YAML error"


@dataclass
class YamlDocument:
    file: str
    data: Any
    root: Node | None
    line_offset: int = 0

    def locate(self, loc: Iterable[PathItem], *, key: bool = False) -> tuple[int | None, int | None, str]:
        """(line, column, dotted path) of the value at ``loc`` (its key's position with ``key``)."""
        if self.root is None:
            return None, None, format_path(list(loc))
        node, path = locate_node(self.root, loc, key=key)
        if node is None:
            return None, None, format_path(path)
        return node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1, format_path(path)

    def problem(self, loc: Sequence[PathItem], message: str, *, key: bool = False) -> YamlProblem:
        line, column, path = self.locate(loc, key=key)
        return YamlProblem(self.file, line, column, path, message)

    def validation_problems(self, exc) -> list[YamlProblem]:
        """The errors of a pydantic ``ValidationError`` on this document's data, located."""
        out = []
        for err in exc.errors():
            unknown = err["type"] == "extra_forbidden"
            message = "未知字段" if unknown else _pydantic_message(err)
            out.append(self.problem(tuple(err["loc"]), message, key=unknown))
        return out


def load(text: str, file: str, *, line_offset: int = 0) -> YamlDocument:
    """Parse YAML text; raise ``YamlError`` (with line and column) on a syntax error."""
    loader = _SAFE_LOADER(text)
    try:
        root = loader.get_single_node()  # the node tree, with the marks that give lines and columns
        data = loader.construct_document(root) if root is not None else None  # the safe constructor only
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        problem = "；".join(p for p in (exc.context, exc.problem) if p)
        raise YamlError([YamlProblem(file, line, column, "", f"YAML 语法错误（{problem}）")]) from None
    except yaml.YAMLError as exc:
        raise YamlError([YamlProblem(file, None, None, "", f"YAML 错误（{exc}）")]) from None
    except (ValueError, TypeError, OverflowError) as exc:  # e.g. an impossible date such as 2026-02-30
        raise YamlError([YamlProblem(file, None, None, "", f"YAML 值错误（{exc}）")]) from None
    finally:
        loader.dispose()
    return YamlDocument(file, data, root, line_offset)


def format_path(path: Sequence[PathItem]) -> str:
    text = ""
    for item in path:
        if isinstance(item, int) and not isinstance(item, bool):
            text += f"[{item}]"
        else:
            text += ("." if text else "") + str(item)
    return text


_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_MERGE = _TAG + "merge"


def _key_value(node: Node) -> Any:
    """The value a key node stands for (``1`` for an int key, the text for a string key)."""
    if not isinstance(node, ScalarNode):
        return None
    if node.tag == _STR:
        return node.value
    try:
        return yaml.constructor.SafeConstructor().construct_object(node)
    except Exception:  # noqa: BLE001 - an unconstructible key is matched by its text
        return node.value


def find_key(node: MappingNode, item: PathItem) -> tuple[Node, Node] | None:
    """The (key, value) pair of mapping ``node`` named by the error-location ``item``.

    The last of duplicate keys wins (as in YAML loading); a key is matched by its value (``1`` for an int
    key), then by its text; merge keys (``<<``) are followed when the mapping itself does not hold it.
    """
    pairs = [(k, v) for k, v in reversed(node.value) if not (isinstance(k, ScalarNode) and k.tag == _MERGE)]
    for key, value in pairs:
        k = _key_value(key)
        if isinstance(k, str) and k == item:
            return key, value
        if not isinstance(k, str) and k is not None and (k == item or repr(k) == item or str(k) == item):
            return key, value
    for key, value in pairs:
        if isinstance(key, ScalarNode) and key.value == str(item):
            return key, value
    for key, value in reversed(node.value):
        if isinstance(key, ScalarNode) and key.tag == _MERGE:
            sources = value.value if isinstance(value, SequenceNode) else [value]
            for source in sources:
                if isinstance(source, MappingNode) and (found := find_key(source, item)):
                    return found
    return None


def locate_node(root: Node, loc: Iterable[PathItem], *, key: bool = False) -> tuple[Node, list[PathItem]]:
    """The node an error location (a pydantic ``loc``) refers to, and the path of the items that matched.

    Items that name no key or index (union member tags, validator names) are skipped; a key that is absent
    (a missing field) leaves the node at its mapping. With ``key`` the final item's key node is returned
    instead of its value (for unknown fields).
    """
    node: Node = root
    path: list[PathItem] = []
    items = list(loc)
    for position, item in enumerate(items):
        last = position == len(items) - 1
        if isinstance(node, MappingNode):
            found = find_key(node, item)
            if found is not None:
                path.append(found[0].value if isinstance(found[0], ScalarNode) else item)
                node = found[0] if (last and key) else found[1]
            elif last and isinstance(item, str):
                path.append(item)  # a missing field: keep pointing at the mapping
        elif isinstance(node, SequenceNode) and isinstance(item, int) and not isinstance(item, bool):
            if 0 <= item < len(node.value):
                path.append(item)
                node = node.value[item]
    return node, path


def _pydantic_message(err: dict) -> str:
    kind = err["type"]
    if kind == "missing":
        return "缺少必填字段"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return f"类型错误（{err['msg']}）"
    if kind == "literal_error":
        return f"取值不在允许范围内（{err['msg']}）"
    return err["msg"]
