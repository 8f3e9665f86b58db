"""Title, date, outlet and body structure of the seeds and of the original test articles."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.extract import extract
from generator.extract.titles import MAX_TITLE
from generator.knowledge import Knowledge
from generator.models import Article, RawArticle
from generator.read import read_article
from tests.conftest import CORPUS, SEEDS

SEED_EXPECTED: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "seeds.expected.yaml").read_text()
)
CASES = sorted(CORPUS.glob("*.txt"))


def article_of(path: Path, knowledge: Knowledge) -> Article:
    return extract(read_article(path, path.parent), knowledge)


@pytest.mark.parametrize("seed_id", sorted(SEED_EXPECTED))
def test_seed_metadata(seed_id: str, knowledge: Knowledge) -> None:
    expected = SEED_EXPECTED[seed_id]
    article = article_of(SEEDS / f"{seed_id}.txt", knowledge)
    assert article.title_source == expected["title_source"]
    if "title" in expected:
        assert article.title == expected["title"]
    assert article.date.value == expected["date"]
    assert article.date.source == expected["date_source"]
    assert article.outlet == expected["outlet"]
    assert [b.text for b in article.blocks if b.kind == "heading"] == expected["headings"]
    assert sum(b.kind == "caption" for b in article.blocks) == expected["captions"]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_case_metadata(path: Path, knowledge: Knowledge) -> None:
    expected = yaml.safe_load(path.with_suffix(".expected.yaml").read_text())
    article = article_of(path, knowledge)
    if expected["title"]:
        assert (article.title, article.title_source) == (expected["title"], "headline")
    else:
        assert article.title_source == "generated"
    assert article.date.value == expected["date"]
    assert article.date.source == expected["date_source"]
    if article.date.source == "inferred":
        assert article.date.phrase
    assert article.outlet == expected["outlet"]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")) + CASES, ids=lambda p: p.stem)
def test_generated_titles_read_like_headlines(path: Path, knowledge: Knowledge) -> None:
    article = article_of(path, knowledge)
    if article.title_source != "generated":
        return
    title = article.title
    assert 20 <= len(title) <= MAX_TITLE + 1, title
    assert title[0].isupper(), title
    assert not title.endswith((".", ",", ";", ":")), title
    assert not re.search(r"\bon (Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", title), title
    assert title.count("“") == title.count("”"), title
    lead_words = set(re.findall(r"\w+", article.summary.casefold()))
    assert set(re.findall(r"\w+", title.casefold())) <= lead_words, "title words come from the lead"


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")) + CASES, ids=lambda p: p.stem)
def test_every_word_of_the_input_is_in_the_body(path: Path, knowledge: Knowledge) -> None:
    article = article_of(path, knowledge)
    raw = path.read_text(encoding="utf-8")
    if article.date.source == "explicit":
        raw = re.sub(r"^\s*date\s+\d{4}-\d{2}-\d{2}", "", raw)
    body = " ".join(
        [article.title if article.title_source == "headline" else ""]
        + [b.text for b in article.blocks]
    )
    assert raw.split() == body.split()


def test_summary_is_the_lead(knowledge: Knowledge) -> None:
    article = article_of(SEEDS / "000_71ad8e9177e05789.txt", knowledge)
    first = next(b.text for b in article.blocks if b.kind == "paragraph")
    assert article.summary.startswith(first.split(".")[0])


def test_dates_are_dates(knowledge: Knowledge) -> None:
    for path in CASES:
        value = article_of(path, knowledge).date.value
        assert value is None or isinstance(value, dt.date)


# Raw articles as users copy them from news websites: bylines, date lines, datelines, junk lines.
WEB_CASES = sorted((Path(__file__).parent / "cases" / "metadata").glob("*.txt"))


@pytest.mark.parametrize("path", WEB_CASES, ids=lambda p: p.stem)
def test_web_case_metadata(path: Path, knowledge: Knowledge) -> None:
    expected = yaml.safe_load(path.with_suffix(".expected.yaml").read_text())
    article = article_of(path, knowledge)
    assert (article.title, article.title_source) == (expected["title"], "headline")
    assert (article.date.value, article.date.source) == (expected["date"], expected["date_source"])
    if article.date.source in {"explicit", "inferred"}:
        assert article.date.phrase
    assert article.outlet == expected["outlet"]
    assert [b.text for b in article.blocks if b.kind == "heading"] == expected["headings"]
    assert sum(b.kind == "caption" for b in article.blocks) == expected["captions"]


@pytest.mark.parametrize("path", WEB_CASES, ids=lambda p: p.stem)
def test_web_case_keeps_every_word_and_leads_with_prose(path: Path, knowledge: Knowledge) -> None:
    article = article_of(path, knowledge)
    raw = path.read_text(encoding="utf-8")
    body = [article.title, *(b.text for b in article.blocks)]
    assert sorted(raw.split()) == sorted(" ".join(body).split()), "no text is lost"
    furniture = {b.text for b in article.blocks if b.kind == "meta"}
    assert not any(article.summary.startswith(line) for line in furniture)
    assert not re.match(r"(?i)by\s|[A-Z]{3,}\b.*\((AP|Reuters|Xinhua)\)", article.summary)
    assert len(article.summary.split()) >= 10


def test_web_case_list_items_stay_one_block_each(knowledge: Knowledge) -> None:
    path = next(p for p in WEB_CASES if "lists" in p.stem)
    expected = yaml.safe_load(path.with_suffix(".expected.yaml").read_text())
    article = article_of(path, knowledge)
    items = [b for b in article.blocks if re.match(r"(?:[-•]|\d\.)\s", b.text)]
    assert len(items) == expected["list_items"]
    assert all(b.kind == "paragraph" for b in items)
    lines = [line for line in path.read_text().splitlines() if re.match(r"(?:[-•]|\d\.)\s", line)]
    assert [b.text for b in items] == lines


def test_web_case_furniture_is_not_an_actor_sentence(knowledge: Knowledge) -> None:
    article = article_of(next(p for p in WEB_CASES if "press-release" in p.stem), knowledge)
    assert "Marie Dubois" not in " ".join(article.sentences)
    assert any(b.kind == "meta" and b.text == "Marie Dubois" for b in article.blocks)


@pytest.mark.parametrize(
    ("text", "outlet", "where"),
    [
        (
            "Ferry service suspended\n\nThe operator has suspended all crossings.\n\n"
            "(With inputs from Reuters)\n",
            "Reuters",
            "sign-off",
        ),
        (
            "Remains found in ferry wreck\n\nDivers found human remains in the wreck.\n\n"
            "This report by The Canadian Press was first published June 28, 2023.\n",
            "The Canadian Press",
            "sign-off",
        ),
        (
            "Airline sues software maker\n\nATLANTA — (AP) — An airline sued a software maker "
            "on Friday over an outage.\n",
            "Associated Press",
            "dateline",
        ),
    ],
)
def test_a_credit_names_the_outlet(
    text: str, outlet: str, where: str, knowledge: Knowledge
) -> None:
    article = extract(RawArticle("c.txt", "c", text), knowledge)
    assert article.outlet == outlet
    assert (article.outlet_source or "").startswith(where)
