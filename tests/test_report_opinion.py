"""The review opinion (合法性审核意见书): golden files of the example drafts, its sections on realistic
drafts, escaping of draft text in HTML and Markdown, the Word output and user templates."""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
from pathlib import Path

import pytest

from review_engine.engine import review_path
from review_engine.report.opinion import TemplateError, opinion_context, render_opinion

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "drafts"
GOLDEN = ROOT / "tests" / "golden" / "opinions"
TEST_RULES = ROOT / "tests" / "golden" / "rules" / "test"
REVIEW_DATE = dt.date(2026, 4, 10)
EXAMPLE_DIRS = sorted(p for p in EXAMPLES.iterdir() if p.is_dir() and not p.name.startswith(".")) if EXAMPLES.is_dir() else []
DOG = EXAMPLES / "养犬管理办法-内容缺陷"


def _review(path: Path, rules=None):
    return review_path(path, review_date=REVIEW_DATE, rules=rules)


# ---- golden files ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["md", "txt"])
@pytest.mark.parametrize("folder", EXAMPLE_DIRS, ids=[p.name for p in EXAMPLE_DIRS])
def test_example_opinion_matches_golden_file(folder: Path, fmt: str, update_golden: bool):
    review = _review(folder)
    assert review.document is not None and not [e for e in review.errors if e.code != "DOSSIER"], review.errors
    text = render_opinion(review, fmt).decode("utf-8")
    golden = GOLDEN / f"{folder.name}.{fmt}"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
        return
    assert golden.is_file(), (f"no golden opinion for {folder.name}; run `.venv/bin/python scripts/update_golden.py` "
                              "and review the new file")
    expected = golden.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True),
                                            f"golden/{golden.name}", "current", n=2))
        pytest.fail(f"the opinion of {folder.name} changed; if intended, run scripts/update_golden.py\n{diff[:6000]}")


def test_every_golden_file_belongs_to_an_example(update_golden: bool):
    names = {p.name for p in EXAMPLE_DIRS}
    orphans = [p for p in GOLDEN.glob("*.*") if p.stem not in names]
    if update_golden:
        for p in orphans:
            p.unlink()
        return
    assert not orphans, f"golden files without an example folder (run scripts/update_golden.py): {orphans}"


def test_the_golden_opinion_does_not_depend_on_the_path_or_the_day(tmp_path: Path):
    """Same draft from another place and another run: the same opinion (the golden files rely on it)."""
    import shutil

    copy = tmp_path / "elsewhere" / DOG.name
    shutil.copytree(DOG, copy)
    first = render_opinion(_review(DOG), "md")
    second = render_opinion(_review(copy.resolve()), "md")
    assert first == second
    assert b"2026" in first and str(tmp_path).encode() not in second


# ---- sections of the opinion on the content-defect example ---------------------------------------------------

def test_opinion_of_the_dog_draft_has_every_section_in_order():
    text = render_opinion(_review(DOG), "md").decode("utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## 一、送审情况", "## 二、审核依据", "## 三、审核情况", "## 四、具体修改意见", "## 五、审核结论",
                        "## 附件一：经审核不予适用的审核发现", "## 附件二：未能进行的检查", "## 附件三：审核说明（供审核人员复核）"]
    assert text.startswith("# 关于《某县养犬管理办法（送审稿）》的合法性审核意见\n\n审核意见〔2026〕第　　号")
    # the seven review items of 国办发〔2018〕115号（六）, in order, plus the drafting form
    items = re.findall(r"^### （([一二三四五六七八])）", text, flags=re.M)
    assert items[:8] == list("一二三四五六七八")


def test_opinion_of_the_dog_draft_states_the_fines_with_basis_and_rewrite():
    review = _review(DOG)
    ctx = opinion_context(review)
    assert ctx["verdict"] == review.verdict == "不合法"
    fines = [s for s in ctx["suggestions"] if s["rule_id"] == "CONT-PEN-01"]
    labels = [s["label"] for s in fines]
    assert "第十二条" in labels and "第十三条" in labels
    art12 = fines[labels.index("第十二条")]
    assert art12["words"] == ["处二百元以上五百元以下罚款"]
    assert art12["clause"].startswith("违反本办法第五条规定，未取得养犬许可证饲养犬只的")
    assert [seg["text"] for seg in art12["segments"] if seg["mark"]] == ["处二百元以上五百元以下罚款"]
    assert any(b["cite"] == "《中华人民共和国行政处罚法》第十六条" and "不得设定行政处罚" in b["quote"] for b in art12["bases"])
    assert art12["suggestion"]
    # two penalties of 第十三条 are one numbered suggestion with both words marked
    art13 = fines[labels.index("第十三条")]
    assert art13["words"] == ["处五十元罚款", "吊销其养犬许可证"]
    # 审核依据 lists the law a finding cites, by full title, after the review framework
    assert any(b["title"] == "《中华人民共和国行政处罚法》" and 16 in b["articles"] for b in ctx["bases"])
    assert "国办发〔2018〕115号" in ctx["framework"]
    # 审核结论 and what follows
    assert ctx["next_step"] == "不得提交集体审议"
    assert "不得提交集体审议" in ctx["conclusion"]["text"]


def test_waived_findings_go_to_the_appendix_with_their_reason_and_not_to_the_suggestions():
    ctx = opinion_context(_review(DOG))
    waived = [w for w in ctx["waived"] if w["label"].startswith("第十五条")]
    assert waived and all("重述《中华人民共和国治安管理处罚法》" in w["reason"] for w in waived)
    assert not [s for s in ctx["suggestions"] + ctx["notes"] if s["label"].startswith("第十五条第一款")
                and s["rule_id"] == "CONT-PEN-01"]
    measures = next(item for item in ctx["items"] if item["key"] == "measures")
    assert "不予适用（见附件一）" in measures["summary"]


def test_submission_lists_materials_present_recorded_and_missing():
    sub = opinion_context(_review(DOG))["submission"]
    states = {m["name"]: m["state"] for m in sub["materials"]}
    assert states["文件送审稿"] == "provided" and states["起草说明"] == "provided"
    assert "程序记录（dossier.yaml）" not in states  # the tool's record is no material of the 115号 list
    assert states["征求意见及意见采纳情况"] == "recorded"  # in dossier.yaml, no separate file
    assert states["制定依据（所依据的法律、法规、规章和国家政策规定）"] == "missing"
    assert "制定依据（所依据的法律、法规、规章和国家政策规定）" in sub["missing"]
    assert sub["issuer"] == "某县人民政府" and sub["received"] == "2026年3月25日" and sub["reviewer"] == "某县司法局"


def test_a_clean_draft_gets_a_lawful_opinion_that_says_what_was_checked(tmp_path: Path):
    draft = tmp_path / "公园管理办法"
    draft.mkdir()
    (draft / "draft.md").write_text(
        "# 某市公园管理办法\n\n第一条　为了加强公园管理，根据《城市绿化条例》，制定本办法。\n\n"
        "第二条　违反本办法规定的，由市城市管理局依照《城市绿化条例》第二十七条的规定处罚。\n\n"
        "第三条　本办法自2026年7月1日起施行，有效期5年。\n", encoding="utf-8")
    review = _review(draft, rules=[TEST_RULES])
    ctx = opinion_context(review)
    assert ctx["verdict"] == "合法" and ctx["next_step"] == "可以提交集体审议"
    text = render_opinion(review, "txt").decode("utf-8")
    assert "未发现应当修改的内容" in text and "审核结论为：合法" in text
    measures = next(item for item in ctx["items"] if item["key"] == "measures")
    assert [c["id"] for c in measures["checks"]] == ["TFINE-01", "TLIC-01"]
    assert measures["summary"] == "经审查，未发现问题。"
    # no dossier: the procedural record is missing and the opinion says so
    assert not ctx["submission"]["has_dossier"]
    assert "送审材料未载明制定程序情况" in text


def test_notes_do_not_change_the_verdict_and_are_listed_apart(tmp_path: Path):
    draft = tmp_path / "d.md"
    draft.write_text("# 某市广告管理办法\n\n第一条　公民、法人和其它组织可以提出意见。\n\n"
                     "第二条　设置户外广告的，须经市城市管理局批准。\n", encoding="utf-8")
    ctx = opinion_context(_review(draft, rules=[TEST_RULES]))
    assert ctx["verdict"] == "应当予以修改" and ctx["next_step"] == "修改后提交集体审议"
    assert [s["rule_id"] for s in ctx["suggestions"]] == ["TLIC-01"]
    assert [s["rule_id"] for s in ctx["notes"]] == ["TTERM-01"]
    assert ctx["notes"][0]["ref"] == "提示事项第1条"
    assert "1项提示事项不影响审核结论" in ctx["conclusion"]["text"]


# ---- escaping ----------------------------------------------------------------------------------------------

HOSTILE = ("# 某市<script>alert('x')</script>管理办法\n\n"
           "第一条　为了规范管理，制定本办法。\n\n"
           "第二条　违反本办法 A&B 规定的，处二百元<b>罚款</b>；情节严重的，并处五百元罚款<img src=x onerror=alert(1)>。\n")


def test_html_opinion_escapes_draft_text(tmp_path: Path):
    draft = tmp_path / "hostile.md"
    draft.write_text(HOSTILE, encoding="utf-8")
    review = _review(draft, rules=[TEST_RULES])
    assert review.findings, "the hostile draft must produce findings whose excerpts carry its text"
    html = render_opinion(review, "html").decode("utf-8")
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "A&amp;B" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    # our own markup is intact: the quoted words are marked, the page is one document
    assert html.count("<mark>") >= 1 and html.count("<html") == 1


def test_markdown_opinion_escapes_markup_in_draft_text(tmp_path: Path):
    draft = tmp_path / "stars.md"
    draft.write_text("# 某市*临时*管理办法\n\n第一条　违反本办法规定的，处二百元罚款[见附表]。\n", encoding="utf-8")
    text = render_opinion(_review(draft, rules=[TEST_RULES]), "md").decode("utf-8")
    assert "某市\\*临时\\*管理办法" in text
    assert "\\[见附表\\]" in text


# ---- Word ----------------------------------------------------------------------------------------------------

def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_docx_opinion_has_the_sections_and_the_findings():
    data = render_opinion(_review(DOG), "docx")
    assert data[:2] == b"PK"
    text = _docx_text(data)
    for expected in ("关于《某县养犬管理办法（送审稿）》的合法性审核意见", "一、送审情况", "二、审核依据", "三、审核情况",
                     "四、具体修改意见", "五、审核结论", "审核结论：不合法（不得提交集体审议）",
                     "《中华人民共和国行政处罚法》第十六条", "处二百元以上五百元以下罚款", "某县司法局（盖章）",
                     "2026年4月10日", "重述《中华人民共和国治安管理处罚法》"):
        assert expected in text, expected
    assert "{{" not in text and "{%" not in text


def test_docx_opinion_keeps_angle_brackets_of_the_draft_as_text(tmp_path: Path):
    draft = tmp_path / "hostile.md"
    draft.write_text(HOSTILE, encoding="utf-8")
    text = _docx_text(render_opinion(_review(draft, rules=[TEST_RULES]), "docx"))
    assert "<script>alert('x')</script>" in text and "A&B" in text


def test_an_office_letterhead_docx_with_the_same_tags_is_used(tmp_path: Path):
    import docx

    letterhead = docx.Document()
    letterhead.add_paragraph("某县司法局文件")
    letterhead.add_paragraph("{{ title }}")
    letterhead.add_paragraph("{%p for s in suggestions %}")
    letterhead.add_paragraph("{{ s.number }}、{{ s.label }}：{{ s.message }}")
    letterhead.add_paragraph("{%p endfor %}")
    letterhead.add_paragraph("结论：{{ verdict }}")
    path = tmp_path / "letterhead.docx"
    letterhead.save(str(path))
    text = _docx_text(render_opinion(_review(DOG), "docx", template=path))
    assert text.splitlines()[0] == "某县司法局文件"
    assert "关于《某县养犬管理办法（送审稿）》的合法性审核意见" in text
    assert re.search(r"^1、第五条：", text, flags=re.M)  # suggestions follow the order of the draft
    assert re.search(r"^\d+、第十二条：第十二条设定了行政处罚", text, flags=re.M)
    assert "结论：不合法" in text


# ---- user templates -------------------------------------------------------------------------------------------

def test_a_template_folder_overrides_only_the_formats_it_has(tmp_path: Path):
    (tmp_path / "opinion.md.j2").write_text("{{ reviewer }}审核意见：{{ title }}｜{{ verdict }}\n"
                                            "{% for s in suggestions %}{{ s.number }}. {{ s.label }}\n{% endfor %}",
                                            encoding="utf-8")
    review = _review(DOG)
    md = render_opinion(review, "md", template=tmp_path).decode("utf-8")
    assert md.startswith("某县司法局审核意见：关于《某县养犬管理办法（送审稿）》的合法性审核意见｜不合法\n1. 第五条")
    html = render_opinion(review, "html", template=tmp_path).decode("utf-8")
    assert "<h2>一、送审情况</h2>" in html  # the built-in HTML template


def test_a_broken_user_template_is_reported_as_a_template_error(tmp_path: Path):
    (tmp_path / "opinion.txt.j2").write_text("{{ title }\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="opinion.txt.j2"):
        render_opinion(_review(DOG), "txt", template=tmp_path)
    (tmp_path / "opinion.txt.j2").write_text("{{ no_such_variable }}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="no_such_variable"):
        render_opinion(_review(DOG), "txt", template=tmp_path)
