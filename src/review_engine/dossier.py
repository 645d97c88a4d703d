"""The dossier: the procedural record (程序记录) of a draft, read from ``dossier.yaml`` or front matter.

A draft folder may hold a ``dossier.yaml`` describing what happened before issuance: public
consultation, hearing, expert review, risk assessment, fair-competition review, legality review,
collective deliberation, publication, filing, and the waivers a reviewer granted. The shape is the
**contract** of the design sketch (``design.md``, "dossier.yaml (contract)"); the extra optional fields taken from
``legal-review-spec.md`` §4 and §9 are marked *(spec)* below.

Behaviour
---------
* **Missing record.** ``load_dossier`` returns ``None`` when the file does not exist (and
  ``parse_front_matter`` returns ``None`` when a draft has no front matter). Rules therefore see
  ``dossier is None`` for "no record at all" and must report "record missing", never pass silently.
  Inside a dossier every field is optional: a section that is absent is ``None`` (not recorded), a
  list that is absent is empty, and ``flags`` is always a ``Flags`` object whose unknown flags are
  ``None`` (use ``Dossier.flag(name)``).
* **Strict types.** Models forbid unknown fields and do not coerce: ``market_related: "是"`` is an error,
  not ``True``; ``comments: "12"`` is an error. Dates must be real calendar dates: an unquoted YAML
  ``2026-03-01`` (loaded as ``datetime.date``) or the quoted string ``"2026-03-01"`` (exactly
  ``YYYY-MM-DD``) are accepted; ``2026-02-30``, ``"明天"``, ``20260301`` and date-times are errors.
  ``issuer.type: 办公室`` is normalised to ``办公厅`` (spec §9 "办公厅(室)").
* **Safe YAML.** The data is loaded with ``yaml.safe_load`` only. The text is first composed with
  ``yaml.compose(..., Loader=yaml.SafeLoader)`` to keep the node tree with its marks; a pre-pass over
  that tree reports duplicate keys, non-text keys, unsupported tags and unconstructible scalars, and
  turns impossible timestamps such as ``2026-02-30`` (on which PyYAML itself would raise
  ``ValueError``) into strings, so that validation reports them against their field.
* **Errors point at the place.** Every problem becomes a ``DossierError`` naming the file, the 1-based
  line and column, the field path (``consultation.start``, ``waivers[0].reason``) and a message in
  Chinese; all problems of one file are raised together in one exception (``DossierError.errors``).
  Unknown fields point at the key, wrong values at the value, missing fields at the mapping that
  lacks them. YAML syntax errors are wrapped with their line and column.
* **Front matter.** A draft text whose first line is ``---`` carries its dossier as YAML up to the next
  ``---`` (or ``...``) line. ``split_front_matter`` cuts it off and says how many lines it consumed;
  ``parse_front_matter`` parses it so that error lines are lines of the draft file. Without a closing
  line the text is not front matter. When both a ``dossier.yaml`` and front matter exist, which one
  wins is the caller's choice (this module does not merge them).
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)
from pydantic_core import PydanticCustomError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .yamlsource import PathItem, format_path, locate_node

__all__ = [
    "FLAG_NAMES",
    "ISSUER_TYPES",
    "CollectiveDeliberation",
    "Consultation",
    "Dossier",
    "DossierError",
    "ExpertReview",
    "FairCompetitionReview",
    "Filing",
    "Flags",
    "Hearing",
    "Issuer",
    "LegalityReview",
    "Publication",
    "RiskAssessment",
    "Waiver",
    "load_dossier",
    "parse_dossier",
    "parse_front_matter",
    "split_front_matter",
]

DOSSIER_FILENAMES = ("dossier.yaml", "dossier.yml")

# --------------------------------------------------------------------------------------------
# Value types
# --------------------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _to_date(value: Any) -> Any:
    """Accept a ``date`` or an exact ``YYYY-MM-DD`` string naming a real day; reject the rest."""
    if isinstance(value, datetime):
        raise PydanticCustomError(
            "date_has_time", "应为日期，不能带时刻 ({value})", {"value": value.isoformat(sep=" ")}
        )
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if _ISO_DATE.fullmatch(text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                pass
        raise PydanticCustomError(
            "date_invalid", "不是有效日期 (“{value}”，应为 YYYY-MM-DD)", {"value": _short(value)}
        )
    if value is None:
        return value
    raise PydanticCustomError(
        "date_invalid", "不是有效日期 ({value}，应为 YYYY-MM-DD)", {"value": _short(value)}
    )


def _non_empty(value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise PydanticCustomError("empty", "不能为空")
    return value.strip() if isinstance(value, str) else value


IsoDate = Annotated[date, BeforeValidator(_to_date)]
"""A real calendar date given as YAML date or as an exact ``YYYY-MM-DD`` string."""

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
    model_config = ConfigDict(extra="forbid", strict=True)


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
    channels: list[str] = Field(default_factory=list)
    comments: int | None = Field(default=None, ge=0)
    """Number of comments received."""
    feedback_published: bool | None = None
    shortening_reason: str | None = None
    materials: list[str] = Field(default_factory=list)
    """*(spec §4.1)* published materials, e.g. [草案, 起草说明]."""


class Hearing(_Section):
    """听证."""

    held: bool | None = None
    date: IsoDate | None = None
    notice_date: IsoDate | None = None
    materials_sent: IsoDate | None = None
    """Date the materials were sent to the participants (R-JC 第16条: 7 days before)."""


class ExpertReview(_Section):
    """专家论证."""

    done: bool | None = None
    date: IsoDate | None = None
    opinions: int | None = Field(default=None, ge=0)
    """*(spec §4.3)* number of written expert opinions."""
    signed: bool | None = None
    """*(spec §4.3)* the written opinions are signed/sealed."""
    conflict_of_interest: bool | None = None
    """*(spec §4.3)* an expert has a direct interest in the matter."""


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
    channels: list[str] = Field(default_factory=list)


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
    issuer: Issuer | None = None
    joint_issuers: list[Annotated[Issuer, BeforeValidator(_issuer_from_name)]] = Field(default_factory=list)
    """Co-issuers; a plain string item is taken as the issuer's name."""
    flags: Flags = Field(default_factory=Flags)
    consultation: Consultation | None = None
    hearing: Hearing | None = None
    expert_review: ExpertReview | None = None
    risk_assessment: RiskAssessment | None = None
    fair_competition_review: FairCompetitionReview | None = None
    legality_review: LegalityReview | None = None
    collective_deliberation: CollectiveDeliberation | None = None
    publication: Publication | None = None
    effective_date: IsoDate | None = None
    filing: Filing | None = None
    registration_no: str | None = None
    waivers: list[Waiver] = Field(default_factory=list)

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


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


class DossierError(Exception):
    """A dossier that cannot be read or does not match the contract.

    ``file``, ``line``, ``column`` (1-based; ``None`` when unknown), ``field_path`` (e.g.
    ``consultation.start``; empty for the whole document) and ``message`` (Chinese) describe the first
    problem; ``errors`` lists every problem found in the file (each a ``DossierError``; the first is
    the one described by the attributes).
    """

    def __init__(
        self,
        file: str | None,
        line: int | None,
        column: int | None,
        field_path: str,
        message: str,
        *,
        errors: Sequence[DossierError] | None = None,
    ) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.field_path = field_path
        self.message = message
        self.errors: list[DossierError] = list(errors) if errors else [self]
        super().__init__("\n".join(e.one_line() for e in self.errors))

    @classmethod
    def collect(cls, errors: Sequence[DossierError]) -> DossierError:
        """One exception carrying all ``errors`` (sorted by line)."""
        ordered = sorted(errors, key=lambda e: (e.line or 0, e.column or 0))
        first = ordered[0]
        return cls(first.file, first.line, first.column, first.field_path, first.message, errors=ordered)

    def one_line(self) -> str:
        """``dossier.yaml:12:10: consultation.start: 不是有效日期 (…)`` (for the first problem)."""
        where = ":".join(str(x) for x in (self.file, self.line, self.column) if x is not None)
        parts = [p for p in (where, self.field_path, self.message) if p]
        return ": ".join(parts)

    def lines(self) -> list[str]:
        """One line per problem."""
        return [e.one_line() for e in self.errors]

    def __reduce__(self):  # keep pickling (e.g. multiprocessing) working with keyword arguments
        return (_rebuild_error, (self.file, self.line, self.column, self.field_path, self.message, self.errors[1:]))


def _rebuild_error(file, line, column, field_path, message, rest) -> DossierError:
    first = DossierError(file, line, column, field_path, message)
    return DossierError(file, line, column, field_path, message, errors=[first, *rest]) if rest else first


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------

_TAG = "tag:yaml.org,2002:"
_STR, _TIMESTAMP = _TAG + "str", _TAG + "timestamp"
_MAP_TAGS = {_TAG + "map", _TAG + "set"}
_SEQ_TAGS = {_TAG + "seq", _TAG + "omap", _TAG + "pairs"}
_SCALAR_TAGS = {t for t in yaml.constructor.SafeConstructor.yaml_constructors if t} - _MAP_TAGS - _SEQ_TAGS
_MERGE = _TAG + "merge"

class _Ctx:
    def __init__(self, file: str, line_offset: int) -> None:
        self.file = file
        self.line_offset = line_offset
        self.errors: list[DossierError] = []

    def add(self, mark: yaml.Mark | None, path: Sequence[PathItem], message: str) -> None:
        line = column = None
        if mark is not None:
            line, column = mark.line + 1 + self.line_offset, mark.column + 1
        self.errors.append(DossierError(self.file, line, column, format_path(path), message))


def load_dossier(path: Path | str) -> Dossier | None:
    """Read a ``dossier.yaml`` (or a draft folder's ``dossier.yaml``/``dossier.yml``).

    Returns ``None`` when there is no such file; raises ``DossierError`` when it cannot be read or does
    not match the contract. The text is decoded as UTF-8 (BOM allowed, UTF-16 with BOM allowed), falling
    back to GB18030 for files saved by Chinese-locale editors.
    """
    path = Path(path)
    if path.is_dir():
        found = next((path / n for n in DOSSIER_FILENAMES if (path / n).is_file()), None)
        if found is None:
            return None
        path = found
    if not path.is_file():
        return None
    file = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DossierError(file, None, None, "", f"无法读取文件 ({exc.strerror or exc})") from exc
    return parse_dossier(_decode(raw, file), file=file)


def _decode(raw: bytes, file: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError:
            line = raw[: exc.start].count(b"\n") + 1
            raise DossierError(file, line, None, "", "无法识别文件编码 (应为 UTF-8)") from exc


def parse_dossier(text: str, *, file: str = "dossier.yaml", line_offset: int = 0) -> Dossier:
    """Parse dossier YAML ``text``; ``line_offset`` is added to every reported line.

    An empty document gives an empty ``Dossier()``. Raises ``DossierError`` (carrying every problem
    found) for YAML syntax errors, unsupported YAML constructs and contract violations.
    """
    ctx = _Ctx(file, line_offset)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        ctx.add(mark, (), f"YAML 语法错误 ({_yaml_problem(exc)})")
        raise DossierError.collect(ctx.errors) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n")
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1)
        char = f" (U+{exc.character:04X})" if isinstance(exc.character, int) else ""
        ctx.add(yaml.Mark(file, exc.position, line, column, None, None), (), f"YAML 中有不允许的字符{char}")
        raise DossierError.collect(ctx.errors) from None
    except (yaml.YAMLError, RecursionError) as exc:
        ctx.add(None, (), f"无法解析 YAML ({type(exc).__name__})")
        raise DossierError.collect(ctx.errors) from None
    if root is None:
        return Dossier()

    retagged = _prepass(root, ctx)
    if ctx.errors:
        raise DossierError.collect(ctx.errors)
    try:
        data = yaml.safe_load(yaml.serialize(root, Dumper=yaml.SafeDumper) if retagged else text)
    except yaml.MarkedYAMLError as exc:
        # marks refer to the re-serialised text when timestamps were re-tagged: drop them then
        mark = None if retagged else (exc.problem_mark or exc.context_mark)
        ctx.add(mark, (), f"无法解析 YAML ({_yaml_problem(exc)})")
        raise DossierError.collect(ctx.errors) from None
    except Exception as exc:  # noqa: BLE001 - any constructor failure becomes a user-facing error
        ctx.add(None, (), f"无法解析 YAML ({type(exc).__name__}: {_short(str(exc))})")
        raise DossierError.collect(ctx.errors) from None

    if data is None:
        return Dossier()
    if not isinstance(data, dict):
        ctx.add(root.start_mark, (), f"顶层应为映射 (字段: 值)，实为{_kind(data)}")
        raise DossierError.collect(ctx.errors)
    try:
        return Dossier.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            node, path = locate_node(root, err["loc"], key=err["type"] in ("extra_forbidden", "invalid_key"))
            ctx.add(node.start_mark if node is not None else None, path, _message(err))
        raise DossierError.collect(ctx.errors) from None
    except RecursionError:
        ctx.add(root.start_mark, (), "YAML 结构嵌套过深")
        raise DossierError.collect(ctx.errors) from None


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Cut YAML front matter off a draft text.

    If the first line (a leading BOM ignored) is ``---`` and a later line is ``---`` or ``...``, returns
    ``(yaml_text, rest, consumed)`` where ``yaml_text`` is the text between those lines, ``rest`` the text
    after the closing line and ``consumed`` the number of lines removed (both fence lines included), so
    line ``n`` of ``rest`` is line ``n + consumed`` of ``text``. Otherwise returns ``(None, text, 0)``.
    Lines end at ``\\n`` (``\\r\\n`` endings are kept in the returned texts).
    """
    body = text[1:] if text.startswith("\ufeff") else text
    # str.splitlines would also split at \x0b, \x1c, \u2028 …; only \n counts as a line end here
    lines = re.split(r"(?<=\n)", body)
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].rstrip("\r\n").rstrip(" \t") != "---":
        return None, text, 0
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n").rstrip(" \t") in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 1
    return None, text, 0


def parse_front_matter(text: str, *, file: str = "draft.md") -> tuple[Dossier | None, str, int]:
    """Split and parse a draft's front matter: ``(dossier or None, rest, consumed_lines)``.

    Error lines refer to the draft ``file`` (the YAML starts on its line 2).
    """
    yaml_text, rest, consumed = split_front_matter(text)
    if yaml_text is None:
        return None, text, 0
    return parse_dossier(yaml_text, file=file, line_offset=1), rest, consumed


# --------------------------------------------------------------------------------------------
# YAML node helpers
# --------------------------------------------------------------------------------------------


def _yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or exc.context or type(exc).__name__
    return _TRANSLATIONS.get(problem.split(" (")[0], problem)


_TRANSLATIONS = {
    "mapping values are not allowed here": "此处不能出现“:”，值中含冒号时请加引号",
    "found character '\\t' that cannot start any token": "不能使用制表符 (Tab)，请改用空格",
    "expected <block end>, but found '<block mapping start>'": "缩进不一致",
    "could not find expected ':'": "缺少“:”",
    "found unexpected end of stream": "文件意外结束 (引号或括号未闭合)",
    "expected a single document in the stream": "只能有一个 YAML 文档 (多余的 ---)",
    "found undefined alias": "引用了未定义的锚点",
    "found duplicate anchor; first occurrence": "锚点重复",
}


def _prepass(root: Node, ctx: _Ctx) -> bool:
    """Check the node tree; returns whether impossible timestamps were re-tagged as strings."""
    constructor = yaml.constructor.SafeConstructor()
    seen: set[int] = set()
    retagged = False

    def visit(node: Node, path: list[PathItem]) -> None:
        nonlocal retagged
        if id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            if node.tag not in _SCALAR_TAGS:
                ctx.add(node.start_mark, path, f"不支持的 YAML 标签 {node.tag}")
                return
            try:
                constructor.construct_object(node)
            except Exception:  # noqa: BLE001
                if node.tag == _TIMESTAMP:
                    node.tag = _STR  # validation reports it as 不是有效日期 against its field
                    retagged = True
                else:
                    tag = node.tag.removeprefix(_TAG)
                    ctx.add(node.start_mark, path, f"无法解析的值 “{_short(node.value)}” ({tag})")
        elif isinstance(node, SequenceNode):
            if node.tag not in _SEQ_TAGS:
                ctx.add(node.start_mark, path, f"不支持的 YAML 标签 {node.tag}")
                return
            for index, item in enumerate(node.value):
                visit(item, [*path, index])
        elif isinstance(node, MappingNode):
            if node.tag not in _MAP_TAGS:
                ctx.add(node.start_mark, path, f"不支持的 YAML 标签 {node.tag}")
                return
            first_seen: dict[str, Node] = {}
            for key, value in node.value:
                if isinstance(key, ScalarNode) and key.tag == _MERGE:
                    visit(value, path)
                    continue
                if not isinstance(key, ScalarNode):
                    ctx.add(key.start_mark, path, "字段名应为文本，不能是列表或映射")
                    continue
                visit(key, path)
                if key.value in first_seen and key.tag == first_seen[key.value].tag:
                    earlier = first_seen[key.value].start_mark.line + 1 + ctx.line_offset
                    ctx.add(key.start_mark, [*path, key.value], f"字段重复 (第 {earlier} 行已出现)")
                else:
                    first_seen[key.value] = key
                visit(value, [*path, key.value])

    visit(root, [])
    return retagged


# --------------------------------------------------------------------------------------------
# Messages
# --------------------------------------------------------------------------------------------


def _short(value: Any, limit: int = 40) -> str:
    text = value if isinstance(value, str) else repr(value)
    text = text.replace("\n", "⏎")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _kind(value: Any) -> str:
    if value is None:
        return "空值 (null)"
    if isinstance(value, bool):
        return f"布尔值 {str(value).lower()}"
    if isinstance(value, str):
        return f"文本 “{_short(value)}”"
    if isinstance(value, (int, float)):
        return f"数字 {value}"
    if isinstance(value, datetime):
        return f"时刻 {value.isoformat(sep=' ')}"
    if isinstance(value, date):
        return f"日期 {value.isoformat()}"
    if isinstance(value, (bytes, bytearray)):
        return "二进制数据"
    if isinstance(value, (list, tuple)):
        return "列表"
    if isinstance(value, (dict, set)):
        return "映射"
    return type(value).__name__


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _annotation_at(loc: Sequence[PathItem]) -> Any:
    """The (unwrapped) annotation of the field a pydantic ``loc`` names, starting from ``Dossier``."""
    current: Any = Dossier
    for item in loc:
        if isinstance(current, type) and issubclass(current, BaseModel):
            if isinstance(item, str) and item in current.model_fields:
                current = _unwrap(current.model_fields[item].annotation)
            continue
        if typing.get_origin(current) is list and isinstance(item, int):
            current = _unwrap(typing.get_args(current)[0])
    return current


_FIELD_HINTS = {"reason": "豁免必须说明理由", "rule": "豁免必须指明规则编号"}


def _message(err: dict[str, Any]) -> str:
    kind: str = err["type"]
    loc: tuple[PathItem, ...] = err["loc"]
    value = err.get("input")
    got = f" (实为{_kind(value)})"
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else ""
        model = _annotation_at(loc[:-1])
        known = list(model.model_fields) if isinstance(model, type) and issubclass(model, BaseModel) else []
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        if close:
            hint = f"，是否应为 {close[0]}？"
        else:
            hint = f"，可用字段：{'、'.join(known)}" if known else ""
        return f"未知字段 “{_short(name)}”{hint}"
    if kind == "invalid_key":
        return "字段名应为文本"
    if kind == "missing":
        name = str(loc[-1]) if loc else ""
        hint = _FIELD_HINTS.get(name)
        return f"缺少必填字段 {name}" + (f" ({hint})" if hint else "")
    if kind == "empty":
        name = str(loc[-1]) if loc else ""
        hint = _FIELD_HINTS.get(name)
        return "不能为空" + (f" ({hint})" if hint else "")
    if kind in ("date_invalid", "date_has_time", "rule_id", "eid"):
        return err["msg"]
    if kind in ("date_type", "date_parsing", "date_from_datetime_inexact"):
        return f"不是有效日期 (应为 YYYY-MM-DD){got}"
    if kind in ("bool_type", "bool_parsing"):
        return f"类型错误：应为 true/false{got}"
    if kind in ("string_type", "string_unicode"):
        quote = "，作文本时请加引号" if isinstance(value, (int, float, date)) else ""
        return f"类型错误：应为文本{got}{quote}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"类型错误：应为整数{got}"
    if kind in ("list_type", "set_type", "tuple_type"):
        return f"类型错误：应为列表{got}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"类型错误：应为映射 (字段: 值){got}"
    if kind == "literal_error":
        allowed = typing.get_args(_annotation_at(loc))
        allowed_text = "、".join(map(str, allowed)) if allowed else str(err.get("ctx", {}).get("expected", ""))
        shown = _short(value) if isinstance(value, str) else _kind(value)
        return f"取值无效 ({shown})：应为 {allowed_text} 之一"
    if kind in ("greater_than_equal", "greater_than"):
        return f"取值无效：不能为负数{got}"
    return f"取值无效 ({err.get('msg', kind)}){got}"
