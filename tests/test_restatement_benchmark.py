"""The restatement benchmark (benchmarks/restatement/run.py): real provisions of national laws restated by a county
department's 规范性文件 — with their citation no block finding, without it at most modify. By hand:

    python benchmarks/restatement/run.py            # all provisions, the figures and every failure
    python benchmarks/restatement/run.py --select   # rewrite provisions.yaml from the corpus
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUNNER = ROOT / "benchmarks" / "restatement" / "run.py"

# Failures the engine cannot avoid while the registry does not record the provision restated (the importer's
# patterns miss it: registry/provisions.py, registry/penalties.py), so that neither the name nor the quotation
# of a registry fact matches the sentence. Each is (kind, law, article, draft): "a" cited, "b" uncited.
REGISTRY_GAPS = {
    # licences the importer does not read: the body is 海关 / 中国人民银行 alone, the activity ends like a
    # subject (设立融资担保公司, 设立电视剧制作单位, 变更公司的实际控制人) or starts with 经 (经营船舶管理业务), the
    # approval has no body (未经批准，不得改变……) or the activity is a clause starting with 经批准的
    ("licence", "海关法", "第三十七条", "b"),
    ("licence", "证券投资基金法", "第十四条", "b"),
    ("licence", "融资担保公司监督管理条例", "第六条", "b"),
    ("licence", "国内水路运输管理条例", "第二十七条", "b"),
    ("licence", "广播电视管理条例", "第三十五条", "b"),
    ("licence", "金银管理条例", "第十七条", "b"),
    ("licence", "土地管理法", "第二十五条", "a"),
    ("licence", "土地管理法", "第二十五条", "b"),
    # 必须作封存或者销毁处理 (no modal the coercion pattern knows) in a sentence whose licence is recorded
    ("licence", "进出境动植物检疫法实施条例", "第四十七条", "b"),
    # no penalty recorded at all (可以对拍卖人处……罚款: no conduct before it)
    ("penalty", "拍卖法", "第六十六条", "a"),
    ("penalty", "拍卖法", "第六十六条", "b"),
    # 强制检查 is not among the coercive measures the importer reads
    ("coercion", "海警法", "第十八条", "b"),
}
# Without the law texts, also the penalties whose recorded quotation names no conduct — the clause after the
# semicolon (……的，由……责令改正；拒不改正的，处……罚款; ……；尚不构成犯罪的，由……没收违法所得……) or the lead-in of a list
# of violations (有下列行为之一的，由……处……罚款：): only the law's text can tell them from an invented penalty.
NO_CONDUCT = {("penalty", law, article, "b") for law, article in [
    ("无线电管理条例", "第七十九条"), ("特种设备安全监察条例", "第八十四条"), ("城乡规划法", "第六十七条"),
    ("农产品质量安全法", "第七十三条"), ("无障碍环境建设法", "第六十七条"), ("直销管理条例", "第四十三条"),
    ("中国人民银行法", "第四十二条"), ("文物保护法", "第九十一条"), ("电力监管条例", "第三十四条"), ("护照法", "第十八条"),
    ("安全生产法", "第一百零五条"), ("放射性污染防治法", "第四十九条"), ("消防法", "第五十八条"),
    ("海关行政处罚实施条例", "第二十一条"), ("慈善法", "第一百一十条"), ("矿山安全法", "第四十二条"),
    ("银行业监督管理法", "第四十四条"), ("制止牟取暴利的暂行规定", "第十二条")]}


@pytest.fixture(scope="module")
def bench(corpus):
    spec = importlib.util.spec_from_file_location("restatement_benchmark", RUNNER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_list_holds_no_law_text():
    text = (ROOT / "benchmarks" / "restatement" / "provisions.yaml").read_text(encoding="utf-8")
    assert set(re.findall(r"^  (\w+):", text, re.M)) == {"law", "article", "paragraph", "sentence", "file"}
    assert len(re.findall(r"^- kind:", text, re.M)) >= 300


def test_drafts(bench, corpus):
    from review_engine.parsing import parse_source
    from review_engine.reading import source_from_text

    provisions, missing = bench.load(corpus)
    assert not missing
    assert {c.kind for c in provisions} == set(bench.KINDS)
    for c in provisions[::40]:
        for with_citation in (True, False):
            text, (first, last) = bench.draft(c, with_citation)
            doc = parse_source(source_from_text(text, file="x.md", format="md"))
            fourth = doc.articles()[3]
            assert (fourth.span.line, fourth.span.end_line) == (first, last), c.key
            article = "\n".join(text.split("\n")[first - 1:last])
            assert (f"《{c.title}》{c.article}" in article) == with_citation, c.key
            opening = text.split("\n")[2]
            assert ("《" in opening) == with_citation


@pytest.mark.slow
def test_selection_is_deterministic(bench, corpus):
    chosen = bench.select(corpus)
    listed = [e for e in __import__("yaml").safe_load(bench.LIST.read_text(encoding="utf-8"))]
    assert [c.entry() for c in chosen] == listed


def failed(result) -> set:
    out = set()
    for o in result.failures():
        c = o.provision
        if o.cited_blocks:
            out.add((c.kind, c.law, c.article, "a"))
        if o.highest(o.bare) == "block":
            out.add((c.kind, c.law, c.article, "b"))
    return out


@pytest.mark.slow
def test_acceptance(bench):
    result = bench.run()
    assert len(result.outcomes) >= 300 and not result.missing
    assert failed(result) <= REGISTRY_GAPS | NO_CONDUCT, bench.report(result)
    assert "(b) without citation" in bench.report(result)


@pytest.mark.slow
def test_acceptance_with_the_law_texts(bench, corpus):
    try:
        result = bench.run(law_texts=str(corpus / "national_law"))
    finally:
        bench._configure_texts(None)
    assert failed(result) <= REGISTRY_GAPS, bench.report(result)
