"""Cluster event mentions across articles into events.

Mentions are taken most precisely dated first, so a dated mention founds an event and vaguer
ones join it: a mention joins the best-matching event of the same type whose participants it
shares and whose date it fits (the tolerance its precision allows). Undated mentions join
on their date hints (the weekday of "on Tuesday" in an undated article must be the event's
weekday); one that fits nothing founds an event only if it has a date phrase or is the news
of its article.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections import Counter
from collections.abc import Mapping, Sequence

from slugify import slugify

from generator.extract.events import EventTypes, event_types, participant_keys
from generator.index.event_catalogue import CatalogueEntry, catalogue_entries, entry_for
from generator.index.event_dates import compatible, hints_fit, refine
from generator.index.event_titles import event_title
from generator.knowledge import Knowledge, Language
from generator.models import Actor, Article, DateInfo, Event, EventMention, EventRef, Role

RANK = {"day": 0, "month": 1, "year": 2}
# Share of its names (by weight) an undated mention without actors must share with an event.
SHARED_NAMES = 0.5


@dataclasses.dataclass(frozen=True, slots=True)
class Item:
    """One event mention in its article, with what it is matched on."""

    article: Article
    mention: EventMention
    keys: frozenset[str]  # actor ids, else the capitalised names of the sentence
    principal: str | None = None  # who acts: the first acting actor that is not a country

    @property
    def sentence(self) -> str:
        """Return the sentence the mention is in."""
        return self.article.sentences[self.mention.sentence]


@dataclasses.dataclass(slots=True)
class Cluster:
    """An event being built: its mentions and what they agree on."""

    type: str
    items: list[Item]
    date: DateInfo
    entry: CatalogueEntry | None = None

    @property
    def keys(self) -> Counter[str]:
        """Return how many mentions name each participant key."""
        return Counter(k for item in self.items for k in item.keys)

    @property
    def subjects(self) -> set[str]:
        """Return who acts in the cluster's mentions (their principals)."""
        return {i.principal for i in self.items if i.principal}

    @property
    def article_ids(self) -> set[str]:
        """Return the ids of the articles with a mention in the cluster."""
        return {item.article.id for item in self.items}


def build_events(
    articles: Sequence[Article], actors: Mapping[str, Actor], knowledge: Knowledge
) -> dict[str, Event]:
    """Return the events the articles report or mention, by id."""
    types = event_types(knowledge)
    kinds = _actor_kinds(actors, knowledge)
    items = [_item(a, m, types, kinds) for a in articles for m in a.event_mentions]
    weights = _weights(items)
    entries = catalogue_entries(knowledge)
    clusters: list[Cluster] = []
    for item in sorted(items, key=_order):
        entry = entry_for(entries, item)
        target = _named(clusters, entry) if entry else _best(clusters, item, weights, types)
        if target is not None:
            target.items.append(item)
            target.type = types.first(target.type, item.mention.type)
            target.date = refine(target.date, item)
        elif entry is not None or _may_found(item, types):
            clusters.append(Cluster(item.mention.type, [item], _own(item), entry))
    return _events(clusters, actors, types, knowledge.language)


def _actor_kinds(actors: Mapping[str, Actor], knowledge: Knowledge) -> dict[str, str]:
    """Return actor id -> type, from the built actors, else from the catalogues."""
    kinds = {str(e.get("id")): str(e.get("type", "")) for e in knowledge.actors if e.get("id")}
    kinds.update({a.id: a.type for a in actors.values()})
    return kinds


def _item(
    article: Article, mention: EventMention, types: EventTypes, kinds: Mapping[str, str]
) -> Item:
    ids = frozenset(mention.actors + mention.targets)
    sentence = article.sentences[mention.sentence]
    # names no actor covers (a city, a group) also tell two reports of one event apart
    names = participant_keys(sentence, types) - _surfaces(article, mention.sentence)
    # a legislature, ministry or person says more about who acted than the country it is in
    specific = [a for a in mention.actors if kinds.get(a, "") != "country"]
    principal = next(iter(specific or mention.actors), None)
    return Item(article, mention, ids | names, principal)


def _surfaces(article: Article, sentence: int) -> frozenset[str]:
    """Return the folded words of the actor names in one sentence."""
    words = (
        w.casefold().removesuffix("’s").removesuffix("'s")
        for m in article.actor_mentions
        if m.sentence == sentence
        for w in m.surface.split()
    )
    return frozenset(words)


def _weights(items: Sequence[Item]) -> dict[str, float]:
    """Weigh each key by how rare it is: a shared rare name says more than a shared country."""
    counts = Counter(k for item in items for k in item.keys)
    total = max(len(items), 1)
    return {k: math.log(1 + total / n) for k, n in counts.items()}


def _order(item: Item) -> tuple[int, int, str, int]:
    date, mention = item.mention.date, item.mention
    rank = RANK[date.precision] if date.value is not None else 3 if date.phrase else 4
    published = item.article.date.value
    return (rank, -(published.toordinal() if published else 0), item.article.id, mention.sentence)


def _own(item: Item) -> DateInfo:
    """Return the date an event founded by this mention starts with."""
    date, published = item.mention.date, item.article.date
    news = date.value is None and not date.phrase and item.mention.role == "reports"
    if news and published.value is not None:  # undated news of a dated article: its day
        return DateInfo(published.value, "inferred", "the article's date (its news)", "day")
    return date


def _may_found(item: Item, types: EventTypes) -> bool:
    """Tell whether a mention that joins nothing is an event of its own."""
    mention = item.mention
    if mention.date.value is not None or mention.date.phrase:
        return True
    return mention.role == "reports" and bool(item.keys) and not _type_minor(types, mention.type)


def _named(clusters: list[Cluster], entry: CatalogueEntry | None) -> Cluster | None:
    return next((c for c in clusters if c.entry is entry), None)


def _best(
    clusters: Sequence[Cluster], item: Item, weights: Mapping[str, float], types: EventTypes
) -> Cluster | None:
    """Return the cluster the mention fits best, or None when none fits."""
    scored = []
    for index, cluster in enumerate(clusters):
        if cluster.entry is not None or not types.related(cluster.type, item.mention.type):
            continue
        if cluster.type != item.mention.type and cluster.date.value is None:
            continue  # kin types meet on a date, not on a guess
        score = _fit(cluster, item, weights, types)
        if score is not None:
            scored.append((score, -index, cluster))
    if not scored:
        return None
    return max(scored, key=lambda s: (s[0], s[1]))[2]


def _fit(
    cluster: Cluster, item: Item, weights: Mapping[str, float], types: EventTypes
) -> tuple[bool, bool, bool, bool, float] | None:
    """Score a mention's fit: (same subject, same article, dated, the news, shared names)."""
    same_article = item.article.id in cluster.article_ids
    keys = cluster.keys
    shared = sum(weights.get(k, 0.0) for k in item.keys if k in keys)
    if not same_article and not _same_parties(cluster, item, shared, weights):
        return None
    if same_article and shared <= 0 and not _anaphora(cluster, item, types):
        return None  # in one article, a shared name, the same day or "the vote" ties mentions
    if not _dates_fit(cluster, item, same_article, types):
        return None
    subject = item.principal is not None and item.principal in cluster.subjects
    return (subject, same_article, cluster.date.value is not None, _near(cluster, item), shared)


def _anaphora(cluster: Cluster, item: Item, types: EventTypes) -> bool:
    """Tell whether a mention may refer back to its article's event without naming anyone."""
    if _same_day(cluster, item, types):
        return True
    undated = item.mention.date.value is None and not item.mention.date.phrase
    return undated and not _type_minor(types, cluster.type) and _near(cluster, item)


def _same_day(cluster: Cluster, item: Item, types: EventTypes) -> bool:
    """Tell whether a mention gives the cluster's very day (statements need the same speaker)."""
    date, own = cluster.date, item.mention.date
    if _type_minor(types, cluster.type) or date.value is None or own.value is None:
        return False
    return date.precision == own.precision == "day" and date.value == own.value


def _near(cluster: Cluster, item: Item) -> bool:
    """Tell whether the cluster happened on the article's day or the day before (its news)."""
    published, date = item.article.date.value, cluster.date
    if published is None or date.value is None or date.precision != "day":
        return False
    return 0 <= (published - date.value).days <= 1


def _same_parties(
    cluster: Cluster, item: Item, shared: float, weights: Mapping[str, float]
) -> bool:
    """Tell whether a mention from another article names the same parties as the cluster.

    A dated mention needs one shared participant. An undated one, whose date only hints,
    needs more: its subject among the cluster's subjects, or most of its names shared.
    """
    if shared <= 0:
        return False
    mention = item.mention
    if mention.date.value is not None:
        return True
    if item.article.date.value is None and not mention.date.phrase:
        return False  # no date, no article date: nothing says it is that event
    if mention.actors:
        return bool(set(mention.actors) & cluster.subjects)  # one who acts acts there too
    total = sum(weights.get(k, 0.0) for k in item.keys)
    return total > 0 and shared / total >= SHARED_NAMES


def _type_minor(types: EventTypes, name: str) -> bool:
    kind = types.get(name)
    return bool(kind and kind.minor)


def _dates_fit(cluster: Cluster, item: Item, same_article: bool, types: EventTypes) -> bool:
    mention, published = item.mention, item.article.date.value
    span = types.span_days(cluster.type)
    if mention.date.value is not None:
        if cluster.date.value is None:
            return same_article and hints_fit(cluster_hints(cluster), mention.date)
        return compatible(cluster.date, mention.date, span)
    if cluster.date.value is not None:
        if published is not None and cluster.date.value > published:
            return False
        if mention.date.phrase:
            # a weekday or a month says little about an event that lasts weeks, and a phrase
            # that could not be resolved and holds no part ("a week prior") says nothing
            if not same_article and (span or not _has_hints(mention)):
                return False
            return hints_fit(mention, cluster.date)
        return same_article or _recent(cluster.date, published, mention.role)
    if mention.date.phrase:
        hints = cluster_hints(cluster)
        return _same_hints(mention, hints) or (same_article and hints is None)
    return same_article  # two undated reports in different articles: nothing ties them


def _has_hints(mention: EventMention) -> bool:
    return any(p is not None for p in (mention.weekday, mention.month, mention.day))


def cluster_hints(cluster: Cluster) -> EventMention | None:
    """Return the first mention of an undated cluster that carries date hints."""
    return next((i.mention for i in cluster.items if i.mention.date.phrase), None)


def _same_hints(mention: EventMention, other: EventMention | None) -> bool:
    if other is None:
        return False
    parts = (mention.weekday, mention.month, mention.day)
    return parts == (other.weekday, other.month, other.day) and any(p is not None for p in parts)


def _recent(date: DateInfo, published: dt.date | None, role: Role) -> bool:
    """Tell whether an undated mention may be an earlier report's event (news: the last days)."""
    if published is None or date.value is None:
        return True
    if role == "reports":
        return 0 <= (published - date.value).days <= 1
    return date.value <= published


def _events(
    clusters: Sequence[Cluster], actors: Mapping[str, Actor], types: EventTypes, language: Language
) -> dict[str, Event]:
    events: dict[str, Event] = {}
    for cluster in sorted(clusters, key=_cluster_order):
        event = _event(cluster, actors, types, language)
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


def _event(
    cluster: Cluster, actors: Mapping[str, Actor], types: EventTypes, language: Language
) -> Event:
    date = cluster.date
    counted = Counter(a for i in cluster.items for a in i.mention.actors + i.mention.targets)
    ids = tuple(a for a, _ in sorted(counted.items(), key=lambda kv: (-kv[1], kv[0])))
    figures = tuple(dict.fromkeys(f for i in cluster.items for f in i.mention.figures))
    entry = cluster.entry
    reports = [(i.sentence, i.mention, i.principal) for i in cluster.items]
    title = (entry.title if entry and entry.title else None) or event_title(
        cluster.type, reports, _names(cluster, actors), types, language
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


def _names(cluster: Cluster, actors: Mapping[str, Actor]) -> dict[str, str]:
    """Return actor id -> name: the actor's own, else the words the articles name it by."""
    surfaces: dict[str, Counter[str]] = {}
    for article in {i.article.id: i.article for i in cluster.items}.values():
        for mention in article.actor_mentions:
            surfaces.setdefault(mention.actor_id, Counter())[mention.surface] += 1
    names = {a: c.most_common(1)[0][0] for a, c in surfaces.items()}
    names.update({a.id: a.name for a in actors.values()})
    return names


def _slug(date: DateInfo, kind: str, title: str) -> str:
    when = date.iso or "undated"
    return slugify(f"{when} {title}", max_length=80, word_boundary=True) or slugify(kind)


def _refs(cluster: Cluster) -> tuple[EventRef, ...]:
    by_article: dict[str, list[EventMention]] = {}
    order: dict[str, tuple[bool, dt.date, str]] = {}
    for item in cluster.items:
        by_article.setdefault(item.article.id, []).append(item.mention)
        published = item.article.date.value
        order[item.article.id] = (published is None, published or dt.date.min, item.article.id)
    refs = []
    for article_id in sorted(by_article, key=order.__getitem__):
        mentions = by_article[article_id]
        role: Role = "reports" if any(m.role == "reports" for m in mentions) else "mentions"
        sentences = tuple(sorted({m.sentence for m in mentions}))
        refs.append(EventRef(article_id, role, sentences))
    return tuple(refs)
