"""Profiles: the thresholds of a jurisdiction (validity years, consultation days, filing deadline…).

``rules/profiles/national.yaml`` holds the national defaults of the spec; a provincial profile
``extends: national`` and overrides what its local rules set. Rules read the values as ``profile.<name>``
in conditions; ``review-engine review --profile NAME`` picks one (a name in rules/profiles/ or a path).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import yamlsource
from .empty import Strings, new_dict
from .findings import Basis
from .resources import data_path


class ProfileParams(BaseModel):
    """Every threshold a rule may read. Unknown names are errors (a typo must not silently use a default)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    default_doc_type: str = "规范性文件"
    # validity and effect (spec §5)
    require_validity: bool = True
    max_validity_years: float = 5
    max_validity_trial_years: float = 2
    max_validity_notice_years: float | None = None
    min_days_to_effect: int | None = None
    market_adaptation_warn: bool = True
    # consultation, hearing, legality review (spec §4)
    consult_min_days_market: int = 30
    consult_min_workdays: int | None = 7
    consult_min_days: int | None = None
    hearing_materials_days: int = 7
    legality_review_min_workdays: int = 5
    legality_review_max_workdays: int = 15
    legality_review_major_min_workdays: int = 7
    publish_within_workdays: int = 20
    filing_deadline_days: int = 30
    # drafting (spec §6)
    allowed_names: list[str] = Field(default_factory=lambda: [
        "规定", "办法", "细则", "实施细则", "规则", "意见", "实施意见", "指导意见", "决定", "通知", "通告", "公告",
        "标准", "规范", "指引", "暂行规定", "暂行办法", "试行办法", "管理办法", "管理规定", "实施办法", "措施"])
    registration_no_regex: str | None = None
    # calendar and dates
    calendar_file: str | None = None
    review_date: dt.date | None = None


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str
    title: str = ""
    extends: str | None = None
    sources: Strings
    params: ProfileParams = Field(default_factory=ProfileParams)
    basis: dict[str, list[Basis]] = Field(default_factory=new_dict)
    """The provisions each threshold rests on, ``{max_validity_years: [{law, article, quote}]}``: a finding that
    applies the threshold cites them instead of the rule's own basis. After loading, the mapping is resolved
    along ``extends``: a profile that sets a threshold without its basis cites none for it (never the parent's
    provision for another value)."""

    def basis_for(self, param: str) -> list[Basis] | None:
        """The basis of threshold ``param`` (None when no profile of the chain sets it: the rule's basis holds)."""
        return self.basis.get(param)


class ProfileError(ValueError):
    pass


def profiles_dir() -> Path:
    return data_path("rules", "profiles")


def available() -> list[str]:
    return sorted(p.stem for p in profiles_dir().glob("*.yaml"))


def load_profile(name_or_path: str | Path | None = None, _seen: tuple[str, ...] = ()) -> Profile:
    """A profile by name (rules/profiles/NAME.yaml) or path; ``extends`` chains are merged (child wins). One that
    neither extends another nor names a calendar file is read back from the cache when its bytes were read before
    (``resources.cached``)."""
    name_or_path = name_or_path or "national"
    path = Path(name_or_path)
    if not path.suffix:
        path = profiles_dir() / f"{name_or_path}.yaml"
    if not path.is_file():
        raise ProfileError(f"找不到配置（profile）：{name_or_path}（可用：{'、'.join(available())}）")
    if str(path) in _seen:
        raise ProfileError(f"配置继承出现循环：{' → '.join(_seen)}")
    if _seen:
        return _load(path, _seen)
    from .resources import cached

    try:
        raw = path.read_bytes()
    except OSError:
        return _load(path, _seen)
    # a profile that extends another or names a calendar file depends on more than its bytes: not kept
    return cached("profile", [str(path), raw], lambda: _load(path, _seen),
                  keep=lambda p: p.extends is None and p.params.calendar_file is None)


def _load(path: Path, _seen: tuple[str, ...]) -> Profile:
    try:
        doc = yamlsource.read(path)
    except yamlsource.YamlError as exc:
        raise ProfileError(str(exc)) from None
    data = doc.data or {}
    if not isinstance(data, dict):
        raise ProfileError(f"{path}: 应为映射（name, params…）")
    merged = dict(data)
    own = data.get("params")
    if isinstance(own, dict) and isinstance(own.get("calendar_file"), str):
        merged["params"] = own = {**own, "calendar_file": _calendar_file(own["calendar_file"], path, doc)}
    own_basis = data.get("basis") if isinstance(data.get("basis"), dict) else {}
    inherited: dict = {}
    if data.get("extends"):
        parent = load_profile(_parent_path(data["extends"], path), (*_seen, str(path)))
        params = parent.params.model_dump() | (own or {})
        merged["params"] = params
        inherited = {k: [b.model_dump() for b in v] for k, v in parent.basis.items()}
    # a threshold this profile sets takes only the basis this profile gives for it
    # a threshold a derived profile sets takes only the basis that profile gives for it (the root profile's
    # thresholds without a basis keep the rule's own)
    resets = {k: [] for k in own} if data.get("extends") and isinstance(own, dict) else {}
    merged["basis"] = inherited | resets | own_basis
    try:
        profile = Profile.model_validate(merged)
    except ValidationError as exc:
        raise ProfileError("\n".join(p.one_line() for p in doc.validation_problems(exc, Profile))) from None
    unknown = sorted(set(own_basis) - set(ProfileParams.model_fields))
    if unknown:
        line, _, _ = doc.locate(("basis", unknown[0]))
        raise ProfileError(f"{path}:{line}: basis.{unknown[0]}: 没有这项配置参数（basis 的键应为 params 中的参数名）")
    return profile


def _parent_path(name: str, child: Path) -> str | Path:
    """``extends: NAME``: a profile of that name beside the child profile, else a built-in one."""
    if not Path(name).suffix and (child.parent / f"{name}.yaml").is_file() and child.parent != profiles_dir():
        return child.parent / f"{name}.yaml"
    return name


def _calendar_file(name: str, profile_path: Path, doc) -> str:
    """The user calendar file named by a profile (relative to the profile's folder), read once to check it:
    a broken calendar is a configuration error reported at load, not in the middle of a review."""
    from .workdays import WorkCalendar

    path = Path(name)
    if not path.is_absolute():
        path = profile_path.parent / path
    try:
        WorkCalendar(path)
    except yamlsource.YamlError as exc:
        line, _, _ = doc.locate(("params", "calendar_file"))
        raise ProfileError(f"{profile_path}:{line}: params.calendar_file: 日历文件有误：\n{exc}") from None
    return str(path)
