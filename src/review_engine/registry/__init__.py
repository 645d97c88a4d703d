"""Registry of higher law (上位法登记表): facts about the laws and regulations that drafts cite.

For each instrument: full title and short forms, level, issuer, 文号, versions (dates, article counts,
renumbering), status and repeal, and later per-article facts. The facts live in YAML files in the project's
``laws/`` folder (one file per instrument; format in ``review_engine.registry.model`` and ``laws/README.md``).

    from review_engine.registry import default_registry
    reg = default_registry()
    inst = reg.resolve("《行政处罚法》")              # exact match after normalisation, never fuzzy
    reg.version_on(inst, date(2022, 1, 1)).article_count   # 86
    reg.in_force(inst, date(2022, 1, 1))              # (True, "")
"""

from review_engine.registry.loader import Registry, RegistryError, default_registry, laws_dir, normalize_title
from review_engine.registry.model import (
    LEVELS,
    ArticleFact,
    Instrument,
    Level,
    PenaltyFact,
    Repeal,
    Status,
    Version,
)

__all__ = [
    "LEVELS",
    "ArticleFact",
    "Instrument",
    "Level",
    "PenaltyFact",
    "Registry",
    "RegistryError",
    "Repeal",
    "Status",
    "Version",
    "default_registry",
    "laws_dir",
    "normalize_title",
]
