"""The precision ledger (benchmarks/ledger/run.py): every block and modify finding the rules produce on the
corpus's real documents has a lawyer's judgement in ledger.yaml, and the judged precision holds its targets.

A new finding on the corpus fails this test until it is judged (``python benchmarks/ledger/run.py --unjudged``
prints the entries to fill in); a rule change that turns right findings wrong shows in the precision.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import load_benchmark

ROOT = Path(__file__).resolve().parents[1]
RUNNER = ROOT / "benchmarks" / "ledger" / "run.py"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def ledger_run(corpus):
    module = load_benchmark("ledger_benchmark", RUNNER)
    return module.measure(corpus, module.load_ledger())


def test_every_block_and_modify_finding_on_the_corpus_is_judged(ledger_run):
    assert [k for k, _, _ in ledger_run.unjudged] == []


def test_block_findings_are_right_at_least_nine_times_in_ten(ledger_run):
    assert sum(ledger_run.tally["block"].values()) >= 20
    assert ledger_run.precision("block") >= 0.90


def test_modify_findings_are_right_at_least_four_times_in_five(ledger_run):
    assert ledger_run.precision("modify") >= 0.80


def test_no_normative_document_of_the_corpus_is_blocked_wrongly(ledger_run):
    wrong = {doc: items for doc, items in ledger_run.normative_blocks.items()
             if any(verdict == "wrong" for _, verdict in items)}
    assert wrong == {}
