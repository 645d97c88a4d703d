#!/usr/bin/env python3
"""Build the default Word template of the review opinion: src/review_engine/report/templates/opinion.docx.

The template is an ordinary .docx whose text holds docxtpl (Jinja) tags: ``{{ title }}``, paragraph loops
``{%p for s in suggestions %}`` … ``{%p endfor %}``, table-row loops ``{%tr for m in submission.materials %}``,
and ``{{r s.clause_rt }}`` for the clause with the quoted words underlined. An office can open it in Word or WPS,
put its letterhead around the tags and pass the result with ``--template letterhead.docx``.

Layout as for 公文 (GB/T 9704-2012): A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; body 仿宋_GB2312
三号 (16 pt), fixed line spacing 28 pt, first-line indent of two characters; section headings 黑体, sub-headings
楷体_GB2312, the title 方正小标宋简体 二号 (22 pt). Where a font is missing, Word and WPS substitute.

Run after changing the layout:  .venv/bin/python scripts/make_docx_template.py
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "review_engine" / "report" / "templates" / "opinion.docx"

FANGSONG, HEITI, KAITI, XBS, SONGTI = "仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "宋体"
LATIN = "Times New Roman"


def set_font(target, east_asian: str, size: float, bold: bool = False) -> None:
    """Font of a style or run: the East Asian face, a Latin face for digits, size in points."""
    font = target.font
    font.name = LATIN
    font.size = Pt(size)
    font.bold = bold
    rpr = target.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for theme in ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme"):
        # a theme font overrides the explicit one in Word: drop it so that 黑体/仿宋 apply
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:ascii"), LATIN)
    fonts.set(qn("w:hAnsi"), LATIN)


def body_format(fmt, indent: bool = True) -> None:
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(28)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(32) if indent else Pt(0)


def page_number_footer(doc) -> None:
    """A centred page number in the footer of every page, as 公文 print it (— 1 —): a PAGE field Word and WPS
    update when they lay the document out."""
    from docx.oxml import OxmlElement

    footer = doc.sections[0].footer
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Pt(0)

    def run(text: str | None = None, field: str | None = None, instr: str | None = None):
        r = p.add_run(text or "")
        set_font(r, SONGTI, 14)
        if field is not None:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), field)
            r._r.append(el)
        if instr is not None:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = instr
            r._r.append(el)
        return r

    run("— ")
    run(field="begin")
    run(instr=" PAGE ")
    run(field="separate")
    run("1")
    run(field="end")
    run(" —")


def build() -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(28)

    styles = doc.styles
    for lang in styles.element.iter(qn("w:lang")):  # the document defaults: Chinese text, not en-US
        lang.set(qn("w:eastAsia"), "zh-CN")
    normal = styles["Normal"]
    set_font(normal, FANGSONG, 16)
    body_format(normal.paragraph_format)
    for name, face, size, indent in (("Heading 1", XBS, 22, False), ("Heading 2", HEITI, 16, True),
                                     ("Heading 3", KAITI, 16, True)):
        style = styles[name]
        set_font(style, face, size)
        style.font.color.rgb = None
        body_format(style.paragraph_format, indent)
        style.paragraph_format.keep_with_next = True
    styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styles["Heading 1"].paragraph_format.line_spacing = Pt(36)
    styles["Heading 1"].paragraph_format.space_after = Pt(14)
    small = styles.add_style("Opinion Small", 1)
    small.base_style = normal
    set_font(small, SONGTI, 12)
    body_format(small.paragraph_format, indent=False)
    small.paragraph_format.line_spacing = Pt(20)

    def para(text: str = "", style: str | None = None, align=None, indent: bool | None = None):
        p = doc.add_paragraph(style=style)
        if text:
            p.add_run(text)
        if align is not None:
            p.alignment = align
        if indent is False:
            p.paragraph_format.first_line_indent = Pt(0)
        return p

    def tag(text: str):
        """A paragraph holding only a docxtpl block tag ({%p …%}); docxtpl removes the paragraph."""
        return doc.add_paragraph(text)

    page_number_footer(doc)
    doc.add_heading("{{ title }}", level=1)
    para("{{ number }}", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para()
    para("{{ addressee or '＿＿＿＿＿＿' }}：", indent=False)
    para("{{ opening }}")

    doc.add_heading("一、送审情况", level=2)
    tag("{%p if submission.issuer %}")
    para("制定机关：{{ submission.issuer }}{% if submission.joint_issuers %}（联合制定：{{ submission.joint_issuers|join('、') }}）{% endif %}")
    tag("{%p elif submission.issuer_note %}")
    para("制定机关：{{ submission.issuer_note }}")
    tag("{%p endif %}")
    tag("{%p if submission.drafting_unit %}")
    para("起草单位：{{ submission.drafting_unit }}")
    tag("{%p endif %}")
    para("文件名称：《{{ doc_title }}》{% if submission.doc_type %}（{{ submission.doc_type }}）{% endif %}")
    tag("{%p if submission.received %}")
    para("送审日期：{{ submission.received }}")
    tag("{%p endif %}")
    para("审核类型：{{ stage_zh }}")
    para("送审材料：")
    table = doc.add_table(rows=4, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    cells = [("材料", "情况"), ("{%tr for m in submission.materials %}", ""), ("{{ m.name }}", "{{ m.status }}"),
             ("{%tr endfor %}", "")]
    for row, (left, right) in zip(table.rows, cells):
        for cell, text in zip(row.cells, (left, right)):
            cell.text = text
            for p in cell.paragraphs:
                p.style = styles["Opinion Small"]
    tag("{%p if submission.missing %}")
    para("送审材料不齐全，缺少{{ submission.missing|join('、') }}。根据国办发〔2018〕115号文件的规定，可以退回，"
         "或者要求起草单位在规定时间内补充材料或者说明情况。")
    tag("{%p else %}")
    para("送审材料齐全。")
    tag("{%p endif %}")
    tag("{%p if submission.record %}")
    para("据送审材料，制定程序情况如下：{% for r in submission.record %}{{ r.name }}，{{ r.text }}{% if not loop.last %}；{% else %}。{% endif %}{% endfor %}")
    tag("{%p elif not submission.has_dossier %}")
    para("送审材料未载明制定程序情况，制定程序无法审查（见附件二）。")
    tag("{%p endif %}")

    doc.add_heading("二、审核依据", level=2)
    para("1. {{ framework }}")
    tag("{%p for b in bases %}")
    para("{{ loop.index + 1 }}. {{ b.cite }}{{ b.articles_zh }}")
    tag("{%p endfor %}")

    doc.add_heading("三、审核情况", level=2)
    tag("{%p for item in items %}")
    doc.add_heading("{{ item.ordinal }}{{ item.question }}", level=3)
    para("{{ item.summary }}")
    tag("{%p for s in item.findings %}")
    para("{{ s.where }}：{{ s.title }}（{{ s.severity_zh }}，见{{ s.ref }}）")
    tag("{%p endfor %}")
    tag("{%p endfor %}")

    doc.add_heading("四、具体修改意见", level=2)
    doc.add_heading("（一）应当修改的内容", level=3)
    tag("{%p if not suggestions %}")
    para("未发现应当修改的内容。")
    tag("{%p endif %}")
    for name, label in (("suggestions", "修改建议"), ("notes", "建议")):
        if name == "notes":
            tag("{%p if notes %}")
            doc.add_heading("（二）提示事项（不影响审核结论，供起草单位研究）", level=3)
        tag(f"{{%p for s in {name} %}}")
        p = para()
        p.add_run("{{ s.number }}. {{ s.where }}").font.bold = True
        p.add_run("（{{ s.severity_zh }}：{{ s.title }}）")
        tag("{%p if s.clause_rt %}")
        para("{{ s.words_label }}：“{{r s.clause_rt }}”")
        tag("{%p endif %}")
        tag("{%p for m in s.messages %}")
        para("问题：{{ m }}")
        tag("{%p endfor %}")
        tag("{%p if s.reading %}")
        para("审查理由：{{ s.reading }}")
        tag("{%p endif %}")
        tag("{%p for b in s.bases %}")
        para("依据：{{ b.cite }}{% if b.quote %}：“{{ b.quote }}”{% endif %}")
        tag("{%p endfor %}")
        tag("{%p if s.suggestion %}")
        para(f"{label}：{{{{ s.suggestion }}}}")
        tag("{%p endif %}")
        tag("{%p endfor %}")
        if name == "notes":
            tag("{%p endif %}")

    doc.add_heading("五、审核结论", level=2)
    tag("{%p for p in conclusion.paragraphs %}")
    para("{{ p }}")
    tag("{%p endfor %}")
    p = para()
    p.add_run("审核结论：{{ verdict }}（{{ next_step }}）").font.bold = True
    para()
    para("{{ reviewer or '审核机构' }}（盖章）", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    para("{{ reviewed_on_zh }}", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    para()

    doc.add_heading("附件一：经审核不予适用的审核发现", level=2)
    tag("{%p if waived %}")
    table = doc.add_table(rows=4, cols=4)
    table.style = "Table Grid"
    rows = [("位置", "检查项", "原文", "不予适用的理由"), ("{%tr for w in waived %}", "", "", ""),
            ("{{ w.label }}", "{{ w.rule_id }} {{ w.title }}", "{{ w.excerpt }}", "{{ w.reason }}"),
            ("{%tr endfor %}", "", "", "")]
    for row, texts in zip(table.rows, rows):
        for cell, text in zip(row.cells, texts):
            cell.text = text
            for cp in cell.paragraphs:
                cp.style = styles["Opinion Small"]
    tag("{%p else %}")
    para("无。")
    tag("{%p endif %}")

    tag("{%p for w in waiver_problems %}")
    para("{{ w.rule_id }}（{{ w.where }}）：{{ w.message }}", style="Opinion Small")
    tag("{%p endfor %}")

    doc.add_heading("附件二：未能进行的检查", level=2)
    tag("{%p if not_run or errors %}")
    tag("{%p for e in errors %}")
    para("{{ e.code }}{% if e.where %}（{{ e.where }}）{% endif %}：{{ e.message }}")
    tag("{%p endfor %}")
    tag("{%p for n in not_run %}")
    para("{{ n.rule_id }}{% if n.title %} {{ n.title }}{% endif %}：{{ n.reason }}")
    tag("{%p endfor %}")
    tag("{%p else %}")
    para("无。")
    tag("{%p endif %}")

    doc.add_heading("附件三：审核说明（供审核人员复核）", level=2)
    small_para = lambda text: para(text, style="Opinion Small")  # noqa: E731
    small_para("生成：{{ technical.tool }}，规则集{% if technical.ruleset.date %}（{{ technical.ruleset.date }}版）{% endif %}"
               "{{ technical.ruleset.count }}条规则{% if technical.ruleset.folders %}（含 {{ technical.ruleset.folders|join('、') }}）"
               "{% endif %}，审核配置 {{ technical.profile }}。{% if technical.registry_date %}上位法库：法律、行政法规文本截至"
               "{{ technical.registry_date }}，此后的修改、废止仅以人工补录为限。{% endif %}")
    small_para("文件类型：{{ technical.doc_type }}{% if technical.doc_type_source %}（{{ technical.doc_type_source }}）{% endif %}"
               "{% if technical.issuer %}；制定机关：{{ technical.issuer }}{% endif %}。{% if technical.files %}送审文件："
               "{% for f in technical.files %}{{ f.kind }} {{ f.file }}{% if not loop.last %}；{% endif %}{% endfor %}。{% endif %}")
    tag("{%p for i in technical.index %}")
    small_para("{{ i.ref }}：{{ i.rule_id }} {{ i.title }}；{{ i.location }}{% if i.eid %}（{{ i.eid }}）{% endif %}")
    tag("{%p endfor %}")
    tag("{%p for c in technical.checks %}")
    small_para("{{ c.label }}：{% for k in c.checks %}{{ k.id }} {{ k.title }}{% if k.not_run %}（未能进行）{% endif %}"
               "{% if not loop.last %}；{% endif %}{% endfor %}。")
    tag("{%p endfor %}")
    small_para("本意见稿经审核人员复核后出具。编号：{{ technical.reference }}")

    props = doc.core_properties
    props.title = "合法性审核意见书模板"
    props.author = "review-engine"
    props.created = props.modified = dt.datetime(2026, 1, 1)
    props.last_modified_by = "review-engine"
    props.revision = 1
    return doc


def main() -> int:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET
    build().save(str(target))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
