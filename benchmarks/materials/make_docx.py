"""Turn the plain-text source of a benchmark material into a Word file, as an office would have typed it.

    python benchmarks/materials/make_docx.py SOURCE.txt OUT.docx

Each line is a paragraph; ``**text**`` lines are bold headings; lines starting with ``|`` are rows of one table
(cells split at ``|``), consecutive rows forming one table; empty lines are kept as empty paragraphs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx


def build(lines: list[str], out: Path) -> None:
    document = docx.Document()
    table_rows: list[list[str]] = []

    def flush() -> None:
        if not table_rows:
            return
        width = max(len(r) for r in table_rows)
        table = document.add_table(rows=len(table_rows), cols=width)
        for i, row in enumerate(table_rows):
            for j, cell in enumerate(row):
                table.cell(i, j).text = cell
        table_rows.clear()

    for line in lines:
        if line.startswith("|"):
            table_rows.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        flush()
        if line.startswith("**") and line.endswith("**") and len(line) > 4:
            run = document.add_paragraph().add_run(line[2:-2])
            run.bold = True
        else:
            document.add_paragraph(line)
    flush()
    document.save(out)


if __name__ == "__main__":
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    build(source.read_text(encoding="utf-8").splitlines(), target)
