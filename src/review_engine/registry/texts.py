"""The law texts themselves, read from the folder they were imported from (the registry ships only facts).

A user points the registry at a checkout of the imported collection: ``REVIEW_ENGINE_LAW_TEXTS`` (folders
separated by ``os.pathsep``) or ``--law-texts`` on the command line. Each version whose text was imported
names its files relative to that folder (``Version.texts``: path and the first 12 hex digits of its SHA-1);
a file is used only when its SHA-1 still matches, so a quotation is always of the text the facts were read
from. Without a configured folder, or with a folder that lacks the file, the callers say so (``missing``).

Full-text search (``search``) scans the Markdown files of the configured folders: 21 MB, 1,042 files of
national_law in about 0.1 s once the files are in the page cache. An SQLite FTS5 trigram index answers in
under a millisecond but takes 2.2 s and 52 MB to build and must be kept in step with the folder; a scan needs
no state, so it is what ``laws search`` uses.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from review_engine.registry.model import Instrument, Version

if TYPE_CHECKING:  # the text reader is imported when a text is first read: a check without law texts reads none
    from review_engine.registry.lawtext import Article, LawText

__all__ = ["ENV", "LawTexts", "TextHit"]

ENV = "REVIEW_ENGINE_LAW_TEXTS"


@dataclass
class TextHit:
    path: str  # relative to its folder
    title: str
    article: str  # 第九条 ("" before the first article)
    snippet: str


class LawTexts:
    """The configured law-text folders (``folders``; empty when none is configured)."""

    def __init__(self, folders: list[Path] | None = None):
        if folders is None:
            folders = [Path(p) for p in os.environ.get(ENV, "").split(os.pathsep) if p]
        self.folders = [Path(f) for f in folders]
        self._laws: dict[Path, LawText] = {}

    def __bool__(self) -> bool:
        return bool(self.folders)

    def missing(self) -> str:
        """Why no text can be shown, in Chinese (for a user who has not configured a folder)."""
        if not self.folders:
            return f"未配置法律文本目录（设置环境变量 {ENV} 或使用 --law-texts），只显示条文事实"
        return "法律文本目录中没有该版本的文本（" + "、".join(str(f) for f in self.folders) + "）"

    def files(self, version: Version) -> list[Path]:
        """The files of ``version`` found in a configured folder with the SHA-1 recorded at import."""
        out = []
        for ref in version.texts:
            for folder in self.folders:
                path = folder / ref.path
                if path.is_file() and (ref.sha1 is None or _sha1(path).startswith(ref.sha1)):
                    out.append(path)
                    break
        return out

    def article(self, inst: Instrument, version: Version, number: int, suffix: int = 0) -> Article | None:
        """The article 第X条(之Y) of ``version`` from its text, or None (no text, or no such article)."""
        for path in self.files(version):
            law = self._law(path)
            found = law.article(number, suffix)
            if found is not None:
                return found
        return None

    def search(self, query: str, limit: int = 50) -> list[TextHit]:
        """Articles whose text contains ``query`` (exact substring), in folder and file order."""
        hits: list[TextHit] = []
        for folder in self.folders:
            for path in sorted(folder.rglob("*.md")):
                raw = path.read_text(encoding="utf-8", errors="replace")
                if query not in raw:
                    continue
                law = self._law(path)
                for article in law.articles:
                    text = article.text()
                    at = text.find(query)
                    if at >= 0:
                        start = max(0, at - 30)
                        snippet = ("…" if start else "") + text[start:at + len(query) + 30].replace("\n", " ")
                        hits.append(TextHit(path.relative_to(folder).as_posix(), law.title, article.label, snippet))
                        if len(hits) >= limit:
                            return hits
        return hits

    def _law(self, path: Path) -> LawText:
        law = self._laws.get(path)
        if law is None:
            from review_engine.registry.lawtext import read_law

            law = self._laws[path] = read_law(path)
        return law


def _sha1(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()
