"""Which clauses state the story's happenings: the lead's main clause, and dated ones."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

from generator.extract.events.clauses import (
    TESTIFY,
    Clause,
    find_clauses,
    object_words,
    told_between,
)
from generator.extract.events.context import Context, Lead
from generator.extract.events.dates import (
    EventDate,
    Phrase,
    after_publication,
    anchor_date,
    assign_phrases,
    event_date,
    find_phrases,
)
from generator.extract.events.kinds import Trigger, sentence_figures
from generator.extract.events.participants import participant_keys
from generator.extract.events.roles import Roles, split_roles
from generator.extract.events.titles import clause_title, without_phrases
from generator.knowledge import ClauseWords, Knowledge
from generator.models import DateInfo, EventMention, Role

UNDATED = DateInfo(None, "unknown")

# How close (characters) a clause's verb may stand to a type's trigger and be its wording.
TYPED_REACH = 12


def worded(
    context: Context,
    mentions: Sequence[EventMention],
    clauses: Sequence[Clause],
    knowledge: Knowledge,
) -> list[EventMention]:
    """Give each typed mention the headline of the clause whose verb its trigger holds
    ("Azerbaijan condemned the resolution"): a title says what happened, not "X makes a
    statement". A trigger that is a noun in a clause ("rebuffed a Senate resolution") names
    another happening than the clause's."""
    sentence = context.sentence
    phrases: Sequence[Phrase] | None = None
    out = []
    for mention in mentions:
        at = sentence.find(mention.trigger) if mention.trigger else -1
        clause = next(
            (c for c in clauses if at >= 0 and at < c.end and c.head < at + len(mention.trigger)),
            None,
        )
        if clause is not None:
            if phrases is None:
                phrases = find_phrases(sentence, knowledge.language)
            title = clause_title(context, clause, phrases, mention.actors, knowledge, clauses)
            mention = dataclasses.replace(mention, headline=title)
            dated = next((p for p in phrases if p.text == mention.date.phrase), None)
            trigger_end = at + len(mention.trigger)
            main = _main(clauses, context.in_lead) is clause
            if mention.date.value is None and not mention.date.phrase and main:
                if context.lead_day is not None and clause.told < 0 and mention.role == "reports":
                    day = context.lead_day
                    mention = dataclasses.replace(mention, date=day.date, weekday=day.weekday)
            elif dated is not None and _dates_another(
                dated, (clause, trigger_end), sentence, clauses, knowledge
            ):
                role: Role = "reports" if context.opening else "mentions"
                mention = dataclasses.replace(
                    mention, date=UNDATED, role=role, weekday=None, month=None, day=None
                )
        out.append(mention)
    return out


def _typed(clause: Clause, triggers: Sequence[Trigger]) -> bool:
    """Tell whether an event type's trigger labels a clause's happening already."""
    return any(
        t.start < clause.end + TYPED_REACH and clause.head < t.end + TYPED_REACH for t in triggers
    )


def clause_events(
    context: Context,
    clauses: Sequence[Clause],
    triggers: Sequence[Trigger],
    knowledge: Knowledge,
) -> list[EventMention]:
    """Return the happenings the clauses of one sentence state, each dated by its phrase."""
    sentence, published = context.sentence, context.published.value
    found = find_phrases(sentence, knowledge.language)
    words = knowledge.clauses
    stated = [c for c in clauses if not _bare_report(c, sentence, clauses, found, words)]
    main = _main(stated, context.in_lead)
    untyped = [c for c in stated if not _typed(c, triggers)]
    verbs = {Trigger(c.sense, c.head, c.end, c.verb): c for c in untyped}
    phrases = assign_phrases(sentence, [*triggers, *verbs], found, words.subordinators)
    anchor = anchor_date(phrases.values(), published)
    events: list[EventMention] = []
    for verb, clause in verbs.items():
        phrase = phrases.get(verb) or _told_on(clause, found)
        if phrase is not None and not _within(
            phrase, clause, sentence, clauses, main, knowledge.clauses
        ):
            phrase = None  # "X fell short, results showed on Monday": the showing's date
        opening = found[0] if found and len(sentence[: found[0].start].split()) <= 1 else None
        if phrase is None and opening is not None and opening is not phrases.get(verb):
            # "On Thursday night, staff were told by email that ... on Friday": the opening
            phrase = opening
            if not _within(phrase, clause, sentence, clauses, main, knowledge.clauses):
                phrase = None
        resolved = event_date(phrase, published, anchor)
        if phrase is not None and (
            (resolved.date.value is None and phrase.anchored)
            or _not_now(clause, resolved, published)
        ):
            phrase, resolved = None, event_date(None, published)
        if phrase is None and clause is main and context.lead_day and clause.told < 0:
            resolved = context.lead_day  # the day the lead paragraph names
        if clause is not main and (phrase is None or not _salient(clause, resolved, published)):
            continue  # not the lead's news, nor dated: a detail of the story
        main_clause = clause is main
        if after_publication(resolved.date, published) or _history(
            resolved.date, published, main_clause
        ):
            continue
        agents, targets = split_roles(
            sentence,
            clause.head,
            clause.end,
            context.actors,
            Roles(speech=clause.sense == TESTIFY),  # who testifies acts
            context.spans,
        )
        if phrase is None and not (agents or targets or participant_keys(sentence, context.types)):
            continue
        events.append(
            EventMention(
                type=clause.sense,
                sentence=context.index,
                date=resolved.date,
                actors=agents,
                targets=targets,
                figures=sentence_figures(sentence, context.types),
                trigger=clause.verb,
                role=_clause_role(clause is main, phrase, resolved.date, published),
                weekday=resolved.weekday,
                month=resolved.month,
                day=resolved.day,
                headline=clause_title(context, clause, found, agents, knowledge, clauses),
                told=clause.told >= 0 and not clause.announced,
            )
        )
    return events


def _not_now(clause: Clause, resolved: EventDate, published: dt.date | None) -> bool:
    """Tell whether a date phrase names another time than a clause in the present can have:
    what "is going on" or "has happened" is news of the article's day or the day before, so
    "are scrambling to find a sub that vanished on Sunday", "is asking for a trial in
    September" or "has released its report on the implosion in June 2023" date something
    else in the sentence."""
    if not (clause.progressive or clause.present_perfect):
        return False
    value = resolved.date.value
    if resolved.date.precision != "day":
        return True  # "has released ... in June 2023"
    if clause.present_perfect:  # news style allows "have confirmed ... on Wednesday"
        return value is not None and published is not None and (published - value).days > LATELY
    if value is None or published is None:
        return True
    return not 0 <= (published - value).days <= 1


# Days before publication a present perfect may be dated ("have confirmed on Wednesday").
LATELY = 7


def _told_on(clause: Clause, phrases: Sequence[Phrase]) -> Phrase | None:
    """Return the date phrase of the verb of speech that reports a clause ("announced on
    Tuesday that the coach had been fired"), which dates the happening when nothing else does."""
    if not clause.announced or clause.background:
        return None
    return next((p for p in phrases if clause.told <= p.start and p.end <= clause.start), None)


# A happening dated this long before the article is its background, not its story.
HISTORY_DAYS = 730


def _within(
    phrase: Phrase,
    clause: Clause,
    sentence: str,
    clauses: Sequence[Clause],
    main: Clause | None,
    words: ClauseWords,
) -> bool:
    """Tell whether a date phrase dates a clause: it lies inside it, from its subject to its
    object's end (or, for the lead's main clause, outside every other clause), not in words
    set off by commas between the subject and the verb ("X, detained in 2022, was flown"),
    nor after a preposition that opens a noun's own time ("suspended him following the kiss
    on Aug. 20", "dismissed a lawsuit filed before a July 2024 outage")."""

    def inside(c: Clause) -> bool:
        return c.subject_start <= phrase.start <= phrase.end <= c.object_end

    if 0 <= clause.told <= phrase.start and phrase.end <= clause.start:
        # "announced on Tuesday that the coach had been fired": known that day; but what
        # "said on Tuesday" tells may be of any day before
        return clause.announced
    if clause.object_end <= phrase.start and told_between(
        sentence[clause.object_end : phrase.start], words
    ):
        return False  # "The bank failed due to poor management, the Fed said Friday"

    first = next((c for c in clauses if not c.background), None)
    opening = clause is first and len(sentence[: phrase.start].split()) <= 1
    if (  # "On July 29, 1993, the Council adopted", "Last month, leaders agreed": the opening
        not inside(clause)
        and not (opening and not any(inside(c) for c in clauses))
        and (clause is not main or any(inside(c) for c in clauses))
    ):
        return False
    if clause.end <= phrase.start and _embedded(sentence[clause.end : phrase.start], words):
        return False
    before = sentence[clause.subject_start : phrase.start]
    between = sentence[phrase.end : clause.start]
    return not (phrase.end <= clause.start and "," in before and "," in between)


# The lead paragraph's sentences, from its first, where its news's day may be said.
LEAD_DAY_SENTENCES = 3
# How many words before a day a verb of speech makes it the telling's day ("said on Friday").
SPEECH_WORDS = 2


def lead_day(
    sentences: Sequence[str], lead: Lead, published: dt.date | None, knowledge: Knowledge
) -> EventDate | None:
    """Return the one recent day the lead paragraph's first sentences name, if exactly one:
    the day of the lead's news when its main clause names none.

    A lead often leaves its day to the next sentence ("The club confirmed the signing on
    Saturday."): when the lead paragraph's first sentences name exactly one day, and it is the
    article's day or the day before, that is the news's day. The article's date alone is not
    (news of Sunday night is in Monday's paper): without such a phrase the news stays undated.
    Undated articles give the phrase's weekday as a hint, to be matched with other reports.
    """
    days: dict[object, EventDate] = {}
    for index in range(lead.start, min(lead.start + LEAD_DAY_SENTENCES, len(sentences))):
        sentence = sentences[index]
        for phrase in find_phrases(sentence, knowledge.language):
            if phrase.anchored or (phrase.weekday is None and phrase.unit != "day"):
                continue  # only "on Friday", "yesterday", "today": a news's day
            before = " ".join(sentence[: phrase.start].split()[-SPEECH_WORDS:])
            if told_between(before, knowledge.clauses):
                continue  # "..., the Fed said Friday": the day of the telling
            if any(
                c.background and c.subject_start <= phrase.start < c.object_end
                for c in find_clauses(sentence, knowledge.clauses, index == 0 and lead.headline)
            ):
                continue  # "the report, which was released on Tuesday": the report's day
            found = event_date(phrase, published)
            value = found.date.value
            if published is None and found.weekday is not None:
                days[("weekday", found.weekday)] = found
            elif value is not None and found.date.precision == "day":
                if 0 <= (published - value).days <= 1 if published else False:
                    days[value] = found
                else:
                    return None  # another day is named: which one is the news's is unclear
    if len(days) != 1:
        return None
    (found,) = days.values()
    return found


def _dates_another(
    phrase: Phrase,
    labelled: tuple[Clause, int],
    sentence: str,
    clauses: Sequence[Clause],
    knowledge: Knowledge,
) -> bool:
    """Tell whether a date phrase near a typed trigger dates something else: it lies in another
    clause ("sued ... before a July 2024 outage crashed computers") or follows a preposition
    that gives a noun its time ("suspended him following the kiss on Aug. 20"), after the
    trigger (`labelled`: the clause and where its trigger ends), which may be that noun."""
    clause, trigger_end = labelled
    after = max(clause.end, trigger_end)
    if after <= phrase.start and _embedded(sentence[after : phrase.start], knowledge.clauses):
        return True
    return any(
        c is not clause
        and c.subject_start <= phrase.start <= phrase.end <= c.object_end
        and not (c.subject_start <= clause.start <= c.object_end)
        for c in clauses
    )


def _main(clauses: Sequence[Clause], in_lead: bool) -> Clause | None:
    """Return the lead sentence's main clause (its first not in a relative or subordinate
    clause): the one that states the article's news. Outside the lead there is none."""
    return next((c for c in clauses if not c.background), None) if in_lead else None


def _bare_report(
    clause: Clause,
    sentence: str,
    clauses: Sequence[Clause],
    phrases: Sequence[Phrase],
    words: ClauseWords,
) -> bool:
    """Tell whether a verb of reporting only frames what it reports: it has no object of its
    own ("..., WSB reported", "announced Tuesday that the department will investigate"), or
    another clause is what it tells. "Confirmed the sale" is a happening; "confirmed" is not."""
    if clause.lemma not in words.reporting:
        return False
    if any(c.told == clause.head for c in clauses):
        return True
    rest = without_phrases(object_words(sentence, clause), sentence, clause.end, phrases, words)
    return not rest or rest.split()[0].casefold() == "that"


def _embedded(between: str, words: ClauseWords) -> bool:
    """Tell whether the words between a verb and a date phrase make the date another's: a
    preposition that gives a noun its time ("following the kiss", "before a July 2024
    outage") or a relative word that opens a clause of its own ("what caused ...")."""
    found = {w.casefold() for w in re.findall(r"[\w’'-]+", between)}
    return bool(found & (words.noun_times | words.embedding))


def _salient(clause: Clause, resolved: EventDate, published: dt.date | None) -> bool:
    """Tell whether a dated clause outside the lead's main one is one of the story's events.

    A relative or subordinate clause ("which opened in 1869") is, only dated to the day or
    month: a year alone dates background.
    """
    date = resolved.date
    return not clause.background or (date.value is not None and date.precision != "year")


def _history(date: DateInfo, published: dt.date | None, main: bool) -> bool:
    """Tell whether a date lies so long before publication that it dates background."""
    return (
        not main
        and date.value is not None
        and published is not None
        and (published - date.value).days > HISTORY_DAYS
    )


def _clause_role(
    main: bool, phrase: Phrase | None, date: DateInfo, published: dt.date | None
) -> Role:
    """Say whether the article reports a happening as its news or mentions it as background."""
    if date.value is not None and published is not None and date.precision == "day":
        return "reports" if 0 <= (published - date.value).days <= 1 or main else "mentions"
    if phrase is not None and phrase.weekday is not None and phrase.modifier is None:
        return "reports"
    return "reports" if main else "mentions"
