"""Attribute direct quotations to the actor the text says speaks them."""

from __future__ import annotations

from collections.abc import Sequence

from generator.extract.reading import Reading, Span
from generator.models import Quote


def find_quotes(reading: Reading, spans: Sequence[Span]) -> tuple[Quote, ...]:
    """Return the quotes of the article with their speakers (stub until implemented)."""
    return ()
