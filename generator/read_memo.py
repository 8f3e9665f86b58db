"""Leave unread the input files that did not change since the last run, as git's index does.

An update that changes ten files of 10,000 would otherwise read, decode and hash them all
(1.6 s) only to find their extractions in the cache. The memo in the cache folder keeps, for
each file that gave an article, its stat signature (size, mtime, ctime and inode) and a digest
of what reading it gave (cache.raw_digest), with the warnings reading it gave (a guessed
encoding), which the report repeats. A file with the same signature now is not opened:
the digest gives its extraction's cache key, and if that entry is gone the file is read after
all. Tools can set a file's mtime but not its ctime, so an edit that keeps size and mtime shows.

The memo holds for the code, encodings.yaml, the libraries and the size limit that read the
files, all of which may change what a file reads as. The catalogue is no part of it: the
extraction key adds it to the digest. A file changed just before the run began is not memoized,
in case a second change within the file system's time resolution leaves the signature as it was
(git's "racy clean" entries): within RACY_NS where the file system keeps whole seconds, within
FINE_RACY_NS (many clock ticks) where its times have fractions of a second.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.cache import code_version, raw_digest
from generator.cache_files import read_pickle, write_pickle
from generator.collector import collector_paused
from generator.knowledge import BUILTIN
from generator.models import Problem, RawArticle
from generator.read import Listing
from generator.versions import package_versions

Signature = tuple[int, int, int, int]  # size, mtime in ns, ctime in ns, inode
# A file's signature, the digest of what reading it gave, and the warnings reading it gave.
Entry = tuple[Signature, bytes, tuple[Problem, ...]]
# Libraries whose output is part of what a file reads as.
LIBRARIES = ("ftfy", "charset-normalizer", "trafilatura", "PyYAML", "python-frontmatter")
RACY_NS = 2_000_000_000  # FAT keeps mtimes to 2 s, some others to 1 s
FINE_RACY_NS = 100_000_000  # Linux stamps files with a clock of 1-10 ms ticks
# Windows' ctime is the file's creation time, which an edit leaves as it was: no memo there.
CTIME_CHANGES = sys.platform != "win32"


@dataclass(frozen=True, slots=True)
class ReadMemo:
    """What reading each file gave, by its path under the input folder, for the reader `version`."""

    version: str
    files: dict[str, Entry]


@dataclass(frozen=True, slots=True)
class Recall:
    """The files of a listing unchanged since the memo was written, and their signatures now."""

    memo: ReadMemo  # as the last run left it, or empty
    signatures: dict[str, Signature]  # every listed file that could be stat'ed
    digests: dict[str, bytes]  # the unchanged files: the digest of what reading them gave
    warnings: dict[str, tuple[Problem, ...]]  # and the warnings reading them gave
    started_ns: int  # the clock when the signatures were taken


def memo_path(cache_dir: Path) -> Path:
    """Return where the memo is kept."""
    return cache_dir / "read.pickle"


def reader_version(max_bytes: int) -> str:
    """Return a hash of all that decides what a file reads as: code, data, libraries, limit."""
    digest = hashlib.sha256(f"{sys.version}\0{code_version()}\0{max_bytes}\0".encode())
    digest.update((BUILTIN / "encodings.yaml").read_bytes())  # what choosing an encoding weighs
    digest.update(package_versions(LIBRARIES))
    return digest.hexdigest()


def recall(cache_dir: Path | None, listing: Listing, max_bytes: int) -> Recall:
    """Return which listed files are unchanged since the memo in `cache_dir` was written."""
    started_ns = time.time_ns()  # before any signature: a change from now on is newer
    if cache_dir is None or not CTIME_CHANGES:
        return Recall(ReadMemo("", {}), {}, {}, {}, started_ns)
    memo = load_memo(cache_dir, reader_version(max_bytes))
    signatures = {source: sig for path, source in listing.files if (sig := _signature(path))}
    unchanged = {s: e for s, e in memo.files.items() if signatures.get(s) == e[0]}
    digests = {source: entry[1] for source, entry in unchanged.items()}
    warnings = {source: entry[2] for source, entry in unchanged.items()}
    return Recall(memo, signatures, digests, warnings, started_ns)


def remember(
    cache_dir: Path | None, recalled: Recall, kept: Collection[str], raws: Sequence[RawArticle]
) -> None:
    """Write the memo for the next run: the `kept` files as they were, and the files just read.

    `kept` are the unchanged files whose extraction came from the cache, `raws` what the files
    read this time gave; a file changed too near the start of the run is left out.
    """
    if cache_dir is None or not CTIME_CHANGES:
        return
    files = {source: recalled.memo.files[source] for source in kept}
    settled = recalled.started_ns - racy_window(recalled.signatures.values())
    for raw in raws:
        signature = recalled.signatures.get(raw.source)
        if signature is not None and signature[2] < settled:
            files[raw.source] = (signature, raw_digest(raw), raw.warnings)
    if files != recalled.memo.files:
        save_memo(cache_dir, ReadMemo(recalled.memo.version, files))


def racy_window(signatures: Iterable[Signature]) -> int:
    """Return how long before the run a change makes a file untrusted to the memo.

    A file system whose times are all whole seconds keeps no finer ones: RACY_NS there.
    """
    coarse = all(signature[2] % 1_000_000_000 == 0 for signature in signatures)
    return RACY_NS if coarse else min(FINE_RACY_NS, RACY_NS)


def load_memo(cache_dir: Path, version: str) -> ReadMemo:
    """Return the memo in `cache_dir` if it was written for `version`, else an empty one."""
    with collector_paused():
        memo = read_pickle(memo_path(cache_dir))
    if not isinstance(memo, ReadMemo) or memo.version != version:
        return ReadMemo(version, {})
    return memo


def save_memo(cache_dir: Path, memo: ReadMemo) -> None:
    """Write the memo for the next run (atomically: see cache_files.py)."""
    write_pickle(memo_path(cache_dir), memo)


def _signature(path: Path) -> Signature | None:
    """Return the file's size, mtime, ctime and inode, or None if it cannot be stat'ed."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino
