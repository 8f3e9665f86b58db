"""A headline for a happening: its clause's subject, its verb in the past, its object."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lemminflect import getAllLemmas

from generator.extract.events.clauses import Clause, object_words, subject_words, verb_form
from generator.extract.events.context import Context
from generator.extract.events.dates import Phrase
from generator.knowledge import ClauseWords, Knowledge

# Words that open a noun phrase, which an antecedent may begin with.
DETERMINERS = frozenset(("the", "a", "an", "its", "their", "his", "her", "this", "these"))


MAX_TITLE_WORDS = 12


MAX_SUBJECT_WORDS = 6
NAMED_OWNER = 2  # words past it a subject may keep when a name ends it ("... of the Dali")
NAME_REACH = 5  # words past it a subject cut inside a name may keep to end that name


def clause_title(
    context: Context,
    clause: Clause,
    phrases: Sequence[Phrase],
    agents: Sequence[str],
    knowledge: Knowledge,
    clauses: Sequence[Clause] = (),
) -> str:
    """Return a headline for a happening: its subject, its verb in the past, its object.

    `clauses` are the sentence's: a verb joined to the one before it ("took the stand and
    denied the charges") shares that verb's subject.
    """
    sentence = context.sentence
    words = knowledge.clauses
    subject = without_phrases(
        subject_words(sentence, clause), sentence, clause.subject_start, phrases, words
    )
    subject_list = _head_words(subject, words)
    if subject_list and _verbal_start(subject_list[0]):
        # "X, the star witness against Y, took the stand and accused him": the subject is
        # the sentence's, before its apposition
        subject_list = _opening_subject(sentence, clause, phrases, words)
    if not subject_list or " ".join(subject_list).casefold() in words.pronouns | words.relative:
        subject_list = _antecedent(context, clause, agents, words) or _shared_subject(
            sentence, clause, clauses, phrases, words
        )
    room = MAX_TITLE_WORDS - len(subject_list) - len(clause.verb.split())
    rest = without_phrases(object_words(sentence, clause), sentence, clause.end, phrases, words)
    objects: list[str] = []
    for word in rest.split():
        if len(objects) >= room or word.casefold().strip(".,") in words.title_stops:
            break
        if CLOCK.match(word):
            break  # "hit at 4:17 a.m. local time": when, not what
        objects.append(word)
    while objects and (
        objects[-1].casefold().strip(".,") in words.title_junk or _modifier_only(objects[-1])
    ):
        objects.pop()  # "announced the successful": the noun it qualifies was cut
    title = " ".join([*subject_list, clause.verb, *objects]).strip(" ,.;:")
    return title[:1].upper() + title[1:]


ANTECEDENT_WORDS = 4
# A pronoun subject and the actor types it may stand for.
PRONOUN_TYPES = {
    "he": ("person",),
    "she": ("person",),
    "it": ("organization", "legislature", "group", "vessel"),
}
AN = re.compile(r"\b([Aa]) (?=[aeiouAEIOU])")  # "a outage" once "July 2024" is cut
CLOCK = re.compile(r"\d{1,2}[:.]\d{2}\b")
DASHES = frozenset(("—", "–", "-", "--"))


def _name_run(rest: Sequence[str], words: ClauseWords) -> list[str]:
    """Return the words that go on a name: capitalised ones, and the small words between
    two of them ("Institute of Orbital Physics")."""
    run: list[str] = []
    for n, word in enumerate(rest):
        joins = word in words.name_joiners and n + 1 < len(rest) and rest[n + 1][:1].isupper()
        if not (word[:1].isupper() or joins):
            break
        run.append(word)
    return run


def _modifier_only(word: str) -> bool:
    """Tell whether a lower-case word is only an adjective ("successful", "new"): a title
    that would end on it has lost its noun."""
    if not word.islower():
        return False
    lemmas = getAllLemmas(word.strip(".,;:"))
    return bool(lemmas) and set(lemmas) <= {"ADJ"}


def _head_words(subject: str, words: ClauseWords) -> list[str]:
    """Return the words of a subject up to what qualifies it: a comma or a participle
    ("Protesters waving flags", "The guard, a 27-year-old man,")."""
    head: list[str] = []
    words_of = subject.lstrip(" -–—").split()  # "(Reuters) -A judge": the dateline's dash
    if len(words_of) > MAX_SUBJECT_WORDS:  # "Families of six men who died in ...": the noun
        cut = next(
            (n for n, w in enumerate(words_of) if n and w.casefold() in words.relative), None
        )
        words_of = words_of[:cut] if cut else words_of
    for word in words_of:
        lower = word.casefold()
        if head and (lower.endswith("ing") and word.islower() and len(word) > 5):
            break
        if head and word in DASHES:
            break  # "coach Jorge Vilda — a figure backed by Rubiales —"
        if lower not in words.coordinators or head:
            head.append(word.rstrip(","))
        if word.endswith(","):
            break
    if len(head) > MAX_SUBJECT_WORDS and not {w.casefold() for w in head} & words.noun_markers:
        return head[-MAX_SUBJECT_WORDS:]  # "women's national team head coach Jorge Vilda"
    if head and len(head) <= MAX_SUBJECT_WORDS + NAMED_OWNER and head[-1][:1].isupper():
        return head  # "The owner and manager of the Dali": the name ends the noun phrase
    shortened = head[:MAX_SUBJECT_WORDS]
    rest = head[MAX_SUBJECT_WORDS:]
    name = _name_run(rest, words) if shortened and shortened[-1][:1].isupper() else []
    if len(name) <= NAME_REACH:
        shortened += name  # "at the Johns Hopkins | Applied Physics Laboratory": a whole name
    while len(shortened) > 1 and shortened[-1].casefold() in words.title_junk:
        shortened.pop()  # "The owner and manager of the" would end on "the"
    return shortened


def _opening_subject(
    sentence: str, clause: Clause, phrases: Sequence[Phrase], words: ClauseWords
) -> list[str]:
    """Return the words that open a sentence up to its first comma, when they hold a name and
    no verb: the subject an apposition separates from its verbs."""
    start = len(sentence) - len(sentence.lstrip(" -–—"))
    comma = sentence.find(",", start, clause.start)
    if comma < 0:
        return []
    opening = without_phrases(sentence[start:comma], sentence, start, phrases, words)
    found = opening.split()
    if not any(w[:1].isupper() for w in found[1:]) or any(_verbal_start(w) for w in found):
        return []
    return _head_words(opening, words)


def _verbal_start(word: str) -> bool:
    """Tell whether a subject's first word is a finite verb ("took"): no subject at all."""
    form = verb_form(word) if word.islower() else None
    return form is not None and (form.past or form.present) and not getAllLemmas(word, "NOUN")


def _shared_subject(
    sentence: str,
    clause: Clause,
    clauses: Sequence[Clause],
    phrases: Sequence[Phrase],
    words: ClauseWords,
) -> list[str]:
    """Return the subject of the main clause a subjectless verb is joined to by "and", "but"
    ("Bankman-Fried took the stand and denied ..."): its head words, else none."""
    earlier = [c for c in clauses if c.end <= clause.start and not c.background]
    if not earlier:
        return []
    first = earlier[-1]
    between = sentence[first.end : clause.start].casefold().split()
    if not set(between) & words.coordinators:
        return []
    subject = without_phrases(
        subject_words(sentence, first), sentence, first.subject_start, phrases, words
    )
    head = _head_words(subject, words)
    return [] if " ".join(head).casefold() in words.pronouns | words.relative else head


def _antecedent(
    context: Context, clause: Clause, agents: Sequence[str], words: ClauseWords
) -> list[str]:
    """Return who a clause with no subject of its own is about.

    A relative clause is about the noun before its pronoun ("the junta that seized power");
    a clause after "and" or a pronoun about whom the sentence names as acting.
    """
    before = context.sentence[: clause.subject_start].split()
    if before and before[-1].casefold() in words.relative:
        noun: list[str] = []
        for word in reversed(before[:-1]):
            if word.casefold() in words.noun_markers - DETERMINERS or word.endswith(","):
                break
            noun.insert(0, word)
            if len(noun) >= ANTECEDENT_WORDS:
                break
        if noun:
            return noun
    for mention in context.actors:
        if agents and mention.actor_id == agents[0]:
            return mention.surface.split()
    subject = context.sentence[clause.subject_start : clause.start].split()
    wanted = PRONOUN_TYPES.get(subject[-1].casefold()) if subject else None
    if wanted is not None:  # "He withdrew it in June": the person last named before
        named = [m for m in context.recent if m.type in wanted]
        if named:
            return named[-1].surface.split()
    return []


def without_phrases(
    text: str, sentence: str, offset: int, phrases: Sequence[Phrase], words: ClauseWords
) -> str:
    """Return a part of a sentence (starting at `offset`) with its date phrases cut out, and
    the part of the day that follows one ("on Tuesday night")."""
    start = sentence.find(text, offset) if text else -1
    if start < 0:
        return text
    kept, at = [], start
    for phrase in sorted(phrases, key=lambda p: p.start):
        if phrase.end <= start or phrase.start >= start + len(text):
            continue
        kept.append(sentence[at : max(at, phrase.start)])
        at = max(at, phrase.end)
        if sentence.startswith(("’s", "'s"), at):
            at += 2  # "Monday's demolition"
        part = re.match(r"\s+(\w+)", sentence[at:])
        if part and part.group(1).casefold() in words.day_parts:
            at += part.end()
    kept.append(sentence[at : start + len(text)])
    joined = " ".join(" ".join(kept).split())
    return AN.sub(r"\1n ", joined) if len(kept) > 1 else joined  # "a July 2024 outage"
