"""Find sentences that report something happening, with their type, actors, figures and date."""

from __future__ import annotations

from collections.abc import Sequence

from generator.knowledge import Knowledge
from generator.models import ActorMention, DateInfo, EventMention


def find_events(
    sentences: Sequence[str],
    mentions: Sequence[ActorMention],
    published: DateInfo,
    knowledge: Knowledge,
) -> tuple[EventMention, ...]:
    """Return the event mentions of an article's sentences."""
    return ()
