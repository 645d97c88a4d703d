"""The data folders and the cache folder (resources.py)."""



def test_a_cache_file_is_written_whole_and_old_ones_of_its_kind_are_pruned(tmp_path):
    """Every edit of the rules or the registry keys a new cache file: the folder keeps the newest few of each
    kind (restate-*.pickle, registry-*.json …) and drops temporary files of killed runs, not other kinds."""
    import os
    import time

    from review_engine.resources import KEEP, write_cache

    old = time.time() - 3600
    for i in range(KEEP + 3):
        f = tmp_path / f"restate-{i:04d}.pickle"
        f.write_bytes(b"old")
        os.utime(f, (old + i, old + i))
    other = tmp_path / "registry-abc.json"
    other.write_text("{}")
    left = tmp_path / ".restate-0000.pickle.999"
    left.write_bytes(b"half")
    os.utime(left, (old, old))
    assert write_cache(tmp_path / "restate-new.pickle", b"new")
    kept = sorted(p.name for p in tmp_path.glob("restate-*.pickle"))
    assert len(kept) == KEEP and "restate-new.pickle" in kept and f"restate-{KEEP + 2:04d}.pickle" in kept
    assert (tmp_path / "restate-new.pickle").read_bytes() == b"new"
    assert other.exists() and not left.exists()
