"""The opinion as an office sends it (issue 12): the officer's text holds no rule ids, file names, tool names or
line numbers; it opens with the 主送机关 and 你单位报送的《…》收悉, names the 起草单位, says once when the issuer
could not be established, shows how each clause was read; the technical detail is in 附件三; the Word opinion
numbers its pages; the basis of a profile's threshold follows the profile."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest

from review_engine.cli import main
from review_engine.engine import review_path
from review_engine.report.opinion import render_opinion

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "examples" / "drafts").iterdir() if p.is_dir())
DOG = ROOT / "examples" / "drafts" / "养犬管理办法-内容缺陷"
DATE = dt.date(2026, 4, 10)
TOOL_WORDS = re.compile(r"[A-Z]+-[A-Z]+-\d\d|\.yaml|\.md|\.docx|\.txt|review-engine|第\d+行|[a-z]+_[a-z]+")


def _docx_text(data: bytes) -> str:
    import docx

    doc = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in doc.paragraphs)


def _body(text: str) -> str:
    """The officer's text: everything before the first appendix."""
    return text[: text.index("附件一")]


@pytest.mark.parametrize("fmt", ["md", "txt", "docx"])
@pytest.mark.parametrize("folder", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_the_example_opinions_speak_as_an_office(folder: Path, fmt: str):
    data = render_opinion(review_path(folder, review_date=DATE), fmt)
    text = _docx_text(data) if fmt == "docx" else data.decode("utf-8")
    body = _body(text)
    assert not TOOL_WORDS.findall(body), TOOL_WORDS.findall(body)
    assert "收悉" in body and "起草单位：" in body and re.search(r"^\S+：$", body, re.M)  # 主送机关
    # the technical detail is in the appendix: rule ids, files, the registry's and the rule set's dates
    appendix = text[text.index("附件三"):]
    assert re.search(r"[A-Z]+-[A-Z]+-\d\d", appendix) and "draft.md" in appendix
    assert "上位法库：法律、行政法规文本截至2025年4月19日" in appendix and re.search(r"规则集（\d{4}年\d+月\d+日版）", appendix)


def test_the_addressee_is_the_drafting_unit_and_the_opening_names_the_draft_and_date():
    text = render_opinion(review_path(DOG, review_date=DATE), "md").decode("utf-8")
    assert "\n某县公安局：\n" in text
    assert "你单位于2026年3月25日报送的《某县养犬管理办法（送审稿）》及有关材料收悉" in text
    assert "- 起草单位：某县公安局" in text


def test_each_content_suggestion_says_how_the_clause_was_read_and_json_keeps_it():
    review = review_path(DOG, review_date=DATE)
    text = render_opinion(review, "md").decode("utf-8")
    assert "- 审查理由：该句由本文件直接作出规定，未载明上位法依据；制定机关为“某县人民政府”" in text
    data = json.loads(review.model_dump_json())
    assert any(f.get("reading") for f in data["findings"])


def test_an_unknown_issuer_is_said_once_instead_of_assumed(tmp_path: Path):
    draft = tmp_path / "某办法"
    draft.mkdir()
    (draft / "draft.md").write_text("# 养犬管理办法\n\n第一条 养犬应当经公安机关批准。\n\n第二条 本办法自2026年3月1日起施行，有效期5年。\n",
                                    encoding="utf-8")
    review = review_path(draft, review_date=DATE)
    assert review.issuer_reading is not None and not review.issuer_reading.known
    text = render_opinion(review, "md").decode("utf-8")
    assert _body(text).count("未能确认制定机关") == 1
    assert "- 制定机关：未能确认制定机关（程序记录和草案文本均未载明），按规范性文件的一般制定权限审核" in text


def test_the_word_opinion_numbers_its_pages():
    import docx

    doc = docx.Document(io.BytesIO(render_opinion(review_path(DOG, review_date=DATE), "docx")))
    footer = doc.sections[0].footer._element.xml
    assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", footer)
    assert footer.count('w:fldCharType="begin"') == 1 and 'w:fldCharType="end"' in footer


def test_a_validity_the_text_states_is_not_said_to_be_about_that_long(tmp_path: Path):
    draft = tmp_path / "d"
    draft.mkdir()
    (draft / "draft.md").write_text("# 某县共享单车管理暂行办法\n\n第一条 为了规范管理，制定本办法。\n\n"
                                    "第二条 本办法自2026年3月1日起施行，有效期5年。\n", encoding="utf-8")
    finding = next(f for f in review_path(draft, review_date=DATE).findings if f.rule_id == "TIME-VAL-01")
    assert "为5年" in finding.message and "约为" not in finding.message


def test_the_unknown_law_suggestion_does_not_send_the_officer_to_a_folder():
    text = (ROOT / "rules" / "citation" / "CITE-01.yaml").read_text(encoding="utf-8")
    suggestion = re.search(r"^suggestion: (.*)$", text, re.M).group(1)
    assert "laws/" not in suggestion and "目录" not in suggestion


# ---- basis follows the profile ------------------------------------------------------------------------------

def _validity_finding(tmp_path: Path, profile: str | Path, years: int = 5, title: str = "某县共享单车管理办法"):
    draft = tmp_path / "d"
    draft.mkdir(exist_ok=True)
    (draft / "draft.md").write_text(f"# {title}\n\n第一条 为了规范管理，制定本办法。\n\n"
                                    f"第二条 本办法自2026年3月1日起施行，有效期{years}年。\n", encoding="utf-8")
    review = review_path(draft, review_date=DATE, profile=profile)
    return next(f for f in review.findings if f.rule_id == "TIME-VAL-01")


def test_a_profile_that_lowers_a_threshold_cites_its_own_source_not_the_default(tmp_path: Path):
    profile = tmp_path / "my-city.yaml"
    profile.write_text("name: my-city\nextends: national\nparams: {max_validity_years: 3}\nbasis:\n"
                       "  max_validity_years:\n    - {law: 某市行政规范性文件管理办法, article: 20, "
                       "quote: 规范性文件的有效期一般不超过3年。}\n", encoding="utf-8")
    finding = _validity_finding(tmp_path, profile)
    assert [b.law for b in finding.basis] == ["某市行政规范性文件管理办法"]
    assert "3年" in finding.basis[0].quote


def test_a_profile_that_sets_a_threshold_without_a_basis_does_not_quote_the_parents(tmp_path: Path):
    profile = tmp_path / "my-city.yaml"
    profile.write_text("name: my-city\nextends: national\nparams: {max_validity_years: 3}\n", encoding="utf-8")
    finding = _validity_finding(tmp_path, profile)
    assert not any("5年" in b.quote for b in finding.basis), finding.basis


def test_the_national_profile_does_not_quote_shanghai(tmp_path: Path):
    finding = _validity_finding(tmp_path, "national", years=8)
    assert finding.basis and not any("上海" in b.law for b in finding.basis)
    assert any("上海" in b.law for b in _validity_finding(tmp_path, "shanghai", years=8).basis)


def test_an_unknown_threshold_in_a_profiles_basis_is_an_error(tmp_path: Path):
    from review_engine.profile import ProfileError, load_profile

    profile = tmp_path / "p.yaml"
    profile.write_text("name: p\nextends: national\nbasis:\n  max_validty_years: []\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="max_validty_years"):
        load_profile(profile)
