"""Keep what finding duplicates compared, so that an update compares only new pairs of bodies.

Bodies that share an opening or closing paragraph are compared character by character
(duplicates.py), which took half a second at 10,000 articles on every run. The verdict on two
bodies depends only on their normalised texts, which their digests stand for, and on the code
that compares them: the memo in the cache folder keeps, for the code and library that found
them, the verdicts of the pairs the last run asked about (those of removed articles drop out).
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.cache_files import read_pickle, write_pickle
from generator.collector import collector_paused
from generator.extract import fingerprint
from generator.index import duplicates
from generator.index.duplicates import Pair, Verdicts
from generator.versions import package_versions

# Libraries whose answer is part of a verdict.
LIBRARIES = ("rapidfuzz",)


@dataclass(frozen=True, slots=True)
class DuplicateMemo:
    """Whether two bodies tell one story, by their digests, as the code `version` found."""

    version: str
    verdicts: dict[Pair, bool]


def memo_version() -> str:
    """Return a hash of what decides a verdict: the comparing code and its library."""
    digest = hashlib.sha256(sys.version.encode())
    for module in (duplicates, fingerprint):  # the comparison, and its word count
        digest.update(Path(str(module.__file__)).read_bytes() + b"\0")
    digest.update(package_versions(LIBRARIES))
    return digest.hexdigest()


def memo_path(cache_dir: Path) -> Path:
    """Return where the memo is kept."""
    return cache_dir / "duplicates.pickle"


def load_verdicts(cache_dir: Path | None) -> Verdicts:
    """Return the verdicts the last run kept, if the same code found them; else none."""
    if cache_dir is None:
        return Verdicts()
    with collector_paused():  # its pass over the loaded articles would free nothing
        memo = read_pickle(memo_path(cache_dir))
    if not isinstance(memo, DuplicateMemo) or memo.version != memo_version():
        return Verdicts()
    return Verdicts(known=memo.verdicts)


def save_verdicts(cache_dir: Path | None, verdicts: Verdicts) -> None:
    """Keep this run's verdicts for the next run, unless they are those already kept."""
    if cache_dir is None or verdicts.asked == verdicts.known:
        return
    write_pickle(memo_path(cache_dir), DuplicateMemo(memo_version(), verdicts.asked))
