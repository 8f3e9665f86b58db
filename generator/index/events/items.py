"""Turn event mentions into items: each mention with the keys it is clustered on.

A mention's keys are its actors, the countries they belong to, and the capitalised names of its
sentence that no actor covers (a city, a group); a demonym no actor covers ("Qatari
mediators", "two American citizens") names its country. Each sentence is read once however
many mentions it holds, and what a set of actors gives is worked out once per build.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from generator.extract.events.participants import names_in
from generator.index.events.model import Item
from generator.models import Article, EventMention

NOTHING: frozenset[str] = frozenset()
# What a mention's actors give it: (actor ids and their countries, principal, agents, countries).
Parties = tuple[frozenset[str], str | None, frozenset[str], frozenset[str]]


class ItemReader:
    """Read the items of article after article, with the actor tables they are read by."""

    def __init__(
        self,
        stopwords: frozenset[str],
        kinds: Mapping[str, str],
        countries: Mapping[str, str],
        demonyms: Mapping[str, str],
    ) -> None:
        self.stopwords = stopwords
        self.kinds = kinds  # actor id -> type
        self.countries = countries  # actor id -> the country it belongs to
        self.demonyms = demonyms  # folded demonym -> country
        self._demonym_words = frozenset(demonyms)
        self._parties: dict[tuple[tuple[str, ...], tuple[str, ...]], Parties] = {}
        self._folded: dict[str, list[str]] = {}  # an actor's words as written -> folded

    def items(self, article: Article) -> list[Item]:
        """Return the article's event mentions as items."""
        surfaces: dict[int, frozenset[str]] | None = None  # read only if the extractor did not
        sentences: dict[int, tuple[frozenset[str], frozenset[str]]] = {}  # -> names, nations
        items = []
        for mention in article.event_mentions:
            at = mention.sentence
            if at not in sentences:  # one reading per sentence, however many mentions it holds
                if mention.names is not None:  # the extractor's, cached with the article
                    names = _frozen(mention.names)
                else:
                    surfaces = self._surfaces(article) if surfaces is None else surfaces
                    keys = names_in(article.sentences[at], self.stopwords)
                    names = _frozen(keys - surfaces.get(at, NOTHING))
                nations = NOTHING
                if not names.isdisjoint(self._demonym_words):
                    nations = _frozen(self.demonyms[n] for n in names if n in self.demonyms)
                sentences[at] = names, nations
            names, nations = sentences[at]
            ids, principal, agents, owners = self._parties_of(mention)
            keys = ids | names
            shared = keys | nations
            item = Item(article, mention, keys, principal, agents, owners, names, nations, shared)
            items.append(item)
        return items

    def _surfaces(self, article: Article) -> dict[int, frozenset[str]]:
        """Return sentence -> the folded words of the actor names in it, for event sentences."""
        wanted = {m.sentence for m in article.event_mentions}
        surfaces: dict[int, list[str]] = {}
        for m in article.actor_mentions:
            if m.sentence in wanted:
                surfaces.setdefault(m.sentence, []).append(m.surface)
        folded = self._folded
        for found in surfaces.values():
            for surface in found:
                if surface not in folded:  # actors are named alike over and over: fold once
                    folded[surface] = [_fold(w) for w in surface.split()]
        return {
            at: frozenset(w for surface in found for w in folded[surface])
            for at, found in surfaces.items()
        }

    def _parties_of(self, mention: EventMention) -> Parties:
        who = (mention.actors, mention.targets)
        if who not in self._parties:
            ids = frozenset(mention.actors + mention.targets)
            # a legislature, ministry or person says more about who acted than its country
            specific = [a for a in mention.actors if self.kinds.get(a, "") != "country"]
            principal = next(iter(specific or mention.actors), None)
            agents = _frozen(mention.actors)
            owners = _frozen(self.countries[a] for a in mention.actors if a in self.countries)
            self._parties[who] = (ids | owners, principal, agents, owners)
        return self._parties[who]


def _fold(word: str) -> str:
    """Return a word folded, without a possessive ending."""
    return word.casefold().removesuffix("’s").removesuffix("'s")


def _frozen(values: Iterable[str]) -> frozenset[str]:
    """Return the values as a set; every empty one is the same set (items keep many)."""
    found = frozenset(values)
    return found if found else NOTHING
