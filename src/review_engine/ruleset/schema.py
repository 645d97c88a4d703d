"""The rule file: what a rule says, validated.

A rule is a YAML mapping (one per file under ``rules/<family>/``):

    id: CONT-PEN-01                  # stable check id (legal-review-spec.md §10); never reused
    title: 规范性文件不得设定行政处罚
    severity: block                  # block | modify | warn | info
    check: pattern                   # the check kind (src/review_engine/kinds/)
    scope: text                      # title | preamble | article | paragraph | point | outline | … (facts/text.py)
    applies_to: {doc_types: [规范性文件], stages: [pre-issuance, filing-review]}
    when: 'doc.type != "地方性法规"' # a condition (conditions.py): the rule runs only if true
    unless: 'matches(match.sentence, "依照《")'   # per finding: dropped if true
    basis: [{law: 中华人民共和国行政处罚法, article: 16, quote: "除法律、法规、规章外，其他规范性文件不得设定行政处罚。"}]
    message: "{label}设定了罚款（“{match}”）"  # or {outcome: template} for kinds with several outcomes
    suggestion: "删除，或改为援引上位法的条款"
    examples: {fail: [...], pass: [...]}  # checked when the rule set loads
    patterns: [...]                  # the kind's own parameters, at top level

Any other top-level key must be a parameter of the kind; an unknown one is an error naming file and line.
"""

from __future__ import annotations

import re
import string
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..empty import Strings, new_list
from ..facts.text import SCOPES
from ..kinds.measure import MeasureKind
from ..findings import Basis, ReviewItem, Severity

RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-\d{2}$")
COMMON_FIELDS = frozenset({"match", "label", "article", "sentence", "title", "doc_type", "eid"})
STAGES = ("pre-issuance", "filing-review")

# Review item (国办发〔2018〕115号 (六)) by id prefix, when a rule does not say.
ITEM_BY_PREFIX = [
    ("SUBJ-", "subject"), ("CONT-LIC-", "measures"), ("CONT-PEN-", "measures"), ("CONT-COE-", "measures"),
    ("CONT-FEE-", "measures"), ("CONT-RIGHT-", "rights"), ("CONT-POW-", "powers"), ("CONT-", "content"),
    ("PROC-", "procedure"), ("TIME-RETRO-", "rights"), ("TIME-", "drafting"), ("DRAFT-", "drafting"),
    ("CITE-", "content"), ("PARSE-", "drafting"),
]


class AppliesTo(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    doc_types: list[str] | None = None
    """Document types the rule applies to (None: all). 规范性文件, 地方政府规章, 部门规章, 地方性法规, 法规."""
    stages: list[Literal["pre-issuance", "filing-review"]] | None = None


class Expect(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    count: int | None = None
    match: str | None = None
    """The finding's excerpt must contain this text."""
    label: str | None = None
    outcome: str | None = None


class Example(BaseModel):
    """A piece of draft the rule must flag (fail) or leave alone (pass).

    A plain string is the text of an article (``第一条`` is added when it has no label) or, for a rule
    whose scope is only the title, the title. A mapping can give a whole draft and its context.
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)

    text: str = ""
    title: str | None = None
    doc_type: str | None = None
    stage: Literal["pre-issuance", "filing-review"] | None = None
    dossier: dict[str, Any] | None = None
    materials: dict[str, str] | None = None
    """The materials beside the draft, {file name: text} (起草说明.md: …), read as a review reads them."""
    profile: dict[str, Any] | None = None
    review_date: str | None = None
    expect: Expect | None = None
    note: str | None = None


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    fail: list[str | Example] = Field(default_factory=new_list)
    pass_: list[str | Example] = Field(default_factory=new_list, alias="pass")


class Rule(BaseModel):
    """A rule as written in YAML. Kind parameters are the extra keys (validated by the kind's Params)."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, defer_build=True)

    id: str
    title: str
    severity: Severity
    check: str
    scope: list[str] | None = None
    applies_to: AppliesTo = Field(default_factory=AppliesTo)
    when: str | None = None
    unless: str | None = None
    basis: list[Basis] = Field(min_length=1)
    """The provisions the rule applies, each quoted: at least one (a finding must say why)."""
    message: str | dict[str, str]
    suggestion: str | dict[str, str] = ""
    examples: Examples = Field(default_factory=Examples)
    aliases: Strings
    docs: str = ""
    family: str | None = None
    review_item: ReviewItem | None = None
    enabled: bool = True
    restatable: bool = True
    """False for a measure no higher law gives an administrative body (a utility cut-off, a local-registration
    requirement): a vague basis (依法) or a look-alike provision then does not soften the finding."""
    creates: MeasureKind | None = None
    """For content rules: the kind of measure whose creation the rule flags (licence, penalty …); each hit then
    passes the trust gate (``kinds/measure.py``: what the sentence does with it, who issues the document, the basis
    it names)."""

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not RULE_ID.match(value):
            raise ValueError(f"规则编号应形如 CONT-PEN-01：{value}")
        return value

    @field_validator("basis")
    @classmethod
    def _quoted(cls, value: list[Basis]) -> list[Basis]:
        bare = [b.law for b in value if not b.quote.strip()]
        if bare:
            raise ValueError(f"依据须引用条文原文（quote）：{'、'.join(bare)}")
        return value

    @field_validator("scope", mode="before")
    @classmethod
    def _scope(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [value]
        for name in value or []:
            if name not in SCOPES:
                raise ValueError(f"未知范围 {name}（可用：{', '.join(SCOPES)}）")
        return value

    @property
    def params(self) -> dict[str, Any]:
        return dict(self.model_extra or {})

    @property
    def item(self) -> str:
        if self.review_item:
            return self.review_item
        return next((item for prefix, item in ITEM_BY_PREFIX if self.id.startswith(prefix)), "content")

    @property
    def item_source(self) -> str:
        """Where the review item comes from: ``review_item``, the id ``prefix``, or ``default`` (content) — the
        last one is said by ``rules test`` and ``rules list``, never decided silently."""
        if self.review_item:
            return "review_item"
        return "prefix" if any(self.id.startswith(prefix) for prefix, _ in ITEM_BY_PREFIX) else "default"

    def template(self, which: str, outcome: str) -> str:
        value = self.message if which == "message" else self.suggestion
        if isinstance(value, dict):
            return value.get(outcome) or value.get("default") or next(iter(value.values()), "")
        return value


def template_fields(template: str) -> set[str]:
    """The ``{field}`` names a message template uses (``{{`` escapes a brace).

    Only plain fields are allowed: a format spec or a conversion (``{match:>300000000}``, ``{match!r}``) is
    refused — a template comes from a rule pack, and a spec can ask ``str.format`` for gigabytes of padding.
    Raise ``ValueError`` (a Chinese message quoting the field) otherwise."""
    names = set()
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise ValueError(f"模板中的花括号不成对（字面的花括号写作 {{{{ 和 }}}}）：{exc}") from None
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if spec or conversion:
            shown = f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
            raise ValueError(f"模板字段只能写作 {{{name or '名称'}}}，不能带格式说明或转换：{shown[:60]}")
        if not re.fullmatch(r"[a-z_]+", name):
            raise ValueError(f"模板字段只能是简单名称：{{{name[:40]}}}")
        names.add(name)
    return names


class Fields(dict):
    """Template values; a field the finding lacks renders as empty rather than failing the review."""

    def __missing__(self, key: str) -> str:
        return ""


def render(template: str, values: dict[str, Any]) -> str:
    return template.format_map(Fields(values))
