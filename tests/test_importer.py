"""The law importer (registry/importer.py): the committed article facts are what it reads from the corpus."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from review_engine.cli import main
from review_engine.registry import Instrument, Registry, default_registry, laws_dir
from review_engine.registry.importer import GENERATED_MARKER, import_facts, import_law, merge_entry, render_entry

from conftest import CORPUS, corpus_files

HIGHER_LAW = CORPUS / "higher_law" if CORPUS else None
LAWS = sorted(HIGHER_LAW.glob("*.md")) if HIGHER_LAW else []
needs_corpus = pytest.mark.skipif(CORPUS is None, reason="../shared/corpus is absent (set REVIEW_ENGINE_CORPUS)")
EXPECTED_COUNTS = {path.name: count for path, count in corpus_files() if path.parent.name == "higher_law"}


def _title(path: Path) -> str:
    return next(line[2:].strip() for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# "))


@pytest.fixture(scope="module")
def imported() -> dict[str, object]:
    return {path.name: import_facts(path) for path in LAWS}


@needs_corpus
@pytest.mark.parametrize("path", LAWS, ids=lambda p: p.stem)
def test_reimport_matches_the_committed_facts(path: Path, imported) -> None:
    result = imported[path.name]
    inst = default_registry().resolve(_title(path))
    assert inst is not None and inst.title == result.title
    assert result.article_count == EXPECTED_COUNTS[path.name], "article count differs from the text's 第X条 lines"
    assert result.numbering_ok
    version = inst.facts_version
    assert version is not None and version.source.split(";")[0].strip() == result.source, \
        f"{inst.title}: articles_version should be the version imported from {result.source}"
    assert version.article_count == result.article_count
    committed = Instrument.model_validate({"title": inst.title, "level": inst.level, "issuer": inst.issuer,
                                           "versions": [v.model_dump() for v in inst.versions],
                                           "articles_version": inst.articles_version, **result.facts()})
    assert committed.layout == inst.layout, f"{inst.path}: layout differs from a fresh import (run laws import)"
    assert committed.articles == inst.articles, f"{inst.path}: articles differ from a fresh import (run laws import)"


@needs_corpus
def test_reimport_writes_the_committed_file_back(imported) -> None:
    for path in LAWS:
        inst = default_registry().resolve(_title(path))
        text = Path(inst.path).read_text(encoding="utf-8")
        assert merge_entry(text, imported[path.name]) == text, f"{inst.path} is not what `laws import` writes"


# 30 penalty ranges checked by hand against the texts (random sample, seed 20261128): law, article,
# 款, 项, kind, min, max, words of the base
HAND_CHECKED = [
    ("治安管理处罚法", 40, 1, None, "range", 500, 1000, None),
    ("噪声污染防治法", 80, 1, None, "range", 5000, 50000, None),
    ("噪声污染防治法", 73, 1, None, "percent", 2, 4, "建设工程合同价款"),
    ("产品质量法", 51, 1, None, "multiple", None, 1, "货值金额"),
    ("道路交通安全法", 96, 3, None, "range", 2000, 5000, None),
    ("招标投标法", 59, 1, None, "percent", Decimal("0.5"), 1, "中标项目金额"),
    ("招标投标法", 57, 1, None, "percent", Decimal("0.5"), 1, "中标项目金额"),
    ("广告法", 62, 2, None, "range", 5000, 30000, None),
    ("治安管理处罚法", 67, 1, None, "max_only", None, 5000, None),
    ("食品安全法", 140, 5, None, "range", 20000, 50000, None),
    ("反不正当竞争法", 23, 1, None, "range", 500000, 3000000, None),
    ("安全生产法", 96, 1, None, "percent", 20, 50, "上一年年收入"),
    ("广告法", 62, 1, None, "range", 5000, 30000, None),
    ("噪声污染防治法", 73, 2, None, "percent", 2, 10, "建设工程合同价款"),
    ("道路交通安全法", 98, 1, None, "multiple", 2, 2, "保险费"),
    ("治安管理处罚法", 52, 1, None, "max_only", None, 1000, None),
    ("大气污染防治法", 118, 2, None, "range", 10000, 100000, None),
    ("治安管理处罚法", 49, 1, None, "max_only", None, 500, None),
    ("安全生产法", 103, 1, None, "range", 10000, 20000, None),
    ("消防法", 66, 1, None, "range", 1000, 5000, None),
    ("反不正当竞争法", 20, 1, None, "range", 200000, 1000000, None),
    ("治安管理处罚法", 62, 1, None, "range", 500, 2000, None),
    ("噪声污染防治法", 82, 1, None, "range", 2000, 20000, None),
    ("安全生产法", 95, 1, 3, "percent", 80, 80, "上一年年收入"),
    ("食品安全法", 122, 1, None, "range", 50000, 100000, None),
    ("政府采购法", 76, 1, None, "range", 20000, 100000, None),
    ("治安管理处罚法", 23, 1, None, "max_only", None, 500, None),
    ("治安管理处罚法", 23, 2, None, "max_only", None, 1000, None),
    ("道路交通安全法", 90, 1, None, "range", 20, 200, None),
    ("广告法", 58, 3, None, "multiple", 1, 3, "广告费用"),
]


@needs_corpus
@pytest.mark.parametrize("fact", HAND_CHECKED, ids=lambda f: f"{f[0]}-{f[1]}-{f[2]}")
def test_hand_checked_ranges(fact) -> None:
    law, article, paragraph, item, kind, low, high, base = fact
    inst = default_registry().resolve(law)
    pens = [p for p in inst.articles[article].penalties if p.paragraph == paragraph and p.item == item]
    matching = [p for p in pens if p.kind == kind and p.min == (None if low is None else Decimal(low))
                and p.max == (None if high is None else Decimal(high)) and (base is None or base in (p.base or ""))]
    assert matching, [(p.kind, p.min, p.max, p.base) for p in pens]


@needs_corpus
def test_totals(imported, capsys) -> None:
    ranges = {name: r.range_count for name, r in imported.items()}
    total = sum(ranges.values())
    with capsys.disabled():
        print(f"\nimporter: {total} fine ranges in {sum(1 for v in ranges.values() if v)} of {len(ranges)} laws")
    assert total >= 350
    assert ranges["道路交通安全法(2021-04-29).md"] >= 20
    # laws about procedure provide no penalties, and the importer does not invent any
    for name in ("立法法(2023-03-13).md", "行政处罚法(2021-01-22).md", "规章制定程序条例(2017-12-22).md"):
        assert not imported[name].articles, name


@needs_corpus
def test_mentions_of_penalties_are_not_penalties(imported) -> None:
    road_rules = imported["道路交通安全法实施条例(2017-10-07).md"]
    assert 109 not in road_rules.articles  # 对处以吊销机动车驾驶证处罚的，由…作出决定 (who decides)
    road = imported["道路交通安全法(2021-04-29).md"]
    assert 88 not in road.articles  # the list of penalty types
    assert road.articles[95].refers == [90] and not road.articles[95].penalties
    assert 107 not in road.articles  # 当场处罚 (procedure)


@needs_corpus
def test_fresh_entry_is_a_valid_registry_file(tmp_path: Path) -> None:
    for name in ("道路交通安全法(2021-04-29).md", "优化营商环境条例(2019-10-22).md", "土地管理法(2019-08-26).md"):
        text = import_law(HIGHER_LAW / name)
        assert GENERATED_MARKER in text
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    reg = Registry.load([tmp_path])
    road = reg.resolve("道路交通安全法")
    assert road.level == "法律" and road.current.article_count == 124 and road.articles_version == road.current.label
    assert [v.label for v in road.versions] == ["2003年通过", "2007年修正", "2011年修正", "2021年修正"]
    assert road.versions[0].effective.isoformat() == "2004-05-01"
    business = reg.resolve("优化营商环境条例")
    assert business.level == "行政法规" and business.doc_number == "国务院令第722号"
    assert business.versions[0].effective.isoformat() == "2020-01-01"
    land = reg.resolve("土地管理法")  # a header line wrapped in the file
    assert land.versions[-1].amended.isoformat() == "2019-08-26"


def test_merge_keeps_the_hand_written_part() -> None:
    path = laws_dir() / "道路交通安全法.yaml"
    text = path.read_text(encoding="utf-8")
    head = text.split(GENERATED_MARKER)[0]
    if HIGHER_LAW is None:
        pytest.skip("../shared/corpus is absent")
    result = import_facts(HIGHER_LAW / "道路交通安全法(2021-04-29).md")
    changed = head.replace("sources:", "# a note a person wrote\nsources:", 1)
    merged = merge_entry(changed, result)
    assert merged.startswith(changed.rstrip("\n")) and "# a note a person wrote" in merged
    assert yaml.safe_load(merged)["articles_version"] == "2021年修正"
    with pytest.raises(ValueError, match="中华人民共和国道路交通安全法"):
        merge_entry(text.replace("title: 中华人民共和国道路交通安全法", "title: 中华人民共和国某法"), result)


@needs_corpus
def test_cli_import_updates_an_existing_file(tmp_path: Path, capsys) -> None:
    target = tmp_path / "道路交通安全法.yaml"
    original = (laws_dir() / "道路交通安全法.yaml").read_text(encoding="utf-8")
    target.write_text(original.split(GENERATED_MARKER)[0], encoding="utf-8")
    assert main(["laws", "import", str(HIGHER_LAW / "道路交通安全法(2021-04-29).md"), "--out", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == original
    assert "人工核对" in capsys.readouterr().err


def test_cli_laws_show_and_list(capsys) -> None:
    assert main(["laws", "show", "道路交通安全法"]) == 0
    out = capsys.readouterr().out
    assert "《中华人民共和国道路交通安全法》" in out and "现行" in out
    assert re.search(r"第九十条\n\s+第一款 警告、罚款 20–200元", out)
    assert main(["laws", "show", "环境噪声污染防治法"]) == 0
    out = capsys.readouterr().out
    assert "已废止" in out and "2022年6月5日" in out and "噪声污染防治法" in out
    assert main(["laws", "show", "国办发〔2018〕115号"]) == 0
    assert "合法性审核机制" in capsys.readouterr().out
    assert main(["laws", "show", "没有这部法"]) == 2
    assert main(["laws", "list"]) == 0
    assert "上位法库" in capsys.readouterr().out
