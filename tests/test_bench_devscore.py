"""The development-set scorer: what it counts as found, dated and split, on a made-up key."""

from __future__ import annotations

from typing import Any

from bench.devscore import score

KEY: dict[str, Any] = {
    "articles": {
        "a.txt": {"date": "2024-03-05", "actors": ["Nordmill", "Orla Brennick"]},
        "b.txt": {"date": "2024-03-06", "actors": ["Nordmill"]},
        "gone.txt": {"date": "2024-04-01", "actors": ["Harbour Board"]},  # not collected
    },
    "actors": [
        {"name": "Nordmill", "variants": ["Nordmill Inc"]},
        {"name": "Orla Brennick", "variants": ["Brennick"]},
        {"name": "Harbour Board", "variants": []},
    ],
    "events": [
        {
            "id": "e1",
            "date": "2024-03-04",
            "precision": "day",
            "what": "Nordmill sues",
            "actors": ["Nordmill"],
            "verbs": ["sue"],
            "articles": ["a.txt", "b.txt"],
        },
        {
            "id": "e2",
            "date": "2024-03",
            "precision": "month",
            "what": "Brennick resigns",
            "actors": ["Orla Brennick"],
            "verbs": ["resign"],
            "articles": ["a.txt"],
        },
        {
            "id": "e3",
            "date": "2024-04-01",
            "precision": "day",
            "what": "The board closes the harbour",
            "actors": ["Harbour Board"],
            "verbs": ["close"],
            "articles": ["gone.txt"],
        },
    ],
}


def _export() -> dict[str, Any]:
    return {
        "articles": [{"id": "a", "date": "2024-03-05"}, {"id": "b", "date": None}],
        "actors": [
            {"id": "nordmill", "name": "Nordmill", "aliases": [], "articles": ["a", "b"]},
            {"id": "nordmill-inc", "name": "Nordmill Inc", "aliases": [], "articles": ["b"]},
            {"id": "brennick", "name": "Brennick", "aliases": [], "articles": []},
            {"id": "harbour-board", "name": "Harbour Board", "aliases": [], "articles": []},
        ],
        "events": [
            {
                "id": "x1",
                "title": "Nordmill sued the buyer",
                "date": "2024-03-04",
                "date_precision": "day",
                "actors": ["nordmill"],
                "articles": [{"id": "a"}],
            },
            {
                "id": "x2",
                "title": "Brennick resigned",
                "date": None,
                "actors": [],
                "articles": [{"id": "a"}],
            },
            {
                "id": "x3",
                "title": "Nordmill sued",
                "date": "2023-03-04",
                "date_precision": "day",
                "actors": ["nordmill"],
                "articles": [{"id": "b"}],
            },
        ],
    }


def test_only_what_the_collected_articles_report_is_scored() -> None:
    result, notes = score(KEY, _export())
    assert result.events == 2  # e3 is only in an article that was not collected
    assert result.actors == 2
    assert result.articles == 2
    assert "1 articles, 1 key events, 1 actors" in notes[0]


def test_found_dated_wrong_and_split() -> None:
    result, _ = score(KEY, _export())
    assert result.dated == 1  # e1, on its day
    assert result.found == 2  # e2 undated, by the surname in its title
    assert result.wrong == 1  # x3: a year off
    assert result.actors_found == 2
    assert result.split == 1.5  # Nordmill over two pages, Brennick one
    assert result.article_dates == 1
    assert (result.named, result.named_found) == (3, 2)  # Brennick's page lists no article
