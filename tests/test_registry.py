"""Tests of the registry of higher law (review_engine.registry)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from review_engine.registry import Registry, RegistryError, default_registry, laws_dir, normalize_title

from conftest import CORPUS as FOUND_CORPUS  # noqa: E402  (one place knows where the corpus is)

CORPUS = FOUND_CORPUS if FOUND_CORPUS is not None else Path("/nonexistent")
HIGHER_LAW = CORPUS / "higher_law"

# A line-initial article label: 第X条 (Chinese numerals), possibly after whitespace / U+3000 / ZWSP / NBSP.
ARTICLE_RE = re.compile(r"^[\s\u200b\u00a0\u3000]*第[零〇一二三四五六七八九十百千]+条")


def corpus_files() -> list[Path]:
    if not HIGHER_LAW.is_dir():
        return []
    return sorted(HIGHER_LAW.glob("*.md"))


needs_corpus = pytest.mark.skipif(
    not HIGHER_LAW.is_dir(), reason=f"shared corpus not found at {HIGHER_LAW} (set REVIEW_ENGINE_CORPUS)"
)


def corpus_title(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    raise AssertionError(f"{path.name}: no '# title' line")


def corpus_short(path: Path) -> str:
    return path.stem.split("(")[0]


def count_articles(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    body = text.split("<!-- INFO END -->", 1)[-1]
    return sum(1 for line in body.splitlines() if ARTICLE_RE.match(line))


@pytest.fixture(scope="module")
def reg() -> Registry:
    return default_registry()


# --------------------------------------------------------------------------- loading


def test_default_registry_loads(reg: Registry) -> None:
    assert laws_dir().is_dir()
    assert len(reg) >= 37
    assert len(reg.all()) == len(reg)
    assert default_registry() is reg  # cached


def test_every_instrument_has_sources_and_dated_versions(reg: Registry) -> None:
    for inst in reg.all():
        assert inst.sources, inst.title
        # an instrument known only from the clause that repealed it may have no dated version
        assert inst.versions or inst.repealed is not None, inst.title
        for v in inst.versions:
            assert v.source, (inst.title, v.label)


def test_snapshot_date(reg: Registry, tmp_path: Path) -> None:
    from review_engine.registry import registry_snapshot

    assert reg.snapshot == date(2025, 4, 19) == registry_snapshot()
    assert Registry.load([tmp_path]).snapshot is None  # no imported folder
    from review_engine.engine import review_path

    review = review_path(Path(__file__).parents[1] / "examples" / "drafts" / "绿化管理办法-合法")
    assert review.registry_date == date(2025, 4, 19)


# --------------------------------------------------------------------------- corpus coverage


@needs_corpus
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.stem)
def test_corpus_law_resolves(reg: Registry, path: Path) -> None:
    title = corpus_title(path)
    short = corpus_short(path)
    inst = reg.resolve(title)
    assert inst is not None, f"{title} not in the registry"
    assert inst.title == title
    assert reg.resolve(f"《{title}》") is inst
    assert reg.resolve(f"《{short}》") is inst, short
    assert reg.resolve(short) is inst, short
    assert f"corpus:higher_law/{path.name}" in inst.sources


@needs_corpus
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.stem)
def test_corpus_article_count(reg: Registry, path: Path) -> None:
    inst = reg.resolve(corpus_title(path))
    assert inst is not None
    matching = [v for v in inst.versions if any(Path(t.path).name == path.name for t in v.texts)]
    assert len(matching) == 1, f"{inst.title}: expected one imported version with the text {path.name}"
    assert matching[0].article_count == count_articles(path)


@needs_corpus
def test_corpus_has_37_laws() -> None:
    assert len(corpus_files()) == 37


# --------------------------------------------------------------------------- versions and force


def test_version_on_administrative_penalty_law(reg: Registry) -> None:
    inst = reg.resolve("行政处罚法")
    assert inst is not None
    new = reg.version_on(inst, date(2022, 1, 1))
    old = reg.version_on(inst, date(2020, 1, 1))
    assert new is not None and new.article_count == 86 and new.renumbered is True
    assert new.effective == date(2021, 7, 15)
    assert old is not None and old.article_count == 64
    # the 2021 revision is not applicable before 2021-07-15
    assert reg.version_on(inst, date(2021, 7, 14)).article_count == 64  # type: ignore[union-attr]
    assert reg.version_on(inst, date(1996, 1, 1)) is None


def test_version_on_other_renumbered_laws(reg: Registry) -> None:
    lf = reg.resolve("立法法")
    fy = reg.resolve("行政复议法")
    assert lf is not None and fy is not None
    assert reg.version_on(lf, date(2020, 1, 1)).article_count == 105  # type: ignore[union-attr]
    assert reg.version_on(lf, date(2024, 1, 1)).article_count == 120  # type: ignore[union-attr]
    assert reg.version_on(fy, date(2023, 12, 31)).article_count == 43  # type: ignore[union-attr]
    assert reg.version_on(fy, date(2024, 1, 1)).article_count == 90  # type: ignore[union-attr]


def test_repealed_noise_law(reg: Registry) -> None:
    inst = reg.resolve("《中华人民共和国环境噪声污染防治法》")
    assert inst is not None and inst.status == "已废止"
    ok, reason = reg.in_force(inst, date(2023, 1, 1))
    assert not ok
    assert "2022年6月5日" in reason and "噪声污染防治法" in reason
    assert reg.in_force(inst, date(2022, 6, 4)) == (True, "")
    assert reg.in_force(inst, date(2022, 6, 5))[0] is False
    successor = reg.resolve(inst.repealed.by)  # type: ignore[union-attr]
    assert successor is not None and successor.title == "中华人民共和国噪声污染防治法"
    assert reg.in_force(successor, date(2023, 1, 1)) == (True, "")


def test_repealed_filing_regulation(reg: Registry) -> None:
    inst = reg.resolve("《法规规章备案条例》")
    assert inst is not None and inst.doc_number == "国务院令第337号"
    ok, reason = reg.in_force(inst, date(2024, 11, 1))
    assert not ok and "2024年11月1日" in reason and "法规规章备案审查条例" in reason
    assert reg.in_force(inst, date(2024, 10, 31))[0]


def test_not_yet_in_force(reg: Registry) -> None:
    inst = reg.resolve("噪声污染防治法")
    assert inst is not None
    ok, reason = reg.in_force(inst, date(2022, 1, 1))
    assert not ok and "2022年6月5日" in reason and "尚未施行" in reason
    assert reg.version_on(inst, date(2022, 1, 1)) is None


# --------------------------------------------------------------------------- resolution


def test_resolve_normalisation(reg: Registry) -> None:
    inst = reg.resolve("中华人民共和国行政处罚法")
    assert inst is not None
    for name in [
        "《中华人民共和国行政处罚法》",
        "《行政处罚法》",
        "行政处罚法",
        " 《 行政 处罚法 》 ",
        "《中华人民共和国\u3000行政处罚法》",
        "<<行政处罚法>>",
        "＜行政处罚法＞",
        "《中华人民共和国行政处罚法》（2021年修订）",
        "《中华人民共和国行政处罚法(2021年修订)》",
        "“行政处罚法”",
        "行政\u200b处罚法",
    ]:
        assert reg.resolve(name) is inst, name


def test_resolve_nested_title_marks(tmp_path: Path) -> None:
    (tmp_path / "通知.yaml").write_text(
        "title: 国务院关于贯彻实施〈中华人民共和国行政处罚法〉的通知\nlevel: 规范性文件\nissuer: 国务院\n",
        encoding="utf-8",
    )
    reg = Registry.load([tmp_path])
    inst = reg.resolve("《国务院关于贯彻实施〈中华人民共和国行政处罚法〉的通知》")
    assert inst is not None
    assert reg.resolve("《国务院关于贯彻实施《中华人民共和国行政处罚法》的通知》") is inst
    assert reg.resolve("国务院关于贯彻实施<中华人民共和国行政处罚法>的通知") is inst
    assert reg.resolve("《国务院关于贯彻实施〈行政处罚法〉的通知》") is None  # no fuzzy guess


def test_resolve_unknown_returns_none(reg: Registry) -> None:
    for name in ["", "《中华人民共和国行政处罚条例》", "处罚法", "行政处罚", "行政处罚法实施细则",
                 "《中华人民共和国优化营商环境条例》", "道路交通安全"]:
        assert reg.resolve(name) is None, name


def test_resolve_prefers_exact_longer_title(reg: Registry) -> None:
    law = reg.resolve("道路交通安全法")
    reg_ = reg.resolve("道路交通安全法实施条例")
    assert law is not None and reg_ is not None and law is not reg_
    assert reg_.level == "行政法规"
    noise = reg.resolve("噪声污染防治法")
    old_noise = reg.resolve("环境噪声污染防治法")
    assert noise is not old_noise


def test_normalize_title() -> None:
    assert normalize_title("《中华人民共和国 行政处罚法》") == "中华人民共和国行政处罚法"
    assert normalize_title("（2021年修订）") == "(2021年修订)"


def test_ambiguous_short_form(tmp_path: Path) -> None:
    for name, title in [("a", "甲省物业管理条例"), ("b", "乙省物业管理条例")]:
        (tmp_path / f"{name}.yaml").write_text(
            f"title: {title}\nshort: [物业管理条例]\nlevel: 地方性法规\nissuer: x\n", encoding="utf-8"
        )
    reg = Registry.load([tmp_path])
    assert reg.resolve("甲省物业管理条例") is not None
    assert reg.resolve("物业管理条例") is None  # claimed by two instruments: never guess


# --------------------------------------------------------------------------- overlays and errors


def test_later_dir_overrides(tmp_path: Path) -> None:
    d = tmp_path / "local"
    d.mkdir()
    (d / "行政处罚法.yaml").write_text(
        "title: 中华人民共和国行政处罚法\nlevel: 法律\nissuer: 全国人民代表大会\nnotes: overlay\n", encoding="utf-8"
    )
    reg = Registry.load([laws_dir(), d])
    assert reg.resolve("行政处罚法").notes == "overlay"  # type: ignore[union-attr]
    assert len(reg) == len(default_registry())


def test_broken_yaml_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "坏.yaml"
    bad.write_text("title: 中华人民共和国坏法\nlevel: 法律\nshort: [坏法\nissuer: x\n", encoding="utf-8")
    with pytest.raises(RegistryError) as exc:
        Registry.load([tmp_path])
    msg = str(exc.value)
    assert "坏.yaml" in msg and exc.value.line is not None
    assert re.search(rf"坏\.yaml:{exc.value.line}:", msg)
    assert exc.value.line in (3, 4, 5)


def test_unknown_field_names_file_field_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "怪.yaml"
    bad.write_text(
        "title: 中华人民共和国怪法\n"
        "level: 法律\n"
        "issuer: x\n"
        "versions:\n"
        "  - label: 2020年通过\n"
        "    promulgated: 2020-01-01\n"
        "    efective: 2020-02-01\n"
        "    source: unverified\n",
        encoding="utf-8",
    )
    with pytest.raises(RegistryError) as exc:
        Registry.load([tmp_path])
    msg = str(exc.value)
    assert "怪.yaml:7:" in msg and "efective" in msg
    assert exc.value.line == 7 and exc.value.field == "versions[0].efective"


def test_schema_errors(tmp_path: Path) -> None:
    bad = tmp_path / "错.yaml"
    bad.write_text("title: 某法\nlevel: 法规\nissuer: x\nstatus: 已废止\n", encoding="utf-8")
    with pytest.raises(RegistryError) as exc:
        Registry.load([tmp_path])
    assert "错.yaml:2:" in str(exc.value) and "level" in str(exc.value)


def test_duplicate_title_in_one_dir(tmp_path: Path) -> None:
    for n in ("a", "b"):
        (tmp_path / f"{n}.yaml").write_text("title: 某法\nlevel: 法律\nissuer: x\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="duplicate title"):
        Registry.load([tmp_path])


def test_safe_load_only(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("title: !!python/object/apply:os.getcwd []\nlevel: 法律\nissuer: x\n")
    with pytest.raises(RegistryError):
        Registry.load([tmp_path])


# --------------------------------------------------------------------------------------------------- article facts


def test_article_facts_of_the_road_traffic_law(reg: Registry) -> None:
    road = reg.resolve("道路交通安全法")
    assert road is not None and road.origin == "national_law"
    facts = road.facts_for(reg.version_on(road, date(2026, 1, 1)))
    assert facts is not None and reg.version_on(road, date(2026, 1, 1)).label == "2021年修正"
    assert road.facts_for(reg.version_on(road, date(2015, 1, 1))) is None  # 2011 text: not imported
    [(number, fine)] = facts.penalties_of(90)
    assert number == 90 and (fine.kind, fine.min, fine.max) == ("range", 20, 200)
    assert fine.types == ["警告", "罚款"] and fine.paragraph == 1 and "二十元以上二百元以下" in fine.quote
    assert facts.provides_penalty(90) and not facts.provides_penalty(2)
    # 第九十五条: 依照本法第九十条的规定予以处罚
    assert facts.provides_penalty(95) and [n for n, _ in facts.penalties_of(95, paragraph=2)] == [90]
    assert [p.paragraph for _, p in facts.penalties_of(92, paragraph=2)] == [2, 2]
    assert facts.structure(91) == [0, 0, 0, 0, 0] and facts.structure(90) == [0]


def test_every_imported_version_with_a_text_has_article_facts(reg: Registry) -> None:
    pack = reg.packs[0]
    for ident in pack.ids()[::25]:  # a sample: one in 25 (reading all is test_importer's job)
        inst = reg.resolve(pack.record(ident)["head"]["title"])
        for version in inst.text_versions:
            assert inst.has_facts_for(version), (inst.title, version.label)
            if version.article_count:
                assert inst.facts_for(version) is not None or not pack.record(ident)["facts"], inst.title


def test_no_text_means_no_article_facts(reg: Registry) -> None:
    notice = reg.resolve("国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知")
    assert notice is not None and notice.origin is None and not notice.text_versions
    assert notice.facts_for(reg.version_on(notice, date(2026, 1, 1))) is None
    police = reg.resolve("治安管理处罚法")
    new = reg.version_on(police, date(2026, 6, 1))
    assert new.label == "2025年修订" and not police.has_facts_for(new)  # after the snapshot: no text
    assert police.has_facts_for(reg.version_on(police, date(2025, 6, 1)))


def test_suffixed_articles_and_gaps(reg: Registry) -> None:
    criminal = reg.resolve("刑法")
    v = criminal.current
    assert v.has_article(133, 1) and v.has_article(133, 2) and not v.has_article(133, 9)
    assert v.last == 452 and v.article_count == 452 + len(v.suffixed)
    procedure = reg.resolve("刑事诉讼法")  # the text lacks 第一百二十八条: the highest number still counts
    assert procedure.current.last == 308 and procedure.current.has_article(128)


def test_overlay_is_laid_over_the_import(tmp_path: Path) -> None:
    (tmp_path / "渔业法.yaml").write_text(
        "title: 中华人民共和国渔业法\nshort: [渔业法（2013年）]\nlevel: 法律\nnotes: overlay\n"
        "versions:\n  - label: 2013年修正\n    amended: 2013-12-28\n    effective: 2013-12-28\n"
        "    article_count: 99\n    source: press\n"
        "  - label: 2030年修订\n    amended: 2030-01-01\n    source: unverified\n", encoding="utf-8")
    reg = Registry.load([laws_dir(), tmp_path])
    fishery = reg.resolve("渔业法（2013年）")
    assert fishery is not None and fishery.notes == "overlay" and fishery.origin == "national_law"
    v2013 = fishery.version("2013年修正")
    assert v2013.effective == date(2013, 12, 28) and "effective: press" in v2013.source
    assert v2013.article_count == 50  # a text version keeps what was read from its text
    assert fishery.current.label == "2030年修订" and fishery.facts_for(v2013) is not None


def test_article_facts_are_validated() -> None:
    from pydantic import ValidationError

    from review_engine.registry import TextFacts

    with pytest.raises(ValidationError, match="min \\(500\\) is greater than max \\(200\\)"):
        TextFacts.model_validate({"articles": {"3": {"penalties": [
            {"types": ["罚款"], "kind": "range", "min": 500, "max": 200, "quote": "x"}]}}})
    with pytest.raises(ValidationError):
        TextFacts.model_validate({"articles": {"3": {"provisions": [{"kind": "permit", "name": "x", "rule": "r"}]}}})


def test_hand_written_entries_cannot_carry_article_facts(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("title: 某法\nlevel: 法律\narticles_version: x\nlayout: {}\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="articles_version"):
        Registry.load([tmp_path])


def test_doc_number_lookup(reg: Registry) -> None:
    inst = reg.by_doc_number("国办发〔2018〕115号")
    assert inst is not None and inst.level == "规范性文件"
    assert reg.by_doc_number("国办发[2018]115号") is inst
    assert reg.by_doc_number("国办发（2018）115号") is inst
    assert reg.by_doc_number("中华人民共和国国务院令第713号") is reg.resolve("重大行政决策程序暂行条例")
    assert reg.by_doc_number("国办发〔2018〕116号") is None


def test_repeals_read_from_the_corpus(reg: Registry) -> None:
    for old, new, day in [("城市规划法", "中华人民共和国城乡规划法", date(2008, 1, 1)),
                          ("治安管理处罚条例", "中华人民共和国治安管理处罚法", date(2006, 3, 1)),
                          ("环境噪声污染防治条例", "中华人民共和国环境噪声污染防治法", date(1997, 3, 1)),
                          ("行政法规制定程序暂行条例", "行政法规制定程序条例", date(2002, 1, 1))]:
        inst = reg.resolve(old)
        assert inst is not None and inst.repealed is not None, old
        assert inst.repealed.date == day and inst.repealed.by == new
        assert reg.resolve(new) is not None
        assert not reg.in_force(inst, day)[0]


def test_partly_unverified_versions() -> None:
    from review_engine.registry import Version

    v = Version(label="x", amended=date(2020, 1, 1), article_count=5, source="corpus:a.md#header; effective unverified")
    assert v.count_verified and not v.is_verified("effective") and not v.verified
    v = Version(label="x", amended=date(2020, 1, 1), article_count=5,
                source="corpus:a.md#header; effective, article_count unverified")
    assert not v.count_verified
    assert not Version(label="x", amended=date(2020, 1, 1), source="unverified").count_verified


def test_describe(reg: Registry) -> None:
    from review_engine.registry.describe import list_rows, show_text

    rows = {row[0]: row for row in list_rows(reg, date(2026, 6, 1))}
    assert rows["中华人民共和国环境噪声污染防治法"][2] == "已废止"
    assert rows["中华人民共和国行政处罚法"][3:5] == ("2021年修订", "86")
    text = show_text(reg.resolve("治安管理处罚法"), reg, date(2026, 6, 1), quotes=False)
    assert "2012年修正（不是现行版本" in text and "2025年修订" in text and "被2025年修订取代" in text


def test_the_registry_layer_imports_no_rule_engine_or_report() -> None:
    import re as _re

    package = Path(__file__).parents[1] / "src" / "review_engine" / "registry"
    forbidden = _re.compile(r"^\s*(?:from|import)\s+(?:review_engine\.|\.\.)(?:kinds|ruleset|engine|report|cli)\b", _re.M)
    for path in package.glob("*.py"):
        assert not forbidden.search(path.read_text(encoding="utf-8")), path.name
