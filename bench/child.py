"""One timed build of a bench work folder, as `python -m generator build` runs it, stage by stage.

Prints one JSON line: seconds per stage, the search engine used, whether MkDocs built dirty,
and the peak memory of generation (this process and its extraction workers).
"""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import time
from pathlib import Path

from generator.collector import collector_skips_existing
from generator.incremental import build_incrementally
from generator.pipeline import Settings, generate
from generator.search import configure_search, search_export, search_filter_values
from generator.search_index import index_site

NO_CLUSTERING = "DOSSIER_BENCH_NO_EVENT_CLUSTERING"
CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def build(work: Path) -> dict[str, object]:
    """Generate and build the site of `work`; return what was measured."""
    from mkdocs.config import load_config

    docs, site = work / "docs", work / "site"
    settings = Settings(
        input_dir=work / "seeds",
        docs_dir=docs,
        templates_dir=CONFIG.parent / "templates",
        catalogue_dir=CONFIG.parent / "catalogue",
        cache_dir=work / "cache",
    )
    started = time.perf_counter()
    report = generate(settings)
    stages = dict(report.timings.stages)
    generation_peak = max(_peak_mb(resource.RUSAGE_SELF), _peak_mb(resource.RUSAGE_CHILDREN))
    with collector_skips_existing():  # as generator.site.build_site
        t0 = time.perf_counter()
        config = load_config(
            str(CONFIG), docs_dir=str(docs.resolve()), site_dir=str(site.resolve())
        )
        engine = configure_search(config, docs, search_export(report.corpus))
        dirty = build_incrementally(config, site)
        t1 = time.perf_counter()
        indexed = index_site(site, search_filter_values(config)) if engine == "pagefind" else "-"
        t2 = time.perf_counter()
    return {
        "stages": stages,
        "dossier": sum(stages.values()),
        "mkdocs": t1 - t0,
        "search_index": t2 - t1,
        "total": t2 - started,
        "engine": engine,
        "search_indexed": indexed,
        "dirty": dirty,
        "articles": len(report.corpus.articles),
        "actors": len(report.corpus.actors),
        "events": len(report.corpus.events),
        "pages_written": report.write.written,
        "pages_unchanged": report.write.unchanged,
        "peak_generation_mb": generation_peak,
    }


def skip_event_clustering() -> None:
    """Leave events out of the index: a measurement aid, reported as such in the tables."""
    import generator.index

    def no_events(*args: object, **kwargs: object) -> dict[str, object]:
        return {}

    generator.index.build_events = no_events  # type: ignore[assignment]


def main() -> int:
    """Build the work folder named on the command line; print the measurements as JSON."""
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    clustered = os.environ.get(NO_CLUSTERING) != "1"
    if not clustered:
        skip_event_clustering()
    result = build(Path(sys.argv[1]))
    result["events_clustered"] = clustered
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # without freeing the heap object by object, as `python -m generator` exits
