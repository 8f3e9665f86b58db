"""One sentence with what its events are read against."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from generator.extract.events.dates import EventDate
from generator.extract.events.kinds import EventTypes
from generator.extract.events.roles import Span
from generator.models import ActorMention, DateInfo

# Sentences this close to the top carry the article's news.
LEAD_SENTENCES = 2


@dataclass(frozen=True, slots=True)
class Lead:
    """Where an article states its news: its headline, if any, and the opening sentences of
    its lead paragraph (the one a dateline opens, which page furniture may precede)."""

    start: int = 0  # the lead paragraph's first sentence
    size: int = LEAD_SENTENCES
    headline: bool = False  # sentence 0 is the headline
    dateline: int = 0  # how many characters of the lead paragraph its dateline takes

    def __contains__(self, index: object) -> bool:
        return (self.headline and index == 0) or (
            isinstance(index, int) and self.start <= index < self.start + self.size
        )

    def opening(self, index: int) -> bool:
        """Tell whether a sentence is one of the first two of the lead, headline included:
        a typed event there is the article's news even without a date."""
        return (self.headline and index == 0) or (
            self.start <= index < self.start + LEAD_SENTENCES - self.headline
        )


@dataclass(frozen=True, slots=True)
class Context:
    """One sentence with what its events are read against."""

    index: int
    sentence: str
    in_lead: bool
    opening: bool  # one of the lead's first two sentences (see Lead.opening)
    actors: Sequence[ActorMention]
    published: DateInfo
    types: EventTypes
    pair: tuple[str, ...] = ()  # the article's two main sides, for "the two sides"
    demonyms: Mapping[str, str] = field(default_factory=dict)  # folded demonym -> country
    spans: list[Span] | None = None  # where the sentence names its actors, if known
    lead_day: EventDate | None = None  # the day the lead paragraph names (salience.lead_day)
    recent: Sequence[ActorMention] = ()  # the actors of the sentences before, in text order


TOP = Lead()  # an article with no headline whose news opens its first paragraph
