"""Cluster event mentions across articles into events."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from generator.knowledge import Knowledge
from generator.models import Actor, Article, Event


def build_events(
    articles: Sequence[Article], actors: Mapping[str, Actor], knowledge: Knowledge
) -> dict[str, Event]:
    """Return the events the articles report or mention, by id."""
    return {}
