"""Tokens and name keys for actor matching: one tokenizer, one folding, one word list."""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, NamedTuple

from lemminflect import getAllLemmas
from slugify import slugify

from generator.extract.memo import per_sentence
from generator.knowledge import safe_load

# Letters with no Unicode decomposition that transliterate to plain Latin.
_FOLD = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "ħ": "h",
        "þ": "th",
        "ð": "d",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "`": "'",
    }
)
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:[-'’]\w+)*|[^\w\s]")
_POSSESSIVE = re.compile(r"^(.+?)(['’]s|['’])$")
# What can make a token other than its word as written: a hyphen or an apostrophe.
_JOINS = re.compile(r"[-'’]")


class Token(NamedTuple):
    """A word or punctuation mark of a sentence, with its character span."""

    text: str
    start: int
    end: int
    key: str  # folded: no diacritics, case-folded


_FOLDED: dict[str, str] = {}  # a plain dict: this runs once per word of every article
_FOLDED_MAX = 500_000


def fold(text: str) -> str:
    """Return `text` without diacritics, case-folded: "İlham" -> "ilham"."""
    folded = _FOLDED.get(text)
    if folded is None:
        decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD).casefold())
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLD)
        if len(_FOLDED) > _FOLDED_MAX:
            _FOLDED.clear()
        _FOLDED[text] = folded
    return folded


@functools.lru_cache(maxsize=200_000)
def plain(text: str) -> str:
    """Return `text` without diacritics, case kept, for case-sensitive aliases."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=50_000)
def dictionary_word(key: str) -> bool:
    """Return whether a folded word is in the English lexicon (lemminflect's): "investigators"
    and "toner" are, "okonkwo" and "crowdstrike" are not."""
    return bool(getAllLemmas(key))


@functools.lru_cache(maxsize=50_000)
def verb_only(word: str) -> bool:
    """Return whether a lower-case word can only be a verb ("have", "scored"), no noun."""
    lemmas = getAllLemmas(word) if word.isalpha() and word.islower() else {}
    return "VERB" in lemmas and "NOUN" not in lemmas


@functools.lru_cache(maxsize=50_000)
def past_verb(word: str) -> bool:
    """Return whether a lower-case word is only an inflected verb ("scored", "resigned",
    "says"): a verb form that is no noun and not the verb's own lemma ("report", "'s")."""
    return verb_only(word) and word not in getAllLemmas(word)["VERB"]


@functools.lru_cache(maxsize=50_000)
def actor_slug(name: str) -> str:
    """Return the id of an actor found in the texts: its name as a slug (slugify is slow)."""
    return slugify(name) or "actor"


def sentence_tokens(sentence: str, suffixes: frozenset[str]) -> list[Token]:
    """Return tokenize(sentence, suffixes), remembered for a sentence read before."""
    return list(_remembered_tokens(sentence, suffixes))


@per_sentence
def _remembered_tokens(sentence: str, suffixes: frozenset[str]) -> tuple[Token, ...]:
    return tuple(tokenize(sentence, suffixes))


def tokenize(text: str, suffixes: frozenset[str] = frozenset()) -> list[Token]:
    """Split text into tokens; split off possessive 's and hyphen suffixes such as "-brokered"."""
    tokens: list[Token] = []
    folded = _FOLDED
    new = tuple.__new__  # what Token(...) calls, without its Python-level __new__
    if _JOINS.search(text) is None:  # most sentences: each token is its word (see below)
        return [
            new(Token, (word, m.start(), m.end(), folded.get(word) or fold(word)))
            for m in _TOKEN.finditer(text)
            for word in (m.group(),)
        ]
    for match in _TOKEN.finditer(text):
        word = match.group()
        if word.isalnum() or len(word) == 1:  # the common case: no hyphen, no apostrophe
            start, end = match.span()
            tokens.append(new(Token, (word, start, end, folded.get(word) or fold(word))))
            continue
        start = match.start()
        head, sep, tail = word.rpartition("-")
        if sep and head and fold(tail) in suffixes:
            tokens.append(Token(head, start, start + len(head), fold(head)))
            tokens.append(Token("-" + tail, start + len(head), match.end(), "-" + fold(tail)))
            continue
        poss = _POSSESSIVE.match(word) if len(word) > 2 else None
        tail_token = None
        if poss and _is_possessive(word):
            word = poss.group(1)
            tail_token = Token("'s", start + len(word), match.end(), "'s")
        parts = word.split("-")
        if len(parts) > 1 and all(p[:1].isupper() for p in parts):
            tokens.extend(_split_compound(word, start))  # "EU-Mercosur", "US-China"
        else:
            tokens.append(Token(word, start, start + len(word), fold(word)))
        if tail_token is not None:
            tokens.append(tail_token)
    # Only a text with a hyphen can hold a "-" token to join.
    return _join_suffixes(tokens, suffixes) if "-" in text else tokens


def _join_suffixes(tokens: list[Token], suffixes: frozenset[str]) -> list[Token]:
    """Join "U.S." "-" "brokered" into "U.S." "-brokered", as "Russian-brokered" splits."""
    if not any(t.text == "-" for t in tokens):
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.text == "-" and nxt and nxt.key in suffixes and nxt.start == token.end:
            out.append(Token("-" + nxt.text, token.start, nxt.end, "-" + nxt.key))
            i += 2
            continue
        out.append(token)
        i += 1
    return out


def _split_compound(word: str, start: int) -> list[Token]:
    tokens: list[Token] = []
    for k, part in enumerate(word.split("-")):
        if k:
            tokens.append(Token("-", start - 1, start, "-"))
        tokens.append(Token(part, start, start + len(part), fold(part)))
        start += len(part) + 1
    return tokens


def _is_possessive(word: str) -> bool:
    return word[-2:] in ("'s", "’s") or word[-1:] in "'’"


def keys(words: str, suffixes: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Return the folded token keys of a name, as the tokenizer would split it in a text."""
    return tuple(t.key for t in tokenize(words, suffixes))


@dataclass(frozen=True, slots=True)
class ActorWords:
    """Word lists of actor_words.yaml, folded into sets for lookups."""

    titles: frozenset[str]
    speech_verbs: frozenset[str]
    heads: Mapping[str, str]  # head word -> actor type
    starts: frozenset[str]
    org_roles: frozenset[str]
    state_parts: frozenset[str]
    agent_suffixes: frozenset[str]
    place_suffixes: frozenset[str]
    place_words: frozenset[str]
    metonyms: Mapping[str, str]
    stop_words: frozenset[str]
    anaphora: frozenset[str]
    member_bodies: Mapping[str, str]
    connectors: frozenset[str]
    state_heads: frozenset[str]
    shortenable: frozenset[str]
    common_bodies: frozenset[str]
    name_prefixes: frozenset[str]
    name_particles: frozenset[str] = frozenset()
    name_suffixes: frozenset[str] = frozenset()
    org_titles: frozenset[str] = frozenset()
    agent_verbs: frozenset[str] = frozenset()
    audience_verbs: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    portfolios: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    org_openers: frozenset[str] = frozenset()
    thing_words: frozenset[str] = frozenset()
    currency_words: frozenset[str] = frozenset()
    person_pronouns: frozenset[str] = frozenset()
    vessel_nouns: frozenset[str] = frozenset()
    vessel_prefixes: frozenset[str] = frozenset()
    name_inner: frozenset[str] = frozenset()
    place_openers: frozenset[str] = frozenset()
    source_before: tuple[str, ...] = ()
    source_after: tuple[str, ...] = ()
    platforms: frozenset[str] = frozenset()  # "Twitter": a company, or the medium of a post
    common_acronyms: frozenset[str] = frozenset()  # "AI", "IT": common nouns
    event_heads: frozenset[str] = frozenset()  # "World Cup": an event's name
    role_ends: frozenset[str] = frozenset()  # "Twitch CEO": a role's
    medium_before: frozenset[str] = frozenset()
    medium_after: frozenset[str] = frozenset()
    neuter_pronouns: frozenset[str] = frozenset()
    shared_demonyms: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    legislature_words: Mapping[tuple[str, ...], str] = dataclasses.field(default_factory=dict)
    # The hyphen suffixes the tokenizer splits off: agent and place suffixes, one set held.
    suffixes: frozenset[str] = dataclasses.field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "suffixes", self.agent_suffixes | self.place_suffixes)


def _phrases(values: Any) -> tuple[str, ...]:
    """Return a list of words and phrases folded, in order, for str.startswith/endswith."""
    return tuple(str(v).casefold() for v in values or ())


def _folded(values: Any) -> frozenset[str]:
    return frozenset(fold(str(v)) for v in values or ())


@functools.cache
def actor_words() -> ActorWords:
    """Load the built-in actor word lists (generator/data/actor_words.yaml)."""
    path = resources.files("generator") / "data" / "actor_words.yaml"
    data = safe_load(path.read_text(encoding="utf-8"))
    heads = {fold(w): kind for kind, words in data["heads"].items() for w in words}
    return ActorWords(
        titles=_folded(data["titles"]),
        speech_verbs=_folded(data["speech_verbs"]),
        heads=heads,
        starts=_folded(data["starts"]),
        org_roles=_folded(data["org_roles"]),
        state_parts=_folded(data["state_parts"]),
        agent_suffixes=_folded(data["agent_suffixes"]),
        place_suffixes=_folded(data["place_suffixes"]),
        place_words=_folded(data["place_words"]),
        metonyms={str(k): str(v) for k, v in data["metonyms"].items()},
        stop_words=_folded(data["stop_words"]),
        anaphora=_folded(data["anaphora"]),
        member_bodies={fold(k): str(v) for k, v in data["member_bodies"].items()},
        connectors=_folded(data["connectors"]),
        state_heads=_folded(data["state_heads"]),
        shortenable=_folded(data["shortenable"]),
        common_bodies=_folded(data["common_bodies"]),
        name_prefixes=_folded(data["name_prefixes"]),
        name_particles=_folded(data.get("name_particles")),
        name_suffixes=_folded(data.get("name_suffixes")),
        org_titles=_folded(data.get("org_titles")),
        agent_verbs=_folded(data.get("agent_verbs")),
        audience_verbs=_folded(data.get("audience_verbs")),
        honorifics=_folded(data.get("honorifics")),
        portfolios=_folded(data.get("portfolios")),
        place_nouns=_folded(data.get("place_nouns")),
        org_openers=_folded(data.get("org_openers")),
        thing_words=_folded(data.get("thing_words")),
        currency_words=_folded(data.get("currency_words")),
        person_pronouns=_folded(data.get("person_pronouns")),
        vessel_nouns=_folded(data.get("vessel_nouns")),
        vessel_prefixes=_folded(data.get("vessel_prefixes")),
        name_inner=_folded(data.get("name_inner")),
        place_openers=_folded(data.get("place_openers")),
        source_before=_phrases(data.get("source_before")),
        source_after=_phrases(data.get("source_after")),
        platforms=_folded(data.get("platforms")),
        common_acronyms=_folded(data.get("common_acronyms")),
        event_heads=_folded(data.get("event_heads")),
        role_ends=_folded(data.get("role_ends")),
        medium_before=_folded(data.get("medium_before")),
        medium_after=_folded(data.get("medium_after")),
        neuter_pronouns=_folded(data.get("neuter_pronouns")),
        shared_demonyms={
            fold(str(k)): tuple(str(c) for c in v)
            for k, v in (data.get("shared_demonyms") or {}).items()
        },
        legislature_words={
            tuple(fold(str(k)).split()): str(v)
            for k, v in (data.get("legislature_words") or {}).items()
        },
    )
