"""Events of the kinds event_types.yaml knows, found by their triggers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from generator.extract.events.context import Context
from generator.extract.events.dates import (
    EventDate,
    Phrase,
    after_publication,
    anchor_date,
    assign_phrases,
    event_date,
    find_phrases,
)
from generator.extract.events.demonyms import modifying_country, with_modifier
from generator.extract.events.kinds import (
    EventTypes,
    Trigger,
    kind_of,
    sentence_figures,
)
from generator.extract.events.participants import participant_keys
from generator.extract.events.roles import Roles, split_roles
from generator.knowledge import Knowledge
from generator.models import DateInfo, EventMention, Role


def sentence_events(
    context: Context, triggers: list[Trigger], knowledge: Knowledge
) -> list[EventMention]:
    """Return the event mentions of the triggers of one sentence, each dated by its phrase."""
    found = find_phrases(context.sentence, knowledge.language)
    phrases = assign_phrases(context.sentence, triggers, found, knowledge.clauses.subordinators)
    published = context.published.value
    anchor = anchor_date(phrases.values(), published)
    events = []
    for trigger in dedupe_triggers(triggers, phrases):
        phrase = phrases.get(trigger)
        resolved = event_date(phrase, published, anchor)
        if phrase is not None and phrase.anchored and resolved.date.value is None:
            phrase = None  # "six weeks before" with nothing to count from dates nothing
            resolved = event_date(None, published)
        mention = _mention(context, trigger, phrase, resolved)
        if mention is not None:
            events.append(mention)
    return events


def _mention(
    context: Context, trigger: Trigger, phrase: Phrase | None, resolved: EventDate
) -> EventMention | None:
    sentence, types, published = context.sentence, context.types, context.published
    if after_publication(resolved.date, published.value):
        return None  # announced or planned, not happened (yet)
    kind = kind_of(types, trigger.type)
    roles = Roles(symmetric=kind.parties >= 2, speech=kind.speech, pair=context.pair)
    agents, targets = split_roles(
        sentence, trigger.start, trigger.end, context.actors, roles, context.spans
    )
    country = modifying_country(sentence, trigger.start, trigger.text, context.demonyms)
    if country is not None:  # "an Azerbaijani offensive": Azerbaijan carried it out
        found = (agents, targets)
        agents, targets = with_modifier(
            country, found, sentence, trigger.end, roles.symmetric, context.actors
        )
    if phrase is None and not (agents or targets or participant_keys(sentence, types)):
        return None  # a trigger with neither a date nor a participant is background talk
    return EventMention(
        type=trigger.type,
        sentence=context.index,
        date=resolved.date,
        actors=agents,
        targets=targets,
        figures=sentence_figures(sentence, types),
        trigger=trigger.text,
        role=_role(context.opening, trigger, phrase, resolved.date, published.value, types),
        weekday=resolved.weekday,
        month=resolved.month,
        day=resolved.day,
    )


def _role(
    opening: bool,
    trigger: Trigger,
    phrase: Phrase | None,
    date: DateInfo,
    published: dt.date | None,
    types: EventTypes,
) -> Role:
    """Say whether the article reports the event as its news or mentions it as background."""
    if date.value is not None and published is not None:
        fresh = date.precision == "day" and 0 <= (published - date.value).days <= 1
        return "reports" if fresh else "mentions"
    if phrase is not None:
        plain_weekday = phrase.weekday is not None and phrase.modifier is None
        news = plain_weekday or (
            phrase.unit == "day" and phrase.offset >= -1 and not phrase.anchored
        )
        return "reports" if news or (date.value is not None and opening) else "mentions"
    if opening or kind_of(types, trigger.type).minor:
        return "reports"
    return "mentions"


def dedupe_triggers(
    triggers: Sequence[Trigger], phrases: Mapping[Trigger, Phrase]
) -> list[Trigger]:
    """Keep one trigger per type and date phrase: a type named twice is one event unless dated
    apart ("called in on 18 September, a week after he was summoned")."""
    kept: dict[tuple[str, str | None], Trigger] = {}
    for trigger in triggers:
        phrase = phrases.get(trigger)
        key = (trigger.type, phrase.text if phrase else None)
        kept.setdefault(key, trigger)
    dated = {t for (t, text) in kept if text is not None}
    return [t for (name, text), t in kept.items() if text is not None or name not in dated]
