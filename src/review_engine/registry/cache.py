"""The loaded registry kept between runs: a one-draft check does not parse and validate the registry again.

``load(dirs, build)`` returns the registry of ``dirs``: unpickled from ``resources.cache_dir()`` when one was
stored under the same ``signature``, else ``build(dirs)`` — with its lookup keys made (``Registry._index``), no
record read yet — pickled for the next run. The signature is what identifies the registry's content cheaply:
the bytes of each imported folder's ``index.json`` (which records every record's offset and length), the names,
sizes and modification times of every other file under ``dirs`` (the hand-written YAML, the records) and of this
package's code, and the tool's version. It is also ``Registry.digest``, the key of what is derived from the
registry (the restatement index). Any failure to read or write the cache falls back to building.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from ..resources import cache_dir, read_cache, write_cache


def signature(dirs: list[Path]) -> str:
    from ..version import __version__

    digest = hashlib.sha256(__version__.encode())
    for folder in [os.path.dirname(__file__), *(os.path.realpath(d) for d in dirs)]:
        digest.update(b"dir\0" + folder.encode())
        for path, entry in _files(folder):
            if entry.name == "index.json":
                with open(path, "rb") as fh:
                    digest.update(path.encode() + b"\0" + fh.read())
            else:
                st = entry.stat()
                digest.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:20]


def _files(folder: str):
    """(path, DirEntry) of the files below ``folder``, in name order (caches and hidden files left out)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name == "__pycache__":
            continue
        if entry.is_dir():
            yield from _files(entry.path)
        elif entry.is_file():
            yield entry.path, entry


def load(dirs: list[Path], build):
    key = signature(dirs)
    folder = cache_dir()
    path = folder / f"registry-{key}.pickle" if folder is not None else None
    registry = read_cache(path)
    if registry is not None and hasattr(registry, "_index"):  # else absent, truncated or other code's: build it
        registry.signature = key
        return registry
    registry = build(dirs)
    registry._index()
    registry.signature = key
    if path is not None:
        try:
            write_cache(path, pickle.dumps(registry, protocol=pickle.HIGHEST_PROTOCOL))
        except (pickle.PicklingError, TypeError, AttributeError):
            pass
    return registry
