"""What the last generation wrote: each item's digest and its pages' sizes and mtimes.

An update keeps the pages of an item whose digest did not change (see render/keys.py), as long
as every one of them is on disk as that run left it: same size, same mtime. A page edited or
removed by hand since, or written by a run that kept no manifest, renders again. The manifest
lives in the cache folder and counts only for the code and templates that wrote it; a docs
folder it was not written for has other mtimes, unless it is a copy that kept them.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from generator.cache_files import read_pickle, write_pickle
from generator.versions import package_versions

Digest = bytes
Stat = tuple[str, int, int]  # path under docs/, size, mtime in ns
# What rendering runs, under generator/: a change to any of it may change any page. The stages
# before it only change the corpus, which the items' digests cover.
RENDERING = ("render/", "escape.py", "models.py", "errors.py", "data/")
# Libraries whose output is part of a page: a new version may write other bytes.
LIBRARIES = ("jinja2", "MarkupSafe", "PyYAML", "python-frontmatter")


@dataclass(frozen=True, slots=True)
class Manifest:
    """The pages of each item a run rendered or kept, as that run left them on disk."""

    version: str
    items: dict[Digest, tuple[Stat, ...]]


def render_version(templates_dir: Path) -> str:
    """Return a hash of all that renders pages: the code, its data, the templates, libraries."""
    digest = hashlib.sha256(sys.version.encode())
    root = Path(str(resources.files("generator")))
    # Named relative to their folders, so that a checkout or a dossier moved elsewhere keeps it.
    code = [p for p in root.rglob("*") if p.relative_to(root).as_posix().startswith(RENDERING)]
    for folder, files in ((root, code), (templates_dir, list(templates_dir.rglob("*")))):
        for path in sorted(files):
            if path.is_file() and path.suffix != ".pyc":
                label = path.relative_to(folder).as_posix().encode()
                digest.update(label + b"\0" + path.read_bytes() + b"\0")
    digest.update(package_versions(LIBRARIES))
    return digest.hexdigest()


def manifest_path(cache_dir: Path) -> Path:
    """Return where the manifest is kept."""
    return cache_dir / "pages.pickle"


def kept_pages(cache_dir: Path, docs_dir: Path, version: str) -> dict[Digest, tuple[str, ...]]:
    """Return the items whose pages are on disk as the last run of `version` left them."""
    manifest = read_pickle(manifest_path(cache_dir))
    if not isinstance(manifest, Manifest) or manifest.version != version:
        return {}
    docs = os.fspath(docs_dir)
    return {
        key: tuple(path for path, _, _ in stats)
        for key, stats in manifest.items.items()
        if all(_stat(os.path.join(docs, path)) == (size, mtime) for path, size, mtime in stats)
    }


def save_manifest(
    cache_dir: Path, docs_dir: Path, version: str, items: Mapping[Digest, Sequence[str]]
) -> None:
    """Record the pages of each item as they are on disk now, for the next run."""
    stats: dict[Digest, tuple[Stat, ...]] = {}
    docs = os.fspath(docs_dir)
    for key, paths in items.items():
        found = [(path, _stat(os.path.join(docs, path))) for path in paths]
        if all(stat is not None for _, stat in found):
            stats[key] = tuple((path, *stat) for path, stat in found if stat is not None)
    write_pickle(manifest_path(cache_dir), Manifest(version, stats))


def forget_manifest(cache_dir: Path) -> None:
    """Drop the manifest, before a run changes the pages it describes."""
    with contextlib.suppress(OSError):
        manifest_path(cache_dir).unlink()


def _stat(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns
