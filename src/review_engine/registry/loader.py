"""Load the registry of higher law from YAML files and answer questions about it.

``Registry.load([dir, ...])`` reads every ``*.yaml`` file under the given directories (recursively, in
sorted order) with ``review_engine.yamlsource`` (``yaml.safe_load`` only); each file holds ONE instrument (see
``review_engine.registry.model`` for the format). A YAML syntax error or a schema error raises ``RegistryError``
naming the file, the line and, for schema errors, the field (``versions[0].effective``), in Chinese. Entries of a
later directory replace entries of an earlier one with the same title (a local overlay can correct or
extend the national registry); two files with the same title in the same directory are an error.

Name resolution (``Registry.resolve``) is exact after normalisation, never fuzzy:

* NFKC (full-width → half-width: （）→ (), ＜＞ → <>, full-width digits), zero-width characters and all
  whitespace removed, book-title marks 《》〈〉<> removed wherever they are (so 《国务院关于贯彻实施〈中华人民共和国
  行政处罚法〉的通知》 and the same title with nested 《》 match), surrounding quotation marks stripped;
* a trailing version qualifier in parentheses is dropped if the full form does not match
  (《中华人民共和国行政处罚法》（2021年修订） → 中华人民共和国行政处罚法);
* the key must equal a title, a listed short form, or the title without its leading "中华人民共和国";
  a full title wins over a short form; a short form claimed by two instruments resolves to nothing;
* among the candidate forms of the input, the longest one that matches wins.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from review_engine import yamlsource
from review_engine.registry.model import Instrument, Version

__all__ = ["Registry", "RegistryError", "default_registry", "laws_dir", "normalize_doc_number", "normalize_title"]

PRC_PREFIX = "中华人民共和国"

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_BRACKETS = dict.fromkeys(map(ord, "《》〈〉<>«»‹›"), None)
_QUOTES = "\"'“”‘’「」『』"
_WS = re.compile(r"\s+")
_VERSION_SUFFIX = re.compile(r"\(\d{4}[^()]{0,16}\)$")


class RegistryError(ValueError):
    """A registry file that cannot be loaded; ``str()`` reads ``<file>:<line>: <field>: <message>``
    (``message`` already names the field when there is one)."""

    def __init__(self, message: str, path: Path | str, line: int | None = None, field: str | None = None):
        self.path = str(path)
        self.line = line
        self.field = field
        where = self.path if line is None else f"{self.path}:{line}"
        super().__init__(f"{where}: {message}")


def normalize_title(name: str) -> str:
    """The lookup key of an instrument name (see the module docstring)."""
    s = unicodedata.normalize("NFKC", name).translate(_ZERO_WIDTH)
    s = _WS.sub("", s).translate(_BRACKETS)
    return s.strip(_QUOTES)


_DOC_NO_BRACKETS = str.maketrans({"[": "〔", "［": "〔", "【": "〔", "(": "〔", "（": "〔",
                                  "]": "〕", "］": "〕", "】": "〕", ")": "〕", "）": "〕"})


def normalize_doc_number(number: str) -> str:
    """The lookup key of a 文号 or 令号: 国办发[2018]115号 → 国办发〔2018〕115号, 中华人民共和国国务院令第722号 →
    国务院令第722号, 第一百号 → 第100号."""
    from review_engine.numerals import CN_NUM, to_int

    s = unicodedata.normalize("NFKC", number).translate(_ZERO_WIDTH)
    s = _WS.sub("", s).translate(_DOC_NO_BRACKETS)
    s = s.removeprefix(PRC_PREFIX)
    return re.sub(f"第({CN_NUM})号", lambda m: f"第{to_int(m[1])}号", s)


def _candidates(name: str) -> list[str]:
    key = normalize_title(name)
    out = [key]
    stripped = _VERSION_SUFFIX.sub("", key)
    if stripped != key and stripped:
        out.append(stripped)
    return sorted(set(out), key=len, reverse=True)


def _fmt_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


# --------------------------------------------------------------------------- loading


def _error(problems: list[yamlsource.YamlProblem], path: Path) -> RegistryError:
    """One ``RegistryError`` for the located problems of a file (the first one gives line and field)."""
    first = problems[0]
    lines = [f"{p.path}: {p.message}" if p.path else p.message for p in problems]
    if len(problems) == 1:
        return RegistryError(lines[0], path, first.line, first.path or None)
    detail = "\n  ".join(f"第{p.line}行：{text}" if p.line else text for p, text in zip(problems, lines, strict=True))
    return RegistryError(f"{len(problems)} 处错误：\n  {detail}", path, first.line, first.path or None)


def _load_file(path: Path) -> Instrument:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RegistryError(f"文件应为 UTF-8 编码（{exc}）", path) from exc
    try:
        doc = yamlsource.load(text, str(path))
    except yamlsource.YamlError as exc:
        raise _error(exc.problems, path) from None
    if not isinstance(doc.data, dict):
        line = doc.root.start_mark.line + 1 if doc.root is not None else 1
        raise RegistryError("应为一个映射，描述一部法律法规（title、level、issuer……）", path, line)
    try:
        inst = Instrument.model_validate(doc.data)
    except ValidationError as exc:
        raise _error(doc.validation_problems(exc), path) from None
    inst._path = str(path)
    return inst


# --------------------------------------------------------------------------- registry


class Registry:
    """The set of known instruments, with exact name resolution and date queries."""

    def __init__(self, instruments: Iterable[Instrument] = ()):
        self._by_title: dict[str, Instrument] = {}
        for inst in instruments:
            self._by_title[normalize_title(inst.title)] = inst
        self._short: dict[str, list[Instrument]] = {}
        for key, inst in self._by_title.items():
            aliases = {normalize_title(s) for s in inst.short}
            if inst.title.startswith(PRC_PREFIX) and len(inst.title) > len(PRC_PREFIX):
                aliases.add(key[len(PRC_PREFIX):])
            aliases.discard(key)
            for alias in aliases:
                self._short.setdefault(alias, []).append(inst)
        self._by_doc_number: dict[str, Instrument] = {
            normalize_doc_number(inst.doc_number): inst for inst in self._by_title.values() if inst.doc_number
        }

    # -- construction ---------------------------------------------------------------------------

    @classmethod
    def load(cls, dirs: list[Path]) -> Registry:
        """Load every ``*.yaml`` under ``dirs``; later directories override earlier ones by title."""
        merged: dict[str, Instrument] = {}
        for d in dirs:
            d = Path(d)
            if not d.is_dir():
                raise FileNotFoundError(f"registry directory not found: {d}")
            seen: dict[str, Path] = {}
            for path in sorted(d.rglob("*.yaml")):
                inst = _load_file(path)
                key = normalize_title(inst.title)
                if key in seen:
                    raise RegistryError(f"duplicate title {inst.title!r} (also in {seen[key]})", path, 1, "title")
                seen[key] = path
                merged[key] = inst
        return cls(merged.values())

    # -- queries --------------------------------------------------------------------------------

    def resolve(self, name: str) -> Instrument | None:
        """The instrument called ``name`` (a title or short form, with or without 《》), or None."""
        if not name:
            return None
        for key in _candidates(name):
            if key in self._by_title:
                return self._by_title[key]
            hits = self._short.get(key)
            if hits and len(hits) == 1:
                return hits[0]
        return None

    def by_doc_number(self, number: str) -> Instrument | None:
        """The instrument with this 文号 / 令号 (国务院令第713号), or None."""
        return self._by_doc_number.get(normalize_doc_number(number)) if number else None

    def version_on(self, inst: Instrument, day: date) -> Version | None:
        """The version applying on ``day``: the latest whose start (``effective``, else ``amended``,
        else ``promulgated``) is ≤ ``day``; None if the instrument was not yet in force. Repeal is not
        considered here (the last text is returned; ``in_force`` reports the repeal)."""
        best: Version | None = None
        for v in inst.versions:
            start = v.start
            if start is not None and start <= day and (best is None or start >= best.start):  # type: ignore[operator]
                best = v
        return best

    def in_force(self, inst: Instrument, day: date) -> tuple[bool, str]:
        """Whether ``inst`` is in force on ``day``; when not, a reason in Chinese (else "").

        Not in force: repealed on or before ``day`` (a repeal takes effect on ``repealed.date``, usually the
        day the successor comes into force), or ``day`` is before the first version's start."""
        name = f"《{inst.title}》"
        if inst.repealed is not None and inst.repealed.date <= day:
            reason = f"{name}已于{_fmt_date(inst.repealed.date)}废止"
            if inst.repealed.by:
                reason += f"，由《{inst.repealed.by}》取代"
            return False, reason + "。"
        first = inst.first_effective
        if first is not None and day < first:
            return False, f"{name}自{_fmt_date(first)}起施行，{_fmt_date(day)}尚未施行。"
        if first is None and inst.status == "尚未施行":
            return False, f"{name}尚未施行。"
        return True, ""

    def all(self) -> list[Instrument]:
        """All instruments, sorted by title."""
        return sorted(self._by_title.values(), key=lambda i: i.title)

    def __len__(self) -> int:
        return len(self._by_title)

    def __iter__(self) -> Iterator[Instrument]:
        return iter(self.all())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.resolve(name) is not None

    def __repr__(self) -> str:
        return f"<Registry: {len(self)} instruments>"


# --------------------------------------------------------------------------- default registry


def laws_dir() -> Path:
    """The project's ``laws/`` folder: ``review_engine/data/laws`` in an installed wheel, else the repo's
    top-level ``laws/`` (this file is ``<repo>/src/review_engine/registry/loader.py``)."""
    import review_engine

    packaged = Path(review_engine.__file__).parent / "data" / "laws"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "laws"


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The registry loaded from the project's ``laws/`` folder (cached; ``default_registry.cache_clear()``)."""
    return Registry.load([laws_dir()])
