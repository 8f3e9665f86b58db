"""Cluster event mentions across articles into events.

Mentions are taken most precisely dated first, so a dated mention founds an event and vaguer
ones join it: a mention joins the best-matching event of the same type whose participants it
shares and whose date it fits (the tolerance its precision allows). Undated mentions join
on their date hints (the weekday of "on Tuesday" in an undated article must be the event's
weekday); one that fits nothing founds an event only if it has a date phrase or is the news
of its article, and then stays undated: the article's date is not the day its news happened
("on Sunday night", in Monday's paper), and a wrong date is worse than none.

Cross-article dating of an undated article: "a truce on November 10" joins (and takes the date
of) an event only when that event is dated to the day, on that very month and day, and every
actor the mention names is among the event's; an event known only as "November 2020" never
lends its year. Reactions (rejection, condemnation, statement) of one speaker on one day are one
event, and an article's mentions of one type on one day are one event.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections import ChainMap, Counter
from collections.abc import Mapping, Sequence, Set

from slugify import slugify

from generator.extract.events.demonyms import demonym_countries
from generator.extract.events.kinds import EventTypes, event_types
from generator.index.events.catalogue import catalogue_entries, entry_for
from generator.index.events.dates import refine
from generator.index.events.fit import best, type_minor
from generator.index.events.items import ItemReader
from generator.index.events.lookup import ClusterIndex, indexed
from generator.index.events.model import CatalogueEntry, Cluster, Item
from generator.index.events.titles import event_title
from generator.knowledge import Knowledge
from generator.models import Actor, Article, DateInfo, Event, EventMention, EventRef, Role

RANK = {"day": 0, "month": 1, "year": 2}


def build_events(
    articles: Sequence[Article], actors: Mapping[str, Actor], knowledge: Knowledge
) -> dict[str, Event]:
    """Return the events the articles report or mention, by id."""
    types = indexed(event_types(knowledge))
    kinds = _actor_kinds(actors, knowledge)
    countries = _actor_countries(knowledge)
    demonyms = demonym_countries(knowledge)
    reader = ItemReader(types.stopwords, kinds, countries, demonyms)
    items = [item for article in articles for item in reader.items(article)]
    weights = _weights(items)
    entries = catalogue_entries(knowledge)
    index = ClusterIndex(types)
    named: dict[CatalogueEntry, Cluster] = {}  # an entry's mentions make one event
    for item in sorted(items, key=_order):
        entry = entry_for(entries, item) if entries else None
        if entry is not None:
            target = named.get(entry)
        else:
            target = best(index.candidates(item), item, weights, types)
        if target is not None:
            kind = types.first(target.type, item.mention.type)
            index.join(target, item, kind, refine(target.date, item))
        elif entry is not None or _may_found(item, types):
            cluster = Cluster(item.mention.type, [item], item.mention.date, entry)
            index.add(cluster)
            if entry is not None:
                named[entry] = cluster
    return _events(_merge_same_day(index.clusters, types), actors, types)


def _merge_same_day(clusters: list[Cluster], types: EventTypes) -> list[Cluster]:
    """Merge events of one type an article dates to the same day: one article, one such event.

    "A resolution passed in the French Parliament a day earlier" and "adopted in the lower
    house on Nov. 30" name the body differently; the same article and day tie them.
    """
    merged: list[Cluster] = []
    by_day: dict[tuple[str, dt.date], list[Cluster]] = {}  # the merged ones that may take more
    for cluster in clusters:
        date = cluster.date
        day = None
        if cluster.entry is None and date.precision == "day" and date.value is not None:
            day = None if type_minor(types, cluster.type) else (cluster.type, date.value)
        ids = cluster.article_ids
        twins = by_day.get(day, []) if day is not None else []
        twin = next((c for c in twins if c.article_ids & ids), None)
        if twin is None:
            merged.append(cluster)
            if day is not None:
                by_day.setdefault(day, []).append(cluster)
        else:
            for item in cluster.items:
                twin.add(item)
    return merged


def _actor_countries(knowledge: Knowledge) -> dict[str, str]:
    """Return actor id -> the country it belongs to, from the catalogues ("country:")."""
    return {
        str(e["id"]): str(e["country"])
        for e in knowledge.actors
        if e.get("id") and e.get("country")
    }


def _actor_kinds(actors: Mapping[str, Actor], knowledge: Knowledge) -> dict[str, str]:
    """Return actor id -> type, from the built actors, else from the catalogues."""
    kinds = {str(e.get("id")): str(e.get("type", "")) for e in knowledge.actors if e.get("id")}
    kinds.update({a.id: a.type for a in actors.values()})
    return kinds


def _weights(items: Sequence[Item]) -> dict[str, float]:
    """Weigh each key by how rare it is: a shared rare name says more than a shared country."""
    counts = Counter(k for item in items for k in item.shared)
    total = max(len(items), 1)
    return {k: math.log(1 + total / n) for k, n in counts.items()}


def _order(item: Item) -> tuple[int, int, str, int]:
    date, mention = item.mention.date, item.mention
    rank = RANK[date.precision] if date.value is not None else 3 if date.phrase else 4
    published = item.article.date.value
    return (rank, -(published.toordinal() if published else 0), item.article.id, mention.sentence)


def _may_found(item: Item, types: EventTypes) -> bool:
    """Tell whether a mention that joins nothing is an event of its own."""
    mention = item.mention
    if mention.date.value is not None or mention.date.phrase:
        return True
    return mention.role == "reports" and bool(item.keys) and not type_minor(types, mention.type)


def _events(
    clusters: Sequence[Cluster], actors: Mapping[str, Actor], types: EventTypes
) -> dict[str, Event]:
    events: dict[str, Event] = {}
    own_names = {a.id: a.name for a in actors.values()}  # once, not once per event
    unnamed: dict[str, list[tuple[str, str]]] = {}  # article -> its actors with no own name
    for cluster in sorted(clusters, key=_cluster_order):
        event = _event(cluster, (own_names, unnamed), types)
        slug, n = event.id, 1
        while slug in events:
            n += 1
            slug = f"{event.id}-{n}"
        events[slug] = dataclasses.replace(event, id=slug)
    return events


def _cluster_order(cluster: Cluster) -> tuple[str, str, str, int]:
    first = min(cluster.items, key=lambda i: (i.article.id, i.mention.sentence))
    iso = cluster.date.iso or "~"
    return (iso, cluster.type, first.article.id, first.mention.sentence)


# The actors' own names, and each article's (actor id, surface) of actors without one.
Names = tuple[dict[str, str], dict[str, list[tuple[str, str]]]]


def _event(cluster: Cluster, names: Names, types: EventTypes) -> Event:
    date = cluster.date
    counted = Counter(a for i in cluster.items for a in i.mention.actors + i.mention.targets)
    ids = tuple(a for a, _ in sorted(counted.items(), key=lambda kv: (-kv[1], kv[0])))
    figures = tuple(dict.fromkeys(f for i in cluster.items for f in i.mention.figures))
    entry = cluster.entry
    reports = [(i.sentence, i.mention, i.principal) for i in cluster.items]
    title = (entry.title if entry and entry.title else None) or event_title(
        cluster.type, reports, _names(cluster, names, counted.keys()), types, date
    )
    base = entry.id if entry and entry.id else _slug(date, cluster.type, title)
    return Event(
        id=base,
        title=title,
        type=cluster.type,
        date=date,
        actors=ids,
        figures=figures,
        articles=_refs(cluster),
    )


def _names(cluster: Cluster, names: Names, ids: Set[str]) -> Mapping[str, str]:
    """Return actor id -> name: the actor's own, else the words the articles name it by.

    Only the names of `ids` (the event's actors) are asked for: when each has its own name,
    the articles' words are not read.
    """
    own_names, unnamed = names
    if own_names.keys() >= ids:
        return own_names
    surfaces: dict[str, Counter[str]] = {}
    for article in {i.article.id: i.article for i in cluster.items}.values():
        if article.id not in unnamed:  # read once, however many events the article tells of
            unnamed[article.id] = [
                (m.actor_id, m.surface)
                for m in article.actor_mentions
                if m.actor_id not in own_names
            ]
        for actor_id, surface in unnamed[article.id]:  # an own name wins anyway
            surfaces.setdefault(actor_id, Counter())[surface] += 1
    return ChainMap(own_names, {a: c.most_common(1)[0][0] for a, c in surfaces.items()})


def _published_order(article: Article) -> tuple[bool, dt.date, str]:
    published = article.date.value
    return (published is None, published or dt.date.min, article.id)


def _slug(date: DateInfo, kind: str, title: str) -> str:
    when = date.iso or "undated"
    return slugify(f"{when} {title}", max_length=80, word_boundary=True) or slugify(kind)


def _refs(cluster: Cluster) -> tuple[EventRef, ...]:
    by_article: dict[str, list[EventMention]] = {}
    articles: dict[str, Article] = {}
    for item in cluster.items:
        article_id = item.article.id
        if article_id not in by_article:
            by_article[article_id] = []
            articles[article_id] = item.article
        by_article[article_id].append(item.mention)
    refs = []
    for article_id in sorted(by_article, key=lambda a: _published_order(articles[a])):
        mentions = by_article[article_id]
        role: Role = "reports" if any(m.role == "reports" for m in mentions) else "mentions"
        sentences = tuple(sorted({m.sentence for m in mentions}))
        refs.append(EventRef(article_id, role, sentences))
    return tuple(refs)
