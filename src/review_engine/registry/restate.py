"""Does a sentence restate a licence, fee or coercive measure that a higher law provides? The registry's answer.

A draft may restate what a law provides (从事食品生产，应当取得食品生产许可) without creating anything; it should then
cite the law, and the review says "应当注明依据《中华人民共和国食品安全法》第三十五条" instead of "设定了行政许可".
``restated(registry, kind, sentence, day, prefer)`` looks for the provisions of that kind (licence, fee, coercion)
of the laws and regulations in force on ``day`` whose name's core (``search.core``: 食品生产许可 → 食品生产) occurs in
the sentence; the laws the draft names as its basis (``prefer``) are tried first. The core must be at least four
characters (else the whole name must occur: 捕捞许可证), so that a sentence is matched by what it is about (苗种生产,
燃气经营), not by a word every licence shares.
The index of names covers every version of every law at once (each name with the days its version applies),
built once per registry content and kept in the cache folder; the names in force on a date are filtered from it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

from .loader import Registry
from .search import core

KINDS = ("licence", "fee", "coercion")
_MIN_CORE = 4
_GENERIC = frozenset({"行政许可", "许可证件", "有关许可", "相关许可", "经营许可", "生产许可", "行政事业性收费", "收费项目"})
# Cores that name an activity every licence shares: a name whose core is one of them matches nothing by itself.
_GENERIC_CORES = frozenset({"经营", "生产", "管理", "建设", "运输", "销售", "服务", "使用", "登记", "设立", "开办", "从业", "执业",
                            "营业", "备案", "检验", "检疫", "检疫合格", "合格", "资格", "资质", "有关", "相关", "行政", "其他",
                            "管理费", "管理费用", "服务费", "费用", "手续费", "工本费", "强制", "强制拆除", "强制执行", "拆除"})
_NOT_A_NAME = re.compile(r"^(?:不得|禁止|未|无|不)|或者|以及|等")


@dataclass(frozen=True)
class Restated:
    title: str
    article: str  # "35", "133-1"
    name: str
    body: str | None
    level: str

    def cite(self) -> str:
        from ..numerals import to_chinese

        number, _, suffix = self.article.partition("-")
        text = f"第{to_chinese(int(number))}条" + (f"之{to_chinese(int(suffix))}" if suffix else "")
        return f"《{self.title}》{text}"


_INDEX: dict[tuple[int, dt.date, str], list[tuple[str, Restated]]] = {}
_SPANS: dict[int, dict] = {}

Span = tuple[str, Restated, "dt.date | None", "dt.date | None"]


def _index(registry: Registry, day: dt.date, kind: str) -> list[tuple[str, Restated]]:
    """The names of ``kind`` in the versions in force on ``day``, most specific first (built once per date)."""
    cache_key = (id(registry), day, kind)
    if cache_key in _INDEX:
        return _INDEX[cache_key]
    out = [(word, found) for word, found, start, end in _spans(registry)[kind]
           if start is not None and start <= day and (end is None or day < end)]
    _INDEX[cache_key] = out
    return out


def _spans(registry: Registry) -> dict[str, list[Span]]:
    """{kind: [(name key, provision, first day, day after the last)]} over every version of every law and
    regulation: the index of every date at once. Kept in ``resources.cache_dir()`` under the registry's
    content (``Registry.digest``): building it reads every imported record, a third of a second."""
    found = _SPANS.get(id(registry))
    if found is not None:
        return found
    import pickle

    from ..resources import cache_dir

    folder = cache_dir()
    path = folder / f"restate-{registry.digest}.pickle" if folder is not None else None
    spans = None
    if path is not None:
        try:
            with open(path, "rb") as fh:
                spans = pickle.load(fh)
        except Exception:  # absent, or written by other code: build it
            spans = None
    if not isinstance(spans, dict) or set(spans) != set(KINDS):
        spans = _build_spans(registry)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_name(f".{path.name}.{os.getpid()}")
                tmp.write_bytes(pickle.dumps(spans, protocol=pickle.HIGHEST_PROTOCOL))
                os.replace(tmp, path)
            except OSError:
                pass
    _SPANS[id(registry)] = spans
    return spans


def _periods(inst) -> list[tuple]:
    """(version, first day, day after the last) of the versions ``Registry.version_on`` can return, in order."""
    chosen: dict = {}
    for version in inst.versions:  # of versions with the same start, the last listed wins (as version_on)
        if version.start is not None:
            chosen[version.start] = version
    starts = sorted(chosen)
    return [(chosen[s], s, starts[i + 1] if i + 1 < len(starts) else None) for i, s in enumerate(starts)]


def _build_spans(registry: Registry) -> dict[str, list[Span]]:
    out: dict[str, list[Span]] = {kind: [] for kind in KINDS}
    for pack in registry.packs:
        for head_title, has_facts in pack.heads():
            if not has_facts:
                continue
            inst = registry.resolve(head_title)
            if inst is None or inst.level not in ("法律", "行政法规"):
                continue
            for version, start, end in _periods(inst):
                facts = inst.facts_for(version)
                if facts is None:
                    continue
                for kind in KINDS:
                    for article, provision in facts.provisions(kind):
                        if provision.denied:
                            continue
                        name = provision.name.replace("的", "")
                        word = core(name)
                        if name in _GENERIC or word in _GENERIC_CORES or _NOT_A_NAME.search(name):
                            continue
                        # the core when it is specific enough (苗种生产), else the whole name (捕捞许可证)
                        key = word if len(word) >= _MIN_CORE else name
                        if len(key) < _MIN_CORE:
                            continue
                        out[kind].append((key, Restated(inst.title, article, provision.name, provision.body,
                                                        inst.level), start, end))
    # the most specific name first; a law before a regulation (a regulation often lists a law's licences)
    for spans in out.values():
        spans.sort(key=lambda item: (-len(item[0]), item[1].level != "法律", item[1].title, item[1].article))
    return out


def restated(registry: Registry, kind: str, sentence: str, day: dt.date, prefer: tuple[str, ...] = ()) -> Restated | None:
    """The provision of a law or regulation in force on ``day`` that provides the ``kind`` of measure the
    ``sentence`` is about, or None (see the module docstring)."""
    if kind not in KINDS:
        return None
    text = sentence.replace("的", "")
    found = [r for word, r in _index(registry, day, kind) if word in text]
    if not found:
        return None
    preferred = [r for r in found if r.title in prefer]
    if kind == "coercion":  # coercive measures have the same names in many laws: only the draft's own basis counts
        return preferred[0] if preferred else None
    return (preferred or found)[0]


# ---- restatement by the words of the law (when the law texts are configured) ----------------------------------

_MIN_RUN = 8
_TEXTS = None


def law_texts():
    """The configured law texts (``registry.texts.LawTexts``; empty when none are configured), read once."""
    global _TEXTS
    if _TEXTS is None:
        from .texts import LawTexts

        _TEXTS = LawTexts()
    return _TEXTS


def quoted_from(registry: Registry, insts: list, clause: str, words: str, day: dt.date) -> tuple[str, str] | None:
    """(title, 第X条) of an article of one of ``insts`` (in force on ``day``, else its latest text) whose words the
    ``clause`` repeats around the measure (``words``): a common run of at least eight characters that takes in
    the measure's first two characters. None when no text is configured or nothing matches."""
    import difflib

    texts = law_texts()
    if not texts or not words:
        return None
    anchor = words[:2]
    for inst in insts:
        version = registry.version_on(inst, day) or inst.current
        paths = texts.files(version) if version is not None else []
        if not paths and inst.text_versions:
            paths = texts.files(inst.text_versions[-1])
        for path in paths:
            law = texts._law(path)
            for article in law.articles:
                body = article.text()
                if anchor not in body:
                    continue
                match = difflib.SequenceMatcher(None, clause, body, autojunk=False).find_longest_match(
                    0, len(clause), 0, len(body))
                run = clause[match.a:match.a + match.size]
                if match.size >= _MIN_RUN and anchor in run:
                    return inst.title, article.label
    return None
