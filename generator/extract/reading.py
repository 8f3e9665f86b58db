"""The per-article state of the actor finder: tokens, what is covered, what was found."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.extract.catalogue import ActorIndex, Target
from generator.extract.furniture import credits
from generator.extract.names import Token, actor_words, fold, sentence_tokens
from generator.knowledge import Knowledge

CONNECTORS = actor_words().connectors


def _acronym(text: str) -> bool:
    """Return whether a word is written in capitals ("AS", "NGO"): never a stop word then."""
    return len(text) > 1 and text.isupper() and text.isalpha()


def elided(text: str) -> bool:
    """Return whether a token is an elided article before a name: "l'Environnement"."""
    return len(text) > 2 and text[1] in "'’" and text[0] in "lLdD" and text[2:3].isupper()


@dataclass(frozen=True, slots=True)
class Span:
    """Tokens [start, end) of one sentence that name an actor."""

    sentence: int
    start: int
    end: int
    actor_id: str
    surface: str
    type: str
    how: str  # catalogue, discovered, country, local, anaphora


@dataclass
class Reading:
    """Everything the finder knows about one article while it reads it."""

    index: ActorIndex
    sentences: Sequence[str]
    tokens: list[list[Token]]
    covered: list[list[bool]]
    spans: list[Span] = field(default_factory=list)
    local: dict[tuple[str, ...], str] = field(default_factory=dict)  # short form -> actor id
    types: dict[str, str] = field(default_factory=dict)  # discovered actor id -> type
    calendar: frozenset[str] = frozenset()
    outlets: frozenset[str] = frozenset()  # folded outlet names: "(Reuters)" is a credit

    def free(self, s: int, i: int, j: int) -> bool:
        """Return whether tokens [i, j) of sentence s are not yet part of a mention."""
        return j <= len(self.tokens[s]) and not any(self.covered[s][i:j])

    def text(self, s: int, i: int, j: int) -> str:
        """Return the sentence text of tokens [i, j), as written."""
        toks = self.tokens[s]
        return self.sentences[s][toks[i].start : toks[j - 1].end]

    def add(self, s: int, i: int, j: int, actor_id: str, kind: str, how: str) -> None:
        """Record a mention of tokens [i, j) and mark them covered."""
        for k in range(i, j):
            self.covered[s][k] = True
        self.spans.append(Span(s, i, j, actor_id, self.text(s, i, j), kind, how))

    def mentioned(self) -> set[str]:
        """Return the ids found so far."""
        return {span.actor_id for span in self.spans}

    def type_of(self, actor_id: str) -> str:
        """Return the type of a catalogue or discovered actor."""
        entry = self.index.entries.get(actor_id)
        return entry.type if entry else self.types.get(actor_id, "organization")

    def key(self, s: int, i: int) -> str:
        """Return the folded key of token i of sentence s, or "" past either end."""
        toks = self.tokens[s]
        return toks[i].key if 0 <= i < len(toks) else ""

    def is_name(self, s: int, i: int) -> bool:
        """Return whether token i starts with a capital and is not a calendar or stop word."""
        toks = self.tokens[s]
        if not 0 <= i < len(toks) or not toks[i].text[:1].isupper():
            return False
        return toks[i].key not in self.calendar or _acronym(toks[i].text)

    def country_target(self, key: tuple[str, ...]) -> Target | None:
        """Return the country a name or demonym key names, if any."""
        for target in self.index.aliases.get(key, ()):
            if target.how in ("name", "demonym") and self.type_of(target.actor_id) == "country":
                return target
        return None


def start_reading(sentences: Sequence[str], index: ActorIndex, knowledge: Knowledge) -> Reading:
    """Tokenize the sentences, blanking photo credits and skipping source lines."""
    language = knowledge.language
    photo_credits = credits(tuple(language.photo_credits))
    labels = tuple(fold(label) + ":" for label in language.source_labels)
    longest = max(map(len, labels), default=0)
    tokens: list[list[Token]] = []
    for sentence in sentences:
        if _folded_start(sentence.strip(), longest).startswith(labels):
            tokens.append([])
            continue
        blanked = photo_credits.blank(sentence)
        tokens.append(sentence_tokens(blanked, index.words.suffixes))
    calendar = frozenset(language.months) | frozenset(language.weekdays)
    return Reading(
        index=index,
        sentences=sentences,
        tokens=tokens,
        covered=[[False] * len(t) for t in tokens],
        calendar=calendar | index.words.stop_words,
        outlets=frozenset(fold(n) for o in knowledge.outlets for n in (o.name, *o.aliases)),
    )


def _folded_start(text: str, length: int) -> str:
    """Return fold(text), or a prefix of it at least `length` long: cheaper for a sentence.

    fold works character by character, so folding the start of a text gives the start of the
    folded text.
    """
    head = text[: length + 8]
    folded = fold(head)
    return folded if len(folded) >= length or len(head) == len(text) else fold(text)
