"""The search engine setting: Material for small dossiers, Pagefind past the threshold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.errors import SiteBuildError
from generator.pipeline import Settings, generate
from generator.search import (
    AUTO_THRESHOLD,
    choose_engine,
    configure_search,
    filter_actor_limit,
    filter_labels,
    filter_values,
    search_export,
    search_settings,
)
from tests.conftest import CORPUS, ROOT, SEEDS


def _export(n: int) -> dict:
    return {"articles": [{"id": str(i)} for i in range(n)]}


@pytest.mark.parametrize(
    ("extra", "n", "engine"),
    [
        ({}, AUTO_THRESHOLD, "material"),
        ({}, AUTO_THRESHOLD + 1, "pagefind"),
        ({"dossier": {"search": "auto", "search_threshold": 5}}, 6, "pagefind"),
        ({"dossier": {"search": "material"}}, 10_000, "material"),
        ({"dossier": {"search": "pagefind"}}, 1, "pagefind"),
    ],
)
def test_engine_follows_setting_and_size(extra: dict, n: int, engine: str) -> None:
    assert choose_engine(extra, _export(n)) == engine


@pytest.mark.parametrize(
    "dossier", [{"search": "lunr"}, {"search_threshold": -1}, {"search_threshold": "many"}]
)
def test_bad_setting_is_an_error_naming_the_key(dossier: dict) -> None:
    with pytest.raises(SiteBuildError, match=r"extra\.dossier\.search"):
        search_settings({"dossier": dossier})


def test_filter_labels_come_from_the_export() -> None:
    export = {
        "actors": [{"id": "france", "name": "France"}],
        "events": [{"id": "e1", "type": "resolution"}],
    }
    assert filter_labels(export) == {
        "actors": {"france": "France"},
        "event_types": {"e1": "resolution"},
    }


def test_actor_filter_offers_the_most_named_actors() -> None:
    export = {
        "actors": [
            {"id": "a", "name": "Once", "articles": ["1"]},
            {"id": "b", "name": "Thrice", "articles": ["1", "2", "3"]},
            {"id": "c", "name": "Twice", "articles": ["1", "2"]},
            {"id": "d", "name": "Also twice", "articles": ["2", "3"]},
        ]
    }
    assert list(filter_labels(export, 3)["actors"]) == ["b", "d", "c"]
    assert filter_labels(export, 0)["actors"] == {}


@pytest.mark.parametrize("limit", [-1, "all", True])
def test_bad_actor_filter_limit_is_an_error_naming_the_key(limit: object) -> None:
    with pytest.raises(SiteBuildError, match="search_filter_actors"):
        filter_actor_limit({"dossier": {"search_filter_actors": limit}})


def test_filter_values_are_what_article_pages_carry() -> None:
    export = {
        "articles": [
            {"id": "a", "outlet": "Reuters", "date": "2021-03-04", "actors": ["x", "y"]},
            {"id": "b", "outlet": "apa", "date": "2019-12-31", "actors": ["y"]},
            {"id": "c", "outlet": None, "date": None, "actors": ["z"]},
            {"id": "d", "outlet": "Reuters", "date": "undated", "actors": []},
        ],
        "actors": [
            {"id": "x", "name": "Xavier", "articles": ["a"]},
            {"id": "y", "name": "armenia", "articles": ["a", "b"]},
            {"id": "z", "name": "Zed", "articles": ["c"]},
        ],
        "events": [{"id": "e1", "type": "vote"}, {"id": "e2", "type": "protest"}],
    }
    values = filter_values(export, actor_limit=2)
    assert values == {
        "actor": ["armenia", "Xavier"],  # the two most named, by name whatever the case
        "event type": ["protest", "vote"],
        "outlet": ["apa", "Reuters"],
        "year": ["2021", "2019"],  # newest first; undated articles have no year
    }


@pytest.mark.parametrize("input_dir", [SEEDS, CORPUS], ids=["seeds", "corpus"])
def test_search_export_holds_what_the_export_on_disk_says(input_dir: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    report = generate(
        Settings(input_dir, docs, ROOT / "templates", ROOT / "catalogue", cache_dir=None)
    )
    on_disk = json.loads((docs / "data" / "corpus.json").read_text("utf-8"))
    fields = {"articles": ("outlet", "date"), "actors": ("id", "name", "articles")}
    fields["events"] = ("id", "type")

    def kept(export: dict) -> dict:
        return {
            kind: [{key: _plain(item[key]) for key in keys} for item in export[kind]]
            for kind, keys in fields.items()
        }

    from_corpus = search_export(report.corpus)
    assert kept(from_corpus) == kept(on_disk)
    assert from_corpus["actors"] and from_corpus["events"]  # the comparison compared something
    extra = {"dossier": {"search_threshold": 1, "search_filter_actors": 3}}
    assert choose_engine(extra, from_corpus) == "pagefind"
    assert filter_values(from_corpus, 3) == filter_values(on_disk, 3)
    assert filter_labels(from_corpus, 3) == filter_labels(on_disk, 3)


def _plain(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def test_configure_search_reads_the_export_when_given_none(tmp_path: Path) -> None:
    from mkdocs.config import load_config

    docs = tmp_path / "docs"
    report = generate(Settings(SEEDS, docs, ROOT / "templates", ROOT / "catalogue", cache_dir=None))

    def configured(export: dict | None) -> dict:
        config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs))
        config.extra["dossier"] = {"search": "pagefind"}
        configure_search(config, docs, export)
        return dict(config.extra["dossier_search"])

    from_docs = configured(None)
    assert from_docs["actors"] and from_docs["filter_values"]["year"]
    assert configured(search_export(report.corpus)) == from_docs
    assert configured({})["actors"] == {}  # the export given is the one used
