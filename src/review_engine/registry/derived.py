"""What the restatement checks read from the registry, built once per registry content and cached.

Over every version of every imported law and administrative regulation (each entry with its version's first day
and the day after its last, so that one build serves every review date): the names of the licences, fees and
coercive measures they provide (the name index of ``restate.restated``), the quotations of their penalties and
provisions (``restate.repeated``) and the days they were repealed from. Kept in ``resources.cache_dir()`` under
``Registry.digest``: building it reads every imported record (about a second), a one-draft check loads it.
``normalized`` is how a quotation and a draft sentence are compared.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .loader import Registry

KINDS = ("licence", "fee", "coercion")
_MIN_CORE = 4
_GENERIC = frozenset({"行政许可", "许可证件", "有关许可", "相关许可", "经营许可", "生产许可", "行政事业性收费", "收费项目"})
# Cores that name an activity every licence shares: a name whose core is one of them matches nothing by itself.
_GENERIC_CORES = frozenset({"经营", "生产", "管理", "建设", "运输", "销售", "服务", "使用", "登记", "设立", "开办", "从业", "执业",
                            "营业", "备案", "检验", "检疫", "检疫合格", "合格", "资格", "资质", "有关", "相关", "行政", "其他",
                            "管理费", "管理费用", "服务费", "费用", "手续费", "工本费", "强制", "强制拆除", "强制执行", "拆除"})
# A name is a noun phrase (捕捞许可证, 苗种生产): words of a clause — a modal, a condition, a reference, a circumstance
# (特殊情况) — mean the importer took a piece of a sentence for a name (具备下列条件, ……应当会同……编制), which names
# nothing to match.
_NOT_A_NAME = re.compile(r"^(?:不得|禁止|未|无|不|特殊|确需)|(?:情况|情形)$|或者|以及|等|应当|可以|需要|必须|下列|具备|符合|条件|依照|按照|根据|规定|"
                         r"本法|本条例|第[一二三四五六七八九十百]+条|情节|责令|处罚|罚款|违反")
_MAX_NAME = 16
# … except an act the law words at length, its objects joined (拆除历史建筑以外的建筑物、构筑物或者其他设施): no noun phrase a
# sentence shares by chance, it is matched only where the sentence holds all of it. It opens with the act, not with a
# body (由……), and holds no word of a clause but the joins.
_WHOLE_ACT = re.compile(r"(?!由)[^，。；：（）()]{14,40}")
_CLAUSE_WORDS = re.compile(_NOT_A_NAME.pattern.replace("或者|以及|等|", ""))


@dataclass(frozen=True)
class Restated:
    title: str
    article: str  # "35", "133-1"
    name: str
    body: str | None
    level: str
    confirmed: bool = True
    """False for a penalty whose quotation holds only its sanction (the conduct is in the 项 or the clause before,
    which the registry does not quote) and no law text confirmed the sentence: the draft repeats the law's sanction
    word for word, but whether its conduct is the law's the reviewer must check (``repeated``)."""

    def cite(self) -> str:
        from ..numerals import to_chinese

        number, _, suffix = self.article.partition("-")
        text = f"第{to_chinese(int(number))}条" + (f"之{to_chinese(int(suffix))}" if suffix else "")
        return f"《{self.title}》{text}"


_DERIVED: dict[int, "_Derived"] = {}

Provision = tuple[str, str, str, "str | None", str]
"""A provision as kept in the cache: (title, article, name, body, level), made a ``Restated`` (``provision``) only
for what a sentence is compared with: most of the some 11,000 provisions are never looked at by a review."""
Span = tuple[str, Provision, "dt.date | None", "dt.date | None"]


def provision(spec: Provision) -> Restated:
    """The ``Restated`` of a cached provision."""
    return Restated(*spec)


def _applies(start: "dt.date | None", end: "dt.date | None", day: dt.date) -> bool:
    return start is not None and start <= day and (end is None or day < end)


def _alive(registry: Registry, day: dt.date):
    """title → whether it is in force on ``day`` as far as repeal goes (a repealed law restates nothing:
    环境噪声污染防治法, replaced in 2022); the versions' own days are checked by ``_applies``."""
    repealed = _derived(registry).repealed

    def in_force(title: str) -> bool:
        since = repealed.get(title)
        return since is None or day < since

    return in_force


@dataclass
class _Derived:
    """What the restatement checks read from the registry, over every version of every law and regulation at once
    (each entry with the first day of its version and the day after its last), as plain strings, tuples and dates
    (unpickled in a few milliseconds; ``Restated`` objects are made for what is compared only):

    ``names`` {kind: [(name key, provision, start, end)]}, the most specific name first;
    ``blob`` the quotations of each version of each article that has one of ``_MIN_QUOTE`` characters or more,
    normalized and joined with ``|`` (all of them, shorter ones too: an article is compared as a whole), one
    article-version a line, in the order the registry lists them; ``starts`` where each line begins;
    ``groups`` what each line is: (title, article, level, start, end, quotes), ``quotes`` giving for each long
    quotation (its first and last offset in the line, its figures (``FIGURE``), the provision's name, its body,
    stands alone);
    ``repealed`` {title: the day from which it is repealed} (``Registry.in_force``)."""

    names: dict[str, list[Span]]
    blob: str
    starts: "array"
    groups: list[tuple]
    repealed: dict[str, dt.date]

    def line(self, i: int) -> str:
        """The ``i``-th line of ``blob`` (one article-version's quotations, joined)."""
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.blob)
        return self.blob[self.starts[i]:end]


_FORMAT = 3
"""The layout of the cached ``_Derived`` (part of its file name): a file of another layout is not read."""


def restatement_data(registry: Registry) -> None:
    """Load (or build) what the restatement checks read, ahead of a run over many drafts (``engine.warm_up``)."""
    _derived(registry)


def _derived(registry: Registry) -> _Derived:
    """Built once per registry content and kept in ``resources.cache_dir()`` under ``Registry.digest``: building
    it reads every imported record (about a second); a one-draft check then loads it instead."""
    found = _DERIVED.get(id(registry))
    if found is not None:
        return found
    import pickle

    from ..resources import cache_dir, read_cache, write_cache

    folder = cache_dir()
    path = folder / f"restate-{_FORMAT}-{registry.digest}.pickle" if folder is not None else None
    derived = read_cache(path)
    if not isinstance(derived, _Derived) or set(derived.names) != set(KINDS):
        derived = _build(registry)
        if path is not None:
            write_cache(path, pickle.dumps(derived, protocol=pickle.HIGHEST_PROTOCOL))
    _DERIVED[id(registry)] = derived
    return derived


def _periods(inst) -> list[tuple]:
    """(version, first day, day after the last) of the versions ``Registry.version_on`` can return, in order."""
    chosen: dict = {}
    for version in inst.versions:  # of versions with the same start, the last listed wins (as version_on)
        if version.start is not None:
            chosen[version.start] = version
    starts = sorted(chosen)
    return [(chosen[s], s, starts[i + 1] if i + 1 < len(starts) else None) for i, s in enumerate(starts)]


def _build(registry: Registry) -> _Derived:
    from .search import core  # here, not at import: a check that reads the cached data needs no search

    out: dict[str, list[Span]] = {kind: [] for kind in KINDS}
    articles: dict[tuple, tuple[list[str], list]] = {}
    repealed: dict[str, dt.date] = {}
    shared: dict = {}  # one object for each equal string and date: the pickle then holds each once
    for pack in registry.packs:
        for head_title, has_facts in pack.heads():
            if not has_facts:
                continue
            inst = registry.resolve(head_title)
            if inst is None or inst.level not in ("法律", "行政法规"):
                continue
            if inst.repealed is not None:
                repealed[inst.title] = inst.repealed.since
            for version, start, end in _periods(inst):
                facts = inst.facts_for(version)
                if facts is None:
                    continue
                start, end = shared.setdefault(start, start), shared.setdefault(end, end)
                _add_quotes(inst, facts, start, end, articles, shared)
                for kind in KINDS:
                    for article, fact in facts.provisions(kind):
                        if fact.denied:
                            continue
                        name = fact.name.replace("的", "")
                        word = core(name)
                        if name in _GENERIC or word in _GENERIC_CORES:
                            continue
                        if _NOT_A_NAME.search(name) or len(name) > _MAX_NAME:
                            if not _WHOLE_ACT.fullmatch(name) or _CLAUSE_WORDS.search(name):
                                continue
                            key = name  # (the act as the law words it, found only in whole: see _WHOLE_ACT)
                        else:
                            # the core when it is specific enough (苗种生产), else the whole name (捕捞许可证)
                            key = word if len(word) >= _MIN_CORE else name
                        if len(key) < _MIN_CORE:
                            continue
                        out[kind].append((key, (inst.title, article, fact.name, fact.body, inst.level), start, end))
    # the most specific name first; a law before a regulation (a regulation often lists a law's licences)
    for spans in out.values():
        spans.sort(key=lambda item: (-len(item[0]), item[1][4] != "法律", item[1][0], item[1][1]))
    return _layout(out, articles, repealed)


def _layout(names: dict, articles: dict, repealed: dict) -> _Derived:
    """The ``_Derived`` of the article-versions' quotations (``_add_quotes``): one line of ``blob`` for each
    article-version with a long quotation, each long quotation located in its line."""
    from array import array

    lines, starts, groups, at = [], array("q"), [], 0
    for (title, article, start), (texts, quotes) in articles.items():
        if not quotes:
            continue  # no quotation long enough to be repeated: nothing compares with this article
        offsets = [0]
        for text in texts:
            offsets.append(offsets[-1] + len(text) + 1)
        level, end = quotes[0][0], quotes[0][1]
        groups.append((title, article, level, start, end,
                       tuple((offsets[k], offsets[k] + len(texts[k]), figures, name, body, alone)
                             for _, _, k, figures, name, body, alone in quotes)))
        starts.append(at)
        line = "|".join(texts)
        lines.append(line)
        at += len(line) + 1
    return _Derived(names, "\n".join(lines), starts, groups, repealed)


def _add_quotes(inst, facts, start, end, articles: dict, shared: dict) -> None:
    """The quotations of one version's penalties and provisions (see ``repeated``): ``articles`` {(title, article,
    start): (every normalized quotation, [(level, end, index among them, figures, name, body, stands alone) of
    the long ones])}."""
    for article, fact in facts.articles.items():
        found = [(p.quote, "、".join(p.types) or "罚款", p.body, True) for p in fact.penalties]
        found += [(p.quote, p.name, p.body, False) for p in fact.provisions if p.quote and not p.denied]
        for quote, name, body, penalty in found:
            text = normalized(quote)
            texts, quotes = articles.setdefault((inst.title, article, start), ([], []))
            texts.append(text)
            if len(text) >= _MIN_QUOTE:
                alone = not penalty or (len(text) >= _MIN_PENALTY and _names_conduct(text))
                figures = frozenset(FIGURE.findall(text))
                quotes.append((inst.level, end, len(texts) - 1, shared.setdefault(figures, figures),
                               shared.setdefault(name, name), body, alone))


# ---- the quotations, as they are compared ----------------------------------------------------------------------

_MIN_QUOTE = 14  # a licence, fee or coercive measure: 公民领取户口簿和迁移证应当缴纳工本费
_MIN_PENALTY = 22  # a penalty clause: 逾期不改正的，处一万元以上十万元以下罚款 alone names no conduct
# (… nor the law's reference to its own articles, which a restatement replaces with the law's name or leaves out:
# 违反本条例第四条、第九条规定，擅自进行地名命名、更名的)
_NOISE = re.compile(r"违反(?:本(?:法|条例|规定|办法|细则|决定))?第[一二三四五六七八九十百零〇\d]+条(?:(?:、|和|或者|及)第[一二三四五六七八九十百零〇\d]+条)*"
                    r"(?:第[一二三四五六七八九十\d]+款)?(?:第[一二三四五六七八九十\d]+项)?(?:的)?规定|"
                    r"《[^》]*》|本(?:法|条例|规定|办法|细则|决定)(?!律)|[\s…的，,、；;：:。.（）()“”\"'‘’]")


_ITEM = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)")


FIGURE = re.compile(r"[零〇一二三四五六七八九十百千万亿两\d.]+(?:元|倍|日|天|个月|年|小时|%|‰)")
"""A figure a restatement must repeat (五万元, 一倍, 十日: ``restate._cover``)."""


def normalized(text: str) -> str:
    """The words a restatement is compared by: no item number, titles or 本法 (the draft names the law the law calls
    本法), no 的, spaces or punctuation; the provinces the law lists (省、自治区、直辖市) as a province's draft names them
    (省: 跨省、自治区、直辖市转移危险废物 / 跨省转移危险废物); no connective the clause opens with (其中，医疗机构……: the
    draft's sentence stands alone); 做出 written 作出."""
    return _OPENING.sub("", _NOISE.sub("", _ITEM.sub("", text)).replace("省自治区直辖市", "省").replace("做出", "作出"))


_OPENING = re.compile(r"^(?:其中|但是|但|并且|同时|此外|另外)")


# a penalty clause names its conduct when something specific is left before the sanction once the words every
# penalty clause shares are dropped (违反本法规定，有下列行为之一的，由……处……: the conduct is in the 项, which the
# registry does not quote; 有违法所得的，没收违法所得，并处……罚款 names none)
_SANCTION = re.compile(r"由|责令|处|没收|给予|予以|吊销|暂扣")
_SHARED = re.compile(r"违反(?:第[^条]{1,12}条(?:第[^款]{1,4}款)?)?(?:有关)?规定|有下列(?:行为|情形|情况)之一|情节(?:特别|较)?严重|"
                     r"逾期(?:仍)?[不未](?:改正|整改)|拒不(?:改正|整改)|(?:尚)?不构成犯罪|构成犯罪|(?:有|没有)违法所得|"
                     r"违法所得[^由责处没给予吊暂]{0,12}?(?:以上|以下|不足)|或者|单位|个人|[对其并]")
_CONDUCT_MIN = 6


def _names_conduct(text: str) -> bool:
    sanction = _SANCTION.search(text)
    return len(_SHARED.sub("", text[:sanction.start()] if sanction else text)) >= _CONDUCT_MIN
