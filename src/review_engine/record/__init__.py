"""The procedural record of a draft: its dossier, where each field stands in the file, and its materials.

``read_record(draft, text)`` gives one ``Record`` per draft, whatever the record's form:

* a ``dossier.yaml`` (or ``dossier.yml``) beside the draft, read by ``yamlsource`` (UTF-8, UTF-16, GB18030);
* else YAML front matter at the top of a .md/.txt draft (between ``---`` lines; error lines are lines of the
  draft file);
* else no dossier (``Record.dossier is None``): the procedural rules say the record is missing.

A dossier that cannot be read keeps its ``YamlError`` (``Record.error``) so the rules can say why they did not
run, and the review lists each problem with its line. ``Record.locate(("consultation", "end"))`` is the line
and column of a field, for findings about the record. ``Record.materials`` are the 送审材料 found beside the
draft (起草说明, 征求意见情况 …, see ``drafts.MATERIALS``).

The materials are read too (``materials.read_materials``): the facts they state (``Record.facts``) fill every
field the dossier leaves out, so a draft folder with a 起草说明 and no dossier.yaml has a record all the same
(``merge``). ``Record.origin(path)`` says where a field comes from (a line of dossier.yaml, or a material's file,
line and sentence); ``Record.conflicts`` lists the fields dossier.yaml and the materials state differently
(dossier.yaml is taken; PROC-REC-01 reports them). ``Record.stated`` is the dossier as the file writes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import yamlsource
from ..yamlsource import YamlDocument, YamlError
from .dossier import FLAG_NAMES, Dossier, Waiver
from .materials import MaterialFacts, read_materials
from .merge import Conflict, Origin, merge

__all__ = ["FLAG_NAMES", "Conflict", "Dossier", "MaterialFacts", "Origin", "Record", "Waiver", "YamlError",
           "load_dossier", "parse_dossier", "parse_front_matter", "read_record", "record_of", "split_front_matter"]

DOSSIER_FILENAMES = ("dossier.yaml", "dossier.yml")


@dataclass(eq=False)
class Record:
    """What is known of a draft's procedure (see the module docstring)."""

    dossier: Dossier | None = None
    file: str | None = None
    """The file name findings about the record point at (``dossier.yaml``, or the draft for front matter)."""
    shown_as: str | None = None
    """How the opinion's list of materials names the record (``draft.md（front matter）``)."""
    source: YamlDocument | None = None
    error: YamlError | None = None
    """Why the record exists but cannot be used (then ``dossier`` is None)."""
    materials: dict[str, Path] = field(default_factory=dict)
    facts: MaterialFacts | None = None
    """What the materials beside the draft state (None when none was read)."""
    stated: Dossier | None = None
    """The dossier as dossier.yaml (or the front matter) writes it, before the materials fill it."""
    origins: dict[tuple, Origin] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    waiver_problems: list = field(default_factory=list)
    """Waivers that could not be read (``YamlProblem``s, located): each is reported alone and left out; the rest
    of the record still counts (one waiver without a reason must not switch off every procedural check)."""
    waiver_lines: list = field(default_factory=list)
    """The line of each waiver of ``dossier.waivers`` in the record's file (None when unknown)."""

    CONDITION_FIELDS = frozenset({"conflicts", "explanation", "sections", "has_materials", "unreadable"})

    def origin(self, path: tuple) -> Origin | None:
        """Where the field at ``path`` comes from; for a section, where its first known field comes from."""
        path = tuple(p for p in path if not isinstance(p, int)) if any(isinstance(p, int) for p in path) else path
        if path in self.origins:
            return self.origins[path]
        inside = [o for p, o in self.origins.items() if p[: len(path)] == path]
        return inside[0] if inside else None

    @property
    def explanation(self) -> str | None:
        """The file name of the 起草说明 when one was read (conditions: ``record.explanation``)."""
        return self.facts.explanation if self.facts is not None else None

    @property
    def sections(self) -> dict[str, bool] | None:
        """Which parts the 起草说明 covers: necessity, basis, process, main_content, fair_competition."""
        return self.facts.sections if self.facts is not None else None

    @property
    def has_materials(self) -> bool:
        return bool(self.materials)

    @property
    def unreadable(self) -> list[str]:
        return sorted(self.facts.unreadable) if self.facts is not None else []

    def locate(self, path: tuple) -> tuple[int | None, int | None]:
        """(line, column) of the field at ``path`` in the record's file; (None, None) when unknown."""
        if self.source is None:
            return None, None
        line, column, _ = self.source.locate(path)
        return line, column

    @property
    def waivers(self) -> list[Waiver]:
        return list(self.dossier.waivers) if self.dossier is not None else []


def parse_dossier(text: str, *, file: str = "dossier.yaml", line_offset: int = 0) -> Dossier:
    """Parse dossier YAML ``text`` (an empty text gives ``Dossier()``); ``YamlError`` lists every problem."""
    return _parse(text, file, line_offset)[0]


def _parse(text: str, file: str, line_offset: int = 0) -> tuple[Dossier, YamlDocument]:
    doc = yamlsource.load(text, file, line_offset=line_offset)
    return doc.validate(Dossier, empty={}), doc


def _validate_apart(doc: YamlDocument) -> tuple[Dossier, list, list]:
    """The dossier of ``doc`` with its waivers validated one by one: (dossier without the bad waivers, the
    problems of the bad ones, the line of each good one). Anything else wrong raises ``YamlError`` as before."""
    from pydantic import ValidationError

    data = doc.data
    entries = data.get("waivers") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        dossier = doc.validate(Dossier, empty={})
        return dossier, [], []
    good, problems, lines = [], [], []
    for i, entry in enumerate(entries):
        line, column, _ = doc.locate(("waivers", i))
        try:
            Waiver.model_validate(entry)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            message = yamlsource.describe(err, Waiver)
            problems.append(yamlsource.YamlProblem(doc.file, line, column, f"waivers[{i}]{'.' + where if where else ''}",
                                                   message))
            continue
        good.append(entry)
        lines.append(line)
    try:
        dossier = Dossier.model_validate({**data, "waivers": good})
    except ValidationError as exc:
        raise YamlError(doc.validation_problems(exc, Dossier)) from None
    return dossier, problems, lines


def load_dossier(path: Path | str) -> Dossier | None:
    """Read a ``dossier.yaml`` (or a folder's ``dossier.yaml``/``dossier.yml``); ``None`` when there is none."""
    path = Path(path)
    if path.is_dir():
        path = next((path / n for n in DOSSIER_FILENAMES if (path / n).is_file()), path / DOSSIER_FILENAMES[0])
    if not path.is_file():
        return None
    return yamlsource.read(path).validate(Dossier, empty={})


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
            return "".join(lines[1:index]), "".join(lines[index + 1:]), index + 1
    return None, text, 0


def parse_front_matter(text: str, *, file: str = "draft.md") -> tuple[Dossier | None, str, int]:
    """Split and parse a draft's front matter: ``(dossier or None, rest, consumed_lines)``.

    Error lines refer to the draft ``file`` (the YAML starts on its line 2).
    """
    yaml_text, rest, consumed = split_front_matter(text)
    if yaml_text is None:
        return None, text, 0
    return parse_dossier(yaml_text, file=file, line_offset=1), rest, consumed


def read_record(dossier: Path | None, *, draft_file: str | None = None, draft_text: str | None = None,
                materials: dict[str, Path] | None = None, material_files: list[Path] | None = None,
                own_title: str | None = None) -> Record:
    """The record of a draft: ``dossier`` (the dossier file, or None), else the front matter of
    ``draft_text`` (a .md/.txt draft named ``draft_file``), else none; completed by what the materials beside it
    state (``material_files``, all of them; ``materials``, the first of each kind, for the opinion's list).
    A record read before from the same files (their names and bytes) is read back from the cache
    (``resources.cached``): not parsed, validated and merged again."""
    from ..resources import cached

    files = list(material_files) if material_files is not None else list((materials or {}).values())
    front = None
    if dossier is None and draft_text is not None and draft_text.lstrip("\ufeff")[:3] == "---":
        front = split_front_matter(draft_text)[0]
    if dossier is None and front is None and not files:  # no record: nothing to read (a stock's documents)
        return _read_record(dossier, draft_file, draft_text, materials, files, own_title)
    key: list[bytes | str] = [repr((str(dossier) if dossier is not None else None, draft_file, own_title,
                                    sorted((k, str(v)) for k, v in (materials or {}).items()),
                                    [str(p) for p in files]))]
    try:
        key.append(dossier.read_bytes() if dossier is not None else front or "")
        key += [p.read_bytes() for p in files]
    except OSError:  # read as before, to report it as before
        return _read_record(dossier, draft_file, draft_text, materials, files, own_title)
    return cached("record", key, lambda: _read_record(dossier, draft_file, draft_text, materials, files, own_title))


def _read_record(dossier, draft_file, draft_text, materials, files, own_title) -> Record:
    record = _read_stated(dossier, draft_file=draft_file, draft_text=draft_text, materials=materials)
    if files:
        record.facts = read_materials(files, own_title=own_title)
    if record.error is None:
        record.stated = record.dossier
        record.dossier, record.origins, record.conflicts = merge(record.stated, record.facts, locate=record.locate,
                                                                 file=record.file)
    return record


def _read_stated(dossier: Path | None, *, draft_file: str | None, draft_text: str | None,
                 materials: dict[str, Path] | None) -> Record:
    record = Record(materials=dict(materials or {}))
    if dossier is not None:
        record.file = record.shown_as = dossier.name
        try:
            record.source = yamlsource.read(dossier)
            record.dossier, record.waiver_problems, record.waiver_lines = _validate_apart(record.source)
        except YamlError as exc:
            record.error = exc
        return record
    if draft_text is None:
        return record
    yaml_text, _, _ = split_front_matter(draft_text)
    if yaml_text is None:
        return record
    name = Path(draft_file).name if draft_file else "draft.md"
    record.file, record.shown_as = name, f"{name}（front matter）"
    try:
        record.source = yamlsource.load(yaml_text, name, line_offset=1)
        record.dossier, record.waiver_problems, record.waiver_lines = _validate_apart(record.source)
    except YamlError as exc:
        record.error = exc
    return record


def record_of(dossier: Dossier | None = None, materials: dict[str, str] | None = None) -> Record:
    """A record in memory (rule examples, tests): a ``dossier`` and the ``materials`` as {file name: text},
    merged as ``read_record`` merges files."""
    from .materials import extract_facts, material_kind
    from .sentences import read_lines

    record = Record(dossier=dossier)
    if materials:
        read = [read_lines(name, material_kind(Path(name)) or "其他材料", text.splitlines())
                for name, text in materials.items()]
        record.facts = extract_facts(read)
        record.materials = {m.kind: Path(m.file) for m in reversed(read)}
    record.stated = dossier
    record.dossier, record.origins, record.conflicts = merge(dossier, record.facts)
    return record
