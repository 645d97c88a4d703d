"""The document's dates: when it is published, when it takes effect, when it was adopted — one answer for every rule.

``DocDates`` (``facts.dates``; ``dates.*`` in conditions) reads, in this order:

* ``published`` — the record's ``publication.date``, else the date under the 落款 (成文日期, the best proxy the
  text gives for publication); ``published_from`` says which (for messages);
* ``effective`` — the draft's own 施行日期 clause (the last one, which is the document's own in a 印发 wrapper): a
  date it names; 自公布之日起施行 → the publication date; 自公布之日起30日后施行 → the publication date plus 30
  days (working days counted on the review's calendar when the clause says 工作日); else the date the header of an
  issued document states (题注: 自2018年7月1日起施行); else the record's ``effective_date``; ``effective_from`` says
  which;
* ``gap`` — days from publication to effect: the days the clause states (自公布之日起30日后施行 → 30, 自公布之日起
  → 0), else the difference of the two dates;
* ``adopted`` — the date of the collective deliberation in the record.

Citations are checked against the laws in force on ``effective`` (else ``published``); validity periods are
counted from ``effective``; TIME-EFF-01 and TIME-RETRO-01 read ``gap``.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Any


class DocDates:
    CONDITION_FIELDS = frozenset({"published", "published_from", "effective", "effective_from", "gap", "adopted"})

    def __init__(self, effective_clauses: list, signed: dt.date | None, dossier: Any = None, calendar: Any = None,
                 header_effective: dt.date | None = None):
        self._clauses = effective_clauses
        self._header = header_effective
        self._signed = signed
        self._dossier = dossier
        self._calendar = calendar

    def _record(self, *path: str) -> Any:
        value = self._dossier
        for step in path:
            value = getattr(value, step, None) if value is not None else None
        return value

    @cached_property
    def _published(self) -> tuple[dt.date | None, str]:
        record = self._record("publication", "date")
        if record is not None:
            return record, "程序记录 publication.date"
        return (self._signed, "落款日期") if self._signed is not None else (None, "")

    @property
    def published(self) -> dt.date | None:
        return self._published[0]

    @property
    def published_from(self) -> str:
        return self._published[1]

    @cached_property
    def _effective(self) -> tuple[dt.date | None, str, int | None]:
        """(effective date, where it comes from, days after publication when the clause says so)."""
        published = self.published
        for eff in reversed(self._clauses):
            label = eff.unit.label or "草案"
            if eff.date is not None:
                return eff.date, label, None
            if eff.kind == "publication":
                return published, label, 0
            if eff.kind == "after_publication" and eff.days_after is not None:
                if published is None:
                    return None, label, eff.days_after
                if eff.workdays and self._calendar is not None:
                    day = self._calendar.add_workdays(published, eff.days_after)
                elif eff.workdays:
                    return None, label, None
                else:
                    day = published + dt.timedelta(days=eff.days_after)
                return day, label, (day - published).days
        if self._header is not None:
            return self._header, "题注", None
        record = self._record("effective_date")
        return (record, "程序记录 effective_date", None) if record is not None else (None, "", None)

    @property
    def effective(self) -> dt.date | None:
        return self._effective[0]

    @property
    def effective_from(self) -> str:
        return self._effective[1]

    @property
    def gap(self) -> int | None:
        if self._effective[2] is not None:
            return self._effective[2]
        if self.published is None or self.effective is None:
            return None
        return (self.effective - self.published).days

    @property
    def adopted(self) -> dt.date | None:
        return self._record("collective_deliberation", "date")
