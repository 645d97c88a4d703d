"""Problems in YAML files told in Chinese: YAML syntax errors (PyYAML's and libyaml's wordings) and pydantic
validation errors — the expected type, the allowed values, the nearest field name for a typo."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Sequence
from datetime import date, datetime
from typing import Annotated, Any

import yaml
from pydantic import BaseModel

PathItem = str | int


_TRANSLATIONS = {  # PyYAML's and libyaml's wordings
    "mapping values are not allowed here": "此处不能出现“:”，值中含冒号时请加引号",
    "mapping values are not allowed in this context": "此处不能出现“:”，值中含冒号时请加引号",
    "found character that cannot start any token": "此处有不能作为开头的字符（如制表符 Tab，请改用空格）",
    "did not find expected key": "缩进不一致或缺少字段名",
    "did not find expected node content": "缺少值",
    "did not find expected ',' or ']'": "列表缺少“,”或“]”",
    "did not find expected ',' or '}'": "映射缺少“,”或“}”",
    "found unknown escape character": "双引号中有无法识别的转义字符（“\\”）",
    "found character '\\t' that cannot start any token": "不能使用制表符 (Tab)，请改用空格",
    "expected <block end>, but found '<block mapping start>'": "缩进不一致",
    "could not find expected ':'": "缺少“:”",
    "found unexpected end of stream": "文件意外结束 (引号或括号未闭合)",
    "expected a single document in the stream": "只能有一个 YAML 文档 (多余的 ---)",
    "found undefined alias": "引用了未定义的锚点",
    "found duplicate anchor; first occurrence": "锚点重复",
}

#: Messages for missing or empty fields that say why the field is needed (a waiver without its reason).
FIELD_HINTS = {"reason": "豁免必须说明理由", "rule": "豁免必须指明规则编号",
               "basis": "规则必须援引所适用的法律规定：law、article、quote"}
#: Validator error types whose own message is already the whole Chinese message.
OWN_MESSAGE_TYPES = {"date_invalid", "date_has_time", "rule_id", "eid", "yaml_value"}


def yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or exc.context or type(exc).__name__
    return _TRANSLATIONS.get(problem.split(" (")[0], problem)


def describe(err: dict[str, Any], model: type[BaseModel] | None = None) -> str:
    """A pydantic error (one item of ``ValidationError.errors()``) told in Chinese."""
    kind: str = err["type"]
    loc: tuple[PathItem, ...] = tuple(err["loc"])
    value = err.get("input")
    got = f" (实为{kind_of(value)})"
    name = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        parent = annotation_at(model, loc[:-1]) if model is not None else None
        known = list(parent.model_fields) if isinstance(parent, type) and issubclass(parent, BaseModel) else []
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f"，是否应为 {close[0]}？" if close else (f"，可用字段：{'、'.join(known)}" if known else "")
        return f"未知字段 “{short(name)}”{hint}"
    if kind == "invalid_key":
        return "字段名应为文本"
    if kind in ("missing", "too_short") and name in FIELD_HINTS and (kind == "missing" or value == []):
        return f"缺少必填字段 {name} ({FIELD_HINTS[name]})"
    if kind == "missing":
        hint = FIELD_HINTS.get(name)
        return f"缺少必填字段 {name}" + (f" ({hint})" if hint else "")
    if kind == "empty":
        hint = FIELD_HINTS.get(name)
        return "不能为空" + (f" ({hint})" if hint else "")
    if kind in OWN_MESSAGE_TYPES:
        return err["msg"]
    if kind in ("date_type", "date_parsing", "date_from_datetime_inexact"):
        return f"不是有效日期 (应为 YYYY-MM-DD){got}"
    if kind in ("bool_type", "bool_parsing"):
        return f"类型错误：应为 true/false{got}"
    if kind in ("string_type", "string_unicode"):
        quote = "，作文本时请加引号" if isinstance(value, (int, float, date)) else ""
        return f"类型错误：应为文本{got}{quote}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"类型错误：应为整数{got}"
    if kind in ("float_type", "float_parsing", "decimal_type", "decimal_parsing"):
        return f"类型错误：应为数字{got}"
    if kind in ("list_type", "set_type", "tuple_type"):
        return f"类型错误：应为列表{got}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"类型错误：应为映射 (字段: 值){got}"
    if kind == "literal_error":
        allowed = typing.get_args(annotation_at(model, loc)) if model is not None else ()
        allowed_text = "、".join(map(str, allowed)) if allowed else str(err.get("ctx", {}).get("expected", ""))
        shown = short(value) if isinstance(value, str) else kind_of(value)
        return f"取值无效 ({shown})：应为 {allowed_text} 之一"
    if kind in ("greater_than_equal", "greater_than"):
        limit = err.get("ctx", {}).get("ge", err.get("ctx", {}).get("gt"))
        return f"取值无效：不能为负数{got}" if limit == 0 else f"取值无效：应不小于 {limit}{got}"
    if kind in ("less_than_equal", "less_than"):
        limit = err.get("ctx", {}).get("le", err.get("ctx", {}).get("lt"))
        return f"取值无效：应不大于 {limit}{got}"
    if kind == "value_error":
        return str(err.get("ctx", {}).get("error", err["msg"]))
    return f"取值无效 ({err.get('msg', kind)}){got}"


def annotation_at(model: type[BaseModel] | None, loc: Sequence[PathItem]) -> Any:
    """The (unwrapped) annotation of the field a pydantic ``loc`` names, starting from ``model``."""
    current: Any = model
    for item in loc:
        if isinstance(current, type) and issubclass(current, BaseModel):
            if isinstance(item, str) and item in current.model_fields:
                current = _unwrap(current.model_fields[item].annotation)
            continue
        origin = typing.get_origin(current)
        if origin is list and isinstance(item, int):
            current = _unwrap(typing.get_args(current)[0])
        elif origin is dict:
            current = _unwrap(typing.get_args(current)[1])
    return current


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def short(value: Any, limit: int = 40) -> str:
    text = value if isinstance(value, str) else repr(value)
    text = text.replace("\n", "⏎")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def kind_of(value: Any) -> str:
    """What a YAML value is, in Chinese (for "应为…，实为…" messages)."""
    if value is None:
        return "空值 (null)"
    if isinstance(value, bool):
        return f"布尔值 {str(value).lower()}"
    if isinstance(value, str):
        return f"文本 “{short(value)}”"
    if isinstance(value, (int, float)):
        return f"数字 {value}"
    if isinstance(value, datetime):
        return f"时刻 {value.isoformat(sep=' ')}"
    if isinstance(value, date):
        return f"日期 {value.isoformat()}"
    if isinstance(value, (bytes, bytearray)):
        return "二进制数据"
    if isinstance(value, (list, tuple)):
        return "列表"
    if isinstance(value, (dict, set)):
        return "映射"
    return type(value).__name__
