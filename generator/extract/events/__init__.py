"""Find sentences that report something happening, with their type, actors, figures and date.

A happening is a clause (`clauses`): the lead's main clause states the article's news, and any
other clause with a date of its own is one of the story's events (`salience`). The kinds
event_types.yaml knows label them (`kinds`, `typed`); `dates` resolves their date phrases,
`roles` tells who acts and who undergoes, `titles` words a headline.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.extract.events.clauses import Clause, find_clauses
from generator.extract.events.context import TOP, Context, Lead
from generator.extract.events.dates import find_phrases
from generator.extract.events.demonyms import demonym_countries
from generator.extract.events.kinds import event_types, find_triggers
from generator.extract.events.participants import with_names
from generator.extract.events.roles import article_pair, sentence_spans
from generator.extract.events.salience import clause_events, lead_day, worded
from generator.extract.events.typed import sentence_events
from generator.extract.furniture import credits
from generator.knowledge import Knowledge
from generator.models import ActorMention, DateInfo, EventMention


def find_events(
    sentences: Sequence[str],
    mentions: Sequence[ActorMention],
    published: DateInfo,
    knowledge: Knowledge,
    lead: Lead = TOP,
) -> tuple[EventMention, ...]:
    """Return the event mentions of an article's sentences.

    An event type's trigger labels a happening of a known kind; any other clause with a finite
    verb is a happening when it is the main clause of the lead (the headline and the opening
    sentences), or when it carries a date of its own.
    """
    types = event_types(knowledge)
    by_sentence: dict[int, list[ActorMention]] = {}
    for actor in mentions:
        by_sentence.setdefault(actor.sentence, []).append(actor)
    caption = credits(tuple(knowledge.language.photo_credits))
    found: list[EventMention] = []
    spans = sentence_spans(sentences, mentions)  # where each sentence names its actors
    pair = article_pair(sentences, mentions, spans)
    demonyms = demonym_countries(knowledge)
    day = lead_day(sentences, lead, published.value, knowledge)
    for i, sentence in enumerate(sentences):
        if i == lead.start and lead.dateline:  # "LISBON, May 4 (Reuters) -": where, not what
            sentence = " " * lead.dateline + sentence[lead.dateline :]
        following = sentences[i + 1] if i + 1 < len(sentences) else ""
        if caption.search(sentence) or caption.fullmatch(following.strip()):
            continue  # a photo caption describes a picture, not the news
        triggers = find_triggers(sentence, types)
        clauses = _clauses_of(sentence, (i in lead, i == 0 and lead.headline), knowledge)
        if not triggers and not clauses:
            continue  # most sentences report nothing happening
        context = Context(
            i,
            sentence,
            i in lead,
            lead.opening(i),
            by_sentence.get(i, []),
            published,
            types,
            pair,
            demonyms,
            spans[i],
            day if i in lead else None,
            [m for k in range(max(0, i - RECENT), i) for m in by_sentence.get(k, ())],
        )
        if triggers:
            typed = sentence_events(context, triggers, knowledge)
            typed = worded(context, typed, clauses, knowledge) if clauses else typed
            # a kind's noun alone ("the wildfire"), with no one, no clause and no date, is a
            # word of the story, not a happening of it
            found += [m for m in typed if m.actors or m.targets or m.headline or m.date.phrase]
        if clauses:
            found += clause_events(context, clauses, triggers, knowledge)
    return with_names(found, sentences, by_sentence, types)


# Sentences back a pronoun that opens a clause may refer to ("He withdrew it in June").
RECENT = 4


def _clauses_of(
    sentence: str, where: tuple[bool, bool], knowledge: Knowledge
) -> tuple[Clause, ...]:
    """Return the clauses of a sentence that may state a happening.

    Outside the lead only a sentence with a date phrase is read: a clause there is a happening
    only with a date of its own.
    """
    in_lead, headline = where
    if not in_lead and not find_phrases(sentence, knowledge.language):
        return ()
    return find_clauses(sentence, knowledge.clauses, headline)
