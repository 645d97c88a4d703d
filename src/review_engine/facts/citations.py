"""Citations of other instruments in a draft: 《…》第X条第Y款第Z项, back-references, bare names, 文号.

Recognised (each citation keeps its span in the text unit where it starts):

* a title in 《》, with 〈〉 or a nested 《》 inside (《浙江省实施〈中华人民共和国道路交通安全法〉办法》), optionally
  followed by parentheses — a 文号 or 令号 (《…》（国办发〔2018〕37号）), a version (（2021年修订）) or an
  abbreviation the draft defines (（以下简称《反不正当竞争法》） / （以下简称监督法））;
* the articles cited after it: 第九十条, 第62条, 第九十条第一款第（二）项, 第九十条第二项, 第十条之一,
  第四十八条、四十九条、第五十一条, 第四十三条和第四十四条, 第58条或第66条, 第七条至第九条,
  第三条第一款、第二款, 第五条第（一）项、第（三）项;
* back-references to the last instrument cited: 该法 / 本法 / 同法 / 该条例 / 该规定 / 该办法 / 上述法律 … + 第X条
  (本条例 / 本法 in a text that is itself a 条例 / 法 is the text itself, not a citation);
* a law named without 《》 right before an article (依照道路交通安全法第九十条), or after a basis word and before
  关于 / 的规定 / 等 / 、 (依据物权法关于……的规定): the name is kept as written (``Citation.names()`` gives the
  candidate names, longest first; the registry decides which one is a law);
* a 文号 or 令号 on its own (根据国办发〔2018〕115号文件; 国务院令第713号).

A citation may run over a line break (the text index joins units with a newline): a title wrapped inside
《…》 or a 第X条 on the next line are read as one citation, located in the unit where it starts.

``role`` says what the citation does in its sentence: ``basis`` (根据/依据/依照/按照/适用/参照 …),
``violated`` (违反《…》第X条, 未依照《…》规定), ``repeal`` (the sentence repeals or supersedes it: 同时废止, 停止执行),
``self`` (the draft itself: 本《实施细则》, 现将《…》印发, the draft's own title), ``former`` (原《…》: an
instrument named as history, 原《城市规划法》实施前 — not checked as in force) or ``mention``.

This module knows nothing of the registry: whether a title is a known instrument is for the check kinds
(``kinds/citation.py``, ``kinds/penalty_range.py``), which resolve each citation once (``Citation.resolve``).

Longer than 450 lines because one pass over the text finds every form of citation (titles, 文号, back-references, bare names) and the forms depend on each other (an alias defined by one is used by the next).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from ..numerals import to_int
from .text import TextIndex, Unit
from ..numerals import NUM

__all__ = ["ArticleRef", "Citation", "Citations", "articles_at", "find_citations", "looks_like_instrument"]

_N = NUM
_TITLE = re.compile(
    r"《(?P<t>(?:[^《》〈〉\n]|〈[^《》〈〉\n]{1,60}〉|《[^《》\n]{1,60}》|\n(?!\n)){2,100}?)》"
)
_PAREN = re.compile(r"[ \u3000]*[（(](?P<p>[^（）()\n]{1,60})[）)]")
_ALIAS = re.compile(r"^以下(?:简称|称)[为:：]?[“\"]?(?P<a>《[^》]{1,40}》|[^”\"）)，,。；]{1,30})[”\"]?$")
_DOC_NO_IN = re.compile(r"[〔\[［【]\s*(?:19|20)\d{2}\s*[〕\]］】]\s*第?\s*\d+\s*号|令第?" + NUM + r"号|第\d+号令")
_VERSION_IN = re.compile(r"^\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:修订|修正|修改|版|公布|发布|通过)?$")
# after a title or back-reference: 第X条(之Y)
_ART = re.compile(rf"[ \u3000]*\n?[ \u3000]*第(?P<a>{_N})条(?:之(?P<s>[一二三四五六七八九十]+))?")
_PARA = re.compile(rf"第(?P<p>{_N})款")
_ITEM = re.compile(rf"第(?:[（(](?P<i>{_N})[）)]|(?P<i2>{_N}))项")
_SEP = re.compile(r"、|，(?=第)|,(?=第)|和|及|以及|或者|或|与")
_TO = re.compile(rf"至第?(?P<a>{_N})条")
_NEXT_ART = re.compile(rf"第?(?P<a>{_N})条(?:之(?P<s>[一二三四五六七八九十]+))?")
_NEXT_PARA = re.compile(rf"第(?P<p>{_N})款")
_NEXT_ITEM = _ITEM
# back-references: 该法第X条
_BACK_GENRE = {"该法": "法", "本法": "法", "同法": "法", "上述法律": "法", "前述法律": "法", "该条例": "条例",
               "本条例": "条例", "上述条例": "条例", "该规定": "规定", "该办法": "办法", "该决定": "决定", "该细则": "细则"}
_BACK_WORD = re.compile("(?:" + "|".join(sorted(_BACK_GENRE, key=len, reverse=True)) + ")$")
# What stands right before 第X条 in a citation ends with one of these characters (法, 条例, 规定, 办法, 决定,
# 细则, 法律). One regex per character, each led by a literal, is ten times faster than one regex led by a class.
_BEFORE_ARTICLE = [(ch, re.compile(rf"{ch}(?=[ \u3000]?第{_N}条)")) for ch in "法例定则律"]
_NAME_CHARS = re.compile(r"[\u4e00-\u9fff〈〉]{2,40}$")
# 文号 / 令号 on their own: found by their fixed part (〔2018〕115号, 令第713号, 第69号令), then the issuer's
# abbreviation before it (国办发, 国务院, 公安部) is taken back from there — a regex that starts with a CJK class
# would try every character of the text.
_DOC_NO = [(ch, re.compile(re.escape(ch) + r"\s*(?:19|20)\d{2}\s*[〕\]］】]\s*第?\s*\d+\s*号")) for ch in "〔[［【"] + [
    ("令", re.compile(rf"令第?{NUM}号")), ("号令", re.compile(r"第\d+号令"))]
_DOC_NO_HEAD = re.compile(r"[\u4e00-\u9fff]{1,20}$")
_DOC_NO_LEAD = re.compile(r"^(?:根据|依据|依照|按照|参照|遵照|贯彻|落实|执行|印发|转发|发布|文件|精神|要求|规定|以及|和|及|与|的|即|见|经|按|依|据|照)+")
# the end of a bare law name cited without an article: 物权法关于……的规定 / 食品卫生法的规定 / 劳动法、劳动合同法等
# (… 民法通则 too, and the requirements of the law: 应当符合城市规划法和《……》的要求)
# (… or the clause ends with it, or the act done under it follows: 依照农民专业合作社登记管理条例，由……办理登记 /
# 按照公司登记管理条例和企业法人登记管理条例办理)
_BARE_NAME_END = re.compile(r"(?:法|条例|通则)(?=关于|的(?:有关|相关)?(?:规定|要求)|(?:有关|相关)?(?:规定|要求)|等(?:法律|有关|相关)|、|和|及|以及"
                            # (… or another act done under it: 应当依照合同法订立书面劳务协议)
                            r"|[，,]|(?:办理|执行|实施|处理|订立|签订|签署|制定|编制|组织|开展|进行|作出|给予|予以|收取|缴纳)(?![法条]))")
_BASIS_WORD = re.compile(r"根据|依据|依照|按照|遵照|适用|参照|违反|贯彻|落实|符合|遵守|遵循")
_LISTED_AFTER_BASIS = re.compile(r"(?:根据|依据|依照|按照|遵照|适用|参照|违反|贯彻|落实|符合|遵守|遵循)[^。；，]{0,36}、$")
_SENTENCE_BREAK = re.compile(r"[。；;！？!?\n]")
_LAST_BREAK = re.compile(r".*[。；;！？!?\n]", re.S)
_BASIS_BEFORE = re.compile(r"(?:根据|依据|依照|按照|遵照|适用|参照|依|按)[^。；，]{0,30}$")
# the words before a name that cite it (the basis words, and 执行)
_LEAD_WORDS = "根据|依据|依照|按照|遵照|适用|参照|违反|执行|贯彻|落实|符合|遵守|遵循"
_NAME_LEAD = re.compile(rf"^.*(?:{_LEAD_WORDS}|以及|和|及|或者|或)")
# (… for a name cited without an article, a 和 only after the end of another name — 劳动法和劳动合同法 — since a 和 may be
# inside the name: 非法金融机构和非法金融业务活动取缔办法)
_BASIS_LEAD = re.compile(rf"^.*(?:{_LEAD_WORDS}|(?<=[法例则])(?:以及|和|及|或者|或))")
_OWN_NAME = re.compile(r"(?:本|该|此|上述|前述)(?:实施)?(?:办法|法|条例)$")
# the rule broken: 违反《……》, and the rule not followed (未依照《……》规定取得……的)
_VIOLATED_BEFORE = re.compile(r"违反[^。；，]{0,20}$|(?:未|不|没有)(?:依照|按照|依据|遵照)$")
# (… or its own annex: 附件2《游艇停泊违规行为处理标准》, 见本办法附件《……》)
_SELF_BEFORE = re.compile(r"(?:本|现将|特将|将|制定了?|印发了?|出台了?|附件[\d一二三四五六七八九十]*[：:、.．]?)$")
_SELF_AFTER = re.compile(r"^[^。；，]{0,4}(?:印发给|发给|予以印发|印发你们|现予印发|现予公布|现予发布)")
_REPEAL = re.compile(r"废止|失效|停止执行|不再执行|同时撤销|予以撤销|宣布撤销|已(?:被|由)[^。；]{1,40}?(?:取代|替代|代替)")
_GENRE = re.compile(
    r"(?:法|法典|条例|规定|办法|细则|实施细则|决定|规则|解释|意见|通知|决议|命令|规程|准则|纲要|目录|公告|通告|批复|令)"
    r"(?:[（(](?:试行|暂行|修订|修正|\d{4}年[^）)]{0,10})[）)])?$"
)
_FORMS = re.compile(r"(?:证|证书|表|单|书|卡|册|簿|本|清单|名录|报告|记录|合同|协议|照|牌|函件|标志)$")


def looks_like_instrument(title: str) -> bool:
    """Whether a title in 《》 names a legal instrument (法, 条例, 办法, 通知 …) rather than a form, a licence or
    a book (《营业执照》, 《进口药品检验报告书》)."""
    core = title.strip()
    return bool(_GENRE.search(core)) and not _FORMS.search(core)


@dataclass(slots=True)
class ArticleRef:
    """One cited provision: an article, optionally a 款 and a 项 (a range 第七条至第九条 has ``article_to``)."""

    article: int
    paragraph: int | None = None
    item: int | None = None
    article_to: int | None = None
    suffix: int | None = None
    """第十条之一 → 1."""
    start: int = 0
    """Offsets in ``TextIndex.text``."""
    end: int = 0

    def label(self) -> str:
        from ..numerals import provision

        return provision(self.article, self.paragraph, self.item, suffix=self.suffix, article_to=self.article_to)


@dataclass(eq=False)
class Citation:
    """One citation of another instrument (see the module docstring)."""

    unit: Unit
    start: int
    """Offset of the citation in ``unit.text``."""
    end: int
    """End offset in ``unit.text`` (clipped to the unit when the citation runs on over a line break)."""
    gstart: int
    """Offsets in ``TextIndex.text`` (the whole citation, even over a line break)."""
    gend: int
    kind: str
    """``title`` (《…》), ``back`` (该法第X条), ``name`` (a bare law name before 第X条) or ``doc_number``."""
    written: str
    """The citation as written (line breaks removed)."""
    title: str | None = None
    """The title as written, without the outer 《》 and line breaks (for ``back``: the title it points to)."""
    doc_number: str | None = None
    qualifier: str | None = None
    """A version in parentheses after the title: 2021年修订."""
    alias: str | None = None
    """The abbreviation the draft defines right after it (以下简称《反不正当竞争法》 → 反不正当竞争法)."""
    via_alias: str | None = None
    """For a citation written with a defined abbreviation: the abbreviation."""
    articles: list[ArticleRef] = field(default_factory=list)
    role: str = "mention"
    """``basis`` | ``violated`` | ``repeal`` | ``self`` | ``former`` | ``mention``."""
    back: Citation | None = None
    """For ``back``: the citation it refers to."""
    _resolved: dict = field(default_factory=dict, repr=False)

    @property
    def bracketed(self) -> bool:
        return self.kind == "title"

    @property
    def instrument_like(self) -> bool:
        """A 《》 title that names an instrument, or any citation with articles or a 文号."""
        if self.kind == "title":
            return bool(self.articles) or bool(self.doc_number) or looks_like_instrument(self.title or "")
        return True

    def names(self) -> list[str]:
        """Names to look up, best first: the title; for a bare name, every suffix of at least three
        characters (longest first), since the words before a law's name are not part of it."""
        if self.kind == "name" and self.title:
            t = self.title
            return [t[i:] for i in range(len(t) - 2) if not t[i:].startswith(("本", "该", "此", "上述", "前述"))]
        return [self.title] if self.title else []

    def resolve(self, registry):
        """The registry instrument cited (or None), computed once per registry."""
        key = id(registry)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(registry)
        return self._resolved[key]

    def _resolve(self, registry):
        if self.kind == "back":
            return self.back.resolve(registry) if self.back is not None else None
        for name in self.names():
            inst = registry.resolve(name)
            if inst is not None:
                if self.kind == "name" and self.title and name != self.title:
                    # the words before the law's name (应当遵守, 参照) are not part of the citation
                    cut = len(self.title) - len(name)
                    self.title, self.written = name, self.written[cut:]
                    self.start, self.gstart = self.start + cut, self.gstart + cut
                return inst
        if self.doc_number:
            return registry.by_doc_number(self.doc_number)
        return None


class Citations(list):
    """The citations of a document in text order (a list of ``Citation``), plus the abbreviations it defines."""

    def __init__(self, items=(), aliases: dict[str, str] | None = None, index: TextIndex | None = None):
        super().__init__(items)
        self.aliases = aliases or {}
        self.index = index

    @cached_property
    def by_unit(self) -> dict[int, list[Citation]]:
        """{id(unit): citations starting in it}."""
        out: dict[int, list[Citation]] = {}
        for c in self:
            out.setdefault(id(c.unit), []).append(c)
        return out

    @cached_property
    def with_articles(self) -> list[Citation]:
        return [c for c in self if c.articles]

    @cached_property
    def starts(self) -> list[int]:
        return [c.gstart for c in self]

    def in_span(self, gstart: int, gend: int) -> list[Citation]:
        """Citations starting inside ``[gstart, gend)`` of the text index."""
        i = bisect_right(self.starts, gstart - 1)
        out = []
        while i < len(self) and self[i].gstart < gend:
            out.append(self[i])
            i += 1
        return out


# --------------------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    return text.replace("\n", "")


def _int(text: str | None) -> int | None:
    return to_int(text) if text else None


def articles_at(text: str, pos: int) -> tuple[list[ArticleRef], int]:
    """The article references starting at ``pos`` (right after a title); (refs, end)."""
    m = _ART.match(text, pos)
    if not m:
        return [], pos
    refs: list[ArticleRef] = []
    article = _int(m["a"])
    if article is None:
        return [], pos
    cur = ArticleRef(article, suffix=_int(m["s"]), start=m.start("a") - 1, end=m.end())
    refs.append(cur)
    end = m.end()
    while True:
        t = _TO.match(text, end)  # 第X条至第Y条
        if t and cur.paragraph is None and cur.article_to is None:
            cur.article_to = _int(t["a"])
            cur.end = end = t.end()
            continue
        p = _PARA.match(text, end)
        if p and cur.paragraph is None and cur.article_to is None:
            cur.paragraph = _int(p["p"])
            cur.end = end = p.end()
            continue
        i = _ITEM.match(text, end)
        if i and cur.item is None and cur.article_to is None:
            cur.item = _int(i["i"] or i["i2"])
            cur.end = end = i.end()
            continue
        s = _SEP.match(text, end)
        if not s:
            break
        after = s.end()
        # a further 项 / 款 of the same article, or a further article
        n_item = _NEXT_ITEM.match(text, after)
        n_para = _NEXT_PARA.match(text, after)
        n_art = _NEXT_ART.match(text, after)
        if n_item and cur.item is not None:
            cur = ArticleRef(cur.article, cur.paragraph, _int(n_item["i"] or n_item["i2"]), start=after,
                             end=n_item.end())
        elif n_para and cur.paragraph is not None:
            cur = ArticleRef(cur.article, _int(n_para["p"]), start=after, end=n_para.end())
        elif n_art and (text[after] == "第" or text[s.start()] == "、") and _int(n_art["a"]) is not None:
            cur = ArticleRef(_int(n_art["a"]), suffix=_int(n_art["s"]), start=after, end=n_art.end())  # type: ignore[arg-type]
        else:
            break
        refs.append(cur)
        end = cur.end
    return refs, end


def _role(text: str, gstart: int, gend: int, sentence_start: int, sentence_end: int) -> str:
    before = text[sentence_start:gstart]
    if _SELF_BEFORE.search(before) or _SELF_AFTER.match(text, gend):
        return "self"
    sentence = text[sentence_start:sentence_end]
    if _REPEAL.search(sentence):
        return "repeal"
    if before.rstrip().endswith("原"):  # 1990年4月1日原《中华人民共和国城市规划法》实施前: history, not a citation in force
        return "former"
    if _VIOLATED_BEFORE.search(before):
        return "violated"
    if _BASIS_BEFORE.search(before) or text.startswith("的规定", gend) or text.startswith("规定", gend):
        return "basis"
    return "mention"


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``: after the last break (。；！？ or a line end) in the 200 characters
    before it, up to the first break in the 300 after it."""
    left = max(0, start - 200)
    found = _LAST_BREAK.match(text, left, start)  # (one C call: the greedy .* ends at the last break)
    if found is not None:
        left = found.end()
    found = _SENTENCE_BREAK.search(text, end, min(len(text), end + 300))
    return left, (found.start() if found else min(len(text), end + 300))


def find_citations(index: TextIndex, *, own_titles: tuple[str, ...] = ()) -> Citations:
    """Every citation in the normative text of ``index`` (title, headings and signature excluded)."""
    text = index.text
    found: list[tuple[int, int, dict]] = []  # (gstart, gend, fields)
    taken: list[tuple[int, int]] = []
    aliases: dict[str, str] = {}
    doc = index.doc
    own = {_key(t) for t in (*own_titles, doc.title_block.title, _core(doc.title_block.title)) if t}
    for att in doc.attachments:
        if att.heading:
            own.add(_key(att.heading))

    if "《" in text:
        for m in _TITLE.finditer(text):
            if taken and m.start() < taken[-1][1]:
                continue  # inside the parentheses of the previous title: （以下简称《…》）
            raw = m["t"]
            if "\n" in raw and (raw.count("\n") > 1 or not _same_article(index, m.start(), m.end() - 1)):
                continue  # a wrapped title stays inside one article
            title = _clean(raw)
            end = m.end()
            fields: dict = {"kind": "title", "title": title}
            for _ in range(3):  # up to three parentheses: 文号, version, 以下简称
                p = _PAREN.match(text, end)
                if not p:
                    break
                inner = p["p"].strip()
                alias = _ALIAS.match(inner)
                if alias:
                    fields["alias"] = alias["a"].strip("《》")
                elif _DOC_NO_IN.search(inner):
                    fields["doc_number"] = inner
                elif _VERSION_IN.match(inner):
                    fields["qualifier"] = inner
                else:
                    break
                end = p.end()
            refs, ref_end = articles_at(text, end)
            if refs and "\n" in text[end:refs[0].start] and not _same_article(index, end - 1, refs[0].start):
                refs = []
            if refs:
                fields["articles"] = refs
                end = ref_end
            found.append((m.start(), end, fields))
            taken.append((m.start(), end))
            if "alias" in fields and not fields["alias"].startswith("本"):
                aliases[fields["alias"]] = title
    # back-references (该法第X条) and bare names (道路交通安全法第九十条)
    if "第" in text:
        # 本条例 / 本法 in a text that is itself a 条例 / 法 is the text itself, not the last law cited
        own_genres = {g for g in (_genre_of(t) for t in own if t) if g}
        ends = sorted(m.end() for ch, regex in _BEFORE_ARTICLE if ch in text for m in regex.finditer(text))
        for word_end in ends:
            back = _BACK_WORD.search(text, max(0, word_end - 4), word_end)
            if back is not None:
                if back.group().startswith("本") and _BACK_GENRE[back.group()] in own_genres:
                    continue
                refs, end = articles_at(text, word_end)
                if refs:
                    found.append((back.start(), end, {"kind": "back", "word": back.group(), "articles": refs}))
                continue
            if text[word_end - 1] != "法" and not text.startswith("条例", word_end - 2):
                continue
            if _inside(taken, word_end - 1):
                continue
            head = _NAME_CHARS.search(text, max(0, word_end - 40), word_end)
            if head is None:
                continue
            name = head.group()
            if _OWN_NAME.search(name):
                continue  # 本办法第五条 (the draft itself)
            lead = _NAME_LEAD.match(name)
            start = head.start() + (lead.end() if lead else 0)
            name = text[start:word_end]
            if len(name) < 2:
                continue
            refs, end = articles_at(text, word_end)
            if refs:
                found.append((start, end, {"kind": "name", "title": name, "articles": refs}))
    # a law named without 《》 and without an article, after a basis word (依据物权法关于建筑物区分所有权的规定, 根据
    # 食品卫生法的规定, 依照劳动法、劳动合同法等): the registry decides which name is a law
    if "法" in text or "条例" in text:
        for m in _BARE_NAME_END.finditer(text):
            word_end = m.end()
            if _inside(taken, word_end - 1):
                continue
            head = _NAME_CHARS.search(text, max(0, word_end - 40), word_end)
            if head is None:
                continue
            lead = _BASIS_LEAD.match(head.group())
            if lead is not None and _BASIS_WORD.search(head.group()):
                start = head.start() + lead.end()
            elif _LISTED_AFTER_BASIS.search(text, max(0, head.start() - 40), head.start()):
                start = head.start()  # the next name of a list (根据劳动法、劳动合同法等)
            else:
                continue
            name = text[start:word_end]
            if len(name) < 3 or _OWN_NAME.search(name) or _key(name) in own:
                continue
            found.append((start, word_end, {"kind": "name", "title": name, "articles": []}))
    if "号" in text:
        previous = 0
        matches = sorted((m for lead, regex in _DOC_NO if lead in text for m in regex.finditer(text)),
                         key=lambda m: m.start())
        for m in matches:
            fixed = m.start() + (1 if m.group().startswith("令") else 0)
            head = _DOC_NO_HEAD.search(text, max(previous, fixed - 20), fixed)
            previous = m.end()
            if head is None or _inside(taken, head.start()):
                continue
            number = _DOC_NO_LEAD.sub("", text[head.start():m.end()])
            if len(number) <= len(text[fixed:m.end()]):
                continue  # no issuer before it (第5号 alone)
            found.append((m.end() - len(number), m.end(), {"kind": "doc_number", "doc_number": number, "title": None}))
    found.sort(key=lambda f: (f[0], -f[1]))
    out = Citations(aliases=aliases, index=index)
    last_end = -1
    for gstart, gend, fields in found:
        if gstart < last_end and fields["kind"] != "title":
            continue  # a name or 文号 inside an earlier citation
        unit = index.unit_at(gstart)
        if unit is None or "text" not in unit.scopes:
            continue
        kind = fields["kind"]
        title = fields.get("title")
        via_alias = None
        if kind in ("title", "name") and title:
            if kind == "title" and title in aliases and aliases[title] != title:
                via_alias, title = title, aliases[title]
            elif kind == "name":
                hit = next((a for a in sorted(aliases, key=len, reverse=True) if title.endswith(a)), None)
                if hit is not None:
                    via_alias, title, kind = hit, aliases[hit], "title"
        s_start, s_end = _sentence_bounds(text, gstart, gend)
        role = _role(text, gstart, gend, s_start, s_end)
        if kind == "title" and _key(fields.get("title") or "") in own:
            role = "self"
        cite = Citation(
            unit=unit, start=gstart - unit.start, end=min(gend, unit.end) - unit.start, gstart=gstart, gend=gend,
            kind=kind, written=_clean(text[gstart:gend]), title=title, doc_number=fields.get("doc_number"),
            qualifier=fields.get("qualifier"), alias=fields.get("alias"), via_alias=via_alias,
            articles=fields.get("articles", []), role=role,
        )
        if kind == "back":
            genre = _BACK_GENRE[fields["word"]]
            cite.back = next((c for c in reversed(out) if c.kind in ("title", "name") and c.title
                              and c.role != "self" and _genre_of(c.title) == genre), None)
            if cite.back is None:
                continue
            cite.title = cite.back.title
        out.append(cite)
        last_end = max(last_end, gend)
    return out


def _same_article(index: TextIndex, a: int, b: int) -> bool:
    """Whether offsets ``a`` and ``b`` of the text lie in units of the same article (a line wrapped in it)."""
    ua, ub = index.unit_at(a), index.unit_at(b)
    return ua is not None and ub is not None and ua.article is not None and ua.article is ub.article


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


def _genre_of(title: str) -> str | None:
    for genre in ("条例", "规定", "办法", "决定", "细则", "法"):
        if title.endswith(genre):
            return genre
    return None


_KEY_DROP = dict.fromkeys(map(ord, " \u3000\n\t《》〈〉<>"), None)


def _key(title: str) -> str:
    return title.translate(_KEY_DROP)


def _core(title: str) -> str:
    m = re.match(r"^.*?关于(?:印发|发布|公布|转发|颁布)《(?P<inner>.+)》的(?:通知|决定|公告)$", title or "")
    return m["inner"] if m else ""
