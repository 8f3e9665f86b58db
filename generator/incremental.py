"""Rebuild only the pages whose Markdown changed, when that gives the same site as a full build.

MkDocs' `dirty` build renders only pages whose source is newer than their HTML. That is safe here
because the generator keeps the mtime of every unchanged Markdown file, lists only fixed index
pages in the navigation (so a new article changes no other page's sidebar), and writes every
link into the Markdown (so a renamed article rewrites the pages that link to it). It is not safe
when the configuration, theme or overrides changed, or when a plugin gathers data across pages
(Material's search index): then this module builds in full. A stamp beside the site records what
the last build was made from, and the pages it built, so that pages of deleted articles go too.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from importlib import metadata
from pathlib import Path
from typing import Any

# Labels given to every id of their kind (each event its type), unlike the actor filter's names.
EVERY_ID = frozenset({"event_types"})
STAMP = ".dossier-build.json"  # hidden: MkDocs never deletes or copies dot files in site_dir


def _tree_digest(digest: Any, folder: Path) -> None:
    if not folder.is_dir():
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())


def config_fingerprint(config: Any) -> str:
    """Return a hash of everything besides docs/ that shapes every page of the site."""
    digest = hashlib.sha256()
    digest.update(Path(config.config_file_path).read_bytes())
    for package in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions"):
        with suppress(metadata.PackageNotFoundError):
            digest.update(f"{package}={metadata.version(package)}".encode())
    if config.theme.custom_dir:
        _tree_digest(digest, Path(config.theme.custom_dir))
    extra = {k: v for k, v in config.extra.items() if k != "dossier_search"}
    engine = (config.extra.get("dossier_search") or {}).get("engine")
    digest.update(json.dumps([extra, engine], sort_keys=True, default=str).encode())
    return digest.hexdigest()


def _labels(config: Any) -> dict[str, dict[str, str]]:
    """Return the search filter labels (actor names, event types) the pages print."""
    search = config.extra.get("dossier_search") or {}
    return {k: dict(v) for k, v in search.items() if isinstance(v, dict)}


def changed_labels(old: dict[str, Any], new: dict[str, dict[str, str]]) -> set[str]:
    """Return the ids whose label (actor name, event type) a page printed, prints or changed.

    An id that gained or lost its label counts too: the search's actor filter lists only the
    most-named actors, so an actor can enter or leave it while the pages naming it stay as they
    were. Not so for a kind that labels every id (EVERY_ID): there an id gains or loses its
    label only as it appears or goes, and the pages naming it changed with it.
    """
    changed: set[str] = set()
    for kind in set(old) | set(new):
        before, after = old.get(kind) or {}, new.get(kind) or {}
        ids = set(before) & set(after) if kind in EVERY_ID else set(before) | set(after)
        changed |= {key for key in ids if before.get(key) != after.get(key)}
    return changed


def touch_pages_naming(docs_dir: Path, ids: set[str]) -> int:
    """Mark as changed the pages whose front matter lists one of `ids`; return how many.

    Their Markdown did not change but a label they print did, so MkDocs must render them again.
    Marking too many only costs time.
    """
    if not ids:
        return 0
    listed = re.compile(
        rb"(?m)^\s*-\s+(?:id:\s+)?(?:" + b"|".join(re.escape(i.encode()) for i in ids) + rb")\s*$"
    )
    touched = 0
    for path in docs_dir.rglob("*.md"):
        if listed.search(path.read_bytes()):
            os.utime(path)
            touched += 1
    return touched


def _has_listing(config: Any, directive: str, pages: list[str]) -> bool:
    """Tell whether any of the `pages` of docs/ holds a tags listing (which lists every page).

    Only a hand-written page can: generated pages escape every `<` of the articles' text, and
    their templates hold no listing. Reading only those keeps the check cheap at any size.
    """
    from generator.pipeline import MANAGED

    needle = directive.encode()
    docs = Path(config.docs_dir)
    hand_written = (docs / p for p in pages if p.split("/", 1)[0] not in MANAGED)
    return any(needle in path.read_bytes() for path in hand_written)


def _plugin_allows_dirty(config: Any, name: str, settings: Any, pages: list[str]) -> bool:
    """Tell whether a plugin, as configured, renders each page from that page alone."""
    if not getattr(settings, "enabled", True):
        return True
    if name == "material/tags":
        # Tags on a page link to listings, and the export lists every page: with neither,
        # a page's tags come from its own front matter only.
        return not settings.export and not (
            settings.listings and _has_listing(config, settings.listings_directive, pages)
        )
    return False  # a plugin we do not know may gather data across pages


def _plugins_allow_dirty(config: Any, pages: list[str]) -> bool:
    """Tell whether no plugin gathers data across the `pages` of docs/."""
    return all(_plugin_allows_dirty(config, n, p.config, pages) for n, p in config.plugins.items())


def _read_stamp(site_dir: Path) -> dict[str, Any]:
    try:
        stamp = json.loads((site_dir / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stamp if isinstance(stamp, dict) else {}


def can_build_dirty(config: Any, site_dir: Path, pages: list[str] | None = None) -> bool:
    """Tell whether a dirty build of `config` into `site_dir` equals a full build.

    `pages` lists the Markdown files of docs/ (found afresh when not given).
    """
    if config.nav is None:
        return False
    if not _plugins_allow_dirty(config, _pages(config) if pages is None else pages):
        return False
    return _read_stamp(site_dir).get("config") == config_fingerprint(config)


def _pages(config: Any) -> list[str]:
    """Return every Markdown file of docs/, by path in it (os.walk: 10x rglob at 17,000 pages)."""
    docs = str(config.docs_dir)
    found = []
    for folder, _, names in os.walk(docs, followlinks=True):  # as MkDocs finds them
        prefix = os.path.relpath(folder, docs).replace(os.sep, "/") + "/"
        found += [(prefix + n).removeprefix("./") for n in names if n.endswith(".md")]
    return sorted(found)


def _html_of(src: str, use_directory_urls: bool) -> str:
    """Return where MkDocs writes the page of Markdown file `src`, relative to site_dir."""
    stem = src.removesuffix(".md")
    name = stem.rsplit("/", 1)[-1]
    if not use_directory_urls or name in ("index", "README"):
        return stem.removesuffix(name) + ("index.html" if name == "README" else f"{name}.html")
    return f"{stem}/index.html"


def remove_stale(config: Any, site_dir: Path, pages: list[str] | None = None) -> int:
    """Delete the HTML of pages built last time whose Markdown is gone; return how many.

    `pages` lists the Markdown files of docs/ (found afresh when not given).
    """
    before = set(_read_stamp(site_dir).get("pages") or ())
    gone = sorted(before - set(_pages(config) if pages is None else pages))
    for src in gone:
        html = site_dir / _html_of(src, config.use_directory_urls)
        html.unlink(missing_ok=True)
        folder = html.parent
        while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return len(gone)


def write_stamp(config: Any, site_dir: Path, pages: list[str] | None = None) -> None:
    """Record what this build was made from, for the next one."""
    stamp = {
        "config": config_fingerprint(config),
        "pages": _pages(config) if pages is None else pages,
        "labels": _labels(config),
    }
    tmp = site_dir / (STAMP + ".tmp")
    tmp.write_text(json.dumps(stamp, indent=0) + "\n", encoding="utf-8")
    os.replace(tmp, site_dir / STAMP)


class _DropDirtyWarning(logging.Filter):
    """Hide MkDocs' warning about dirty builds, which strict mode would count as a failure."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


@contextmanager
def quiet_dirty_warning() -> Iterator[None]:
    """Drop MkDocs' dirty-build warning while the block runs."""
    logger = logging.getLogger("mkdocs.commands.build")
    drop = _DropDirtyWarning()
    logger.addFilter(drop)
    try:
        yield
    finally:
        logger.removeFilter(drop)


def build_incrementally(config: Any, site_dir: Path) -> bool:
    """Run `mkdocs build`, dirty when that is safe; return whether it was dirty."""
    from mkdocs.commands.build import build

    pages = _pages(config)  # a build reads docs/ but never adds to it
    dirty = can_build_dirty(config, site_dir, pages)
    if dirty:
        remove_stale(config, site_dir, pages)
        old_labels = _read_stamp(site_dir).get("labels") or {}
        touch_pages_naming(Path(config.docs_dir), changed_labels(old_labels, _labels(config)))
    (site_dir / STAMP).unlink(missing_ok=True)  # a build that fails half-way leaves no stamp
    if dirty:
        with quiet_dirty_warning():
            build(config, dirty=True)
    else:
        build(config)
    write_stamp(config, site_dir, pages)
    return dirty
