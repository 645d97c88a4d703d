"""What a review produces: findings, each located, explained and cited, and the verdict.

These models are the JSON contract of ``review-engine review --format json`` (see ../design.md): change them
only by adding optional fields. The engine makes its own findings with ``trusted`` (values it computed itself,
of the declared types): their validators are built when one is first validated or dumped, not at import, and a
one-draft check that prints text builds none.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from .empty import new_dict, new_list
from .model import _trusted

Severity = Literal["block", "modify", "warn", "info"]
SEVERITY_ORDER = {"info": 0, "warn": 1, "modify": 2, "block": 3}
SEVERITY_ZH = {"block": "不合法", "modify": "应当修改", "warn": "提示（需人工判断）", "info": "提示"}
Verdict = Literal["合法", "应当予以修改", "不合法"]
STATUS_REVIEWED = "已审核"
STATUS_UNREVIEWABLE = "无法审核"

# The seven review items of 国办发〔2018〕115号 (六), plus the drafting form, in the opinion's order.
REVIEW_ITEMS = {
    "subject": "制定主体是否合法",
    "authority": "是否超越制定机关法定职权",
    "content": "内容是否符合宪法、法律、法规、规章和国家政策规定",
    "measures": "是否违法设立行政许可、行政处罚、行政强制、行政征收、行政收费等事项",
    "rights": "是否没有法律、法规依据减损公民、法人和其他组织合法权益或者增加其义务",
    "powers": "是否没有法律、法规依据增加本单位权力或者减少本单位法定职责",
    "procedure": "是否违反规范性文件制定程序",
    "drafting": "文本规范（名称、结构、引用、施行日期和有效期）",
}
ReviewItem = Literal["subject", "authority", "content", "measures", "rights", "powers", "procedure", "drafting"]


class _Contract(BaseModel):
    model_config = ConfigDict(defer_build=True)

    @classmethod
    def trusted(cls, **values):
        """What ``cls(**values)`` gives for values of the declared types (the engine's own): the same fields,
        defaults and fields-set, without validation (nor building the validator)."""
        plan = _PLANS.get(cls)
        if plan is None:
            plan = _PLANS[cls] = [(name, info.default_factory, info.default) for name, info in cls.model_fields.items()]
        data = {}
        for name, factory, default in plan:
            if name in values:
                data[name] = values[name]
            else:
                data[name] = factory() if factory is not None else default
        return _trusted(cls, data, fields_set=set(values))  # assembled as the parser assembles its nodes

    def plain(self) -> dict:
        """``model_dump(mode="json")`` of the engine's own values, without building pydantic's serializer: the
        fields in order but those excluded, nested contracts and lists of them as their own ``plain``, dates as
        ISO text. A run that writes JSON otherwise built the serializers of the whole contract (and loaded
        pydantic's plugin machinery) for a few milliseconds of dumping; ``tests/test_resources`` holds it equal to
        ``model_dump`` on reviews of the corpus."""
        fields = _DUMPED.get(type(self))
        if fields is None:
            fields = _DUMPED[type(self)] = [name for name, info in type(self).model_fields.items() if not info.exclude]
        values = self.__dict__
        return {name: _plain(values[name]) for name in fields}


_PLANS: dict[type, list] = {}
_DUMPED: dict[type, list[str]] = {}


def _plain(value):
    if value is None or value.__class__ in (str, int, bool, float):
        return value
    if isinstance(value, _Contract):
        return value.plain()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, str):  # a subclass (a parser token)
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not a value of the JSON contract: {type(value).__name__}")


class Basis(_Contract):
    """A provision a finding relies on: the law's full title, the article (款/项 where useful) and a quote."""

    law: str = Field(min_length=1)
    article: int | None = None
    paragraph: int | None = None
    item: int | None = None
    quote: str = ""

    def cite(self) -> str:
        """《中华人民共和国行政处罚法》第十六条 (with 款/项 when given)."""
        from .numerals import provision

        return f"《{self.law}》{provision(self.article, self.paragraph, self.item)}"


class Location(_Contract):
    file: str | None = None
    eid: str | None = None
    label: str = ""
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None


class Finding(_Contract):
    rule_id: str
    severity: Severity
    title: str = ""
    message: str
    suggestion: str = ""
    location: Location = Field(default_factory=Location)
    excerpt: str = ""
    basis: list[Basis] = Field(default_factory=new_list)
    waived: bool = False
    waiver_reason: str | None = None
    family: str = ""
    review_item: ReviewItem = "content"
    trigger: str | None = None
    """For findings that depend on the text (a hearing made necessary by a price clause): the sentence."""
    reading: str | None = None
    """For content findings: how the sentence was read (creates / restates …, the issuer) — why it is a finding."""
    outcome: str = Field(default="default", exclude=True)
    """Which of the check kind's outcomes this is (selects the message; not part of the JSON contract)."""

    def sort_key(self):
        """By file, then line and column (findings of the draft, its record and its materials apart)."""
        loc = self.location
        return (loc.file or "", loc.line or 0, loc.column or 0, -SEVERITY_ORDER[self.severity], self.rule_id)


class NotRun(_Contract):
    """A check that could not be carried out, and why (missing record, unknown law, no calendar…)."""

    rule_id: str
    reason: str


class ReadError(_Contract):
    code: str = "PARSE-READ"
    file: str | None = None
    line: int | None = None
    column: int | None = None
    message: str


def unreadable(draft, file, message: str, code: str | None = None) -> Review:
    """The review of a draft that could not be read or reviewed: no verdict, the reason as its one error (``file``:
    where; ``code``: PARSE-READ unless given). Made as the engine makes its findings (``trusted``): a stock with one
    unreadable file otherwise built the validators of the whole contract for it."""
    error = {"code": code} if code is not None else {}
    error |= {"file": None if file is None else str(file), "message": message}
    return Review.trusted(draft=str(draft), errors=[ReadError.trusted(**error)])


def verdict_of(findings: list[Finding]) -> Verdict:
    """Any block → 不合法; else any modify → 应当予以修改; else 合法 (waived findings do not count, nor findings
    about the waivers themselves: they concern the reviewer's record, not the draft)."""
    live = {f.severity for f in findings if not f.waived and f.family != "waiver"}
    if "block" in live:
        return "不合法"
    if "modify" in live:
        return "应当予以修改"
    return "合法"


def at_or_above(findings: list[Finding], level: Severity) -> list[Finding]:
    return [f for f in findings if not f.waived and SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[level]]


class RuleRun(NamedTuple):
    """A rule that applied to a draft (its type and stage): how many live findings it gave, or why it did not run.

    A plain record (not part of the JSON contract): one per rule and draft, made for every review (a tuple: made
    three times faster than a frozen dataclass, whose fields are each set through ``object.__setattr__``)."""

    id: str
    title: str
    item: str
    severity: str
    found: int = 0
    not_run: bool = False
    reason: str = ""


class Review(_Contract):
    """The review of one draft, and what the engine decided on the way (type, issuer, rules run, laws cited)."""

    draft: str
    title: str = ""
    verdict: Verdict | None = None
    """None when the draft could not be reviewed (unreadable, no draft, an error while reviewing): never 合法
    by default. The engine sets it from the findings of a review that ran."""
    findings: list[Finding] = Field(default_factory=new_list)
    errors: list[ReadError] = Field(default_factory=new_list)
    not_run: list[NotRun] = Field(default_factory=new_list)
    stage: str = "pre-issuance"
    profile: str = "national"
    reviewed_on: dt.date | None = None
    files: dict[str, str] = Field(default_factory=new_dict)
    """What the draft folder holds: {"draft": "draft.md", "dossier": "dossier.yaml", "起草说明": "起草说明.docx"}."""
    doc_type: str | None = None
    """The document type the rules were run for (from the caller, the record, or the text)."""
    doc_type_source: str | None = Field(default=None, exclude=True)
    issuer: str | None = Field(default=None, exclude=True)
    """The issuer as the record names it, else as the 落款 reads."""
    checks: list = Field(default_factory=new_list, exclude=True)  # of RuleRun
    """Every rule that applied, in id order."""
    cited: list[str] = Field(default_factory=new_list, exclude=True)
    """Full titles of the laws and regulations the draft cites that the law registry knows."""
    registry_date: dt.date | None = Field(default=None, exclude=True)
    """The snapshot date of the law texts the registry of higher law was imported from (2025-04-19): the date the
    opinion names as the state of the higher law it checked against (later changes are only known as far as
    they were entered by hand)."""
    issuer_reading: object | None = Field(default=None, exclude=True)
    """How the issuer was read (``facts.issuer.IssuerReading``), for the opinion to say what it assumed."""
    audit: dict | None = Field(default=None, exclude=True)
    """For the audit of an issued document (``review-engine audit``): its 文号 and dates as read, and the proposed
    disposition with its reasons (``audit.disposition``); in the JSON object as ``audit``."""
    document: object | None = Field(default=None, exclude=True)
    record: object | None = Field(default=None, exclude=True)
    rules: object | None = Field(default=None, exclude=True)
    """The rule set (for reports that describe the rules, e.g. SARIF's rule metadata)."""

    @property
    def dossier(self):
        """The record's dossier (None without a usable one)."""
        return getattr(self.record, "dossier", None)

    @property
    def status(self) -> str:
        """已审核 (a verdict was reached) or 无法审核 (the draft could not be reviewed; ``verdict`` is None)."""
        return STATUS_REVIEWED if self.verdict is not None else STATUS_UNREVIEWABLE

    def counts(self) -> dict[str, int]:
        out = {level: 0 for level in ("block", "modify", "warn", "info")}
        for finding in self.findings:
            if not finding.waived:
                out[finding.severity] += 1
        return out

    def contract(self) -> dict:
        """The JSON object of the output contract (with ``audit`` for the audit of an issued document)."""
        extra = {"audit": self.audit} if self.audit is not None else {}
        return {"draft": self.draft, "title": self.title, "verdict": self.verdict,
                "findings": [f.plain() for f in self.findings], "errors": [e.plain() for e in self.errors]} | extra | {
            "status": self.status,
            "not_run": [n.plain() for n in self.not_run],
            "stage": self.stage,
            "profile": self.profile,
            "reviewed_on": self.reviewed_on.isoformat() if self.reviewed_on else None,
        }
