"""Publish: run MkDocs over the generated docs/ to build or serve the site."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from generator.collector import collector_skips_existing
from generator.errors import SiteBuildError
from generator.incremental import build_incrementally
from generator.models import Corpus
from generator.search import configure_search, search_export, search_filter_values
from generator.search_index import index_site


def build_site(
    config_file: Path, docs_dir: Path, site_dir: Path, strict: bool, corpus: Corpus | None = None
) -> str | None:
    """Run `mkdocs build` in-process; raise SiteBuildError if it fails or warns under strict.
    Return the site's address, if one is set (None: no canonical links, no absolute sitemap).

    `corpus` is the one just generated into `docs_dir`, if the caller has it: the search is
    then configured from it rather than from the export on disk.
    """
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        with collector_skips_existing():  # the corpus, alive all along, is no garbage
            config = load_config(
                str(config_file),
                docs_dir=str(docs_dir.resolve()),
                site_dir=str(site_dir.resolve()),
                strict=strict,
            )
            export = None if corpus is None else search_export(corpus)
            engine = configure_search(config, docs_dir, export)
            build_incrementally(config, site_dir)
            if engine == "pagefind":
                index_site(site_dir, search_filter_values(config))
            return str(config.site_url) if config.site_url else None
    except MkDocsException as exc:
        raise SiteBuildError(f"mkdocs build failed: {exc}") from exc
    except SystemExit as exc:  # MkDocs aborts strict builds this way
        raise SiteBuildError(f"mkdocs build failed ({exc})") from exc


def serve_site(
    config_file: Path,
    docs_dir: Path,
    watch: Path,
    regenerate: Callable[[], None],
    host: str,
    poll_seconds: float = 1.0,
) -> None:
    """Serve with live reload; regenerate docs/ whenever a file under `watch` changes."""
    from mkdocs.commands.serve import serve

    stop = threading.Event()
    watcher = threading.Thread(
        target=_watch, args=(watch, regenerate, stop, poll_seconds), daemon=True
    )
    watcher.start()
    try:
        serve(str(config_file), docs_dir=str(docs_dir.resolve()), dev_addr=host, livereload=True)
    finally:
        stop.set()


def _snapshot(folder: Path) -> dict[str, tuple[float, int]]:
    return {
        p.as_posix(): (p.stat().st_mtime, p.stat().st_size)
        for p in folder.rglob("*")
        if p.is_file()
    }


def _watch(
    folder: Path, regenerate: Callable[[], None], stop: threading.Event, poll_seconds: float
) -> None:
    """Poll `folder` and call `regenerate` after a change; MkDocs then reloads the pages."""
    seen = _snapshot(folder)
    while not stop.wait(poll_seconds):
        now = _snapshot(folder)
        if now != seen:
            seen = now
            try:
                regenerate()
            except Exception:  # keep serving: the next save may fix it
                logging.getLogger("dossier").exception("regenerating after a change failed")
