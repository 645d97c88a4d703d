"""``numbering``: 编、章、节、条 and 项、目 numbered in order, without gaps or repeats, in the right form.

《立法法》第六十五条: 编、章、节、条的序号用中文数字依次表述，款不编序号，项的序号用中文数字加括号依次表述，
目的序号用阿拉伯数字依次表述.

Parameters:

``target``   one or a list of: ``article`` (条: one sequence through the main text, and one per attachment), ``chapter``,
             ``book``, ``section`` (节: restarting in each 章), ``point`` (项 and 目: restarting under each
             款 or 项), ``outline`` (一、（一）1.（1）: restarting under each parent)
``checks``   ``sequence`` (order, gaps, repeats) and/or ``form`` (default both): 条/章/节 in Chinese
             numerals (not 第1条), 项 in full-width brackets with Chinese numerals （一）, 目 in Arabic
             numerals. Form findings are reported once per document and target, at the first offending
             label, with the number of such labels in ``{count}``.

Outcomes: ``start`` (the first is not 1), ``gap`` (numbers skipped), ``repeat``, ``order`` (goes back),
``form``. Message fields: ``{expected}``, ``{found}``, ``{count}``.
"""

from __future__ import annotations

import re
from typing import Literal

from . import Check, Hit, Params
from ..numerals import CN_LABEL_NUM

_CHINESE_LABEL = re.compile(rf"^第{CN_LABEL_NUM}[编章节条]$")
_POINT_FORM = re.compile(r"^（[一二三四五六七八九十百]+）$")
_SUBPOINT_FORM = re.compile(r"^\d+[.．]$")
_KIND = {"article": "article", "chapter": "chapter", "book": "book", "section": "section"}


Target = Literal["article", "chapter", "book", "section", "point", "outline"]


class NumberingParams(Params):
    target: Target | list[Target]
    checks: list[Literal["sequence", "form"]] = ["sequence", "form"]


class Numbering(Check):
    name = "numbering"
    Params = NumberingParams
    outcomes = {"start": "编号不从一开始", "gap": "编号中断", "repeat": "编号重复", "order": "编号顺序颠倒",
                "form": "编号形式不规范"}
    fields = frozenset({"expected", "found", "count"})
    default_scope = ("document",)

    def run(self, ctx):
        targets = self.params.target if isinstance(self.params.target, list) else [self.params.target]
        for target in targets:
            bad_forms = []
            for sequence in self.sequences(ctx.facts, target):
                sequence, lead_in = sequence if isinstance(sequence, tuple) else (sequence, "")
                if "sequence" in self.params.checks:
                    yield from self.check_sequence(sequence, lead_in)
                if "form" in self.params.checks:
                    bad_forms.extend(self.check_form(sequence, target))
            if bad_forms:
                first = bad_forms[0]
                first.values["count"] = str(len(bad_forms))
                yield first

    def sequences(self, facts, target):
        if target in _KIND:
            kind = _KIND[target]
            for kinds in facts.kinds_by_part:  # (each part's nodes of a kind, in order: one pass per document)
                if target == "section":
                    chapters = kinds.get("chapter", ())
                    for chapter in chapters:
                        yield [n for n in chapter.children if n.kind == "section"]
                    chaptered = {id(s) for n in chapters for s in n.children}
                    yield [n for n in kinds.get("section", ()) if id(n) not in chaptered]
                else:
                    yield list(kinds.get(kind, ()))
        elif target == "point":
            for node in facts.nodes:
                if node.kind in ("paragraph", "point") and node.children:
                    points = [c for c in node.children if c.kind == "point"]
                    if points:
                        yield points, node.text
        else:  # outline: siblings of one level under one parent
            yield from _outline_groups(facts.parts)

    def check_sequence(self, nodes, lead_in: str = ""):
        previous = None
        seen = set()
        for node in nodes:
            num = node.num
            if num is None:
                continue
            if previous is None:
                if num != 1 and not _continues_lead_in(lead_in, num):
                    yield self.hit(node, "start", 1, num)
            elif num == 1 and previous > 1:
                seen, previous = set(), 0  # numbering starts again: a second document or list in the same part
            elif num in seen:
                yield self.hit(node, "repeat", previous + 1, num)
            elif num < previous:
                yield self.hit(node, "order", previous + 1, num)
            elif num > previous + 1:
                yield self.hit(node, "gap", previous + 1, num)
            seen.add(num)
            previous = num if previous is None else max(previous, num)

    def check_form(self, nodes, target):
        for node in nodes:
            text = node.num_text or ""
            if target in _KIND and not _CHINESE_LABEL.match(text):
                yield self.hit(node, "form", "第X" + {"article": "条", "chapter": "章", "book": "编", "section": "节"}[target], text)
            elif target == "point":
                depth = node.eid.count("__point_")
                if depth == 1 and text.startswith(("（", "(")) and not _POINT_FORM.match(text):
                    yield self.hit(node, "form", "（一）", text)
                elif depth == 2 and not _SUBPOINT_FORM.match(text) and not text.startswith(("（", "(")):
                    yield self.hit(node, "form", "1.", text)

    @staticmethod
    def hit(node, outcome, expected, found):
        from ..numerals import to_chinese

        if isinstance(expected, int) and node.kind in ("article", "chapter", "section", "book"):
            unit = {"article": "条", "chapter": "章", "section": "节", "book": "编"}[node.kind]
            expected = f"第{to_chinese(expected)}{unit}"
        if isinstance(found, int):
            found = node.num_text or str(found)
        return Hit(node=node, outcome=outcome, values={"expected": str(expected), "found": str(found)},
                   excerpt=node.num_text or "")


_INLINE_ITEM = "(?:^|[：:；;，,\\s])(?:{n}[、.．]|[（(]{cn}[）)])"


def _continues_lead_in(lead_in: str, num: int) -> bool:
    """True when the earlier items of a list stand inline in the sentence before it
    (``附件：1、…`` followed by a line ``2、…``)."""
    import re

    from ..numerals import to_chinese

    return bool(lead_in and re.search(_INLINE_ITEM.format(n=num - 1, cn=to_chinese(num - 1)), lead_in))


def _outline_groups(parts):
    """Sequences of outline items to check, per part (main text, each attachment):

    - items whose parent is not an outline item (top level, or inside 章/节) form one sequence per level,
      numbered through the part like articles (国务院工作规则: 一、… in 第一章, 五、… in 第二章);
    - items under an outline item restart under each parent, or continue the previous parent's list
      (意见 often number （一）…（五） under 一、 and （六）… under 二、): a group that starts where the
      previous one stopped is joined to it.
    """
    for _, nodes in parts:
        top: dict[int, list] = {}
        nested: dict[int, list[list]] = {}
        for node in nodes:
            if node.kind != "hcontainer":
                continue
            children = [c for c in node.children if c.kind == "hcontainer"]
            if children:
                nested.setdefault(children[0].level or 0, []).append(children)
        inner = {id(c) for groups in nested.values() for group in groups for c in group}
        for node in nodes:
            if node.kind == "hcontainer" and id(node) not in inner:
                top.setdefault(node.level or 0, []).append(node)
        yield from top.values()
        for groups in nested.values():
            current: list = []
            for group in groups:
                if current and group[0].num is not None and current[-1].num is not None \
                        and group[0].num == current[-1].num + 1:
                    current.extend(group)
                    continue
                if current:
                    yield current
                current = list(group)
            if current:
                yield current
