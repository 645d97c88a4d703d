"""Where the data folders (grammars/, rules/, laws/) are: inside the installed wheel, or in the checkout.

A wheel carries them under ``review_engine/data/`` (see ``[tool.hatch.build.targets.wheel.force-include]``
in pyproject.toml); an editable install or a source checkout reads the top-level folders of the repository.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    """The folder ``name`` (``grammars``, ``rules`` or ``laws``)."""
    installed = _PACKAGE / "data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parents[1] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"review-engine data folder '{name}' not found (looked in {installed} and {checkout})")


def data_path(name: str, *parts: str) -> Path:
    return data_dir(name).joinpath(*parts)


def cache_dir() -> Path | None:
    """Where derived files may be kept between runs (the self-test markers, the registry's parsed YAML):
    $REVIEW_ENGINE_CACHE, else $XDG_CACHE_HOME (or ~/.cache)/review-engine.

    Only below a folder that exists: with ``HOME=/nonexistent`` (a CI container, a service account) nothing is
    created there and there is no cache (None) — callers then do without, silently; a read-only cache only costs
    time."""
    import os

    explicit = os.environ.get("REVIEW_ENGINE_CACHE")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "review-engine" if os.path.isdir(xdg) else None
    try:
        home = Path.home()
    except (RuntimeError, KeyError, OSError):  # no HOME and no passwd entry
        return None
    return home / ".cache" / "review-engine" if home.is_dir() else None
