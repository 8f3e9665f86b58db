"""Shared fixtures: the project's paths and its knowledge, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.knowledge import Knowledge, load_knowledge

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT / "tests" / "corpus"


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    """Return the built-in knowledge plus the project's catalogue."""
    return load_knowledge(ROOT / "catalogue")
