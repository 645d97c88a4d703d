"""review-engine: legality review (合法性审核) of Chinese administrative normative documents.

Library API (a contract, see docs/guide.md):

    review_engine.parse(source) -> Document      # a pathlib.Path is read as a file; a str is the text itself
    review_engine.review(path, *, profile=None, stage=None, rules=None) -> Review

Imports are lazy so that ``review-engine --version`` and ``parse`` start fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .version import __version__

if TYPE_CHECKING:
    from .findings import Review
    from .model import Document

__all__ = ["parse", "review", "__version__"]


STAGES = ("pre-issuance", "filing-review")


def parse(source: str | Path) -> Document:
    """Parse a draft: a ``Path`` is read as a file (.md, .txt, .docx), a ``str`` is the draft's text.

    Raises ``reading.SourceError`` (a ``ValueError``; its message in Chinese) for what cannot be read at all:
    a file that is empty, binary or too large, an empty or blank text (as an empty file), and anything that is
    neither a ``Path`` nor a ``str`` (``bytes``: decode them, or write them to a file and pass its ``Path``).
    Everything else the parser cannot place is listed in ``Document.problems``.
    """
    from .parsing import parse_source
    from .reading import SourceError, read_source, source_from_text

    if isinstance(source, Path):
        return parse_source(read_source(source))
    if not isinstance(source, str):
        raise SourceError("<parse>", f"parse() 需要 pathlib.Path（草案文件）或 str（草案文本），而不是 {type(source).__name__}")
    if not source.strip():
        raise SourceError("<text>", "文本为空")
    return parse_source(source_from_text(source))


def review(path: str | Path, *, profile: str | None = None, stage: str | None = None,
           rules: list[str | Path] | None = None) -> Review:
    """Review one draft (a draft folder or a file) and return its ``Review``. ``stage``: pre-issuance or
    filing-review; by default the record's ``stage`` (dossier.yaml), else pre-issuance.

    Raises ``ValueError`` (a Chinese message) for an unknown ``stage`` or a ``path`` that is not a str or Path; a
    draft that cannot be read is not an exception but a ``Review`` without a verdict (``verdict`` None)."""
    from .engine import review_path

    if stage is not None and stage not in STAGES:
        raise ValueError(f"未知的审核阶段 {stage!r}（可用：{'、'.join(STAGES)}）")
    if not isinstance(path, (str, Path)):
        raise ValueError(f"review() 需要草案目录或文件的路径（str 或 pathlib.Path），而不是 {type(path).__name__}")
    return review_path(Path(path), profile=profile, stage=stage, rules=rules)
