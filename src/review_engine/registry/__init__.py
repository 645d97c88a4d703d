"""Registry of higher law (上位法登记表): facts about the laws and regulations that drafts cite.

For each instrument: full title and short forms, level, issuer, 文号, versions (dates, article counts,
renumbering), status and repeal, and later per-article facts. The facts live in YAML files in the project's
``laws/`` folder (one file per instrument; format in ``review_engine.registry.model`` and ``laws/README.md``).

    from review_engine.registry import default_registry
    reg = default_registry()
    inst = reg.resolve("《行政处罚法》")              # exact match after normalisation, never fuzzy
    reg.version_on(inst, date(2022, 1, 1)).article_count   # 86
    reg.in_force(inst, date(2022, 1, 1))              # (True, "")
    road = reg.resolve("道路交通安全法")
    facts = road.facts_for(reg.version_on(road, date(2026, 1, 1)))
    facts.penalties_of(90)                            # [(90, PenaltyFact(types=[警告, 罚款], min=20, max=200…))]
    reg.snapshot                                      # date(2025, 4, 19): the imported texts' snapshot

The facts of every national law and administrative regulation (titles, versions, article numbers, 款/项,
penalties, licences, fees, coercive measures, obligations) are imported from a folder of law texts by
``review-engine laws import`` (``registry.importer`` → ``laws/national_law/``, ``registry.store``); the
hand-written ``laws/*.yaml`` entries are laid over them (``registry.merge``). The texts stay in their folder
(``registry.texts``). Layering: this package imports nothing from kinds, ruleset, engine, report or cli.
"""

from review_engine.registry.loader import (
    Registry,
    RegistryError,
    default_registry,
    laws_dir,
    normalize_doc_number,
    normalize_title,
)
from review_engine.registry.model import (
    LEVELS,
    PENALTY_LEVELS,
    ArticleFact,
    Instrument,
    Level,
    PenaltyFact,
    Provision,
    Repeal,
    Status,
    TextFacts,
    TextRef,
    Version,
)

__all__ = [
    "LEVELS",
    "PENALTY_LEVELS",
    "ArticleFact",
    "Instrument",
    "Level",
    "PenaltyFact",
    "Provision",
    "Registry",
    "RegistryError",
    "Repeal",
    "Status",
    "TextFacts",
    "TextRef",
    "Version",
    "default_registry",
    "laws_dir",
    "normalize_doc_number",
    "normalize_title",
    "registry_snapshot",
]


def registry_snapshot():
    """The snapshot date of the default registry's imported law texts (the latest, when there are several), or
    None; what ``Review.registry_date`` reports."""
    return default_registry().snapshot
