"""Load the registry of higher law and answer questions about it.

``Registry.load([dir, ...])`` reads, in each directory, the imported registry folders below it (``index.json``
+ ``instruments.jsonl``, written by ``review-engine laws import``; read lazily, ``registry.store``) and every
hand-written ``*.yaml`` file (one instrument each, ``registry.model``) with ``review_engine.yamlsource``
(``yaml.safe_load`` only). A YAML syntax error or a schema error raises ``RegistryError`` naming the file, the
line and, for schema errors, the field (``versions[0].effective``), in Chinese. A hand-written entry with the
title (or the unique short name) of an imported instrument is laid over it (``registry.merge``); entries of
a later directory replace entries of an earlier one with the same title (a local overlay can correct or
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

Longer than 450 lines because loading, the merged view and name resolution are one ``Registry`` whose queries share
its indexes and the instruments it has built.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from review_engine import yamlsource
from review_engine.registry import memo
from review_engine.registry.articles import TextFacts
from review_engine.registry.merge import merge
from review_engine.registry.model import Instrument, Version
from review_engine.registry.store import Pack, is_pack

__all__ = ["Registry", "RegistryError", "default_registry", "laws_dir", "lookup_keys", "normalize_doc_number",
           "normalize_title"]

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


def lookup_keys(inst: dict) -> tuple[list[str], list[str], list[str]]:
    """(title keys, short-name keys, 令号 keys) of instrument data: what ``resolve`` and ``by_doc_number`` match
    (the title without 中华人民共和国 is a short name; a short name equal to the title is not)."""
    title = normalize_title(inst["title"])
    shorts = [normalize_title(s) for s in inst.get("short") or []]
    if title.startswith(PRC_PREFIX) and len(title) > len(PRC_PREFIX):
        shorts.append(title[len(PRC_PREFIX):])
    shorts = [s for s in dict.fromkeys(shorts) if s and s != title]
    numbers = [normalize_doc_number(inst["doc_number"])] if inst.get("doc_number") else []
    return [title], shorts, numbers


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


def _load_dir(d: Path) -> list[Instrument]:
    """The hand-written entries of ``d`` (every ``*.yaml`` below it, sorted). Their data is cached (in
    ``resources.cache_dir()``, keyed by the files' names, sizes and modification times): a run that finds
    the files unchanged validates the cached data instead of parsing 170 YAML files again (18 ms of a
    one-draft check). Any error is reported from the YAML itself, with its line."""
    import hashlib
    import json

    from review_engine.resources import cache_dir, write_cache

    paths = sorted(d.rglob("*.yaml"))
    stats = [(str(p), st.st_size, st.st_mtime_ns) for p in paths for st in (p.stat(),)]
    signature = hashlib.sha1(json.dumps(stats, ensure_ascii=False).encode("utf-8")).hexdigest()
    folder = cache_dir()
    if folder is None:
        return [_load_file(p) for p in paths]
    cache = folder / f"registry-{hashlib.sha1(str(d.resolve()).encode('utf-8')).hexdigest()[:16]}.json"
    try:
        cached = json.loads(cache.read_text(encoding="utf-8"))
        if cached.get("signature") == signature:
            out = []
            for path, data in zip(paths, cached["entries"], strict=True):
                inst = Instrument.model_validate(data)
                inst._path = str(path)
                out.append(inst)
            return out
    except (OSError, ValueError, KeyError, ValidationError):
        pass
    out = [_load_file(p) for p in paths]
    try:
        entries = [inst.model_dump(mode="json", exclude_unset=True) for inst in out]
        write_cache(cache, json.dumps({"signature": signature, "entries": entries}, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass
    return out


# --------------------------------------------------------------------------- registry


class Registry:
    """The known instruments — imported folders (``packs``, read lazily) with hand-written entries laid over
    them — with exact name resolution and date queries."""

    def __init__(self, instruments: Iterable[Instrument] = (), packs: Iterable[Pack] = (),
                 files: Iterable[Path] = ()):
        self.packs = list(packs)
        self.files = list(files)
        """The hand-written files the registry was loaded from (what ``digest`` reads with the packs)."""
        self._overlay: dict[str, Instrument] = {}
        for inst in instruments:
            self._overlay[normalize_title(inst.title)] = inst
        self._built: dict[str, Instrument] = {}
        self._keys: tuple[dict, dict, dict] | None = None
        self._names: dict[str, Instrument | None] = {}

    # -- construction ---------------------------------------------------------------------------

    @classmethod
    def load(cls, dirs: list[Path]) -> Registry:
        """Load the imported folders and the ``*.yaml`` files under ``dirs`` (see the module docstring); a
        registry loaded before from the same files is read from the cache (``registry.cache``)."""
        from review_engine.registry import cache

        dirs = [Path(d) for d in dirs]
        for d in dirs:
            if not d.is_dir():
                raise FileNotFoundError(f"registry directory not found: {d}")
        return cache.load(dirs, cls._build)

    @classmethod
    def _build(cls, dirs: list[Path]) -> Registry:
        merged: dict[str, Instrument] = {}
        packs: list[Pack] = []
        files: list[Path] = []
        for d in dirs:
            d = Path(d)
            if not d.is_dir():
                raise FileNotFoundError(f"registry directory not found: {d}")
            packs.extend(Pack(p.parent) for p in sorted(d.rglob("index.json")) if is_pack(p.parent))
            seen: dict[str, Path] = {}
            for inst in _load_dir(d):
                path = Path(inst.path or d)
                key = normalize_title(inst.title)
                if key in seen:
                    raise RegistryError(f"duplicate title {inst.title!r} (also in {seen[key]})", path, 1, "title")
                seen[key] = path
                merged[key] = inst
                files.append(path)
        return cls(merged.values(), packs, files)

    signature: str | None = None

    @property
    def digest(self) -> str:
        """What identifies the registry's content (``registry.cache.signature``); the key of caches of what is
        derived from it (the restatement index)."""
        if self.signature is None:
            from review_engine.registry.cache import signature

            self.signature = signature(sorted({Path(p.folder).parent for p in self.packs} |
                                              {Path(f).parent for f in self.files}))
        return self.signature

    # -- the merged view ------------------------------------------------------------------------

    def _index(self) -> tuple[dict, dict, dict]:
        """({title key: (pack, id) | None}, {short key: {title key}}, {令号 key: title key}); the packs' index
        files are read here, on the first query."""
        if self._keys is not None:
            return self._keys
        titles: dict[str, tuple[Pack, str] | None] = {}
        shorts: dict[str, set[str]] = {}
        numbers: dict[str, str] = {}
        for pack in self.packs:
            index = pack.index
            title_of = {ident: key for key, ident in index["titles"].items()}
            for key, ident in index["titles"].items():
                titles[key] = (pack, ident)
            for key, idents in index["shorts"].items():
                shorts.setdefault(key, set()).update(title_of[i] for i in idents)
            for key, ident in index["doc_numbers"].items():
                numbers[key] = title_of[ident]
        self._aliases: dict[str, str] = {}  # overlay title key → the imported title it is laid over
        for key, inst in self._overlay.items():
            if key not in titles and len(shorts.get(key, ())) == 1:
                (target,) = shorts[key]  # an overlay titled with an imported instrument's short name
                if target not in self._overlay:
                    self._aliases[key] = target
                    continue
            titles.setdefault(key, None)
        for key, inst in self._overlay.items():
            target = self._aliases.get(key, key)
            own_titles, own_shorts, own_numbers = lookup_keys(inst.model_dump(include={"title", "short", "doc_number"}))
            for alias in [*own_shorts, *(own_titles if target != key else [])]:
                shorts.setdefault(alias, set()).add(target)
            for number in own_numbers:
                numbers[number] = target
        self._keys = (titles, shorts, numbers)
        return self._keys

    def _get(self, key: str) -> Instrument:
        """The merged instrument with title key ``key`` (built once)."""
        found = self._built.get(key)
        if found is not None:
            return found
        titles = self._index()[0]
        imported = titles.get(key)
        overlay_key = key if key in self._overlay else next((k for k, t in self._aliases.items() if t == key), None)
        overlay = self._hand_written(overlay_key) if overlay_key is not None else None
        if imported is None:
            inst = overlay  # type: ignore[assignment]
        else:
            pack, ident = imported  # (its record is read only when the memo does not hold what is asked)
            inst = memo.kept(self, ("instrument", key), lambda: Instrument.model_validate(
                merge(pack.record(ident)["head"], overlay) if overlay is not None else pack.record(ident)["head"]))
            inst._facts = _facts_reader(self, key, pack, ident)
            inst._origin = pack.name
            if overlay is not None:
                inst._path = overlay.path
        self._built[key] = inst  # type: ignore[assignment]
        return inst  # type: ignore[return-value]

    def _hand_written(self, key: str) -> Instrument:
        """The hand-written entry of ``key``, validated when first asked for after the registry was read from the
        cache (``__getstate__``: a check asks for a few of the 170, validating all costs more than the rest)."""
        inst = self._overlay[key]
        if isinstance(inst, tuple):
            data, path = inst
            inst = self._overlay[key] = memo.kept(self, ("overlay", key), lambda: Instrument.model_validate(data))
            inst._path = path
        return inst

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_built"] = {}
        state["_names"] = {}
        state["_overlay"] = {key: inst if isinstance(inst, tuple) else (inst.model_dump(exclude_unset=True), inst.path)
                             for key, inst in self._overlay.items()}
        return state

    # -- queries --------------------------------------------------------------------------------

    def resolve(self, name: str) -> Instrument | None:
        """The instrument called ``name`` (a title or short form, with or without 《》), or None (kept per name:
        a draft's citations ask for the same names, and for every tail of a title the registry does not know)."""
        if not name:
            return None
        names = self.__dict__.setdefault("_names", {})  # a registry unpickled from an older cache has none
        if name in names:
            return names[name]
        found = names[name] = self._resolve(name)
        return found

    def _resolve(self, name: str) -> Instrument | None:
        titles, shorts, _ = self._index()
        for key in _candidates(name):
            key = self._aliases.get(key, key)
            if key in titles:
                return self._get(key)
            hits = shorts.get(key)
            if hits and len(hits) == 1:
                return self._get(next(iter(hits)))
        return None

    def by_doc_number(self, number: str) -> Instrument | None:
        """The instrument with this 文号 / 令号 (国务院令第713号), or None."""
        if not number:
            return None
        key = self._index()[2].get(normalize_doc_number(number))
        return self._get(key) if key is not None else None

    @property
    def snapshot(self) -> date | None:
        """The snapshot date of the imported law texts (the latest of the packs'), or None without packs."""
        days = [date.fromisoformat(p.meta["snapshot"]) for p in self.packs if p.meta.get("snapshot")]
        return max(days) if days else None

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
        day the successor comes into force; a repeal without a date counts from ``known_by``), or ``day`` is
        before the first version's start."""
        name = f"《{inst.title}》"
        repeal = inst.repealed
        if repeal is not None and repeal.since <= day:
            if repeal.date is not None:
                reason = f"{name}已于{_fmt_date(repeal.date)}废止"
            else:
                reason = f"{name}已失效（废止日期未载明，{_fmt_date(repeal.since)}时已失效）"
            if repeal.by:
                reason += f"，由《{repeal.by}》取代"
            return False, reason + "。"
        first = inst.first_effective
        if first is not None and day < first:
            return False, f"{name}自{_fmt_date(first)}起施行，{_fmt_date(day)}尚未施行。"
        if first is None and inst.status == "尚未施行":
            return False, f"{name}尚未施行。"
        return True, ""

    def all(self) -> list[Instrument]:
        """All instruments, sorted by title (reads every imported record: for listings and tests)."""
        titles = self._index()[0]
        return sorted((self._get(key) for key in titles), key=lambda i: i.title)

    def __len__(self) -> int:
        return len(self._index()[0])

    def __iter__(self) -> Iterator[Instrument]:
        return iter(self.all())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.resolve(name) is not None

    def __repr__(self) -> str:
        return f"<Registry: {len(self)} instruments>"


def _facts_reader(registry: Registry, key: str, pack: Pack, ident: str):
    """version label → ``TextFacts`` of the imported record ``ident`` of ``pack`` (title key ``key``), validated on
    first use and kept like the instrument (``memo.kept``, a version without facts as None): the first validation
    of a ``TextFacts`` builds pydantic's validator and imports its plugin loader, some 25 ms of a review of many
    documents; and a record found in the memo is not read (opened and decoded) at all."""
    cache: dict[str, TextFacts | None] = {}

    def validated(label: str) -> TextFacts | None:
        data = pack.record(ident)["facts"].get(label)
        return TextFacts.model_validate(data) if data is not None else None

    def read(label: str) -> TextFacts | None:
        if label not in cache:
            cache[label] = memo.kept(registry, ("facts", key, label), lambda: validated(label), shelf="facts")
        return cache[label]

    return read


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
    """The registry of the project's ``laws/`` folder, then the folders of ``$REVIEW_ENGINE_REGISTRY``
    (``os.pathsep``-separated: local overlays and imported folders of a province), cached
    (``default_registry.cache_clear()``)."""
    extra = [Path(p) for p in os.environ.get("REVIEW_ENGINE_REGISTRY", "").split(os.pathsep) if p]
    return Registry.load([laws_dir(), *extra])
