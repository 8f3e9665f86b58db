"""Merge discovered people across articles: "Volodymyr Zelenskiy" and "Volodymyr Zelensky"."""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz import fuzz

from generator.extract.names import actor_words, fold
from generator.models import Article, EventMention

FULL_SCORE = 88  # whole folded name
PART_SCORE = 80  # each given name and the surname, so "Heydar" never merges with "Ilham"
SHORT_GIVEN = 4  # letters of a given name's short form that may stand for it ("Jenn")
BLOCK = 2  # people are compared within the same first letters of the surname ("Vasquez", "Vazquez")


def merge_people(articles: Sequence[Article], catalogue_ids: Iterable[str]) -> list[Article]:
    """Return the articles with each discovered person's spelling variants under one id."""
    known = set(catalogue_ids)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    single: dict[str, str] = {}  # a person named by one word only: id -> the folded word
    for article in articles:
        for m in article.actor_mentions:
            if m.type != "person" or m.actor_id in known:
                continue
            if len(m.surface.split()) > 1:
                names[m.actor_id][fold(m.surface)] += 1
            else:
                single[m.actor_id] = fold(m.surface)
    best = {i: c.most_common(1)[0][0] for i, c in names.items()}
    renames = _renames(best, names)
    renames |= _one_word_names({i: w for i, w in single.items() if i not in names}, best, renames)
    if not renames:
        return list(articles)
    return [renamed(a, renames) for a in articles]


def _renames(best: Mapping[str, str], counts: Mapping[str, Counter[str]]) -> dict[str, str]:
    """Return old id -> canonical id: the most mentioned spelling of each group wins."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for actor_id, name in sorted(best.items()):
        blocks[name.split()[-1][:BLOCK]].append(actor_id)
    renames: dict[str, str] = {}
    for ids in blocks.values():
        ranked = sorted(ids, key=lambda i: (-sum(counts[i].values()), i))
        for k, actor_id in enumerate(ranked):
            if actor_id in renames:
                continue
            for other in ranked[k + 1 :]:
                if other not in renames and same_person(best[actor_id], best[other]):
                    renames[other] = actor_id
    _same_core(best, renames)
    _extend(best, renames)
    return renames


def _same_core(best: Mapping[str, str], renames: dict[str, str]) -> None:
    """Merge "Roland L. Butler Jr." and "Roland Butler": one name without initials and
    suffixes. The fullest form keeps the page."""
    suffixes = actor_words().name_suffixes
    cores: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for actor_id, name in sorted(best.items()):
        if actor_id in renames:
            continue
        parts = [p.strip(".") for p in name.split()]
        core = tuple(p for p in parts if len(p) > 1 and p not in suffixes)
        if len(core) >= 2:
            cores[core].append(actor_id)
    for ids in cores.values():
        fullest = max(ids, key=lambda i: (len(best[i].split()), i))
        for actor_id in ids:
            if actor_id != fullest:
                renames[actor_id] = fullest


def _extend(best: Mapping[str, str], renames: dict[str, str]) -> None:
    """Merge "Ricardo Salcedo" into "Ricardo Salcedo Ortega", the one longer name it begins:
    a second surname one report writes and another leaves out. Two such names: no merge."""
    longer: dict[str, list[str]] = defaultdict(list)
    for actor_id, name in best.items():
        parts = name.split()
        if len(parts) > 2 and actor_id not in renames:
            longer[" ".join(parts[:2])].append(actor_id)
    for actor_id, name in sorted(best.items()):
        fuller = longer.get(name, [])
        if len(name.split()) == 2 and len(fuller) == 1 and actor_id not in renames:
            renames[actor_id] = fuller[0]
    for old, new in renames.items():  # a variant of the short name follows it to the long one
        while new in renames:
            new = renames[new]
        renames[old] = new


def _one_word_names(
    single: Mapping[str, str], best: Mapping[str, str], renames: Mapping[str, str]
) -> dict[str, str]:
    """Return one-word person id -> the one person of the corpus with that surname (else that
    given name): "Sutskever" in one report is "Ilya Sutskever" of another. Two such people, or
    none: the word keeps its own page."""
    surnames: dict[str, set[str]] = defaultdict(set)
    given: dict[str, set[str]] = defaultdict(set)
    for actor_id, name in best.items():
        parts = name.replace("-", " ").split()
        whole = renames.get(actor_id, actor_id)
        surnames[parts[-1]].add(whole)
        surnames[name.split()[-1]].add(whole)  # "Suazo-Sandoval"
        given[parts[0]].add(whole)
    found: dict[str, str] = {}
    for actor_id, word in single.items():
        people = surnames.get(word) or given.get(word) or _spelled_like(word, surnames)
        if len(people) == 1:
            found[actor_id] = next(iter(people))
    return found


def _spelled_like(word: str, surnames: Mapping[str, set[str]]) -> set[str]:
    """Return the people whose surname a one-word name misspells ("Bankman-Freid"), if one."""
    close = [s for s in surnames if len(s) > SHORT_GIVEN and fuzz.ratio(word, s) >= FULL_SCORE]
    return surnames[close[0]] if len(close) == 1 else set()


def same_person(a: str, b: str) -> bool:
    """Return whether two folded names spell one person: same shape, every part close, or the
    same surnames after a given name and its short form ("Jenni" and "Jennifer Hermoso")."""
    parts_a, parts_b = a.replace("-", " ").split(), b.replace("-", " ").split()
    if len(parts_a) != len(parts_b):
        return False
    if parts_a[1:] == parts_b[1:] and _short_for(parts_a[0], parts_b[0]):
        return True
    if fuzz.ratio(a, b) < FULL_SCORE:
        return False
    return all(fuzz.ratio(x, y) >= PART_SCORE for x, y in zip(parts_a, parts_b, strict=True))


def _short_for(a: str, b: str) -> bool:
    """Return whether one given name opens the other: "jenni" and "jennifer", "alex" and
    "alexander"; not "jo" and "john"."""
    short, long = sorted((a, b), key=len)
    return len(short) >= SHORT_GIVEN and long.startswith(short)


def renamed(article: Article, renames: Mapping[str, str]) -> Article:
    """Return the article with renamed actor ids in its mentions, quotes and events."""
    ids = {m.actor_id for m in article.actor_mentions}
    if not ids & renames.keys():
        return article

    # only what names a renamed id is copied; the rest is kept as it is (equal either way)
    return dataclasses.replace(
        article,
        actor_mentions=tuple(
            dataclasses.replace(m, actor_id=renames[m.actor_id]) if m.actor_id in renames else m
            for m in article.actor_mentions
        ),
        quotes=tuple(
            dataclasses.replace(q, actor_id=renames[q.actor_id]) if q.actor_id in renames else q
            for q in article.quotes
        ),
        event_mentions=tuple(_eventrenamed(e, renames) for e in article.event_mentions),
    )


def _eventrenamed(mention: EventMention, renames: Mapping[str, str]) -> EventMention:
    actors, targets = _fresh(mention.actors, renames), _fresh(mention.targets, renames)
    if (actors, targets) == (mention.actors, mention.targets):
        return mention
    return dataclasses.replace(mention, actors=actors, targets=targets)


def _fresh(values: tuple[str, ...], renames: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(renames.get(v, v) for v in values))
