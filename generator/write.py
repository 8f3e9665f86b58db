"""Write rendered pages into docs/ atomically, leaving hand-written pages alone.

Generated output lives in a few managed places (`index.md`, `articles/`, `actors/`, ...). A run
builds the new tree in a staging folder beside them, hard-linking files whose bytes did not
change (so their mtimes stay, and MkDocs and rsync see them as unchanged), then swaps each managed
place in with a rename. A run that fails or is interrupted before the swap leaves docs/ as it was.
Pages an update kept (known unchanged on disk, see manifest.py) are linked without being read.
"""

from __future__ import annotations

import os
import posixpath
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.models import Page

STAGING = ".dossier-staging"
RETIRED = ".dossier-retired"
CHUNK = 1 << 20  # bytes of a current file read at once to compare it with its new bytes


@dataclass(frozen=True, slots=True)
class WriteReport:
    """What a write changed on disk."""

    written: int  # new or changed files
    unchanged: int
    removed: int  # files of the previous run that no longer exist


def managed_roots(pages: Iterable[Page]) -> set[str]:
    """Return the top-level names under docs/ that generated pages occupy."""
    return {page.path.split("/", 1)[0] for page in pages}


def write_pages(
    pages: list[Page], docs_dir: Path, roots: Iterable[str], kept: Sequence[str] = ()
) -> WriteReport:
    """Write `pages` under `docs_dir`, replacing the managed `roots` as a whole.

    The files at the `kept` paths, known to hold their pages already, stay as they are.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    staging = docs_dir / STAGING
    retired = docs_dir / RETIRED
    for leftover in (staging, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    roots = sorted(set(roots) | managed_roots(pages) | {path.split("/", 1)[0] for path in kept})
    try:
        written, unchanged = _stage(pages, docs_dir, staging)
        unchanged += _keep(kept, docs_dir, staging)
        before = _files_under(docs_dir, roots)
        _swap(docs_dir, staging, retired, roots)
    finally:  # success or failure, leave no staging or retired tree behind in docs/
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(retired, ignore_errors=True)
    removed = len(before - {p.path for p in pages} - set(kept))
    return WriteReport(written, unchanged, removed)


def _stage(pages: list[Page], docs_dir: Path, staging: Path) -> tuple[int, int]:
    """Write every page into the staging tree; return how many were written and unchanged."""
    written = unchanged = 0
    folders: set[Path] = set()
    for page in pages:
        target = staging / page.path
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        current = docs_dir / page.path
        data = page.data
        if _same_bytes(current, data) and _link(current, target):
            unchanged += 1
        else:
            target.write_bytes(data)
            written += 1
    return written, unchanged


def _keep(paths: Sequence[str], docs_dir: Path, staging: Path) -> int:
    """Link (or copy, keeping the mtime) each kept file into the staging tree; return how many.

    Paths are joined as strings: at 10,000 articles, pathlib's objects cost more than the links.
    """
    folders: set[str] = set()
    source, target = os.fspath(docs_dir), os.fspath(staging)
    for path in paths:
        folder = posixpath.dirname(path)
        if folder not in folders:
            os.makedirs(os.path.join(target, folder), exist_ok=True)
            folders.add(folder)
        current, new = os.path.join(source, path), os.path.join(target, path)
        try:
            os.link(current, new)
        except OSError:
            shutil.copy2(current, new)
    return len(paths)


def _link(current: Path, target: Path) -> bool:
    """Hard-link an unchanged file into the staging tree; False where links are not supported."""
    try:
        os.link(current, target)
    except OSError:
        return False
    return True


def _same_bytes(path: Path, data: bytes) -> bool:
    """Tell whether the file at `path` holds `data`, reading it a chunk at a time."""
    try:
        if not path.is_file() or path.stat().st_size != len(data):
            return False
        view = memoryview(data)
        with path.open("rb") as handle:
            for start in range(0, len(data), CHUNK):
                if handle.read(CHUNK) != view[start : start + CHUNK]:
                    return False
            return not handle.read(1)  # nothing more: the file did not grow meanwhile
    except OSError:
        return False


def _files_under(docs_dir: Path, roots: Iterable[str]) -> set[str]:
    files: set[str] = set()
    for root in roots:
        path = docs_dir / root
        if path.is_file():
            files.add(root)
        elif path.is_dir():
            for folder, _, names in os.walk(path):
                under = Path(folder).relative_to(docs_dir).as_posix()
                files.update(f"{under}/{name}" for name in names)
    return files


def _swap(docs_dir: Path, staging: Path, retired: Path, roots: Iterable[str]) -> None:
    """Move each managed root aside and the staged one in: one rename each, undone on failure."""
    retired.mkdir()
    moved_out: list[str] = []
    moved_in: list[str] = []
    try:
        for root in roots:
            current, new = docs_dir / root, staging / root
            if current.exists():
                current.rename(retired / root)
                moved_out.append(root)
            if new.exists():
                new.rename(current)
                moved_in.append(root)
    except BaseException:
        _restore(docs_dir, retired, moved_in, moved_out)
        raise


def _restore(docs_dir: Path, retired: Path, moved_in: list[str], moved_out: list[str]) -> None:
    """Put the previous run's roots back after a swap that failed half-way."""
    for root in moved_in:
        current = docs_dir / root
        if current.is_dir():
            shutil.rmtree(current)
        else:
            current.unlink()
    for root in moved_out:
        (retired / root).rename(docs_dir / root)
