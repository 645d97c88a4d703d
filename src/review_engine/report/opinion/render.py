"""Rendering the opinion: the view model through the Jinja templates (md, html, txt) or the docxtpl Word template.

Templates: the built-in ones live in ``report/templates/`` (``opinion.md.j2``, ``opinion.html.j2``,
``opinion.txt.j2``, ``opinion.docx``). ``template`` may name a folder holding any of these (an office's
letterhead; formats it does not override use the built-in template) or, for docx, a ``.docx`` file. Every
template receives the same variables (``view.opinion_context``), documented in docs/guide.md ("Opinion templates").
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
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


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@lru_cache(maxsize=1)
def _linear(base):
    """docxtpl's template with the rendered body moved into the document in linear time.

    lxml moves a subtree from one document into another in time quadratic in the number of ``xml:space``
    attributes it holds (every one is looked up again in a growing namespace cache): 10,000 findings took
    seconds in that one call. The attributes are taken off before the move and put back after it."""

    class LinearTemplate(base):
        def map_tree(self, tree):
            from lxml import etree

            spaced = [(el, el.attrib.pop(_XML_SPACE)) for el in tree.iter(etree.Element) if _XML_SPACE in el.attrib]
            super().map_tree(tree)
            for el, value in spaced:
                el.set(_XML_SPACE, value)

    return LinearTemplate


def _user_docx(path: Path) -> io.BytesIO:
    """An office's Word template, its parts inflated within the size limit of drafts (a zip bomb is refused)."""
    from ...reading.docx import inflate_archive

    try:
        return io.BytesIO(inflate_archive(path.read_bytes()))
    except (OSError, ValueError) as exc:
        raise TemplateError(f"无法使用 Word 意见书模板 {path}：{exc}") from None


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
        doc = _linear(DocxTemplate)(str(path) if path == TEMPLATES / "opinion.docx" else _user_docx(path))
        doc.render(context, autoescape=True)
    except JinjaError as exc:
        raise TemplateError(f"Word 意见书模板 {path.name} 有误：{exc}") from exc
    except Exception as exc:  # a file that is not a Word document
        if isinstance(exc, TemplateError):
            raise
        raise TemplateError(f"无法使用 Word 意见书模板 {path}：{exc}") from exc
    buffer = io.BytesIO()
    doc.save(buffer)
    return reproducible_zip(buffer.getvalue())


def reproducible_zip(data: bytes) -> bytes:
    """The same archive with nothing that depends on when it was written: every part dated 1980-01-01, written
    in the order python-docx gives (``[Content_Types].xml`` first), with fixed attributes — so that the same
    review gives the same .docx bytes."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 0
            target.writestr(fixed, source.read(info))
    return out.getvalue()
