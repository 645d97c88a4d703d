"""The shipped form of an imported registry folder (``laws/national_law/``), written by ``laws import``.

Three files, chosen by measurement (``laws/README.md``, "Format"):

* ``index.json`` — the registry's metadata (name, snapshot date, origin, counts), the lookup keys (full titles,
  short names, 令号, each normalised as ``loader.normalize_title`` / ``normalize_doc_number`` do) and, per
  instrument id, the byte offset and length of its record in the two files below;
* ``instruments.jsonl`` — one line per instrument, sorted by id: ``{"id", "head": <model.Instrument data>,
  "facts": {<version label>: <articles.TextFacts data>}}`` (obligations left out);
* ``obligations.jsonl`` — one line per instrument with obligations: ``{"id", "versions": {<label>: [[article
  key, verb, subject, act, 款, 项], …]}}``, read only by a search.

Reading is lazy (``Pack``): nothing is read until the first lookup; then ``index.json`` (about 0.2 MB, 1 ms)
and, per instrument asked for, one seek and one line. Writing is deterministic: the same import writes the
same bytes (keys in a fixed order, no timestamps, ``\\n`` line ends, UTF-8).
"""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["FORMAT", "Pack", "is_pack", "write_pack"]

FORMAT = 1
INDEX, INSTRUMENTS, OBLIGATIONS = "index.json", "instruments.jsonl", "obligations.jsonl"
_OBLIGATION_FIELDS = ("verb", "subject", "name", "paragraph", "item")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def is_pack(folder: Path) -> bool:
    return (folder / INDEX).is_file() and (folder / INSTRUMENTS).is_file()


def split_obligations(facts: dict[str, dict]) -> tuple[dict[str, dict], dict[str, list]]:
    """(facts without obligations, {label: [[article, verb, subject, act, 款, 项], …]}) of one instrument."""
    core: dict[str, dict] = {}
    rows: dict[str, list] = {}
    for label, version in facts.items():
        articles = {}
        for key, fact in version["articles"].items():
            kept = dict(fact)
            provisions = [p for p in fact.get("provisions", []) if p["kind"] != "obligation"]
            for p in fact.get("provisions", []):
                if p["kind"] == "obligation":
                    rows.setdefault(label, []).append([key, *(p.get(f) for f in _OBLIGATION_FIELDS)])
            if provisions:
                kept["provisions"] = provisions
            else:
                kept.pop("provisions", None)
            if kept:
                articles[key] = kept
        core[label] = {"layout": version["layout"], "articles": articles}
    return core, rows


def write_pack(imported, out: Path, *, keys) -> list[Path]:
    """Write ``imported`` (``importer.Imported``) to ``out``; ``keys(inst) -> (titles, shorts, doc numbers)``
    gives the normalised lookup keys of an instrument. Returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    titles: dict[str, str] = {}
    shorts: dict[str, list[str]] = {}
    doc_numbers: dict[str, str] = {}
    offsets: dict[str, list[int]] = {}
    obligation_offsets: dict[str, list[int]] = {}
    lines: list[bytes] = []
    obligation_lines: list[bytes] = []
    position = obligation_position = 0
    for inst in imported.instruments:
        ident = inst["id"]
        core, rows = split_obligations(imported.facts.get(ident, {}))
        line = (_dumps({"id": ident, "head": inst, "facts": core}) + "\n").encode("utf-8")
        offsets[ident] = [position, len(line)]
        position += len(line)
        lines.append(line)
        if rows:
            line = (_dumps({"id": ident, "versions": rows}) + "\n").encode("utf-8")
            obligation_offsets[ident] = [obligation_position, len(line)]
            obligation_position += len(line)
            obligation_lines.append(line)
        own_titles, own_shorts, own_numbers = keys(inst)
        for key in own_titles:
            titles.setdefault(key, ident)
        for key in own_shorts:
            claimed = shorts.setdefault(key, [])
            if ident not in claimed:
                claimed.append(ident)
        for key in own_numbers:
            doc_numbers.setdefault(key, ident)
    index = {"format": FORMAT, "registry": imported.meta, "titles": dict(sorted(titles.items())),
             "shorts": dict(sorted(shorts.items())), "doc_numbers": dict(sorted(doc_numbers.items())),
             "instruments": offsets, "obligations": obligation_offsets}
    written = []
    for name, data in ((INSTRUMENTS, b"".join(lines)), (OBLIGATIONS, b"".join(obligation_lines)),
                       (INDEX, (json.dumps(index, ensure_ascii=False, indent=0) + "\n").encode("utf-8"))):
        path = out / name
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        written.append(path)
    return written


class Pack:
    """An imported registry folder, read lazily (see the module docstring)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._index: dict | None = None
        self._records: dict[str, dict] = {}

    @property
    def index(self) -> dict:
        if self._index is None:
            with open(self.folder / INDEX, encoding="utf-8") as fh:
                index = json.load(fh)
            if index.get("format") != FORMAT:
                raise ValueError(f"{self.folder / INDEX}: format {index.get('format')} (expected {FORMAT}): "
                                 "re-run `review-engine laws import`")
            self._index = index
        return self._index

    @property
    def meta(self) -> dict:
        return self.index["registry"]

    @property
    def name(self) -> str:
        return self.meta["name"]

    def ids(self) -> list[str]:
        return list(self.index["instruments"])

    def record(self, ident: str) -> dict:
        """``{"id", "head", "facts"}`` of one instrument (read once)."""
        found = self._records.get(ident)
        if found is None:
            found = self._records[ident] = self._read(INSTRUMENTS, self.index["instruments"][ident], ident)
        return found

    def heads(self):
        """(title, whether it has article facts) of every instrument, in id order, read in one pass over the
        records without keeping them (``record`` keeps what it reads)."""
        with open(self.folder / INSTRUMENTS, "rb") as fh:
            for line in fh:
                data = json.loads(line)
                yield data["head"]["title"], bool(data.get("facts"))

    def digest_into(self, digest) -> None:
        """Add what identifies this folder's content to ``digest`` (a hashlib object): the bytes of
        ``index.json`` (which holds every record's offset and length) and the size and time of the records."""
        digest.update((self.folder / INDEX).read_bytes())
        for name in (INSTRUMENTS, OBLIGATIONS):
            try:
                st = (self.folder / name).stat()
                digest.update(f"{name}:{st.st_size}:{st.st_mtime_ns}".encode())
            except OSError:
                digest.update(f"{name}:-".encode())

    def obligations(self, ident: str) -> dict[str, list]:
        """{version label: [[article key, verb, subject, act, 款, 项], …]} of one instrument."""
        where = self.index["obligations"].get(ident)
        return self._read(OBLIGATIONS, where, ident)["versions"] if where else {}

    def _read(self, name: str, where: list[int], ident: str) -> dict:
        with open(self.folder / name, "rb") as fh:
            fh.seek(where[0])
            data = json.loads(fh.read(where[1]))
        if data.get("id") != ident:
            raise ValueError(f"{self.folder / name}: the record at {where[0]} is not {ident!r}: "
                             "re-run `review-engine laws import`")
        return data
