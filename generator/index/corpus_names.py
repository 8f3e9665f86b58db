"""Find in every article the names the corpus has discovered in any: "OceanGate" found as a
company in one report is OceanGate in the report that only writes "OceanGate's sub".

Extraction reads one article at a time, so a name it has no cue for in an article is missed
there. Once every article is read, each name that belongs to one discovered actor is looked
for in every sentence, all names in one pass (an Aho-Corasick automaton).
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

import ahocorasick

from generator.extract.catalogue import ActorIndex
from generator.extract.names import actor_words, dictionary_word, fold
from generator.models import ActorMention, Article

SHORTEST = 3  # letters of a one-word name worth looking for ("Dali"), acronyms aside
ACRONYM = (2, 7)  # letters of an acronym worth looking for ("FMSC")
# Articles extraction must have found an actor in before its one-word name is looked for in
# all: one cue in one report is too little for "Charleston" to be an actor wherever written.
ONE_WORD_SEEN = 2


def add_corpus_names(articles: Sequence[Article], index: ActorIndex) -> list[Article]:
    """Return the articles with a mention wherever a sentence names a discovered actor by a
    name only that actor goes by, and no mention covers those words yet."""
    names, kinds = _names(articles, index)
    if not names:
        return list(articles)
    automaton = ahocorasick.Automaton()
    for surface, actor_id in names.items():
        automaton.add_word(surface, (surface, actor_id))
    automaton.make_automaton()
    return [_with_names(article, automaton, kinds) for article in articles]


def _names(articles: Iterable[Article], index: ActorIndex) -> tuple[dict[str, str], dict[str, str]]:
    """Return name -> the one discovered actor it names, and each such actor's type."""
    owners: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    seen_in: Counter[str] = Counter()  # actor -> articles extraction found it in
    worth: dict[str, bool] = {}
    for article in articles:
        for m in article.actor_mentions:
            if m.actor_id in index.entries or m.type == "country":
                continue
            kinds[m.actor_id][m.type] += 1
            if m.surface not in worth:
                worth[m.surface] = _worth_finding(m.surface, index, m.type == "vessel")
            if worth[m.surface]:
                owners[m.surface].add(m.actor_id)
        seen_in.update({m.actor_id for m in article.actor_mentions})
    names = {
        s: next(iter(ids))
        for s, ids in sorted(owners.items())
        if len(ids) == 1 and (" " in s or seen_in[next(iter(ids))] >= ONE_WORD_SEEN)
    }
    types = {i: min(c, key=lambda k: (-c[k], k)) for i, c in kinds.items()}
    return names, types


def _worth_finding(surface: str, index: ActorIndex, ship: bool = False) -> bool:
    """Return whether a name is proper enough to be that actor wherever it is written: two or
    more words with one no dictionary holds or a head word ("Stockton Rush", "Coast Guard",
    any ship's name), a word no dictionary holds ("Lochridge"), or an acronym; not common
    words ("Rush", "World Cup"), not a name of the catalogue (its own pass found those)."""
    words = surface.split()
    if not surface[:1].isupper() or not words:
        return False
    key = tuple(fold(w) for w in words)
    if key in index.aliases:
        return False
    if len(words) > 1:  # "Stockton Rush", "Coast Guard"; not "World Cup", a list "A and B"
        proper = all(w[:1].isupper() or w in actor_words().connectors for w in words)
        named = ship or any(not dictionary_word(k) for k in key) or key[-1] in actor_words().heads
        return proper and named and "and" not in key
    word = words[0]
    if word.isupper():
        return ACRONYM[0] <= len(word) <= ACRONYM[1] and word.isalpha()
    folded = fold(word)
    return (
        len(word) >= SHORTEST
        and word.isalpha()
        and not dictionary_word(folded)
        and folded not in actor_words().stop_words
        and folded not in actor_words().titles
    )


def _with_names(
    article: Article, automaton: ahocorasick.Automaton, kinds: Mapping[str, str]
) -> Article:
    """Return the article with the mentions the automaton finds where no mention stands.

    The sentences are searched as one text, a line each; only a sentence with a match is
    compared with its mentions.
    """
    text = "\n".join(article.sentences)
    starts = list(itertools.accumulate((len(s) + 1 for s in article.sentences), initial=0))
    by_sentence: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    for start, end, surface, actor_id in _matches(text, automaton):
        s = bisect.bisect_right(starts, start) - 1
        by_sentence[s].append((start - starts[s], end - starts[s], surface, actor_id))
    if not by_sentence:
        return article
    named: dict[int, list[ActorMention]] = defaultdict(list)
    for m in article.actor_mentions:
        named[m.sentence].append(m)
    added: list[ActorMention] = []
    for s, found in sorted(by_sentence.items()):
        taken = _covered(article.sentences[s], named.get(s, ()))
        present = {m.actor_id for m in named.get(s, ())}
        for start, end, surface, actor_id in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            if actor_id in present or any(a < end and start < b for a, b in taken):
                continue
            added.append(ActorMention(actor_id, surface, s, kinds[actor_id]))
            taken.append((start, end))
            present.add(actor_id)
    if not added:
        return article
    mentions = sorted([*article.actor_mentions, *added], key=lambda m: m.sentence)
    return dataclasses.replace(article, actor_mentions=tuple(mentions))


def _covered(sentence: str, mentions: Iterable[ActorMention]) -> list[tuple[int, int]]:
    """Return the character spans of a sentence its mentions' words stand at."""
    spans = []
    for m in mentions:
        at = sentence.find(m.surface)
        while at >= 0:
            spans.append((at, at + len(m.surface)))
            at = sentence.find(m.surface, at + 1)
    return spans


def _matches(text: str, automaton: ahocorasick.Automaton) -> list[tuple[int, int, str, str]]:
    """Return the whole-word matches of the names in a text."""
    found = []
    for last, (surface, actor_id) in automaton.iter(text):
        start, end = last - len(surface) + 1, last + 1
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and not after.isalnum() and before not in "-'’":
            found.append((start, end, surface, actor_id))
    return found
