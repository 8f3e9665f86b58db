"""The extraction cache and parallel extraction give exactly what a serial, uncached run gives."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from generator import cache
from generator.extract import extract
from generator.index import build_corpus
from generator.knowledge import Knowledge
from generator.models import ActorMention, Article, DateInfo, EventMention
from generator.read import read_articles
from tests.conftest import ROOT
from tests.plain import plain


@pytest.fixture(scope="module")
def raws(tmp_path_factory: pytest.TempPathFactory) -> tuple:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 12, seed=11)
    return read_articles(folder).articles


def test_parallel_extraction_equals_serial(
    raws: tuple, knowledge: Knowledge, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "PARALLEL_MIN", 2)
    monkeypatch.setattr(cache, "CHUNK", 5)
    serial = [(extract(r, knowledge), None) for r in raws]
    assert cache.extract_many(raws, knowledge, jobs=2) == serial


def test_cached_extraction_equals_fresh(raws: tuple, knowledge: Knowledge, tmp_path: Path) -> None:
    fresh = cache.extract_all(raws, knowledge, None)
    assert cache.extract_all(raws, knowledge, tmp_path) == fresh  # fills the cache
    assert len(list(tmp_path.rglob("*.pickle"))) == len(raws)
    assert cache.extract_all(raws, knowledge, tmp_path) == fresh  # reads it


def test_workers_cache_what_they_extract(
    raws: tuple, knowledge: Knowledge, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = cache.extract_all(raws, knowledge, None)
    monkeypatch.setattr(cache, "PARALLEL_MIN", 2)
    monkeypatch.setattr(cache, "CHUNK", 5)
    monkeypatch.setattr(cache, "workers", lambda: 2)
    assert cache.extract_all(raws, knowledge, tmp_path) == fresh  # extracted on two workers
    entries = sorted(tmp_path.rglob("*.pickle"))
    assert len(entries) == len(raws)
    loaded = [pickle.loads(entry.read_bytes()) for entry in entries]
    assert sorted(map(plain, loaded)) == sorted(map(plain, fresh))


def test_articles_loaded_from_the_cache_are_left_out_of_the_collector_while_others_extract(
    raws: tuple, knowledge: Knowledge, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The collector's full passes would walk every cached article for nothing: at 10,000
    articles, extracting 10 new ones took 1.25 s beside them instead of 0.16 s."""
    fresh = cache.extract_all(raws, knowledge)
    cache.extract_all(raws[:6], knowledge, tmp_path)
    seen = []

    def extract_many(*args: object, **kwargs: object) -> object:
        seen.append(any(isinstance(o, Article) for o in gc.get_objects()))
        return real(*args, **kwargs)

    real = cache.extract_many
    monkeypatch.setattr(cache, "extract_many", extract_many)
    assert cache.extract_all(raws, knowledge, tmp_path) == fresh
    assert seen == [False]  # the six loaded articles were set aside
    assert gc.get_freeze_count() == 0


def test_pickling_keeps_every_field(raws: tuple, knowledge: Knowledge) -> None:
    # every field, not ==: some fields are left out of comparisons (an actor's name, say).
    articles = [extract(r, knowledge) for r in raws]
    corpus = build_corpus(articles, knowledge, ())
    for value in (*articles, corpus):
        copy = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        assert type(copy) is type(value) and plain(copy) == plain(value)


def test_key_changes_with_text_and_knowledge(raws: tuple, knowledge: Knowledge) -> None:
    raw = raws[0]
    key = cache.cache_key(raw, knowledge)
    assert cache.cache_key(dataclasses.replace(raw, text=raw.text + " "), knowledge) != key
    other = dataclasses.replace(knowledge, fingerprint=knowledge.fingerprint + "x")
    assert cache.cache_key(raw, other) != key
    assert cache.cache_key(raw, knowledge) == key


def test_unreadable_entry_is_extracted_again(
    raws: tuple, knowledge: Knowledge, tmp_path: Path
) -> None:
    fresh = cache.extract_all(raws[:2], knowledge, tmp_path)
    for entry in tmp_path.rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert cache.extract_all(raws[:2], knowledge, tmp_path) == fresh


def _fresh(text: str) -> str:
    """Return a str equal to `text` that is not the same object (as a separate load makes)."""
    return "".join(list(text))


def test_loaded_mentions_share_their_strings() -> None:
    # Articles load one by one (cache entries, worker results); their recurring small strings
    # come back as one object each, not a copy per article.
    date = DateInfo(dt.date(2024, 3, 1), _fresh("explicit"), _fresh("on Friday"))
    mentions = [
        (
            ActorMention(_fresh("france"), _fresh("France"), 3, _fresh("country")),
            EventMention(_fresh("meeting"), 3, date, (_fresh("france"),), trigger=_fresh("met")),
        )
        for _ in range(2)
    ]
    one, other = (pickle.loads(pickle.dumps(m, pickle.HIGHEST_PROTOCOL)) for m in mentions)
    assert one == other == mentions[0]
    assert one[0].actor_id is other[0].actor_id and one[0].surface is other[0].surface
    assert one[0].type is other[0].type and one[1].type is other[1].type
    assert one[1].trigger is other[1].trigger and one[1].date.phrase is other[1].date.phrase
    assert one[1].date.value == dt.date(2024, 3, 1) and one[1].sentence == 3


def test_modules_left_out_of_the_code_version_are_not_run_by_extraction() -> None:
    """A change to a module in NOT_EXTRACTION keeps the cache: extraction must not import it."""
    code = (
        "import sys, generator.cache, generator.extract.fallback;"
        "print('\\n'.join(m for m in sys.modules if m.startswith('generator')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    names = {m.removeprefix("generator.").replace(".", "/") for m in loaded}
    assert "extract" in names and "cache" in names
    for name in names:
        path = f"{name}/" if (ROOT / "generator" / name).is_dir() else f"{name}.py"
        assert not path.startswith(cache.NOT_EXTRACTION), f"extraction imports {path}"


def _entries(cache_dir: Path) -> set[str]:
    return {path.name for path in (cache_dir / "extract").rglob("*.pickle")}


def test_a_run_prunes_the_entries_it_did_not_use(tmp_path: Path) -> None:
    """Edited, removed and re-catalogued articles leave no entries behind: the cache holds one
    entry per article of the last run, whatever ran before."""
    from generator.pipeline import Settings, Timings, generate_corpus

    seeds, cache_dir = tmp_path / "seeds", tmp_path / "cache"
    files = write_corpus(seeds, 8, seed=31)
    settings = Settings(input_dir=seeds, cache_dir=cache_dir, catalogue_dir=ROOT / "catalogue")
    generate_corpus(settings, Timings())
    first = _entries(cache_dir)
    assert len(first) == 8
    files[0].write_text(files[0].read_text("utf-8") + "\nThe talks resumed on Friday.\n")
    files[1].unlink()
    corpus = generate_corpus(settings, Timings())
    second = _entries(cache_dir)
    assert len(second) == len(corpus.articles) == 7
    assert len(first - second) == 2 and len(second - first) == 1  # edited: old out, new in
    catalogue = tmp_path / "catalogue"
    shutil.copytree(ROOT / "catalogue", catalogue)
    with (catalogue / "actors.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n- id: zorblat-institute\n  name: Zorblat Institute\n  type: organization\n")
    generate_corpus(dataclasses.replace(settings, catalogue_dir=catalogue), Timings())
    assert len(_entries(cache_dir)) == 7 and not _entries(cache_dir) & second


def test_prune_leaves_files_being_written(tmp_path: Path) -> None:
    folder = tmp_path / "extract" / "ab"
    folder.mkdir(parents=True)
    for name in ("abc.pickle", "abd.pickle", "abe.tmp"):
        (folder / name).write_bytes(b"x")
    assert cache.prune(tmp_path, {"abc"}) == 1
    assert sorted(p.name for p in folder.iterdir()) == ["abc.pickle", "abe.tmp"]
    assert cache.prune(tmp_path / "nothing", set()) == 0
