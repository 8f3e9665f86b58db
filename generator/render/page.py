"""Write one page: a template rendered under front matter, or data as JSON."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from typing import Any

import frontmatter
import jinja2
import yaml

from generator.escape import html_text
from generator.models import DateInfo, Page
from generator.render.environment import render_template

# Front matter fields that MkDocs or Material print raw into the page (<title>, the header, the
# nav, <meta name="description">, <meta name="author">, nav subtitles; and `tags`, a list, which
# the tags plugin prints): HTML-escaped here, once.
THEME_PRINTED = ("title", "description", "author", "subtitle")
# libyaml's dumper writes what PyYAML's pure-Python one does, many times faster.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def markdown_page(
    env: jinja2.Environment, path: str, template: str, meta: Mapping[str, Any], **context: Any
) -> Page:
    """Render a template into a Markdown page with YAML front matter written by frontmatter."""
    body = render_template(env, template, page_path=path, **context)
    fields = dict(meta)
    for key in THEME_PRINTED:  # MkDocs and Material print these into the HTML unescaped
        if fields.get(key) is not None:
            fields[key] = html_text(str(fields[key]))
    if isinstance(fields.get("tags"), list | tuple):  # the tags plugin prints each name raw
        fields["tags"] = [html_text(str(tag)) for tag in fields["tags"]]
    post = frontmatter.Post(body, **fields)
    text = frontmatter.dumps(post, Dumper=_DUMPER, sort_keys=False, width=1000)
    return Page.of(path, text + "\n")


@functools.lru_cache(maxsize=16_384)  # a date is printed on many pages
def long_date(date: DateInfo) -> str:
    """Return a date for readers, as precise as it is known: "16 November 2022", "November 2022"."""
    if date.value is None:
        return "Undated"
    if date.precision == "year":
        return str(date.value.year)
    if date.precision == "month":
        return date.value.strftime("%B %Y")
    return f"{date.value.day} {date.value.strftime('%B %Y')}"


@functools.lru_cache(maxsize=4_096)
def month_key(day: dt.date | None) -> str:
    """Return "November 2022" for grouping, or "Undated"."""
    return day.strftime("%B %Y") if day else "Undated"
