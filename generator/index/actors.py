"""Build one Actor per real entity named in the articles."""

from __future__ import annotations

from collections.abc import Sequence

from generator.knowledge import Knowledge
from generator.models import Actor, Article


def build_actors(articles: Sequence[Article], knowledge: Knowledge) -> dict[str, Actor]:
    """Return the actors the articles mention, by id."""
    return {}
