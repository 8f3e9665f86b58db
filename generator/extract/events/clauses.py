"""Read the clauses of a sentence: where a finite verb says that something happened.

A happening is a clause: someone or something does something, in a finite verb of the past or
present, active or passive ("collapsed", "was arrested", "has cut", "stepped down"), that no
modal, negation or condition makes a wish, a plan or a denial. The verb forms and lemmas come
from the lemminflect lexicon; the closed word classes of English (auxiliaries, determiners,
relative pronouns) from clauses.yaml. No list of event wordings is needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from lemminflect import getAllLemmas, getAllLemmasOOV, getInflection

from generator.extract.memo import per_sentence
from generator.knowledge import ClauseWords

# A word: letters, then letters, digits, apostrophes and hyphens.
WORD = re.compile(r"[^\W\d_][\w’'-]*")
# What ends a clause for its subject and its object: punctuation that opens another one.
BOUNDARY = re.compile(r"[,;()\[\]“”\"—–]|(?<!\d):(?!\d)|\s-\s")  # not "4:17 a.m."
TITLE_CASE_SHARE = 0.75  # a sentence whose words are mostly capitalised is a headline
MAX_SUBJECT_WORDS = 6
MAX_LOOKBACK = 4  # words an auxiliary may stand before its verb
# How many words after a past form an auxiliary may show it modifies a noun ("the bodies of
# two workers killed in the collapse of the Key Bridge were recovered").
MODIFIER_REACH = 11
AUDIENCE_REACH = 4  # words from a verb of speech to its audience ("told a Senate panel")
TESTIFY = "testify"  # the sense of a verb of speech that tells a hearing or a court


@dataclass(frozen=True, slots=True)
class Form:
    """What a word can be as a verb: its lemma and which finite or participle forms it is."""

    lemma: str
    past: bool  # a simple past ("took", "collapsed")
    participle: bool  # a past participle ("taken", "collapsed")
    present: bool  # a third person singular present ("orders")
    base: bool = False  # the plain present, as a plural subject takes it ("workers recover")
    gerund: bool = False  # the -ing form of a progressive ("is returning")

    @property
    def inflected(self) -> bool:
        """Tell whether the word is a past, a participle or a third person present."""
        return self.past or self.participle or self.present


@dataclass(frozen=True, slots=True)
class Clause:
    """A finite verb group of a sentence that may state a happening."""

    start: int  # where the verb group begins (its auxiliary, if any)
    head: int  # where the main verb begins
    end: int  # past its last word (a particle included)
    lemma: str  # "step down", "arrest"
    sense: str  # the group of verbs it means the same as ("resign"), else its lemma
    verb: str  # the verb group in the past, as a headline would write it ("stepped down")
    passive: bool
    background: bool  # in a relative or subordinate clause ("which opened in 1869")
    subject_start: int  # where the words before the verb group, in its clause, begin
    object_end: int  # where the words after it, in its clause, end
    told: int = -1  # where the verb of speech that reports it begins ("said that ..."), if any
    announced: bool = False  # that verb announces news ("announced", "confirmed"), not "said"
    progressive: bool = False  # in the present progressive ("is returning"): still going on
    present_perfect: bool = False  # "has released": done lately, never "in June 2023"


@lru_cache(maxsize=65_536)
def verb_form(word: str) -> Form | None:
    """Return what a lower-case word can be as a finite or participle verb, if anything."""
    lemmas = getAllLemmas(word, "VERB").get("VERB") or ()
    if not lemmas and word.endswith("ed") and len(word) > 4:
        lemmas = getAllLemmasOOV(word, "VERB").get("VERB") or ()
    for lemma in lemmas:
        past = word in (getInflection(lemma, "VBD") or ())
        participle = word in (getInflection(lemma, "VBN") or ())
        present = word in (getInflection(lemma, "VBZ") or ())
        base = word == lemma.casefold()
        gerund = word in (getInflection(lemma, "VBG") or ())
        if past or participle or present or base or gerund:
            return Form(lemma.casefold(), past, participle, present, base, gerund)
    if lemmas and word.endswith("ed"):  # a verb the lexicon does not inflect ("refloated")
        return Form(lemmas[0].casefold(), True, True, False)
    return None


def find_clauses(sentence: str, words: ClauseWords, headline: bool = False) -> tuple[Clause, ...]:
    """Return the finite verb groups of a sentence that may state a happening, in text order.

    A headline states its news in the present ("Court orders tanker seized"); the body of an
    article in the past, where "partners" or "talks" after a name are nouns.
    """
    return _headline_clauses(sentence, words) if headline else _body_clauses(sentence, words)


@per_sentence
def _body_clauses(sentence: str, words: ClauseWords) -> tuple[Clause, ...]:
    return _clauses(sentence, words, False)


@per_sentence
def _headline_clauses(sentence: str, words: ClauseWords) -> tuple[Clause, ...]:
    return _clauses(sentence, words, True)


def _clauses(sentence: str, words: ClauseWords, in_headline: bool) -> tuple[Clause, ...]:
    if sentence.rstrip(" ”\"'’").endswith("?"):
        return ()  # a question asks whether something happened
    tokens = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(sentence)]
    if not tokens:
        return ()
    quotes = _quotes(sentence)
    headline = _title_case(tokens)
    present = in_headline or headline
    found: list[Clause] = []
    for i, (start, _end, text) in enumerate(tokens):
        if (text[0].isupper() and i > 0 and not headline) or any(a <= start < b for a, b in quotes):
            continue  # a name, or someone's own words
        floor = found[-1].end if found else 0
        clause = _clause(sentence, tokens, i, words, (headline, present), floor)
        if clause is None or clause.start < floor:
            continue
        if found and not _new_clause(sentence, tokens, found[-1], clause, words):
            continue  # "orders the tanker seized": a second verb of one clause is its object's
        if found and _after_relative(sentence, tokens, found[-1], clause, words):
            # "Ship that collapsed Key Bridge refloated": the subject is the relative's noun
            clause = replace(clause, subject_start=_boundary_before(sentence, found[-1].start))
        elif (
            found
            and all(c.background for c in found)
            and not sentence[clause.subject_start : clause.start].strip(" ,")
        ):
            # "X, the co-founder of the company whose sub imploded, has told a hearing": the
            # subject stands before the apposition that holds the relative clause
            clause = replace(clause, subject_start=0)
        found.append(clause)
    return tuple(
        replace(
            c,
            object_end=min(c.object_end, found[n + 1].start)
            if n + 1 < len(found)
            else c.object_end,
        )
        for n, c in enumerate(found)
    )


def _after_relative(
    sentence: str,
    tokens: list[tuple[int, int, str]],
    last: Clause,
    clause: Clause,
    words: ClauseWords,
) -> bool:
    """Tell whether a main verb follows the relative clause of its own subject."""
    if (
        not last.background
        or clause.background
        or BOUNDARY.search(sentence, last.end, clause.start)
    ):
        return False
    return not _words_between(tokens, last, clause) & words.coordinators


def _words_between(tokens: list[tuple[int, int, str]], last: Clause, clause: Clause) -> set[str]:
    """Return the words between the end of one clause and the start of the next, folded."""
    return {t[2].casefold() for t in tokens if last.end <= t[0] < clause.start}


def _new_clause(
    sentence: str,
    tokens: list[tuple[int, int, str]],
    last: Clause,
    clause: Clause,
    words: ClauseWords,
) -> bool:
    """Tell whether a verb after another one opens a clause of its own.

    It does after a boundary, a coordinating word ("and imposed") or a relative or subordinate
    word ("the junta that seized power", "after the ship struck").
    """
    if BOUNDARY.search(sentence, last.end, clause.start):
        return True
    between = _words_between(tokens, last, clause)
    return last.background or bool(between & (words.relative | words.coordinators))


def _clause(
    sentence: str,
    tokens: list[tuple[int, int, str]],
    i: int,
    words: ClauseWords,
    style: tuple[bool, bool],
    floor: int,
) -> Clause | None:
    """Return the clause whose main verb is token `i`, if it is a finite verb of a happening.

    `style` says whether the sentence is in title case, and whether it may be in the present.
    """
    headline, present = style
    start, end, text = tokens[i]
    lower = text.casefold()
    form = verb_form(lower)
    if form is None:
        return None
    lemma, particle_end = form.lemma, end
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if following is not None and following[2].casefold() in words.particles:
        phrasal = f"{lemma} {following[2].casefold()}"
        if phrasal in words.senses or lemma not in words.not_happenings:
            lemma, particle_end = phrasal, following[1]
    testifies = form.lemma in words.speech and _tells_an_audience(tokens, i, words)
    spoken = lemma in words.speech or form.lemma in words.speech
    if (
        lemma not in words.senses
        and not testifies
        and (lemma in words.not_happenings or (spoken and form.lemma not in words.speech_acts))
    ):
        return None
    if lemma in words.reporting and following is not None and following[2].casefold() == "that":
        return None  # "confirmed that ...": the happening is the clause it reports
    auxiliary, before = _auxiliary(tokens, i, words)
    last_auxiliary = auxiliary.split()[-1].casefold() if auxiliary else None
    progressive = form.gerund and not form.inflected
    if progressive and (auxiliary is None or auxiliary.casefold() not in words.present_be):
        return None  # "leaving thousands stranded", "was travelling": no news of its own
    passive = last_auxiliary in words.passive and not progressive
    perfect = last_auxiliary in words.perfect
    if before is not None and before.casefold() in words.irrealis:
        return None  # "to impose", "would cut", "did not resign"
    if form.present and not form.past and not present and auxiliary is None:
        return None  # in the body of an article, "partners" after a name is a noun
    if not progressive and not _finite(
        form, (sentence, tokens), i, words, (headline, present), auxiliary
    ):
        return None
    if passive and auxiliary is not None and auxiliary.casefold() in {"be", "being", "been"}:
        return None  # "to be arrested", "being questioned": no finite auxiliary
    group_start = _group_start(tokens, i, words) if (passive or perfect or progressive) else start
    boundary = max(_boundary_before(sentence, group_start), floor)
    opener, subject_start = _opener(tokens, (boundary, floor), group_start, words)
    if opener == "conditional" or _participial(tokens, subject_start, group_start, words):
        return None
    contact = _contact_relative(tokens, (boundary, group_start), words)
    if contact is not None:  # "the company he co-founded in 2015": the company's background
        opener, subject_start = "background", contact
    if auxiliary is None and _absolute(tokens, subject_start, words):
        return None
    subject_start = _before_insertion(sentence, subject_start, group_start)
    told = _told(tokens, (subject_start, group_start), words)
    if told is not None and told[0] >= subject_start:  # "Officials said the ship lost power"
        subject_start = told[1]
    if auxiliary is None and _modifier(sentence, tokens, i, words):
        return None
    if opener is None and not floor and not sentence[subject_start:group_start].strip(" ,"):
        subject_start = 0  # "The two Americans, aid workers held in 2022, were flown": apposition
    return Clause(
        start=group_start,
        head=start,
        end=particle_end,
        lemma=lemma,
        sense=TESTIFY
        if testifies
        else words.senses.get(lemma) or words.senses.get(form.lemma) or lemma,
        verb=f"{auxiliary.casefold()} {sentence[start:particle_end].casefold()}"
        if progressive and auxiliary is not None
        else _past(sentence, text, lemma, form, auxiliary, passive, particle_end, end),
        passive=passive,
        background=opener == "background",
        subject_start=subject_start,
        object_end=_boundary_after(sentence, particle_end),
        told=told[0] if told is not None else -1,
        announced=told is not None and _announcing(sentence, told[0], words),
        progressive=progressive,
        present_perfect=auxiliary is not None
        and auxiliary.split()[0].casefold() in words.present_perfect,
    )


def _tells_an_audience(tokens: list[tuple[int, int, str]], i: int, words: ClauseWords) -> bool:
    """Return whether the verb of speech at i tells a hearing, a court or lawmakers: "told a
    hearing", "told the Senate panel", "told federal investigators"."""
    for k in range(i + 1, min(i + 1 + AUDIENCE_REACH, len(tokens))):
        word = tokens[k][2].casefold()
        if word in words.audiences:
            return True
        if word in words.relative or word in words.speech or word == "that":
            return False
    return False


def _auxiliary(
    tokens: list[tuple[int, int, str]], i: int, words: ClauseWords
) -> tuple[str | None, str | None]:
    """Return the auxiliaries before verb `i` (past adverbs: "was", "has", "has been") and the
    word before them."""
    j = i - 1
    while j >= 0 and i - j <= MAX_LOOKBACK and _adverb(tokens[j][2], words):
        j -= 1
    if j < 0:
        return None, None
    word = tokens[j][2].casefold()
    if word not in words.passive and word not in words.perfect:
        return None, tokens[j][2]
    k = j - 1
    while k >= 0 and _adverb(tokens[k][2], words):
        k -= 1
    prior = tokens[k][2].casefold() if k >= 0 else None
    if word in {"been", "being"} and prior in words.perfect:
        k2 = k - 1  # "has been arrested": the perfect's auxiliary stands before
        while k2 >= 0 and _adverb(tokens[k2][2], words):
            k2 -= 1
        return f"{tokens[k][2]} {tokens[j][2]}", tokens[k2][2] if k2 >= 0 else None
    return tokens[j][2], tokens[k][2] if k >= 0 else None


def _group_start(tokens: list[tuple[int, int, str]], i: int, words: ClauseWords) -> int:
    """Return where the verb group of verb `i` begins: its first auxiliary."""
    j, first = i - 1, tokens[i][0]
    while j >= 0 and i - j <= MAX_LOOKBACK + 1:
        word = tokens[j][2].casefold()
        if word in words.passive or word in words.perfect:
            first = tokens[j][0]
        elif not _adverb(tokens[j][2], words):
            break
        j -= 1
    return first


def _participial(
    tokens: list[tuple[int, int, str]], start: int, end: int, words: ClauseWords
) -> bool:
    """Tell whether a verb's clause opens with an -ing form: the verb is then its object's
    complement ("leaving thousands stranded")."""
    inside = [t for t in tokens if start <= t[0] < end]
    for n, (_, _, text) in enumerate(inside):
        lower = text.casefold()
        if n and text[0].isupper():
            continue  # "the Supervisor of Salvage and Diving": a name
        opening = not n or inside[n - 1][2].casefold() in words.coordinators
        if opening and lower.endswith("ing") and getAllLemmas(lower, "VERB"):
            return True
    return False


def _before_insertion(sentence: str, start: int, verb: int) -> int:
    """Return where a verb's subject begins when words set off by dashes stand between it and
    the verb ("coach Jorge Vilda — a figure backed by Rubiales — had been fired"): before them."""
    if sentence[start:verb].strip():
        return start
    before = sentence[:start].rstrip()
    mark = before[-1:]
    if not mark or mark not in "—–-" or (mark == "-" and before[-2:-1] != " "):
        return start
    opening = before[:-1].rfind(f" {mark} " if mark == "-" else mark)
    if opening < 0:
        return start
    begins = _boundary_before(sentence, opening)
    return begins if sentence[begins:opening].strip() else start


def told_between(text: str, words: ClauseWords) -> bool:
    """Tell whether some words hold a verb of speech ("..., the Fed said")."""
    return any(_speech(m.group(0).casefold(), words) for m in WORD.finditer(text))


def _announcing(sentence: str, at: int, words: ClauseWords) -> bool:
    """Tell whether the verb of speech at `at` announces news ("announced", "confirmed"): what
    it tells is news of that day, where "said" may tell of any time before."""
    match = WORD.match(sentence, at)
    form = verb_form(match.group(0).casefold()) if match else None
    return form is not None and form.lemma in words.reporting


def _absolute(tokens: list[tuple[int, int, str]], start: int, words: ClauseWords) -> bool:
    """Tell whether a verb's clause opens with "with" or "without": an absolute phrase ("With
    Rubiales suspended, the board met"), whose past form is a participle."""
    first = next((t[2].casefold() for t in tokens if t[0] >= start), "")
    return first in words.absolutes


# How many words may stand between a verb of speech and the "that" of what it reports
# ("said on Tuesday that", "announced late on Monday that").
TOLD_GAP = 4


def _told(
    tokens: list[tuple[int, int, str]], span: tuple[int, int], words: ClauseWords
) -> tuple[int, int] | None:
    """Return where the verb of speech that reports the clause at `start` begins, and where
    its subject then begins: "Officials said [the ship] lost power", "the federation announced
    on Tuesday that [the coach] had been fired". Without "that", only a verb of speech in the
    clause's subject (`span`: from where the subject begins to the verb group) reports it."""
    subject, start = span
    before = [t for t in tokens if t[0] < start]
    for n in range(len(before) - 1, -1, -1):
        text = before[n][2]
        if text[0].isupper() or not _speech(text.casefold(), words):
            continue
        after = [t[2].casefold() for t in before[n + 1 : n + 2 + TOLD_GAP]]
        if "that" in after:
            that = before[n + 1 + after.index("that")]
            return before[n][0], that[1]
        return (before[n][0], before[n][1]) if before[n][0] >= subject else None
    return None


def _modifier(
    sentence: str, tokens: list[tuple[int, int, str]], i: int, words: ClauseWords
) -> bool:
    """Tell whether a past form without auxiliary modifies the noun before it: an auxiliary
    or modal follows in its clause ("the charter adopted in May would not change")."""
    stop = _boundary_after(sentence, tokens[i][1])
    for begin, _, text in tokens[i + 1 : i + 1 + MODIFIER_REACH]:
        if begin >= stop:  # "a former aid worker detained in 2022, were flown": apposition
            after = sentence[stop:begin].strip() == ","
            return after and text.casefold() in words.passive | words.perfect | words.modals
        lower = text.casefold()
        if lower in words.relative or lower in words.coordinators:
            return False
        if lower in words.passive or lower in words.modals:
            return True
    return False


def _adverb(word: str, words: ClauseWords) -> bool:
    lower = word.casefold()
    return lower in words.adverbs or (lower.endswith("ly") and len(lower) > 4 and lower != "only")


def _finite(
    form: Form,
    text: tuple[str, list[tuple[int, int, str]]],
    i: int,
    words: ClauseWords,
    style: tuple[bool, bool],
    auxiliary: str | None,
) -> bool:
    """Tell whether verb `i` heads a finite clause, not a noun's modifier or a noun.

    `style` says whether the sentence is in title case, and whether it may be in the present
    (a headline): there a verb may follow a common noun ("outage grounds flights") and a
    plural subject takes the plain form ("Workers recover sixth body").
    """
    sentence, tokens = text
    headline, present = style
    if auxiliary is not None:
        return form.participle or (form.past and not form.present)
    previous = tokens[i - 1][2] if i > 0 else None
    after = tokens[i + 1][2].casefold() if i + 1 < len(tokens) else ""
    if previous is None:
        return headline and (form.past or form.present)  # "Founded in 1990, ..." is an adjunct
    prior = previous.casefold()
    if re.search(r"\d", sentence[tokens[i - 1][1] : tokens[i][0]]):
        prior = ""  # "seized power in 2021 rejected": a number, not the preposition, is before
    if prior in words.noun_markers or prior in words.passive or prior in words.perfect:
        return False  # "the proposed law", "its armed forces"
    if form.past:
        return not (form.participle and after == "by")  # "a ship operated by ..." is a modifier
    if present and (form.present or form.base) and _headline_verb(form, text, i, words):
        return True
    if form.present:  # "orders", "rates", "talks": a verb only after its subject
        return prior in words.pronouns or (
            previous[0].isupper() and not _in_noun(tokens, i, words, headline)
        )
    return False


def _headline_verb(
    form: Form, text: tuple[str, list[tuple[int, int, str]]], i: int, words: ClauseWords
) -> bool:
    """Tell whether a present form in a headline follows its subject: a plain form a plural
    ("Workers recover sixth body"), a third person form a common noun ("outage grounds
    flights"), with nothing between them but an adverb. A plural noun before a verb is the
    subject, not the verb ("board changes mean", "Photos show plumes")."""
    sentence, tokens = text
    j = i - 1
    while j >= 0 and tokens[j][2].islower() and _adverb(tokens[j][2], words):
        j -= 1
    if j < 0 or re.search(r"[^\w\s]", sentence[tokens[j][1] : tokens[i][0]]):
        return False  # "from club; ends two-year spell": another clause's word
    subject = tokens[j][2].casefold()
    if form.base and not form.present:
        following = verb_form(tokens[i + 1][2].casefold()) if i + 1 < len(tokens) else None
        if following is not None and following.present and not following.past:
            return False  # "Appeals court upholds": the plain form is a noun of the subject
        return _plural(subject, words)
    if _plural(tokens[i][2].casefold(), words) and i + 1 < len(tokens):
        following = verb_form(tokens[i + 1][2].casefold())
        if following is not None and following.base:
            return False  # "board changes mean": "changes" is the subject
    before = tokens[j - 1][2].casefold() if j > 0 else ""
    subject_verb = verb_form(subject)
    if (
        subject_verb is not None
        and subject_verb.base
        and subject_verb.lemma in words.not_happenings | words.speech
        and _plural(before, words)
    ):
        return False  # "Photos show plumes": "show" is the verb
    return _common_noun(subject, words)


def _plural(word: str, words: ClauseWords) -> bool:
    """Tell whether a word is a plural subject: "they", "we" or a plural noun ("workers")."""
    if word in words.plural_pronouns:
        return True
    if not word.endswith("s") or word.endswith("ss") or word in words.noun_markers:
        return False
    nouns = getAllLemmas(word, "NOUN").get("NOUN") or ()
    return any(lemma.casefold() != word for lemma in nouns)


def _common_noun(word: str, words: ClauseWords) -> bool:
    """Tell whether a word may end a subject as a noun ("outage", "court"), not a function word
    nor an inflected verb."""
    if word in words.noun_markers or word in words.relative or word in words.coordinators:
        return False
    form = verb_form(word)
    verbal = form is not None and (form.inflected or form.gerund)
    return bool(getAllLemmas(word, "NOUN")) and not verbal


def _contact_relative(
    tokens: list[tuple[int, int, str]], span: tuple[int, int], words: ClauseWords
) -> int | None:
    """Return where the subject of a relative clause without its relative word begins: "the
    company he co-founded", "a statement she posted" (a noun, then a pronoun, then the verb)."""
    boundary, start = span
    inside = [t for t in tokens if boundary <= t[0] < start]
    if len(inside) < 2 or inside[-1][2].casefold() not in words.pronouns:
        return None
    noun = inside[-2][2]
    lower = noun.casefold()
    if not noun.islower() or lower in words.time_nouns or not _common_noun(lower, words):
        return None
    if lower in words.pronouns or _speech(lower, words) or _adverb(lower, words):
        return None
    return inside[-1][0]


def _in_noun(
    tokens: list[tuple[int, int, str]], i: int, words: ClauseWords, title_case: bool
) -> bool:
    """Tell whether the names before word `i` follow a preposition or determiner, so that the
    word ends a noun phrase ("on Tbilisi crowds") rather than following a subject. Outside a
    title-case headline, "of" between capitalised words is inside a name ("the Department of
    Transportation opens")."""
    n = i - 1
    while n >= 0 and (
        tokens[n][2][0].isupper()
        or (
            not title_case
            and n > 0
            and tokens[n][2] in words.name_joiners
            and tokens[n - 1][2][0].isupper()
        )
    ):
        n -= 1
    return n >= 0 and tokens[n][2].casefold() in words.noun_markers


def _opener(
    tokens: list[tuple[int, int, str]], limits: tuple[int, int], start: int, words: ClauseWords
) -> tuple[str | None, int]:
    """Say what opens the clause of a verb (a condition, a relative or subordinate word, none),
    and where its subject begins: after that word, or at the clause's start.

    `limits` are the clause's boundary and the end of the sentence's clause before it (0 for
    its first): "and" after that clause joins a new one, before it two nouns ("Georgian and
    EU flags").
    """
    boundary, floor = limits
    inside = [t for t in tokens if boundary <= t[0] < start]
    kind: str | None = None
    subject = boundary
    before: tuple[str | None, int] | None = None  # what a relative clause's word replaced
    for n, (_, end, text) in enumerate(inside):
        word = text.casefold()
        if word in words.conditional:
            return "conditional", end
        if word in words.coordinators and not floor:
            continue
        if before is not None and _verb_inside(inside, n, words):
            kind, subject = before  # "a span which was sitting on the ship was demolished"
            before = None
            continue
        if word in words.relative or word in words.coordinators:
            framed = word == "that" and n > 0 and _speech(inside[n - 1][2].casefold(), words)
            if word in words.relative and not framed:
                before = (kind, subject)
                kind = "background"
            subject = end
    return kind, subject


def _verb_inside(inside: list[tuple[int, int, str]], n: int, words: ClauseWords) -> bool:
    """Tell whether word `n` of a clause's subject is the verb of a relative clause in it:
    an auxiliary, or a past form after no determiner or preposition."""
    word = inside[n][2]
    lower = word.casefold()
    if lower in words.passive or lower in words.perfect:
        return True
    form = verb_form(lower) if word.islower() else None
    prior = inside[n - 1][2].casefold() if n else ""
    return form is not None and form.past and prior not in words.noun_markers


def _speech(word: str, words: ClauseWords) -> bool:
    form = verb_form(word)
    return form is not None and (form.lemma in words.speech or form.lemma in words.reporting)


def _past(
    sentence: str,
    text: str,
    lemma: str,
    form: Form,
    auxiliary: str | None,
    passive: bool,
    particle_end: int,
    end: int,
) -> str:
    """Return the verb group as a headline in the past writes it ("has cut" -> "cut")."""
    particle = sentence[end:particle_end].strip()
    verb = text.casefold()
    if passive and auxiliary is not None:
        aux = auxiliary.casefold().split()[0]
        aux = {"is": "was", "are": "were", "gets": "got", "get": "got"}.get(aux, aux)
        aux = {"has": "was", "had": "was", "'s": "was", "have": "were", "'ve": "were"}.get(aux, aux)
        verb = f"{aux} {verb}"
    elif (not form.past and (form.participle or form.present or form.base)) or auxiliary:
        base = form.lemma
        verb = (getInflection(base, "VBD") or (verb,))[0]
    return f"{verb} {particle}".strip()


def _boundary_before(sentence: str, at: int) -> int:
    """Return where the clause of the verb at `at` begins: after the last boundary before it."""
    last = 0
    for match in BOUNDARY.finditer(sentence, 0, at):
        last = match.end()
    return last


def _boundary_after(sentence: str, at: int) -> int:
    """Return where the clause after `at` ends: the next boundary or the sentence's end."""
    match = BOUNDARY.search(sentence, at)
    return match.start() if match else len(sentence.rstrip(" ."))


def _quotes(sentence: str) -> list[tuple[int, int]]:
    """Return the spans of quotations: a verb in them is the speaker's, not the reporter's."""
    return [m.span() for m in re.finditer(r"[“\"][^”\"]*[”\"]?", sentence)]


def _title_case(tokens: list[tuple[int, int, str]]) -> bool:
    """Tell whether a sentence is written in title case, as many headlines are; its first
    word is capitalised in any case."""
    long = [t for t in tokens[1:] if len(t[2]) > 3]
    if len(long) < 3:
        return False
    return sum(t[2][0].isupper() for t in long) / len(long) >= TITLE_CASE_SHARE


def subject_words(sentence: str, clause: Clause) -> str:
    """Return the words before a clause's verb group, in its clause (its subject, roughly)."""
    return sentence[clause.subject_start : clause.start].strip()


def object_words(sentence: str, clause: Clause) -> str:
    """Return the words after a clause's verb group, in its clause."""
    return sentence[clause.end : clause.object_end].strip()
