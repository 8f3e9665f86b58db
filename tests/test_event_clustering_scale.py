"""Indexed event clustering gives what a scan of every cluster gives, whatever the input order."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from generator.index import build_corpus
from generator.index.events import build_events
from generator.index.events.lookup import ClusterIndex
from generator.index.events.model import Cluster, Item
from generator.knowledge import Knowledge
from generator.models import Corpus
from generator.pipeline import Settings, Timings, generate_corpus
from tests.conftest import CORPUS, ROOT, SEEDS


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """Return the corpus of 40 synthetic articles that tell 4 recurring events."""
    folder = tmp_path_factory.mktemp("synthetic")
    write_corpus(folder / "in", 40, seed=3)
    settings = Settings(input_dir=folder / "in", catalogue_dir=ROOT / "catalogue", cache_dir=None)
    return generate_corpus(settings, Timings())


def _scan(self: ClusterIndex, item: Item) -> list[tuple[int, Cluster]]:
    """Offer every cluster built so far: the straightforward reference."""
    return list(enumerate(self.clusters))


def test_synthetic_corpus_has_events_told_by_many_articles(synthetic: Corpus) -> None:
    assert any(len(e.articles) >= 3 for e in synthetic.events.values())


def test_indexed_clustering_equals_a_scan_of_every_cluster(
    synthetic: Corpus, knowledge: Knowledge, monkeypatch: pytest.MonkeyPatch
) -> None:
    indexed = build_events(synthetic.articles, synthetic.actors, knowledge)
    monkeypatch.setattr(ClusterIndex, "candidates", _scan)
    scanned = build_events(synthetic.articles, synthetic.actors, knowledge)
    assert indexed == scanned


def test_clustering_does_not_depend_on_the_order_of_the_articles(
    synthetic: Corpus, knowledge: Knowledge
) -> None:
    shuffled = list(synthetic.articles)
    random.Random(5).shuffle(shuffled)
    assert build_events(shuffled, synthetic.actors, knowledge) == synthetic.events
    rebuilt = build_corpus(reversed(synthetic.articles), knowledge)
    assert rebuilt.events == synthetic.events


@pytest.mark.parametrize("folder", [SEEDS, CORPUS], ids=["seeds", "corpus"])
def test_real_articles_cluster_as_a_scan_does(
    folder: Path, knowledge: Knowledge, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(input_dir=folder, catalogue_dir=ROOT / "catalogue", cache_dir=None)
    corpus = generate_corpus(settings, Timings())
    assert corpus.events
    monkeypatch.setattr(ClusterIndex, "candidates", _scan)
    assert build_events(corpus.articles, corpus.actors, knowledge) == corpus.events
