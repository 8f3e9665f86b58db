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
        assert touch_until(changed, tmp_path / "b.txt"), "no regeneration after a new file"
        changed.clear()
        assert touch_until(changed, tmp_path / "c.txt"), "the watcher died after a failure"
    finally:
        stop.set()
        thread.join(5)
    assert len(calls) >= 2


def touch_until(event: threading.Event, path: Path) -> bool:
    """Write `path` again and again until `event` is set (the watcher may not have started)."""
    for attempt in range(100):
        path.write_text("x" * (attempt + 1))
        if event.wait(0.1):
            return True
    return False
