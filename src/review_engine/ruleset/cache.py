"""The loaded rule set kept between runs, keyed by its content: a one-draft check does not build 65 rules again.

``load_rules`` computes the rule set's digest from the bytes of every rule file, the grammars, the profiles and
the tool version (the self-test's key, ``selftest.marker_path``). Once that content has passed its self-test, a
rule set loaded from it (regular expressions not yet compiled, ``kinds.regex``) is pickled under a key made of
that digest, the rule folders' resolved paths (the built-in folder's patterns run on ``re``, a rule pack's on
RE2: the place matters), the versions of Python and pydantic and the stamps of the modules it pickles; the next
run unpickles it instead of reading, validating and building every rule (a tenth of the load time). The YAML
trees are left out (``LoadedRule`` reads its file again when an error message needs a line). Any failure to
read or write the cache falls back to loading the rules; the cache is never trusted over a digest that differs.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from pathlib import Path

from ..resources import cache_dir, write_cache


def cache_path(digest: str, dirs: list[Path]) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    import pydantic

    key = hashlib.sha256("\0".join([digest, sys.version, pydantic.VERSION, _code_stamp(),
                                    *(str(Path(d).resolve()) for d in dirs)]).encode("utf-8")).hexdigest()[:20]
    return folder / f"ruleset-{key}.pickle"


def _code_stamp() -> str:
    """The size and modification time of the modules whose objects a rule set pickles (the check kinds, the rule
    classes, conditions, findings, regular expressions): a rule set pickled by other code (a checkout moved on,
    an upgrade) is loaded afresh rather than unpickled into objects that code no longer makes."""
    import os

    package = Path(__file__).resolve().parents[1]
    files = [*sorted((package / "kinds").glob("*.py")), *sorted((package / "ruleset").glob("*.py")),
             *(package / name for name in ("conditions.py", "findings.py", "userregex.py"))]
    stamps = []
    for path in files:
        try:
            info = os.stat(path)
        except OSError:
            continue
        stamps.append(f"{path.name}:{info.st_size}:{info.st_mtime_ns}")
    return ",".join(stamps)


def write(path: Path | None, ruleset) -> None:
    if path is None:
        return
    try:
        write_cache(path, pickle.dumps(ruleset, protocol=pickle.HIGHEST_PROTOCOL))
    except (pickle.PicklingError, TypeError, AttributeError):
        pass  # a rule pack's check that cannot be pickled: load it next time too
