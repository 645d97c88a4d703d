"""Rendering the opinion: the view model through the Jinja templates (md, html, txt) or the docxtpl Word template.

Templates: the built-in ones live in ``report/templates/`` (``opinion.md.j2``, ``opinion.html.j2``,
``opinion.txt.j2``, ``opinion.docx``). ``template`` may name a folder holding any of these (an office's
letterhead; formats it does not override use the built-in template) or, for docx, a ``.docx`` file. Every
template receives the same variables (``view.opinion_context``), documented in docs/guide.md ("Opinion templates").
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from ...findings import Review
from .view import opinion_context, ordinal

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
TEXT_FORMATS = ("md", "html", "txt")


class TemplateError(ValueError):
    """A template that cannot be found, parsed or rendered (a user template with an error)."""


def _md_escape(value: Any) -> str:
    """Escape the characters Markdown would take as markup in draft text (*, _, `, [, ], <, >, |, \\)."""
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", str(value))


def _environment(template: Path | None, fmt: str):
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

    loaders = []
    if template is not None and Path(template).is_dir():
        loaders.append(FileSystemLoader(str(template)))
    loaders.append(FileSystemLoader(str(TEMPLATES)))
    env = Environment(loader=ChoiceLoader(loaders), autoescape=select_autoescape(["html", "html.j2", "htm"]),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, undefined=StrictUndefined)
    env.filters["md"] = _md_escape
    env.globals["ordinal"] = ordinal
    return env


def _template_name(env, fmt: str) -> str:
    for name in (f"opinion.{fmt}.j2", f"opinion.{fmt}"):
        try:
            env.get_template(name)
            return name
        except Exception:
            continue
    raise TemplateError(f"找不到 {fmt} 格式的意见书模板（opinion.{fmt}.j2）")


def render_opinion(review: Review, fmt: str, template: Path | None = None) -> bytes:
    """The opinion of one review in ``fmt`` (md, html, txt, docx)."""
    context = opinion_context(review)
    if fmt == "docx":
        return _render_docx(context, template)
    if fmt not in TEXT_FORMATS:
        raise ValueError(f"unknown opinion format {fmt}")
    from jinja2 import TemplateError as JinjaError

    env = _environment(template, fmt)
    name = _template_name(env, fmt)
    try:
        text = env.get_template(name).render(**context)
    except JinjaError as exc:
        raise TemplateError(f"意见书模板 {name} 有误：{exc}") from exc
    text = re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"
    return text.encode("utf-8")


def docx_template_path(template: Path | None) -> Path:
    if template is not None:
        template = Path(template)
        if template.is_file() and template.suffix.lower() == ".docx":
            return template
        if template.is_dir() and (template / "opinion.docx").is_file():
            return template / "opinion.docx"
    return TEMPLATES / "opinion.docx"


def _render_docx(context: dict, template: Path | None) -> bytes:
    from docxtpl import DocxTemplate
    from docxtpl import RichText
    from jinja2 import TemplateError as JinjaError

    path = docx_template_path(template)
    for s in context["suggestions"] + context["notes"]:
        # the clause as a run sequence with the quoted words underlined and bold ({{r s.clause_rt }})
        rich = None
        if s["segments"]:
            rich = RichText()
            for seg in s["segments"]:
                rich.add(seg["text"], bold=seg["mark"], underline=seg["mark"])
        elif s["words"]:
            rich = RichText("”“".join(s["words"]), bold=True, underline=True)
        s["clause_rt"] = rich
    try:
        doc = DocxTemplate(str(path))
        doc.render(context, autoescape=True)
    except JinjaError as exc:
        raise TemplateError(f"Word 意见书模板 {path.name} 有误：{exc}") from exc
    except Exception as exc:  # a file that is not a Word document
        if isinstance(exc, TemplateError):
            raise
        raise TemplateError(f"无法使用 Word 意见书模板 {path}：{exc}") from exc
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
