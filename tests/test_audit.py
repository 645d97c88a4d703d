"""The audit of a stock of issued documents (规范性文件清理): stock folders, dates and 文号 read from the text,
dispositions and their reasons, the 清理 list in every format, the same output with one or two jobs."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from review_engine.audit import audit_rules, read_issue, review_issued
from review_engine.audit.disposition import CHECK, Cited, Reason, dispose
from review_engine.audit.issue import Issue, header_issued
from review_engine.cli import main
from review_engine.drafts import Draft, find_drafts, find_stock
from review_engine.engine import get_profile, get_rules
from review_engine.facts import Facts
from review_engine.parsing import parse_source
from review_engine.reading import source_from_text

ROOT = Path(__file__).resolve().parents[1]
STOCK = ROOT / "examples" / "stock"
EXPECTED = {
    "某市社会抚养费征收实施办法": "废止",
    "某市环境噪声污染防治管理规定": "修改",
    "某市城市绿化养护管理办法": "宣布失效",
    "某县农药经营监督管理办法": "修改",
    "某市养犬登记服务规定": "继续有效",
}


def _doc(text: str):
    return parse_source(source_from_text(text, file="doc.md", format="md"))


def _audit(path: Path, as_of: dt.date | None):
    rules, citations = audit_rules(get_rules())
    return review_issued(Draft(text=path), rules=rules, citation_rules=citations, profile=get_profile(None),
                         as_of=as_of)


# ---- the stock ---------------------------------------------------------------------------------------------------

def test_a_folder_of_plain_documents_is_a_stock(tmp_path):
    for name in ("甲办法.md", "乙规定.txt", "关于某事项的依据说明.md"):
        (tmp_path / name).write_text("# 某办法\n\n第一条　为了规范管理，制定本办法。\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "丙通知.md").write_text("# 丙通知\n\n一、有关事项。\n", encoding="utf-8")
    drafts, errors = find_stock(tmp_path)
    assert not errors
    assert sorted(d.text.name for d in drafts) == ["丙通知.md", "乙规定.txt", "关于某事项的依据说明.md", "甲办法.md"]
    _, errors = find_drafts(tmp_path)  # a pre-issuance review still asks which file is the draft
    assert errors and "review-engine audit" in errors[0].message


def test_a_draft_folder_in_a_stock_keeps_its_record(tmp_path):
    folder = tmp_path / "某办法"
    folder.mkdir()
    (folder / "draft.md").write_text("# 某办法\n\n第一条　为了规范管理，制定本办法。\n", encoding="utf-8")
    (folder / "起草说明.md").write_text("# 起草说明\n\n说明。\n", encoding="utf-8")
    (tmp_path / "另一办法.md").write_text("# 另一办法\n\n第一条　为了规范管理，制定本办法。\n", encoding="utf-8")
    drafts, errors = find_stock(tmp_path)
    assert not errors and len(drafts) == 2
    folder_draft = next(d for d in drafts if d.folder is not None)
    assert folder_draft.text.name == "draft.md" and "起草说明" in folder_draft.materials


# ---- what a document says of itself -------------------------------------------------------------------------------

def test_doc_number_and_dates_from_the_text():
    doc = _doc("# 某市某某管理办法\n\n某政发〔2020〕8号\n\n第一条　为了规范管理，制定本办法。\n\n"
               "第二条　本办法自2020年5月1日起施行，有效期5年。\n\n某市人民政府\n\n2020年3月1日\n")
    issue = read_issue(doc, Facts(doc))
    assert (issue.doc_number, issue.doc_number_from) == ("某政发〔2020〕8号", "文号")
    assert (issue.issued, issue.issued_from) == (dt.date(2020, 3, 1), "落款")
    assert issue.effective == dt.date(2020, 5, 1) and issue.own == dt.date(2020, 5, 1)
    assert issue.validity == "有效期5年" and issue.validity_end == dt.date(2025, 4, 30)


def test_order_number_and_dates_from_the_header_and_the_file_name():
    doc = _doc("# 某某管理办法\n\n（2005年4月29日国家版权局令第5号发布　自2005年5月30日起实施　根据2018年3月1日某令修正）\n\n"
               "第一条　为了规范管理，制定本办法。\n")
    issue = read_issue(doc, Facts(doc))
    assert issue.doc_number == "国家版权局令第5号" and issue.doc_number_from == "题注"
    assert issue.issued == dt.date(2018, 3, 1)  # the latest amendment, not the 施行 date
    bare = _doc("# 某某意见\n\n一、有关事项。\n")
    named = read_issue(bare, Facts(bare), path=Path("某某意见(国办发〔2018〕118号).md"))
    assert named.doc_number == "国办发〔2018〕118号" and named.doc_number_from == "文件名"
    dated = read_issue(bare, Facts(bare), path=Path("某某条例(2020-09-25).md"))
    assert (dated.issued, dated.issued_from) == (dt.date(2020, 9, 25), "文件名")
    assert header_issued(None, ["2008年11月1日 施行"]) is None


def test_the_validity_of_a_licence_is_not_the_documents():
    doc = _doc("# 某办法\n\n第一条　准许生产证的有效期为三年。\n\n第二条　本办法自2018年6月1日起施行。\n")
    assert read_issue(doc, Facts(doc)).validity is None
    doc = _doc("# 某办法\n\n第一条　批复文件有效期为两年。\n\n第二条　本办法自2018年6月1日起施行，有效期至2023年5月31日。\n")
    issue = read_issue(doc, Facts(doc))
    assert issue.validity == "有效期至2023年5月31日" and issue.validity_end == dt.date(2023, 5, 31)


# ---- dispositions ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name,expected", sorted(EXPECTED.items()))
def test_the_example_stock_as_of_a_date(name, expected):
    review = _audit(STOCK / f"{name}.md", dt.date(2026, 12, 1))
    audit = review.audit
    assert audit["disposition"] == expected, audit
    assert audit["as_of"] == "2026-12-01" and audit["doc_number"].endswith("号")
    if expected != "继续有效":
        assert audit["reasons"] and audit["articles"]


def test_the_example_stock_on_its_own_date():
    """On its own date every example was lawful as to its basis and validity; only the fine stays."""
    got = {name: _audit(STOCK / f"{name}.md", None).audit["disposition"] for name in EXPECTED}
    assert got == {**{name: "继续有效" for name in EXPECTED}, "某县农药经营监督管理办法": "修改"}


def test_a_citation_wrong_when_made_is_told_apart(tmp_path):
    path = tmp_path / "某办法.md"
    path.write_text("# 某市某某办法\n\n第一条　根据《中华人民共和国噪声污染防治法》，制定本办法。\n\n"
                    "第二条　本办法自2021年1月1日起施行。\n\n某市人民政府\n\n2020年12月1日\n", encoding="utf-8")
    review = _audit(path, dt.date(2026, 12, 1))
    own = [f for f in review.findings if f.message.startswith("按文件施行时的上位法")]
    assert own and own[0].rule_id == "CITE-02" and "尚未施行" in own[0].message
    assert review.audit["disposition"] == "继续有效"  # the law is in force now: a point to check, not a change
    assert any(c["key"] == "制定时引用有误" for c in review.audit["checks"])


def test_history_is_not_a_citation_and_a_past_years_work_is_a_point_to_check(tmp_path):
    path = tmp_path / "关于2015年某项工作的通知.md"
    path.write_text("# 某市人民政府关于2015年某项工作的通知\n\n一、1990年4月1日原《中华人民共和国城市规划法》实施前建成的房屋，按照有关规定办理。\n\n"
                    "某市人民政府\n\n2015年2月1日\n", encoding="utf-8")
    audit = _audit(path, dt.date(2026, 12, 1)).audit
    assert audit["disposition"] == "继续有效" and not audit["reasons"]
    assert [c["key"] for c in audit["checks"]][:1] == ["针对特定年度"]


def test_disposition_is_the_strongest_ground_and_checks_never_decide():
    class _Review:
        verdict = "合法"
        title = "某办法"
        findings = []
        errors = []

    issue = Issue(validity="有效期至2020年1月1日", validity_at="第九条", validity_end=dt.date(2020, 1, 1))
    repealed = Cited("某条例", basis=True, repealed="《某条例》已于2019年1月1日废止。", where="第一条")
    assert dispose(_Review(), issue, dt.date(2026, 1, 1), [repealed], set()).value == "宣布失效"
    assert dispose(_Review(), Issue(), dt.date(2026, 1, 1), [repealed], set()).value == "废止"
    replaced = Cited("某条例", basis=True, repealed="已废止。", successor="某新条例", where="第一条")
    assert dispose(_Review(), Issue(), dt.date(2026, 1, 1), [replaced], set()).value == "继续有效"
    revised = Cited("某法", basis=True, revised="2021年修订")
    result = dispose(_Review(), Issue(), dt.date(2026, 1, 1), [revised], set())
    assert result.value == "继续有效" and result.checks[0] == Reason(
        "上位法已修改", CHECK, "《某法》在文件施行后已修改（现行为2021年修订），请对照现行文本核对相关规定", [])


# ---- the command -------------------------------------------------------------------------------------------------------

def test_audit_writes_the_list_in_every_format(tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["audit", str(STOCK), "--as-of", "2026-12-01", "--out", str(out), "--opinions", "md", "--jobs", "1"])
    assert code == 1  # documents to change
    rows = list(csv.DictReader((out / "清理目录.csv").open(encoding="utf-8-sig")))
    assert {r["文件名称"]: r["处理建议"] for r in rows} == EXPECTED
    expired = next(r for r in rows if r["处理建议"] == "宣布失效")
    assert expired["有效期届满日"] == "2023-06-30" and expired["涉及条款"] == "第五条"
    assert expired["发布日期来源"] == "落款" and expired["文号"] == "某城管发〔2018〕21号"
    lines = (out / "review.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["audit"]["disposition"] for line in lines] == [r["处理建议"] for r in rows]
    summary = (out / "清理汇总.md").read_text(encoding="utf-8")
    assert "共清理文件5件" in summary and "宣布失效1件" in summary and "废止1件" in summary
    from docx import Document
    from openpyxl import load_workbook

    book = load_workbook(out / "清理目录.xlsx")
    assert book.sheetnames == ["清理目录", "汇总"] and book["清理目录"].max_row == 6
    word = Document(str(out / "清理目录.docx"))
    assert [len(t.rows) for t in word.tables] == [2, 2, 3]
    assert len(list((out / "意见书").glob("*.md"))) == 5
    assert not [p for p in out.rglob(".*")]  # no temporary file left
    assert "共清理文件5件" in capsys.readouterr().err


def test_audit_without_out_prints_one_line_per_document(capsys):
    assert main(["audit", str(STOCK), "--as-of", "2026-12-01", "--quiet"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert sorted(line.split("\t")[0] for line in lines) == sorted(EXPECTED.values())


def test_audit_output_does_not_depend_on_jobs(tmp_path):
    for jobs in ("1", "2"):
        main(["audit", str(STOCK), "--as-of", "2026-12-01", "--out", str(tmp_path / jobs), "--jobs", jobs,
              "--format", "csv,jsonl,md", "--quiet"])
    for name in ("清理目录.csv", "review.jsonl", "清理汇总.md"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name


def test_audit_usage_errors(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["audit", str(STOCK), "--as-of", "明天"])
    assert main(["audit", str(STOCK), "--as-of", "2026-12-01", "--format", "pdf", "--out", str(tmp_path)]) == 2
    assert main(["audit", str(STOCK), "--as-of", "2026-12-01", "--opinions", "md"]) == 2
    assert main(["audit", str(tmp_path / "nothing"), "--as-of", "2026-12-01"]) == 2
    stock = tmp_path / "stock"
    stock.mkdir()
    (stock / "甲办法.md").write_text("# 甲办法\n\n第一条　为了规范管理，制定本办法。\n", encoding="utf-8")
    assert main(["audit", str(stock), "--as-of", "2026-12-01", "--out", str(stock / "out")]) == 2
    err = capsys.readouterr().err
    assert "未知格式 pdf" in err and "--out" in err and "在文件库" in err
    assert not (stock / "out").exists()
