"""Find the provisions that provide a licence, fee, measure, penalty or obligation, by name (``laws search``).

The query is matched against the names the importer recorded (``articles.Provision.name``, a penalty's types
and quotation, an obligation's act and subject) of the version in force on ``day`` of every imported
instrument (``all_versions``: every imported version). A licence is matched by its core: the query without
a trailing 许可证 / 许可 / 证 / 审批 / 批准 / 登记 and 的 (苗种生产许可证 → 苗种生产 finds 水产苗种的生产由…审批
and 水产苗种生产许可证). Nothing is fuzzy: the core must occur in the name as written (without 的).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from review_engine.registry.loader import Registry, normalize_title
from review_engine.registry.model import Instrument, Version

__all__ = ["Found", "core", "search_facts"]

_HEAD = re.compile(r"(?:行政)?(?:许可证|许可|证书|执照|证|审批|批准|核准|登记)$")
_KINDS = ("licence", "fee", "coercion", "penalty", "obligation")


@dataclass
class Found:
    inst: Instrument
    version: Version
    article: str  # key: "90", "133-1"
    kind: str  # licence | fee | coercion | penalty | obligation
    name: str
    body: str | None
    detail: str  # the quotation, or the obligation's subject and act


def core(text: str) -> str:
    """The words a name is matched by: no spaces or 的, no trailing 许可证 / 审批 …"""
    text = normalize_title(text).replace("的", "")
    stripped = _HEAD.sub("", text)
    return stripped if len(stripped) >= 2 else text


def search_facts(registry: Registry, query: str, *, day: dt.date | None = None, kinds: tuple[str, ...] = _KINDS,
                 all_versions: bool = False, limit: int = 200) -> list[Found]:
    """Provisions of imported instruments whose name contains the query (see the module docstring)."""
    day = day or dt.date.today()
    want = core(query)
    plain = normalize_title(query).replace("的", "")
    out: list[Found] = []
    for pack in registry.packs:
        for ident in pack.ids():
            record = pack.record(ident)
            if not record["facts"] and "obligation" not in kinds:
                continue
            inst = registry.resolve(record["head"]["title"])
            if inst is None:
                continue
            current = registry.version_on(inst, day)
            versions = inst.text_versions if all_versions else [v for v in (current,) if v is not None and v.texts]
            for version in versions:
                out.extend(_in_version(inst, version, want, plain, kinds))
                if "obligation" in kinds:
                    out.extend(_obligations(inst, version, pack.obligations(ident).get(version.label, []), plain))
                if len(out) >= limit:
                    return out[:limit]
    return out


def _in_version(inst: Instrument, version: Version, want: str, plain: str, kinds) -> list[Found]:
    facts = inst.facts_for(version)
    if facts is None:
        return []
    out = []
    for key, fact in facts.articles.items():
        for p in fact.provisions:
            if p.kind in kinds and p.kind != "obligation" and want in p.name.replace("的", ""):
                out.append(Found(inst, version, key, p.kind, p.name, p.body, p.quote or ""))
        if "penalty" in kinds:
            for pen in fact.penalties:
                if plain in "".join(pen.types) or plain in pen.quote.replace("的", ""):
                    out.append(Found(inst, version, key, "penalty", "、".join(pen.types), pen.body, pen.quote))
    return out


def _obligations(inst: Instrument, version: Version, rows: list, plain: str) -> list[Found]:
    out = []
    for key, verb, subject, act, _paragraph, _item in rows:
        if plain in act.replace("的", "") or (subject and plain in subject):
            out.append(Found(inst, version, key, "obligation", act, None, f"{subject or ''}{verb}{act}"))
    return out
