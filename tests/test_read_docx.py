"""The .docx reader: paragraphs, tables and Word auto-numbering rendered into lines of text."""

from __future__ import annotations

import io
import zipfile

import cn2an
import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx_support import (
    W,
    add_abstract_num,
    add_num,
    article_numbering,
    level_xml,
    numbering_root,
    set_numbering,
    write_docx,
)

from review_engine.numerals import to_chinese as chinese_number
from review_engine.reading.docx import docx_lines, format_number

S = "\u3000"  # what a tab suffix after a number label becomes


def read(document) -> list[str]:
    buffer = io.BytesIO()
    document.save(buffer)
    return docx_lines(buffer.getvalue())


def numbered(document, num_id: str, text: str, ilvl: int = 0):
    paragraph = document.add_paragraph(text)
    set_numbering(paragraph, num_id, ilvl)
    return paragraph


def add_raw_paragraph(document, inner_xml: str) -> None:
    """A body paragraph written as raw WordprocessingML (for runs python-docx cannot make)."""
    p = parse_xml(f'<w:p xmlns:w="{W}">{inner_xml}</w:p>')
    document.element.body.sectPr.addprevious(p)


# --- Chinese numerals -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"),
     (100, "一百"), (101, "一百零一"), (110, "一百一十"), (111, "一百一十一"), (388, "三百八十八"),
     (1000, "一千"), (1005, "一千零五"), (1010, "一千零一十"), (1100, "一千一百"), (10000, "一万"),
     (10010, "一万零一十"), (100000, "十万"), (100010, "十万零一十"), (100000001, "一亿零一")],
)
def test_chinese_number_known_values(n, expected):
    assert chinese_number(n) == expected


def test_chinese_number_matches_cn2an_up_to_2000():
    # Word writes 十一…十九 (no leading 一); some cn2an versions write 一十一 in "low" mode, so that
    # difference is normalised here rather than trusted either way.
    for n in range(1, 2001):
        expected = cn2an.an2cn(n, "low")
        if expected.startswith("一十"):
            expected = expected[1:]
        assert chinese_number(n) == expected, n
        assert not chinese_number(n).startswith("一十")


def test_chinese_legal_numerals_match_cn2an_up_to_2000():
    for n in range(1, 2001):  # the financial form keeps 壹拾壹
        assert chinese_number(n, legal=True) == cn2an.an2cn(n, "up"), n


@pytest.mark.parametrize(
    ("fmt", "value", "expected"),
    [("decimal", 12, "12"), ("chineseCounting", 12, "十二"), ("chineseCountingThousand", 105, "一百零五"),
     ("chineseLegalSimplified", 11, "壹拾壹"), ("ideographTraditional", 3, "丙"), ("ideographTraditional", 11, "11"),
     ("decimalEnclosedCircle", 2, "②"), ("decimalEnclosedCircleChinese", 20, "⑳"),
     ("decimalEnclosedCircle", 21, "21"), ("lowerLetter", 1, "a"), ("lowerLetter", 27, "aa"),
     ("upperLetter", 3, "C"), ("lowerRoman", 4, "iv"), ("upperRoman", 1994, "MCMXCIV"),
     ("decimalFullWidth", 12, "１２"), ("bullet", 3, ""), ("none", 3, ""), ("someFutureFormat", 7, "7")],
)
def test_format_number(fmt, value, expected):
    assert format_number(value, fmt) == expected


# --- text -----------------------------------------------------------------------------------------------


def test_plain_paragraphs_empty_lines_tabs_and_breaks():
    document = docx.Document()
    document.add_paragraph("某某市城市管理办法")
    document.add_paragraph("")
    document.add_paragraph("（2024年3月1日市人民政府令第5号公布）")
    paragraph = document.add_paragraph("主送：")
    paragraph.add_run("各区人民政府").add_break()
    paragraph.add_run("市政府各部门")
    document.add_paragraph("名称\t内容")
    document.add_paragraph("")
    paragraph = document.add_paragraph()
    paragraph.add_run().add_break(WD_BREAK.PAGE)  # a page break before 附件 adds no line
    paragraph.add_run("附件")
    assert read(document) == [
        "某某市城市管理办法",
        "",
        "（2024年3月1日市人民政府令第5号公布）",
        "主送：各区人民政府",
        "市政府各部门",
        "名称 内容",
        "",
        "附件",
    ]


def test_runs_in_hyperlinks_fields_and_insertions_count_deletions_and_hidden_text_do_not():
    document = docx.Document()
    add_raw_paragraph(
        document,
        '<w:r><w:t xml:space="preserve">依据</w:t></w:r>'
        '<w:hyperlink><w:r><w:t>《中华人民共和国行政处罚法》</w:t></w:r></w:hyperlink>'
        '<w:del w:id="1" w:author="a"><w:r><w:delText>第十条</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>第十六条</w:t></w:r></w:ins>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>的规定</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>'
        '<w:r><w:t>。</w:t></w:r>',
    )
    assert read(document) == ["依据《中华人民共和国行政处罚法》第十六条的规定。"]


def test_headers_footers_and_comments_are_not_body_text():
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "某某市人民政府文件"
    document.sections[0].footer.paragraphs[0].text = "第 1 页"
    paragraph = document.add_paragraph("第一条　为了规范城市管理，制定本办法。")
    document.add_comment(paragraph.runs, text="建议补充上位法依据", author="审核人")
    assert read(document) == ["第一条　为了规范城市管理，制定本办法。"]


# --- tables ---------------------------------------------------------------------------------------------


def test_table_rows_with_a_merged_cell():
    document = docx.Document()
    document.add_paragraph("附件：收费标准")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "收费项目"
    table.cell(0, 2).text = "依据"
    for i, row in enumerate([("停车费", "每小时2元", "价格主管部门批复"), ("占道费", "", "第十条")], start=1):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    document.add_paragraph("以上标准自公布之日起执行。")
    assert read(document) == [
        "附件：收费标准",
        "| 收费项目 | 依据 |",
        "| 停车费 | 每小时2元 | 价格主管部门批复 |",
        "| 占道费 |  | 第十条 |",
        "以上标准自公布之日起执行。",
    ]


def test_cell_paragraphs_joined_and_nested_table_flattened():
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    cell = table.cell(0, 0)
    cell.text = "事项"
    cell.add_paragraph("（含附表）")
    inner = table.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "甲"
    inner.cell(0, 1).text = "乙"
    assert read(document) == ["| 事项 （含附表） | 甲 乙 |"]


# --- auto-numbering -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("suff", "separator"), [(None, S), ("tab", S), ("space", " "), ("nothing", "")])
def test_article_numbering_suffixes(suff, separator):
    document = docx.Document()
    num = add_num(document, add_abstract_num(document, level_xml(0, "chineseCounting", "第%1条", suff=suff)))
    texts = ["为了规范城市管理，制定本办法。", "本办法适用于本市行政区域。", "市城市管理部门负责实施。"]
    for text in texts:
        numbered(document, num, text)
    assert read(document) == [f"第{n}条{separator}{text}" for n, text in zip("一二三", texts)]


def test_twelve_articles_count_past_ten():
    document = docx.Document()
    num = add_num(document, article_numbering(document))
    for _ in range(12):
        numbered(document, num, "内容。")
    assert [line.split(S)[0] for line in read(document)][9:] == ["第十条", "第十一条", "第十二条"]


def test_items_restart_in_each_article_and_third_level_is_decimal():
    document = docx.Document()
    abstract = add_abstract_num(
        document,
        level_xml(0, "chineseCounting", "第%1条"),
        level_xml(1, "chineseCounting", "（%2）", suff="nothing"),
        level_xml(2, "decimal", "%3.", suff="nothing"),
    )
    num = add_num(document, abstract)
    numbered(document, num, "有下列情形之一的，不予许可：")
    numbered(document, num, "申请材料不齐全的；", 1)
    numbered(document, num, "申请人不具备下列条件的：", 1)
    numbered(document, num, "有固定场所；", 2)
    numbered(document, num, "有专业人员。", 2)
    numbered(document, num, "法律、法规规定的其他情形。", 1)
    numbered(document, num, "申请人应当提交下列材料：")
    numbered(document, num, "申请书；", 1)
    numbered(document, num, "身份证明。", 1)
    assert read(document) == [
        f"第一条{S}有下列情形之一的，不予许可：",
        "（一）申请材料不齐全的；",
        "（二）申请人不具备下列条件的：",
        "1.有固定场所；",
        "2.有专业人员。",
        "（三）法律、法规规定的其他情形。",
        f"第二条{S}申请人应当提交下列材料：",
        "（一）申请书；",
        "（二）身份证明。",
    ]


def test_items_as_a_separate_list_restarted_in_each_article():
    # The other way drafters number items: a one-level （%1） list, "restart at 1" under each article
    # (Word then writes a new w:num on the same abstractNum with a startOverride).
    document = docx.Document()
    articles = add_num(document, article_numbering(document))
    items = add_abstract_num(document, level_xml(0, "chineseCounting", "（%1）", suff="nothing"))
    numbered(document, articles, "申请人应当提交下列材料：")
    first = add_num(document, items)
    numbered(document, first, "申请书；")
    numbered(document, first, "身份证明。")
    numbered(document, articles, "有下列情形之一的，不予受理：")
    again = add_num(document, items, start_overrides={0: 1})
    numbered(document, again, "材料不全的；")
    numbered(document, again, "不属于本机关职责的。")
    assert read(document) == [
        f"第一条{S}申请人应当提交下列材料：",
        "（一）申请书；",
        "（二）身份证明。",
        f"第二条{S}有下列情形之一的，不予受理：",
        "（一）材料不全的；",
        "（二）不属于本机关职责的。",
    ]


def test_multilevel_text_legal_numbering_and_lvl_restart():
    document = docx.Document()
    abstract = add_abstract_num(
        document,
        level_xml(0, "chineseCounting", "第%1章", suff="space"),
        level_xml(1, "decimal", "%1.%2", suff="space", legal=True),
        level_xml(2, "decimal", "(%3)", suff="nothing", restart=1),  # restarts only after a 章
    )
    num = add_num(document, abstract)
    for ilvl, text in [(0, "总则"), (1, "目的"), (2, "甲"), (1, "范围"), (2, "乙"), (0, "附则"), (2, "丙")]:
        numbered(document, num, text, ilvl)
    assert read(document) == ["第一章 总则", "1.1 目的", "(1)甲", "1.2 范围", "(2)乙", "第二章 附则", "(1)丙"]


def test_numbering_from_paragraph_style_and_based_on_chain():
    document = docx.Document()
    num = add_num(document, article_numbering(document))
    article = document.styles.add_style("条", WD_STYLE_TYPE.PARAGRAPH)
    set_numbering(article, num)
    derived = document.styles.add_style("条（附则）", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = article
    document.add_paragraph("第一章　总则")
    document.add_paragraph("为了规范城市管理，制定本办法。", style=article)
    document.add_paragraph("本办法适用于本市。", style=article)
    document.add_paragraph("本办法自发布之日起施行。", style=derived)
    off = document.add_paragraph("（说明文字，不编号）", style=article)
    set_numbering(off, "0")  # numId 0 on the paragraph switches the style's numbering off
    assert read(document) == [
        "第一章　总则",
        f"第一条{S}为了规范城市管理，制定本办法。",
        f"第二条{S}本办法适用于本市。",
        f"第三条{S}本办法自发布之日起施行。",
        "（说明文字，不编号）",
    ]


def test_style_numbering_without_ilvl_uses_the_level_linked_to_the_style():
    document = docx.Document()
    abstract = add_abstract_num(
        document,
        level_xml(0, "chineseCounting", "第%1条", pstyle="Article"),
        level_xml(1, "chineseCounting", "（%2）", suff="nothing", pstyle="Item"),
    )
    num = add_num(document, abstract)
    for name in ("Article", "Item"):
        set_numbering(document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH), num, ilvl=None)
    document.add_paragraph("有下列行为之一的，责令改正：", style="Article")
    document.add_paragraph("擅自占用道路的；", style="Item")
    document.add_paragraph("违法设置广告的。", style="Item")
    document.add_paragraph("违反本办法规定的，依法处理。", style="Article")
    assert read(document) == [
        f"第一条{S}有下列行为之一的，责令改正：",
        "（一）擅自占用道路的；",
        "（二）违法设置广告的。",
        f"第二条{S}违反本办法规定的，依法处理。",
    ]


def test_nums_sharing_an_abstract_num_continue_and_start_override_restarts():
    document = docx.Document()
    abstract = article_numbering(document)
    first, second = add_num(document, abstract), add_num(document, abstract)
    restart = add_num(document, abstract, start_overrides={0: 1})
    numbered(document, first, "甲。")
    numbered(document, first, "乙。")
    numbered(document, second, "丙。")  # another num on the same list: the count continues
    numbered(document, first, "丁。")
    document.add_paragraph("附件")
    numbered(document, restart, "子。")  # 重新开始编号 (Word writes a num with startOverride)
    numbered(document, restart, "丑。")
    assert read(document) == [
        f"第一条{S}甲。", f"第二条{S}乙。", f"第三条{S}丙。", f"第四条{S}丁。",
        "附件", f"第一条{S}子。", f"第二条{S}丑。",
    ]


def test_list_defined_through_a_numbering_style_link():
    # Word's "define new list style": the list's abstractNum only has numStyleLink; the levels live in
    # the abstractNum behind the numbering style.
    document = docx.Document()
    definition = add_num(document, article_numbering(document))
    root = numbering_root(document)
    linked = add_abstract_num(document)
    root.find(f"{{{W}}}abstractNum[@{{{W}}}abstractNumId='{linked}']").append(
        parse_xml(f'<w:numStyleLink xmlns:w="{W}" w:val="ArticleList"/>')
    )
    document.styles.element.append(parse_xml(
        f'<w:style xmlns:w="{W}" w:type="numbering" w:styleId="ArticleList"><w:name w:val="条款列表"/>'
        f'<w:pPr><w:numPr><w:numId w:val="{definition}"/></w:numPr></w:pPr></w:style>'
    ))
    num = add_num(document, linked)
    numbered(document, num, "为了规范管理，制定本办法。")
    numbered(document, num, "本办法自公布之日起施行。")
    assert read(document) == [f"第一条{S}为了规范管理，制定本办法。", f"第二条{S}本办法自公布之日起施行。"]


def test_bullets_have_no_label_and_do_not_disturb_articles():
    document = docx.Document()
    bullets = add_num(document, add_abstract_num(document, level_xml(0, "bullet", "\uf0b7")))
    articles = add_num(document, article_numbering(document))
    numbered(document, articles, "市场主体应当遵守下列规定：")
    numbered(document, bullets, "依法经营；")
    numbered(document, bullets, "诚实守信。")
    numbered(document, articles, "本办法自公布之日起施行。")
    assert read(document) == [
        f"第一条{S}市场主体应当遵守下列规定：",
        "依法经营；",
        "诚实守信。",
        f"第二条{S}本办法自公布之日起施行。",
    ]


def test_numbered_paragraphs_inside_table_cells_get_labels():
    document = docx.Document()
    num = add_num(document, add_abstract_num(document, level_xml(0, "decimal", "%1.", suff="nothing")))
    table = document.add_table(rows=2, cols=2)
    for row in range(2):
        set_numbering(table.cell(row, 0).paragraphs[0], num)
        table.cell(row, 0).paragraphs[0].add_run(["受理", "审查"][row])
        table.cell(row, 1).text = ["1个工作日", "5个工作日"][row]
    assert read(document) == ["| 1.受理 | 1个工作日 |", "| 2.审查 | 5个工作日 |"]


def test_numbered_empty_paragraph_shows_only_its_label():
    document = docx.Document()
    num = add_num(document, article_numbering(document))
    numbered(document, num, "")
    numbered(document, num, "正文。")
    assert read(document) == ["第一条", f"第二条{S}正文。"]


def test_missing_numbering_part_and_unknown_num_id_give_no_label():
    document = docx.Document()
    numbered(document, "99", "未定义编号的段落。")  # no such num
    assert read(document) == ["未定义编号的段落。"]
    numbered(document, "1", "编号部件缺失时的段落。")  # numId 1 exists in python-docx's template
    (rid,) = [rid for rid, rel in document.part.rels.items() if rel.reltype == RT.NUMBERING]
    document.part.drop_rel(rid)
    assert read(document) == ["未定义编号的段落。", "编号部件缺失时的段落。"]
    numbering_root(document)  # the test helper creates a numbering part when there is none
    num = add_num(document, article_numbering(document))
    numbered(document, num, "恢复编号。")
    assert read(document) == ["未定义编号的段落。", f"第一条{S}编号部件缺失时的段落。", f"第二条{S}恢复编号。"]


def test_a_whole_measures_draft():
    document = docx.Document()
    abstract = add_abstract_num(
        document,
        level_xml(0, "chineseCounting", "第%1条"),
        level_xml(1, "chineseCounting", "（%2）", suff="nothing"),
    )
    num = add_num(document, abstract)
    document.add_paragraph("某某市城市道路停车管理办法")
    document.add_paragraph("")
    document.add_paragraph("第一章　总则")
    numbered(document, num, "为了加强城市道路停车管理，根据有关法律、法规，结合本市实际，制定本办法。")
    numbered(document, num, "本办法适用于本市城市道路停车泊位的设置、使用和管理。")
    numbered(document, num, "市城市管理部门负责本市城市道路停车的监督管理工作。")
    document.add_paragraph("第二章　泊位管理")
    numbered(document, num, "设置停车泊位应当遵循下列原则：")
    numbered(document, num, "保障道路安全畅通；", 1)
    numbered(document, num, "兼顾停车需求；", 1)
    numbered(document, num, "方便群众出行。", 1)
    numbered(document, num, "有下列情形之一的，不得设置停车泊位：")
    numbered(document, num, "消防通道；", 1)
    numbered(document, num, "公交站点三十米以内。", 1)
    document.add_paragraph("第三章　附则")
    numbered(document, num, "本办法自2024年5月1日起施行，有效期五年。")
    assert read(document) == [
        "某某市城市道路停车管理办法",
        "",
        "第一章　总则",
        f"第一条{S}为了加强城市道路停车管理，根据有关法律、法规，结合本市实际，制定本办法。",
        f"第二条{S}本办法适用于本市城市道路停车泊位的设置、使用和管理。",
        f"第三条{S}市城市管理部门负责本市城市道路停车的监督管理工作。",
        "第二章　泊位管理",
        f"第四条{S}设置停车泊位应当遵循下列原则：",
        "（一）保障道路安全畅通；",
        "（二）兼顾停车需求；",
        "（三）方便群众出行。",
        f"第五条{S}有下列情形之一的，不得设置停车泊位：",
        "（一）消防通道；",
        "（二）公交站点三十米以内。",
        "第三章　附则",
        f"第六条{S}本办法自2024年5月1日起施行，有效期五年。",
    ]


# --- robustness -----------------------------------------------------------------------------------------


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _valid_docx() -> bytes:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("正文")
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [b"", "第一条　这是一个文本文件。".encode(), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504,
     _zip({"hello.txt": b"hi"}), _zip({"[Content_Types].xml": b"<not xml"}), _valid_docx()[:2000]],
    ids=["empty", "text", "old-doc", "zip-without-docx", "broken-xml", "truncated"],
)
def test_not_a_docx_raises_value_error_with_a_short_message(data):
    with pytest.raises(ValueError) as info:
        docx_lines(data)
    message = str(info.value)
    assert message and "\n" not in message and len(message) < 120 and message.isascii()


# --- write_docx (test support) --------------------------------------------------------------------------


DRAFT = [
    "某某市城市道路停车管理办法",
    "",
    "第一章　总则",
    "第一条　为了加强城市道路停车管理，制定本办法。",
    "第二条 本办法适用于本市城市道路。",
    "第三条市城市管理部门负责监督管理工作。",
    "（一）制定规划；",
    "（二）组织实施。",
    "第五条　（第四条被删除，编号跳过）",
    "| 收费项目 | 标准 | 依据 |",
    "|停车费|每小时2元|价格批复|",
    "| 合计 | 2元 |",
    "第十一条　编号跳到十一。",
    "第十二条",
    "附件",
    "第一条　附件中的条文重新编号。",
    "第一十一条　非规范写法照原样保留。",
]


def test_write_docx_plain_round_trip(tmp_path):
    write_docx(tmp_path / "draft.docx", DRAFT)
    lines = docx_lines((tmp_path / "draft.docx").read_bytes())
    assert lines == [
        *DRAFT[:10],
        "| 停车费 | 每小时2元 | 价格批复 |",
        *DRAFT[11:],
    ]


def test_write_docx_with_auto_numbered_articles(tmp_path):
    path = tmp_path / "draft.docx"
    write_docx(path, DRAFT, auto_number_articles=True)
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert "为了加强城市道路停车管理，制定本办法。" in texts  # the label is not in the text itself
    assert docx_lines(path.read_bytes()) == [
        "某某市城市道路停车管理办法",
        "",
        "第一章　总则",
        f"第一条{S}为了加强城市道路停车管理，制定本办法。",
        f"第二条{S}本办法适用于本市城市道路。",
        f"第三条{S}市城市管理部门负责监督管理工作。",
        "（一）制定规划；",
        "（二）组织实施。",
        f"第五条{S}（第四条被删除，编号跳过）",
        "| 收费项目 | 标准 | 依据 |",
        "| 停车费 | 每小时2元 | 价格批复 |",
        "| 合计 | 2元 |",
        f"第十一条{S}编号跳到十一。",
        "第十二条",
        "附件",
        f"第一条{S}附件中的条文重新编号。",
        "第一十一条　非规范写法照原样保留。",
    ]
