"""Sentences drafted to read like real clauses, each put as 第三条第二款 into a small county draft that names a legal
basis (根据《中华人民共和国食品安全法》等法律法规): a defect must get a content, timing, citation or subject finding on
its line, a lawful sentence none above info. The fixture holds the cases the reading principles of the rules were
worked from and checked against (drafted for the purpose, and the sentences of the blind sets once measured); a change
that loses one of them says which."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from review_engine.engine import get_profile, get_rules
from review_engine.parsing import parse_source
from review_engine.reading import source_from_text
from review_engine.record import Dossier
from review_engine.ruleset.run import make_context, run_rules

FIXTURE = Path(__file__).parent / "fixtures" / "drafted_sentences.tsv"
DRAFT = ("某县豆制品小作坊管理办法\n\n第一条 为了加强管理，根据《中华人民共和国食品安全法》等法律法规，结合本县实际，制定本办法。\n\n"
         "第二条 本办法适用于本县行政区域内的有关活动。\n\n第三条 县市场监督管理局负责监督管理工作。\n{S}\n\n"
         "第四条 本办法自2027年1月1日起施行。\n")
LINE = 8  # the line of 第三条第二款 in DRAFT
ISSUER = Dossier.model_validate({"issuer": {"name": "某县人民政府", "type": "人民政府", "level": "县"}})
FAMILIES = ("CONT-", "TIME-", "CITE-", "SUBJ-", "DRAFT-CITE-")


def _cases() -> list[tuple[str, str]]:
    rows = [line.split("\t", 1) for line in FIXTURE.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return [(expect, sentence) for expect, sentence in rows]


def _findings(sentence: str) -> list:
    doc = parse_source(source_from_text(DRAFT.replace("{S}", sentence), file="draft.md", format="md"))
    ctx = make_context(doc, profile=get_profile("national"), doc_type="规范性文件", review_date=dt.date(2026, 11, 1),
                       dossier=ISSUER)
    return [f for f in run_rules(get_rules().rules, ctx, [])
            if f.location.line == LINE and f.rule_id.startswith(FAMILIES)]


def test_the_fixture_holds_both_kinds():
    kinds = [expect for expect, _ in _cases()]
    assert set(kinds) == {"defect", "lawful"} and kinds.count("defect") > 200 and kinds.count("lawful") > 200


@pytest.mark.parametrize("expect, sentence", _cases(), ids=lambda v: v[:24])
def test_a_drafted_sentence_is_read_as_a_reviewer_would(expect, sentence):
    found = _findings(sentence)
    if expect == "defect":
        assert found, "no finding on the defect"
    else:
        assert [f"{f.rule_id} {f.severity}" for f in found if f.severity != "info"] == []
