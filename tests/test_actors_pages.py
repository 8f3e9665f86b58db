"""Actor pages, the actors index, the export's actor lists, and `actors --suggest`."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import frontmatter
import pytest
import yaml

from generator.index import build_corpus
from generator.knowledge import Knowledge
from generator.models import Actor, Corpus, Page
from generator.pipeline import Settings, Timings, generate_corpus
from generator.render.actors import render_actors
from generator.render.environment import make_environment
from generator.render.export import export_corpus
from generator.suggest import suggest_actors, suggestions_yaml
from tests.conftest import ROOT, SEEDS
from tests.conftest import run_cli as run

CORPUS_DIR = ROOT / "tests" / "corpus"


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return generate_corpus(Settings(input_dir=SEEDS, catalogue_dir=ROOT / "catalogue"), Timings())


@pytest.fixture(scope="module")
def corpus_texts(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("texts")
    for text in CORPUS_DIR.glob("*.txt"):
        shutil.copy(text, folder / text.name)
    return generate_corpus(Settings(input_dir=folder, catalogue_dir=ROOT / "catalogue"), Timings())


def pages(corpus: Corpus) -> dict[str, Page]:
    return {p.path: p for p in render_actors(corpus, make_environment(ROOT / "templates"))}


def test_one_page_per_actor_and_an_index(seeds: Corpus) -> None:
    rendered = pages(seeds)
    assert set(rendered) == {f"actors/{i}.md" for i in seeds.actors} | {"actors/index.md"}
    for page in rendered.values():
        post = frontmatter.loads(page.text)
        assert post["title"]


def test_actor_page_offers_search_its_head_not_its_quoted_sentences(seeds: Corpus) -> None:
    post = frontmatter.loads(pages(seeds)["actors/french-senate.md"].text)
    assert post["search"] == {"boost": 3, "body": "head"}
    _, opener, rest = post.content.partition("data-pagefind-body markdown>")
    head, closer, sources = rest.partition("\n</div>\n")
    assert "# French Senate {: data-pagefind-body }\n" in post.content
    assert opener and closer and "**Type:** Legislature" in head
    assert "\n> " not in head and "## Most often named alongside" not in head
    # The first and last mentions print article titles: the articles are found by them.
    for fact in ("First mention", "Last mention"):
        assert f"<span data-pagefind-ignore>**{fact}:** " in head
    assert "**French Senate**" in sources and "## Most often named alongside" in sources


def test_actor_page_lists_articles_in_date_order_with_sentences(seeds: Corpus) -> None:
    text = pages(seeds)["actors/french-senate.md"].text
    dates = [a.date.value for a in seeds.articles if "french-senate" in a.actor_ids]
    assert text.count("\n### [") == len(dates)
    assert "**French Senate**" in text  # the mentioning sentence, name in bold
    assert "**Type:** Legislature" in text
    assert "**First mention:**" in text and "**Last mention:**" in text
    assert "## Most often named alongside" in text and "[France](france.md)" in text


def test_actor_page_shows_quotes_and_aliases(seeds: Corpus) -> None:
    text = pages(seeds)["actors/leyla-abdullayeva.md"].text
    assert "## Quotes" in text and "Armenia occupied the territory of Azerbaijan" in text
    macron = pages(seeds)["actors/emmanuel-macron.md"].text
    assert "**Also written:**" in macron and "Emmanual Macron" in macron


def test_actors_index_is_grouped_by_type_with_counts(seeds: Corpus) -> None:
    text = pages(seeds)["actors/index.md"].text
    assert text.index("## Countries") < text.index("## People") < text.index("## Organisations")
    assert "- [Azerbaijan](azerbaijan.md) (5 articles)" in text


def test_hostile_actor_names_are_escaped(seeds: Corpus) -> None:
    evil = Actor("evil", "<script>alert(1)</script> *x* [y](javascript:z)", "person")
    hostile = dataclasses.replace(seeds, actors={**seeds.actors, "evil": evil})
    page = frontmatter.loads(pages(hostile)["actors/evil.md"].text)
    assert "<script>" not in page.content and "[y](javascript:" not in page.content
    assert "<script>" not in page["title"]


def test_export_lists_actors_and_article_actor_ids(seeds: Corpus) -> None:
    data = export_corpus(seeds)
    assert {a["id"] for a in data["actors"]} == set(seeds.actors)
    assert all(a["articles"] for a in data["actors"])
    assert all(article["actors"] for article in data["articles"])


def test_new_actors_get_pages_and_suggestions(corpus_texts: Corpus) -> None:
    assert not corpus_texts.actors["haki-pwani-trust"].in_catalogue
    assert "actors/haki-pwani-trust.md" in pages(corpus_texts)
    suggestions = suggest_actors(corpus_texts)
    ids = [s.actor.id for s in suggestions]
    assert "haki-pwani-trust" in ids and "european-union" not in ids
    entries = yaml.safe_load(suggestions_yaml(suggestions))
    assert {e["id"] for e in entries} == set(ids)
    assert all("Senate" not in e["aliases"] for e in entries)  # no bare common words
    assert all(e["type"] in {"person", "organization", "legislature", "group"} for e in entries)


def test_same_person_across_articles_is_one_actor(corpus_texts: Corpus) -> None:
    # "Radosław Sikorski" (08) and "Radoslaw Sikorski" (09) are one actor with the diacritics
    sikorski = corpus_texts.actors["radoslaw-sikorski"]
    assert sikorski.name == "Radosław Sikorski"
    assert len(corpus_texts.actor_articles["radoslaw-sikorski"]) == 2


def test_build_actors_is_deterministic(knowledge: Knowledge, seeds: Corpus) -> None:
    again = build_corpus(list(reversed(seeds.articles)), knowledge)
    assert list(again.actors) == list(seeds.actors)
    assert again.actors == seeds.actors


def test_cli_actors_suggest(tmp_path: Path) -> None:
    for text in CORPUS_DIR.glob("0[1-3]*.txt"):
        shutil.copy(text, tmp_path / text.name)
    result = run("actors", "--suggest", "--input", str(tmp_path))
    assert result.returncode == 0, result.stderr
    entries = yaml.safe_load(result.stdout)
    assert "haki-pwani-trust" in {e["id"] for e in entries}
    listing = run("actors", "--input", str(tmp_path))
    assert listing.returncode == 0 and "Haki Pwani Trust" in listing.stdout
    assert run("actors", "--help").returncode == 0
    assert run("actors", "--input", str(tmp_path / "missing")).returncode == 2


def test_a_sentence_an_article_repeats_is_shown_once_on_the_actor_page(
    tmp_path: Path, knowledge: Knowledge
) -> None:
    refrain = "Officials in Nairobi said Kenya would keep the border open."
    text = f"Kenya keeps border open\n\n{refrain}\n\nTrade rose in March.\n\n{refrain}\n"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "kenya.txt").write_text(text, "utf-8")
    corpus = generate_corpus(Settings(input_dir=tmp_path / "in"), Timings())
    page = pages(corpus)["actors/kenya.md"].text
    assert page.count("Officials in Nairobi said **Kenya** would keep the border open.") == 1
