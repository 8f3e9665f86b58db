"""One sentence with what its events are read against."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from generator.extract.events.kinds import EventTypes
from generator.extract.events.roles import Span
from generator.models import ActorMention, DateInfo

# Sentences this close to the top carry the article's news.
LEAD_SENTENCES = 2


@dataclass(frozen=True, slots=True)
class Context:
    """One sentence with what its events are read against."""

    index: int
    sentence: str
    actors: Sequence[ActorMention]
    published: DateInfo
    types: EventTypes
    pair: tuple[str, ...] = ()  # the article's two main sides, for "the two sides"
    demonyms: Mapping[str, str] = field(default_factory=dict)  # folded demonym -> country
    spans: list[Span] | None = None  # where the sentence names its actors, if known
