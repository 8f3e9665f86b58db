"""Escaping: untrusted text renders, with mkdocs.yml's extensions, as exactly what was written."""

from __future__ import annotations

import pytest

from generator.escape import html_text, markdown_inline
from generator.models import Page
from generator.render.environment import make_environment
from generator.render.page import markdown_page
from tests.conftest import ROOT
from tests.htmlcheck import STRUCTURE, render_markdown, render_page, scan_html, squash

HOSTILE = [
    '<script>alert("xss")</script> after',
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(2)">click</a>',
    "[a link](javascript:alert(3)) and ![pic](x onerror=alert(4))",
    "<https://evil.example> and http://example.com/?a=1&b=2",
    "a comment <!-- hidden --> in text",
    "<!-- more -->",
    "{{ config.site_name }} and {% raw %} and {# note #}",
    '!!! warning "Injected admonition"',
    '??? note "collapsible"',
    '--8<-- "/etc/passwd"',
    'a sentence {: .evil onclick="alert(5)" } with attributes',
    "{: #id .class }",
    "---",
    "***",
    "___",
    "# Not a heading",
    "### Not a heading either ###",
    "> not a quote",
    "| not | a | table |",
    "|---|---|",
    "* not a list",
    "- not a list",
    "+ not a list",
    "1. not a numbered list",
    "2) nor this",
    "    four spaces of indent",
    "term\n: not a definition",
    "Heading underline\n===",
    "Heading underline\n---",
    "`code` and ``more code``",
    "*stars* and **bold** and _under_ and __dunder__",
    "~~strike~~ ^sup^ ==mark==",
    "\\backslash\\ and \\* escaped",
    "&amp; &lt; &#60; &nbsp; entities written out",
    "AT&T and 5 < 6 > 4",
    "[TAGS] #hashtag [^1] footnote",
    "[ref]: http://example.com",
    "*[HTML]: Hyper Text",
    "<div markdown>block</div>",
    "line with trailing spaces  \nnext",
    "tags:\n  - one",
    "title: injected: yaml",
    "@import url(x); <style>body{}</style>",
    "\u202eright-to-left override and zero\u200bwidth",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_literally(text: str) -> None:
    scan = scan_html(render_markdown(markdown_inline(text)))
    assert scan.injected() == []
    assert [t for t in scan.tags if t in STRUCTURE] == []
    assert scan.visible == squash(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_heading_renders_literally(text: str) -> None:
    scan = scan_html(render_markdown(f"## {markdown_inline(text)}"))
    assert scan.injected() == []
    assert scan.tags.count("h2") == 1 and "p" not in scan.tags
    assert scan.visible == squash(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_table_cell_stays_in_its_cell(text: str) -> None:
    table = f"| A | B |\n|---|---|\n| {markdown_inline(text)} | end |\n"
    scan = scan_html(render_markdown(table))
    assert scan.injected() == []
    assert scan.tags.count("td") == 2
    assert scan.visible == squash(f"A B {text} end")


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_a_template_page(text: str) -> None:
    env = make_environment(ROOT / "templates")
    page = markdown_page(
        env, "report/index.md", "report.md.j2", {"title": text}, count=1, problems=[]
    )
    assert isinstance(page, Page)
    scan = scan_html(render_page(page.text))
    assert scan.injected() == []


def test_html_text_escapes_for_attributes_and_elements() -> None:
    assert html_text('<img src="x" onerror=a>') == "&lt;img src=&quot;x&quot; onerror=a&gt;"
    assert html_text("a\n  b") == "a b"


def test_front_matter_fields_themes_print_are_escaped() -> None:
    env = make_environment(ROOT / "templates")
    meta = {
        "title": "<img src=x onerror=alert(1)>",
        "description": '"><script>alert(2)</script>',
        "summary": "<b>raw data stays raw</b>",
        "tags": ["<svg onload=alert(3)>"],
    }
    page = markdown_page(env, "report/index.md", "report.md.j2", meta, count=0, problems=[])
    head = page.text.split("\n---\n", 1)[0]
    assert "<img" not in head and "<script" not in head and "<svg" not in head
    assert "&lt;img src=x onerror=alert(1)&gt;" in head
    assert "<b>raw data stays raw</b>" in head  # not printed by the theme: data kept as written
