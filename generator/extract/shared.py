"""Demonyms shared by several countries ("Congolese"): the one the article names wins."""

from __future__ import annotations

from generator.extract.catalogue import Target
from generator.extract.match import country_mention
from generator.extract.reading import Reading


def match_shared_demonyms(reading: Reading) -> None:
    """Resolve "the Congolese health ministry" to the Congo the article names, else the first."""
    shared = reading.index.words.shared_demonyms
    if not shared:
        return
    named = reading.mentioned()
    for s, toks in enumerate(reading.tokens):
        for i, tok in enumerate(toks):
            candidates = shared.get(tok.key)
            if not candidates or reading.covered[s][i] or not tok.text[:1].isupper():
                continue
            known = [c for c in candidates if c in reading.index.entries]
            chosen = next((c for c in known if c in named), known[0] if known else None)
            if chosen is not None:
                country_mention(reading, s, i, i + 1, Target(chosen, "demonym"))
