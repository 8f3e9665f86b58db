"""Compile the actor catalogue once per run into dictionaries keyed by folded token n-grams."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from generator.extract.names import ActorWords, actor_words, fold, keys, plain, tokenize
from generator.knowledge import Knowledge

How = Literal["name", "capital", "demonym", "head", "surname", "metonym"]
# Which reading of an alias wins: "Brussels" is the EU before it is Belgium's capital.
PRIORITY: tuple[How, ...] = ("name", "metonym", "capital", "demonym", "head", "surname")
MAX_EXACT = 6  # all-capital aliases this short ("UN", "WHO") match case-sensitively


@dataclass(frozen=True, slots=True)
class Entry:
    """One catalogue actor, merged from every file that names its id."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    url: str | None = None
    country: str | None = None  # for an institution: the id of its state
    capital: str | None = None
    demonyms: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # "senators": "French senators" names the French Senate


@dataclass(frozen=True, slots=True)
class Target:
    """What an alias points at, and how it was derived."""

    actor_id: str
    how: How
    exact: tuple[str, ...] | None = None  # case-sensitive surface, diacritics removed


@dataclass(frozen=True, slots=True)
class ActorIndex:
    """Every alias of every catalogue actor, ready for longest-match lookups."""

    entries: Mapping[str, Entry]
    aliases: Mapping[tuple[str, ...], tuple[Target, ...]]
    max_len: int
    people: Mapping[str, str] = field(default_factory=dict)  # folded full name -> id
    head_starts: frozenset[str] = frozenset()  # first words of heads ("foreign" ministry)
    words: ActorWords = field(default_factory=actor_words)


_CACHE: dict[str, ActorIndex] = {}


def actor_index(knowledge: Knowledge) -> ActorIndex:
    """Return the compiled index for this knowledge, built once per fingerprint."""
    key = knowledge.fingerprint or str(id(knowledge.actors))
    if key not in _CACHE:
        _CACHE.clear()  # one catalogue per run; do not grow without bound
        _CACHE[key] = compile_index(merge_entries(knowledge.actors))
    return _CACHE[key]


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def merge_entries(raw: Iterable[Mapping[str, Any]]) -> dict[str, Entry]:
    """Merge entries by id: later files override fields and add aliases."""
    merged: dict[str, dict[str, Any]] = {}
    for item in raw:
        if not item.get("id") or not item.get("name"):
            continue
        old = merged.setdefault(str(item["id"]), {})
        aliases = [*old.get("aliases", ()), *_strings(item.get("aliases"))]
        old.update({k: v for k, v in item.items() if v is not None})
        old["aliases"] = tuple(dict.fromkeys(aliases))
    return {i: _entry(i, d) for i, d in sorted(merged.items())}


def _entry(actor_id: str, d: Mapping[str, Any]) -> Entry:
    capital = str(d["capital"]).split(",")[0].strip() if d.get("capital") else None
    return Entry(
        id=actor_id,
        name=str(d["name"]),
        type=str(d.get("type") or "organization"),
        aliases=tuple(a for a in d.get("aliases", ()) if a != d["name"]),
        description=str(d.get("description") or ""),
        url=d.get("wikipedia") or d.get("wikidata") or d.get("url"),
        country=d.get("country"),
        capital=capital,
        demonyms=_strings(d.get("demonyms")),
        members=_strings(d.get("members")),
    )


def compile_index(entries: Mapping[str, Entry]) -> ActorIndex:
    """Build the alias dictionary of all entries."""
    words = actor_words()
    table: dict[tuple[str, ...], list[Target]] = defaultdict(list)

    def add(text: str, actor_id: str, how: How) -> None:
        tokens = tokenize(text, words.suffixes)
        if not tokens:
            return
        letters = [c for c in text if c.isalpha()]
        short_caps = len(letters) <= MAX_EXACT and all(c.isupper() for c in letters)
        exact = tuple(plain(t.text) for t in tokens) if short_caps or "." in text else None
        target = Target(actor_id, how, exact)
        if target not in table[tuple(t.key for t in tokens)]:
            table[tuple(t.key for t in tokens)].append(target)

    people: dict[str, str] = {}
    for entry in entries.values():
        for name in (entry.name, *entry.aliases):
            add(name, entry.id, "name")
        if entry.type == "country":
            _add_country(entry, add)
        if entry.type == "person":
            people[fold(entry.name)] = entry.id
            add(entry.name.split()[-1], entry.id, "surname")
        country = entries.get(entry.country or "")
        if country is not None:
            _add_institution(entry, country, add)
    for metonym, actor_id in words.metonyms.items():
        if actor_id in entries:
            add(metonym, actor_id, "metonym")
    return ActorIndex(
        entries=dict(entries),
        aliases={
            k: tuple(sorted(v, key=lambda t: PRIORITY.index(t.how))) for k, v in table.items()
        },
        max_len=max((len(k) for k in table), default=1),
        people=people,
        head_starts=frozenset(k[0] for k, v in table.items() if any(t.how == "head" for t in v)),
        words=words,
    )


def _add_country(entry: Entry, add: Any) -> None:
    if entry.capital:
        add(entry.capital, entry.id, "capital")
    for demonym in entry.demonyms:
        add(demonym, entry.id, "demonym")


def country_forms(country: Entry) -> list[str]:
    """Return the words that name a country as a modifier: name, name's, demonyms."""
    return [country.name, f"{country.name}'s", *country.demonyms]


def _add_institution(entry: Entry, country: Entry, add: Any) -> None:
    """Add "Azerbaijan's Foreign Ministry", "Foreign Ministry of Azerbaijan", "French senators"."""
    forms = country_forms(country)
    for name in (entry.name, *entry.aliases):
        rest = _strip_form(name, forms)
        if rest is None:
            continue
        for form in forms:
            add(f"{form} {rest}", entry.id, "name")
        add(f"{rest} of {country.name}", entry.id, "name")
        add(rest, entry.id, "head")
    for member in entry.members:
        for demonym in country.demonyms:
            add(f"{demonym} {member}", entry.id, "name")


def _strip_form(name: str, forms: list[str]) -> str | None:
    for form in sorted(forms, key=len, reverse=True):
        if keys(name)[: len(keys(form))] == keys(form) and len(name) > len(form) + 1:
            return name[len(form) :].strip()
    return None
