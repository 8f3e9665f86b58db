"""Output does not depend on Python's hash seed: two runs under two seeds write the same bytes.

A set's or a frozenset's order of strings changes with PYTHONHASHSEED; anything that lets such an
order reach a page, the export or a sort without a key would show here as a difference.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEEDS, run_generate
from tests.scalekit import tree

# 0 turns hash randomisation off; 13 made two cache tests fail before they compared sets sorted.
HASH_SEEDS = ("0", "13")

pytestmark = pytest.mark.slow


def _generated(workdir: Path, seed: str) -> dict[str, bytes]:
    result = run_generate(SEEDS, workdir, {"PYTHONHASHSEED": seed})
    assert result.returncode == 0, result.stdout + result.stderr
    return tree(workdir / "docs")


def test_the_seed_site_is_the_same_under_two_hash_seeds(tmp_path: Path) -> None:
    first, second = (_generated(tmp_path / seed, seed) for seed in HASH_SEEDS)
    assert "data/corpus.json" in first and any(name.startswith("articles/") for name in first)
    assert sorted(first) == sorted(second)
    differ = [name for name in first if first[name] != second[name]]
    assert differ == [], f"pages that differ between PYTHONHASHSEED={' and '.join(HASH_SEEDS)}"
