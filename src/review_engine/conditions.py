"""The condition language of rules (``when``, ``unless``, ``require``): ``grammars/condition.lark``.

    dossier.flags.market_related or exists(facts.price_sentence)
    days(dossier.consultation.start, dossier.consultation.end) < profile.consult_min_days
    doc.type in ["规范性文件", "其他"] and not matches(doc.title, "暂行|试行")

A condition is parsed once (Lark LALR) and compiled into a tree of small Python closures: nothing is ever
passed to ``eval``. Names resolve in an environment the engine builds (``doc``, ``dossier``, ``profile``,
``facts``, ``match``, ``review``); a path that leads nowhere is ``null``, so ``exists(dossier.hearing.date)``
is simply false when there is no dossier. Ordering comparisons with ``null`` are false. Anything else that
cannot be evaluated (comparing a date with a string, an unknown function) raises ``ConditionError`` with the
column in the expression; the loader adds the rule file and line.

Functions: ``exists(x)``, ``len(x)``, ``days(a, b)`` (calendar days from date a to date b), ``workdays(a, b)``
(official working days after a up to b), ``matches(text, regex)``, ``contains(list_or_text, x)``,
``min(a, b…)``, ``max(a, b…)``, ``year(date)``, ``date(text)``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from functools import lru_cache, partial
from typing import Any

from . import userregex
from .resources import data_path

Env = Mapping[str, Any]
Fn = Callable[[Env], Any]


class ConditionError(ValueError):
    """A condition that cannot be parsed or evaluated; ``column`` is 1-based in ``source``."""

    def __init__(self, message: str, source: str = "", column: int | None = None):
        where = f"（第{column}列）" if column else ""
        super().__init__(f"条件表达式错误{where}：{message}：{source}")
        self.message = message
        self.source = source
        self.column = column


@lru_cache(maxsize=1)
def _parser():
    from lark import Lark

    return Lark(data_path("grammars", "condition.lark").read_text(encoding="utf-8"), parser="lalr", cache=True)


class Condition:
    """A compiled condition: call it with an environment to get its value."""

    def __init__(self, source: str, fn: Fn):
        self.source = source
        self._fn = fn
        self.roots: frozenset[str] = frozenset()
        """The first names of the paths it reads (doc, dossier, …), checked against the environment at load."""
        self.paths: frozenset[str] = frozenset()
        """The dotted paths it reads (``review.fired``, ``dossier.consultation.end`` …)."""

    def __call__(self, env: Env) -> Any:
        try:
            return self._fn(env)
        except ConditionError as exc:
            raise ConditionError(exc.message, self.source, exc.column) from None
        except (TypeError, ValueError, ArithmeticError, OverflowError, RecursionError) as exc:
            raise ConditionError(f"无法求值（{type(exc).__name__}: {exc}）", self.source) from None

    def test(self, env: Env) -> bool:
        return truthy(self(env))

    def __repr__(self) -> str:
        return f"Condition({self.source!r})"


@lru_cache(maxsize=2048)
def compile_condition(source: str) -> Condition:
    from lark.exceptions import LarkError, UnexpectedInput

    if not isinstance(source, str) or not source.strip():
        raise ConditionError("条件为空", str(source))
    try:
        tree = _parser().parse(source)
    except UnexpectedInput as exc:
        raise ConditionError("语法错误", source, getattr(exc, "column", None)) from None
    except LarkError as exc:
        raise ConditionError(f"语法错误（{exc}）", source) from None
    try:
        condition = Condition(source, _compile(tree))
    except ConditionError as exc:
        raise ConditionError(exc.message, source, exc.column) from None
    except RecursionError:
        raise ConditionError("表达式嵌套过深", source) from None
    paths = [[str(c) for c in t.children] for t in tree.iter_subtrees() if t.data == "path"]
    condition.roots = frozenset(p[0] for p in paths)
    condition.paths = frozenset(".".join(p) for p in paths)
    return condition


def truthy(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, (str, list, tuple, dict, set)):
        return len(value) > 0
    return bool(value)


# ---- compilation ---------------------------------------------------------------------------------------

def _compile(tree) -> Fn:
    """The tree as a function of the environment: ``functools.partial`` objects over the module's functions, so
    that a compiled condition (and the rule set holding it) can be pickled (``ruleset.cache``)."""
    from lark import Token

    if isinstance(tree, Token):  # only reached through unusual trees; be explicit rather than guess
        raise ConditionError(f"意外的记号 {tree!r}", column=getattr(tree, "column", None))
    kind = tree.data
    kids = tree.children
    if kind == "number":
        text = str(kids[0])
        return partial(_const, float(text) if "." in text else int(text))
    if kind == "string":
        return partial(_const, _unquote(str(kids[0])))
    if kind == "date":
        try:
            value = dt.date.fromisoformat(str(kids[0]))
        except ValueError:
            raise ConditionError(f"不是有效日期 {kids[0]}", column=kids[0].column) from None
        return partial(_const, value)
    if kind in ("true", "false", "null"):
        return partial(_const, {"true": True, "false": False, "null": None}[kind])
    if kind == "path":
        names = [str(k) for k in kids]
        if any(n.startswith("_") for n in names):
            raise ConditionError(f"不允许的名称 {'.'.join(names)}", column=kids[0].column)
        return partial(_resolve_path, tuple(names))
    if kind == "list_":
        return partial(_list, tuple(_compile(k) for k in kids if k is not None))
    if kind == "not_":
        return partial(_not, _compile(kids[0]))
    if kind == "and_":
        return partial(_and, _compile(kids[0]), _compile(kids[1]))
    if kind == "or_":
        return partial(_or, _compile(kids[0]), _compile(kids[1]))
    if kind == "neg":
        return partial(_neg, _compile(kids[0]))
    if kind == "arith":
        return partial(_arith_of, str(kids[1]), _compile(kids[0]), _compile(kids[2]))
    if kind == "compare":
        return partial(_compare_of, str(kids[1]), kids[1].column, _compile(kids[0]), _compile(kids[2]))
    if kind in ("in_", "not_in"):
        return partial(_in, kind == "not_in", _compile(kids[0]), _compile(kids[1]))
    if kind == "call":
        name = str(kids[0])
        if name not in FUNCTIONS:
            raise ConditionError(f"未知函数 {name}()（可用：{', '.join(sorted(FUNCTIONS))}）", column=kids[0].column)
        args = tuple(_compile(k) for k in kids[1:] if k is not None)
        if name == "matches":
            # the engine of a literal pattern follows the rule (built-in: re; a rule pack: RE2 or budgeted);
            # a pattern read from data (a profile, the record) is never trusted
            trusted = userregex.is_trusted()
            if len(args) == 2 and kids[2].data == "string":
                _regex(_unquote(str(kids[2].children[0])), trusted)  # a bad literal regex is a load-time error
            else:
                trusted = False
            return partial(_call_matches, trusted, args)
        return partial(_call, name, args)
    raise ConditionError(f"不支持的表达式 {kind}")


# The pieces of a compiled condition (module-level, so that they pickle by name).

def _const(value, env):
    return value


def _resolve_path(names, env):
    return _resolve(env, names)


def _list(items, env):
    return [f(env) for f in items]


def _not(inner, env):
    return not truthy(inner(env))


def _and(left, right, env):
    return truthy(left(env)) and truthy(right(env))


def _or(left, right, env):
    return truthy(left(env)) or truthy(right(env))


def _neg(inner, env):
    return _arith("-", 0, inner(env))


def _arith_of(op, left, right, env):
    return _arith(op, left(env), right(env))


def _compare_of(op, column, left, right, env):
    return _compare(op, left(env), right(env), column)


def _in(negate, left, right, env):
    return _contains(right(env), left(env)) != negate


def _call(name, args, env):
    return FUNCTIONS[name](env, *[a(env) for a in args])


def _call_matches(trusted, args, env):
    return _matches(env, *[a(env) for a in args], trusted=trusted)


def _unquote(text: str) -> str:
    body = text[1:-1]
    return re.sub(r"\\(.)", r"\1", body)


def _resolve(env: Env, names) -> Any:
    if names[0] not in env:
        raise ConditionError(f"未知名称 {names[0]}（可用：{', '.join(sorted(env))}）")
    value = env[names[0]]
    for name in names[1:]:
        value = _attribute(value, name)
        if value is None:
            return None
    return value


def _attribute(value: Any, name: str) -> Any:
    if value is None:
        return None
    if isinstance(value, Mapping):
        return value.get(name)
    fields = getattr(type(value), "model_fields", None)
    if fields is not None:  # pydantic models: declared fields only, never methods
        return getattr(value, name) if name in fields else None
    exposed = getattr(value, "CONDITION_FIELDS", None)  # our own views declare what conditions may read
    if exposed is not None and name in exposed:
        return getattr(value, name)
    return None


def _arith(op: str, a: Any, b: Any) -> Any:
    if a is None or b is None:
        return None
    if isinstance(a, bool) or isinstance(b, bool):
        raise ConditionError(f"不能对真假值做运算（{op}）")
    if isinstance(a, dt.date) and isinstance(b, (int, float)) and op in "+-":
        return a + dt.timedelta(days=int(b)) if op == "+" else a - dt.timedelta(days=int(b))
    if isinstance(a, dt.date) and isinstance(b, dt.date) and op == "-":
        return (a - b).days
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
        raise ConditionError(f"不能对 {_type(a)} 和 {_type(b)} 做运算（{op}）")
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if b == 0:
        return None
    return a / b


def _compare(op: str, a: Any, b: Any, column: int | None) -> bool:
    if op == "==":
        return _equal(a, b)
    if op == "!=":
        return not _equal(a, b)
    if a is None or b is None:
        return False
    numeric = (int, float)
    same = (isinstance(a, numeric) and isinstance(b, numeric) and not isinstance(a, bool) and not isinstance(b, bool)) \
        or (type(a) is type(b) and isinstance(a, (str, dt.date)))
    if not same:
        raise ConditionError(f"不能比较 {_type(a)} 和 {_type(b)}", column=column)
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, bool) != isinstance(b, bool):
        return False
    return a == b


def _contains(container: Any, item: Any) -> bool:
    if container is None:
        return False
    if isinstance(container, str):
        return isinstance(item, str) and item in container
    if isinstance(container, (list, tuple, set, frozenset)):
        return any(_equal(item, x) for x in container)
    raise ConditionError(f"in 的右边应为列表或文字，而不是 {_type(container)}")


def _type(value: Any) -> str:
    return {bool: "真假值", int: "数字", float: "数字", str: "文字", list: "列表", dt.date: "日期"}.get(
        type(value), type(value).__name__)


@lru_cache(maxsize=512)
def _regex(pattern: str, trusted: bool = True) -> re.Pattern:
    try:
        return userregex.compile(pattern, trusted)
    except re.error as exc:
        raise ConditionError(f"正则表达式错误（{exc}）：{pattern}") from None


def _as_date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ConditionError(f"不是有效日期：{value}") from None
    raise ConditionError(f"应为日期，而不是 {_type(value)}")


def _exists(env, value=None, *rest):
    return truthy(value) or value is False or value == 0 if value is not None else False


def _len(env, value=None, *rest):
    if value is None:
        return 0
    if isinstance(value, (str, list, tuple, dict, set)):
        return len(value)
    raise ConditionError(f"len() 需要文字或列表，而不是 {_type(value)}")


def _days(env, a=None, b=None, *rest):
    a, b = _as_date(a), _as_date(b)
    return None if a is None or b is None else (b - a).days


def _workdays(env, a=None, b=None, *rest):
    a, b = _as_date(a), _as_date(b)
    if a is None or b is None:
        return None
    calendar = env.get("calendar") if isinstance(env, Mapping) else None
    if calendar is None:
        from .workdays import WorkCalendar

        calendar = WorkCalendar()
    return calendar.workdays_between(a, b)


def _matches(env, text=None, pattern=None, *rest, trusted: bool = True):
    if text is None:
        return False
    if not isinstance(pattern, str):
        raise ConditionError("matches() 的第二个参数应为正则表达式文字")
    if not isinstance(text, str):
        text = str(text)
    return _regex(pattern, trusted).search(text) is not None


def _contains_fn(env, container=None, item=None, *rest):
    return _contains(container, item)


def _extreme(pick):
    def fn(env, *values):
        present = [v for v in values if v is not None]
        if not present:
            return None
        try:
            return pick(present)
        except TypeError:
            raise ConditionError("min()/max() 的参数类型不一致") from None
    return fn


def _year(env, value=None, *rest):
    value = _as_date(value)
    return None if value is None else value.year


def _date(env, value=None, *rest):
    return _as_date(value)


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "exists": _exists, "len": _len, "days": _days, "workdays": _workdays, "matches": _matches,
    "contains": _contains_fn, "min": _extreme(min), "max": _extreme(max), "year": _year, "date": _date,
}
