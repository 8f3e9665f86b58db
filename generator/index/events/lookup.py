"""Find the events a mention may join without comparing it with every event.

A mention from another article joins an event only if it shares a participant key with it, and
a dated one only if the event's date meets its own within the type's span; in its own article a
mention may join any event. So the clusters are indexed by article, by participant key and by
date bucket (a day, a month or a year, the event's precision), and a mention is scored against
the clusters those buckets give: the same clusters a full scan would score, found in near-linear
time. Buckets follow a cluster when its date becomes more precise.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache

from generator.extract.events.kinds import EventType, EventTypes
from generator.index.events.dates import day_interval
from generator.index.events.model import Cluster, Item
from generator.models import DateInfo, Precision


@dataclasses.dataclass(frozen=True, slots=True)
class IndexedTypes(EventTypes):
    """The event dictionary with its types looked up by name instead of by a scan."""

    by_name: Mapping[str, EventType] = dataclasses.field(
        default_factory=dict, compare=False, hash=False
    )
    rank: Mapping[str, int] = dataclasses.field(default_factory=dict, compare=False, hash=False)
    # type name -> the other names its mentions may share an event with (`related`)
    kin: Mapping[str, frozenset[str]] = dataclasses.field(
        default_factory=dict, compare=False, hash=False
    )

    def get(self, name: str) -> EventType | None:
        """Return the type called `name`, if any."""
        return self.by_name.get(name)

    def related(self, a: str, b: str) -> bool:
        """Tell whether mentions of types `a` and `b` may report one event."""
        if a == b:
            return True
        kin = self.kin.get(a)
        return b in kin if kin is not None else EventTypes.related(self, a, b)

    def first(self, a: str, b: str) -> str:
        """Return whichever of two types comes first in the dictionary (the more specific)."""
        if a == b:
            return a
        last = len(self.types)
        return b if self.rank.get(b, last) < self.rank.get(a, last) else a


def indexed(types: EventTypes) -> IndexedTypes:
    """Return the event dictionary with lookups by name (the first type of a name wins)."""
    ordered = list(enumerate(types.types))
    by_name = {t.name: t for _, t in reversed(ordered)}
    kin = {
        name: kind.kin | {other for other, t in by_name.items() if name in t.kin}
        for name, kind in by_name.items()
    }
    return IndexedTypes(
        types.types,
        types.figures,
        types.stopwords,
        types.scan,
        by_name=by_name,
        rank={t.name: i for i, t in reversed(ordered)},
        kin=kin,
    )


PRECISIONS: tuple[Precision, ...] = ("day", "month", "year")
NONE: frozenset[int] = frozenset()


def _bucket(precision: Precision, day: dt.date) -> int:
    """Return the bucket of a date of this precision: its day, month or year, as a number."""
    if precision == "day":
        return day.toordinal()
    if precision == "month":
        return day.year * 12 + day.month - 1
    return day.year


@lru_cache(maxsize=4096)  # mentions ask about the same few hundred dates over and over
def _window(day: dt.date, precision: Precision, slack: int) -> list[tuple[Precision, int, int]]:
    """Return, for each precision, the first and last bucket of the dates that meet a date."""
    first, last = (d.toordinal() for d in day_interval(day, precision))
    low = dt.date.fromordinal(max(first - slack, 1))
    high = dt.date.fromordinal(min(last + slack, dt.date.max.toordinal()))
    return [(p, _bucket(p, low), _bucket(p, high)) for p in PRECISIONS]


class ClusterIndex:
    """The clusters built so far, in creation order, with the lookups that find candidates."""

    def __init__(self, types: EventTypes) -> None:
        self.types = types
        self.clusters: list[Cluster] = []
        self._number: dict[int, int] = {}  # id(cluster) -> its place in creation order
        self._by_article: dict[str, set[int]] = defaultdict(set)
        self._by_key: dict[tuple[str, str], set[int]] = defaultdict(set)  # (type, key)
        self._by_date: dict[Precision, dict[int, set[int]]] = defaultdict(dict)
        self._occupied: dict[Precision, list[int]] = defaultdict(list)  # sorted buckets
        self._placed: dict[int, tuple[Precision, int]] = {}  # cluster -> its date bucket
        self._slack: dict[str, int] = {}  # mention type -> widest span of a type it may join
        self._kin: dict[str, list[str]] = {}  # mention type -> the types it may join

    def add(self, cluster: Cluster) -> None:
        """Register a new cluster (one with a catalogue entry is never a candidate)."""
        number = len(self.clusters)
        self.clusters.append(cluster)
        self._number[id(cluster)] = number
        if cluster.entry is not None:
            return
        for item in cluster.items:
            self._register(number, item)
        self._place(number, cluster.date)

    def join(self, cluster: Cluster, item: Item, kind: str, date: DateInfo) -> None:
        """Add a mention to a cluster, which takes type `kind` and date `date`."""
        cluster.add(item)
        number = self._number[id(cluster)]
        moved = date is not cluster.date  # an unchanged date keeps its bucket
        if cluster.entry is None and kind != cluster.type:  # its keys move to the new type
            for key in cluster.keys | cluster.nations:
                self._by_key[(cluster.type, key)].discard(number)
                self._by_key[(kind, key)].add(number)
        cluster.type = kind
        cluster.date = date
        if cluster.entry is None:
            self._register(number, item)
            if moved:
                self._place(number, date)

    def candidates(self, item: Item) -> list[tuple[int, Cluster]]:
        """Return (number, cluster) for every cluster the mention may fit, in creation order."""
        own = self._by_article.get(item.article.id, NONE)
        shared = item.shared
        date = item.mention.date
        if date.value is None:
            found = set(own)
            if _may_join_elsewhere(item):
                others: set[int] = set()
                for kind in self._kin_of(item.mention.type):
                    for key in _elsewhere_keys(item):
                        others |= self._by_key.get((kind, key), NONE)
                found |= {n for n in others - own if _may_fit_elsewhere(self.clusters[n], item)}
        else:
            near = set(own)  # its article's events, and those that share a key with it
            for kind in self._kin_of(item.mention.type):  # another type's event would not do
                for key in shared:
                    near |= self._by_key.get((kind, key), NONE)
            found = near & self._dated(date, self._slack_of(item.mention.type))
            found |= {n for n in own if self.clusters[n].date.value is None}
        return [(n, self.clusters[n]) for n in sorted(found)]

    def _register(self, number: int, item: Item) -> None:
        self._by_article[item.article.id].add(number)
        kind = self.clusters[number].type
        for key in item.shared:
            self._by_key[(kind, key)].add(number)

    def _place(self, number: int, date: DateInfo) -> None:
        """Move a cluster to the bucket of its (possibly new) date."""
        place = None
        if date.value is not None:
            place = (date.precision, _bucket(date.precision, date.value))
        old = self._placed.get(number)
        if place == old:
            return
        if old is not None:
            members = self._by_date[old[0]][old[1]]
            members.discard(number)
            if not members:
                del self._by_date[old[0]][old[1]]
                occupied = self._occupied[old[0]]
                occupied.pop(bisect.bisect_left(occupied, old[1]))
            del self._placed[number]
        if place is not None:
            buckets = self._by_date[place[0]]
            if place[1] not in buckets:
                buckets[place[1]] = set()
                bisect.insort(self._occupied[place[0]], place[1])
            buckets[place[1]].add(number)
            self._placed[number] = place

    def _dated(self, date: DateInfo, slack: int) -> set[int]:
        """Return the dated clusters whose dates meet `date` within `slack` days."""
        assert date.value is not None
        found: set[int] = set()
        for precision, low, high in _window(date.value, date.precision, slack):
            occupied = self._occupied.get(precision)
            if not occupied:
                continue
            start = bisect.bisect_left(occupied, low)
            stop = bisect.bisect_right(occupied, high)
            buckets = self._by_date[precision]
            for bucket in occupied[start:stop]:
                found |= buckets[bucket]
        return found

    def _kin_of(self, kind: str) -> list[str]:
        """Return the types of the clusters a mention of type `kind` may join."""
        if kind not in self._kin:
            names = dict.fromkeys([kind, *(t.name for t in self.types.types)])
            self._kin[kind] = [n for n in names if self.types.related(n, kind)]
        return self._kin[kind]

    def _slack_of(self, kind: str) -> int:
        """Return the widest span of the types a mention of type `kind` may join."""
        if kind not in self._slack:
            spans = [t.span_days for t in self.types.types if self.types.related(t.name, kind)]
            self._slack[kind] = max([self.types.span_days(kind), *spans])
        return self._slack[kind]


def _may_join_elsewhere(item: Item) -> bool:
    """Tell whether an undated mention could join an event of another article at all.

    One without a date phrase in an article without a date cannot (`fit` refuses it).
    """
    return bool(item.mention.date.phrase) or item.article.date.value is not None


def _elsewhere_keys(item: Item) -> frozenset[str]:
    """Return the keys by which an undated mention may find events of other articles.

    When one who acts in the mention must act in the event (see `_may_fit_elsewhere`), the
    event holds one of the mention's agents or their countries among its keys: those find it.
    """
    if item.mention.actors and not _by_every_side(item):
        return item.agents | item.countries
    return item.shared


def _by_every_side(item: Item) -> bool:
    """Tell whether an undated article's mention gives a day of the year ("on November 10")."""
    mention = item.mention
    day_of_year = mention.month is not None and mention.day is not None
    return day_of_year and mention.weekday is None and item.article.date.value is None


def _may_fit_elsewhere(cluster: Cluster, item: Item) -> bool:
    """Tell whether an undated mention that may join elsewhere could fit this cluster at all.

    Only what `fit` would refuse anyway is left out, and cheaply: an event after the
    article, a report's event older than the day before, an undated event of another type,
    no one acting in common.
    """
    mention, published = item.mention, item.article.date.value
    when = cluster.date.value
    if when is not None and published is not None:
        if when > published:
            return False
        if not mention.date.phrase and mention.role == "reports" and (published - when).days > 1:
            return False
    if when is None and not mention.date.phrase and cluster.type != mention.type:
        return False
    return not mention.actors or _by_every_side(item) or cluster.acts_with(item)
