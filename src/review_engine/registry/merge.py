"""An imported instrument with its hand-written overlay laid over it (``laws/<name>.yaml`` over the pack).

The import never writes the overlay and the overlay never loses to the import, with one exception: the
versions whose text was imported keep what was read from the text (label, article count and numbers, files,
source), since their article facts are tied to them. Everything else a hand-written entry sets wins:

* ``level``, ``issuer``, ``doc_number``, ``status``, ``repealed``, ``notes`` — when the overlay sets them;
* ``short`` and ``sources`` — the union, the import's first;
* ``versions`` — matched by label or by date (``amended``, else ``promulgated``); an overlay version fills or
  corrects a matched one (its ``effective`` date, ``renumbered``, an older version's ``article_count``; a
  version whose source is ``unverified`` only fills what the import left empty; the import's label stays, the
  sources are joined) and one that matches nothing is added (a revision after the snapshot, an older text);
  the list is sorted again.

The title is the import's (the full name the text gives); a different overlay title becomes a short name.
"""

from __future__ import annotations

from review_engine.registry.model import Instrument

__all__ = ["merge"]

_TEXT_FIELDS = ("label", "article_count", "last_article", "suffixed", "texts", "source")
_HEAD_FIELDS = ("level", "issuer", "doc_number", "status", "repealed", "notes")


def merge(head: dict, overlay: Instrument) -> dict:
    """The instrument data of ``head`` (an imported instrument) with ``overlay`` laid over it."""
    out = dict(head)
    given = overlay.model_fields_set
    for name in _HEAD_FIELDS:
        if name in given:
            value = getattr(overlay, name)
            out[name] = value.model_dump(exclude_none=True) if hasattr(value, "model_dump") else value
    if "status" in given and overlay.status != "已废止" and "repealed" not in given:
        out.pop("repealed", None)  # the hand-written entry says it is in force
    shorts = list(head.get("short", []))
    for name in (overlay.title, *overlay.short):
        if name != head["title"] and name not in shorts:
            shorts.append(name)
    out["short"] = shorts
    out["sources"] = list(dict.fromkeys([*head.get("sources", []), *overlay.sources]))
    versions = [dict(v) for v in head.get("versions", [])]
    for version in overlay.versions:
        data = version.model_dump(exclude_unset=True, exclude_none=True)
        match = _match(versions, data)
        if match is None:
            versions.append(data)
            continue
        fill_only = "unverified" in version.source.split(";")[0]
        filled = []
        for key, value in data.items():
            if key in ("label", "source") or (match.get("texts") and key in _TEXT_FIELDS):
                continue
            if fill_only and match.get(key) is not None:
                continue
            if str(match.get(key)) != str(value):
                filled.append(key)
            match[key] = value
        if filled:  # name the hand-written source of what the overlay changed
            note = f"{', '.join(filled)} unverified" if fill_only else f"{', '.join(filled)}: {version.source}"
            match["source"] = f"{match['source']}; {note}"
    versions.sort(key=_start)
    out["versions"] = versions
    return out


def _match(versions: list[dict], data: dict) -> dict | None:
    for v in versions:
        if v["label"] == data["label"]:
            return v
    for key in ("amended", "promulgated"):
        if data.get(key) is not None:
            for v in versions:
                if str(v.get(key)) == str(data[key]) and (key == "promulgated" or v.get("amended")):
                    return v
    return None


def _start(v: dict) -> str:
    return str(v.get("effective") or v.get("amended") or v.get("promulgated") or "")
