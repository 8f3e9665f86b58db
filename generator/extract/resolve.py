"""Pass three of the actor finder: short forms, "the ministry", and heads like "the Senate"."""

from __future__ import annotations

import dataclasses

from generator.extract.reading import Reading, Span


def add_initials(reading: Reading) -> None:
    """Let an organisation's initials name it: "the RSF" after "the Rapid Support Forces"."""
    for span in reading.spans:
        if span.type in ("person", "country") or span.end - span.start < 2:
            continue
        words = [
            t.text
            for t in reading.tokens[span.sentence][span.start : span.end]
            if t.text[:1].isupper() and t.text.isalpha()
        ]
        if len(words) >= 2:
            reading.local.setdefault(("".join(w[0] for w in words).casefold(),), span.actor_id)
    _prefer_local_initials(reading)


def _prefer_local_initials(reading: Reading) -> None:
    """Give a catalogue acronym ("RSF") to the article's own body with those initials."""
    named = {sp.actor_id for sp in reading.spans if sp.end - sp.start > 1}
    for k, span in enumerate(reading.spans):
        local = reading.local.get((span.surface.casefold(),))
        if (
            span.how == "catalogue"
            and span.surface.isupper()
            and local not in (None, span.actor_id)
            and span.actor_id not in named
        ):
            kind = reading.type_of(str(local))
            reading.spans[k] = dataclasses.replace(span, actor_id=str(local), type=kind)


def match_local(reading: Reading) -> None:
    """Match the article's own short forms ("Kasongo", "the OCE") where they stand alone."""
    if not reading.local:
        return
    longest = max(len(k) for k in reading.local)
    firsts = {k[0] for k in reading.local}
    for s, toks in enumerate(reading.tokens):
        i = 0
        while i < len(toks):
            end = _local_at(reading, s, i, longest) if toks[i].key in firsts else None
            i = end if end else i + 1


def _local_at(reading: Reading, s: int, i: int, longest: int) -> int | None:
    toks = reading.tokens[s]
    if reading.covered[s][i] or not toks[i].text[:1].isupper():
        return None
    for n in range(min(longest, len(toks) - i), 0, -1):
        actor_id = reading.local.get(tuple(t.key for t in toks[i : i + n]))
        if actor_id is None or not reading.free(s, i, i + n):
            continue
        if _inside_name(reading, s, i, i + n):
            return None
        reading.add(s, i, i + n, actor_id, reading.type_of(actor_id), "local")
        return i + n
    return None


def _inside_name(reading: Reading, s: int, i: int, j: int) -> bool:
    """Return whether the words continue a longer capitalised name ("South Kivu")."""
    words = reading.index.words
    prev = reading.tokens[s][i - 1] if i > 0 else None
    opening = i == 1 and prev is not None and prev.key in reading.calendar  # "The", "On"
    if (
        prev is not None
        and prev.text[:1].isupper()
        and not reading.covered[s][i - 1]
        and prev.key not in words.titles
        and not opening
    ):
        return True
    return reading.is_name(s, j) and not reading.covered[s][j]


def match_anaphora(reading: Reading) -> None:
    """Resolve "the ministry", "the Senate" to the actor of that kind named nearest before."""
    words = reading.index.words
    starts = reading.index.head_starts
    for s, toks in enumerate(reading.tokens):
        for i in range(1, len(toks)):
            if toks[i - 1].key != "the" or reading.covered[s][i]:
                continue
            if toks[i].key not in starts and toks[i].key not in words.anaphora:
                continue
            n = _head_length(reading, s, i)
            if n == 0:
                continue
            key = tuple(t.key for t in toks[i : i + n])
            actor_id = catalogue_head(reading, key, s, i) or _nearest(reading, s, i, key[-1])
            if actor_id is not None:
                reading.add(s, i, i + n, actor_id, reading.type_of(actor_id), "anaphora")


def _head_length(reading: Reading, s: int, i: int) -> int:
    """Return how many words after "the" form a head ("Foreign Ministry", "senate")."""
    words = reading.index.words
    heads = reading.index.aliases
    for n in (3, 2, 1):
        key = tuple(reading.key(s, k) for k in range(i, i + n))
        if not reading.free(s, i, i + n):
            continue
        if any(t.how == "head" for t in heads.get(key, ())):
            return n
        if n == 1 and key[0] in words.anaphora:
            return 1
    return 0


def catalogue_head(reading: Reading, key: tuple[str, ...], s: int, i: int) -> str | None:
    """Return the catalogue institution a bare head names ("the Foreign Ministry").

    One already named wins; else the one whose state was named last before (s, i).
    """
    targets = [t for t in reading.index.aliases.get(key, ()) if t.how == "head"]
    if not targets:
        return None
    seen = reading.mentioned()
    for target in targets:
        if target.actor_id in seen:
            return target.actor_id
    last: dict[str, tuple[int, int]] = {}
    later: dict[str, tuple[int, int]] = {}
    for span in reading.spans:
        at = (span.sentence, span.start)
        if at < (s, i):
            last[span.actor_id] = max(last.get(span.actor_id, (-1, -1)), at)
        else:
            later[span.actor_id] = min(later.get(span.actor_id, at), at)
    countries = [(reading.index.entries[t.actor_id].country, t.actor_id) for t in targets]
    ranked = [(last[c], a) for c, a in countries if c in last]
    if ranked:
        return max(ranked)[1]
    # No state named before: the one named first after ("Congress ... the White House").
    after = [(later[c], a) for c, a in countries if c in later]
    return min(after)[1] if after else None


def _nearest(reading: Reading, s: int, i: int, head: str) -> str | None:
    """Return the actor whose name ends in `head` named last before (s, i), else first after."""
    named = sorted(
        (span for span in reading.spans if _ends_with(reading, span, head)),
        key=lambda span: (span.sentence, span.start),
    )
    before = [span for span in named if (span.sentence, span.start) < (s, i)]
    if before:
        return before[-1].actor_id
    return named[0].actor_id if named else None


def _ends_with(reading: Reading, span: Span, head: str) -> bool:
    if span.how in ("country", "anaphora"):
        return False
    entry = reading.index.entries.get(span.actor_id)
    name_key = entry.name.split()[-1].casefold() if entry else ""
    return reading.key(span.sentence, span.end - 1) == head or name_key == head
