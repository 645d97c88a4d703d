"""The review opinion (合法性审核意见书): a ``Review`` → a view model (``view``, ``submission``) → the templates
(``render``: md, html, txt through Jinja; docx through docxtpl)."""

from .render import TEMPLATES, TEXT_FORMATS, TemplateError, docx_template_path, render_opinion
from .view import opinion_context

__all__ = ["TEMPLATES", "TEXT_FORMATS", "TemplateError", "docx_template_path", "opinion_context", "render_opinion"]
