"""Article facts of one version of an instrument (``TextFacts``): 款/项 layout, penalties, licences, fees,
coercive measures and obligations, as the importer read them from the version's text.

Articles are keyed by ``"90"`` or, for 第一百三十三条之一, ``"133-1"`` (``lawtext.article_key``). An article that
is not listed under ``articles`` provides nothing the importer recognises; one not listed under ``layout`` has
one 款 and no 项.

A ``Provision`` names what the article provides and who grants or imposes it; ``rule`` names the extraction
pattern of ``registry.provisions`` that found it (the fact can always be traced to the words quoted)::

    {kind: licence, name: 水产苗种的生产, body: 县级以上地方人民政府渔业行政主管部门, rule: grant, verb: 审批,
     paragraph: 3, quote: 水产苗种的生产由县级以上地方人民政府渔业行政主管部门审批。}
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..empty import Strings, new_dict, new_list

__all__ = ["ArticleFact", "PenaltyFact", "Provision", "TextFacts", "key_of"]

PenaltyKind = Literal["fixed", "range", "max_only", "min_only", "multiple", "percent", "none"]
ProvisionKind = Literal["licence", "fee", "coercion", "obligation"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)


def key_of(article: int | str, suffix: int | None = None) -> str:
    """The facts key of an article: 90 → "90"; (133, 1) → "133-1"."""
    if isinstance(article, str):
        return article
    return f"{article}-{suffix}" if suffix else str(article)


class PenaltyFact(_Strict):
    """One penalty clause of an article (e.g. 处二百元以上二千元以下罚款).

    ``kind``: ``fixed`` (a single amount), ``range`` (min..max), ``max_only`` (…以下), ``min_only`` (…以上),
    ``multiple`` (N to M times ``base``, e.g. 违法所得一倍以上五倍以下), ``percent`` (a share of ``base``, in
    per cent), ``none`` (no fine amount: a penalty of another type, e.g. 吊销许可证件).
    ``min``/``max`` are amounts in yuan, or factors for ``multiple``/``percent``.
    ``types`` are the penalty types of 行政处罚法 第九条 the clause provides (罚款, 警告, 没收违法所得, 没收非法财物,
    暂扣许可证件, 降低资质等级, 吊销许可证件, 限制开展生产经营活动, 责令停产停业, 责令关闭, 限制从业, 行政拘留).
    """

    types: Strings
    min: Decimal | None = None
    max: Decimal | None = None
    kind: PenaltyKind
    base: str | None = None  # e.g. 违法所得, 货值金额 (for multiple / percent)
    per: str | None = None  # 每辆机动车 (a fine per unit)
    targets: Strings  # 个人, 单位 (对个人处…，对单位处…)
    condition: str | None = None  # 情节严重 (the clause applies when …的)
    body: str | None = None  # 由县级以上人民政府农业农村主管部门处… (who imposes it, when the sentence says)
    paragraph: int | None = Field(default=None, ge=1)
    item: int | None = Field(default=None, ge=1)
    quote: str = Field(max_length=120)  # short quotation of the clause (a leading … when cut)

    @property
    def is_money(self) -> bool:
        return self.kind in ("fixed", "range", "max_only", "min_only")

    @model_validator(mode="after")
    def _check_range(self) -> PenaltyFact:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min}) is greater than max ({self.max})")
        return self


class Provision(_Strict):
    """A licence, fee, coercive measure or obligation an article provides (see the module docstring)."""

    kind: ProvisionKind
    name: str
    body: str | None = None
    """Who grants / collects / imposes it (县级以上地方人民政府渔业行政主管部门), when the article says."""
    body_via: Literal["licensor"] | None = None
    """``licensor``: the body is named in another sentence of the article (…准予许可)."""
    subject: str | None = None
    """Who must hold / pay / do it, when the sentence says (从事食品生产、食品销售、餐饮服务)."""
    verb: str | None = None  # 审批, 批准, 收取, 征收, 应当, 不得 …
    measures: Strings  # coercion: 查封, 扣押 …
    denied: bool = False
    """The article forbids or waives it (不得收取…费, 免收车辆通行费)."""
    rule: str
    paragraph: int | None = Field(default=None, ge=1)
    item: int | None = Field(default=None, ge=1)
    quote: str | None = Field(default=None, max_length=120)
    """The clause (≤ 120 characters); obligations have none: their ``name`` is the words of the law."""


class ArticleFact(_Strict):
    """Facts about one article (条): its penalties, what it refers to, and its other provisions."""

    penalties: list[PenaltyFact] = Field(default_factory=new_list)
    refers: list[int] = Field(default_factory=new_list)
    """Articles of the same instrument whose penalty this one applies (依照本法第九十条的规定予以处罚)."""
    other_law: bool = False
    """The article applies another law's penalty (依照《…》的规定给予处罚)."""
    provisions: list[Provision] = Field(default_factory=new_list)

    @property
    def empowers(self) -> list[str]:
        """What the article empowers: penalty, licence, coercion, fee (in that order)."""
        out = ["penalty"] if self.penalties or self.refers or self.other_law else []
        for kind in ("licence", "coercion", "fee"):
            if any(p.kind == kind and not p.denied for p in self.provisions):
                out.append(kind)
        return out


class TextFacts(_Strict):
    """The article facts of one version (the one whose text was imported)."""

    layout: dict[str, list[int]] = Field(default_factory=new_dict)
    """款 and 项: article key → number of 项 in each of its 款 (articles not listed: one 款, no 项)."""
    articles: dict[str, ArticleFact] = Field(default_factory=new_dict)

    def structure(self, article: int | str, suffix: int | None = None) -> list[int]:
        """Items per 款 of an article ([0]: one 款 without 项)."""
        return self.layout.get(key_of(article, suffix), [0])

    def fact(self, article: int | str, suffix: int | None = None) -> ArticleFact | None:
        return self.articles.get(key_of(article, suffix))

    def penalties_of(self, article: int | str, paragraph: int | None = None, item: int | None = None,
                     _seen: frozenset[str] = frozenset()) -> list[tuple[int, PenaltyFact]]:
        """(article, penalty) pairs an article provides, following ``refers`` (依照本法第九十条的规定处罚);
        restricted to a 款 / 项 when given (a 款 without its own penalty falls back to what it refers to)."""
        key = key_of(article)
        fact = self.articles.get(key)
        if fact is None or key in _seen:
            return []
        number = int(key.split("-")[0])
        own = [(number, p) for p in fact.penalties
               if (paragraph is None or p.paragraph in (None, paragraph)) and (item is None or p.item in (None, item))]
        if own:
            return own
        out: list[tuple[int, PenaltyFact]] = []
        for target in fact.refers:
            out.extend(self.penalties_of(target, _seen=_seen | {key}))
        return out

    def provides_penalty(self, article: int | str, suffix: int | None = None) -> bool:
        fact = self.fact(article, suffix)
        return fact is not None and "penalty" in fact.empowers

    def any_penalty(self) -> bool:
        return any("penalty" in f.empowers for f in self.articles.values())

    def provisions(self, kind: str | None = None) -> list[tuple[str, Provision]]:
        """(article key, provision) pairs, of one kind when given."""
        return [(key, p) for key, fact in self.articles.items() for p in fact.provisions
                if kind is None or p.kind == kind]
