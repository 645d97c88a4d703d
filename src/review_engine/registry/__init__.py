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
    road.penalties_of(90)                             # [(90, PenaltyFact(types=[警告, 罚款], min=20, max=200…))]

Article facts (penalty ranges, 款/项 layout) come from ``review_engine.registry.importer`` (``review-engine laws
import``), run on the law texts of the shared corpus and checked by hand.
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
    Repeal,
    Status,
    Version,
)

__all__ = [
    "LEVELS",
    "PENALTY_LEVELS",
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
    "normalize_doc_number",
    "normalize_title",
]
