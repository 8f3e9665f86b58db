"""Hostile article text is published as the literal text the author wrote: nothing runs or drops.

Each article is taken through the real stages (read -> extract -> index -> render), and its page
is rendered to HTML with the Markdown extensions of mkdocs.yml, as MkDocs would (published.py).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.knowledge import Knowledge
from generator.models import RawArticle
from generator.read import read_article
from tests.badinputs import FIXTURES
from tests.htmlcheck import scan_html, squash
from tests.published import article_html, corpus_of, reader_lines

HOSTILE = FIXTURES / "hostile"


def test_hostile_fixture_is_published_literally(knowledge: Knowledge) -> None:
    raw = read_article(HOSTILE / "hostile.txt", HOSTILE)
    html = article_html(corpus_of([raw], knowledge))["hostile.txt"]
    scan = scan_html(html)
    assert scan.injected() == []
    visible = scan.visible
    for line in reader_lines(raw.text):
        assert line in visible, line


def test_hostile_front_matter_is_published_literally(knowledge: Knowledge) -> None:
    raw = read_article(HOSTILE / "hostile-front-matter.md", HOSTILE)
    corpus = corpus_of([raw], knowledge)
    html = article_html(corpus)["hostile-front-matter.md"]
    scan = scan_html(html)
    assert scan.injected() == []
    assert squash(str(raw.meta["title"])) in scan.visible
    assert squash(str(raw.meta["outlet"])) in scan.visible
    for line in reader_lines(raw.text):
        assert line in scan.visible, line


def test_hostile_file_names_are_shown_literally(tmp_path: Path, knowledge: Knowledge) -> None:
    name = "<img src=x onerror=alert(1)> [x](javascript:y) {{ a }} `b`.txt"
    (tmp_path / name).write_text("A harmless headline\n\nThe text of it is harmless too.\n")
    raw = read_article(tmp_path / name, tmp_path)
    html = article_html(corpus_of([raw], knowledge))[name]
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
    html = article_html(corpus_of([raw], knowledge))["random.txt"]
    scan = scan_html(html)
    assert scan.injected() == []
    visible = scan.visible
    for line in reader_lines(text):
        assert line in visible, line
