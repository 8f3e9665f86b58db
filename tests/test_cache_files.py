"""Cache files: written atomically, and read back as None whatever state they were left in."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from generator import cache_files


def test_a_pickle_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "memo.pickle"
    cache_files.write_pickle(path, {"a": (1, "b")})
    assert cache_files.read_pickle(path) == {"a": (1, "b")}


@pytest.mark.parametrize(
    "data",
    [b"", b"not a pickle", pickle.dumps(list(range(100)))[:-5]],
    ids=["empty", "garbage", "cut short"],
)
def test_an_unreadable_file_reads_as_none(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "memo.pickle"
    path.write_bytes(data)
    assert cache_files.read_pickle(path) is None
    assert cache_files.read_pickle(tmp_path / "absent.pickle") is None


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "memo.pickle"
    cache_files.write_pickle(path, "old")

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    cache_files.write_pickle(path, "new")  # no error: a cache only makes runs faster
    assert cache_files.read_pickle(path) == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.pickle"]
