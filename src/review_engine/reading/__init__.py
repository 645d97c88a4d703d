"""Reading a draft: bytes on disk → ``Source`` (decoded lines, original positions kept).

``.md`` and ``.txt`` are decoded by ``encoding.decode`` (UTF-8 with or without BOM, UTF-16 with BOM, else
GB18030, which covers GBK and GB2312); ``.docx`` goes through ``docx.docx_lines`` (paragraphs in order,
Word auto-numbering rendered into the text, tables as ``| a | b |`` rows). Nothing here knows about the
grammar or the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..encoding import decode

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".md": "md", ".markdown": "md", ".txt": "txt", ".text": "txt"}


class SourceError(ValueError):
    """A draft that cannot be read at all: empty, binary, too large, undecodable, corrupt .docx."""

    def __init__(self, file: str, message: str):
        super().__init__(f"{file}: {message}")
        self.file = file
        self.message = message

    def one_line(self) -> str:
        return f"{self.file}: {self.message}"


@dataclass
class Source:
    """The decoded text of a draft, one entry per original line (no line terminators)."""

    lines: list[str]
    file: str | None = None
    format: str = "text"
    encoding: str | None = None
    extras: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def split_lines(text: str) -> list[str]:
    """Split on \\r\\n, \\r or \\n only (not on the other characters ``str.splitlines`` breaks at)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


_SURROGATE = re.compile("[\ud800-\udfff]")


def source_from_text(text: str, file: str | None = None, format: str = "text") -> Source:
    """A text given as a ``str``. A lone surrogate (which no file decodes to, and no UTF-8 output can hold) becomes
    U+FFFD, one character for one, so that positions do not move."""
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return Source(lines=split_lines(text), file=file, format=format, encoding="utf-8")


OLD_OFFICE = (".doc", ".wps", ".wpt", ".dot", ".rtf", ".pdf")
"""Formats a draft comes in that are not read: Word 97–2003, WPS, RTF, PDF. The user is told to save as .docx."""


def save_as_docx(name: str) -> str:
    """What to do with a draft in a format that is not read."""
    return (f"{name} 是旧版 Word、WPS、RTF 或 PDF 格式，无法直接审核；请用 Word 或 WPS 打开，"
            f"“另存为” Word 文档（.docx）后重新审核")


def read_source(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read a draft file of any supported format; raise ``SourceError`` with a one-line reason."""
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(name, f"无法读取文件（{exc.strerror or exc}）") from None
    if size > max_bytes:
        raise SourceError(name, f"文件过大（{size / 1048576:.1f} MB，上限 {max_bytes / 1048576:.0f} MB）")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(name, f"无法读取文件（{exc.strerror or exc}）") from None
    suffix = path.suffix.lower()
    if suffix in OLD_OFFICE:
        raise SourceError(name, save_as_docx(path.name))
    if suffix == ".docx":
        return _read_docx(name, data, max_bytes)
    if not data.strip():
        raise SourceError(name, "文件为空")
    if data[:4] == b"PK\x03\x04":
        raise SourceError(name, "这是一个压缩包或 Office 文件，不是文本；如为 Word 文稿请使用 .docx 扩展名")
    try:
        text, encoding = decode(data)
    except ValueError as exc:
        raise SourceError(name, str(exc)) from None
    if not text.strip():
        raise SourceError(name, "文件为空")
    return Source(lines=split_lines(text), file=name, format=TEXT_SUFFIXES.get(suffix, "txt"), encoding=encoding)


def _read_docx(name: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    if not data:
        raise SourceError(name, "文件为空")
    try:
        lines = _docx_lines(data, max_bytes)  # the size limit holds for what the parts inflate to
    except ValueError as exc:
        raise SourceError(name, f"无法读取 Word 文档（{exc}）") from None
    if not any(line.strip() for line in lines):
        raise SourceError(name, "文件为空（Word 文档中没有文字）")
    return Source(lines=lines, file=name, format="docx", encoding=None)


def _docx_lines(data: bytes, max_bytes: int) -> list[str]:
    """``docx.docx_lines``, kept between runs under the digest of the file's bytes and of the reader: a draft folder's
    Word materials (公平竞争审查表.docx …) are read again by every check while only the draft changes, and python-docx
    with lxml costs a one-draft check more than reading them. Read again whenever the file, the reader's code or
    python-docx change; a cache that cannot be read or written only costs time."""
    from ..resources import cache_dir, read_cache, write_cache

    folder = cache_dir()
    key = _docx_key(data, max_bytes) if folder is not None else None
    path = folder / f"docx-{key}.pickle" if key is not None else None
    cached = read_cache(path)
    if isinstance(cached, list) and all(type(line) is str for line in cached):
        return cached
    from .docx import docx_lines  # python-docx is imported only when a .docx is read

    lines = docx_lines(data, max_bytes)
    if path is not None:
        import pickle

        write_cache(path, pickle.dumps(lines, protocol=pickle.HIGHEST_PROTOCOL), keep=64)
    return lines


def _docx_key(data: bytes, max_bytes: int) -> str | None:
    """The digest of a .docx file's bytes, the size limit, this package's readers and the installed python-docx
    (its place and modification time: an upgrade reads every file again); None when python-docx is missing."""
    import hashlib
    import os
    from importlib.util import find_spec

    spec = find_spec("docx")
    if spec is None or spec.origin is None:
        return None
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(data)
    digest.update(f"\0{max_bytes}\0{spec.origin}\0{os.stat(spec.origin).st_mtime_ns}\0".encode())
    for module in ("__init__.py", "docx.py"):
        digest.update((here / module).read_bytes())
    return digest.hexdigest()[:24]
