"""Index: gather extracted articles into a Corpus of articles, actors and events."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from generator.collector import collector_paused
from generator.extract.catalogue import actor_index
from generator.index.actors import build_actors
from generator.index.bodies import merge_bodies
from generator.index.corpus_names import add_corpus_names
from generator.index.duplicates import Verdicts, free_name, merge_duplicates, unique_ids
from generator.index.events import build_events
from generator.index.people import merge_people
from generator.knowledge import Knowledge
from generator.models import Article, Corpus, Problem


def build_corpus(
    articles: Iterable[Article],
    knowledge: Knowledge,
    problems: Sequence[Problem] = (),
    verdicts: Verdicts | None = None,
) -> Corpus:
    """Order the articles, give each a unique slug, and build the actors and events they name.

    `verdicts` tells which bodies were compared before, and takes this run's (duplicates.py).
    """
    with collector_paused():
        return _build_corpus(articles, knowledge, problems, verdicts)


def _build_corpus(
    articles: Iterable[Article],
    knowledge: Knowledge,
    problems: Sequence[Problem],
    verdicts: Verdicts | None,
) -> Corpus:
    unique, copies = merge_duplicates(articles, verdicts)
    unique, renamed = unique_ids(unique)
    ordered = sorted(unique, key=_article_order)
    ordered, clashes = _unique_slugs(ordered)
    index = actor_index(knowledge)
    ordered = merge_people(ordered, index.entries)  # spelling variants
    ordered = merge_bodies(ordered, index)  # "US Coast Guard", "the Coast Guard"
    ordered = add_corpus_names(ordered, index)  # a name found in one article, in all
    problems = sorted([*problems, *copies, *renamed, *clashes], key=lambda p: p.source)
    actors = build_actors(ordered, knowledge)
    events = build_events(ordered, actors, knowledge)
    actor_articles: dict[str, list[str]] = defaultdict(list)
    for article in ordered:
        for actor_id in article.actor_ids:
            actor_articles[actor_id].append(article.id)
    return Corpus(
        articles=tuple(ordered),
        actors=dict(sorted(actors.items())),
        events=dict(sorted(events.items())),
        problems=tuple(problems),
        article_by_id={a.id: a for a in ordered},
        actor_articles={k: tuple(v) for k, v in sorted(actor_articles.items())},
    )


def _article_order(article: Article) -> tuple[bool, dt.date, str]:
    return (article.date.value is None, article.date.value or dt.date.min, article.id)


TITLE_TAKEN = "with a title that gives an earlier file's page name (published with a number added)"


def _unique_slugs(articles: list[Article]) -> tuple[list[Article], list[Problem]]:
    """Give articles whose titles slugify alike distinct slugs, numbered in id order."""
    taken = {"index": "the articles index"}  # the folder's index page
    slugs: dict[str, str] = {}
    clashes: list[Problem] = []
    for article in sorted(articles, key=lambda a: a.id):
        slug = free_name(article.slug, taken)
        if slug != article.slug:
            first = taken[article.slug]
            reason = f"its title gives the page name {article.slug!r}, taken by {first}"
            reason = f"{reason}; published as {slug!r}"
            clashes.append(Problem(article.source_file, reason, False, TITLE_TAKEN))
        taken[slug] = article.source_file
        slugs[article.id] = slug
    # an article whose slug stays is kept as it is
    return [
        a if a.slug == slugs[a.id] else dataclasses.replace(a, slug=slugs[a.id]) for a in articles
    ], clashes
