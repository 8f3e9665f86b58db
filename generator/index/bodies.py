"""Merge discovered organisations across articles: one page for "U.S. Coast Guard", "US Coast
Guard" and "the Coast Guard", for "DOJ" and "the U.S. Department of Justice", for "the Superior
Court" and "San Francisco Superior Court"."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from generator.extract.catalogue import ActorIndex
from generator.extract.names import actor_words, dictionary_word, keys
from generator.index.people import renamed
from generator.models import Article

BODIES = ("organization", "legislature", "group")
# A bare name goes to the one body of the corpus that names it with a country when that body is
# named in this many times the articles of the next one: "the Coast Guard" of a story on a
# U.S. accident is the U.S. Coast Guard though the Canadian one helped.
DOMINANT = 3
NAMED_FOR = 3  # words of a name opened by a company's one-word name ("OceanGate Expeditions")
CUT = 5  # letters a word cut short keeps ("Transport" for "Transportation")
SUBSEQUENCE = 3  # words of a name that leaves out a middle one ("National Transportation Board")
LONG_NAME = 4  # words of a name that one article may also write with one more word
SHORTEST = 2  # words of a truncation ("Marine Board"); one word alone is too common a head

# A body's country, if its name opens with one, and the rest of its words.
Form = tuple[str | None, tuple[str, ...]]


def merge_bodies(articles: Sequence[Article], index: ActorIndex) -> list[Article]:
    """Return the articles with each discovered body's forms under one id."""
    named: dict[str, Counter[tuple[str, ...]]] = defaultdict(Counter)
    spread: dict[str, set[str]] = defaultdict(set)
    people: dict[str, set[str]] = defaultdict(set)  # articles where an id is a person
    for article in articles:
        for m in article.actor_mentions:
            if m.type == "person":
                people[m.actor_id].add(article.id)
            elif m.type in BODIES and m.actor_id not in index.entries and m.surface[:1].isupper():
                named[m.actor_id][keys(m.surface)] += 1
                spread[m.actor_id].add(article.id)
    for actor_id in [i for i in named if len(people.get(i, ())) >= len(spread[i])]:
        del named[actor_id]  # "Elon Musk", a body in one article's reading, is a person
    if not named:
        return list(articles)
    forms = {i: _country_and_rest(_fullest(c), index) for i, c in named.items()}
    renames = _renames(forms, spread)
    catalogued = {  # "Tesla Inc" is the catalogue's Tesla
        actor_id: entry
        for actor_id, (country, rest) in forms.items()
        if country is None and (entry := _catalogued(rest, index)) is not None
    }
    renames = {old: catalogued.get(new, new) for old, new in renames.items()} | catalogued
    return [renamed(a, renames) for a in articles] if renames else list(articles)


def _catalogued(words: tuple[str, ...], index: ActorIndex) -> str | None:
    """Return the catalogue body a discovered name is the name of, shortened ("Tesla" for
    "Tesla Inc."), if exactly one."""
    found = {
        t.actor_id
        for t in index.aliases.get(words, ())
        if t.how == "name"
        and (entry := index.entries.get(t.actor_id)) is not None
        and entry.type in BODIES
    }
    return next(iter(found)) if len(found) == 1 else None


def _fullest(forms: Counter[tuple[str, ...]]) -> tuple[str, ...]:
    """Return the longest name a body goes by, the commonest of those: "Silicon Valley Bank",
    not "SVB"."""
    return min(forms, key=lambda words: (-len(words), -forms[words], words))


def _country_and_rest(words: tuple[str, ...], index: ActorIndex) -> Form:
    """Return the country a body's name opens with ("U.S.", "Canadian", "Brazil's"), if any,
    and the rest of its words: "U.S. Coast Guard" -> ("united-states", ("coast", "guard"))."""
    words = tuple(w for w in words if w != "the") or words
    shortenable = actor_words().shortenable
    while len(words) > 1 and words[-1].strip(".") in shortenable:
        words = words[:-1]  # "Tesla Inc." is Tesla
    for n in (3, 2, 1):
        if len(words) <= n:
            continue
        for target in index.aliases.get(words[:n], ()):
            entry = index.entries.get(target.actor_id)
            if target.how in ("name", "demonym") and entry is not None and entry.type == "country":
                rest = words[n + 1 :] if words[n] == "'s" else words[n:]
                return (target.actor_id, rest) if rest else (None, words)
    return None, words


def _renames(forms: Mapping[str, Form], spread: Mapping[str, set[str]]) -> dict[str, str]:
    """Return old id -> kept id, the body named in the most articles kept (then the first id).

    `spread` gives the articles that name each id.
    """
    order = sorted(forms, key=lambda i: (-len(spread[i]), i))
    renames: dict[str, str] = {}
    bodies: dict[Form, str] = {}
    articles = {i: set(spread[i]) for i in order}
    for actor_id in order:  # one name, however its country is written
        kept = bodies.setdefault(forms[actor_id], actor_id)
        if kept != actor_id:
            renames[actor_id] = kept
            articles[kept] |= articles[actor_id]
    weight = {i: len(a) for i, a in articles.items()}
    by_rest: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for (country, rest), actor_id in bodies.items():
        if country is not None:
            by_rest[rest].append(actor_id)
    for (country, rest), actor_id in bodies.items():
        if country is None and rest in by_rest:
            target = _dominant(by_rest[rest], weight)
            if target is not None:
                renames[actor_id] = target
    left = {form: i for form, i in bodies.items() if i not in renames}
    for form, actor_id in left.items():
        target = (
            _acronym_of(form, left, weight)
            or _truncation_of(form, left, articles)
            or _named_for(form, left, weight)
        )
        if target is not None and target != actor_id:
            renames[actor_id] = target
    for old, new in list(renames.items()):  # a chain ends at the body kept
        seen = {old}
        while new in renames and new not in seen:
            seen.add(new)
            new = renames[new]
        renames[old] = new
    return {old: new for old, new in renames.items() if old != new}


def _dominant(ids: Sequence[str], weight: Mapping[str, int]) -> str | None:
    ranked = sorted(ids, key=lambda i: (-weight[i], i))
    if len(ranked) == 1 or weight[ranked[0]] >= DOMINANT * weight[ranked[1]]:
        return ranked[0]
    return None


def _acronym_of(form: Form, bodies: Mapping[Form, str], weight: Mapping[str, int]) -> str | None:
    """Return the one body whose initials a one-word name spells ("doj": Department of
    Justice, "ftc": Federal Trade Commission), with or without its country's."""
    country, rest = form
    if country is not None or len(rest) != 1 or not 2 <= len(rest[0]) <= 7:
        return None
    word = rest[0]
    found = [
        actor_id
        for (other_country, other), actor_id in bodies.items()
        if len(other) > 1 and word in _initials(other, other_country)
    ]
    return _dominant(found, weight) if found else None


def _initials(words: tuple[str, ...], country: str | None) -> set[str]:
    """Return the acronyms a name may go by: every word's first letter, or only the names'."""
    every = "".join(w[0] for w in words if w[0].isalnum())
    proper = "".join(w[0] for w in words if w not in _SMALL and w[0].isalnum())
    found = {every, proper}
    if country is not None:
        found |= {"us" + every, "us" + proper} if country == "united-states" else set()
    return found


_SMALL = frozenset(["of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le", "'s"])


def _truncation_of(
    form: Form, bodies: Mapping[Form, str], articles: Mapping[str, set[str]]
) -> str | None:
    """Return the one longer body whose name begins or ends with this one's words, of its
    country or of none: "Marine Board" of "Marine Board of Investigation", "Superior Court"
    of "San Francisco Superior Court". Two such bodies: none."""
    country, rest = form
    if len(rest) < SHORTEST:
        return None
    mine = articles.get(bodies[form], set())
    found = {
        actor_id
        for (other_country, other), actor_id in bodies.items()
        if other != rest
        and country in (None, other_country)
        and _shortened(rest, other, together=bool(mine & articles.get(actor_id, set())))
    }
    return next(iter(found)) if len(found) == 1 else None


def _named_for(form: Form, bodies: Mapping[Form, str], weight: Mapping[str, int]) -> str | None:
    """Return the body a one-word name of no dictionary opens this name with: "OceanGate
    Expeditions" and "OceanGate Exploration" are OceanGate's, as "Meta Platforms" is Meta's;
    not when the word is another body's initials ("SVB Financial Group" is not the bank)."""
    country, rest = form
    if country is not None or not 2 <= len(rest) <= NAMED_FOR or dictionary_word(rest[0]):
        return None
    word: Form = (None, rest[:1])
    return bodies.get(word) if _acronym_of(word, bodies, weight) is None else None


def _shortened(short: tuple[str, ...], name: tuple[str, ...], together: bool = False) -> bool:
    """Return whether `short` is `name` cut short: its first or last words ("Marine Board",
    "Superior Court"), its words without some middle ones ("National Transportation Board"),
    or its words each cut ("Maryland Transport Authority"). `together` says whether one article
    names both."""
    if len(short) < len(name):
        if name[: len(short)] == short:
            return "and" not in name[len(short) :]  # not "Delta Air Lines and CrowdStrike"
        if name[-len(short) :] == short:
            return "and" not in name[: -len(short)]
        # three words at least, never two names of one article: "Signature Bank" is not
        # "Signature Bridge Bank", which the report that names both set up to take it over
        rest = iter(name)
        close = len(short) >= LONG_NAME and len(name) == len(short) + 1
        return (
            (not together or close)  # "Johns Hopkins (University) Applied Physics Laboratory"
            and len(short) >= SUBSEQUENCE
            and short[0] == name[0]
            and short[-1] == name[-1]
            and all(w in rest for w in short)
        )
    return len(short) == len(name) and all(
        a == b or (min(len(a), len(b)) >= CUT and (a.startswith(b) or b.startswith(a)))
        for a, b in zip(short, name, strict=True)
    )
