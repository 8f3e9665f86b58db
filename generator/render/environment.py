"""The Jinja environment: every value printed is escaped for Markdown unless marked safe."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.errors import TemplateMissingError
from generator.escape import markdown_inline


def _finalize(value: Any) -> Any:
    """Escape every printed value at the boundary; Markup (our own links and markup) passes."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    return markdown_inline(str(value))


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """Return a strict environment over `templates_dir` that escapes untrusted text."""
    if not templates_dir.is_dir():
        raise TemplateMissingError(f"{templates_dir}: templates folder not found")
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=False,  # output is Markdown; _finalize does the escaping
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_template(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Render one template; a missing template is a structural fault, not a warning."""
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound as exc:
        raise TemplateMissingError(f"template {name!r} not found in templates/") from exc
    return template.render(**context)
