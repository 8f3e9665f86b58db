"""Choose the site's search engine and, for large dossiers, index the built site with Pagefind.

Material's built-in search ships one JSON index of every page (about 5 kB an article), which a
browser must download and parse before the first result: fine for a small dossier, not for ten
thousand articles. Pagefind splits its index into small chunks fetched on demand. The choice is
`extra: dossier: search:` in mkdocs.yml: `auto` (the default), `material` or `pagefind`.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.errors import SiteBuildError

ENGINES = ("auto", "material", "pagefind")
# Material's index is ~5 kB per article: past ~200 articles a first search downloads over 1 MB.
AUTO_THRESHOLD = 200
# Pagefind counts the matches of every filter value on every search: a thousand actor values
# made a common word take seconds at 10,000 articles. The most-named actors make the filter;
# the others are still found by name, their pages ranked first.
FILTER_ACTORS = 50
BUNDLE = "pagefind"  # the folder the search box loads its index and scripts from
# The values of each filter, written beside Pagefind's index for the search box's lists: asking
# Pagefind for them would load its filter index, and Pagefind then counts every value of every
# loaded filter on each search (a common word took over a second at 10,000 articles).
FILTER_VALUES = "dossier-filters.json"
# Not words of the page: the ¶ of each heading's permalink and the breadcrumbs above the title.
EXCLUDED = ".headerlink, .dossier-breadcrumbs"
STAMP = ".dossier-fingerprint"  # in the bundle: the pages it was built from (see index_site)
# MkDocs renders the theme's 404 page on every build, dirty or not; it has nothing to index.
NOT_FOUND = "404.html"
EXPORT = Path("data") / "corpus.json"  # the generator's export, read for filter labels


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


def configure_search(config: Any, docs_dir: Path) -> str:
    """Pick the engine for this build and set up the loaded MkDocs config for it."""
    export = _export(docs_dir)
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


def pagefind_command(site_dir: Path, output: Path) -> list[str]:
    """Return the command that indexes `site_dir` with the Pagefind binary from PyPI."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir)]
    command += ["--exclude-selectors", EXCLUDED]
    return [*command, "--output-path", str(output.resolve()), "--silent"]


def search_filter_values(config: Any) -> Mapping[str, list[str]]:
    """Return the filter values configure_search() chose for this build (none for Material)."""
    values: Mapping[str, list[str]] = (config.extra.get("dossier_search") or {}).get(
        "filter_values"
    ) or {}
    return values


def site_fingerprint(site_dir: Path, filters: Mapping[str, list[str]] | None) -> str:
    """Return a digest of what Pagefind would index: every HTML page's path, size and mtime.

    MkDocs rewrites only changed pages in a dirty build, so an unchanged digest means an
    unchanged site. The filter values and Pagefind's version and options count too.
    """
    digest = hashlib.sha256()
    digest.update(json.dumps([dict(filters or {}), EXCLUDED, _pagefind_version()]).encode())
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        if relative.startswith((f"{BUNDLE}/", ".pagefind-staging/")) or relative == NOT_FOUND:
            continue
        stat = path.stat()
        digest.update(f"{relative}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _pagefind_version() -> str:
    try:
        return metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        return "unknown"


def index_site(site_dir: Path, filters: Mapping[str, list[str]] | None = None) -> bool:
    """Index the built site with Pagefind into site/pagefind/; raise SiteBuildError on failure.

    `filters` (each filter's values) is written beside the index for the search box's lists.
    Return False, without running Pagefind, when no page changed since the last index.
    """
    staging, bundle = site_dir / ".pagefind-staging", site_dir / BUNDLE
    fingerprint = site_fingerprint(site_dir, filters)
    stamp = bundle / STAMP
    if stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == fingerprint:
        return False
    # A fresh folder swapped in: Pagefind leaves the chunks of an earlier index in place.
    shutil.rmtree(staging, ignore_errors=True)
    try:
        result = subprocess.run(
            pagefind_command(site_dir, staging), capture_output=True, text=True, check=False
        )
    except OSError as exc:
        raise SiteBuildError(f"cannot run pagefind ({exc})") from exc
    if result.returncode == 0:
        values = json.dumps(dict(filters or {}), ensure_ascii=False, indent=1, sort_keys=True)
        (staging / FILTER_VALUES).write_text(values + "\n", encoding="utf-8")
        (staging / STAMP).write_text(fingerprint + "\n", encoding="utf-8")
        shutil.rmtree(bundle, ignore_errors=True)
        staging.rename(bundle)
        return True
    detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
    raise SiteBuildError(
        f"pagefind failed ({detail[0]}); install it with `pip install 'pagefind[extended]'`"
        " or set extra.dossier.search: material in mkdocs.yml"
    )
