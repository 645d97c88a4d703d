"""The parser on drafts written for these tests: node kinds, numbers, eIds, labels and original spans."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from review_engine import parse
from review_engine.model import Document, Node
from review_engine.reading import SourceError, read_source

FIXTURES = Path(__file__).parent / "fixtures" / "parse"
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def by_eid(doc: Document) -> dict[str, Node]:
    return {n.eid: n for n in doc.nodes()}


def assert_text_spans(doc: Document, original: list[str]) -> int:
    """Every node's text, mapped back through its span, is the same characters of the original file."""
    checked = 0
    for node in doc.nodes():
        if not node.text or node._loc is None:
            continue
        span = doc.span_of(node, 0, len(node.text))
        assert span.line == span.end_line, node.eid
        source = original[span.line - 1][span.column - 1: span.end_column - 1]
        assert INVISIBLE.sub("", source).replace("**", "") == node.text, (node.eid, source, node.text)
        checked += 1
    return checked


@pytest.fixture(scope="module")
def greening() -> Document:
    return parse(FIXTURES / "greening.md")


def test_title_block_and_marks(greening):
    assert greening.title == "某市城市绿化管理办法"
    assert greening.title_block.marks == ["征求意见稿"]
    assert greening.toc and greening.toc[0].replace("\u3000", "") == "目录"
    assert not greening.problems


def test_chapters_with_spaced_headings(greening):
    chapters = [n for n in greening.body if n.kind == "chapter"]
    assert [(c.eid, c.num, c.heading) for c in chapters] == [
        ("chp_1", 1, "总则"), ("chp_2", 2, "规划和建设"), ("chp_3", 3, "保护和管理"), ("chp_4", 4, "附则")]
    assert chapters[0].label == "第一章"


def test_every_separator_after_article_label(greening):
    nodes = by_eid(greening)
    # U+3000, ASCII space, U+2002, none, bare label on its own line, bold label, NBSP
    for eid, start in [("art_1", "为了促进城市绿化"), ("art_2", "本办法适用于"), ("art_3", "市城市绿化主管部门"),
                       ("art_4", "城市绿化规划应当"), ("art_5", "建设单位应当按照"), ("art_6", "城市绿化工程的设计"),
                       ("art_7", "任何单位和个人")]:
        assert nodes[f"{eid}__para_1"].text.startswith(start), eid
    assert [a.num for a in greening.articles()] == list(range(1, 10))


def test_single_newline_paragraphs_and_labels(greening):
    art3 = by_eid(greening)["art_3"]
    assert [p.label for p in art3.children] == ["第三条第一款", "第三条第二款", "第三条第三款"]
    art5 = by_eid(greening)["art_5"]  # bare label: the next line is the first 款
    assert [p.eid for p in art5.children] == ["art_5__para_1", "art_5__para_2"]
    assert art5.children[0].text == "建设单位应当按照批准的绿化工程设计方案进行施工。"


def test_points_and_subpoints(greening):
    nodes = by_eid(greening)
    assert nodes["art_4__para_1__point_2"].label == "第四条第（二）项"
    assert nodes["art_4__para_1__point_2__point_1"].label == "第四条第（二）项第1目"
    assert nodes["art_4__para_1__point_2__point_1"].text == "集中绿地应当设置休憩设施；"
    assert nodes["art_4__para_1__point_3"].num == 3
    # the label line of a single-paragraph article is labelled with the article alone
    assert nodes["art_4__para_1"].label == "第四条"


def test_signature_and_attachment_with_table(greening):
    assert greening.signature.issuer == ["某市人民政府"]
    assert str(greening.signature.date) == "2026-01-15"
    (att,) = greening.attachments
    assert att.eid == "att_1" and att.heading == "城市绿化工程验收记录表"
    rows = [n for n in att.children if n.kind == "table_row"]
    assert len(rows) == 2 and rows[1].text.startswith("| 某某路道路绿化")
    # the 落款 line is not left in the last article
    assert all("人民政府" not in p.text for p in by_eid(greening)["art_9"].children)


def test_spans_point_at_original_characters(greening):
    original = (FIXTURES / "greening.md").read_text(encoding="utf-8").split("\n")
    assert assert_text_spans(greening, original) >= 20
    art1 = by_eid(greening)["art_1"]
    assert (art1.span.line, art1.span.column) == (12, 3)  # after two U+3000 of indentation
    art6 = by_eid(greening)["art_6"]
    assert original[art6.span.line - 1][art6.span.column - 1:].startswith("第六条**")
    chp = by_eid(greening)["chp_1"]
    assert original[chp.span.line - 1][chp.span.column - 1:].startswith("第一章")


def test_span_of_a_match_inside_text(greening):
    node = by_eid(greening)["art_8__para_1"]
    start = node.text.index("《城市绿化条例》")
    span = greening.span_of(node, start, start + len("《城市绿化条例》"))
    line = (FIXTURES / "greening.md").read_text(encoding="utf-8").split("\n")[span.line - 1]
    assert line[span.column - 1: span.end_column - 1] == "《城市绿化条例》"


def test_notice_wrapper_in_gb18030():
    path = FIXTURES / "notice.txt"
    source = read_source(path)
    assert source.encoding == "gb18030"
    doc = parse(path)
    assert doc.title == "某县人民政府关于印发《某县农村人居环境整治管理办法》的通知"
    assert doc.title_block.doc_number == "某政发〔2026〕3号"
    assert [p.text for p in doc.preamble][0] == "各乡镇人民政府，县政府各部门："
    assert doc.signature.issuer == ["某县人民政府"] and doc.signature.notes == ["（此件公开发布）"]
    (att,) = doc.attachments
    assert att.heading == "某县农村人居环境整治管理办法"
    assert [a.eid for a in doc.articles()] == [f"att_1__art_{i}" for i in range(1, 6)]
    point = by_eid(doc)["att_1__art_4__para_1__point_3"]
    assert point.label == "附件第四条第（三）项" and point.text == "不得在公共区域堆放杂物。"
    original = path.read_bytes().decode("gb18030").split("\n")
    assert assert_text_spans(doc, original) >= 8


def test_outline_document():
    doc = parse(FIXTURES / "outline.md")
    nodes = by_eid(doc)
    assert [n.eid for n in doc.body] == ["lvl1_1", "lvl1_2", "lvl1_3"]
    assert nodes["lvl1_1"].heading == "总体要求"
    assert nodes["lvl1_2__lvl2_1__lvl3_2__lvl4_1"].label == "二、（一）2.（1）"
    assert nodes["lvl1_2__lvl2_1__lvl3_2__lvl4_1"].level == 4
    assert nodes["lvl1_1__lvl2_1"].heading == "指导思想"
    assert nodes["lvl1_3__para_1"].kind == "paragraph"
    assert doc.signature.issuer == ["某市人民政府办公室"]
    assert not doc.articles()


def test_misplaced_labels_are_reported_and_the_rest_is_kept():
    doc = parse(FIXTURES / "broken.md")
    codes = [(p.code, p.line) for p in doc.problems]
    assert codes == [("PARSE-STRUCTURE", 9), ("PARSE-STRUCTURE", 13)]
    problem = doc.problems[0]
    assert problem.file.endswith("broken.md") and problem.column == 1
    assert problem.excerpt == "第一章 总则" and "节（第X节）" in problem.expected
    assert problem.message.startswith("“第一章”出现的位置") and "\n" not in problem.one_line()
    assert [a.num for a in doc.articles()] == [1, 2, 3, 4]  # nothing after the odd line is lost


def test_numbers_beyond_three_hundred():
    text = "某规定\n第三百八十七条 甲。\n第三百八十八条 乙。\n第一百零五条 丙。\n第一〇六条 丁。\n"
    assert [a.num for a in parse(text).articles()] == [387, 388, 105, 106]


def test_references_are_not_labels():
    text = "第一条 为了规范管理，制定本办法。\n第十条规定的事项，由市政府决定。\n第二条第一款所列单位应当备案。\n"
    doc = parse(text)
    assert [a.num for a in doc.articles()] == [1]
    assert len(doc.articles()[0].children) == 3


def test_markdown_table_and_code_markup_do_not_leak():
    text = "# 某办法\n\n---\n\n第一条 甲。\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    doc = parse(text)
    kinds = [n.kind for n in doc.nodes()]
    assert kinds.count("table_row") == 2


def test_front_matter_is_not_text():
    text = "---\ndoc_type: 规范性文件\nstage: pre-issuance\n---\n# 某办法\n\n第一条 为了规范，制定本办法。\n"
    doc = parse(text)
    assert doc.title == "某办法" and len(doc.articles()) == 1
    assert doc.articles()[0].span.line == 7


@pytest.mark.parametrize("data,reason", [
    (b"", "为空"), (b"   \n\n", "为空"), (b"\x00\x01\x02binary\x00" * 20, "二进制"), (b"PK\x03\x04rest", "压缩包"),
])
def test_unreadable_files_give_one_line_errors(tmp_path, data, reason):
    path = tmp_path / "draft.md"
    path.write_bytes(data)
    with pytest.raises(SourceError) as info:
        read_source(path)
    line = info.value.one_line()
    assert "\n" not in line and str(path) in line and reason in line


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("第一条 甲。\n" * 2000, encoding="utf-8")
    with pytest.raises(SourceError, match="文件过大"):
        read_source(path, max_bytes=1000)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk"])
def test_encodings_are_detected(tmp_path, encoding):
    text = (FIXTURES / "notice.txt").read_bytes().decode("gb18030")
    path = tmp_path / "draft.txt"
    path.write_bytes(text.encode(encoding))
    doc = parse(path)
    assert doc.title.startswith("某县人民政府关于印发") and len(doc.articles()) == 5


def tree_shape(doc: Document):
    """The tree without positions, for comparing two readings of the same draft."""
    def shape(n: Node):
        return (n.kind, n.eid, n.label, n.num, n.heading, n.text, [shape(c) for c in n.children])
    return (doc.title_block.title, doc.title_block.doc_number, [shape(n) for n in doc.preamble],
            [shape(n) for n in doc.body], [shape(n) for n in doc.attachments],
            doc.signature.issuer if doc.signature else None)


@pytest.mark.parametrize("auto", [False, True])
def test_docx_gives_the_same_tree_as_markdown(tmp_path, auto):
    from docx_support import write_docx

    text = (FIXTURES / "notice.txt").read_bytes().decode("gb18030")
    lines = [line for line in text.split("\n") if line.strip()]
    md = tmp_path / "draft.md"
    md.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docx = tmp_path / "draft.docx"
    write_docx(docx, lines, auto_number_articles=auto)
    from_docx, from_md = parse(docx), parse(md)
    assert from_docx.format == "docx" and not from_docx.problems
    assert tree_shape(from_docx) == tree_shape(from_md)
    assert len(from_docx.articles()) == 5


@pytest.mark.parametrize("name", ["greening.md", "notice.txt", "outline.md", "broken.md"])
def test_trusted_construction_is_valid(name):
    """The parser builds nodes without validation (speed); every one must still validate as declared."""
    doc = parse(FIXTURES / name)
    dumped = doc.model_dump()
    assert Document.model_validate(dumped).model_dump() == dumped


@pytest.mark.parametrize("values", [{}, {"file": "a.md", "toc": ["目录"], "line_count": 3}])
def test_constructed_is_model_construct(values):
    """The parser's ``constructed`` gives what pydantic's ``model_construct`` gives: values in field order, defaults,
    fields-set, private attributes."""
    from review_engine.model import TitleBlock

    for cls in (Document, TitleBlock):
        fast, slow = cls.constructed(**values), cls.model_construct(**values)
        assert list(fast.__dict__.items()) == list(slow.__dict__.items())
        assert fast.model_fields_set == slow.model_fields_set and fast.model_fields_set is not cls.constructed().model_fields_set
        assert fast.__pydantic_private__ == slow.__pydantic_private__ and fast.__pydantic_extra__ == slow.__pydantic_extra__


def test_a_line_between_items_continues_the_item():
    text = """第五十六条 为防止制剂被污染和混淆，配制操作应采取下述措施：
（一）每次配制后应清场，并填写清场记录。
（二）不同制剂的配制操作不得在同一操作间同时进行。
如确实无法避免时，必须在不同的操作台配制。
（三）在配制过程中应防止称量时产生粉尘。
"""
    nodes = by_eid(parse(text))
    assert [n.eid for n in nodes["art_56"].children] == ["art_56__para_1"]
    assert nodes["art_56__para_1__point_3"].label == "第五十六条第（三）项"
    cont = nodes["art_56__para_1__point_2__para_1"]
    assert cont.text.startswith("如确实无法避免时") and cont.label == "第五十六条第（二）项第1段"


def test_several_lines_and_subitems_between_items_continue_the_item():
    text = """第七条 企业标准化定级按照下列程序进行：
（一）自评。企业应当自主开展标准化建设。
（二）申请。申请定级的企业，向组织单位提交自评报告。
组织单位收到企业自评报告后，应当根据下列情况分别作出处理：
1.自评报告内容存在错误的，书面告知企业；
2.自评报告内容齐全的，报送定级部门。
审核、报送和告知工作应当在10个工作日内完成。
（三）评审。定级部门进行确认。
"""
    nodes = by_eid(parse(text))
    assert [c.eid for c in nodes["art_7"].children] == ["art_7__para_1"]
    assert nodes["art_7__para_1__point_3"].label == "第七条第（三）项"
    point2 = nodes["art_7__para_1__point_2"]
    assert (point2.span.line, point2.span.end_line) == (3, 7)
    assert [c.kind for c in point2.children] == ["paragraph", "paragraph"]
    assert nodes["art_7__para_1__point_2__para_1__point_2"].text.startswith("自评报告内容齐全")
