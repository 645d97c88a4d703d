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


KEEP = 6
"""Files of one kind (the name's part before the first ``-`` and its suffix: ``restate-….pickle``) kept in the
cache folder: the most recently used; older ones, keyed by contents since changed, are removed when a new one is
written, so that the folder does not grow with every edit of the rules or the registry."""


def read_cache(path: Path | None):
    """The object pickled at the cache file ``path``, or None: absent, truncated, or pickled by other code (the
    caller then builds it again)."""
    if path is None:
        return None
    import pickle

    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:
        return None


def write_cache(path: Path, data: bytes, keep: int = KEEP) -> bool:
    """Write ``data`` to the cache file ``path`` atomically (a temporary file renamed into place), then remove
    the older files of its kind beyond ``keep`` and temporary files left by killed runs. False when it could not
    be written (a read-only cache only costs time)."""
    import os
    import time

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        return False
    kind = path.name.split("-", 1)[0]
    try:
        siblings = []
        for entry in os.scandir(path.parent):
            name = entry.name
            if name.startswith(f".{kind}-") and time.time() - entry.stat().st_mtime > 600:
                os.unlink(entry.path)  # a temporary file of a run that was killed
            elif name.startswith(f"{kind}-") and name.endswith(path.suffix) and name != path.name:
                siblings.append((entry.stat().st_mtime, entry.path))
        for _, old in sorted(siblings, reverse=True)[keep - 1:]:
            os.unlink(old)
    except OSError:
        pass
    return True


@lru_cache(maxsize=None)
def code_stamp() -> str:
    """What identifies the code that made a cached object: the tool's and pydantic's versions, the Python version
    and the name, size and modification time of every module of this package (an object pickled by other code is
    never read back into this code's classes)."""
    import os
    import sys

    import pydantic

    from .version import __version__

    parts = [__version__, pydantic.VERSION, sys.version]
    stack = [str(_PACKAGE)]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(".py"):
                st = entry.stat()
                parts.append(f"{entry.path}\0{st.st_size}\0{st.st_mtime_ns}")
            elif entry.is_dir() and not entry.name.startswith((".", "__")) and entry.name != "data":  # no wheel data
                stack.append(entry.path)
    return "\0".join(parts)


def cached(kind: str, key: list[bytes | str], build, keep=None):
    """``build()``, or the object it gave an earlier run for the same ``key`` (the contents it is built from) and
    the same code (``code_stamp``): validated objects (a dossier, a profile) read back without validating them
    again. ``keep(result)`` False: the result depends on more than ``key`` and is not kept. A result that cannot
    be pickled, or no cache folder, only costs the build."""
    import hashlib
    import pickle

    folder = cache_dir()
    if folder is None:
        return build()
    digest = hashlib.sha256(code_stamp().encode())
    for part in key:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little") + data)
    path = folder / f"{kind}-{digest.hexdigest()[:24]}.pickle"
    found = read_cache(path)
    if found is not None:
        return found
    made = build()
    if keep is not None and not keep(made):
        return made
    try:
        write_cache(path, pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
    except (pickle.PicklingError, TypeError, AttributeError):
        pass
    return made
