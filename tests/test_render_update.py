"""An update renders only the pages whose inputs changed, and writes what a full build writes."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from bench.corpus import FIRST, LAST, write_corpus
from generator import pipeline
from generator.manifest import render_version
from generator.models import Article, DateInfo, Event
from generator.render import articles as article_render
from generator.render.keys import UNPRINTED, article_values, digest, event_values
from tests.conftest import ROOT
from tests.scalekit import generate_into, tree


def _edit(seeds: Path) -> None:
    for path in sorted(seeds.glob("*.txt"))[:2]:
        path.write_text(path.read_text("utf-8") + "\nThe talks resumed on Friday.\n", "utf-8")


def _add(seeds: Path) -> None:
    for path in write_corpus(seeds.parent / "new", 3, seed=41):
        shutil.move(path, seeds / f"new-{path.name}")


def _delete(seeds: Path) -> None:
    files = sorted(seeds.glob("*.txt"))
    for path in (files[len(files) // 2], files[-1]):
        path.unlink()


def _rename_actor(seeds: Path) -> None:
    """Spell a person's given name with an accent in one file ("Ravi" -> "Rávi"): the actor's
    name changes everywhere."""
    people = [f"{first} {last}" for first in FIRST if "a" in first for last in LAST]
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text("utf-8")
        name = next((p for p in people if p in text), None)
        if name is not None:
            path.write_text(text.replace(name, name.replace("a", "á", 1)), "utf-8")
            return
    pytest.fail("no invented person in the corpus: choose another seed")


def _redate(seeds: Path) -> None:
    """Move an article in time: its neighbours, months and the charts' span change."""
    path = sorted(seeds.glob("*.txt"))[3]
    path.write_text("date 2031-05-04\n\n" + path.read_text("utf-8"), "utf-8")


UPDATES: list[Callable[[Path], None]] = [_edit, _add, _delete, _rename_actor, _redate]


def test_each_update_equals_a_full_build(tmp_path: Path) -> None:
    seeds, docs, cache = tmp_path / "seeds", tmp_path / "docs", tmp_path / "cache"
    write_corpus(seeds, 40, seed=3)
    generate_into(seeds, docs, cache)
    assert_updates_equal_full_builds(seeds, docs, cache, tmp_path)


def assert_updates_equal_full_builds(seeds: Path, docs: Path, cache: Path, work: Path) -> None:
    """Apply each of UPDATES to a generated dossier; each must change it as a full build does."""
    for n, update in enumerate(UPDATES):
        before = tree(docs)
        update(seeds)
        generate_into(seeds, docs, cache)
        full = work / f"full-{n}"
        generate_into(seeds, full, None)
        assert tree(docs) == tree(full), update.__name__
        assert tree(docs) != before, update.__name__


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the slugs of the article pages rendered."""
    made: list[str] = []
    render = article_render._article_page

    def counted(*args: object, **kwargs: object) -> object:
        made.append(args[2].slug)  # type: ignore[attr-defined]
        return render(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(article_render, "_article_page", counted)
    return made


def test_an_update_renders_only_the_pages_that_change(tmp_path: Path, rendered: list[str]) -> None:
    seeds, docs, cache = tmp_path / "seeds", tmp_path / "docs", tmp_path / "cache"
    write_corpus(seeds, 30, seed=4)
    first = generate_into(seeds, docs, cache)
    assert len(rendered) == len(first.corpus.articles)
    rendered.clear()
    generate_into(seeds, docs, cache)
    assert rendered == []  # nothing changed
    _edit(seeds)
    generate_into(seeds, docs, cache)
    assert 2 <= len(rendered) < len(first.corpus.articles) // 2


def test_a_page_changed_on_disk_renders_again(tmp_path: Path, rendered: list[str]) -> None:
    seeds, docs, cache = tmp_path / "seeds", tmp_path / "docs", tmp_path / "cache"
    write_corpus(seeds, 8, seed=5)
    generate_into(seeds, docs, cache)
    page = sorted((docs / "articles").glob("*.md"))[0]
    good = page.read_bytes()
    page.write_bytes(b"edited by hand\n")
    (docs / "articles" / sorted(p.name for p in (docs / "articles").glob("*.md"))[1]).unlink()
    rendered.clear()
    generate_into(seeds, docs, cache)
    assert len(rendered) == 2
    assert page.read_bytes() == good
    generate_into(seeds, tmp_path / "full", None)
    assert tree(docs) == tree(tmp_path / "full")


def test_a_changed_renderer_renders_everything(
    tmp_path: Path, rendered: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds, docs, cache = tmp_path / "seeds", tmp_path / "docs", tmp_path / "cache"
    write_corpus(seeds, 6, seed=6)
    generate_into(seeds, docs, cache)
    rendered.clear()
    monkeypatch.setattr(pipeline, "render_version", lambda templates: "another version")
    generate_into(seeds, docs, cache)
    assert len(rendered) == 6


def _plain(value: object) -> bool:
    if isinstance(value, tuple | list):
        return all(_plain(v) for v in value)
    return not dataclasses.is_dataclass(value)


def test_an_article_digest_covers_every_field(tmp_path: Path) -> None:
    seeds, docs = tmp_path / "seeds", tmp_path / "docs"
    write_corpus(seeds, 4, seed=7)
    article = generate_into(seeds, docs, None).corpus.articles[0]
    assert article.actor_mentions and article.event_mentions and article.blocks
    values = article_values(article)
    assert _plain(values)  # nothing left whose repr a future field could hide from the digest
    assert len(values) == len(dataclasses.fields(Article))
    for field in dataclasses.fields(Article):
        if field.name in UNPRINTED:
            continue
        value = getattr(article, field.name)
        other = value[:-1] if isinstance(value, tuple) and value else "changed"
        if isinstance(value, int):
            other = value + 1
        if isinstance(value, DateInfo):
            other = dataclasses.replace(value, phrase="another phrase")
        changed = dataclasses.replace(article, **{field.name: other})
        assert digest(article_values(changed)) != digest(values), field.name


def test_an_event_digest_covers_every_field(tmp_path: Path) -> None:
    seeds, docs = tmp_path / "seeds", tmp_path / "docs"
    write_corpus(seeds, 12, seed=8)
    events = generate_into(seeds, docs, None).corpus.events.values()
    event = max(events, key=lambda e: len(e.articles))
    values = event_values(event)
    assert _plain(values)
    assert len(values) == len(dataclasses.fields(Event))
    for field in dataclasses.fields(Event):
        value = getattr(event, field.name)
        other = value[:-1] if isinstance(value, tuple) and value else "changed"
        if isinstance(value, DateInfo):
            other = dataclasses.replace(value, phrase="another phrase")
        changed = dataclasses.replace(event, **{field.name: other})
        assert digest(event_values(changed)) != digest(values), field.name


def test_no_page_prints_what_article_digests_leave_out() -> None:
    sources = [*(ROOT / "generator" / "render").glob("*.py"), *(ROOT / "templates").iterdir()]
    for path in sources:
        if path.name != "keys.py":
            text = path.read_text("utf-8")
            assert not [name for name in UNPRINTED if name in text], path.name


def test_the_renderer_version_does_not_depend_on_where_the_templates_are(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "templates", tmp_path / "elsewhere")
    assert render_version(tmp_path / "elsewhere") == render_version(ROOT / "templates")
    (tmp_path / "elsewhere" / "article.md.j2").write_text("changed\n", "utf-8")
    assert render_version(tmp_path / "elsewhere") != render_version(ROOT / "templates")
