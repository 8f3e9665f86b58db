"""The timeline, the events and actors indexes and the build report stay flat as a dossier grows.

Past PER_PAGE entries each becomes a landing page over pages of a month, a type (and year), a
run of files or an actor type; a new entry rewrites its own page and the landing page, no other.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
import re
from functools import cache
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from bench.corpus import write_corpus
from generator.models import Actor, Corpus, DateInfo, Event, EventRef, Page, Problem
from generator.render import actor_index, event_index, render_pages, report, sheets
from generator.render.actor_index import actors_index
from generator.render.environment import make_environment
from generator.render.event_index import events_index
from generator.render.paging import PER_PAGE
from generator.render.report import render_report
from generator.write import write_pages
from tests.conftest import ROOT
from tests.scalekit import fresh_docs, generate_into, tree, write_config
from tests.test_page_size import corpus_of
from tests.test_render_update import assert_updates_equal_full_builds

START = dt.date(2020, 1, 1)
TYPES = ("summoning", "phone_call", "vote")
LINK = re.compile(r"\]\(<?([^)<>#\s]+\.md)")
SPLIT = ("timeline/", "events/by-type/", "report/")


def _event(i: int) -> Event:
    """Return event i: most of them dated over two years, one in eight undated, a few only to
    the year; types so spread that the first holds most."""
    day = None if i % 8 == 5 else START + dt.timedelta(days=(i * 13) % 730)
    precision = "year" if i % 50 == 3 else "day"
    if day and precision == "year":
        day = day.replace(month=1, day=1)
    return Event(
        f"event-{i:05d}",
        f"Event number {i} <b>*bold*</b> [x](y)",
        TYPES[0] if i % 4 else TYPES[1 + i % 8 // 4],
        DateInfo(day, "explicit" if day else "unknown", precision=precision),
        ("country-a",),
        articles=tuple(EventRef(f"a{k:05d}", "reports", (0,)) for k in range(i % 3 + 1)),
    )


def _problem(i: int) -> Problem:
    return Problem(f"folder/file-{(i * 7919) % 100_000:05d}|{i}.txt", f"reason {i} *x*", i % 5 == 0)


def _actor(i: int) -> Actor:
    kind = ("person", "organization", "country", "ship")[i % 4]  # "ship": no heading of its own
    return Actor(f"actor-{i:05d}", f"{'Zyxw'[i % 4]}{(i * 7919) % 100_000:05d} <i>name</i>", kind)


@cache
def corpus_with(events: int, problems: int, actors: int = 0) -> Corpus:
    """Return a corpus of 30 articles with `events` events, `problems` problems and, besides
    its own 21 actors, `actors` more."""
    base = corpus_of(30)
    found = {e.id: e for e in sorted((_event(i) for i in range(events)), key=lambda e: e.id)}
    listed = tuple(sorted((_problem(i) for i in range(problems)), key=lambda p: p.source))
    more = {a.id: a for a in map(_actor, range(actors))}
    named = {a: base.actor_articles.get(a, ()) or ("a00001",) * (int(a[-1:]) + 1) for a in more}
    return dataclasses.replace(
        base,
        events=found,
        problems=listed,
        actors=dict(sorted({**base.actors, **more}.items())),
        actor_articles=dict(sorted({**base.actor_articles, **named}.items())),
    )


@cache
def index_pages(events: int, problems: int, actors: int = 0) -> dict[str, Page]:
    """Render the events index, the timeline, the report and the actors index, by path."""
    corpus, env = corpus_with(events, problems, actors), make_environment(ROOT / "templates")
    pages = events_index(corpus, env) + render_report(corpus, env) + actors_index(corpus, env)
    return {p.path: p for p in pages}


def _links_from(path: str, page: Page) -> set[str]:
    start = posixpath.dirname(path)
    return {posixpath.normpath(posixpath.join(start, t)) for t in LINK.findall(page.text)}


ENTRY = re.compile(r"\n(?:- |\| folder/)")


@pytest.mark.parametrize("folder", ["timeline/", "events/", "report/", "actors/"])
def test_no_index_page_grows_with_the_dossier(folder: str) -> None:
    """Pages hold at most PER_PAGE entries however many there are: more make more pages."""
    counts = []
    for n in (1000, 4000, 12_000):
        pages = {p: page for p, page in index_pages(n, n, n).items() if p.startswith(folder)}
        for path, page in pages.items():
            assert len(ENTRY.findall(page.text)) <= PER_PAGE, (n, path)
            assert len(page.data) < 100_000, (n, path)
        counts.append(len(pages))
    assert counts[0] < counts[1] < counts[2]


def test_a_short_list_stays_on_one_page() -> None:
    pages = index_pages(PER_PAGE, PER_PAGE, PER_PAGE - 21)
    assert sorted(pages) == [
        "actors/index.md",
        "events/index.md",
        "report/index.md",
        "timeline/index.md",
    ]
    assert pages["actors/index.md"].text.count("\n- ") == PER_PAGE
    assert pages["timeline/index.md"].text.count("\n- ") == PER_PAGE
    assert pages["report/index.md"].text.count("\n| folder/") == PER_PAGE


def test_every_entry_is_on_exactly_one_page_reached_from_its_landing_page() -> None:
    pages, corpus = index_pages(4000, 4000, 4000), corpus_with(4000, 4000, 4000)
    for landing, folder in [
        ("timeline/index.md", "timeline/"),
        ("events/index.md", "events/by-type/"),
        ("report/index.md", "report/"),
        ("actors/index.md", "actors/by-type/"),
    ]:
        sheets = _links_from(landing, pages[landing]) - {"timeline/index.md"}
        assert sheets == {p for p in pages if p.startswith(folder) and p != landing}
    for folder in ("timeline/", "events/by-type/"):
        listed = [
            target
            for path, page in pages.items()
            if path.startswith(folder) and not path.endswith("index.md")
            for target in _links_from(path, page)
            if not target.startswith(folder) and target != "events/index.md"
        ]
        assert sorted(listed) == sorted(f"events/{i}.md" for i in corpus.events), folder
    listed = [
        target
        for path, page in pages.items()
        if path.startswith("actors/by-type/")
        for target in _links_from(path, page)
        if not target.startswith(("actors/by-type/", "actors/index.md"))
    ]
    assert sorted(listed) == sorted(f"actors/{i}.md" for i in corpus.actors)
    rows = [
        line
        for path, page in pages.items()
        if path.startswith("report/problems-")
        for line in page.text.splitlines()
        if line.startswith("| folder/")
    ]
    assert len(rows) == len(corpus.problems)
    assert len(set(rows)) == len(rows)


def test_every_link_between_the_pages_resolves() -> None:
    pages, corpus = index_pages(4000, 4000, 4000), corpus_with(4000, 4000, 4000)
    items = {f"events/{i}.md" for i in corpus.events} | {f"actors/{i}.md" for i in corpus.actors}
    for path, page in pages.items():
        for target in _links_from(path, page):
            assert target in pages or target in items, (path, target)


def test_a_month_of_many_events_is_split_in_parts_linked_in_turn() -> None:
    pages = index_pages(12_000, 0)
    parts = [p for p in pages if re.fullmatch(r"timeline/2020-01(-\d+)?\.md", p)]
    assert len(parts) > 1, "a month of more than PER_PAGE events"
    assert all(pages[p].text.count("\n- ") <= PER_PAGE for p in parts)
    first, second = pages["timeline/2020-01.md"].text, pages["timeline/2020-01-2.md"].text
    assert "[January 2020, part 2 →](2020-01-2.md)" in first
    assert "[← January 2020, part 1](2020-01.md)" in second


def test_types_whose_names_slug_alike_get_pages_of_their_own() -> None:
    corpus = corpus_with(400, 0)
    odd = ["phone-call", "Phone call!", "<script>", "встреча"]
    extra = {
        f"odd-{i}": dataclasses.replace(_event(i), id=f"odd-{i}", type=kind)
        for i, kind in enumerate(odd)
    }
    grown = dataclasses.replace(corpus, events={**corpus.events, **extra})
    pages = {p.path: p for p in events_index(grown, make_environment(ROOT / "templates"))}
    paths = sorted(p for p in pages if p.startswith("events/by-type/"))
    for event_id in extra:
        assert sum(f"/{event_id}.md" in pages[p].text for p in paths) == 1
    assert {"events/by-type/phone-call.md", "events/by-type/phone-call-2.md"} <= set(paths)
    assert "events/by-type/script.md" in paths and "events/by-type/vstrecha.md" in paths
    assert "<script>" not in pages["events/index.md"].text


def _changed(before: dict[str, Page], after: dict[str, Page]) -> set[str]:
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def test_a_new_event_changes_its_pages_and_the_landing_pages_only() -> None:
    before = {
        p: page
        for p, page in index_pages(4000, 0).items()
        if p.startswith(("timeline/", "events/"))
    }
    for i in (4000, 4001, 4005):  # a dated event of a small type, one of the main, an undated
        corpus = corpus_with(4000, 0)
        new = _event(i)
        grown = dataclasses.replace(corpus, events={**corpus.events, new.id: new})
        env = make_environment(ROOT / "templates")
        after = {p.path: p for p in events_index(grown, env)}
        changed = _changed(before, after)
        assert "events/index.md" in changed and "timeline/index.md" in changed
        own = {p for p in changed if f"/{new.id}.md" in after[p].text}
        assert len(own) == 2, "one page of the timeline, one of the events index"
        assert changed == own | {"events/index.md", "timeline/index.md"}, i


def test_a_new_problem_changes_its_part_and_the_summary_only() -> None:
    corpus = corpus_with(0, 4000)
    before = {p: page for p, page in index_pages(0, 4000).items() if p.startswith("report/")}
    parts = [p for p in before if p.startswith("report/problems-")]
    assert len(parts) > 10
    env = make_environment(ROOT / "templates")
    for source in ("folder/file-00000.txt", "folder/file-50000.txt", "folder/zzz.txt"):
        problems = tuple(sorted((*corpus.problems, Problem(source, "new")), key=lambda p: p.source))
        grown = dataclasses.replace(corpus, problems=problems)
        after = {p.path: p for p in render_report(grown, env)}
        changed = _changed(before, after)
        own = {p for p in changed if source in after[p].text and p != "report/index.md"}
        assert len(own) == 1
        assert changed == own | {"report/index.md"}, source


def test_part_pages_escape_what_they_print() -> None:
    pages = index_pages(4000, 4000, 4000)
    for path, page in pages.items():
        assert "<b>" not in page.text and "<i>" not in page.text, path
        assert not re.search(r"(?<!\\)\]\(y\)", page.text), path
    rows = [line for p in pages.values() for line in p.text.splitlines() if "| folder/" in line]
    assert rows and all(line.count("|") == 4 and "&#124;" in line for line in rows)


def test_a_new_actor_changes_its_part_and_the_landing_page_only() -> None:
    corpus = corpus_with(0, 0, 4000)
    before = {p: page for p, page in index_pages(0, 0, 4000).items() if p.startswith("actors/")}
    assert len(before) > 20
    env = make_environment(ROOT / "templates")
    for i in (4000, 4001, 4003):
        new = _actor(i)
        grown = dataclasses.replace(corpus, actors={**corpus.actors, new.id: new})
        after = {p.path: p for p in actors_index(grown, env)}
        changed = _changed(before, after)
        own = {p for p in changed if f"/{new.id}.md" in after[p].text}
        assert len(own) == 1
        assert changed == own | {"actors/index.md"}, i


@pytest.mark.slow
def test_the_split_pages_build_strict(tmp_path: Path) -> None:
    """MkDocs checks every link, and that every page not in the navigation may be left out."""
    corpus = corpus_with(PER_PAGE + 100, PER_PAGE + 100, PER_PAGE + 100)
    docs = fresh_docs(tmp_path)
    pages = render_pages(corpus, make_environment(ROOT / "templates"))
    assert any(p.path.startswith("events/by-type/") for p in pages)
    write_pages(pages, docs, ("articles", "actors", "events", "timeline", "report", "charts"))
    config = load_config(
        str(write_config(tmp_path, "material")),
        docs_dir=str(docs),
        site_dir=str(tmp_path / "site"),
        strict=True,
    )
    build(config)
    assert (tmp_path / "site/timeline/2020-01/index.html").is_file()
    assert (tmp_path / "site/report/problems-2/index.html").is_file()
    assert (tmp_path / "site/actors/by-type/people/index.html").is_file()


def test_an_update_of_split_pages_equals_a_full_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a few entries a page, a small dossier has split indexes; each update (edit, add,
    delete, rename, redate) writes what a full build writes."""
    for module in (sheets, event_index, report, actor_index):
        monkeypatch.setattr(module, "PER_PAGE", 4)
    monkeypatch.setattr(sheets, "SPREAD", 3)
    seeds, docs, cache = tmp_path / "seeds", tmp_path / "docs", tmp_path / "cache"
    write_corpus(seeds, 40, seed=8)
    (seeds / "skipped").mkdir()
    for i in range(12):  # problems for the report, in a folder the updates leave alone
        (seeds / "skipped" / f".hidden-{i}.txt").write_text("a hidden file\n", "utf-8")
    generate_into(seeds, docs, cache)
    split_up = tree(docs)
    for folder in ("timeline/", "events/by-type/", "actors/by-type/", "report/"):
        assert sum(p.startswith(folder) for p in split_up) > 3, folder
    assert_updates_equal_full_builds(seeds, docs, cache, tmp_path)
