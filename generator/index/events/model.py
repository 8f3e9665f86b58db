"""The types clustering works with: a mention in its article (`Item`), an event being built
(`Cluster`) and a hand-described event of the user's catalogue (`CatalogueEntry`)."""

from __future__ import annotations

import dataclasses
import re

from generator.models import Article, DateInfo, EventMention

# What comes between "in"/"at" and a place's name ("in the Russian resort town of Sochi").
VENUE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?$", re.I)


@dataclasses.dataclass(frozen=True, slots=True, eq=False)
class CatalogueEntry:
    """One hand-described event: how to recognise its mentions and what to call it."""

    id: str | None
    title: str | None
    type: str | None
    date: DateInfo | None
    words: tuple[str, ...]
    articles: tuple[str, ...]
    actors: tuple[str, ...]


@dataclasses.dataclass(slots=True, eq=False)  # not frozen: built once per mention, never changed
class Item:
    """One event mention in its article, with what it is matched on."""

    article: Article
    mention: EventMention
    keys: frozenset[str]  # actor ids, else the capitalised names of the sentence
    principal: str | None = None  # who acts: the first acting actor that is not a country
    agents: frozenset[str] = frozenset()  # who acts
    countries: frozenset[str] = frozenset()  # the countries the bodies that act belong to
    names: frozenset[str] = frozenset()  # capitalised names no actor covers (a place, a group)
    nations: frozenset[str] = frozenset()  # countries bare demonyms name ("Qatari mediators")
    shared: frozenset[str] = frozenset()  # keys | nations: what other articles' events may share

    @property
    def sentence(self) -> str:
        """Return the sentence the mention is in."""
        return self.article.sentences[self.mention.sentence]

    @property
    def venues(self) -> frozenset[str]:
        """Return the places no actor covers that the sentence says it happened in."""
        sentence, found = self.sentence, set()
        for match in re.finditer(r"\b[A-Z][\w’'-]*\w", sentence):
            word = match.group(0).casefold()
            named = word in self.names and word not in self.nations
            if named and VENUE_BEFORE.search(sentence[: match.start()]):
                found.add(word)
        return frozenset(found)


@dataclasses.dataclass(slots=True, eq=False)
class Cluster:
    """An event being built: its mentions and what they agree on, kept up to date by `add`."""

    type: str
    items: list[Item]
    date: DateInfo
    entry: CatalogueEntry | None = None
    keys: set[str] = dataclasses.field(default_factory=set, init=False)  # participant keys
    nations: set[str] = dataclasses.field(default_factory=set, init=False)
    names: set[str] = dataclasses.field(default_factory=set, init=False)
    subjects: set[str] = dataclasses.field(default_factory=set, init=False)  # principals
    agents: set[str] = dataclasses.field(default_factory=set, init=False)  # who acts in any
    countries: set[str] = dataclasses.field(default_factory=set, init=False)
    article_ids: set[str] = dataclasses.field(default_factory=set, init=False)
    hints: EventMention | None = dataclasses.field(default=None, init=False)  # first phrase
    _venues: set[str] = dataclasses.field(default_factory=set, init=False)
    _venues_of: int = dataclasses.field(default=0, init=False)  # items the venues cover

    def __post_init__(self) -> None:
        items, self.items = self.items, []
        for item in items:
            self.add(item)

    def add(self, item: Item) -> None:
        """Add a mention; what the cluster's mentions agree on grows with it (never rescanned)."""
        self.items.append(item)
        self.keys |= item.keys
        self.nations |= item.nations
        self.names |= item.names
        if item.principal:
            self.subjects.add(item.principal)
        self.agents |= item.agents
        self.countries |= item.countries
        self.article_ids.add(item.article.id)
        if self.hints is None and item.mention.date.phrase:
            self.hints = item.mention

    def venues(self) -> set[str]:
        """Return the places the cluster's mentions say it happened in (read when first asked)."""
        for item in self.items[self._venues_of :]:
            self._venues |= item.venues
        self._venues_of = len(self.items)
        return self._venues

    def acts_with(self, item: Item) -> bool:
        """Tell whether one who acts in the mention acts in the cluster.

        A ministry stands for its country, but two bodies of one country stay apart: the
        Senate is not the National Assembly.
        """
        agents = self.agents
        return bool(item.agents & agents or item.countries & agents or item.agents & self.countries)
