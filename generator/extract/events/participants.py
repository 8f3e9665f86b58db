"""Who or where a sentence names when no actor is known: its capitalised names."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence

from generator.extract.events.clauses import verb_form
from generator.extract.events.kinds import EventTypes
from generator.extract.memo import per_sentence
from generator.models import ActorMention, EventMention


def with_names(
    found: Sequence[EventMention],
    sentences: Sequence[str],
    by_sentence: Mapping[int, Sequence[ActorMention]],
    types: EventTypes,
) -> tuple[EventMention, ...]:
    """Give each mention the names of its sentence that no actor mention covers.

    Clustering ties mentions across articles on them; worked out here, they are cached with
    the article instead of read again on every build. Mentions of one sentence share one set.
    """
    names: dict[int, frozenset[str]] = {}
    for mention in found:
        at = mention.sentence
        if at not in names:
            covered = {_fold(w) for m in by_sentence.get(at, ()) for w in m.surface.split()}
            names[at] = frozenset(participant_keys(sentences[at], types) - covered)
    return tuple(dataclasses.replace(m, names=names[m.sentence]) for m in found)


def _fold(word: str) -> str:
    """Return a word of an actor's name folded, without a possessive ending."""
    return word.casefold().removesuffix("’s").removesuffix("'s")


@per_sentence
def participant_keys(sentence: str, types: EventTypes) -> frozenset[str]:
    """Return the capitalised names of a sentence, folded: who or where, when no actor is known."""
    return names_in(sentence, types.stopwords)


# A capitalised word (not the inside of one, as in "McDonald"): the word boundary is checked
# behind the capital, as a pattern that opens with a letter class is searched for faster.
CAPITALISED = re.compile(r"[A-Z](?<!\w[A-Z])[\w’'-]*\w")


def names_in(sentence: str, stopwords: frozenset[str]) -> frozenset[str]:
    """Return the capitalised words of a sentence but `stopwords`, folded, without a possessive.

    The sentence's first word is capitalised anyway: it is a name unless it is a verb form
    ("Ties worsened", "Shares fell"). Clustering reads cached mentions the same way.
    """
    keys = set()
    for match in CAPITALISED.finditer(sentence):
        word = match.group(0)
        word = word[:-2] if word.endswith(("’s", "'s")) else word
        folded = word.casefold()
        if folded in stopwords or len(word) < 2:
            continue
        form = verb_form(folded)
        if form is not None and form.inflected and not sentence[: match.start()].strip(" “\"'‘"):
            continue
        keys.add(folded)
    return frozenset(keys)
