"""A month or weekday spelt with a lookalike letter is no date, and no crash.

Python's case-insensitive matching takes the dotless "ı" for an "i", so "Aprıl" matched the
April pattern while no name table held "aprıl": the build stopped on a KeyError.
"""

from __future__ import annotations

from pathlib import Path

from generator.extract.dates import find_dates, find_full_dates
from generator.extract.events.dates import find_phrases
from generator.knowledge import Knowledge
from tests.scalekit import generate_docs

LOOKALIKES = [
    "On 3 Aprıl 2021 the envoys met.",
    "They met on Frıday in Geneva.",
    "Last Aprıl they met in Paris.",
    "In Aprıl the talks resumed.",
]


def test_lookalike_month_and_weekday_names_are_no_dates(knowledge: Knowledge) -> None:
    language = knowledge.language
    for sentence in LOOKALIKES:
        assert find_dates(sentence, language) == []
        assert find_full_dates(sentence, language) == []
        assert find_phrases(sentence, language) == []
    assert find_dates("On 3 April 2021 the envoys met.", language)  # the real name still is


def test_an_article_with_lookalike_dates_builds(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "talks.txt").write_text("Talks resume\n\n" + " ".join(LOOKALIKES) + "\n", "utf-8")
    report = generate_docs(tmp_path, seeds, None)
    (article,) = report.corpus.articles
    assert article.date.value is None
    text = (tmp_path / "docs" / "articles").rglob("*.md")
    assert any("Aprıl" in path.read_text("utf-8") for path in text)  # no sentence is lost
