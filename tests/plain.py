"""Print values for comparison whatever the hash seed: sets sorted."""

from __future__ import annotations

import dataclasses


def plain(value: object) -> str:
    """Return every field of a value as text, sets sorted: a set's order depends on the hash
    seed and on the order its members were added, so two equal sets may print apart (a set
    read back from the cache, say, and the same set built anew)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        parts = (f"{f.name}={plain(getattr(value, f.name))}" for f in dataclasses.fields(value))
        return f"{type(value).__name__}({', '.join(parts)})"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(map(plain, value))) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(map(plain, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(sorted(f"{plain(k)}: {plain(v)}" for k, v in value.items())) + "}"
    return repr(value)
