"""Reports: findings → machine formats (json, sarif, junit, github, text) and the review opinion
(合法性审核意见书: md, html, txt, docx) rendered from the Jinja templates in ``templates/``.

Reports know findings, never the parser: they read ``Review`` objects only.
"""

from __future__ import annotations

MACHINE_FORMATS = ("json", "jsonl", "sarif", "junit", "github", "text")
OPINION_FORMATS = ("md", "html", "txt", "docx")
FORMATS = OPINION_FORMATS + MACHINE_FORMATS
