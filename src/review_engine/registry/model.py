"""Schema of the registry of higher law (上位法登记表): one ``Instrument`` per YAML file in ``laws/``.

The registry holds *facts* about laws and regulations (titles, level, dates, article counts, repeal),
never their texts. Every fact names where it came from (``source`` / ``sources``):

* ``corpus:higher_law/<file>.md`` — read from the shared corpus (LawRefBook snapshot);
* ``spec §6.4`` (or another § of ``legal-review-spec.md``) — taken from the project specification;
* ``unverified`` — from memory or the project brief; a lead, to be confirmed before relying on it.

``Version.source`` follows these conventions:

* exactly ``corpus:higher_law/<file>.md`` — the version whose TEXT is in the corpus (its ``article_count``
  is the number of line-initial ``第X条`` labels of that file; tests check this);
* ``corpus:higher_law/<file>.md#header`` — an earlier version known from the file's history lines (or the
  text's own 施行 article); ``#第X条`` when a fact comes from one article of that file (a repeal clause);
* ``spec §6.4`` / ``unverified`` — as above;
* several sources are joined with ``; `` and a partly unverified version names what is unverified, e.g.
  ``"corpus:higher_law/X.md#header; article_count unverified"`` (test with ``"unverified" in v.source``).

YAML format (one instrument per file, file name = short title, e.g. ``laws/行政处罚法.yaml``)::

    title: 中华人民共和国行政处罚法          # full official title, without 《》
    short: [行政处罚法]                      # short forms really used in drafts (exact, no fuzzy matching)
    level: 法律                              # see ``Level``
    issuer: 全国人民代表大会                 # body that enacted the original text
    doc_number: null                         # e.g. 国务院令第713号 (optional)
    status: 现行有效                         # 现行有效 | 已修改 | 已废止 | 尚未施行
    repealed: null                           # or {date: 2022-06-05, by: <title of successor>, note: ...}
    versions:                                # chronological; each a text that was in force
      - label: 1996年通过
        promulgated: 1996-03-17              # 通过 date (laws) / 公布 date (行政法规) of the original
        effective: 1996-10-01                # 施行 date of this version (null if unknown)
        article_count: 64                    # number of 条 of this version (null if unknown)
        source: unverified
      - label: 2021年修订
        amended: 2021-01-22                  # date of the 修正/修订 that produced this version
        effective: 2021-07-15
        article_count: 86
        renumbered: true                     # article numbers changed vs. the previous version
        source: corpus:higher_law/行政处罚法(2021-01-22).md
    articles: {}                             # per-article facts (filled later by an importer), e.g.
    #   articles:
    #     90:
    #       empowers: [penalty]
    #       penalties:
    #         - {types: [警告, 罚款], min: 20, max: 200, kind: range, paragraph: 1, quote: "…"}
    sources: [corpus:higher_law/行政处罚法(2021-01-22).md, spec §6.4]
    notes: free text

Dates are ISO ``YYYY-MM-DD`` (unquoted YAML dates are fine). Unknown keys are errors (``extra="forbid"``).

When a version's ``effective`` date is unknown, it is taken to apply from its ``amended`` date (or, for the
original text, its ``promulgated`` date): most 修正 decisions take effect on promulgation, but this is an
approximation — see ``Version.start``.
"""

from __future__ import annotations

import datetime as _dt
from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

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
LEVELS: tuple[str, ...] = (
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
)

Status = Literal["现行有效", "已修改", "已废止", "尚未施行"]

Empowerment = Literal["penalty", "licence", "coercion", "fee", "price"]

PenaltyKind = Literal["fixed", "range", "max_only", "min_only", "multiple", "percent"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PenaltyFact(_Strict):
    """One penalty clause of an article (e.g. 处二百元以上二千元以下罚款).

    ``kind``: ``fixed`` (a single amount), ``range`` (min..max), ``max_only`` (…以下), ``min_only`` (…以上),
    ``multiple`` (N to M times ``base``, e.g. 违法所得一倍以上五倍以下), ``percent`` (a share of ``base``).
    ``min``/``max`` are amounts in yuan, or factors for ``multiple``/``percent``.
    """

    types: list[str] = Field(default_factory=list)  # 警告, 罚款, 没收违法所得, 吊销许可证, 暂扣, 拘留…
    min: Decimal | None = None
    max: Decimal | None = None
    kind: PenaltyKind
    base: str | None = None  # e.g. 违法所得, 货值金额 (for multiple / percent)
    paragraph: int | None = Field(default=None, ge=1)
    item: int | None = Field(default=None, ge=1)
    quote: str = Field(max_length=120)  # short quotation of the clause

    @model_validator(mode="after")
    def _check_range(self) -> PenaltyFact:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min}) is greater than max ({self.max})")
        return self


class ArticleFact(_Strict):
    """Facts about one article (条) of the version in force: what it empowers and its penalty ranges."""

    empowers: list[Empowerment] = Field(default_factory=list)
    penalties: list[PenaltyFact] = Field(default_factory=list)
    quote: str | None = Field(default=None, max_length=120)


class Version(_Strict):
    """One text of an instrument (the original, or the result of a 修正/修订)."""

    label: str  # e.g. "2021年修订"
    promulgated: date | None = None  # original text: 通过 date (laws) / 公布 date (regulations)
    effective: date | None = None  # 施行 date of this version
    amended: date | None = None  # date of the 修正/修订 that produced this version
    article_count: int | None = Field(default=None, ge=1)
    renumbered: bool | None = None  # article numbers changed vs. the previous version (null: unknown / n.a.)
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
    def verified(self) -> bool:
        return "unverified" not in self.source


class Repeal(_Strict):
    """Repeal of an instrument: from ``date`` on it is no longer in force."""

    date: _dt.date
    by: str | None = None  # full title of the replacing instrument, if any
    note: str | None = None


class Instrument(_Strict):
    """A law, regulation, rule or document that drafts cite as higher law."""

    title: str
    short: list[str] = Field(default_factory=list)
    level: Level
    issuer: str
    doc_number: str | None = None
    versions: list[Version] = Field(default_factory=list)
    status: Status = "现行有效"
    repealed: Repeal | None = None
    articles: dict[int, ArticleFact] = Field(default_factory=dict)
    sources: list[str] = Field(default_factory=list)
    notes: str | None = None

    # the YAML file this entry was loaded from (set by the loader; not part of the schema)
    _path: str | None = PrivateAttr(default=None)

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
        return self

    @property
    def path(self) -> str | None:
        """The YAML file this entry was loaded from."""
        return self._path

    @property
    def current(self) -> Version | None:
        """The latest listed version (which may not be in force yet)."""
        return self.versions[-1] if self.versions else None

    @property
    def first_effective(self) -> date | None:
        """The day the instrument first came into force (start of its first version)."""
        return self.versions[0].start if self.versions else None
