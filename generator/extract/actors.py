"""Find the actors an article names and resolve each mention to one actor id."""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.extract.catalogue import actor_index
from generator.extract.cues import find_bare_acronyms
from generator.extract.discover import discover, find_acronyms
from generator.extract.match import match_catalogue
from generator.extract.names import fold
from generator.extract.quotes import find_quotes
from generator.extract.reading import Reading, Span, start_reading
from generator.extract.resolve import add_initials, match_anaphora, match_local
from generator.extract.shared import match_shared_demonyms
from generator.extract.vessels import find_vessels
from generator.knowledge import Knowledge
from generator.models import ActorMention, Quote


def find_actors(
    sentences: Sequence[str], knowledge: Knowledge
) -> tuple[tuple[ActorMention, ...], tuple[Quote, ...]]:
    """Return the actor mentions and attributed quotes of an article's sentences."""
    reading = read_actors(sentences, knowledge)
    spans = sorted(
        (
            sp
            for sp in reading.spans
            if not _only_a_source(reading, sp) and not _only_a_medium(reading, sp)
        ),
        key=lambda sp: (sp.sentence, sp.start, sp.how == "country"),
    )
    mentions = tuple(_mention(reading, span) for span in spans)
    return mentions, find_quotes(reading, spans)


def read_actors(sentences: Sequence[str], knowledge: Knowledge) -> Reading:
    """Run the passes over an article: acronyms, catalogue, vessels, discovery, short forms,
    anaphora."""
    reading = start_reading(sentences, actor_index(knowledge), knowledge)
    find_acronyms(reading)
    match_catalogue(reading)
    match_shared_demonyms(reading)
    find_vessels(reading)
    discover(reading)
    add_initials(reading)
    find_bare_acronyms(reading)
    match_local(reading)
    match_anaphora(reading)
    return reading


def _only_a_source(reading: Reading, span: Span) -> bool:
    """Return whether an outlet is named only as the source of what is reported: "Bloomberg
    reported", "according to Reuters", "© Reuters", "REUTERS/Photographer"."""
    if fold(span.surface) not in reading.outlets:
        return False
    words = reading.index.words
    toks, sentence = reading.tokens[span.sentence], reading.sentences[span.sentence]
    before = " ".join(sentence[: toks[span.start].start].casefold().split())
    after = " ".join(sentence[toks[span.end - 1].end :].casefold().split())
    if not before.strip(" ([-—–") and not after.strip(" .)]"):
        return True  # "(Reuters)", "Reuters."
    before = before.rstrip(" (").removesuffix(" the")  # "according to the BBC"
    return before.endswith(words.source_before) or after.lstrip(" ,").startswith(words.source_after)


def _only_a_medium(reading: Reading, span: Span) -> bool:
    """Return whether a platform is named as the medium of what is said, not as a company
    that acts: "wrote on Twitter", "via Telegram", "a Facebook post", "his Instagram account"."""
    words = reading.index.words
    if fold(span.surface) not in words.platforms:
        return False
    toks, sentence = reading.tokens[span.sentence], reading.sentences[span.sentence]
    before = " ".join(sentence[: toks[span.start].start].casefold().split())
    after = " ".join(sentence[toks[span.end - 1].end :].casefold().split())
    before = before.removesuffix(" the")  # "on the Telegram channel"
    after = after.removeprefix("’s ").removeprefix("'s ")  # "Twitter's account"
    first = re.match(r"[\w-]+", after)
    return any(before == w or before.endswith(f" {w}") for w in words.medium_before) or (
        first is not None and first.group(0) in words.medium_after
    )


def _mention(reading: Reading, span: Span) -> ActorMention:
    kind = reading.type_of(span.actor_id)
    return ActorMention(span.actor_id, span.surface, span.sentence, kind)
