"""Draft folders (a contract, see ../design.md): which file is the draft, where its dossier is.

A draft folder holds one draft text (``draft.md``, ``draft.txt`` or ``draft.docx``; otherwise the single
.md/.txt/.docx that is not a known attachment), an optional ``dossier.yaml`` (the procedural record) and
optional attachments (``起草说明.*``, 征求意见情况, 公平竞争审查结论 …). ``find_drafts(path)`` takes a draft
folder, a folder of draft folders (searched recursively) or a single file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

DRAFT_SUFFIXES = (".md", ".txt", ".docx")
DOSSIER_NAMES = ("dossier.yaml", "dossier.yml")
# Materials that travel with a draft (国办发〔2018〕115号（五）): never taken for the draft itself.
MATERIALS = {
    "起草说明": re.compile(r"起草说明|编制说明|制定说明|修订说明|^关于《[^》]+》的说明$"),
    "征求意见及采纳情况": re.compile(r"征求意见|意见采纳|采纳情况|意见汇总"),
    "依据文件": re.compile(r"依据|上位法|法律依据"),
    "合法性审核意见": re.compile(r"合法性审[核查]"),
    "公平竞争审查": re.compile(r"公平竞争"),
    "风险评估": re.compile(r"风险评估"),
    "专家论证": re.compile(r"专家论证|论证意见"),
    "听证报告": re.compile(r"听证"),
}
_IGNORED = re.compile(r"^(readme|changelog|license)", re.IGNORECASE)


class DraftFolderError(ValueError):
    def __init__(self, path: Path, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass
class Draft:
    """One draft to review: its text file, its folder (None for a bare file) and what lies beside it."""

    text: Path
    folder: Path | None = None
    dossier: Path | None = None
    materials: dict[str, Path] = field(default_factory=dict)
    """The first material of each kind (起草说明, 征求意见及采纳情况 …), as the opinion lists them."""
    material_files: list[Path] = field(default_factory=list)
    """Every material beside the draft, in name order (all are read for the procedural record)."""

    @property
    def name(self) -> str:
        return str(self.folder if self.folder is not None else self.text)


def _material_kind(path: Path) -> str | None:
    return next((kind for kind, pattern in MATERIALS.items() if pattern.search(path.stem)), None)


def draft_in(folder: Path) -> Draft | None:
    """The draft of ``folder`` if it is a draft folder, else None. Raises when it holds several candidates."""
    files = [p for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith((".", "~$"))]
    texts = [p for p in files if p.suffix.lower() in DRAFT_SUFFIXES and not _IGNORED.match(p.name)]
    named = [p for p in texts if p.stem.lower() == "draft"]
    candidates = named or [p for p in texts if _material_kind(p) is None]
    dossier = next((folder / n for n in DOSSIER_NAMES if (folder / n).is_file()), None)
    if not candidates:
        if dossier is not None:
            raise DraftFolderError(folder, "有 dossier.yaml 但没有草案文本（draft.md / draft.txt / draft.docx）")
        return None
    if len(candidates) > 1:
        names = "、".join(p.name for p in candidates)
        raise DraftFolderError(folder, f"无法确定哪个文件是草案（{names}）；请将草案命名为 draft.md、draft.txt 或 draft.docx")
    text = candidates[0]
    materials = {}
    material_files = []
    for path in files:
        kind = _material_kind(path)
        if path != text and kind is not None and path.suffix.lower() in DRAFT_SUFFIXES + (".pdf", ".doc", ".wps"):
            materials.setdefault(kind, path)
            material_files.append(path)
    return Draft(text=text, folder=folder, dossier=dossier, materials=materials, material_files=material_files)


def find_drafts(path: Path) -> tuple[list[Draft], list[DraftFolderError]]:
    """The drafts under ``path`` (a file, a draft folder, or a folder of draft folders), and folder errors."""
    if path.is_file():
        return [Draft(text=path)], []
    if not path.is_dir():
        return [], [DraftFolderError(path, "路径不存在")]
    drafts: list[Draft] = []
    errors: list[DraftFolderError] = []
    try:
        here = draft_in(path)
    except DraftFolderError as exc:
        return [], [exc]
    if here is not None:
        return [here], []
    for child in sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith(".")):
        found, errs = find_drafts(child)
        drafts.extend(found)
        errors.extend(errs)
    return drafts, errors
