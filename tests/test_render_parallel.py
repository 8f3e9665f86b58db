"""Rendering on several processes gives the serial pages, page for page, in the same order."""

from __future__ import annotations

import gc
import os
from functools import partial
from pathlib import Path
from typing import Any

import pytest

import generator.render as render
from bench.corpus import write_corpus
from generator.errors import DuplicatePathError, TemplateMissingError
from generator.extract import extract
from generator.index import build_corpus
from generator.knowledge import Knowledge
from generator.models import Corpus, Page
from generator.read import read_articles
from generator.render import pool, render_pages
from generator.render.environment import make_environment
from tests.conftest import ROOT, SEEDS
from tests.test_page_size import corpus_of

pytestmark = pytest.mark.skipif(not pool.can_fork(), reason="parallel rendering needs fork")


def _corpus(folder: Path, knowledge: Knowledge) -> Corpus:
    result = read_articles(folder)
    return build_corpus([extract(raw, knowledge) for raw in result.articles], knowledge)


@pytest.fixture(scope="module")
def seeds(knowledge: Knowledge) -> Corpus:
    return _corpus(SEEDS, knowledge)


@pytest.fixture(scope="module")
def synthetic(knowledge: Knowledge, tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """Return a synthetic corpus of many actors and events, as the benchmark writes it."""
    folder = tmp_path_factory.mktemp("synthetic")
    write_corpus(folder, 120)
    return _corpus(folder, knowledge)


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record the number of jobs of each parallel render."""
    calls: list[int] = []
    real = pool.render_forked

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(len(args[2]))
        return real(*args, **kwargs)

    monkeypatch.setattr(pool, "render_forked", spy)
    return calls


def _serial(corpus: Corpus) -> list[Page]:
    return render_pages(corpus, make_environment(ROOT / "templates"), jobs=1)


def _parallel(corpus: Corpus, parallel_min: int = 0) -> list[Page]:
    env = make_environment(ROOT / "templates")
    return render_pages(corpus, env, jobs=2, parallel_min=parallel_min)


def _assert_same(serial: list[Page], parallel: list[Page]) -> None:
    assert [p.path for p in parallel] == [p.path for p in serial]
    for one, other in zip(serial, parallel, strict=True):
        assert one.text == other.text, f"{one.path} differs"


@pytest.mark.parametrize("share", [True, False])
@pytest.mark.parametrize("name", ["seeds", "synthetic"])
def test_parallel_render_equals_serial(
    name: str,
    share: bool,
    request: pytest.FixtureRequest,
    forks: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    corpus = request.getfixturevalue(name)
    serial = _serial(corpus)
    assert not forks
    if not share:  # this process renders nothing: the forked workers render every page
        monkeypatch.setattr(pool, "render_forked", partial(pool.render_forked, share=False))
    parallel = _parallel(corpus)
    assert len(forks) == 1 and forks[0] > len(render.MAKERS)  # items were split over jobs
    _assert_same(serial, parallel)
    assert gc.get_freeze_count() == 0  # frozen for the fork only; this process collects again


def test_many_articles_render_in_parallel_by_default(forks: list[int]) -> None:
    corpus = corpus_of(render.PARALLEL_MIN)
    parallel = _parallel(corpus, render.PARALLEL_MIN)
    assert len(forks) == 1
    _assert_same(_serial(corpus), parallel)
    _parallel(corpus_of(render.PARALLEL_MIN - 1), render.PARALLEL_MIN)
    assert len(forks) == 1  # a small corpus renders here


def test_job_ranges_cover_every_item_once(synthetic: Corpus) -> None:
    for pieces in (1, 5, 12, 1000):
        jobs = render.job_list(synthetic, pieces)
        for n, maker in enumerate(render.MAKERS):
            ranges = [(start, stop) for m, start, stop in jobs if m == n and start >= 0]
            covered = [i for start, stop in ranges for i in range(start, stop)]
            assert covered == list(range(maker.count(synthetic)))
            assert jobs.count((n, -1, -1)) == 1


def test_a_duplicate_path_is_still_a_fault(seeds: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    home = render.Maker(render.home.render_home)
    monkeypatch.setattr(render, "MAKERS", (*render.MAKERS, home))
    with pytest.raises(DuplicatePathError, match=r"written to index\.md"):
        _parallel(seeds)


@pytest.mark.parametrize("share", [True, False])
def test_a_fault_in_a_worker_reaches_the_caller(
    seeds: Corpus, tmp_path: Path, share: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = make_environment(tmp_path)  # no templates in it
    with pytest.raises(TemplateMissingError):
        render_pages(seeds, env, jobs=1)
    if not share:
        monkeypatch.setattr(pool, "render_forked", partial(pool.render_forked, share=False))
    with pytest.raises(TemplateMissingError):
        render_pages(seeds, env, jobs=2, parallel_min=0)


def _die_in_a_worker(parent: int) -> pool.Work:
    def work(corpus: Corpus, env: Any, job: pool.Job) -> pool.Pages:
        if os.getpid() != parent:
            os._exit(3)  # as if the worker were killed
        return render.render_job(corpus, env, job)

    return work


def test_a_worker_that_dies_is_a_fault(seeds: Corpus) -> None:
    env = make_environment(ROOT / "templates")
    jobs = render.job_list(seeds, 4)
    work = _die_in_a_worker(os.getpid())
    with pytest.raises(pool.WorkerError, match="stopped without sending"):
        list(pool.render_forked(seeds, env, jobs, 2, work, share=False))


def test_pages_go_in_pieces_of_bounded_size() -> None:
    pages = [[Page.of(f"p{i}.md", "x" * n)] for i, n in enumerate([3, 4, 2, 9, 1, 1])]
    runs = list(pool.pieces(pages, size=6))
    assert [[len(g[0].data) for g in run] for run in runs] == [[3], [4, 2], [9], [1, 1]]
    assert [g for run in runs for g in run] == pages  # every page, in order
    assert list(pool.pieces([], size=6)) == [[]]  # a job without pages is still sent
    two = [Page.of("a.md", "xxxx"), Page.of("b.md", "xxxx")]
    assert list(pool.pieces([two, []], size=6)) == [[two], [[]]]  # an item's pages stay together


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_update_renders_the_items_not_kept(synthetic: Corpus, jobs: int) -> None:
    env = make_environment(ROOT / "templates")
    full = render.render_update(synthetic, env, {}, jobs=1)
    assert full.kept == [] and full.pages == _serial(synthetic)
    kept = {key: paths for n, (key, paths) in enumerate(full.items.items()) if n % 3}
    update = render.render_update(synthetic, env, kept, jobs=jobs, parallel_min=0)
    kept_paths = {path for paths in kept.values() for path in paths}
    assert kept_paths and update.kept == sorted(kept_paths)
    assert update.pages == [p for p in full.pages if p.path not in kept_paths]
    assert update.items == full.items  # every item's pages, rendered or kept
