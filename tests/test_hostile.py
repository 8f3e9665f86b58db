"""Hostile article text is published as the literal text the author wrote: nothing runs or drops.

Each article is taken through the real stages (read -> extract -> index -> render), and its page
is rendered to HTML with the Markdown extensions of mkdocs.yml, as MkDocs would.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.extract import extract
from generator.index import build_corpus
from generator.knowledge import Knowledge
from generator.models import Corpus, RawArticle
from generator.read import read_article
from generator.render import render_pages
from generator.render.environment import make_environment
from tests.badinputs import FIXTURES
from tests.conftest import ROOT
from tests.htmlcheck import render_page, scan_html, squash

HOSTILE = FIXTURES / "hostile"


def _corpus(raws: list[RawArticle], knowledge: Knowledge) -> Corpus:
    return build_corpus([extract(raw, knowledge) for raw in raws], knowledge)


def _article_html(corpus: Corpus) -> dict[str, str]:
    """Return the HTML of every article page of the corpus, by the article's source file."""
    pages = {p.path: p for p in render_pages(corpus, make_environment(ROOT / "templates"))}
    return {
        a.source_file: render_page(pages[f"articles/{a.slug}.md"].text) for a in corpus.articles
    }


def _lines(text: str) -> list[str]:
    """Return the text's non-empty lines, whitespace collapsed: what a reader must find."""
    marker = r"\s*date\s+\d{4}-\d{1,2}-\d{1,2}\b"
    text, found = re.subn(rf"\A{marker}", "", text)  # the date line, shown as a date
    if not found:  # or the line under a headline
        text = re.sub(rf"\A([^\n]*\S[^\n]*\n){marker}", r"\1", text)
    return [line for line in (squash(line) for line in text.splitlines()) if line]


def test_hostile_fixture_is_published_literally(knowledge: Knowledge) -> None:
    raw = read_article(HOSTILE / "hostile.txt", HOSTILE)
    html = _article_html(_corpus([raw], knowledge))["hostile.txt"]
    scan = scan_html(html)
    assert scan.injected() == []
    visible = scan.visible
    for line in _lines(raw.text):
        assert line in visible, line


def test_hostile_front_matter_is_published_literally(knowledge: Knowledge) -> None:
    raw = read_article(HOSTILE / "hostile-front-matter.md", HOSTILE)
    corpus = _corpus([raw], knowledge)
    html = _article_html(corpus)["hostile-front-matter.md"]
    scan = scan_html(html)
    assert scan.injected() == []
    assert squash(str(raw.meta["title"])) in scan.visible
    assert squash(str(raw.meta["outlet"])) in scan.visible
    for line in _lines(raw.text):
        assert line in scan.visible, line


def test_hostile_file_names_are_shown_literally(tmp_path: Path, knowledge: Knowledge) -> None:
    name = "<img src=x onerror=alert(1)> [x](javascript:y) {{ a }} `b`.txt"
    (tmp_path / name).write_text("A harmless headline\n\nThe text of it is harmless too.\n")
    raw = read_article(tmp_path / name, tmp_path)
    html = _article_html(_corpus([raw], knowledge))[name]
    scan = scan_html(html)
    assert scan.injected() == []
    assert squash(name) in scan.visible


# Fragments a hostile or careless text is made of, mixed with any text hypothesis thinks of.
FRAGMENTS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "<!-- c -->",
    "{{ x }}",
    "{% if %}",
    "!!! note",
    "--8<-- 'f'",
    "{: .c }",
    "---",
    "# ",
    "> ",
    "| a | b |",
    "* ",
    "1. ",
    "    ",
    "`",
    "\\",
    "&amp;",
    "<",
    "Source: ",
    "date 2024-01-01",
    "http://x.y/?a=1&b=2",
    "Mr. ",
    "“",
    "\u00a0",
]
WORDS = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Co", "Cn", "Zl", "Zp"), blacklist_characters="\ufeff"
    ),
    min_size=1,
    max_size=12,
)
LINE = st.lists(st.one_of(st.sampled_from(FRAGMENTS), WORDS), min_size=1, max_size=12).map(" ".join)
TEXT = st.lists(LINE, min_size=1, max_size=8).map("\n\n".join)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT)
def test_any_text_is_published_whole_and_inert(text: str, knowledge: Knowledge) -> None:
    raw = RawArticle(source="random.txt", stem="random", text=text)
    html = _article_html(_corpus([raw], knowledge))["random.txt"]
    scan = scan_html(html)
    assert scan.injected() == []
    visible = scan.visible
    for line in _lines(text):
        assert line in visible, line
