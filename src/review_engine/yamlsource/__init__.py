"""YAML read safely, every value's position kept, every problem told in Chinese with file, line and field.

The one reader of every file a person writes: rule files, profiles, the law registry, ``dossier.yaml`` (and a
draft's front matter), user calendar files. ``read(path)`` decodes the bytes (``encoding.decode``: UTF-8, UTF-16,
GB18030) and ``load(text, file)`` parses them with the safe loader only (libyaml's ``CSafeLoader`` when PyYAML has
it, the same safe constructor as ``yaml.safe_load``; never ``yaml.load``), in one pass that keeps the composed
node tree. Before constructing, a check of the tree reports what the safe loader would silently accept or fail
on without a position: duplicate keys (YAML keeps the last), keys that are lists or mappings, tags other than
YAML's own (``!!python/object``), scalars that cannot be constructed; an impossible date such as
``2026-02-30`` is kept as text, so that validation reports it against its field.

``YamlDocument.validate(Model)`` validates the data with a pydantic model and turns every validation error into
a ``YamlProblem`` located at the value (or, for an unknown field, at its key), with a message that names the
expected type or the allowed values and suggests the nearest field name for a typo. All problems of a file are
raised together as one ``YamlError``, sorted by line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, BeforeValidator, ValidationError
from pydantic_core import PydanticCustomError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..encoding import decode
from .messages import FIELD_HINTS, annotation_at, describe, kind_of, short, yaml_problem

PathItem = str | int
# libyaml's parser when PyYAML has it (the wheels do): the same safe constructor as ``yaml.safe_load``,
# ten times faster, which matters because every run loads some 110 rule and law files.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG = "tag:yaml.org,2002:"
_STR, _TIMESTAMP, _NULL, _MERGE = _TAG + "str", _TAG + "timestamp", _TAG + "null", _TAG + "merge"
_MAP_TAGS = {_TAG + "map", _TAG + "set"}
_SEQ_TAGS = {_TAG + "seq", _TAG + "omap", _TAG + "pairs"}
_SCALAR_TAGS = {t for t in yaml.constructor.SafeConstructor.yaml_constructors if t} - _MAP_TAGS - _SEQ_TAGS


# ---- value types shared by the files people write ------------------------------------------------------------

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _to_date(value: Any) -> Any:
    """Accept a ``date`` or an exact ``YYYY-MM-DD`` string naming a real day; reject the rest."""
    if isinstance(value, datetime):
        raise PydanticCustomError("date_has_time", "应为日期，不能带时刻 ({value})", {"value": value.isoformat(sep=" ")})
    if isinstance(value, date) or value is None:
        return value
    if isinstance(value, str):
        text = value.strip()
        if _ISO_DATE.fullmatch(text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                pass
        raise PydanticCustomError("date_invalid", "不是有效日期 (“{value}”，应为 YYYY-MM-DD)", {"value": short(value)})
    raise PydanticCustomError("date_invalid", "不是有效日期 ({value}，应为 YYYY-MM-DD)", {"value": short(value)})


IsoDate = Annotated[date, BeforeValidator(_to_date)]
"""A real calendar date given as a YAML date or as an exact ``YYYY-MM-DD`` string (``2026-02-30`` is an error)."""


# ---- problems -------------------------------------------------------------------------------------------------

@dataclass
class YamlProblem:
    """One problem: where (file, 1-based line and column, dotted field path) and what (Chinese)."""

    file: str
    line: int | None
    column: int | None
    path: str
    message: str

    @property
    def field_path(self) -> str:
        return self.path

    def one_line(self) -> str:
        """``dossier.yaml:12:10: consultation.start: 不是有效日期 (…)``"""
        where = ":".join(str(x) for x in (self.file, self.line, self.column) if x is not None)
        return ": ".join(p for p in (where, self.path, self.message) if p)


class YamlError(ValueError):
    """Problems of one YAML file, sorted by line; ``str()`` lists them one per line.

    ``file``, ``line``, ``column``, ``field_path`` and ``message`` describe the first problem; ``errors`` (an
    alias of ``problems``) lists them all.
    """

    def __init__(self, problems: Sequence[YamlProblem]):
        self.problems = sorted(problems, key=lambda p: (p.line or 0, p.column or 0))
        if not self.problems:
            raise ValueError("YamlError needs at least one problem")
        super().__init__("\n".join(p.one_line() for p in self.problems))

    @classmethod
    def single(cls, file: str, message: str, line: int | None = None, column: int | None = None,
               path: str = "") -> YamlError:
        return cls([YamlProblem(file, line, column, path, message)])

    def __reduce__(self):
        return (YamlError, (self.problems,))

    @property
    def errors(self) -> list[YamlProblem]:
        return self.problems

    @property
    def first(self) -> YamlProblem:
        return self.problems[0]

    file = property(lambda self: self.first.file)
    line = property(lambda self: self.first.line)
    column = property(lambda self: self.first.column)
    field_path = property(lambda self: self.first.path)
    message = property(lambda self: self.first.message)

    def one_line(self) -> str:
        return self.first.one_line()

    def lines(self) -> list[str]:
        return [p.one_line() for p in self.problems]


# ---- documents ------------------------------------------------------------------------------------------------

@dataclass
class YamlDocument:
    """Parsed YAML: its data, and the node tree that says where every value stands."""

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

    def validation_problems(self, exc: ValidationError, model: type[BaseModel] | None = None,
                            prefix: Sequence[PathItem] = ()) -> list[YamlProblem]:
        """The errors of a pydantic ``ValidationError`` on (part of) this document's data, located and told.

        ``model`` is the model that was validated (for field-name suggestions and allowed values); ``prefix``
        is the place of the validated data in the document (a rule inside a list of rules)."""
        out = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            at_key = err["type"] in ("extra_forbidden", "invalid_key") or loc[-1:] == ("[key]",)
            if loc[-1:] == ("[key]",):
                loc = loc[:-1]
            out.append(self.problem((*prefix, *loc), describe(err, model), key=at_key))
        return out

    def validate(self, model: type[BaseModel], *, empty: Any = None) -> Any:
        """The data validated as ``model``; ``YamlError`` listing every problem, located. An empty document
        is validated as ``empty`` (e.g. ``{}``) when given."""
        data = self.data
        if data is None and empty is not None:
            data = empty
        if isinstance(model, type) and issubclass(model, BaseModel) and not _is_root(model) \
                and not isinstance(data, dict):
            raise YamlError([YamlProblem(self.file, self._root_line(), 1 if self.root else None, "",
                                         f"顶层应为映射 (字段: 值)，实为{kind_of(data)}")])
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise YamlError(self.validation_problems(exc, model)) from None
        except RecursionError:
            raise YamlError.single(self.file, "YAML 结构嵌套过深", self._root_line()) from None

    def _root_line(self) -> int | None:
        return self.root.start_mark.line + 1 + self.line_offset if self.root is not None else None


def _is_root(model: type[BaseModel]) -> bool:
    return "root" in model.model_fields and getattr(model, "__pydantic_root_model__", False)


def read(path: Path | str) -> YamlDocument:
    """Read and parse a YAML file (any of the encodings ``encoding.decode`` accepts)."""
    file = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise YamlError.single(file, f"无法读取文件 ({exc.strerror or exc})") from None
    try:
        text, _ = decode(raw)
    except ValueError as exc:
        raise YamlError.single(file, str(exc)) from None
    return load(text, file)


def load(text: str, file: str, *, line_offset: int = 0) -> YamlDocument:
    """Parse YAML text; raise ``YamlError`` (with line and column) for syntax errors and unsafe constructs."""
    loader = _SAFE_LOADER(text)
    problems: list[YamlProblem] = []

    def add(mark, path: Sequence[PathItem], message: str) -> None:
        line = column = None
        if mark is not None:
            line, column = mark.line + 1 + line_offset, mark.column + 1
        problems.append(YamlProblem(file, line, column, format_path(path), message))

    try:
        try:
            root = loader.get_single_node()  # the node tree, with the marks that give lines and columns
        except yaml.MarkedYAMLError as exc:
            add(exc.problem_mark or exc.context_mark, (), f"YAML 语法错误（{yaml_problem(exc)}）")
            raise YamlError(problems) from None
        except yaml.reader.ReaderError as exc:
            char = f" (U+{exc.character:04X})" if isinstance(exc.character, int) else ""
            before = text[: exc.position] if isinstance(exc.position, int) else ""
            mark = yaml.Mark(file, exc.position, before.count("\n"), len(before) - (before.rfind("\n") + 1),
                             None, None)
            add(mark, (), f"YAML 中有不允许的字符{char}")
            raise YamlError(problems) from None
        except (yaml.YAMLError, RecursionError) as exc:
            add(None, (), f"无法解析 YAML（{type(exc).__name__}）")
            raise YamlError(problems) from None
        if root is None:
            return YamlDocument(file, None, None, line_offset)
        _check_tree(root, add, line_offset)
        if problems:
            raise YamlError(problems)
        try:
            data = loader.construct_document(root)  # the safe constructor only
        except RecursionError:
            add(root.start_mark, (), "YAML 结构嵌套过深")
            raise YamlError(problems) from None
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            add(getattr(exc, "problem_mark", None), (), f"YAML 值错误（{short(str(exc))}）")
            raise YamlError(problems) from None
    finally:
        loader.dispose()
    return YamlDocument(file, data, root, line_offset)


def _check_tree(root: Node, add, line_offset: int) -> None:
    """Report unsafe or ambiguous constructs (see the module docstring); re-tag impossible dates as text."""
    constructor = yaml.constructor.SafeConstructor()
    seen: set[int] = set()
    stack: list[tuple[Node, list[PathItem]]] = [(root, [])]
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            if node.tag not in _SCALAR_TAGS:
                add(node.start_mark, path, f"不支持的 YAML 标签 {node.tag}")
            elif node.tag not in (_STR, _NULL):
                try:
                    constructor.construct_object(node)
                except Exception:  # noqa: BLE001 - any failure of a scalar is reported at the scalar
                    if node.tag == _TIMESTAMP:
                        node.tag = _STR  # validation reports it as 不是有效日期 against its field
                    else:
                        add(node.start_mark, path, f"无法解析的值 “{short(node.value)}”（{node.tag.removeprefix(_TAG)}）")
        elif isinstance(node, SequenceNode):
            if node.tag not in _SEQ_TAGS:
                add(node.start_mark, path, f"不支持的 YAML 标签 {node.tag}")
                continue
            stack.extend((item, [*path, i]) for i, item in reversed(list(enumerate(node.value))))
        elif isinstance(node, MappingNode):
            if node.tag not in _MAP_TAGS:
                add(node.start_mark, path, f"不支持的 YAML 标签 {node.tag}")
                continue
            first: dict[tuple[str, str], Node] = {}
            pending = []
            for key, value in node.value:
                if isinstance(key, ScalarNode) and key.tag == _MERGE:
                    pending.append((value, path))
                    continue
                if not isinstance(key, ScalarNode):
                    add(key.start_mark, path, "字段名应为文本，不能是列表或映射")
                    continue
                if key.tag not in _SCALAR_TAGS:
                    add(key.start_mark, path, f"不支持的 YAML 标签 {key.tag}")
                    continue
                earlier = first.get((key.tag, key.value))
                if earlier is not None:
                    add(key.start_mark, [*path, key.value],
                        f"字段重复 (第 {earlier.start_mark.line + 1 + line_offset} 行已出现)")
                else:
                    first[(key.tag, key.value)] = key
                pending.append((value, [*path, key.value]))
            stack.extend(reversed(pending))


def format_path(path: Sequence[PathItem]) -> str:
    text = ""
    for item in path:
        if isinstance(item, int) and not isinstance(item, bool):
            text += f"[{item}]"
        else:
            text += ("." if text else "") + str(item)
    return text


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


__all__ = ["FIELD_HINTS", "IsoDate", "PathItem", "YamlDocument", "YamlError", "YamlProblem", "annotation_at",
           "describe", "format_path", "kind_of", "load", "locate_node", "read", "short"]
