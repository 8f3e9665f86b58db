"""The installed versions of the libraries a cached result depends on, for its version key."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import metadata


def package_versions(names: Iterable[str]) -> bytes:
    """Return each package's name and installed version ("-" if absent), for hashing."""
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}\0")
        except metadata.PackageNotFoundError:
            found.append(f"{name} -\0")
    return "".join(found).encode()
