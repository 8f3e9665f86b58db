"""What a reader finds on an article's page: the helpers of the hostile and property tests.

An article goes through the real stages (read -> extract -> index -> render), and its page is
rendered to HTML with the Markdown extensions of mkdocs.yml, as MkDocs would.
"""

from __future__ import annotations

import re

from generator.extract import extract
from generator.index import build_corpus
from generator.knowledge import Knowledge
from generator.models import Corpus, RawArticle
from generator.render import render_pages
from generator.render.environment import make_environment
from tests.conftest import ROOT
from tests.htmlcheck import render_page, squash


def corpus_of(raws: list[RawArticle], knowledge: Knowledge) -> Corpus:
    """Return the corpus the real extraction and index make of `raws`."""
    return build_corpus([extract(raw, knowledge) for raw in raws], knowledge)


def article_html(corpus: Corpus) -> dict[str, str]:
    """Return the HTML of every article page of the corpus, by the article's source file."""
    pages = {p.path: p for p in render_pages(corpus, make_environment(ROOT / "templates"))}
    return {
        a.source_file: render_page(pages[f"articles/{a.slug}.md"].text) for a in corpus.articles
    }


def reader_lines(text: str) -> list[str]:
    """Return the text's non-empty lines, whitespace collapsed: what a reader must find.

    This is what "every sentence is on the page" means: each line of the text as read, with
    runs of white space (which Markdown and HTML collapse) as one space, is a run of the page's
    visible text once its markup is rendered and its escapes undone; the date marker at the
    start is shown as the page's date instead, so it is left out.
    """
    marker = r"\s*date\s+\d{4}-\d{1,2}-\d{1,2}\b"
    text, found = re.subn(rf"\A{marker}", "", text)  # the date line, shown as a date
    if not found:  # or the line under a headline
        text = re.sub(rf"\A([^\n]*\S[^\n]*\n){marker}", r"\1", text)
    return [line for line in (squash(line) for line in text.splitlines()) if line]
