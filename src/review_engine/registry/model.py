"""Schema of the registry of higher law (上位法登记表): ``Instrument`` and its ``Version``s.

An instrument comes from an imported folder of law texts (``laws/national_law/``, written by ``review-engine
laws import``: ``registry.importer`` / ``registry.store``), from a hand-written YAML file in ``laws/`` (one
instrument per file), or from both: the hand-written entry is laid over the imported one (``registry.merge``).
The registry holds *facts* (titles, level, dates, article numbers, repeal, article facts), never texts. Every
fact names where it came from (``source`` / ``sources``):

* ``national_law:<path>`` — the version whose text was imported from that file of the folder (its article
  facts were read from it); ``#header`` — its dated history lines; ``#第X条`` — one article (a repeal clause);
* ``corpus:higher_law/<file>.md`` (``#header``, ``#第X条``) — the 37 texts of ``../shared/corpus/higher_law``;
* ``post-snapshot: <where> <date>`` — a change after the imported snapshot, with its publication;
* ``spec §6.4`` (or another § of ``legal-review-spec.md``) — taken from the project specification;
* ``unverified`` — from memory or the project brief; a lead, to be confirmed before relying on it.

Several sources are joined with ``; ``; a partly unverified version names what is unverified, e.g.
``"national_law:X.md#header; effective unverified"`` (``Version.is_verified``).

YAML format of a hand-written entry (laws/README.md)::

    title: 中华人民共和国行政处罚法          # full official title, without 《》
    short: [行政处罚法]                      # short forms really used in drafts (exact, no fuzzy matching)
    level: 法律                              # see ``Level``
    issuer: 全国人民代表大会                 # body that enacted the original text
    doc_number: null                         # e.g. 国务院令第713号 (optional)
    status: 现行有效                         # 现行有效 | 已修改 | 已废止 | 尚未施行
    repealed: null                           # or {date: 2022-06-05, by: <title of successor>, note, source}
    versions:                                # chronological; each a text that was in force
      - label: 1996年通过
        promulgated: 1996-03-17              # 通过 date (laws) / 公布 date (行政法规) of the original
        effective: 1996-10-01                # 施行 date of this version (null if unknown)
        article_count: 64                    # number of 条 of this version (null if unknown)
        source: unverified
    sources: [spec §6.4]
    notes: free text

An imported version also has ``last_article`` (the highest 第X条 when it differs from the count), ``suffixed``
(第X条之Y keys) and ``texts`` (the files of the folder, with their SHA-1); its article facts (款/项, penalties,
licences, fees, coercive measures, obligations) are ``articles.TextFacts``, read on first use
(``Instrument.facts_for``). A version without ``texts`` has no article facts: checks that need them report
that they could not run, rather than passing.

Dates are ISO ``YYYY-MM-DD`` (unquoted YAML dates are fine). Unknown keys are errors (``extra="forbid"``).
When a version's ``effective`` date is unknown, it is taken to apply from its ``amended`` date (or, for the
original text, its ``promulgated`` date): most 修正 decisions take effect on promulgation, but this is an
approximation — see ``Version.start``.
"""

from __future__ import annotations

import datetime as _dt
from datetime import date
from typing import get_args, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from review_engine.empty import Strings, new_list
from review_engine.registry.articles import ArticleFact, PenaltyFact, Provision, TextFacts

__all__ = ["LEVELS", "PENALTY_LEVELS", "ArticleFact", "Instrument", "Level", "PenaltyFact", "Provision", "Repeal",
           "Status", "TextFacts", "TextRef", "Version"]

# Levels of legal instruments. "宪法" is a level of its own (立法法 第九十八条: the Constitution has the
# highest legal force), rather than "法律" with a note: hierarchy checks can then rank it above 法律.
Level = Literal[
    "宪法",
    "法律",
    "行政法规",
    "地方性法规",
    "部门规章",
    "地方政府规章",
    "规范性文件",
    "司法解释",
    "党内法规",
    "其他",
]

#: All levels, roughly from highest to lowest force (地方性法规 vs. 部门规章 is not a strict order,
#: 立法法 第一百零六条; 司法解释 / 党内法规 / 其他 are outside the 立法法 hierarchy).
LEVELS: tuple[str, ...] = get_args(Level)

Status = Literal["现行有效", "已修改", "已废止", "尚未施行"]

#: Levels that may set administrative penalties (行政处罚法 第十条至第十四条, 第十六条: 法律、法规、规章).
PENALTY_LEVELS: frozenset[str] = frozenset({"法律", "行政法规", "地方性法规", "部门规章", "地方政府规章"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)


class TextRef(_Strict):
    """A file of an imported law-text folder holding a version's text (民法典: one file per part)."""

    path: str  # relative to the folder (行政法/行政处罚法(2021-01-22).md)
    sha1: str | None = None  # the first 12 hex digits of the file's SHA-1 (MANIFEST ``sha1``)


class Version(_Strict):
    """One text of an instrument (the original, or the result of a 修正/修订)."""

    label: str  # e.g. "2021年修订"
    promulgated: date | None = None  # original text: 通过 date (laws) / 公布 date (regulations)
    effective: date | None = None  # 施行 date of this version
    amended: date | None = None  # date of the 修正/修订 that produced this version
    article_count: int | None = Field(default=None, ge=1)
    """Number of 条 of this version (labels 第X条 and 第X条之Y of its text; null if unknown)."""
    last_article: int | None = Field(default=None, ge=1)
    """Highest article number (第X条) when it differs from ``article_count`` (articles 之一, or a gap in the text)."""
    suffixed: Strings
    """Articles 第X条之Y of the text, as keys "133-1" (``articles.key_of``)."""
    renumbered: bool | None = None  # article numbers changed vs. the previous version (null: unknown / n.a.)
    texts: list[TextRef] = Field(default_factory=new_list)
    """The files of the imported folder holding this version's text (its article facts were read from them)."""
    source: str

    @model_validator(mode="after")
    def _needs_a_date(self) -> Version:
        if self.start is None:
            raise ValueError("a version needs at least one of promulgated / amended / effective")
        return self

    @property
    def start(self) -> date | None:
        """The day this version starts to apply: ``effective``, else ``amended``, else ``promulgated``."""
        return self.effective or self.amended or self.promulgated

    @property
    def last(self) -> int | None:
        """The highest article number (what a citation of 第X条 is checked against)."""
        return self.last_article or self.article_count

    def has_article(self, number: int, suffix: int | None = None) -> bool | None:
        """Whether 第X条(之Y) exists in this version; None when the version's articles are unknown."""
        if self.last is None:
            return None
        if suffix:
            return f"{number}-{suffix}" in self.suffixed if self.texts else None
        return 1 <= number <= self.last

    @property
    def verified(self) -> bool:
        return "unverified" not in self.source

    def is_verified(self, field: str) -> bool:
        """Whether ``field`` (e.g. ``article_count``) of this version is verified: a source part that is just
        ``unverified`` covers every field; ``effective, article_count unverified`` covers the fields it names."""
        for part in self.source.split(";"):
            part = part.strip()
            if part.startswith("unverified"):
                return False
            if part.endswith("unverified") and field in part:
                return False
        return True

    @property
    def count_verified(self) -> bool:
        return self.is_verified("article_count")


class Repeal(_Strict):
    """Repeal of an instrument: from ``date`` on it is no longer in force.

    ``date`` may be unknown (``null``) when a source only says the instrument has lost force: ``known_by`` then
    says by when (the snapshot date of the folder whose MANIFEST marks it), and the instrument counts as
    repealed from that day on."""

    date: _dt.date | None = None
    known_by: _dt.date | None = None
    by: str | None = None  # full title of the replacing instrument, if any
    note: str | None = None
    source: str | None = None  # where the repeal is read (national_law:…/噪声污染防治法(2021-12-24).md#第九十条)

    @model_validator(mode="after")
    def _dated(self) -> Repeal:
        if self.date is None and self.known_by is None:
            raise ValueError("a repeal needs 'date' or, when the day is unknown, 'known_by'")
        return self

    @property
    def since(self) -> _dt.date:
        """The first day the instrument is certainly no longer in force."""
        return self.date or self.known_by  # type: ignore[return-value]


class Instrument(_Strict):
    """A law, regulation, rule or document that drafts cite as higher law."""

    id: str | None = None
    """Key of an imported instrument in its registry folder (its facts file); None for hand-written entries."""
    title: str
    short: Strings
    level: Level
    issuer: str | None = None
    """The body that enacted the original text, when a source says it."""
    doc_number: str | None = None
    versions: list[Version] = Field(default_factory=new_list)
    status: Status = "现行有效"
    repealed: Repeal | None = None
    sources: Strings
    notes: str | None = None

    # set by the loader; not part of the schema
    _path: str | None = PrivateAttr(default=None)  # the YAML file of a hand-written entry (overlay)
    _facts: object = PrivateAttr(default=None)  # callable (version label) -> TextFacts | None
    _origin: str | None = PrivateAttr(default=None)  # name of the imported folder (national_law)

    @field_validator("title")
    @classmethod
    def _no_brackets(cls, v: str) -> str:
        if v.startswith("《") or v.endswith("》"):
            raise ValueError("write the title without the outer 《》")
        return v

    @model_validator(mode="after")
    def _check(self) -> Instrument:
        if self.status == "已废止" and self.repealed is None:
            raise ValueError("status 已废止 requires a 'repealed' entry")
        if self.repealed is not None and self.status != "已废止":
            raise ValueError("an instrument with a 'repealed' entry must have status 已废止")
        starts = [v.start for v in self.versions]
        if any(a > b for a, b in zip(starts, starts[1:], strict=False)):  # type: ignore[operator]
            raise ValueError("versions must be listed in chronological order")
        labels = [v.label for v in self.versions]
        if len(set(labels)) != len(labels):
            raise ValueError("two versions have the same label")
        return self

    @property
    def path(self) -> str | None:
        """The YAML file of the hand-written part of this entry, if it has one."""
        return self._path

    @property
    def origin(self) -> str | None:
        """The imported folder this entry's facts come from (``national_law``), if any."""
        return self._origin

    @property
    def current(self) -> Version | None:
        """The latest listed version (which may not be in force yet)."""
        return self.versions[-1] if self.versions else None

    @property
    def first_effective(self) -> date | None:
        """The day the instrument first came into force (start of its first version)."""
        return self.versions[0].start if self.versions else None

    def version(self, label: str) -> Version | None:
        return next((v for v in self.versions if v.label == label), None)

    def successor(self, version: Version) -> Version | None:
        """The version that replaced ``version`` (the next one listed), if any."""
        for a, b in zip(self.versions, self.versions[1:], strict=False):
            if a is version:
                return b
        return None

    @property
    def text_versions(self) -> list[Version]:
        """The versions whose text was imported (they have article facts)."""
        return [v for v in self.versions if v.texts]

    def facts_for(self, version: Version | None) -> TextFacts | None:
        """The article facts of ``version`` (None: its text was not imported, or no version)."""
        if version is None or not version.texts or self._facts is None:
            return None
        return self._facts(version.label)  # type: ignore[operator]

    def has_facts_for(self, version: Version | None) -> bool:
        """Whether the registry has article facts (款/项, penalties …) for ``version``."""
        return version is not None and bool(version.texts) and self._facts is not None
