"""Find the actors an article names and resolve each mention to one actor id."""

from __future__ import annotations

from collections.abc import Sequence

from generator.knowledge import Knowledge
from generator.models import ActorMention, Quote


def find_actors(
    sentences: Sequence[str], knowledge: Knowledge
) -> tuple[tuple[ActorMention, ...], tuple[Quote, ...]]:
    """Return the actor mentions and attributed quotes of an article's sentences."""
    return (), ()
