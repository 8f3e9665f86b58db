"""`serve` regenerates the pages when a file in the input folder changes."""

from __future__ import annotations

import threading
from pathlib import Path

from generator.site import _watch


def test_watcher_regenerates_after_a_change_and_survives_a_failure(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One.")
    calls: list[int] = []
    changed = threading.Event()

    def regenerate() -> None:
        calls.append(1)
        changed.set()
        if len(calls) == 1:
            raise RuntimeError("a broken save")

    stop = threading.Event()
    thread = threading.Thread(target=_watch, args=(tmp_path, regenerate, stop, 0.02), daemon=True)
    thread.start()
    try:
        (tmp_path / "b.txt").write_text("Two.")
        assert changed.wait(10), "no regeneration after a new file"
        changed.clear()
        (tmp_path / "a.txt").write_text("One, edited at more length.")
        assert changed.wait(10), "the watcher stopped after a failed regeneration"
    finally:
        stop.set()
        thread.join(5)
    assert len(calls) == 2
