"""Writing docs/: atomic swap, stale pages removed, hand-written pages untouched, reproducible."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import write
from generator.models import Page
from generator.pipeline import Settings, generate
from generator.write import RETIRED, STAGING, write_pages
from tests.badinputs import copy_seeds, make_bad_inputs
from tests.conftest import ROOT

ROOTS = ("index.md", "articles", "report")


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _pages(*slugs: str) -> list[Page]:
    pages = [Page.of("index.md", "# Home\n"), Page.of("report/index.md", "# Report\n")]
    return pages + [Page.of(f"articles/{s}.md", f"# {s}\n") for s in slugs]


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """Return a docs/ folder with hand-written pages and one earlier generation."""
    folder = tmp_path / "docs"
    (folder / "assets").mkdir(parents=True)
    (folder / "about.md").write_text("# About\n\nWritten by hand.\n")
    (folder / "assets" / "dossier.css").write_text("body { color: black; }\n")
    write_pages(_pages("alpha", "beta"), folder, ROOTS)
    return folder


def test_pages_of_removed_articles_disappear(docs: Path) -> None:
    report = write_pages(_pages("alpha"), docs, ROOTS)
    assert not (docs / "articles" / "beta.md").exists()
    assert (docs / "articles" / "alpha.md").read_text() == "# alpha\n"
    assert report.removed == 1 and report.unchanged == 3 and report.written == 0


def test_hand_written_pages_are_never_touched(docs: Path) -> None:
    about, css = docs / "about.md", docs / "assets" / "dossier.css"
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino) for p in (about, css)}
    write_pages(_pages("gamma"), docs, ROOTS)
    write_pages([], docs, ROOTS)
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino) for p in before} == before
    assert sorted(p.name for p in docs.iterdir()) == ["about.md", "assets"]


def test_unchanged_pages_keep_their_file(docs: Path) -> None:
    alpha = docs / "articles" / "alpha.md"
    inode = alpha.stat().st_ino
    write_pages(_pages("alpha", "delta"), docs, ROOTS)
    assert alpha.stat().st_ino == inode


def test_failure_while_staging_leaves_docs_as_it_was(
    docs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _tree(docs)
    calls = {"n": 0}
    real = Path.write_bytes

    def failing(self: Path, data: bytes) -> int:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(OSError, match="No space"):
        write_pages(_pages("new-1", "new-2", "new-3"), docs, ROOTS)
    assert _tree(docs) == before
    assert not (docs / STAGING).exists()


@pytest.mark.parametrize("fail_at", [1, 2, 3, 4])
def test_failure_during_the_swap_is_undone(
    docs: Path, monkeypatch: pytest.MonkeyPatch, fail_at: int
) -> None:
    before = _tree(docs)
    calls = {"n": 0}
    real = Path.rename

    def failing(self: Path, target: Path | str) -> Path:
        calls["n"] += 1
        if calls["n"] == fail_at:
            raise KeyboardInterrupt  # the user pressed Ctrl-C half-way through
        return real(self, target)

    monkeypatch.setattr(Path, "rename", failing)
    with pytest.raises(KeyboardInterrupt):
        write_pages(_pages("new"), docs, ROOTS)
    monkeypatch.undo()
    assert _tree(docs) == before
    assert not (docs / STAGING).exists() and not (docs / RETIRED).exists()
    write_pages(_pages("new"), docs, ROOTS)
    assert (docs / "articles" / "new.md").exists()


def test_failed_generation_leaves_docs_intact(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    settings = Settings(ROOT / "seeds", docs, ROOT / "templates", ROOT / "catalogue")
    generate(settings)
    before = _tree(docs)
    broken = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", broken)
    (broken / "article.md.j2").write_text("{{ no_such_variable }}\n")
    with pytest.raises(Exception, match="no_such_variable"):
        generate(Settings(ROOT / "seeds", docs, broken, ROOT / "catalogue"))
    assert _tree(docs) == before


def test_two_runs_give_byte_identical_docs(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    copy_seeds(inputs)
    make_bad_inputs(inputs)
    trees = []
    for run in ("one", "two"):
        docs = tmp_path / run
        generate(Settings(inputs, docs, ROOT / "templates", ROOT / "catalogue", 20_000))
        trees.append(_tree(docs))
    assert trees[0] == trees[1]
    assert set(trees[0]) >= {"index.md", "report/index.md", "articles/index.md"}


def test_a_page_holds_its_text_as_utf8() -> None:
    page = Page.of("articles/café.md", "# Café — “quoted”\n")
    assert page.data == "# Café — “quoted”\n".encode()
    assert page.text == "# Café — “quoted”\n"


@pytest.mark.parametrize(
    ("old", "same"),
    [(b"abcdefg", True), (b"abcdefX", False), (b"Xbcdefg", False), (b"abcdef", False)],
)
def test_same_bytes_compares_in_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: bytes, same: bool
) -> None:
    monkeypatch.setattr(write, "CHUNK", 3)  # several chunks and a short last one
    path = tmp_path / "page.md"
    path.write_bytes(old)
    assert write._same_bytes(path, b"abcdefg") is same
    assert write._same_bytes(tmp_path / "absent.md", b"") is False
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    assert write._same_bytes(empty, b"") is True
