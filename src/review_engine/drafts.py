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
OLD_SUFFIXES = (".doc", ".wps", ".rtf")
"""A draft saved in these is not read: the folder is reported with "请另存为 .docx" (reading.save_as_docx)."""
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
    def __init__(self, path: Path, message: str, candidates: list[Path] | None = None):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
        self.candidates = candidates
        """For a folder holding several texts (none named draft.*): the texts (a stock reads each as a document)."""


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


_DRAFT_MARK = re.compile(r"[（(](?:征求意见稿|送审稿|草案|修订草案|代拟稿|讨论稿)[）)]$|(?:征求意见稿|送审稿)$")


def _material_kind(path: Path) -> str | None:
    stem = path.stem
    if _DRAFT_MARK.search(stem) and not MATERIALS["起草说明"].search(stem):
        return None  # 某办法（征求意见稿）.docx is the draft, not the material on the consultation
    return next((kind for kind, pattern in MATERIALS.items() if pattern.search(stem)), None)


def draft_in(folder: Path, root: Path | None = None) -> Draft | None:
    """The draft of ``folder`` if it is a draft folder, else None. Raises ``DraftFolderError`` when it holds
    several candidates, cannot be listed, or when a file it would read is a symlink leading out of ``root``
    (the tree being reviewed; default: the folder itself) — such a file is never read."""
    root = Path(root).resolve() if root is not None else Path(folder).resolve()
    try:
        files = [p for p in sorted(folder.iterdir()) if not p.name.startswith((".", "~$")) and p.is_file()]
        outside = {p for p in files if p.is_symlink() and not _inside(p.resolve(), root)}
    except OSError as exc:
        raise DraftFolderError(folder, f"无法读取目录（{exc.strerror or exc}）") from None
    texts = [p for p in files if p.suffix.lower() in DRAFT_SUFFIXES and not _IGNORED.match(p.name)]
    named = [p for p in texts if p.stem.lower() == "draft"]
    candidates = named or [p for p in texts if _material_kind(p) is None]
    dossier = next((p for p in files if p.name in DOSSIER_NAMES), None)
    if not candidates:
        old = [p for p in files if p.suffix.lower() in OLD_SUFFIXES and _material_kind(p) is None]
        if len(old) == 1 or any(p.stem.lower() == "draft" for p in old):
            from .reading import save_as_docx

            draft_old = next((p for p in old if p.stem.lower() == "draft"), old[0])
            raise DraftFolderError(folder, save_as_docx(draft_old.name))
        if dossier is not None:
            raise DraftFolderError(folder, "有 dossier.yaml 但没有草案文本（draft.md / draft.txt / draft.docx）")
        return None
    if len(candidates) > 1:
        names = "、".join(p.name for p in candidates)
        stock = None if dossier is not None or named else texts
        raise DraftFolderError(folder, f"无法确定哪个文件是草案（{names}）；请将草案命名为 draft.md、draft.txt 或 draft.docx"
                                       "（如为已发布文件的清理，请用 review-engine audit）", stock)
    text = candidates[0]
    materials = {}
    material_files = []
    for path in files:
        kind = _material_kind(path)
        if path != text and kind is not None and path.suffix.lower() in DRAFT_SUFFIXES + (".pdf", ".doc", ".wps"):
            materials.setdefault(kind, path)
            material_files.append(path)
    links = sorted(p.name for p in outside if p in (text, dossier, *material_files))
    if links:
        raise DraftFolderError(folder, f"{'、'.join(links)} 是指向审核目录之外的符号链接，为安全起见未读取；"
                                       "请把文件复制到草案目录中")
    return Draft(text=text, folder=folder, dossier=dossier, materials=materials, material_files=material_files)


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def find_stock(path: Path) -> tuple[list[Draft], list[DraftFolderError]]:
    """The documents of a stock (规范性文件清理): like ``find_drafts``, and a folder of plain documents — several
    .md/.txt/.docx texts, none named draft.*, no dossier.yaml — is read as that many documents, each without a
    record (its date and 文号 come from its text), every text of it counted (a name like 依据 or 说明 does not
    make an issued document a material); its subfolders are searched too. Symbolic links leading out of the tree
    are not followed (as ``find_drafts``)."""
    return find_drafts(path, stock=True)


def find_drafts(path: Path, *, stock: bool = False) -> tuple[list[Draft], list[DraftFolderError]]:
    """The drafts under ``path`` (a file, a draft folder, or a folder of draft folders), and folder errors.

    Symbolic links are followed only inside the tree ``path`` names, and every real folder is visited once
    (a link back up, ``loop -> .``, is not walked again). A link leading out of the tree is not followed; when
    it leads to a draft folder, that draft is reported as an error. A folder that cannot be listed is an
    error of its own; the other drafts are still found. A file named on the command line is taken as it is.
    """
    if path.is_file():
        return [Draft(text=path)], []
    if not path.is_dir():
        return [], [DraftFolderError(path, "路径不存在")]
    drafts: list[Draft] = []
    errors: list[DraftFolderError] = []
    _walk(path, path.resolve(), set(), drafts, errors, stock)
    return drafts, errors


def _walk(folder: Path, root: Path, seen: set[Path], drafts: list[Draft], errors: list[DraftFolderError],
          stock: bool = False) -> None:
    real = folder.resolve()
    if real in seen:
        return
    seen.add(real)
    try:
        here = draft_in(folder, root)
    except DraftFolderError as exc:
        if not stock or exc.candidates is None:
            errors.append(exc)
            return
        for text in exc.candidates:
            if text.is_symlink() and not _inside(text.resolve(), root):
                errors.append(DraftFolderError(text, "是指向审核目录之外的符号链接，为安全起见未读取；请把文件复制到审核目录中"))
            else:
                drafts.append(Draft(text=text))
        here = None
    if here is not None and stock and here.dossier is None and here.text.stem.lower() != "draft" \
            and _has_subfolders(folder):
        # in a stock, a folder with subfolders and no draft.* or dossier is a shelf of documents, not a draft
        drafts.extend(Draft(text=p) for p in [here.text, *here.material_files] if p.suffix.lower() in DRAFT_SUFFIXES)
        here = None
    if here is not None:
        drafts.append(here)
        return
    try:
        children = [p for p in folder.iterdir() if not p.name.startswith(".") and p.is_dir()]
    except OSError as exc:
        errors.append(DraftFolderError(folder, f"无法读取目录（{exc.strerror or exc}）"))
        return
    for child in sorted(children, key=lambda p: (p.is_symlink(), p.name)):  # real folders before links to them
        if child.is_symlink() and not _inside(child.resolve(), root):
            if _holds_a_draft(child):
                errors.append(DraftFolderError(child, "是指向审核目录之外的符号链接，为安全起见未读取；请把草案目录复制到审核目录中"))
            continue
        _walk(child, root, seen, drafts, errors, stock)


def _has_subfolders(folder: Path) -> bool:
    try:
        return any(not p.name.startswith(".") and p.is_dir() for p in folder.iterdir())
    except OSError:
        return False


def _holds_a_draft(folder: Path) -> bool:
    """Whether a folder outside the tree looks like a draft folder (by its file names only; nothing is read)."""
    try:
        return draft_in(folder, folder.resolve()) is not None
    except (DraftFolderError, OSError):
        return True
