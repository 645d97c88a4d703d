"""Does a sentence restate a licence, fee or coercive measure that a higher law provides? The registry's answer.

A draft may restate what a law provides (从事食品生产，应当取得食品生产许可) without creating anything; it should then
cite the law, and the review says "应当注明依据《中华人民共和国食品安全法》第三十五条" instead of "设定了行政许可".
``restated(registry, kind, sentence, day, prefer)`` looks for the provisions of that kind (licence, fee, coercion)
of the laws and regulations in force on ``day`` whose name's core (``search.core``: 食品生产许可 → 食品生产) occurs in
the sentence; the laws the draft names as its basis (``prefer``) are tried first. The core must be at least four
characters (else the whole name must occur: 捕捞许可证), so that a sentence is matched by what it is about (苗种生产,
燃气经营), not by a word every licence shares.
The index of names and the quotations cover every version of every law at once (``registry/derived.py``: built
once per registry content and cached); what applies on a date is filtered from them.

``repeated(registry, sentence, words, day)`` recognises a restatement by the law's own words, as the registry
keeps them (no law text needed): every penalty, licence, fee and coercive measure it records carries a quotation
of the clause it was read from (at most 120 characters). A draft sentence repeats a provision when it covers at
least 80 % of such a quotation (of 14 characters or more, 22 for a penalty) in runs of three characters or more,
one of them ten or more (item numbers, 本法 / 《……》 and 的, spaces and punctuation ignored), repeats every figure
of it (五万元, 一倍, 十日), and the measure's own words (``words``) occur among the quotations of the same article.
The whole sentence is then the law's, whatever kind of measure the quotation was recorded for (土地复垦义务人不复垦
……应当缴纳土地复垦费，由……代为组织复垦 restates the fee and the enforcement in the stead of the party).

A penalty's quotation must name its conduct: not only 违反本法规定，有下列行为之一的, 逾期不改正的, 尚不构成犯罪的 or
有违法所得的, whose conduct is in the 项 or in the clause before the semicolon, which the registry does not quote —
the sanction alone (有违法所得的，没收违法所得，并处一万元以上十万元以下罚款) is what an invented penalty copies. Such a
quotation, or a penalty's of fewer than 22 characters, counts only where the law texts are configured
(``law_texts``) and the article's text holds the whole sentence. Without the texts, a sanction-only quotation of
36 characters or more (a lead-in with its body and sanctions) repeated in full is an *unconfirmed* restatement
(``Restated.confirmed`` False: the reviewer compares the conduct), unless the sentence punishes a breach of the
draft's own rules (违反本办法规定…). Candidates are found by the three-character sequences they share with the sentence; of several, the
article more of whose quotations the sentence repeats wins (articles and laws share standard clauses). Only laws
in force on the day count.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .derived import (  # noqa: F401  (KINDS, Restated and normalized are this module's API too)
    FIGURE as _FIGURE, _MIN_QUOTE, KINDS, Restated, _alive, _applies, _derived, normalized, provision,
)
from .loader import Registry

_INDEX: dict[tuple[int, dt.date, str], list[tuple]] = {}


def _index(registry: Registry, day: dt.date, kind: str) -> list[tuple]:
    """The names of ``kind`` in the versions in force on ``day``, most specific first, each with its provision
    (``derived.Provision``; built once per date)."""
    cache_key = (id(registry), day, kind)
    if cache_key in _INDEX:
        return _INDEX[cache_key]
    in_force = _alive(registry, day)
    out = [(word.translate(_PARENS), spec) for word, spec, start, end in _derived(registry).names[kind]
           if _applies(start, end, day) and in_force(spec[0])]
    _INDEX[cache_key] = out
    return out


def restated(registry: Registry, kind: str, sentence: str, day: dt.date, prefer: tuple[str, ...] = ()) -> Restated | None:
    """The provision of a law or regulation in force on ``day`` that provides the ``kind`` of measure the
    ``sentence`` is about, or None (see the module docstring). Kept between runs (``memo``)."""
    if kind not in KINDS:
        return None
    return _kept(registry, ("restated", kind, sentence, day.isoformat(), tuple(prefer)),
                 lambda: _restated(registry, kind, sentence, day, prefer))


def _kept(registry: Registry, key: tuple, compute):
    """``compute()``, answered from the answers kept between runs (``memo``) unless law texts are configured or the
    registry was not read from files (its digest would not tell its content)."""
    if law_texts() or not (registry.packs or registry.files):
        return compute()
    from . import memo

    return memo.answer(registry, key, compute, Restated)


_PARENS = str.maketrans("（）", "()")
"""Names and sentences compared with their parentheses written alike (烟花爆竹经营（零售）许可证 / (零售))."""


def _restated(registry: Registry, kind: str, sentence: str, day: dt.date, prefer: tuple[str, ...]) -> Restated | None:
    text = sentence.replace("的", "").translate(_PARENS)
    found = [spec for word, spec in _index(registry, day, kind) if word in text]
    if not found:
        return None
    preferred = [spec for spec in found if spec[0] in prefer]
    if kind == "coercion":  # coercive measures have the same names in many laws: only the draft's own basis counts
        return provision(preferred[0]) if preferred else None
    return provision((preferred or found)[0])
# A sanction-only quotation this long (the lead-in of a list of violations, with its body and several sanctions:
# 由县级以上人民政府民政部门责令限期改正，予以警告，并没收违法所得) is no sanction an invented penalty copies by chance:
# repeated, it is an unconfirmed restatement (``Restated.confirmed`` False), not a creation.
_MIN_LEAD_IN = 36
_OWN_RULES = re.compile(r"违反本(?:办法|规定|细则|实施细则|实施办法|意见|通知|决定|规则|方案|条例|准则|标准)")
_COVER = 0.8
_MIN_BLOCK = 3
_LONG_BLOCK = 10
_GRAM = 3


class _Quotes:
    """The quotations of the article-versions in force on one day (``derived._Derived.blob`` and ``groups``, read
    in place: only the lines that hold a sentence's words are looked at)."""

    def __init__(self, registry: Registry, day: dt.date) -> None:
        self.derived = _derived(registry)
        self.day = day
        self.in_force = _alive(registry, day)
        self._candidates: dict[str, tuple[list, list]] = {}
        self._by_article: dict[tuple[str, str], list[int]] | None = None

    def _applies(self, i: int) -> bool:
        """Whether the ``i``-th article-version is the one in force on the day (of a law not repealed by then)."""
        title, _, _, start, end, _ = self.derived.groups[i]
        return _applies(start, end, self.day) and self.in_force(title)

    def holding(self, words: str) -> list[int]:
        """The article-versions in force among whose quotations ``words`` occur, in order."""
        from bisect import bisect_right

        blob, starts = self.derived.blob, self.derived.starts
        found = []
        at = blob.find(words)
        while at != -1:
            i = bisect_right(starts, at) - 1
            if self._applies(i):
                found.append(i)
            end = starts[i + 1] if i + 1 < len(starts) else len(blob)
            at = blob.find(words, end)
        return found

    def joined(self, title: str, article: str) -> str:
        """The quotations of ``article`` of ``title`` in force on the day, joined with ``|`` ("" when none)."""
        if self._by_article is None:
            self._by_article = {}
            for i, group in enumerate(self.derived.groups):
                self._by_article.setdefault((group[0], group[1]), []).append(i)
        for i in self._by_article.get((title, article), ()):
            if self._applies(i):
                return self.derived.line(i)
        return ""

    def candidates(self, words: str, with_figures: bool) -> list[tuple[frozenset, str, tuple, bool, str]]:
        """(figures, quotation, provision (``derived.Provision``), stands alone, the article's quotations joined)
        of every quotation of the articles ``holding`` the ``words``, in order; without ``with_figures``, only the
        quotations without a figure (a sentence with no figure repeats no other). Kept per words: they recur from
        sentence to sentence, and each ``holding`` reads the whole blob."""
        found = self._candidates.get(words)
        if found is None:
            every = []
            for i in self.holding(words):
                title, article, level, _, _, quotes = self.derived.groups[i]
                joined = self.derived.line(i)
                for first, last, figures, name, body, alone in quotes:
                    every.append((figures, joined[first:last], (title, article, name, body, level), alone, joined))
            found = (every, [c for c in every if not c[0]])
            if len(self._candidates) < 4096:
                self._candidates[words] = found
        return found[0] if with_figures else found[1]


_QUOTES: dict[tuple[int, dt.date], _Quotes] = {}


def _quote_index(registry: Registry, day: dt.date) -> _Quotes:
    """The quotations of the versions in force on ``day``, by article."""
    key = (id(registry), day)
    if key not in _QUOTES:
        _QUOTES[key] = _Quotes(registry, day)
    return _QUOTES[key]


def _cover(quote: str, text: str) -> int:
    """How many characters of ``quote`` ``text`` repeats, in runs of at least three characters, one of them long;
    0 when a figure of the quotation (五万元, 一倍, 十日) is not among the sentence's: a restatement repeats the
    amounts (并处违法所得一倍以上五倍以下罚款 does not restate 并处违法所得二倍以上五倍以下的罚款)."""
    import difflib

    figures = _FIGURE.findall(quote)
    if figures and not set(figures) <= set(_FIGURE.findall(text)):
        return 0
    blocks = [b.size for b in difflib.SequenceMatcher(None, quote, text, autojunk=False).get_matching_blocks()
              if b.size >= _MIN_BLOCK]
    if not blocks or max(blocks) < _LONG_BLOCK:
        return 0
    return sum(blocks)


def repeated(registry: Registry, sentence: str, words: str, day: dt.date, prefer: tuple[str, ...] = ()) -> Restated | None:
    """The provision of a law or regulation in force on ``day`` whose registry quotation the ``sentence`` repeats,
    with the measure's ``words`` among the quotations of its article; None when there is none (see the module
    docstring). Of several laws with the same words (查封、扣押涉嫌违法活动的场所、设施或者财物), one of the titles in
    ``prefer`` (the laws the draft names) first. Kept between runs (``memo``)."""
    text = normalized(sentence)
    anchor = normalized(words)
    if len(text) < _MIN_QUOTE or not anchor:
        return None
    key = ("repeated", sentence, words, day.isoformat(), *((tuple(prefer),) if prefer else ()))
    return _kept(registry, key, lambda: _repeated(registry, sentence, text, anchor, day, frozenset(prefer)))


def _repeated(registry: Registry, sentence: str, text: str, anchor: str, day: dt.date,
              prefer: frozenset = frozenset()) -> Restated | None:
    index = _quote_index(registry, day)
    # 违反本办法规定，有下列行为之一的: the conduct is a breach of the draft's own rules, so a law's sanction repeated
    # over it is still a penalty the draft creates (the unconfirmed restatement below needs the conduct open)
    own_rules = _OWN_RULES.search(sentence) is not None
    grams = _grams(text)
    figures = set(_FIGURE.findall(text))
    best: tuple[tuple, Restated] | None = None
    # the measure's words must be among the quotations of the article
    for quote_figures, quote, spec, alone, joined in index.candidates(anchor, bool(figures)):
        quote = _one_holder(_compared(quote, spec[3], text), text)
        if len(text) < _COVER * len(quote):
            continue  # too short to cover the quotation (``_judge_quote`` would say so after a longer look)
        if not quote_figures <= figures:
            continue  # a figure of the law not repeated
        quote_grams = _GRAMS.get(quote)
        if quote_grams is None:
            quote_grams = _GRAMS[quote] = _grams(quote)
        if len(grams & quote_grams) < _COVER * len(quote_grams) * 0.75:
            continue  # too few shared sequences to reach the cover
        found = _judge_quote(registry, quote, spec, alone, text, joined, day, own_rules)
        if found is not None:
            found = ((spec[0] in prefer, *found[0]), found[1])
            if best is None or found[0] > best[0]:
                best = found
    return best[1] if best else None


def _compared(quote: str, body: str | None, text: str) -> str:
    """The words of ``quote`` a restatement must repeat: all of them, except the body the law describes when the
    sentence names in its place a body of the same tier (a province's 自然资源厅 for 省、自治区、直辖市人民政府测绘地理
    信息主管部门; any local body for 县级以上地方人民政府……部门): a draft names the competent body as the place knows
    it. A body of another tier (a county bureau for the State Council's department), and a body the law names by its
    role (执行机关, 发证机关), are compared as they stand."""
    if not body:
        return quote
    body = normalized(body)
    at = quote.find(body)
    if at < 0 or len(body) < 4:
        return quote
    if body in text:  # (a sentence that repeats the body is compared with it: its words run on unbroken) …
        return _left_out_again(quote, body, text)  # … except where it names it once and leaves it out after
    tier = _TIER.match(body)
    level = tier.lastgroup if tier is not None else ("local" if _SECTOR.search(body) else None)
    if level is None:
        return quote
    # what the sentence names in the body's place: the words between those the quotation has on either side of it
    end = at + len(body)
    before, after = quote[max(0, at - 3):at], quote[end:end + 3]
    first = text.find(before) if before else 0
    if first < 0 and at >= 2:  # (the word before the body's gate left out with its object: 临时占用的，须经…… for 临时占用城市绿化用地，须经……)
        before = quote[at - 2:at]
        first = text.find(before)
    last = text.find(after, first + len(before)) if after and first >= 0 else (len(text) if first >= 0 else -1)
    named = text[first + len(before):last] if first >= 0 and last >= 0 else ""
    if not named and _left_out(quote, at, end, text):
        return quote.replace(body, "")  # (未经审核同意的，不得开工建设: the body the draft names elsewhere)
    if not named or len(named) > 30 or not re.search(_TIER_NAMED[level], named):
        return quote
    return quote.replace(body, "")  # (every time the law names it: 由防汛指挥机构责令……；……由防汛指挥机构组织强行清除)


def _one_holder(quote: str, text: str) -> str:
    """``quote`` for the one of the holders it opens with that the sentence names: 从事烟花爆竹批发的企业和零售经营者的经营布点，
    应当经……审批 restated for the retailers alone (零售经营者的经营布点，应当经……审批) is compared from 零售经营者 on. The
    holders are joined within the quotation's first 24 characters and the sentence does not name the first."""
    join = _HOLDERS_JOINED.search(quote, 0, 24)
    if join is None or _NOT_HOLDERS.search(quote, 0, join.start()) or quote[:join.start()] in text \
            or quote[join.end():join.end() + 5] not in text:
        return quote
    return quote[join.end():]


_HOLDERS_JOINED = re.compile(r"(?<=[者业位构人户])(?:和|及|以及|或者)")
# (not a gate or a ban before them: 未经国务院批准，任何单位和个人不得……)
_NOT_HOLDERS = re.compile(r"未经|经|任何|不得|禁止|批准|许可|同意")


def _left_out_again(quote: str, body: str, text: str) -> str:
    """``quote`` without each naming of ``body`` that the sentence leaves out (``_left_out``), the others kept: ……向作出许可
    决定的公安机关申请，经同意方可变更 for ……公安机关申请变更，经公安机关同意方可变更."""
    at = quote.find(body)
    while at >= 0:
        if _left_out(quote, at, at + len(body), text):
            quote = quote[:at] + quote[at + len(body):]
            at = quote.find(body, at)
        else:
            at = quote.find(body, at + len(body))
    return quote


def _left_out(quote: str, at: int, end: int, text: str) -> bool:
    """Whether the sentence says what the quotation says around the body at ``quote[at:end]`` with no body at all: the
    word before it joined to the three after it (经审查同意后方可施工 for 应当经卫生行政部门审查同意后，方可施工). A restatement
    that leaves the body to the draft's other articles (……应当向卫生健康主管部门提交……；……未经审核同意的，不得开工建设)
    names none in its place: the act, its gate and its case are compared."""
    before, after = quote[at - 1:at], quote[end:end + 3]
    if not before or len(after) < (3 if end + 3 <= len(quote) else 2):  # (two at the quotation's end: 并经……批准)
        return False
    return (before + after) in text


# the tier a law's description of a body names (a body named by its role, 执行机关 / 发证机关, is compared as it
# stands), and what a draft's name of a body of that tier holds
_TIER = re.compile(r"(?P<state>国务院|国家|中国人民银行|海关总署)|(?P<province>省自治区直辖市|省级|省)|(?P<city>设区市|地级)|"
                   r"(?P<local>县级以上|地方各级|地方|县级|县)(?=[^。]*?(?:人民政府|部门|机构|机关))")
# … a body described by its sector alone (市政工程行政主管部门, 电力管理部门) is a local one, named by its place in a draft
_SECTOR = re.compile(r"(?:主管部门|行政部门|管理部门|管理机构|监督管理部门|主管机关|指挥机构)$")
_TIER_NAMED = {"state": r"国务院|国家|全国|中国", "province": r"省|自治区|直辖市", "city": r"市|州|盟|省|自治区",
               "local": r"省|市|州|盟|县|区|旗|自治区|乡|镇|街道"}


def _grams(text: str) -> set[str]:
    return {text[j:j + _GRAM] for j in range(len(text) - _GRAM + 1)}


# The three-character sequences of each quotation compared so far, computed once per run (only for a quotation
# the sentence is long enough to cover and whose figures it repeats: most are ruled out by their length or amounts).
_GRAMS: dict[str, set[str]] = {}


def _judge_quote(registry: Registry, quote: str, spec: tuple, alone: bool, text: str, joined: str,
                 day: dt.date, own_rules: bool) -> tuple[tuple, Restated] | None:
    """(score, provision) when ``text`` repeats ``quote`` (see ``repeated``; ``spec`` the ``derived.Provision``),
    else None. ``quote`` as ``_compared`` and ``_one_holder`` leave it."""
    matched = _cover(quote, text)
    if matched < _COVER * len(quote):
        return None
    found = provision(spec)
    if not alone and not _in_text(registry, found, text, day):
        if len(quote) < _MIN_LEAD_IN or own_rules:
            return None
        found = replace(found, confirmed=False)
    # the article more of whose quotations the sentence repeats (articles of a law share clauses: ……对直接负责
    # 的主管人员……处……罚款), then the longest quotation, then a law
    article = sum(m for m, q in ((_cover(q, text), q) for q in joined.split("|")) if m >= _COVER * len(q))
    return (found.confirmed, article, matched, found.level == "法律"), found


def _in_text(registry: Registry, provision: Restated, text: str, day: dt.date) -> bool:
    """Whether the configured text of the article (``law_texts``) holds the (normalized) sentence: how a quotation
    without its conduct (尚不构成犯罪的，由……没收违法所得……) is confirmed; False without texts."""
    texts = law_texts()
    inst = registry.resolve(provision.title) if texts else None
    if inst is None:
        return False
    version = registry.version_on(inst, day) or inst.current
    number, _, suffix = provision.article.partition("-")
    article = texts.article(inst, version, int(number), int(suffix or 0)) if version is not None else None
    return article is not None and _cover(text, normalized(article.text())) >= _COVER * len(text)


def repeats_article(registry: Registry, title: str, article: str, sentence: str, day: dt.date) -> bool:
    """Whether ``sentence`` repeats (as ``repeated`` measures it) a registry quotation of ``article`` of ``title``:
    a draft that cites the article and repeats its words restates it, whatever measure of the sentence the
    importer did not record (……，所需费用由建设单位承担)."""
    text = normalized(sentence)
    quotes = _quote_index(registry, day).joined(title, article)
    return any(len(q) >= _MIN_QUOTE and _cover(q, text) >= _COVER * len(q) for q in quotes.split("|"))


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
