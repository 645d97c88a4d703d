"""The dossier: the procedural record (程序记录) of a draft, as ``dossier.yaml`` (or a draft's front matter) writes it.

Plain pydantic models; ``yamlsource`` reads the file and locates every error (``record.parse_dossier``). The shape
is the **contract** of the design sketch (``design.md``, "dossier.yaml (contract)"); the extra optional fields
taken from ``legal-review-spec.md`` §4 and §9 are marked *(spec)* below.

* **Missing record.** No file (and no front matter) means no ``Dossier`` at all: rules see ``dossier is None``
  for "no record" and must report "record missing", never pass silently. Inside a dossier every field is
  optional: a section that is absent is ``None`` (not recorded), a list that is absent is empty, and
  ``flags`` is always a ``Flags`` object whose unknown flags are ``None`` (use ``Dossier.flag(name)``).
* **Strict types.** Models forbid unknown fields and do not coerce: ``market_related: "是"`` is an error, not
  ``True``; ``comments: "12"`` is an error. Dates must be real calendar dates: an unquoted YAML ``2026-03-01``
  or the quoted string ``"2026-03-01"`` (exactly ``YYYY-MM-DD``) are accepted; ``2026-02-30``, ``"明天"``,
  ``20260301`` and date-times are errors. ``issuer.type: 办公室`` is normalised to ``办公厅`` (spec §9 "办公厅(室)").
"""

from __future__ import annotations

import re
import typing
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..empty import Strings, new_list
from ..yamlsource import IsoDate
from ..yamlsource import short as _short

__all__ = [
    "FLAG_NAMES",
    "ISSUER_TYPES",
    "CollectiveDeliberation",
    "Consultation",
    "Dossier",
    "DraftingUnitReview",
    "ExpertReview",
    "FairCompetitionReview",
    "Filing",
    "Flags",
    "Hearing",
    "IsoDate",
    "Issuer",
    "LegalityReview",
    "PartyReport",
    "Publication",
    "RiskAssessment",
    "Stage",
    "Waiver",
]

# --------------------------------------------------------------------------------------------
# Value types
# --------------------------------------------------------------------------------------------

def _non_empty(value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise PydanticCustomError("empty", "不能为空")
    return value.strip() if isinstance(value, str) else value


NonEmptyStr = Annotated[str, BeforeValidator(_non_empty)]

IssuerType = Literal[
    "人民政府",
    "办公厅",
    "工作部门",
    "直属机构",
    "派出机关",
    "乡镇政府",
    "街道办事处",
    "授权组织",
    "受委托组织",
    "内设机构",
    "议事协调机构",
    "临时机构",
    "派出机构",
    "其他",
]
ISSUER_TYPES: tuple[str, ...] = typing.get_args(IssuerType)

Stage = Literal["pre-issuance", "filing-review"]

LegalityConclusion = Literal["合法", "不合法", "应当予以修改", "修改后合法"]

_RULE_ID = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*")
_EID = re.compile(r"[a-z][a-z0-9]*(?:_\d+)?(?:__[a-z][a-z0-9]*(?:_\d+)?)*")


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)


# --------------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------------


class Issuer(_Section):
    """制定机关. ``level``: 国务院部门 | 省 | 设区的市 | 县 | 乡 (free text, spec §9)."""

    name: str | None = None
    type: IssuerType | None = None
    level: str | None = None

    @field_validator("type", mode="before")
    @classmethod
    def _office(cls, value: Any) -> Any:
        return "办公厅" if value == "办公室" else value


def _issuer_from_name(value: Any) -> Any:
    return {"name": value} if isinstance(value, str) else value


class Flags(_Section):
    """Facts about the draft that decide which procedures apply; ``None`` = not stated."""

    involves_rights_obligations: bool | None = None
    market_related: bool | None = None
    major_decision: bool | None = None
    price_setting: bool | None = None
    technical: bool | None = None
    stability_risk: bool | None = None
    emergency: bool | None = None
    secret: bool | None = None
    in_price_hearing_catalogue: bool | None = None
    """*(spec §4.2)* the priced item is in the 定价听证目录."""
    direct_interests: bool | None = None
    """*(spec §4.2)* the matter directly concerns the vital interests of citizens/organisations."""
    major_disagreement: bool | None = None
    """*(spec §4.2)* there is major disagreement on the matter (R-JC 第16条)."""


FLAG_NAMES: tuple[str, ...] = tuple(Flags.model_fields)


class Consultation(_Section):
    """公开征求意见."""

    start: IsoDate | None = None
    end: IsoDate | None = None
    channels: Strings
    comments: int | None = Field(default=None, ge=0)
    """Number of comments received."""
    adopted: int | None = Field(default=None, ge=0)
    """Number of comments adopted (采纳)."""
    days: int | None = Field(default=None, ge=1)
    """The length of the consultation as stated (为期30日), when its end date is not."""
    feedback_published: bool | None = None
    shortening_reason: str | None = None
    materials: Strings
    """*(spec §4.1)* published materials, e.g. [草案, 起草说明]."""


class Hearing(_Section):
    """听证."""

    held: bool | None = None
    date: IsoDate | None = None
    notice_date: IsoDate | None = None
    materials_sent: IsoDate | None = None
    """Date the materials were sent to the participants (R-JC 第16条: 7 days before)."""


def _count_of_list(value: Any) -> Any:
    """A list of opinions (spec §9 ``opinions[]``) counts as their number."""
    return len(value) if isinstance(value, list) else value


class ExpertReview(_Section):
    """专家论证."""

    done: bool | None = None
    date: IsoDate | None = None
    opinions: Annotated[int | None, BeforeValidator(_count_of_list)] = Field(default=None, ge=0)
    """*(spec §4.3)* number of written expert opinions; or *(spec §9)* the list of them (``opinions[]``), counted."""
    signed: bool | None = None
    """*(spec §4.3)* the written opinions are signed/sealed."""
    conflict_of_interest: bool | None = None
    """*(spec §4.3)* an expert has a direct interest in the matter."""
    conflict_flags: list[str] = Field(default_factory=new_list)
    """*(spec §9)* the experts' interests flagged (``conflict_flags[]``): any one sets ``conflict_of_interest`` when the
    record does not say it."""

    @model_validator(mode="after")
    def _flagged(self) -> ExpertReview:
        if self.conflict_of_interest is None and self.conflict_flags:
            self.conflict_of_interest = True
        return self


class RiskAssessment(_Section):
    """风险评估."""

    done: bool | None = None
    date: IsoDate | None = None
    report: str | None = None
    """Title or reference of the risk-assessment report."""


class FairCompetitionReview(_Section):
    """公平竞争审查."""

    done: bool | None = None
    date: IsoDate | None = None
    conclusion: str | None = None
    joint_with_market_regulator: bool | None = None
    exception: str | None = None
    """The 第12条 exception relied on, with its reason (``None`` = no exception)."""


class DraftingUnitReview(_Section):
    """The drafting unit's own legality review (本单位的合法性审核意见, 115号（五）): its 法制机构's review."""

    done: bool | None = None
    date: IsoDate | None = None


class PartyReport(_Section):
    """请示报告: a major decision reported to the Party committee of the same level before it is issued (重大行政决策
    程序暂行条例第31条)."""

    done: bool | None = None
    date: IsoDate | None = None


class LegalityReview(_Section):
    """合法性审核."""

    received: IsoDate | None = None
    opinion_date: IsoDate | None = None
    conclusion: LegalityConclusion | None = None
    reviewer: str | None = None
    """*(spec §1.4)* the reviewing body."""
    findings_adopted: bool | None = None
    """*(spec §4.6)* the drafting unit adopted all review findings."""
    non_adoption_reasons: str | None = None
    """*(spec §4.6)* reasons and basis given for findings not adopted."""


class CollectiveDeliberation(_Section):
    """集体审议: ``meeting`` is 常务会议 | 全体会议 | 部务会议 | 局务会议 | 办公会议 …"""

    meeting: str | None = None
    date: IsoDate | None = None


class Publication(_Section):
    """公开发布."""

    date: IsoDate | None = None
    channels: Strings


class Filing(_Section):
    """备案."""

    date: IsoDate | None = None
    to: str | None = None


class Waiver(_Section):
    """A reviewer's decision not to apply ``rule`` (at eId ``at``, or to the whole document)."""

    rule: NonEmptyStr
    at: str | None = None
    reason: NonEmptyStr

    @field_validator("rule")
    @classmethod
    def _rule_id(cls, value: str) -> str:
        if not _RULE_ID.fullmatch(value):
            raise PydanticCustomError(
                "rule_id", "不是有效的规则编号 (“{value}”，例如 CONT-PEN-01)", {"value": _short(value)}
            )
        return value

    @field_validator("at", mode="before")
    @classmethod
    def _eid(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip()
            if not _EID.fullmatch(value):
                raise PydanticCustomError(
                    "eid", "不是有效的位置标识 eId (“{value}”，例如 art_12__para_1)", {"value": _short(value)}
                )
        return value

    def covers(self, rule: str, eid: str | None = None) -> bool:
        """Whether this waiver applies to a finding of ``rule`` at ``eid`` (or its descendants)."""
        if rule != self.rule:
            return False
        if self.at is None:
            return True
        return eid is not None and (eid == self.at or eid.startswith(self.at + "__"))


class Dossier(_Section):
    """The procedural record of one draft (all fields optional; see the module docstring)."""

    doc_type: str | None = None
    """规范性文件 | 地方政府规章 | 部门规章 | …"""
    stage: Stage | None = None
    """The review stage when the reviewer does not give one (``--stage``)."""
    issuer: Issuer | None = None
    drafting_unit: str | None = None
    """起草单位, the unit that drafted the document and signs its 起草说明."""
    basis: Strings
    """制定依据: the titles of the laws, regulations and policies the document is made under (without 《》)."""
    joint_issuers: list[Annotated[Issuer, BeforeValidator(_issuer_from_name)]] = Field(default_factory=new_list)
    """Co-issuers; a plain string item is taken as the issuer's name."""
    flags: Flags = Field(default_factory=Flags)
    consultation: Consultation | None = None
    hearing: Hearing | None = None
    expert_review: ExpertReview | None = None
    risk_assessment: RiskAssessment | None = None
    fair_competition_review: FairCompetitionReview | None = None
    drafting_unit_legality_review: DraftingUnitReview | None = None
    legality_review: LegalityReview | None = None
    party_report: PartyReport | None = None
    collective_deliberation: CollectiveDeliberation | None = None
    publication: Publication | None = None
    effective_date: IsoDate | None = None
    filing: Filing | None = None
    registration_no: str | None = None
    waivers: list[Waiver] = Field(default_factory=new_list)

    @field_validator("flags", mode="before")
    @classmethod
    def _null_flags(cls, value: Any) -> Any:
        return {} if value is None else value

    def flag(self, name: str) -> bool | None:
        """The value of flag ``name`` (``None`` when not stated); unknown names raise ``KeyError``."""
        if name not in FLAG_NAMES:
            raise KeyError(f"unknown dossier flag {name!r}; known: {', '.join(FLAG_NAMES)}")
        return getattr(self.flags, name)

    def waiver_for(self, rule: str, eid: str | None = None) -> Waiver | None:
        """The first waiver covering ``rule`` at ``eid`` (a whole-document waiver covers every eId)."""
        return next((w for w in self.waivers if w.covers(rule, eid)), None)
