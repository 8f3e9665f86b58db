"""Extract many articles fast: reuse cached results, and use every core for the rest.

An extraction result depends only on the raw article, the knowledge files and the extractor's
own code, so it is cached under a hash of all three in `.dossier-cache/extract/`; the raw
article enters it as a digest, which the read memo keeps for the files it leaves unread
(read_memo.py). Articles not in the cache are extracted in worker processes when there are
enough of them to pay for the start-up; each worker caches what it extracts and sends it back
pickled once for both. Results come back in input order, so the output equals a serial run
byte for byte.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from importlib import resources
from pathlib import Path

from generator.cache_files import read_pickle, write_bytes
from generator.collector import collector_paused, collector_skips_existing
from generator.extract.fallback import extract_safely
from generator.knowledge import Knowledge
from generator.models import Article, Problem, RawArticle

DEFAULT_CACHE_DIR = Path(".dossier-cache")
PARALLEL_MIN = 200  # below this many misses, starting worker processes costs more than it saves
CHUNK = 100  # articles per task: large enough to amortise pickling, small enough to balance

Extracted = tuple[Article, Problem | None]  # an article, and why it is plain text if it is
_knowledge: Knowledge | None = None  # the worker's copy, set once by _init_worker


# Modules that run after extraction: changing them leaves every extraction result valid. Any
# other module counts, so that a new one extraction may import invalidates the cache too.
NOT_EXTRACTION: tuple[str, ...] = ("index/", "render/", "cli.py", "site.py", "search.py")
NOT_EXTRACTION += ("incremental.py", "write.py", "pipeline.py", "manifest.py", "__main__.py")
NOT_EXTRACTION += ("search_index.py",)


@lru_cache(maxsize=1)
def code_version() -> str:
    """Return a hash of the source extraction may run, so that a change invalidates the cache."""
    digest = hashlib.sha256()
    root = Path(str(resources.files("generator")))
    for path in sorted(root.rglob("*.py")):
        name = path.relative_to(root).as_posix()
        if not name.startswith(NOT_EXTRACTION):
            digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def raw_digest(raw: RawArticle) -> bytes:
    """Return a digest of one file's read result: all of it that extraction may use."""
    return hashlib.sha256(repr(raw).encode("utf-8", "surrogatepass")).digest()


def cache_key(raw: RawArticle, knowledge: Knowledge) -> str:
    """Return the key of one article's extraction: its content, the knowledge, the code."""
    return _keys(knowledge)(raw_digest(raw))


def _keys(knowledge: Knowledge) -> Callable[[bytes], str]:
    """Return a function from a read result's digest to its extraction's key."""
    common = hashlib.sha256()
    for part in (sys.version, code_version(), knowledge.fingerprint):
        common.update(part.encode("utf-8", "surrogatepass") + b"\0")

    def key(digest: bytes) -> str:
        keyed = common.copy()
        keyed.update(digest)
        return keyed.hexdigest()

    return key


def _entry(cache_dir: Path, key: str) -> Path:
    return cache_dir / "extract" / key[:2] / f"{key}.pickle"


def _load(path: Path) -> Article | None:
    """Return the cached Article at `path`, or None if absent or unreadable."""
    article = read_pickle(path)
    return article if isinstance(article, Article) else None


def _init_worker(knowledge: Knowledge) -> None:
    global _knowledge
    _knowledge = knowledge


Job = tuple[RawArticle, Path | None]  # an article to extract, and where to cache it (or not)


def _extract_one(job: Job, knowledge: Knowledge) -> tuple[Article, bytes | None, Problem | None]:
    """Extract one article and cache it unless it failed; return it, pickled if it was cached."""
    raw, path = job
    article, problem = extract_safely(raw, knowledge)
    data = None
    if path is not None and problem is None:
        data = pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL)
        write_bytes(path, data)
    return article, data, problem


def _extract_chunk(jobs: Sequence[Job]) -> list[tuple[bytes, Problem | None]]:
    """Extract in a worker; return each article pickled (once, for the cache and the way back)."""
    assert _knowledge is not None, "worker started without knowledge"
    done = []
    for job in jobs:
        article, data, problem = _extract_one(job, _knowledge)
        done.append((data or pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL), problem))
    return done


def _chunks(items: Sequence[Job], size: int) -> Iterator[Sequence[Job]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def workers() -> int:
    """Return how many cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_many(
    raws: Sequence[RawArticle],
    knowledge: Knowledge,
    jobs: int | None = None,
    store: Sequence[Path | None] | None = None,
) -> list[Extracted]:
    """Extract every article, in input order, on `jobs` processes when there are many.

    An article the extractor fails on comes back as plain text with the problem that says why.
    With `store`, each other article is cached at its path there (None: not cached), by the
    process that extracted it.
    """
    jobs = workers() if jobs is None else jobs
    work = list(zip(raws, store or [None] * len(raws), strict=True))
    if jobs < 2 or len(raws) < PARALLEL_MIN:
        return [
            (article, problem)
            for article, _, problem in (_extract_one(job, knowledge) for job in work)
        ]
    size = min(CHUNK, -(-len(raws) // jobs))
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(knowledge,)) as pool:
        done = [d for chunk in pool.map(_extract_chunk, _chunks(work, size)) for d in chunk]
    with collector_paused():
        return [(pickle.loads(data), problem) for data, problem in done]


def cached_articles(
    digests: Mapping[str, bytes],
    knowledge: Knowledge,
    cache_dir: Path | None,
    used: set[str] | None = None,
) -> dict[str, Article]:
    """Return the cached extraction of each read result digest given, by its name in `digests`.

    For files not read again (read_memo.py): a digest whose entry is absent or unreadable is
    left out, and its file must be read. The keys of the entries found are added to `used`.
    """
    if cache_dir is None or not digests:
        return {}
    key = _keys(knowledge)
    keys = {name: key(d) for name, d in digests.items()}
    with collector_paused():
        found = {name: _load(_entry(cache_dir, k)) for name, k in keys.items()}
    kept = {name: article for name, article in found.items() if article is not None}
    if used is not None:
        used.update(keys[name] for name in kept)
    return kept


def extract_all(
    raws: Sequence[RawArticle],
    knowledge: Knowledge,
    cache_dir: Path | None = None,
    problems: list[Problem] | None = None,
    used: set[str] | None = None,
) -> list[Article]:
    """Extract every article, taking unchanged ones from the cache when `cache_dir` is set.

    An article the extractor failed on is kept as plain text, its problem added to `problems`,
    and not cached: a fixed extractor reads it again. The articles' keys are added to `used`.
    """
    key = _keys(knowledge)
    keys = [key(raw_digest(raw)) for raw in raws] if cache_dir else []
    if used is not None:
        used.update(keys)
    found: list[Article | None] = [None] * len(raws)
    if cache_dir:
        with collector_paused():
            found = [_load(_entry(cache_dir, key)) for key in keys]
    missing = [i for i, article in enumerate(found) if article is None]
    store = [_entry(cache_dir, keys[i]) for i in missing] if cache_dir else None
    with collector_skips_existing():  # the cached articles, just loaded, are no garbage
        fresh = extract_many([raws[i] for i in missing], knowledge, store=store)
    for i, (article, problem) in zip(missing, fresh, strict=True):
        if problem is not None and problems is not None:
            problems.append(problem)
        found[i] = article
    return [article for article in found if article is not None]


def prune(cache_dir: Path, used: Collection[str]) -> int:
    """Delete the extraction entries not in `used` (this run's); return how many went.

    The cache keeps what the last run needed. Entries for articles since edited or removed, or
    from an older catalogue or extractor, would otherwise pile up: about 13 KB an article each
    time the extractor changes. Files being written (`*.tmp`) are left alone.
    """
    names = {f"{key}.pickle" for key in used}
    removed = 0
    try:
        folders = [entry.path for entry in os.scandir(cache_dir / "extract") if entry.is_dir()]
    except OSError:
        return 0
    for folder in folders:
        with os.scandir(folder) as entries:
            stale = [e.path for e in entries if e.name.endswith(".pickle") and e.name not in names]
        for path in stale:
            with contextlib.suppress(OSError):
                os.unlink(path)
                removed += 1
    return removed
