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
from generator.models import Article
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
