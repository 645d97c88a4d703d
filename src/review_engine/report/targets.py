"""Where the outputs of a run go, decided and checked before any draft is reviewed.

Two promises (docs/guide.md): inputs are never modified, and an output that cannot be written is a usage error
said at once, not a traceback after a long review. ``plan`` names every file a run will write (one opinion per
draft and format, one file per aggregate format), the same names ``write.write_outputs`` then uses;
``check_out_dir`` makes sure ``--out`` is a folder that can be written; ``check_not_inputs`` refuses a target
that is (or resolves to) a draft text, a dossier, a material, the template or the profile. With ``--in-place``
the opinion ``合法性审核意见书.<ext>`` may replace an earlier opinion of this tool, never a document of the
drafting unit that happens to have that name.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

PER_DRAFT = {"md": "md", "html": "html", "txt": "txt", "docx": "docx"}
AGGREGATE = {"json": "review.json", "jsonl": "review.jsonl", "sarif": "review.sarif", "junit": "junit.xml", "github": "github.txt",
             "text": "findings.txt"}
IN_PLACE_NAME = "合法性审核意见书"
# What every built-in opinion carries (its footer): the tool's name and the reference RE-YYYYMMDD-XXXXXX.
_OWN_OPINION = re.compile(rb"review-engine|RE-\d{8}-[0-9A-F]{6}")


class OutputError(ValueError):
    """An output that must not or cannot be written (message in Chinese, naming the path)."""


def slug(draft_name: str) -> str:
    """A file name for a draft's opinion: the draft folder's (or file's) name."""
    path = Path(draft_name)
    if not path.name or path.name in (".", ".."):
        path = Path(os.path.abspath(draft_name))
    name = path.stem if path.suffix else path.name
    return re.sub(r"[\\/:*?\"<>|\s]+", "_", name) or "draft"


class Namer:
    """Opinion file names of one run: the draft's slug, with ``_`` added while a name is taken."""

    def __init__(self):
        self.used: set[str] = set()

    def opinion(self, draft_name: str, fmt: str, out_dir: Path | None, in_place: bool) -> Path:
        if in_place:
            folder = Path(draft_name) if Path(draft_name).is_dir() else Path(draft_name).parent
            return folder / f"{IN_PLACE_NAME}.{PER_DRAFT[fmt]}"
        name = slug(draft_name)
        while name in self.used:
            name += "_"
        self.used.add(name)
        return Path(out_dir) / f"{name}.{PER_DRAFT[fmt]}"


def aggregate(fmt: str, out_dir: Path | None) -> Path:
    return Path(out_dir or ".") / AGGREGATE[fmt]


def plan(draft_names: list[str], formats: list[str], out_dir: Path | None, in_place: bool) -> list[Path]:
    """Every file a run over these drafts will write, in the order ``write_outputs`` writes them."""
    targets: list[Path] = []
    for fmt in formats:
        if fmt in PER_DRAFT:
            namer = Namer()
            targets += [namer.opinion(name, fmt, out_dir, in_place) for name in draft_names]
        else:
            targets.append(aggregate(fmt, out_dir))
    return targets


def check_out_dir(out_dir: Path) -> None:
    """``--out`` must be a folder (created if missing) in which a file can be created; else ``OutputError``."""
    out_dir = Path(out_dir)
    for parent in [out_dir, *out_dir.parents]:
        if parent.exists() and not parent.is_dir():
            where = "" if parent == out_dir else f"（{parent} 是一个文件）"
            raise OutputError(f"输出目录 {out_dir} 不是目录{where}；请用 --out 指定一个目录")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".review-engine-probe.", dir=out_dir)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"输出目录 {out_dir} 无法写入（{exc.strerror or exc}）") from None


def _same_places(path: Path, folders: dict[Path, Path] | None = None) -> set[str]:
    """The path with its folders resolved, and the file it finally resolves to (a symlink followed).

    ``folders``: the folders resolved so far (a folder of many inputs is resolved once, a stat per part of its
    path). The file resolves to its resolved folder and its name unless it is itself a symlink (what
    ``resolve`` gives then, one stat instead of one per part: 226 inputs took 20 ms)."""
    path = Path(os.path.abspath(path))
    parent = path.parent
    folder = folders.get(parent) if folders is not None else None
    if folder is None:
        folder = parent.resolve()
        if folders is not None:
            folders[parent] = folder
    own = str(folder / path.name)
    places = {own}
    try:
        places.add(str(path.resolve()) if path.is_symlink() else own)
    except (OSError, RuntimeError):  # a symlink loop: its own path is all there is
        pass
    return places


def check_not_inputs(targets: list[Path], inputs: list[Path]) -> None:
    """Refuse a target that is an input; with ``--in-place`` an earlier opinion of this tool may be replaced."""
    known: dict[str, Path] = {}
    folders: dict[Path, Path] = {}
    for path in inputs:
        for place in _same_places(path, folders):
            known.setdefault(place, path)
    for target in targets:
        hit = next((known[p] for p in _same_places(target, folders) if p in known), None)
        if hit is None:
            if Path(target).is_dir():
                raise OutputError(f"输出文件 {target} 已是一个目录，无法写入")
            continue
        if Path(target).name.startswith(IN_PLACE_NAME + ".") and is_own_opinion(Path(target)):
            continue
        raise OutputError(f"输出文件 {target} 会覆盖输入文件 {hit}（草案、材料、dossier.yaml 或模板），未写入任何文件；"
                          "请用 --out 指定另一个目录")


def is_own_opinion(path: Path, limit: int = 4 * 1024 * 1024) -> bool:
    """Whether ``path`` is an opinion this tool wrote (its footer names review-engine or a reference RE-…)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(limit)
    except OSError:
        return False
    if head.startswith(b"PK"):
        from ..reading.docx import read_part  # a Word opinion: look inside, within the size limit

        try:
            head = read_part(head, "word/document.xml", limit)
        except ValueError:
            return False
    return _OWN_OPINION.search(head) is not None


def check_run(draft_names: list[str], drafts, formats: list[str], out_dir: Path | None, in_place: bool,
              others: list[Path | None] = ()) -> None:
    """Everything a run will write, checked before it reviews anything (``OutputError`` when it must not run):
    ``--out`` a writable folder, no target an input (the drafts' files or ``others``: template, profile)."""
    if out_dir is None and not in_place:
        return  # everything goes to standard output
    written = [f for f in formats if f in PER_DRAFT or f in AGGREGATE]
    if out_dir is not None or any(f in AGGREGATE for f in written):
        check_out_dir(Path(out_dir or "."))
    if out_dir is not None:
        check_not_in_drafts(Path(out_dir), drafts)
    inputs = inputs_of(drafts)
    for other in others:
        if other is not None and Path(other).is_dir():
            inputs.extend(p for p in Path(other).iterdir() if p.is_file())
        elif other is not None and Path(other).is_file():
            inputs.append(Path(other))
    check_not_inputs(plan(draft_names, written, out_dir, in_place), inputs)


def check_not_in_drafts(out_dir: Path, drafts) -> None:
    """``--out`` must not be (or lie in) a draft folder: an opinion there would be read as its draft or a
    material by the next review (``--in-place`` is the way to put the opinion beside the draft)."""
    out = Path(out_dir).resolve()
    for draft in drafts:
        if draft.folder is None:
            continue
        folder = Path(draft.folder).resolve()
        if out == folder or folder in out.parents:
            raise OutputError(f"输出目录 {out_dir} 在草案目录 {draft.folder} 中：意见书会被下次审核当作草案或材料读取；"
                              "请用 --out 指定草案目录之外的目录（或用 --in-place 写入 合法性审核意见书）")


def inputs_of(drafts) -> list[Path]:
    """Every file the review of ``drafts`` reads: draft texts, dossiers, materials."""
    out: list[Path] = []
    for draft in drafts:
        out.append(draft.text)
        if draft.dossier is not None:
            out.append(draft.dossier)
        out.extend(draft.materials.values())
    return out
