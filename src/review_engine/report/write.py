"""Writing outputs: one opinion per draft, or one file for all drafts (json, sarif, junit), atomically.

A file is written to a temporary name in the same folder and renamed into place, so a reader (or a crash)
never sees half an opinion. Drafts are never written into unless ``in_place`` is asked for.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..findings import Review

from .targets import PER_DRAFT, Namer, aggregate


def atomic_write(path: Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))  # mkstemp makes 0600; an opinion is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mode_for(path: Path) -> int:
    """The mode of the file being replaced, else 0666 less the process umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _has_opinion(review: Review) -> bool:
    """A draft that could not be reviewed has no opinion (it is reported in the summary and the machine formats)."""
    return review.document is not None and review.verdict is not None


def render(reviews: list[Review], fmt: str, template: Path | None = None, *, fail_level: str = "modify") -> bytes:
    """All drafts in one document of an aggregate format (``fail_level`` decides JUnit failures)."""
    from . import machine

    if fmt == "json":
        return machine.to_json(reviews).encode("utf-8")
    if fmt == "text":
        return machine.to_text(reviews).encode("utf-8")
    if fmt == "jsonl":
        return machine.to_jsonl(reviews).encode("utf-8")
    if fmt == "sarif":
        from .sarif import to_sarif

        return to_sarif(reviews).encode("utf-8")
    if fmt == "junit":
        from .junit import to_junit

        return to_junit(reviews, fail_level=fail_level).encode("utf-8")
    if fmt == "github":
        from .github import to_github

        return to_github(reviews).encode("utf-8")
    raise ValueError(fmt)


def render_opinion(review: Review, fmt: str, template: Path | None = None) -> bytes:
    from .opinion import render_opinion as render_one

    return render_one(review, fmt, template=template)


def render_stdout(reviews: list[Review], fmt: str, template: Path | None = None, *, fail_level: str = "modify") -> str:
    if fmt in PER_DRAFT:
        if fmt == "docx":
            raise ValueError("docx 意见书需要 --out 目录")
        return "\n\n".join(render_opinion(r, fmt, template).decode("utf-8") for r in reviews if _has_opinion(r))
    return render(reviews, fmt, template, fail_level=fail_level).decode("utf-8")


def write_outputs(reviews: list[Review], fmt: str, out_dir: Path | None, *, template: Path | None = None,
                  in_place: bool = False, fail_level: str = "modify") -> list[Path]:
    """Write ``fmt`` for ``reviews``; the file names are those ``targets.plan`` gave for the same drafts (a draft
    that could not be reviewed keeps its name, so that the names do not depend on which drafts could be read)."""
    written = []
    if fmt in PER_DRAFT:
        namer = Namer()
        for review in reviews:
            target = namer.opinion(review.draft, fmt, out_dir, in_place)
            if not _has_opinion(review):
                continue
            atomic_write(target, render_opinion(review, fmt, template))
            written.append(target)
    else:
        target = aggregate(fmt, out_dir)
        atomic_write(target, render(reviews, fmt, template, fail_level=fail_level))
        written.append(target)
    return written
