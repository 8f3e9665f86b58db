"""Files in the cache folder: written atomically, read back whatever state they were left in.

Everything in `.dossier-cache/` is the user's own, written only by Dossier, so it may be
unpickled. A run may stop mid-write or run beside another: a file is written under a temporary
name and renamed, so a reader finds the old file or the new one, never half of one. A file that
cannot be written or read back only makes the next run slower.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
from pathlib import Path

# What unpickling a file that is missing, cut short, or from other code can raise.
UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError)


def read_pickle(path: Path) -> object | None:
    """Return the object pickled at `path`, or None if the file is absent or unreadable."""
    try:
        with path.open("rb") as handle:
            value: object = pickle.load(handle)
    except UNREADABLE:
        return None
    return value


def write_bytes(path: Path, data: bytes) -> None:
    """Write `data` at `path` atomically; on failure leave the old file and no temporary one."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def write_pickle(path: Path, value: object) -> None:
    """Pickle `value` at `path` atomically (see write_bytes)."""
    write_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
