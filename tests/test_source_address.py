"""An article's web address: where it comes from, the outlet and date it gives, its link."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.extract import extract
from generator.knowledge import Knowledge
from generator.models import RawArticle
from generator.read import read_article
from generator.render.export import export_corpus
from generator.weburl import date_in_url, same_page_key, web_url
from tests.published import article_html, corpus_of

STORY = "Dockworkers at Port Veyra ended a nine-day strike on Thursday after a pay deal.\n"


def _article(tmp_path: Path, name: str, text: str) -> RawArticle:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_article(path, tmp_path)


def test_front_matter_address_author_and_date_origin_are_cited(
    tmp_path: Path, knowledge: Knowledge
) -> None:
    raw = _article(
        tmp_path,
        "strike.md",
        "---\ntitle: Port strike ends\ndate: 2025-03-14\ndate_from: the page's metadata\n"
        "url: https://www.harbourgazette.example/news/port-strike-ends?a=1&b=2\n"
        "author: Lena Marsh\n---\n" + STORY,
    )
    corpus = corpus_of([raw], knowledge)
    article = corpus.articles[0]
    assert article.url == "https://www.harbourgazette.example/news/port-strike-ends?a=1&b=2"
    assert article.outlet == "harbourgazette.example"  # an unknown site: its domain
    page = article_html(corpus)["strike.md"]
    assert 'href="https://www.harbourgazette.example/news/port-strike-ends?a=1&amp;b=2"' in page
    assert "by Lena Marsh" in page
    assert "the page's metadata" in page
    exported = export_corpus(corpus)["articles"][0]
    assert exported["source_url"] == article.url
    assert exported["author"] == "Lena Marsh"


def test_source_line_address_gives_known_outlet_and_date(
    tmp_path: Path, knowledge: Knowledge
) -> None:
    raw = _article(
        tmp_path,
        "wire.txt",
        "Port strike ends in Veyra\n\n"
        + STORY
        + "\nSource: https://www.reuters.com/world/port-strike-2025-03-14/\n",
    )
    article = extract(raw, knowledge)
    assert article.url == "https://www.reuters.com/world/port-strike-2025-03-14/"
    assert article.outlet == "Reuters"
    assert article.outlet_source == "web address (reuters.com)"
    assert article.date.value == dt.date(2025, 3, 14)
    assert article.date.source == "address"


@pytest.mark.parametrize(
    "address",
    [
        'https://example.com/a"><script>alert(1)</script>',
        "javascript:alert(1)",
        "https://example.com/a b",
        "ftp://example.com/file",
        "<https://example.com/>",
    ],
)
def test_address_that_could_break_out_of_a_link_is_not_linked(
    tmp_path: Path, knowledge: Knowledge, address: str
) -> None:
    raw = _article(tmp_path, "bad.md", f"---\ntitle: A strike\nurl: '{address}'\n---\n" + STORY)
    corpus = corpus_of([raw], knowledge)
    assert corpus.articles[0].url is None
    page = article_html(corpus)["bad.md"]
    assert "<script" not in page and "javascript:" not in page
    assert "Original:" not in page


def test_web_url_takes_only_one_plain_address() -> None:
    assert web_url(" https://apnews.com/article/x ") == "https://apnews.com/article/x"
    assert web_url("see https://apnews.com/article/x") is None
    assert web_url("https://") is None
    assert web_url(None) is None


def test_same_page_key_ignores_what_does_not_change_the_page() -> None:
    key = same_page_key("https://www.Example.com/news/story/?utm_source=rss&utm_medium=feed")
    assert key == same_page_key("http://example.com/news/story")
    assert key == same_page_key("https://example.com/news/story#comments")
    assert key != same_page_key("https://example.com/news/other-story")
    assert same_page_key("https://example.com/item?id=3") != same_page_key(
        "https://example.com/item?id=4"
    )


def test_date_in_url() -> None:
    assert date_in_url("https://a.example/2024/11/05/orchard.html") == dt.date(2024, 11, 5)
    assert date_in_url("https://a.example/world/port-2025-03-14/") == dt.date(2025, 3, 14)
    assert date_in_url("https://a.example/2024/13/45/x") is None
    assert date_in_url("https://a.example/story/20241105123") is None
