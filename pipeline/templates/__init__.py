"""Document layouts: the PDF templates (one module each) and the plain-text and DOCX renderings."""

from __future__ import annotations

from pipeline.templates import classic, modern
from pipeline.templates.base import Template

TEMPLATES: dict[str, Template] = {template.name: template for template in (classic.TEMPLATE, modern.TEMPLATE)}


def get_template(name: str) -> Template:
    """The template called ``name``; raises ``ValueError`` naming the known ones otherwise."""
    try:
        return TEMPLATES[name]
    except KeyError:
        raise ValueError(f"unknown template {name!r}; expected one of {sorted(TEMPLATES)}") from None
