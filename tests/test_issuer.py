"""Who issues a document (facts/issuer.py), read from the record, else from the text: 题注, 文号, title, 落款, the
interpretation clause and whom the text addresses — and nothing assumed when none of them says."""

from __future__ import annotations

from review_engine.facts import Facts
from review_engine.facts.issuer import body_of, level_of
from review_engine.parsing import parse_source
from review_engine.reading import source_from_text
from review_engine.record import parse_dossier

BODY = "第一条 为了加强农贸市场管理，制定本办法。\n\n第二条 本办法自2027年1月1日起施行，有效期五年。\n"


def issuer(text: str, dossier=None):
    doc = parse_source(source_from_text(text, file="draft.md", format="md"))
    return Facts(doc, dossier=dossier).issuer


def test_the_record_comes_first_even_when_the_title_names_another_body():
    record = parse_dossier("issuer: {name: 某县市场监督管理局, type: 工作部门, level: 县}\n")
    found = issuer("# 某县人民政府关于农贸市场管理的通知\n\n" + BODY, record)
    assert (found.body, found.level, found.source) == ("工作部门", "县", "程序记录")


def test_a_government_in_the_title_with_its_level():
    found = issuer("# 江西省某某市人民政府关于印发农贸市场管理办法的通知\n\n" + BODY)
    assert found.body == "人民政府" and found.level == "设区的市"
    found = issuer("# 某某县人民政府办公室关于农贸市场管理的通知\n\n" + BODY)
    assert found.body == "政府办公厅" and found.level == "县"


def test_the_state_council_by_its_document_number():
    found = issuer("# 农贸市场管理若干规定\n\n国发〔2027〕3号\n\n" + BODY)
    assert (found.body, found.level) == ("国务院", "国家") and "国发" in found.source
    found = issuer("# 农贸市场管理若干规定\n\n国办发〔2027〕5号\n\n" + BODY)
    assert found.body == "国务院办公厅"


def test_a_provincial_government_by_its_abbreviated_document_number():
    found = issuer("# 农贸市场管理若干规定\n\n赣府发〔2027〕8号\n\n" + BODY)
    assert (found.body, found.level) == ("人民政府", "省")


def test_a_department_in_the_signature_when_nothing_else_says():
    found = issuer("# 农贸市场管理办法\n\n" + BODY + "\n某某县商务局\n\n2026年12月1日\n")
    assert (found.body, found.level) == ("工作部门", "县")


def test_the_body_charged_with_interpretation_when_nothing_else_says():
    text = "# 农贸市场管理办法\n\n第一条 为了加强农贸市场管理，制定本办法。\n\n第二条 本办法由某某市商务局负责解释。\n"
    found = issuer(text)
    assert found.body == "工作部门" and "解释条款" in found.source


def test_a_text_addressed_to_the_provinces_comes_from_a_national_body():
    text = ("# 农贸市场管理办法\n\n第一条 为了加强农贸市场管理，制定本办法。\n\n"
            "第二条 各省、自治区、直辖市商务主管部门负责本行政区域农贸市场的监督管理。\n")
    found = issuer(text)
    assert found.level == "国家" and found.national


def test_an_issuer_nothing_shows_stays_unknown():
    found = issuer("# 农贸市场管理办法\n\n" + BODY)
    assert not found.known and found.level is None


def test_names_give_body_and_level():
    assert body_of("国务院") == "国务院" and body_of("国家市场监督管理总局") == "国务院部门"
    assert level_of("某某自治州人民政府") == "设区的市"
    assert level_of("某某市某某区人民政府") == "县"
