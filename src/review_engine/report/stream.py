"""The outputs of a run written as each review finishes, so that a run over a whole stock keeps no review.

A run is split in two halves. Where a review is made (a worker of a parallel run, ``cli/pool.py``), ``piece``
turns it into what the outputs need of it — each opinion rendered and written to its file (``targets``
named it before the run), each aggregate format's fragment (one JSON object, one JSON line, one
``<testsuite>``, SARIF results, text lines) and a ``Row`` for the summary — after which the review is dropped.
Where the run is written (the parent), ``Outputs.add`` appends the fragments, in the order of the drafts, to
standard output or to a temporary file beside each target; ``Outputs.close`` completes each file (the JSON
list's bracket, JUnit's totals, SARIF's rule descriptors and notifications, which are known only at the end,
are written around the parts kept in temporary files) and renames it into place, so a reader never sees half
a file and an interrupted run leaves none. The bytes are those of ``machine.to_json``, ``junit.to_junit`` and
``sarif.to_sarif`` for the same reviews (one code path: those functions use the same pieces).

Formats: every format of ``report.FORMATS``; ``jsonl`` (JSON Lines, one contract object per line) is the one to
read a large run with (``json`` must close its list before it parses).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Review, at_or_above
from .targets import PER_DRAFT



@dataclass
class Row:
    """What a run keeps of a review after writing it: the summary table's line and the exit code's facts."""

    draft: str
    title: str
    verdict: str | None
    status: str
    counts: dict[str, int]
    errors: int
    failing: bool
    extra: dict = field(default_factory=dict)
    """What a command adds (the audit's disposition)."""


@dataclass
class Piece:
    """One review, as the outputs need it (picklable, a few kilobytes)."""

    row: Row
    parts: dict[str, object] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)


@dataclass
class Plan:
    """What every review of a run is written to: formats, where, and the opinion file of each draft."""

    formats: list[str]
    out_dir: Path | None = None
    in_place: bool = False
    template: Path | None = None
    fail_level: str = "modify"
    total: int = 0
    opinions: list[dict[str, Path]] = field(default_factory=list)
    """Per draft (in run order), the file of each opinion format (empty when opinions go to standard output)."""

    @property
    def to_stdout(self) -> bool:
        return self.out_dir is None and not self.in_place


def row_of(review: Review, fail_level: str) -> Row:
    return Row(draft=review.draft, title=review.title, verdict=review.verdict, status=review.status,
               counts=review.counts(), errors=len(review.errors),
               failing=bool(at_or_above(review.findings, fail_level)))


def _has_opinion(review: Review) -> bool:
    return review.document is not None and review.verdict is not None


def piece(review: Review, plan: Plan, position: int) -> Piece:
    """Render ``review`` (the ``position``-th of the run) for every format of ``plan``; write its opinions."""
    from . import machine

    out = Piece(row_of(review, plan.fail_level))
    for fmt in plan.formats:
        if fmt in PER_DRAFT:
            if not _has_opinion(review):
                continue
            from .opinion import render_opinion

            data = render_opinion(review, fmt, template=plan.template)
            if plan.to_stdout:
                out.parts[fmt] = data
            else:
                from .write import atomic_write

                target = plan.opinions[position][fmt]
                atomic_write(target, data)
                out.written.append(str(target))
        elif fmt == "json":
            out.parts[fmt] = json.dumps(review.contract(), ensure_ascii=False, indent=2)
        elif fmt == "jsonl":
            out.parts[fmt] = json.dumps(review.contract(), ensure_ascii=False) + "\n"
        elif fmt == "text":
            out.parts[fmt] = machine.to_text([review])
        elif fmt == "github":
            from .github import to_github

            out.parts[fmt] = to_github([review])
        elif fmt == "junit":
            from .junit import suite_fragment

            out.parts[fmt] = suite_fragment(review, plan.fail_level)
        elif fmt == "sarif":
            from .sarif import review_parts

            out.parts[fmt] = review_parts(review)
    return out


# ---- the writing half ----------------------------------------------------------------------------------------

class _Target:
    """Standard output, or a temporary file beside ``path`` renamed onto it by ``commit``. When several formats
    go to standard output, all but the first are ``deferred``: kept in a temporary file and written out, in
    the order of the formats, by ``commit``."""

    def __init__(self, path: Path | None, deferred: bool = False):
        self.path = path
        self.deferred = tempfile.TemporaryFile() if path is None and deferred else None
        if path is None:  # standard output: text, flushed after each review
            self.fh = self.deferred
            self.tmp = None
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            self.fh = os.fdopen(fd, "wb")

    def write(self, text: str | bytes) -> None:
        if self.fh is None:
            sys.stdout.write(text.decode("utf-8") if isinstance(text, bytes) else text)
            sys.stdout.flush()
            return
        self.fh.write(text.encode("utf-8") if isinstance(text, str) else text)

    def commit(self) -> Path | None:
        if self.deferred is not None:
            import codecs

            decoder = codecs.getincrementaldecoder("utf-8")()
            self.deferred.seek(0)
            while chunk := self.deferred.read(1 << 20):
                sys.stdout.write(decoder.decode(chunk))
            sys.stdout.flush()
            self.deferred.close()
            self.deferred = None
            return None
        if self.path is None:
            return None
        from .write import _mode_for

        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        os.chmod(self.tmp, _mode_for(self.path))
        os.replace(self.tmp, self.path)
        self.tmp = None
        return self.path

    def abort(self) -> None:
        if self.deferred is not None:
            self.deferred.close()
            self.deferred = None
        if self.tmp is not None:
            self.fh.close()
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
            self.tmp = None


class _Spool:
    """Items of a JSON array (or lines of XML) kept in an anonymous temporary file until the file's head is known."""

    def __init__(self):
        self.fh = tempfile.TemporaryFile()
        self.count = 0

    def json_item(self, value, level: int) -> None:
        self.fh.write(((",\n" if self.count else "") + "  " * level + _dump(value, level)).encode("utf-8"))
        self.count += 1

    def text(self, text: str) -> None:
        self.fh.write(text.encode("utf-8"))
        self.count += 1

    def json_array(self, target: _Target, level: int) -> None:
        """Write the spooled items as a JSON array whose closing bracket is at ``level``."""
        if not self.count:
            target.write("[]")
            return
        target.write("[\n")
        self.copy(target)
        target.write("\n" + "  " * level + "]")

    def copy(self, target: _Target) -> None:
        self.fh.seek(0)
        if target.fh is None:
            import codecs

            decoder = codecs.getincrementaldecoder("utf-8")()
            while chunk := self.fh.read(1 << 20):
                target.write(decoder.decode(chunk))
        else:
            shutil.copyfileobj(self.fh, target.fh, 1 << 20)

    def close(self) -> None:
        self.fh.close()


def _dump(value, level: int) -> str:
    """``json.dumps(value, indent=2)`` as it appears nested ``level`` deep in a larger document."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * level) if level else text


class Outputs:
    """The formats of a run being written: ``add`` each review's ``Piece`` in order, then ``close`` (or
    ``abort``, which leaves no partial file). ``rules`` is the rule set (SARIF describes its rules)."""

    def __init__(self, plan: Plan, rules=None):
        from .targets import aggregate

        self.plan = plan
        self.rules = rules
        self.targets: dict[str, _Target] = {}
        self.spools: dict[str, dict[str, _Spool]] = {}
        self.seen = 0
        self.opinions_out = 0
        self.written: list[Path] = []
        self.junit_totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        self.sarif = None
        for fmt in plan.formats:
            if fmt in PER_DRAFT:
                if plan.to_stdout:
                    self.targets[fmt] = _Target(None, deferred=bool(self.targets))
                continue
            if plan.to_stdout:
                self.targets[fmt] = _Target(None, deferred=bool(self.targets))
            else:
                self.targets[fmt] = _Target(aggregate(fmt, plan.out_dir))
            if fmt == "junit":
                self.spools[fmt] = {"suites": _Spool()}
            elif fmt == "sarif":
                from .sarif import SarifRun

                self.sarif = SarifRun(rules)
                self.spools[fmt] = {"results": _Spool(), "notifications": _Spool(), "reviews": _Spool()}

    def add(self, item: Piece) -> None:
        single = self.plan.total == 1
        for fmt, part in item.parts.items():
            target = self.targets.get(fmt)
            if target is None:
                continue
            if fmt in PER_DRAFT:
                if self.opinions_out:
                    target.write("\n\n")
                target.write(part)
                self.opinions_out += 1
            elif fmt == "json":
                if single:
                    target.write(part + "\n")
                else:
                    target.write(("[\n" if self.seen == 0 else ",\n") + "  " + part.replace("\n", "\n  "))
            elif fmt in ("jsonl", "text", "github"):
                target.write(part)
            elif fmt == "junit":
                text, counts = part
                self.spools[fmt]["suites"].text(text)
                for key, value in counts.items():
                    self.junit_totals[key] += value
            elif fmt == "sarif":
                parts = self.sarif.add(part)
                spools = self.spools[fmt]
                for result in parts["results"]:
                    spools["results"].json_item(result, 4)
                for note in parts["notifications"]:
                    spools["notifications"].json_item(note, 6)
                spools["reviews"].json_item(parts["summary"], 5)
        self.written.extend(Path(p) for p in item.written)
        self.seen += 1

    def close(self) -> list[Path]:
        """Complete and rename every file; the files written (opinions included)."""
        for fmt, target in self.targets.items():
            if fmt == "json" and self.plan.total != 1:
                target.write("\n]\n" if self.seen else "[]\n")
            elif fmt == "junit":
                from .junit import junit_head

                suites = self.spools[fmt]["suites"]
                target.write(junit_head(self.junit_totals, bool(suites.count)))
                if suites.count:
                    suites.copy(target)
                    target.write("</testsuites>\n")
            elif fmt == "sarif":
                self._close_sarif(target)
            path = target.commit()
            if path is not None:
                self.written.append(path)
        self._close_spools()
        return self.written

    def _close_sarif(self, target: _Target) -> None:
        from .sarif import SCHEMA

        spools = self.spools["sarif"]
        target.write('{\n  "$schema": ' + json.dumps(SCHEMA) + ',\n  "version": "2.1.0",\n  "runs": [\n    {\n'
                     '      "tool": ' + _dump(self.sarif.tool(), 3) + ',\n'
                     '      "columnKind": "unicodeCodePoints",\n      "invocations": [\n        {\n'
                     '          "executionSuccessful": ' + json.dumps(self.sarif.ok))
        if spools["notifications"].count:
            target.write(',\n          "toolExecutionNotifications": ')
            spools["notifications"].json_array(target, 5)
        target.write('\n        }\n      ],\n      "results": ')
        spools["results"].json_array(target, 3)
        target.write(',\n      "properties": {\n        "reviews": ')
        spools["reviews"].json_array(target, 4)
        target.write("\n      }")
        base = self.sarif.base_ids()
        if base is not None:
            target.write(',\n      "originalUriBaseIds": ' + _dump(base, 3))
        target.write("\n    }\n  ]\n}\n")

    def _close_spools(self) -> None:
        for spools in self.spools.values():
            for spool in spools.values():
                spool.close()
        self.spools.clear()

    def abort(self) -> None:
        for target in self.targets.values():
            target.abort()
        self._close_spools()
