"""Match an event mention to the cluster it fits best: same parties, a date that fits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from generator.extract.events.kinds import EventTypes
from generator.index.events.dates import compatible, hints_fit
from generator.index.events.model import Cluster, Item
from generator.models import DateInfo, EventMention, Role

# Share of its names (by weight) an undated mention without actors must share with an event.
SHARED_NAMES = 0.5


def best(
    candidates: Iterable[tuple[int, Cluster]],
    item: Item,
    weights: Mapping[str, float],
    types: EventTypes,
) -> Cluster | None:
    """Return the candidate (numbered in creation order) the mention fits best, or None."""
    scored = []
    venues: frozenset[str] | None = None  # read once, and only for a kin type
    kind = item.mention.type
    for index, cluster in candidates:
        if cluster.entry is not None:
            continue
        if cluster.type != kind:
            if not types.related(cluster.type, kind):
                continue
            venues = item.venues if venues is None else venues
            if not _kin_may_join(cluster, item, types, venues):
                continue
        score = _fit(cluster, item, weights, types)
        if score is not None:
            scored.append((score, -index, cluster))
    if len(scored) < 2:
        return scored[0][2] if scored else None
    return max(scored, key=lambda s: (s[0], s[1]))[2]


def _kin_may_join(cluster: Cluster, item: Item, types: EventTypes, venues: frozenset[str]) -> bool:
    """Tell whether a mention of a kin type may be scored against the cluster at all."""
    if cluster.date.value is None:
        same = item.article.id in cluster.article_ids
        kind = types.get(item.mention.type)
        # "the ministry rejected it" with no date of its own: its article's reaction
        bare = not item.mention.date.phrase and bool(kind and kind.speech)
        if not (same and (bare or _same_hints(item.mention, cluster_hints(cluster)))):
            return False  # kin types meet on a date, not on a guess
    # "a declaration in Sochi" is not the truce an article dates elsewhere
    return not venues or bool(venues & cluster.venues())


def _fit(
    cluster: Cluster, item: Item, weights: Mapping[str, float], types: EventTypes
) -> tuple[bool, bool, bool, bool, float] | None:
    """Score a mention's fit: (same subject, same article, dated, the news, shared names)."""
    same_article = item.article.id in cluster.article_ids
    keys = cluster.keys
    shared = sum([weights.get(k, 0.0) for k in item.keys if k in keys])
    if not same_article and not _same_parties(
        cluster, item, _bond(cluster, item, weights), weights
    ):
        return None
    if cluster.type != item.mention.type and not _kin_fit(cluster, item, same_article, types):
        return None
    if same_article and shared <= 0 and not _anaphora(cluster, item, types):
        return None  # in one article, a shared name, the same day or "the vote" ties mentions
    if same_article and cluster.date.value is None and _elsewhere(cluster, item):
        return None  # "a summit in Sochi" and "a meeting in Washington" are two meetings
    if not _dates_fit(cluster, item, same_article, types):
        return None
    subject = item.principal is not None and item.principal in cluster.subjects
    return (subject, same_article, cluster.date.value is not None, _near(cluster, item), shared)


def _bond(cluster: Cluster, item: Item, weights: Mapping[str, float]) -> float:
    """Return the weight of what a mention shares with a cluster, demonyms read as countries.

    Only across articles: "two American citizens" and "U.S. citizens" tie two reports, but in
    one article a shared demonym says too little to tie two of its mentions.
    """
    keys, nations = cluster.keys, cluster.nations
    return sum(weights.get(k, 0.0) for k in item.shared if k in keys or k in nations)


def _same_venue(cluster: Cluster, item: Item) -> bool:
    """Tell whether an undated mention names the undated event's type, place and parties.

    "The two sides agreed at a meeting in Washington" and "the foreign ministers met in
    Washington" are one meeting: same type, same place no actor took, the same sides (one
    report may name a third: the host).
    """
    if cluster.type != item.mention.type or not item.venues & cluster.venues():
        return False
    sides, agents = set(item.mention.actors), cluster.agents
    return bool(sides and agents) and (sides <= agents or agents <= sides)


def _elsewhere(cluster: Cluster, item: Item) -> bool:
    """Tell whether an undated mention and an undated event name different places or groups."""
    theirs = cluster.names
    return bool(item.names and theirs and not item.names & theirs)


def _kin_fit(cluster: Cluster, item: Item, same_article: bool, types: EventTypes) -> bool:
    """Tell whether a mention of a kin type (a condemnation for a rejection) is that event.

    Reactions (speech types) merge only with one who speaks in common, and across articles
    only on a date the mention resolves itself: a weekday of an undated article is too weak.
    """
    kind = types.get(item.mention.type)
    if kind is None or not kind.speech:
        return True
    if not cluster.acts_with(item):
        return False
    return same_article or item.mention.date.value is not None


def _anaphora(cluster: Cluster, item: Item, types: EventTypes) -> bool:
    """Tell whether a mention may refer back to its article's event without naming anyone."""
    if _same_day(cluster, item, types):
        return True
    undated = item.mention.date.value is None and not item.mention.date.phrase
    return undated and not type_minor(types, cluster.type) and _near(cluster, item)


def _same_day(cluster: Cluster, item: Item, types: EventTypes) -> bool:
    """Tell whether a mention gives the cluster's very day (statements need the same speaker)."""
    date, own = cluster.date, item.mention.date
    if type_minor(types, cluster.type) or date.value is None or own.value is None:
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
    if mention.actors and _day_of_year(mention) and item.article.date.value is None:
        return set(mention.actors) <= cluster.keys  # "on November 10": every side agrees
    if mention.actors:
        return cluster.acts_with(item)  # one who acts acts there too
    total = sum(weights.get(k, 0.0) for k in item.keys)
    return total > 0 and shared / total >= SHARED_NAMES


def type_minor(types: EventTypes, name: str) -> bool:
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
        if mention.date.phrase and not same_article and _day_of_year(mention):
            return _same_day_of_year(mention, cluster.date)
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
    # two undated reports in different articles: only type, place and parties tie them
    return same_article or _same_venue(cluster, item)


def _day_of_year(mention: EventMention) -> bool:
    return mention.month is not None and mention.day is not None and mention.weekday is None


def _same_day_of_year(mention: EventMention, date: DateInfo) -> bool:
    """Tell whether "on November 10" of an undated article names a day-dated event's day.

    Only a day-precise event may date such a mention: "November 10" fits an event dated
    10 November 2020, never one known only as "November 2020" (which year is a guess).
    """
    if date.value is None or date.precision != "day":
        return False
    return (date.value.month, date.value.day) == (mention.month, mention.day)


def _has_hints(mention: EventMention) -> bool:
    return any(p is not None for p in (mention.weekday, mention.month, mention.day))


def cluster_hints(cluster: Cluster) -> EventMention | None:
    """Return the first mention of an undated cluster that carries date hints."""
    return cluster.hints


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
