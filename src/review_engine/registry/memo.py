"""The answers of the restatement checks kept between runs: a sentence checked before is not compared again.

``restate.restated`` and ``restate.repeated`` answer from the registry's content (``Registry.digest``), the review
date and their arguments alone, as long as no law texts are configured (``restate.law_texts``: their answers
then read the texts, and nothing is kept). Answering costs a one-draft check a fifth of its time: the
quotations are loaded (``derived._derived``) and compared with every sentence that names a measure. The answers
(a provision's fields, or None) are kept per registry in ``resources.cache_dir()``, one marshal file for each
registry content — the digest stamps this package's modules too, so an answer computed by other code is never
read — and Python version (marshal's format). A draft edited since its last check is compared again
only in the sentences that changed. The instruments a review asks the registry for are kept the same way
(``kept``: pickled, once validated), so that a check validates none. ``save()`` (called by the command line on exit, as ``recache.save``) writes
what was new, atomically; any failure to read or write only costs time.
"""

from __future__ import annotations

import sys
from pathlib import Path

_MAX_ENTRIES = 20000
"""Above this many answers the file keeps only those the saving process used."""
_TABLES: dict[str, dict] = {}
_PATHS: dict[str, Path | None] = {}
_USED: dict[str, set] = {}
_NEW: set[str] = set()


def _path(digest: str) -> Path | None:
    """The file of the table ``digest``: a registry's digest (hexadecimal), or a shelf's name, a hyphen and the
    digest (``kept``: a file named after the shelf, a kind of its own for ``resources.write_cache``)."""
    from ..resources import cache_dir

    folder = cache_dir()
    kind, digest = digest.split("-", 1) if "-" in digest else ("restated", digest)
    return folder / f"{kind}-{digest}-{sys.implementation.cache_tag}.marshal" if folder is not None else None


def _table(digest: str) -> dict:
    table = _TABLES.get(digest)
    if table is None:
        import marshal

        path = _PATHS[digest] = _path(digest)
        table = {}
        if path is not None:
            try:
                with open(path, "rb") as fh:
                    table = marshal.loads(fh.read())
            except (OSError, EOFError, ValueError, TypeError):
                table = {}
            if not isinstance(table, dict):
                table = {}
        _TABLES[digest] = table
        _USED[digest] = set()
    return table


def answer(registry, key: tuple, compute, kind):
    """``compute()`` (a ``kind``, the dataclass ``derived.Restated``, or None), kept under ``key`` for the registry's
    content."""
    from dataclasses import astuple

    digest = registry.digest
    table = _table(digest)
    _USED[digest].add(key)
    if key in table:
        fields = table[key]
        return None if fields is None else kind(*fields)
    found = compute()
    table[key] = None if found is None else astuple(found)  # its fields in order, read back by kind(*fields)
    _NEW.add(digest)
    return found


def kept(registry, key: tuple, build, shelf: str = ""):
    """``build()`` (an object validated from the registry's content: a merged ``Instrument``), kept pickled under
    ``key`` for the registry's content and read back without validating it again (not for a registry made in
    memory, whose digest would not tell its content). ``shelf``: a name for a table of its own, in a file of its
    own (the article facts: 4 MB after an audit of the corpus, which a check, asking none, then need not read)."""
    if not (registry.packs or registry.files):
        return build()
    import pickle

    import pydantic

    key = (*key, pydantic.VERSION)  # the pickle of a model holds the state of that pydantic's models
    digest = f"{shelf}-{registry.digest}" if shelf else registry.digest
    table = _table(digest)
    _USED[digest].add(key)
    data = table.get(key)
    if data is not None:
        try:
            return pickle.loads(data)
        except Exception:  # pickled by other code: built again
            pass
    made = build()
    try:
        table[key] = pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)
        _NEW.add(digest)
    except (pickle.PicklingError, TypeError, AttributeError):
        pass
    return made


def save() -> None:
    """Write the answers of the registries that have new ones (all kept, unless there would be more than
    ``_MAX_ENTRIES``: then those this process used). Silent on a read-only cache."""
    import marshal

    from ..resources import write_cache

    for digest in sorted(_NEW):
        path, table = _PATHS.get(digest), _TABLES[digest]
        if path is None:
            continue
        if len(table) > _MAX_ENTRIES:
            table = {k: table[k] for k in _USED[digest] if k in table}
        try:
            write_cache(path, marshal.dumps(table))
        except ValueError:
            pass
    _NEW.clear()
