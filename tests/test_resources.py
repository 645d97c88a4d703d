"""The data folders and the cache folder (resources.py), and what is kept there (a Word file's lines)."""

from pathlib import Path



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


def test_a_docx_read_again_comes_from_the_cache(tmp_path, monkeypatch):
    """A Word file read before (a draft folder's materials, at every check) is taken from the cache under the
    digest of its bytes, without python-docx; a changed file is read again."""
    from docx_support import write_docx

    from review_engine.reading import docx as reader
    from review_engine.reading import read_source

    monkeypatch.setenv("REVIEW_ENGINE_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "材料.docx"
    write_docx(path, ["关于绿化管理办法的起草说明", "一、起草背景", "为了加强城市绿化管理。"])
    first = read_source(path)
    assert list((tmp_path / "cache").glob("docx-*.pickle"))
    with monkeypatch.context() as patched:
        patched.setattr(reader, "docx_lines", lambda *a: _fail("read with python-docx again"))
        again = read_source(path)
    assert again == first and again.lines[1] == "一、起草背景"
    write_docx(path, ["关于绿化管理办法的起草说明", "二、主要内容"])
    assert read_source(path).lines[1] == "二、主要内容"


def _fail(message: str):
    raise AssertionError(message)


def test_a_record_read_again_comes_from_the_cache(tmp_path, monkeypatch):
    """A draft's record (dossier.yaml validated, the materials read, both merged) is read back from the cache under
    the bytes of its files, without validating the dossier again; an edited dossier is read again."""
    import shutil

    from review_engine import record as records
    from review_engine.drafts import draft_in
    from review_engine.engine import read_draft

    monkeypatch.setenv("REVIEW_ENGINE_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "draft"
    shutil.copytree(Path(__file__).resolve().parents[1] / "examples" / "drafts" / "养犬管理办法-内容缺陷", folder)
    first = read_draft(draft_in(folder)).record
    assert list((tmp_path / "cache").glob("record-*.pickle"))
    with monkeypatch.context() as patched:
        patched.setattr(records, "_read_record", lambda *a: _fail("read and validated again"))
        again = read_draft(draft_in(folder)).record
    assert again.dossier == first.dossier and again.stated == first.stated and again.facts == first.facts
    assert again.origins == first.origins and again.conflicts == first.conflicts
    assert again.locate(("consultation", "end")) == first.locate(("consultation", "end"))
    dossier = folder / "dossier.yaml"
    dossier.write_text(dossier.read_text(encoding="utf-8").replace("某县", "某市"), encoding="utf-8")
    assert read_draft(draft_in(folder)).record.dossier != first.dossier


def test_findings_made_without_validation_are_valid():
    """The engine makes its findings and reviews without validation (``trusted``); each must be what validating
    the same values gives."""
    from review_engine.engine import review_path
    from review_engine.findings import Finding, Location, Review

    examples = Path(__file__).resolve().parents[1] / "examples" / "drafts"
    reviews = [review_path(folder) for folder in sorted(p for p in examples.iterdir() if p.is_dir())]
    assert sum(len(review.findings) for review in reviews) > 10
    for review in reviews:
        for finding in review.findings:
            values = {name: getattr(finding, name) for name in finding.model_fields_set}
            assert Finding(**values) == finding
            assert Finding(**values).model_fields_set == finding.model_fields_set
        dumped = review.model_dump()
        assert Review.model_validate(dumped).model_dump() == dumped
    location = {"file": "draft.md", "label": "第三条", "line": 3, "column": 1}
    assert Location.trusted(**location) == Location(**location)
    assert Location.trusted(**location).model_fields_set == Location(**location).model_fields_set


def test_contract_is_what_pydantic_dumps():
    """``Review.contract`` dumps the engine's own values by hand (``_Contract.plain``): the same JSON, key order
    included, as pydantic's ``model_dump(mode="json")``, on the examples and on real documents of the corpus; an
    unreadable draft's review (``unreadable``) is what validating the same values gives."""
    import json

    from conftest import CORPUS
    from review_engine.engine import get_profile, get_rules, review_draft, review_path
    from review_engine.drafts import find_drafts
    from review_engine.findings import ReadError, Review, unreadable

    examples = Path(__file__).resolve().parents[1] / "examples" / "drafts"
    reviews = [review_path(folder) for folder in sorted(p for p in examples.iterdir() if p.is_dir())]
    if CORPUS is not None:
        drafts = [d for path in sorted((CORPUS / "real_docs").rglob("*.md"))[::9] for d in find_drafts(path)[0]]
        reviews += [review_draft(d, profile=get_profile(None), stage=None, rules=get_rules(None)) for d in drafts]
    assert sum(len(r.findings) for r in reviews) > 30 and any(r.not_run for r in reviews)
    for review in reviews:
        made = review.contract()
        dumped = review.model_dump(mode="json", include={"draft", "title", "verdict", "findings", "errors"})
        assert json.dumps({k: made[k] for k in dumped}, ensure_ascii=False) == json.dumps(dumped, ensure_ascii=False)
        assert made["not_run"] == [n.model_dump(mode="json") for n in review.not_run]
    for code in (None, "REVIEW-ERROR"):
        made = unreadable(Path("草案/x.md"), Path("草案/x.md"), "无法读取", code)
        error = ReadError(file="草案/x.md", message="无法读取", **({"code": code} if code else {}))
        assert made == Review(draft="草案/x.md", errors=[error])
        assert made.errors[0].model_fields_set == error.model_fields_set
        assert made.contract() == Review(draft="草案/x.md", errors=[error]).contract()
