"""Choose the site's search engine and configure MkDocs for it (search_index.py runs Pagefind).

Material's built-in search ships one JSON index of every page (about 5 kB an article), which a
browser must download and parse before the first result: fine for a small dossier, not for ten
thousand articles. Pagefind splits its index into small chunks fetched on demand. The choice is
`extra: dossier: search:` in mkdocs.yml: `auto` (the default), `material` or `pagefind`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator.errors import SiteBuildError
from generator.models import Corpus

ENGINES = ("auto", "material", "pagefind")
# Material's index is ~5 kB per article: past ~200 articles a first search downloads over 1 MB.
AUTO_THRESHOLD = 200
# Pagefind counts the matches of every filter value on every search: a thousand actor values
# made a common word take seconds at 10,000 articles. The most-named actors make the filter;
# the others are still found by name, their pages ranked first.
FILTER_ACTORS = 50
EXPORT = Path("data") / "corpus.json"  # the generator's export, read when no corpus is given


def search_settings(extra: Mapping[str, Any]) -> tuple[str, int]:
    """Return the configured engine and auto threshold; raise SiteBuildError if invalid."""
    dossier = extra.get("dossier") or {}
    search = dossier.get("search", "auto") if isinstance(dossier, Mapping) else "auto"
    threshold = dossier.get("search_threshold", AUTO_THRESHOLD)
    if search not in ENGINES:
        wanted = ", ".join(ENGINES)
        raise SiteBuildError(f"mkdocs.yml: extra.dossier.search is {search!r}; use one of {wanted}")
    if not isinstance(threshold, int) or threshold < 0:
        raise SiteBuildError("mkdocs.yml: extra.dossier.search_threshold must be a whole number")
    return search, threshold


def filter_actor_limit(extra: Mapping[str, Any]) -> int:
    """Return how many actors the search's actor filter offers; raise SiteBuildError if invalid."""
    dossier = extra.get("dossier") or {}
    limit = (
        dossier.get("search_filter_actors", FILTER_ACTORS)
        if isinstance(dossier, Mapping)
        else FILTER_ACTORS
    )
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        raise SiteBuildError(
            "mkdocs.yml: extra.dossier.search_filter_actors must be a whole number"
        )
    return limit


def search_export(corpus: Corpus) -> dict[str, Any]:
    """Return the parts of the export (data/corpus.json) the search reads, from the corpus.

    The same values the export holds for the engine and the filters, without parsing it back
    (24 MB at 10,000 articles: 0.3 s, more in a process that holds the corpus).
    """
    return {
        "articles": [
            {"outlet": a.outlet, "date": a.date.value.isoformat() if a.date.value else None}
            for a in corpus.articles
        ],
        "actors": [
            {"id": a.id, "name": a.name, "articles": corpus.actor_articles.get(a.id, ())}
            for a in corpus.actors.values()
        ],
        "events": [{"id": e.id, "type": e.type} for e in corpus.events.values()],
    }


def _export(docs_dir: Path) -> Mapping[str, Any]:
    try:
        data = json.loads((docs_dir / EXPORT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def choose_engine(extra: Mapping[str, Any], export: Mapping[str, Any]) -> str:
    """Return "material" or "pagefind" from the setting and the number of articles."""
    search, threshold = search_settings(extra)
    if search != "auto":
        return search
    return "pagefind" if len(export.get("articles") or ()) > threshold else "material"


def filter_labels(
    export: Mapping[str, Any], actor_limit: int = FILTER_ACTORS
) -> dict[str, dict[str, str]]:
    """Return the names of the filter's actors and the types of events by id, for search filters.

    The actor filter offers the `actor_limit` actors named in most articles (ties by name).
    """
    actors = sorted(
        export.get("actors") or (),
        key=lambda a: (-len(a.get("articles") or ()), a["name"], a["id"]),
    )
    return {
        "actors": {a["id"]: a["name"] for a in actors[:actor_limit]},
        "event_types": {e["id"]: e["type"] for e in export.get("events") or ()},
    }


def filter_values(
    export: Mapping[str, Any], actor_limit: int = FILTER_ACTORS
) -> dict[str, list[str]]:
    """Return the values of each search filter as the article pages carry them.

    Actors and event types by name, outlets by name, years newest first.
    """
    labels = filter_labels(export, actor_limit)
    articles = export.get("articles") or ()
    outlets = {a["outlet"] for a in articles if a.get("outlet")}
    years = {str(a["date"])[:4] for a in articles if str(a.get("date") or "")[:4].isdigit()}
    return {
        "actor": sorted(set(labels["actors"].values()), key=lambda name: (name.casefold(), name)),
        "event type": sorted(set(labels["event_types"].values())),
        "outlet": sorted(outlets, key=lambda name: (name.casefold(), name)),
        "year": sorted(years, reverse=True),
    }


def configure_search(config: Any, docs_dir: Path, export: Mapping[str, Any] | None = None) -> str:
    """Pick the engine for this build and set up the loaded MkDocs config for it.

    `export` is what the search reads of the export (search_export() of the corpus generated
    into `docs_dir`); without it, the export in `docs_dir` is read.
    """
    export = _export(docs_dir) if export is None else export
    engine = choose_engine(config.extra, export)
    config.extra["dossier_search"] = {"engine": engine}
    if engine == "pagefind":
        # The theme override reads these to label the filters of each article page.
        limit = filter_actor_limit(config.extra)
        config.extra["dossier_search"].update(filter_labels(export, limit))
        config.extra["dossier_search"]["filter_values"] = filter_values(export, limit)
        plugin = config.plugins.get("material/search")
        if plugin is not None:
            plugin.config.enabled = False  # no 50 MB search_index.json nobody will download
        tags = config.plugins.get("material/tags")
        if tags is not None:
            # tags.json lists every page: no page reads it, and it would force full rebuilds.
            tags.config.export = False
    return engine


def search_filter_values(config: Any) -> Mapping[str, list[str]]:
    """Return the filter values configure_search() chose for this build (none for Material)."""
    values: Mapping[str, list[str]] = (config.extra.get("dossier_search") or {}).get(
        "filter_values"
    ) or {}
    return values
