"""The 清理 list of an audit: one row per document with its proposed disposition, as CSV, Excel, Word and a summary.

``CleanupList(out_dir, formats, as_of)`` takes each document's row as the run produces it (``add``: the
``Review.audit`` dictionary and the review's verdict) and appends it to ``清理目录.csv`` being written (a
temporary file, renamed by ``close``), keeping only counts: how many documents of each disposition and how many
documents each kind of reason concerns. ``close`` then writes, from the CSV read back row by row:

* ``清理目录.xlsx`` — the list (openpyxl in write-only mode: constant memory), frozen header, filter, wrapped
  text, and a sheet 汇总;
* ``清理目录.docx`` — for leadership: the summary, then the documents proposed for 宣布失效, 废止 and 修改, each
  with its reasons and articles (at most ``WORD_ROWS`` a table; the list has them all), then the count of those
  that continue;
* ``清理汇总.md`` — the summary: counts, the most frequent reasons, the documents that could not be reviewed.

The CSV is UTF-8 with a byte-order mark, so that Excel opens it in Chinese. Columns: ``COLUMNS``.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections import Counter
from pathlib import Path

COLUMNS = ("序号", "文件名称", "文号", "文号来源", "发布日期", "发布日期来源", "施行日期", "有效期", "有效期届满日",
           "文件类型", "处理建议", "主要理由", "具体理由", "涉及条款", "需核对事项", "审核结论", "文件")
ORDER = ("宣布失效", "废止", "修改", "继续有效", "无法审核")
LIST_FORMATS = ("csv", "xlsx", "docx", "md")
FILES = {"csv": "清理目录.csv", "xlsx": "清理目录.xlsx", "docx": "清理目录.docx", "md": "清理汇总.md"}
WORD_ROWS = 2000


def row_values(position: int, draft: str, title: str, verdict: str | None, audit: dict) -> list[str]:
    """The CSV row of one document."""
    reasons = audit.get("reasons") or []
    checks = audit.get("checks") or []
    validity = audit.get("validity") or ""
    if validity and audit.get("validity_at"):
        validity = f"{validity}（{audit['validity_at']}）"
    return [str(position), title or Path(draft).stem, audit.get("doc_number") or "", audit.get("doc_number_from") or "",
            audit.get("issued") or "", audit.get("issued_from") or "", audit.get("effective") or "", validity,
            audit.get("validity_end") or "", audit.get("doc_type") or "", audit.get("disposition") or "无法审核",
            "；".join(dict.fromkeys(r["key"] for r in reasons)),
            "\n".join(_reason_text(r) for r in reasons), "、".join(audit.get("articles") or []),
            "\n".join(_reason_text(r) for r in checks), verdict or "无法审核", draft]


def _reason_text(reason: dict) -> str:
    where = "、".join(reason.get("where") or [])
    return f"{reason['text']}" + (f"（{where}）" if where and where not in reason["text"] else "")


class CleanupList:
    """See the module docstring."""

    def __init__(self, out_dir: Path | None, formats: list[str], as_of: str):
        self.out_dir = Path(out_dir) if out_dir is not None else None
        self.formats = [f for f in formats if f in LIST_FORMATS]
        self.as_of = as_of
        self.count = 0
        self.dispositions: Counter = Counter()
        self.reasons: Counter = Counter()
        self.checks: Counter = Counter()
        self.unreadable: list[str] = []
        self.fh = None
        self.tmp = None
        if self.out_dir is not None and self.formats:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(prefix=".清理目录.csv.", dir=self.out_dir)
            self.fh = io.TextIOWrapper(os.fdopen(fd, "wb"), encoding="utf-8-sig", newline="")
            self.writer = csv.writer(self.fh)
            self.writer.writerow(COLUMNS)

    def add(self, draft: str, title: str, verdict: str | None, audit: dict | None) -> list[str]:
        audit = audit or {}
        self.count += 1
        values = row_values(self.count, draft, title, verdict, audit)
        disposition = values[10]
        self.dispositions[disposition] += 1
        for key in dict.fromkeys(r["key"] for r in audit.get("reasons") or []):
            self.reasons[key] += 1
        for key in dict.fromkeys(r["key"] for r in audit.get("checks") or []):
            self.checks[key] += 1
        if disposition == "无法审核":
            self.unreadable.append(draft)
        if self.fh is not None:
            self.writer.writerow(values)
        return values

    # ---- the end of the run ------------------------------------------------------------------------------

    def close(self) -> list[Path]:
        """Write every format; the files written."""
        if self.fh is None:
            return []
        from .write import _mode_for, atomic_write

        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        self.fh = None
        written = []
        csv_path = self.out_dir / FILES["csv"]
        try:
            if "xlsx" in self.formats:
                written.append(self._xlsx())
            if "docx" in self.formats:
                written.append(self._docx())
            if "md" in self.formats:
                target = self.out_dir / FILES["md"]
                atomic_write(target, self.summary_markdown().encode("utf-8"))
                written.append(target)
            if "csv" in self.formats:
                os.chmod(self.tmp, _mode_for(csv_path))
                os.replace(self.tmp, csv_path)
                written.insert(0, csv_path)
        finally:
            self._drop_tmp()
        return written

    def abort(self) -> None:
        if self.fh is not None:
            self.fh.close()
            self.fh = None
        self._drop_tmp()

    def _drop_tmp(self) -> None:
        if self.tmp is not None and os.path.exists(self.tmp):
            os.unlink(self.tmp)
        self.tmp = None

    def _rows(self):
        with open(self.tmp, encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            next(reader)
            yield from reader

    def top_reasons(self, n: int = 10) -> list[tuple[str, int]]:
        return self.reasons.most_common(n)

    def summary_lines(self) -> list[str]:
        counts = "，".join(f"{k}{self.dispositions[k]}件" for k in ORDER if self.dispositions.get(k))
        lines = [f"清理基准日：{self.as_of}。共清理文件{self.count}件：{counts}。"]
        if self.reasons:
            lines.append("主要理由（涉及文件数）：" + "；".join(f"{k}（{v}件）" for k, v in self.top_reasons()) + "。")
        if self.checks:
            lines.append("需核对事项（涉及文件数）：" + "；".join(f"{k}（{v}件）" for k, v in self.checks.most_common(8)) + "。")
        return lines

    def summary_markdown(self) -> str:
        out = ["# 规范性文件清理汇总", "", *self.summary_lines(), "", "| 处理建议 | 件数 |", "|---|---:|"]
        out += [f"| {k} | {self.dispositions[k]} |" for k in ORDER if self.dispositions.get(k)]
        if self.reasons:
            out += ["", "## 主要理由", "", "| 理由 | 涉及文件数 |", "|---|---:|"]
            out += [f"| {k} | {v} |" for k, v in self.top_reasons(20)]
        shown = [row for row in self._rows() if row[10] in ("宣布失效", "废止")][:WORD_ROWS]
        if shown:
            out += ["", "## 建议宣布失效或者废止的文件", "", "| 序号 | 文件名称 | 文号 | 处理建议 | 理由 |", "|---:|---|---|---|---|"]
            out += [f"| {r[0]} | {_cell(r[1])} | {_cell(r[2])} | {r[10]} | {_cell(r[12])} |" for r in shown]
        if self.unreadable:
            out += ["", "## 无法审核的文件", ""] + [f"- {_cell(d)}" for d in self.unreadable[:WORD_ROWS]]
        out += ["", "处理建议由 review-engine 依据审核结果提出（判断方法见其使用说明“规范性文件清理”一节），须经人工核对后决定。", ""]
        return "\n".join(out)

    def _xlsx(self) -> Path:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font

        target = self.out_dir / FILES["xlsx"]
        book = Workbook(write_only=True)
        sheet = book.create_sheet("清理目录")
        widths = {"文件名称": 36, "具体理由": 70, "需核对事项": 50, "主要理由": 24, "涉及条款": 18, "文件": 40, "文号": 20}
        for i, name in enumerate(COLUMNS):
            sheet.column_dimensions[_column(i)].width = widths.get(name, 12)
        sheet.freeze_panes = "C2"
        sheet.auto_filter.ref = f"A1:{_column(len(COLUMNS) - 1)}{self.count + 1}"
        bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
        sheet.append([_styled(WriteOnlyCell(sheet, value=v), font=bold) for v in COLUMNS])
        for row in self._rows():
            row[0] = int(row[0])
            sheet.append([_styled(WriteOnlyCell(sheet, value=v), alignment=wrap) for v in row])
        summary = book.create_sheet("汇总")
        for line in self.summary_lines():
            summary.append([line])
        summary.append([])
        summary.append(["处理建议", "件数"])
        for key in ORDER:
            if self.dispositions.get(key):
                summary.append([key, self.dispositions[key]])
        summary.append([])
        summary.append(["主要理由", "涉及文件数"])
        for key, value in self.top_reasons(20):
            summary.append([key, value])
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=self.out_dir)
        os.close(fd)
        try:
            book.save(tmp)
            from .write import _mode_for

            os.chmod(tmp, _mode_for(target))
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
        return target

    def _docx(self) -> Path:
        from docx import Document
        from docx.shared import Pt

        from .write import atomic_write

        doc = Document()
        style = doc.styles["Normal"]
        style.font.size = Pt(10.5)
        doc.add_heading("规范性文件清理结果", level=1)
        for line in self.summary_lines():
            doc.add_paragraph(line)
        for value, heading in (("宣布失效", "一、建议宣布失效的文件"), ("废止", "二、建议废止的文件"), ("修改", "三、建议修改的文件")):
            rows = [r for r in self._rows() if r[10] == value]
            if not rows:
                continue
            doc.add_heading(heading + f"（{len(rows)}件）", level=2)
            table = doc.add_table(rows=1, cols=5)
            table.style = "Table Grid"
            for cell, name in zip(table.rows[0].cells, ("序号", "文件名称", "文号", "理由", "涉及条款"), strict=True):
                cell.text = name
            for r in rows[:WORD_ROWS]:
                cells = table.add_row().cells
                for cell, text in zip(cells, (r[0], r[1], r[2], r[12], r[13]), strict=True):
                    cell.text = text
            if len(rows) > WORD_ROWS:
                doc.add_paragraph(f"其余{len(rows) - WORD_ROWS}件见清理目录.xlsx。")
        kept = self.dispositions.get("继续有效", 0)
        if kept:
            doc.add_paragraph(f"建议继续有效的文件{kept}件，见清理目录.xlsx。")
        if self.unreadable:
            doc.add_paragraph(f"无法审核的文件{len(self.unreadable)}件，见清理目录.xlsx，需人工审核。")
        doc.add_paragraph("处理建议由 review-engine 依据审核结果提出，须经人工核对后决定。")
        buffer = io.BytesIO()
        doc.save(buffer)
        target = self.out_dir / FILES["docx"]
        atomic_write(target, buffer.getvalue())
        return target


def _column(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _styled(cell, **style):
    for key, value in style.items():
        setattr(cell, key, value)
    return cell


def _cell(text: str) -> str:
    return text.replace("|", "｜").replace("\n", "<br>")
