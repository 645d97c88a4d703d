"""Named regex fragments (``terms``) and how rule regexes are written out for speed.

A rule writes ``{NAME}`` in any of its regexes for a class of words written once: ``{LOCAL}`` (the words of a
locality), ``{CITED}`` (a higher law named as the basis), ``{PROHIBIT}`` … The classes several rules share live
in the rule folder's ``terms.yaml`` (one mapping ``NAME: fragment`` or ``NAME: [fragment, …]``, the list being
the fragments' alternation; not folded YAML, which inserts spaces); a rule's own ``terms`` override them. Names
are upper case; a fragment may use other names; an unknown name is an error naming it.

``{NAME}`` is written out as ``(?:fragment)``, so a term is one unit wherever it stands. Python's ``re`` skips
ahead by the first characters of an alternation as fast as by a literal, so ``(?:{CLIENT})(?=…)`` is as fast
as sixteen ``客户(?=…)|消费者(?=…)|…``. What is slow is a pattern that *begins* with a lookbehind: ``factor``
moves a leading fixed-width lookbehind behind the literal words that follow it (``(?<!依法)(?:查封|扣押)`` →
``(?:查封(?<!依法查封)|扣押(?<!依法扣押))``: the same matches, found three times faster).
"""

from __future__ import annotations

import re
from pathlib import Path

_TERM = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_NAME = re.compile(r"[A-Z][A-Z0-9_]*")
TERMS_FILE = "terms.yaml"


def normalise(terms: dict[str, str | list[str]]) -> dict[str, str]:
    """Check the names and join list fragments into one alternation."""
    out = {}
    for name, value in terms.items():
        if not _NAME.fullmatch(name):
            raise ValueError(f"词组名 {name} 应当由大写字母、数字和下划线组成")
        out[name] = "|".join(value) if isinstance(value, list) else value
    return out


def expand(pattern: str, terms: dict[str, str], depth: int = 0) -> str:
    """``pattern`` with every ``{NAME}`` of ``terms`` replaced by ``(?:fragment)``."""
    if "{" not in pattern:
        return pattern

    def one(found: re.Match) -> str:
        name = found.group(1)
        if name not in terms:
            raise ValueError(f"未定义的词组 {{{name}}}（terms 中没有 {name}）")
        if depth > 5:
            raise ValueError(f"词组 {{{name}}} 循环引用")
        return "(?:" + expand(terms[name], terms, depth + 1) + ")"

    return _TERM.sub(one, pattern)


def load_terms(directory: Path) -> tuple[dict[str, str], bytes]:
    """The shared terms of a rule folder (``terms.yaml``; empty when absent) and the file's bytes (for the
    rule set's content hash). Raises ``yamlsource.YamlError`` naming the file and line of a problem."""
    from .. import yamlsource

    path = directory / TERMS_FILE
    if not path.is_file():
        return {}, b""
    doc = yamlsource.read(path)
    data = doc.data or {}
    if not isinstance(data, dict):
        raise yamlsource.YamlError([doc.problem((), "terms.yaml 应为映射：词组名: 正则表达式片段")])
    problems = []
    for name, value in data.items():
        ok = isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            problems.append(doc.problem((name,), f"词组名 {name} 应当由大写字母、数字和下划线组成", key=True))
        elif not ok:
            problems.append(doc.problem((name,), "词组应为正则表达式片段或片段列表"))
        else:
            try:
                re.compile("|".join(value) if isinstance(value, list) else value)
            except re.error as exc:
                problems.append(doc.problem((name,), f"正则表达式有误：{exc}"))
    if problems:
        raise yamlsource.YamlError(problems)
    return normalise(data), path.read_bytes()


# A pattern that begins with a fixed lookbehind (literal text or one character class) and then a literal word or a
# group of literal words: (?<!依法)(?:查封|扣押)REST
_LEADING_LOOKBEHIND = re.compile(
    r"^\(\?<(?P<sign>[!=])(?P<behind>(?:[^\\()\[\]|.*+?{}^$]|\[[^\]\\]+\])+)\)"
    r"(?:\(\?:(?P<words>[^\\()\[\]|.*+?{}^$]+(?:\|[^\\()\[\]|.*+?{}^$]+)*)\)|(?P<word>[^\\()\[\]|.*+?{}^$]+?))"
    r"(?P<rest>(?:[*+?{]|$)?.*)$", re.S)


def factor(pattern: str) -> str:
    """``pattern`` with a leading fixed lookbehind moved behind its literal head (see the module docstring);
    unchanged when it does not have that shape."""
    found = _LEADING_LOOKBEHIND.match(pattern)
    if found is None or (found["word"] is not None and found["rest"][:1] in ("*", "+", "?", "{")):
        return pattern
    sign, behind = found["sign"], found["behind"]
    words = found["words"].split("|") if found["words"] is not None else [found["word"]]
    if any(not w for w in words):
        return pattern
    head = "|".join(f"{w}(?<{sign}{behind}{w})" for w in words)
    return f"(?:{head}){found['rest']}"
