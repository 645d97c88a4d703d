"""What an instrument may itself create: licences, penalties, coercive measures, fees, taxes, preferences.

The hierarchy of the laws on legislation and on administrative acts (立法法, 行政许可法 第十四条至第十七条, 行政处罚法
第十条至第十六条, 行政强制法 第十条), as a table in ``registry/powers.yaml`` (beside this module): rows by document type and, where it matters,
by the issuer's body and level (a 规范性文件 of the State Council may create a licence by decision; a county
department's may create nothing). ``may_create(measure, doc_type, body, level, penalty_type=None)`` answers with
the row that decided and its legal source, so a finding can say why.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from .. import yamlsource
from ..empty import Strings

MEASURES = ("licence", "penalty", "coercion", "fee", "tax", "liberty", "preference", "price", "market", "burden")


class PowerRow(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    doc_type: str
    body: list[str] | None = None
    level: list[str] | None = None
    may: Strings
    penalty_types: list[str] | None = None
    coercion_types: list[str] | None = None
    source: str

    def matches(self, doc_type: str | None, body: str | None, level: str | None) -> bool:
        if doc_type != self.doc_type:
            return False
        if self.body is not None and body not in self.body:
            return False
        return self.level is None or level in self.level


class PowerTable(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    instruments: list[PowerRow]


@dataclass(frozen=True)
class Power:
    """The answer: may the instrument create the measure, and by which row of the table (its source)."""

    allowed: bool
    source: str
    row: PowerRow | None = None


@lru_cache(maxsize=1)
def power_table() -> PowerTable:
    """The table of ``powers.yaml``, validated once for its content (``resources.cached``)."""
    from ..resources import cached

    path = Path(__file__).with_name("powers.yaml")
    return cached("powers", [path.read_bytes()], lambda: yamlsource.read(path).validate(PowerTable))


def may_create(measure: str, doc_type: str | None, body: str | None = None, level: str | None = None,
               kind: str | None = None) -> Power:
    """Whether an instrument of ``doc_type`` issued by ``body`` at ``level`` may create ``measure``; ``kind``
    narrows a penalty (行政拘留, 罚款 …) or a coercive measure (查封, 冻结 …). An unknown document type is read as
    a 规范性文件 (the last row)."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; known: {', '.join(MEASURES)}")
    rows = power_table().instruments
    doc_type = "法律" if doc_type == "宪法" else doc_type
    row = next((r for r in rows if r.matches(doc_type, body, level)), None)
    if row is None:
        row = next((r for r in rows if r.matches("规范性文件", body, level)), rows[-1])
    allowed = measure in row.may
    if allowed and kind is not None:
        limits = row.penalty_types if measure == "penalty" else row.coercion_types if measure == "coercion" else None
        if limits is not None and kind not in limits and "其他" not in limits:
            allowed = False
    return Power(allowed, row.source, row)
