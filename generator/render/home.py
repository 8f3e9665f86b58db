"""The home page (the build report is in report.py)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import jinja2
from markupsafe import Markup

from generator.models import Corpus, Page
from generator.render.charts import home_chart
from generator.render.links import actor_path, article_path, event_path, link
from generator.render.page import long_date, markdown_page

HOME = "index.md"
LATEST = 10
TOP_ACTORS = 12
KEY_EVENTS = 8


def render_home(corpus: Corpus, env: jinja2.Environment) -> list[Page]:
    """Render the home page: what the dossier covers, latest articles, main actors."""
    dated = corpus.dated
    outlets = Counter(a.outlet for a in corpus.articles if a.outlet)
    top = sorted(corpus.actor_articles.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:TOP_ACTORS]
    latest = list(reversed(dated))[:LATEST] or list(corpus.undated)[:LATEST]
    return [
        markdown_page(
            env,
            HOME,
            "home.md.j2",
            {"title": "Home", "search": {"exclude": True}},
            counts={
                "articles": len(corpus.articles),
                "actors": len(corpus.actors),
                "events": len(corpus.events),
                "outlets": len(outlets),
                "no_outlet": sum(1 for a in corpus.articles if not a.outlet),
                "undated": len(corpus.undated),
            },
            period=(long_date(dated[0].date), long_date(dated[-1].date)) if dated else None,
            latest=[(link(a.title, article_path(a.slug), HOME), long_date(a.date)) for a in latest],
            top_actors=[
                (link(corpus.actors[i].name, actor_path(i), HOME), len(ids))
                for i, ids in top
                if i in corpus.actors
            ],
            outlets=sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0])),
            key_events=_key_events(corpus),
            chart=home_chart(corpus, HOME),
        )
    ]


def _key_events(corpus: Corpus) -> list[tuple[Markup, str]]:
    """Return the dated events most articles speak of, in date order, with their dates."""
    dated = [e for e in corpus.events.values() if e.date.value is not None]
    ranked = sorted(dated, key=lambda e: (-len(e.articles), e.id))[:KEY_EVENTS]
    ranked.sort(key=lambda e: (e.date.value or dt.date.min, e.id))
    return [(link(e.title, event_path(e.id), HOME), long_date(e.date)) for e in ranked]
