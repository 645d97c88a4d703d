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


def parse(source: str | Path) -> Document:
    """Parse a draft: a ``Path`` is read as a file (.md, .txt, .docx), a ``str`` is the draft's text.

    Raises ``reading.SourceError`` for a file that cannot be read at all (empty, binary, too large);
    everything else the parser cannot place is listed in ``Document.problems``.
    """
    from .parsing import parse_source
    from .reading import read_source, source_from_text

    if isinstance(source, Path):
        return parse_source(read_source(source))
    return parse_source(source_from_text(source))


def review(path: str | Path, *, profile: str | None = None, stage: str | None = None,
           rules: list[str | Path] | None = None) -> Review:
    """Review one draft (a draft folder or a file) and return its ``Review``. ``stage``: pre-issuance or
    filing-review; by default the record's ``stage`` (dossier.yaml), else pre-issuance."""
    from .engine import review_path

    return review_path(Path(path), profile=profile, stage=stage, rules=rules)
