"""GitHub Actions workflow commands: one annotation per live finding, shown on the pull request's diff.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE-ID 标题::message`` — ``error`` for block and
modify, ``warning`` for warn, ``notice`` for info. Waived findings are not annotated. A draft that could not
be read is an ``::error`` on its path; a check that could not run a ``::notice``. Values are escaped as the
runner requires (``%``, CR, LF everywhere; ``:`` and ``,`` in properties).
"""

from __future__ import annotations

from ..findings import Review
from .common import finding_file, paragraph_based, where_in_word

COMMAND = {"block": "error", "modify": "error", "warn": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, message: str, **props) -> str:
    fields = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v not in (None, ""))
    return f"::{kind}{' ' + fields if fields else ''}::{escape_data(message)}"


def to_github(reviews: list[Review]) -> str:
    lines = []
    for review in reviews:
        for error in review.errors:
            lines.append(_command("error", f"{error.code} {error.message}", file=error.file or review.draft,
                                  line=error.line, col=error.column, title=f"{error.code} 无法审核"))
        for f in review.findings:
            if f.waived:
                continue
            loc = f.location
            message = where_in_word(f) + f.message + (f"\n修改建议：{f.suggestion}" if f.suggestion else "")
            if paragraph_based(loc.file):  # no lines in a Word file: the annotation is on the file
                lines.append(_command(COMMAND[f.severity], message, file=finding_file(review, f),
                                      title=f"{f.rule_id} {f.title}".strip()))
                continue
            lines.append(_command(COMMAND[f.severity], message, file=finding_file(review, f), line=loc.line,
                                  col=loc.column, endLine=loc.end_line,
                                  endColumn=loc.end_column if loc.end_line in (None, loc.line) else None,
                                  title=f"{f.rule_id} {f.title}".strip()))
        for n in review.not_run:
            lines.append(_command("notice", f"检查 {n.rule_id} 未能进行：{n.reason}", file=finding_file(review),
                                  title=f"{n.rule_id} 未能进行"))
    return "\n".join(lines) + ("\n" if lines else "")
