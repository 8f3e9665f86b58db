"""Actor pages and the actors index."""

from __future__ import annotations

from itertools import groupby

import jinja2

from generator.models import Actor, Corpus, Page
from generator.render.links import actor_path, article_path, link
from generator.render.page import long_date, markdown_page

INDEX = "actors/index.md"
TYPE_TITLES = {
    "country": "Countries",
    "person": "People",
    "organization": "Organisations",
    "legislature": "Legislatures",
    "group": "Groups",
    "other": "Other",
}


def render_actors(corpus: Corpus, env: jinja2.Environment) -> list[Page]:
    """Render one page per actor and the actors index grouped by type."""
    pages = [_actor_page(corpus, env, actor) for actor in corpus.actors.values()]
    by_type = sorted(
        corpus.actors.values(), key=lambda a: (list(TYPE_TITLES).index(a.type), a.name)
    )
    groups = [
        (
            TYPE_TITLES[kind],
            [
                (link(a.name, actor_path(a.id), INDEX), len(corpus.actor_articles.get(a.id, ())))
                for a in actors
            ],
        )
        for kind, actors in groupby(by_type, key=lambda a: a.type)
    ]
    pages.append(
        markdown_page(env, INDEX, "actors_index.md.j2", {"title": "Actors"}, groups=groups)
    )
    return pages


def _actor_page(corpus: Corpus, env: jinja2.Environment, actor: Actor) -> Page:
    path = actor_path(actor.id)
    articles = [corpus.article_by_id[i] for i in corpus.actor_articles.get(actor.id, ())]
    mentions = [
        {
            "link": link(a.title, article_path(a.slug), path),
            "date": long_date(a.date),
            "sentences": [
                a.sentences[i]
                for i in sorted({m.sentence for m in a.actor_mentions if m.actor_id == actor.id})
            ],
        }
        for a in articles
    ]
    meta = {"title": actor.name, "type": actor.type, "search": {"boost": 3}}
    return markdown_page(env, path, "actor.md.j2", meta, actor=actor, mentions=mentions)
