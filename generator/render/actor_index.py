"""The actors index: every actor by type and name, with the number of articles naming each.

One page while the dossier has PER_PAGE actors or fewer. Past that, a landing page with each
type's count over a page per type (`actors/by-type/`, where no actor page is: those are
`actors/<id>.md`), a type of more than PER_PAGE actors in parts by name (see sheets.split).
"""

from __future__ import annotations

import dataclasses
from itertools import groupby

import jinja2
from markupsafe import Markup
from slugify import slugify

from generator.models import ACTOR_TYPES, Actor, Corpus, Page
from generator.render.links import actor_path, link, relative
from generator.render.page import markdown_page
from generator.render.paging import PER_PAGE
from generator.render.sheets import Sheet, landing_page, nav, split

INDEX = "actors/index.md"
BY_TYPE = "actors/by-type"
TYPE_TITLES = {kind: heading for kind, (_, heading) in ACTOR_TYPES.items()}


def kind_of(actor: Actor) -> str:
    """Return the actor's type, or "other" for a type the index has no heading for."""
    return actor.type if actor.type in TYPE_TITLES else "other"


def actors_index(corpus: Corpus, env: jinja2.Environment) -> list[Page]:
    """Render the actors index grouped by type, split by type when long."""
    by_type = _by_type(corpus)
    if len(corpus.actors) <= PER_PAGE:
        groups = [(title, _rows(corpus, actors, INDEX)) for title, actors in by_type]
        return [markdown_page(env, INDEX, "actors_index.md.j2", {"title": "Actors"}, groups=groups)]
    sheets = [
        sheet
        for title, actors in by_type
        for sheet in _named(split(f"{BY_TYPE}/{slugify(title)}", title, title, title, actors, _id))
    ]
    landing = landing_page(env, INDEX, "actors_landing.md.j2", "Actors", sheets, len(corpus.actors))
    return [landing] + [
        _sheet_page(corpus, env, sheet, nav(sheets, i)) for i, sheet in enumerate(sheets)
    ]


def _by_type(corpus: Corpus) -> list[tuple[str, list[Actor]]]:
    """Return (type title, its actors by name) per type that has actors, types in fixed order."""
    ordered = sorted(
        corpus.actors.values(),
        key=lambda a: (list(TYPE_TITLES).index(kind_of(a)), a.name.casefold(), a.id),
    )
    return [(TYPE_TITLES[kind], list(group)) for kind, group in groupby(ordered, kind_of)]


def _rows(corpus: Corpus, actors: list[Actor], page: str) -> list[tuple[Markup, int]]:
    return [
        (link(a.name, actor_path(a.id), page), len(corpus.actor_articles.get(a.id, ())))
        for a in actors
    ]


def _id(actor: Actor) -> str:
    return actor.id


def _named(parts: list[Sheet[Actor]]) -> list[Sheet[Actor]]:
    """Label the parts of a type on the landing page by the names they run from and to."""
    if len(parts) == 1:
        return parts
    return [
        dataclasses.replace(part, short=f"{part.items[0].name} – {part.items[-1].name}")
        for part in parts
    ]


def _sheet_page(
    corpus: Corpus, env: jinja2.Environment, sheet: Sheet[Actor], links: Markup
) -> Page:
    title = f"Actors: {sheet.title}"
    return markdown_page(
        env,
        sheet.path,
        "actors_sheet.md.j2",
        {"title": title, "search": {"exclude": True}},
        title=title,
        heading=sheet.title,
        landing=relative(INDEX, sheet.path),
        actors=_rows(corpus, list(sheet.items), sheet.path),
        nav=links,
    )
