"""Index the built site with Pagefind: all of it, or only the pages an update changed.

Pagefind has no incremental mode: it reads and indexes every page however few changed (about
20 s at 10,000 articles, nearly all of it indexing, not reading HTML). So the full index is kept
with a record of what it was built from: each page's size and mtime, and the id Pagefind gave
each page it indexed. When an update changes only a few pages, only those are indexed, into a
small second bundle (`pagefind/delta/`). The search box merges it with the full index (Pagefind's
`mergeIndex`) and drops the full index's results for pages the delta replaces or that are gone:
`dossier-delta.json` lists their ids. Once changed pages pass DELTA_SHARE of the indexed pages,
the next build indexes the whole site again and the delta goes.

A delta scores its pages against its own few pages (Pagefind ranks within each index, then
merges by score), so a changed page may rank a little differently until the next full index.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

from generator.errors import SiteBuildError

BUNDLE = "pagefind"  # the folder the search box loads its index and scripts from
DELTA = "delta"  # inside BUNDLE: the index of the pages changed since the full index
# The delta's bundle and the full index's ids of the pages it replaces, for the search box.
DELTA_FILE = "dossier-delta.json"
# Past this share of the full index's pages, changed pages are indexed with all the others.
DELTA_SHARE = 0.05
# The values of each filter, written beside Pagefind's index for the search box's lists: asking
# Pagefind for them would load its filter index, and Pagefind then counts every value of every
# loaded filter on each search (a common word took over a second at 10,000 articles).
FILTER_VALUES = "dossier-filters.json"
# Not words of the page: the ¶ of each heading's permalink and the breadcrumbs above the title.
EXCLUDED = ".headerlink, .dossier-breadcrumbs"
STATE = ".dossier-index.json"  # in the bundle: what the full index and the delta were built from
# MkDocs renders the theme's 404 page on every build, dirty or not; it has nothing to index.
NOT_FOUND = "404.html"
BODY = b"data-pagefind-body"  # the pages the theme offers Pagefind carry this attribute
STAGING = ".pagefind-staging"  # beside the pages: the next bundle, swapped in when complete
PAGES = ".pagefind-pages"  # beside the pages: links to the changed pages, for the delta

Outcome = Literal["unchanged", "full", "delta"]


@dataclass(frozen=True)
class Plan:
    """What an index run has to do: nothing, index every page, or index the changed ones."""

    outcome: Outcome
    changed: tuple[str, ...] = ()  # pages (paths in the site) to index into the delta
    replaced: tuple[str, ...] = ()  # ids, in the full index, of pages changed or gone


def pagefind_command(site_dir: Path, output: Path) -> list[str]:
    """Return the command that indexes `site_dir` with the Pagefind binary from PyPI."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir)]
    command += ["--exclude-selectors", EXCLUDED]
    return [*command, "--output-path", str(output.resolve()), "--silent"]


def site_pages(site_dir: Path) -> dict[str, list[int]]:
    """Return every HTML page Pagefind would read, by path in the site: [size, mtime_ns].

    MkDocs rewrites only changed pages in a dirty build, so size and mtime tell which changed.
    Pagefind's own files, the staging folders and the 404 page are left out. Folders are listed
    with os.scandir, each with the path of its own in the site (with a folder for each page,
    os.walk's path arithmetic per folder took as long as listing them).
    """
    pages: dict[str, list[int]] = {}
    folders = [(str(site_dir), "")]
    while folders:
        folder, prefix = folders.pop()
        try:
            entries = os.scandir(folder)
        except OSError:  # as os.walk: a folder that cannot be listed holds no pages
            continue
        with entries:
            for entry in entries:
                name = entry.name
                if entry.is_dir():  # a link to a folder is not followed, as os.walk does not
                    if not entry.is_symlink() and (
                        prefix or (name != BUNDLE and not name.startswith("."))
                    ):
                        folders.append((entry.path, f"{prefix}{name}/"))
                elif name.endswith(".html") and (prefix or name != NOT_FOUND):
                    stat = entry.stat()
                    pages[prefix + name] = [stat.st_size, stat.st_mtime_ns]
    return dict(sorted(pages.items()))


def page_url(relative: str) -> str:
    """Return the URL Pagefind gives the page at `relative` ("a/index.html" -> "/a/")."""
    folder, _, name = relative.rpartition("/")
    if name == "index.html":
        return f"/{folder}/" if folder else "/"
    return f"/{relative}"


def _settings() -> str:
    """Return what, besides the pages, shapes the index: Pagefind's version and options."""
    return json.dumps([EXCLUDED, _pagefind_version()])


def _pagefind_version() -> str:
    try:
        return metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        return "unknown"


def _digest(pages: Mapping[str, list[int]]) -> str:
    return hashlib.sha256(json.dumps(pages, sort_keys=True).encode()).hexdigest()


def plan_index(
    state: Mapping[str, Any], pages: Mapping[str, list[int]], site_dir: Path, share: float
) -> Plan:
    """Decide what to index, from the state of the last run and the pages now in the site."""
    if state.get("settings") != _settings() or not isinstance(state.get("pages"), dict):
        return Plan("full")
    if state.get("current") == _digest(pages):
        return Plan("unchanged")
    indexed, ids = state["pages"], state.get("ids") or {}
    limit = share * max(len(ids), 1)
    touched = [p for p in pages if indexed.get(p) != pages[p]]
    gone = [p for p in indexed if p not in pages]
    old = {p: ids[url] for p in [*touched, *gone] if (url := page_url(p)) in ids}
    if len(old) > limit:  # decided before reading any page
        return Plan("full")
    changed = tuple(p for p in touched if BODY in (site_dir / p).read_bytes())
    if len(set(changed) | set(old)) > limit:
        return Plan("full")
    replaced = tuple(sorted(set(old.values())))
    return Plan("delta", changed, replaced)


def fragment_ids(bundle: Path) -> dict[str, str]:
    """Return the id Pagefind gave each page it indexed into `bundle`, by URL.

    Each fragment file holds one page as gzipped JSON after a signature, its URL first: only
    the first few hundred bytes are inflated.
    """
    ids: dict[str, str] = {}
    decoder = json.JSONDecoder()
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        head = zlib.decompressobj(wbits=31).decompress(path.read_bytes(), 4096)
        start = head.find(b'{"url":')
        if start < 0:
            raise SiteBuildError(f"unexpected Pagefind fragment {path.name}")
        text = head[start + 7 :].decode("utf-8", errors="replace")
        url, _ = decoder.raw_decode(text)
        ids[url] = path.name.removesuffix(".pf_fragment")
    return ids


def _run_pagefind(site_dir: Path, output: Path) -> None:
    try:
        result = subprocess.run(
            pagefind_command(site_dir, output), capture_output=True, text=True, check=False
        )
    except OSError as exc:
        raise SiteBuildError(f"cannot run pagefind ({exc})") from exc
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        raise SiteBuildError(
            f"pagefind failed ({detail[0]}); install it with `pip install 'pagefind[extended]'`"
            " or set extra.dossier.search: material in mkdocs.yml"
        )


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")


def _read_state(bundle: Path) -> dict[str, Any]:
    try:
        state = json.loads((bundle / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _index_all(site_dir: Path, pages: dict[str, list[int]]) -> None:
    """Index every page into a fresh bundle swapped in for the old one, with its state."""
    staging, bundle = site_dir / STAGING, site_dir / BUNDLE
    # A fresh folder swapped in: Pagefind leaves the chunks of an earlier index in place.
    shutil.rmtree(staging, ignore_errors=True)
    _run_pagefind(site_dir, staging)
    ids = fragment_ids(staging)
    state = {"settings": _settings(), "pages": pages, "ids": ids, "current": _digest(pages)}
    _write_json(staging / STATE, state)
    _write_json(staging / DELTA_FILE, {"replaced": []})
    shutil.rmtree(bundle, ignore_errors=True)
    staging.rename(bundle)


def _index_changed(site_dir: Path, plan: Plan) -> None:
    """Index the changed pages alone into BUNDLE/DELTA; list the full index's ids they replace."""
    bundle = site_dir / BUNDLE
    pages, staging = site_dir / PAGES, site_dir / STAGING
    shutil.rmtree(pages, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)
    for relative in plan.changed:
        target = pages / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site_dir / relative, target)
        except OSError:
            shutil.copy2(site_dir / relative, target)
    delta: dict[str, Any] = {"replaced": list(plan.replaced)}
    if plan.changed:
        _run_pagefind(pages, staging)
        # A page whose indexed text did not change keeps its id: it is in both bundles, and the
        # search box shows it once.
        fresh = set(fragment_ids(staging).values())
        delta = {"bundle": f"{DELTA}/", "replaced": sorted(set(plan.replaced) - fresh)}
    shutil.rmtree(pages, ignore_errors=True)
    shutil.rmtree(bundle / DELTA, ignore_errors=True)
    if plan.changed:
        staging.rename(bundle / DELTA)
    _write_json(bundle / DELTA_FILE, delta)


def index_site(
    site_dir: Path, filters: Mapping[str, list[str]] | None = None, share: float | None = None
) -> Outcome:
    """Index the built site with Pagefind into site/pagefind/; raise SiteBuildError on failure.

    Return "unchanged" when no page changed since the last run (Pagefind does not run),
    "delta" when only the changed pages were indexed, "full" when every page was.
    `filters` (each filter's values) is written beside the index for the search box's lists;
    `share` overrides DELTA_SHARE.
    """
    bundle = site_dir / BUNDLE
    pages = site_pages(site_dir)
    state = _read_state(bundle)
    plan = plan_index(state, pages, site_dir, DELTA_SHARE if share is None else share)
    if plan.outcome == "full":
        _index_all(site_dir, pages)
    elif plan.outcome == "delta":
        _index_changed(site_dir, plan)
        _write_json(bundle / STATE, {**state, "current": _digest(pages)})
    _write_json(bundle / FILTER_VALUES, dict(filters or {}))
    return plan.outcome
