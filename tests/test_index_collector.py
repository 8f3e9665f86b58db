"""The index pauses the cycle collector while it runs and leaves it as it found it."""

from __future__ import annotations

import gc

from generator.index import build_corpus
from generator.knowledge import Knowledge


def test_collector_state_restored(knowledge: Knowledge) -> None:
    assert gc.isenabled()
    build_corpus([], knowledge)
    assert gc.isenabled()
    gc.disable()
    try:
        build_corpus([], knowledge)
        assert not gc.isenabled()
    finally:
        gc.enable()
