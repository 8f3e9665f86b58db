"""The export docs/data/corpus.json: valid against its schema, complete, and stable."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.pipeline import Settings, generate
from generator.render.export import schema_text
from tests.conftest import CORPUS, ROOT, SEEDS


def generated_export(input_dir: Path, docs: Path) -> dict[str, object]:
    settings = Settings(
        input_dir=input_dir,
        docs_dir=docs,
        templates_dir=ROOT / "templates",
        catalogue_dir=ROOT / "catalogue",
    )
    generate(settings)
    data: dict[str, object] = json.loads((docs / "data" / "corpus.json").read_text("utf-8"))
    return data


@pytest.mark.parametrize("input_dir", [SEEDS, CORPUS], ids=["seeds", "corpus"])
def test_export_validates_against_the_schema(input_dir: Path, tmp_path: Path) -> None:
    data = generated_export(input_dir, tmp_path / "docs")
    jsonschema.Draft202012Validator(json.loads(schema_text())).validate(data)


def test_export_lists_every_article_with_its_id(tmp_path: Path) -> None:
    data = generated_export(SEEDS, tmp_path / "docs")
    articles = data["articles"]
    assert isinstance(articles, list)
    assert sorted(a["id"] for a in articles) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    by_id = {a["id"]: a for a in articles}
    assert by_id["000_71ad8e9177e05789"]["date"] == "2022-11-16"
    assert by_id["000_71ad8e9177e05789"]["date_source"] == "explicit"
    for article in articles:
        assert article["url"].startswith("articles/") and article["url"].endswith("/")


def test_export_references_resolve(tmp_path: Path) -> None:
    data = generated_export(CORPUS, tmp_path / "docs")
    article_ids = {a["id"] for a in data["articles"]}  # type: ignore[union-attr]
    actor_ids = {a["id"] for a in data["actors"]}  # type: ignore[union-attr]
    event_ids = {e["id"] for e in data["events"]}  # type: ignore[union-attr]
    for article in data["articles"]:  # type: ignore[union-attr]
        assert set(article["actors"]) <= actor_ids
        assert {e["id"] for e in article["events"]} <= event_ids
    for actor in data["actors"]:  # type: ignore[union-attr]
        assert set(actor["articles"]) <= article_ids
    for event in data["events"]:  # type: ignore[union-attr]
        assert {a["id"] for a in event["articles"]} <= article_ids


def test_export_is_byte_identical_across_runs(tmp_path: Path) -> None:
    generated_export(CORPUS, tmp_path / "one")
    generated_export(CORPUS, tmp_path / "two")
    one = (tmp_path / "one" / "data" / "corpus.json").read_bytes()
    assert one == (tmp_path / "two" / "data" / "corpus.json").read_bytes()


def test_export_has_one_record_a_line(tmp_path: Path) -> None:
    data = generated_export(CORPUS, tmp_path / "docs")
    lines = (tmp_path / "docs" / "data" / "corpus.json").read_text("utf-8").splitlines()
    records = [json.loads(line.rstrip(",")) for line in lines if line.startswith('{"id"')]
    expected = [r for key in ("articles", "actors", "events") for r in data[key]]  # type: ignore[attr-defined]
    assert records == expected and len(records) > 10
