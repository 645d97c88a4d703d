"""The Lark LALR parser of ``grammars/draft.lark``, and recovery from lines it cannot place.

The LALR tables are cached on disk by Lark (keyed by the grammar's hash), so a cold start pays for
loading them, not for building them. When a label stands where the grammar does not allow it (第一节
before any 章, a 第二编 after the 章 of a document without 编…), the line is reported as a ``PARSE-STRUCTURE``
problem naming what was expected there, demoted to plain text, and the parse runs again: the rest of the
document is kept.
"""

from __future__ import annotations

from functools import lru_cache

from ..model import Problem
from ..resources import data_path
from .lines import LineTable

DEMOTE = "\ue000"
"""Prefix that turns a line the grammar rejected into plain text on the next attempt."""
MAX_RECOVERIES = 200

TERMINAL_NAMES = {
    "BOOK": "编（第X编）", "CHAPTER": "章（第X章）", "SECTION": "节（第X节）", "ARTICLE": "条（第X条）",
    "P1": "项（（一））", "P2": "目（1.）", "P3": "（1）", "P4": "①", "L1": "一、",
    "ATTACH": "附件", "DATE": "成文日期", "TEXT": "正文", "_NL": "换行", "$END": "文件结束",
}


@lru_cache(maxsize=1)
def parser():
    from lark import Lark

    grammar = data_path("grammars", "draft.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", lexer="contextual", cache=True)


def parse_table(table: LineTable, file: str | None):
    """Parse the kept lines; return (lark tree or None, demoted line indices, problems)."""
    from lark.exceptions import UnexpectedInput

    demoted: set[int] = set()
    problems: list[Problem] = []
    lines = table.lines
    for _ in range(MAX_RECOVERIES):
        text = "".join((DEMOTE if i in demoted else "") + line.text + "\n" for i, line in enumerate(lines))
        try:
            return parser().parse(text), demoted, problems
        except UnexpectedInput as exc:
            index = min(max(getattr(exc, "line", 1) - 1, 0), len(lines) - 1) if lines else 0
            if not lines or index in demoted:
                break
            demoted.add(index)
            problems.append(_problem(exc, lines[index], file))
    problems.append(Problem(code="PARSE-INTERNAL", message="文档结构无法解析，已按普通段落处理", file=file))
    return None, demoted, problems


def _problem(exc, line, file: str | None) -> Problem:
    token = getattr(exc, "token", None)
    expected = sorted(getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ())
    names = [TERMINAL_NAMES.get(name, name) for name in expected if name not in ("TEXT", "_NL", "$END")]
    found = str(token) if token is not None and str(token).strip() else line.text[:12]
    hint = "、".join(dict.fromkeys(names)) or "正文"
    return Problem(
        code="PARSE-STRUCTURE",
        message=f"“{found}”出现的位置不符合章节条款层级，已按普通正文处理；此处可接：{hint}",
        file=file,
        line=line.lineno,
        column=line.col(0) + 1,
        excerpt=line.text[:80],
        expected=names,
    )
