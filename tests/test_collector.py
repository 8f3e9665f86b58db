"""The cycle collector set aside for what exists, while new garbage is still collected."""

from __future__ import annotations

import gc
import weakref

from generator.collector import collector_skips_existing


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_existing_objects_are_set_aside_for_the_block_only() -> None:
    assert gc.get_freeze_count() == 0
    before = _Node()
    with collector_skips_existing():
        assert gc.get_freeze_count() > 0
        assert not any(o is before for o in gc.get_objects())  # set aside, not collected
        made = weakref.ref(_Node())
        gc.collect()
        assert made() is None  # garbage made inside the block is still collected
    assert gc.get_freeze_count() == 0
    assert any(o is before for o in gc.get_objects())


def test_objects_set_aside_go_back_when_the_block_fails() -> None:
    try:
        with collector_skips_existing():
            raise RuntimeError("build failed")
    except RuntimeError:
        pass
    assert gc.get_freeze_count() == 0
