"""Run the stages in order: read -> extract -> index -> render -> write."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.cache import DEFAULT_CACHE_DIR, cached_articles, extract_all, prune
from generator.index import build_corpus
from generator.index.duplicate_memo import load_verdicts, save_verdicts
from generator.knowledge import load_knowledge
from generator.manifest import forget_manifest, kept_pages, render_version, save_manifest
from generator.models import Article, Corpus, RawArticle
from generator.read import DEFAULT_MAX_BYTES, Listing, list_inputs, read_listed
from generator.read_memo import recall, remember
from generator.render import Rendered, render_pages, render_update
from generator.render.environment import make_environment
from generator.write import WriteReport, write_pages

# Everything generation may own in docs/; hand-written pages live elsewhere.
MANAGED = (
    "index.md",
    "feed.xml",
    "articles",
    "actors",
    "events",
    "timeline",
    "charts",
    "data",
    "report",
)


@dataclass(frozen=True, slots=True)
class Settings:
    """Where to read, where to write, and how strict to be."""

    input_dir: Path = Path("seeds")
    docs_dir: Path = Path("docs")
    templates_dir: Path = Path("templates")
    catalogue_dir: Path = Path("catalogue")
    max_bytes: int = DEFAULT_MAX_BYTES
    cache_dir: Path | None = DEFAULT_CACHE_DIR  # None: extract everything afresh


@dataclass
class Timings:
    """Seconds spent in each stage, in order."""

    stages: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time the enclosed block as stage `name`."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - start

    @property
    def total(self) -> float:
        """Return the sum of all stages."""
        return sum(self.stages.values())


@dataclass(frozen=True, slots=True)
class GenerateReport:
    """What one generation did."""

    corpus: Corpus
    pages: int
    write: WriteReport
    timings: Timings


def generate_corpus(settings: Settings, timings: Timings) -> Corpus:
    """Read and understand every input file, without writing anything.

    With a cache folder, a file unchanged since the last run is not read: the read memo gives
    its extraction's cache key (read_memo.py), unless that entry is gone.
    """
    cache_dir = settings.cache_dir
    with timings.stage("read"):
        knowledge = load_knowledge(settings.catalogue_dir)
        listing = list_inputs(settings.input_dir)
        recalled = recall(cache_dir, listing, settings.max_bytes)
    used: set[str] = set()  # the cache entries this run needs; prune deletes the others
    with timings.stage("extract"):  # first, as a file whose entry is gone must be read
        kept = cached_articles(recalled.digests, knowledge, cache_dir, used)
    with timings.stage("read"):
        known = {source: recalled.warnings[source] for source in kept}
        result = read_listed(listing, settings.max_bytes, known, knowledge.encodings)
        remember(cache_dir, recalled, kept.keys(), result.articles)
    problems = list(result.problems)
    with timings.stage("extract"):
        fresh = extract_all(result.articles, knowledge, cache_dir, problems, used)
        articles = _in_input_order(listing, kept, result.articles, fresh)
        if cache_dir is not None:
            prune(cache_dir, used)
    del result, fresh  # the raw text: let it go before the index and the pages need the memory
    with timings.stage("index"):
        verdicts = load_verdicts(cache_dir)  # the bodies compared before (duplicate_memo.py)
        corpus = build_corpus(articles, knowledge, problems, verdicts)
        save_verdicts(cache_dir, verdicts)
        return corpus


def _in_input_order(
    listing: Listing, kept: dict[str, Article], raws: Sequence[RawArticle], fresh: list[Article]
) -> list[Article]:
    """Put the articles taken from the cache and those just extracted in the listing's order."""
    if not kept:
        return fresh
    found = dict(kept)
    found.update(zip((raw.source for raw in raws), fresh, strict=True))
    return [found[source] for _, source in listing.files if source in found]


def render_corpus(
    corpus: Corpus, settings: Settings, timings: Timings, version: str | None = None
) -> Rendered:
    """Render every page, or with a `version` of the renderer, only those whose inputs changed.

    An update keeps the pages of items that the last run of this `version` left on disk as they
    are (see manifest.py).
    """
    with timings.stage("render"):
        env = make_environment(settings.templates_dir)
        if settings.cache_dir is None or version is None:
            return Rendered(render_pages(corpus, env))
        kept = kept_pages(settings.cache_dir, settings.docs_dir, version)
        return render_update(corpus, env, kept)


def _render_and_write(
    corpus: Corpus, settings: Settings, timings: Timings
) -> tuple[Rendered, WriteReport]:
    cache_dir, docs_dir = settings.cache_dir, settings.docs_dir
    version = None if cache_dir is None else render_version(settings.templates_dir)
    rendered = render_corpus(corpus, settings, timings, version)
    with timings.stage("write"):
        if cache_dir is not None:
            forget_manifest(cache_dir)  # it says nothing true while docs/ changes
        written = write_pages(rendered.pages, docs_dir, MANAGED, rendered.kept)
        if cache_dir is not None and version is not None:
            save_manifest(cache_dir, docs_dir, version, rendered.items)
    return rendered, written


def generate(settings: Settings) -> GenerateReport:
    """Generate the pages and the export into docs/; nothing is written before all render.

    With a cache folder, an update renders only the pages whose inputs changed (manifest.py).
    """
    timings = Timings()
    corpus = generate_corpus(settings, timings)
    # The corpus lives to the end and holds no cycles: out of the cycle collector's way, whose
    # passes over its millions of objects (made while the collector was paused) free nothing.
    gc.freeze()
    try:
        rendered, written = _render_and_write(corpus, settings, timings)
    finally:
        gc.unfreeze()  # back in the oldest generation, for a caller that goes on
    pages = len(rendered.pages) + len(rendered.kept)
    return GenerateReport(corpus, pages, written, timings)
