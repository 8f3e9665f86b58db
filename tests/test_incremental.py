"""An update of a built dossier (cache, kept Markdown, dirty MkDocs build) equals a full build."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from generator.incremental import STAMP, changed_labels, touch_pages_naming
from tests.scalekit import build, tree, write_config

pytestmark = pytest.mark.slow


def _update(seeds: Path) -> None:
    """Edit two articles, delete one and add two, as a day's update would."""
    files = sorted(seeds.glob("*.txt"))
    for path in files[:2]:
        path.write_text(path.read_text("utf-8") + "\nThe talks resumed on Friday.\n", "utf-8")
    files[-1].unlink()
    for path in write_corpus(seeds.parent / "new", 2, seed=99):
        shutil.move(path, seeds / f"new-{path.name}")


@pytest.mark.parametrize("only_search", [True, False], ids=["search-plugin-only", "mkdocs.yml"])
def test_update_equals_full_rebuild(tmp_path: Path, only_search: bool) -> None:
    config = write_config(tmp_path, "pagefind", only_search=only_search)
    seeds = tmp_path / "seeds"
    write_corpus(seeds, 16, seed=5)
    updated = tmp_path / "updated"
    build(updated, seeds, config, tmp_path / "cache")
    before = tree(updated / "docs")
    _update(seeds)
    site = build(updated, seeds, config, tmp_path / "cache")

    full = build(tmp_path / "full", seeds, config, cache=None)

    assert tree(updated / "docs") == tree(tmp_path / "full" / "docs")
    assert tree(updated / "docs") != before  # the update did change something
    # Pagefind indexes the whole site afresh each time, so equal HTML gives an equal index; its
    # filter chunks are not byte-reproducible even between two runs on one site (map order).
    skip = (STAMP, "pagefind/")
    assert tree(site, skip=skip) == tree(full, skip=skip)
    for chunks in ("pagefind/index", "pagefind/fragment"):
        assert tree(site / chunks) == tree(full / chunks)
    assert len(tree(site / "pagefind/filter")) == len(tree(full / "pagefind/filter"))


def _html_mtimes(site: Path) -> dict[str, int]:
    return {p.parent.name: p.stat().st_mtime_ns for p in (site / "articles").glob("*/index.html")}


@pytest.mark.parametrize("only_search", [True, False], ids=["search-plugin-only", "mkdocs.yml"])
def test_dirty_build_is_used_when_safe(tmp_path: Path, only_search: bool) -> None:
    """With Pagefind, the second build renders only the pages whose Markdown changed."""
    config = write_config(tmp_path, "pagefind", only_search=only_search)
    seeds = tmp_path / "seeds"
    write_corpus(seeds, 8, seed=6)
    site = build(tmp_path, seeds, config, tmp_path / "cache")
    markdown, html = tree(tmp_path / "docs" / "articles"), _html_mtimes(site)
    _update(seeds)
    build(tmp_path, seeds, config, tmp_path / "cache")
    now_markdown, now_html = tree(tmp_path / "docs" / "articles"), _html_mtimes(site)
    kept = {n.removesuffix(".md") for n, text in markdown.items() if now_markdown.get(n) == text}
    changed = {n.removesuffix(".md") for n in now_markdown if markdown.get(n) != now_markdown[n]}
    assert kept - {"index"} and changed
    assert all(now_html[name] == html[name] for name in kept - {"index"})
    assert all(now_html[name] != html.get(name) for name in changed - {"index"})


def test_changed_config_rebuilds_everything(tmp_path: Path) -> None:
    config = write_config(tmp_path, "pagefind", only_search=True)
    seeds = tmp_path / "seeds"
    write_corpus(seeds, 6, seed=8)
    site = build(tmp_path, seeds, config, tmp_path / "cache")
    page = sorted((site / "articles").glob("*/index.html"))[0]
    mtime = page.stat().st_mtime_ns
    config.write_text(config.read_text("utf-8") + "\ncopyright: Changed\n", "utf-8")
    build(tmp_path, seeds, config, tmp_path / "cache")
    assert page.stat().st_mtime_ns != mtime
    assert b"Changed" in page.read_bytes()


def test_renamed_added_or_dropped_label_marks_the_pages_that_print_it(tmp_path: Path) -> None:
    old = {
        "actors": {"france": "France", "macron": "Macron", "gone": "Gone"},
        "event_types": {"e1": "vote", "e2": "protest", "e3": "vote"},
    }
    new = {
        "actors": {"france": "France", "macron": "Emmanuel Macron", "new": "New"},
        "event_types": {"e1": "election", "e2": "protest", "e4": "vote"},
    }
    # An event gains or loses its type only as it appears or goes: its pages changed already.
    assert changed_labels(old, new) == {"macron", "gone", "new", "e1"}
    names, other = tmp_path / "a.md", tmp_path / "b.md"
    names.write_text("---\nactors:\n- macron\nevents: []\n---\nText\n", "utf-8")
    other.write_text("---\nactors:\n- macronism\nevents:\n- id: e2\n---\nmacron\n", "utf-8")
    for path in (names, other):
        os.utime(path, ns=(0, 0))
    assert touch_pages_naming(tmp_path, {"macron", "e1"}) == 1
    assert names.stat().st_mtime_ns > 0 and other.stat().st_mtime_ns == 0


def test_a_tags_listing_in_a_hand_written_page_forces_a_full_build(tmp_path: Path) -> None:
    from mkdocs.config import load_config

    from generator.incremental import can_build_dirty, write_stamp
    from generator.search import configure_search

    config_file = write_config(tmp_path, "pagefind")
    write_corpus(tmp_path / "seeds", 3, seed=7)
    site = build(tmp_path, tmp_path / "seeds", config_file, cache=None)
    docs = tmp_path / "docs"

    def dirty_allowed() -> bool:
        config = load_config(str(config_file), docs_dir=str(docs), site_dir=str(site))
        configure_search(config, docs)
        write_stamp(config, site)
        return can_build_dirty(config, site)

    assert dirty_allowed()
    (docs / "all-tags.md").write_text("# Tags\n\n<!-- material/tags -->\n", "utf-8")
    assert not dirty_allowed()
    config = load_config(str(config_file), docs_dir=str(docs), site_dir=str(site))
    configure_search(config, docs)
    assert can_build_dirty(config, site, ["index.md", "about.md"])  # reads the pages it is given
