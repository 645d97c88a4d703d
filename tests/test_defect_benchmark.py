"""The defect benchmark (benchmarks/defects/run.py) on the real corpus: injected defects are caught, the
uninjected 规范性文件 stay clean of block findings. The full run takes some 10 s; by hand:

    python benchmarks/defects/run.py -v                        # the catalogue, with the missed phrasings
    python benchmarks/defects/run.py --catalogue OTHER.yaml    # another catalogue of the same format
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import load_benchmark

ROOT = Path(__file__).resolve().parents[1]
RUNNER = ROOT / "benchmarks" / "defects" / "run.py"
CATALOGUE = ROOT / "benchmarks" / "defects" / "catalogue.yaml"


@pytest.fixture(scope="module")
def bench(corpus):
    return load_benchmark("defect_benchmark", RUNNER)


def test_injection_lands_as_a_new_paragraph_of_the_middle_article(bench, corpus):
    from review_engine.parsing import parse_source
    from review_engine.reading import source_from_text

    docs = bench.load_documents(corpus)
    assert len(docs) >= 60
    for doc in docs:
        text, line = doc.inject("对违反本办法规定的，处二千元罚款。")
        parsed = parse_source(source_from_text(text, file="x.md", format="md"))
        node = next(n for n in parsed.nodes() if n.kind in ("paragraph", "point") and "处二千元罚款" in n.text)
        assert node.span.line == line, doc.name
        assert node.eid == doc.article_eid or node.eid.startswith(doc.article_eid + "__"), doc.name


def test_quick_subset(bench):
    result = bench.run(CATALOGUE, docs_per_phrasing=1, limit=1)
    assert set(result.trials) == {c["id"] for c in result.classes}
    assert result.overall >= 0.9
    assert "recall per class" in bench.report(result)


@pytest.mark.slow
def test_full_catalogue_meets_the_acceptance_thresholds(bench):
    result = bench.run(CATALOGUE)
    assert result.failures() == [], bench.report(result, verbose=True)
    assert result.lookalike_alarms == []
