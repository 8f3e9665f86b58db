"""The read memo: unchanged files are not opened, and the result equals a run that read them all."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from bench.corpus import write_corpus
from generator import pipeline, read, read_memo
from generator.models import Article, Corpus
from generator.pipeline import Settings, Timings, generate_corpus
from tests.badinputs import PROSE
from tests.conftest import ROOT
from tests.plain import plain
from tests.scalekit import generate_docs, tree

BINARY = bytes(range(256)) * 4  # not text: read every time, and reported every time
CUSTOM = "custom.txt"


def _text(headline: str, note: str) -> str:
    """Return an article of its own: the same prose with another note would be a duplicate."""
    return f"{headline}\n\n{note} {PROSE}\n"


@pytest.fixture(autouse=True)
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Memoize files written a moment ago: these tests change them only after a run."""
    monkeypatch.setattr(read_memo, "RACY_NS", 0)


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """Write a small corpus with a front matter file, an odd name, a bad file and a hidden one."""
    folder = tmp_path / "seeds"
    write_corpus(folder, 6, seed=23)
    (folder / CUSTOM).write_text(_text("Headline One", "Zorblat Institute said on Monday."))
    # Read with a warning about its name, which a memo hit must give too.
    (folder / "with space.txt").write_text(_text("Odd name", "Ships waited offshore."))
    # Read with a warning about its encoding (a guess), which a memo hit must give too.
    (folder / "legacy.txt").write_bytes("Crème Genève".encode("cp1252"))
    (folder / "sub").mkdir()
    (folder / "sub" / "front.md").write_text("---\ntitle: Front matter\n---\n\n" + PROSE)
    (folder / "broken.txt").write_bytes(BINARY)
    (folder / ".hidden.txt").write_text(PROSE)
    return folder


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Return the list of files read_article opens from now on, by their name."""
    names: list[str] = []
    real = read.read_article

    def recorded(path: Path, root: Path, *args: Any) -> object:
        names.append(path.relative_to(root).as_posix())
        return real(path, root, *args)

    monkeypatch.setattr(read, "read_article", recorded)
    return names


@pytest.fixture
def indexed(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Return the files of the articles each run hands to the index, in the order handed."""
    runs: list[list[str]] = []
    real = pipeline.build_corpus

    def recorded(articles: list[Article], *args: Any) -> Corpus:
        runs.append([a.source_file for a in articles])
        return real(articles, *args)

    monkeypatch.setattr(pipeline, "build_corpus", recorded)
    return runs


def _settings(seeds: Path, cache: Path | None, **changes: object) -> Settings:
    values: dict[str, object] = {"catalogue_dir": ROOT / "catalogue", **changes}
    return Settings(input_dir=seeds, cache_dir=cache, **values)  # type: ignore[arg-type]


def _corpus(settings: Settings) -> Corpus:
    return generate_corpus(settings, Timings())


def _same(corpus: Corpus, expected: Corpus) -> None:
    """Check two corpora hold the same articles, in the same order, and the same problems."""
    # printed, not ==: some fields are left out of comparisons (an actor's name, say)
    assert [plain(a) for a in corpus.articles] == [plain(a) for a in expected.articles]
    assert plain(dict(corpus.actors)) == plain(dict(expected.actors))
    assert [str(p) for p in corpus.problems] == [str(p) for p in expected.problems]


def _articles(seeds: Path) -> list[str]:
    names = [p.relative_to(seeds).as_posix() for p in seeds.rglob("*") if p.is_file()]
    return sorted(n for n in names if not n.startswith(".") and n != "broken.txt")


def test_unchanged_files_are_not_opened(seeds: Path, tmp_path: Path, opened: list[str]) -> None:
    cache = tmp_path / "cache"
    first = _corpus(_settings(seeds, cache))
    assert sorted(opened) == sorted([*_articles(seeds), "broken.txt"])
    assert read_memo.memo_path(cache).is_file()
    opened.clear()
    again = _corpus(_settings(seeds, cache))
    assert opened == ["broken.txt"]  # gave no article: read again, reported again
    _same(again, first)
    _same(again, _corpus(_settings(seeds, None)))
    reasons = {p.source: p.reason for p in again.problems}
    assert "spaces" in reasons["with space.txt"] and ".hidden.txt" in reasons
    assert reasons["legacy.txt"].startswith("the encoding is a guess")


def test_an_edit_that_keeps_size_and_mtime_is_seen(
    seeds: Path, tmp_path: Path, opened: list[str]
) -> None:
    cache = tmp_path / "cache"
    path = seeds / CUSTOM
    _corpus(_settings(seeds, cache))
    before = path.stat()
    path.write_text(path.read_text().replace("Headline One", "Headline Two"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    opened.clear()
    corpus = _corpus(_settings(seeds, cache))
    assert opened == ["broken.txt", CUSTOM]
    assert "Headline Two" in [a.title for a in corpus.articles]
    _same(corpus, _corpus(_settings(seeds, None)))


def test_deleted_added_and_renamed_files(
    seeds: Path, tmp_path: Path, opened: list[str], indexed: list[list[str]]
) -> None:
    cache = tmp_path / "cache"
    _corpus(_settings(seeds, cache))
    first, second, *_ = sorted(seeds.glob("0*.txt"))
    first.unlink()
    second.rename(seeds / "sub" / "renamed.txt")
    (seeds / "added.txt").write_text(_text("Added today", "Cranes stood still."))
    opened.clear()
    corpus = _corpus(_settings(seeds, cache))
    assert sorted(opened) == ["added.txt", "broken.txt", "sub/renamed.txt"]
    sources = [a.source_file for a in corpus.articles]
    assert first.name not in sources and second.name not in sources
    assert "sub/renamed.txt" in sources and "added.txt" in sources
    _same(corpus, _corpus(_settings(seeds, None)))
    assert indexed[-2] == indexed[-1]  # in the order of the files, whether read or not
    assert indexed[-1] == sorted(indexed[-1], key=lambda name: name.split("/"))


def test_a_catalogue_change_extracts_again(seeds: Path, tmp_path: Path, opened: list[str]) -> None:
    cache, catalogue = tmp_path / "cache", tmp_path / "catalogue"
    shutil.copytree(ROOT / "catalogue", catalogue)
    before = _corpus(_settings(seeds, cache, catalogue_dir=catalogue))
    with (catalogue / "actors.yaml").open("a") as handle:
        handle.write("- id: zorblat\n  name: Zorblat Research Institute\n  type: organization\n")
        handle.write("  aliases: [Zorblat Institute]\n")
    opened.clear()
    after = _corpus(_settings(seeds, cache, catalogue_dir=catalogue))
    assert sorted(opened) == sorted([*_articles(seeds), "broken.txt"])  # no entry to take
    custom = {a.source_file: a for a in after.articles}[CUSTOM]
    assert "zorblat" in custom.actor_ids
    assert "zorblat" not in {a.source_file: a for a in before.articles}[CUSTOM].actor_ids
    _same(after, _corpus(_settings(seeds, None, catalogue_dir=catalogue)))


def test_a_missing_or_unreadable_entry_reads_the_file(
    seeds: Path, tmp_path: Path, opened: list[str]
) -> None:
    cache = tmp_path / "cache"
    first = _corpus(_settings(seeds, cache))
    entries = sorted((cache / "extract").rglob("*.pickle"))
    entries[0].unlink()
    entries[1].write_bytes(b"not a pickle")
    opened.clear()
    corpus = _corpus(_settings(seeds, cache))
    assert len(opened) == 3 and "broken.txt" in opened
    _same(corpus, first)
    opened.clear()
    _same(_corpus(_settings(seeds, cache)), first)
    assert opened == ["broken.txt"]  # the entries are back


def test_a_smaller_size_limit_reads_again(seeds: Path, tmp_path: Path, opened: list[str]) -> None:
    cache = tmp_path / "cache"
    _corpus(_settings(seeds, cache))
    limit = (seeds / CUSTOM).stat().st_size - 1
    opened.clear()
    corpus = _corpus(_settings(seeds, cache, max_bytes=limit))
    assert CUSTOM in opened
    assert "larger than" in {p.source: p.reason for p in corpus.problems}[CUSTOM]
    _same(corpus, _corpus(_settings(seeds, None, max_bytes=limit)))


def test_a_file_changed_just_before_the_run_is_read_again(
    seeds: Path, tmp_path: Path, opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A second change within the file system's time resolution could leave size, mtime and
    # ctime as they were: a file changed that near the run is not trusted to the memo.
    monkeypatch.setattr(read_memo, "RACY_NS", 3600 * 10**9)
    monkeypatch.setattr(read_memo, "FINE_RACY_NS", 3600 * 10**9)
    cache = tmp_path / "cache"
    _corpus(_settings(seeds, cache))
    opened.clear()
    _corpus(_settings(seeds, cache))
    assert sorted(opened) == sorted([*_articles(seeds), "broken.txt"])


def test_the_racy_window_follows_the_file_systems_time_step(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(read_memo, "RACY_NS", 2 * 10**9)
    whole = [(10, 5 * 10**9, 7 * 10**9, 1), (11, 6 * 10**9, 8 * 10**9, 2)]  # FAT, 1 s FS
    assert read_memo.racy_window(whole) == 2 * 10**9
    fine = [*whole, (12, 6 * 10**9 + 417, 8 * 10**9 + 123_456, 3)]
    assert read_memo.racy_window(fine) == read_memo.FINE_RACY_NS < 2 * 10**9


def test_without_a_cache_folder_every_file_is_read(
    seeds: Path, tmp_path: Path, opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        opened.clear()
        _corpus(_settings(seeds, None))
        assert sorted(opened) == sorted([*_articles(seeds), "broken.txt"])
    assert not list(tmp_path.rglob(read_memo.memo_path(Path()).name))


def test_where_an_edit_leaves_ctime_every_file_is_read(
    seeds: Path, tmp_path: Path, opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows ctime is the creation time, which an edit keeps: the memo is not used."""
    monkeypatch.setattr(read_memo, "CTIME_CHANGES", False)
    cache = tmp_path / "cache"
    for _ in range(2):
        opened.clear()
        _corpus(_settings(seeds, cache))
        assert sorted(opened) == sorted([*_articles(seeds), "broken.txt"])
    assert not read_memo.memo_path(cache).exists()


def test_the_docs_equal_a_run_without_the_cache(seeds: Path, tmp_path: Path) -> None:
    cached, fresh = tmp_path / "cached", tmp_path / "fresh"
    generate_docs(cached, seeds, tmp_path / "cache")
    (seeds / "added.txt").write_text(_text("Added today", "Cranes stood still."))
    next(seeds.glob("0*.txt")).unlink()
    report = generate_docs(cached, seeds, tmp_path / "cache")
    expected = generate_docs(fresh, seeds, None)
    assert tree(cached / "docs") == tree(fresh / "docs")
    assert report.corpus.problems == expected.corpus.problems
