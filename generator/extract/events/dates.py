"""Find the date phrases of a sentence and resolve them against the article's date.

Absolute dates ("November 30, 2022", "27 September", "July 29, 1993") come from
`dates.find_dates`; relative ones ("a day earlier", "last month", "earlier in November",
"in the past three months") are found here. A phrase that needs the article's date stays
unresolved when that date is unknown: its parts (weekday, month, day) are kept as hints.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from generator.extract.dates import DateMention, find_dates
from generator.extract.events.kinds import Trigger
from generator.extract.memo import per_sentence
from generator.extract.scan import PatternSet
from generator.knowledge import Language
from generator.models import DateInfo, Precision

# A day-month without a year is in the publication's year, but for the turn of the year: a day
# further ahead than FUTURE that fell within TURN before publication a year earlier is that
# one ("on Dec. 20" in January), and one more than YEAR_AGO past that comes within TURN after
# it is the next ("on Jan. 5" in late December).
FUTURE = dt.timedelta(days=10)
TURN = dt.timedelta(days=92)
YEAR_AGO = dt.timedelta(days=275)
# Prepositions before a date that say when something ended, began or is due, not when it
# happened ("since 2019", "until June 5", "headed for impact by September 2022").
NOT_WHEN = ("since", "until", "till", "by", "from", "to")
# Words before a weekday that make it any such day, not one: "every Monday", "on a Friday"
# (but "at a Thursday press conference" names one).
ANY_DAY = ("every", "each", "any")
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "several": 0,
    "few": 0,
}


@dataclass(frozen=True, slots=True)
class Phrase:
    """A date phrase in a sentence, absolute (parts) or relative (an offset from publication)."""

    text: str
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    modifier: str | None = None  # "last", "next" before a weekday
    unit: str | None = None  # "day", "month", "year": the unit of a relative offset
    offset: int = 0
    anchored: bool = False  # the offset counts from another date of the sentence, not publication


@dataclass(frozen=True, slots=True)
class EventDate:
    """A resolved (or unresolved) event date, with the parts kept when it could not resolve."""

    date: DateInfo
    weekday: int | None = None
    month: int | None = None
    day: int | None = None


@cache
def _relative_patterns(months: tuple[str, ...]) -> tuple[PatternSet, tuple[str, ...]]:
    """Return the patterns of relative date phrases, and the kind of phrase each finds."""
    month = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    num = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)"
    table = (
        (r"\b(?:a|one|the)\s+day\s+(?:earlier|before)\b", "day-1"),
        (r"\byesterday\b", "day-1"),
        (r"\b(?:today|this\s+morning|tonight|this\s+evening)\b", "day0"),
        (rf"\b{num}\s+(?P<u>day|week)s?\s+ago\b", "ago"),
        (rf"\b{num}\s+(?P<u>month|year)s?\s+ago\b", "past"),
        (rf"\blast\s+(?P<month>{month})\b(?!\.?\s*\d)", "last-month"),
        (
            rf"\b(?:exactly\s+)?{num}\s+(?P<u>day|week)s?\s+(?P<dir>after|before|earlier)\b",
            "anchor",
        ),
        (r"\blast\s+(?P<u>week|month|year)\b(?!'s|’s)", "last"),
        (r"\b(?:earlier\s+)?this\s+(?P<u>week|month|year)\b", "this"),
        (
            rf"\b(?:in|over|during)\s+the\s+(?:past|last)\s+{num}\s+(?P<u>month|year)s?\b",
            "past",
        ),
        (
            rf"\b(?:earlier|later|early|late)\s+in\s+(?P<month>{month})\b\.?(?!\s*\d)",
            "month",
        ),
        (
            rf"\b(?:in|since|during)\s+(?:early\s+|late\s+|mid-)?(?P<month>{month})\b(?!\.?\s*\d)",
            "month",
        ),
        (r"\bthe\s+(?P<year>(?:19|20)\d\d)\s+(?=[a-z])", "year"),
        (r"\bin\s+(?P<year>(?:19|20)\d\d)\b(?!\s*(?:to|-|–)\s*\d)", "year"),
        (
            r"\b(?:in\s+)?the\s+(?:fall|autumn|spring|summer|winter)\s+of\s+(?P<year>(?:19|20)\d\d)\b",
            "year",
        ),
    )
    sources, kinds = zip(*table, strict=True)
    return PatternSet.of(re.compile(p, re.I) for p in sources), kinds


@cache
def _cue_words(months: tuple[str, ...], weekdays: tuple[str, ...]) -> frozenset[str]:
    units = (
        "yesterday today tonight morning evening ago day days week weeks month months year years"
    )
    return frozenset((*units.split(), *(m.casefold() for m in months), *weekdays))


_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"[^\W\d_]+")


def has_phrase_cue(sentence: str, language: Language) -> bool:
    """Tell whether a sentence holds what every date phrase does: a digit, a month, a weekday,
    a unit of time or a word like "ago" or "yesterday". Most sentences hold none."""
    if _DIGIT.search(sentence):
        return True
    words = _cue_words(tuple(language.months), tuple(language.weekdays))
    return not words.isdisjoint(_WORDS.findall(sentence.casefold()))


def find_phrases(sentence: str, language: Language) -> list[Phrase]:
    """Return the date phrases of a sentence in text order; longer phrases win overlaps."""
    return list(_phrases(sentence, language)) if has_phrase_cue(sentence, language) else []


@per_sentence
def _phrases(sentence: str, language: Language) -> tuple[Phrase, ...]:
    """Return find_phrases' phrases as a tuple (remembered: most sentences come back)."""
    found = [p for p in _relative(sentence, language)]
    for mention in find_dates(sentence, language):
        phrase = _from_mention(mention, sentence)
        if phrase is not None:
            found.append(phrase)
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[Phrase] = []
    for phrase in sorted(found, key=lambda p: (-(p.end - p.start), p.start)):
        if all(phrase.end <= k.start or k.end <= phrase.start for k in kept):
            kept.append(phrase)
    return tuple(_with_weekdays(sentence, sorted(kept, key=lambda p: p.start)))


def _with_weekdays(sentence: str, phrases: list[Phrase]) -> list[Phrase]:
    """Join a weekday to the day and month that follow it ("on Monday, September 16",
    "Tuesday, Aug. 6"): one phrase, dated by the day and month, not two."""
    joined: list[Phrase] = []
    for phrase in phrases:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.weekday is not None
            and last.month is None
            and last.unit is None
            and phrase.month is not None
            and phrase.day is not None
            and re.fullmatch(r"\s*,?\s*(?:the\s+)?", sentence[last.end : phrase.start])
        ):
            joined[-1] = dataclasses.replace(
                phrase, text=sentence[last.start : phrase.end], start=last.start
            )
        else:
            joined.append(phrase)
    return joined


def _from_mention(mention: DateMention, sentence: str) -> Phrase | None:
    end = mention.start + len(mention.text)
    before = sentence[: mention.start].split()
    if before and before[-1].casefold() in NOT_WHEN:
        return None
    if mention.weekday is not None and _any_day([w.casefold() for w in before[-2:]]):
        return None  # "on a Friday the week before a holiday": no day is named
    return Phrase(
        mention.text,
        mention.start,
        end,
        year=mention.year,
        month=mention.month,
        day=mention.day,
        weekday=mention.weekday,
        modifier=mention.modifier if mention.modifier in {"last", "next"} else None,
    )


def _any_day(before: list[str]) -> bool:
    """Tell whether the words before a weekday make it any such day: "every", "on a"."""
    return bool(before) and (before[-1] in ANY_DAY or before[-2:] in (["on", "a"], ["on", "an"]))


def _relative(sentence: str, language: Language) -> list[Phrase]:
    patterns, kinds = _relative_patterns(tuple(language.months))
    found = (_relative_phrase(m, kinds[n], language) for n, m in patterns.matches(sentence))
    return [phrase for phrase in found if phrase is not None]


def _relative_phrase(m: re.Match[str], kind: str, language: Language) -> Phrase | None:
    groups = m.groupdict()
    text, start, end = m.group(0).strip(), m.start(), m.start() + len(m.group(0).strip())
    n = groups.get("n")
    count = (int(n) if n.isdigit() else NUMBERS[n.casefold()]) if n else 1
    unit = (groups.get("u") or "").casefold()
    if kind in {"day-1", "day0"}:
        return Phrase(text, start, end, unit="day", offset=-1 if kind == "day-1" else 0)
    if not count and kind in {"ago", "anchor", "past"}:
        return None  # "a few weeks ago", "several days later": no day can be counted
    if kind in {"ago", "anchor"}:
        days = count * (7 if unit == "week" else 1)
        if (groups.get("dir") or "").casefold() == "before":
            days = -days  # "..., a week before he was summoned": the event follows the anchor
        return Phrase(text, start, end, unit="day", offset=-days, anchored=kind == "anchor")
    if kind in {"last", "this"}:
        offset = -1 if kind == "last" else 0
        if unit == "week":  # a week is not a precision we keep: say the month it fell in
            return Phrase(text, start, end, unit="week", offset=offset)
        return Phrase(text, start, end, unit=unit, offset=offset)
    if kind == "past":
        return Phrase(text, start, end, unit=unit, offset=-count)
    if kind in {"last-month", "month"}:
        # A case-insensitive pattern also matches lookalikes ("Aprıl", dotless ı): no month.
        month = language.months.get(groups["month"].casefold())
        if month is None:
            return None
        if kind == "last-month":  # "last July": the latest July before this month
            return Phrase(text, start, end, month=month, modifier="last")
        return Phrase(text, start, end, month=month)
    year = groups["year"]
    if text.casefold().startswith("the ") and text.strip().endswith(year):
        text, start = year, m.start("year")  # "the 2020 war": the phrase is the year
    return Phrase(text, start, start + len(text), year=int(year))


def resolve(phrase: Phrase, published: dt.date | None) -> EventDate:
    """Resolve a phrase against the publication date; without one, relative phrases stay open."""
    if phrase.unit is not None:
        return _resolve_offset(phrase, published)
    if phrase.weekday is not None:
        return _resolve_weekday(phrase, published)
    if phrase.year is not None:
        return _absolute(phrase)
    if phrase.month is not None and phrase.day is not None:
        return _resolve_day_month(phrase, published)
    assert phrase.month is not None
    if published is None:
        return EventDate(_open(phrase), month=phrase.month)
    year = published.year if phrase.month <= published.month else published.year - 1
    if phrase.modifier == "last" and phrase.month == published.month:
        year -= 1
    return EventDate(_info(dt.date(year, phrase.month, 1), phrase, "month"))


def _absolute(phrase: Phrase) -> EventDate:
    assert phrase.year is not None
    if phrase.month is None:
        return EventDate(DateInfo(dt.date(phrase.year, 1, 1), "explicit", phrase.text, "year"))
    if phrase.day is None:
        day = dt.date(phrase.year, phrase.month, 1)
        return EventDate(DateInfo(day, "explicit", phrase.text, "month"))
    day = dt.date(phrase.year, phrase.month, phrase.day)
    return EventDate(DateInfo(day, "explicit", phrase.text, "day"))


def _resolve_day_month(phrase: Phrase, published: dt.date | None) -> EventDate:
    """Pick the year of a day and month written without one: the publication's year, as news
    style omits only the current year ("scheduled for Sept. 10" in August is ahead), unless
    the day would then lie well ahead while it fell shortly before publication a year earlier
    ("on Dec. 20" in a January article), or lie long past while it comes shortly after."""
    assert phrase.month is not None and phrase.day is not None
    if published is None:
        return EventDate(_open(phrase), month=phrase.month, day=phrase.day)
    days = {
        y: dt.date(y, phrase.month, phrase.day)
        for y in (published.year - 1, published.year, published.year + 1)
        if phrase.month != 2 or phrase.day != 29 or calendar.isleap(y)
    }
    day = days.get(published.year)
    before, after = days.get(published.year - 1), days.get(published.year + 1)
    if day is None or (day > published + FUTURE and before and published - before <= TURN):
        day = before
    elif published - day > YEAR_AGO and after and after - published <= TURN:
        day = after
    assert day is not None
    return EventDate(_info(day, phrase, "day"))


def _resolve_weekday(phrase: Phrase, published: dt.date | None) -> EventDate:
    """Resolve "on Wednesday" to the latest such day on or before publication (that day too)."""
    assert phrase.weekday is not None
    if published is None:
        return EventDate(_open(phrase), weekday=phrase.weekday)
    back = (published.weekday() - phrase.weekday) % 7
    if phrase.modifier == "last" and back == 0:
        back = 7
    day = published - dt.timedelta(days=back)
    if phrase.modifier == "next":
        day = published + dt.timedelta(days=(phrase.weekday - published.weekday()) % 7 or 7)
    return EventDate(_info(day, phrase, "day"))


def _resolve_offset(phrase: Phrase, published: dt.date | None) -> EventDate:
    if published is None:
        return EventDate(_open(phrase))
    if phrase.unit == "day":
        return EventDate(_info(published + dt.timedelta(days=phrase.offset), phrase, "day"))
    if phrase.unit == "week":
        day = published + dt.timedelta(days=7 * phrase.offset)
        monday = day - dt.timedelta(days=day.weekday())
        last = min(monday + dt.timedelta(days=6), published)  # "this week" has not ended yet
        if (monday.year, monday.month) != (last.year, last.month):
            # a week across two months: the month would be a guess, only the year is sure
            return EventDate(_info(dt.date(last.year, 1, 1), phrase, "year"))
        return EventDate(_info(day.replace(day=1), phrase, "month"))
    if phrase.unit == "month":
        months = published.year * 12 + published.month - 1 + phrase.offset
        return EventDate(_info(dt.date(months // 12, months % 12 + 1, 1), phrase, "month"))
    return EventDate(_info(dt.date(published.year + phrase.offset, 1, 1), phrase, "year"))


def _info(day: dt.date, phrase: Phrase, precision: Precision) -> DateInfo:
    return DateInfo(day, "inferred", phrase.text, precision)


def _open(phrase: Phrase) -> DateInfo:
    return DateInfo(None, "unknown", phrase.text)


def event_date(
    phrase: Phrase | None, published: dt.date | None, anchor: DateInfo | None = None
) -> EventDate:
    """Return the date an event phrase gives, or an unknown date when there is no phrase.

    An anchored phrase ("a week after ...") counts from `anchor`, another day-precise date of
    the same sentence, and stays unresolved without one.
    """
    if phrase is None:
        return EventDate(DateInfo(None, "unknown"))
    if phrase.anchored:
        if anchor is None or anchor.value is None or anchor.precision != "day":
            return EventDate(_open(phrase))
        return EventDate(_info(anchor.value + dt.timedelta(days=phrase.offset), phrase, "day"))
    return resolve(phrase, published)


# What crossing a comma costs when a date phrase looks for its trigger, in characters.
CLAUSE_GAP = 60


# How far (characters) a date phrase may sit from the trigger it dates.
REACH = 80


def anchor_date(phrases: Iterable[Phrase], published: dt.date | None) -> DateInfo | None:
    """Return the first day-precise date of the sentence that needs no other date."""
    for phrase in sorted(phrases, key=lambda p: p.start):
        if not phrase.anchored:
            date = event_date(phrase, published).date
            if date.value is not None and date.precision == "day":
                return date
    return None


def assign_phrases(
    sentence: str,
    triggers: Sequence[Trigger],
    phrases: Sequence[Phrase],
    openers: frozenset[str] = frozenset(),
) -> dict[Trigger, Phrase]:
    """Give each date phrase to the nearest trigger; a trigger keeps the nearest of its phrases.

    Distance counts characters, and a comma or semicolon in between counts as a long way: a
    date belongs to its own clause ("a call on Monday, hours after an earthquake struck"); so
    does a word that opens a clause (`openers`: "backed out in July after the firm failed").
    """
    owned: dict[Trigger, list[tuple[int, Phrase]]] = {}
    if not triggers:
        return {}
    for phrase in phrases:
        if (
            len(triggers) > 1
            and min(_gap("", (t.start, t.end), phrase, openers) for t in triggers) > REACH
        ):
            continue  # too far from any trigger to date one: it dates something unnamed
        distance, nearest = min(
            ((_gap(sentence, (t.start, t.end), phrase, openers), t) for t in triggers),
            key=lambda pair: (pair[0], pair[1].start),
        )
        owned.setdefault(nearest, []).append((distance, phrase))
    return {t: min(c, key=lambda p: (p[0], p[1].start))[1] for t, c in owned.items()}


def _gap(sentence: str, trigger: tuple[int, int], phrase: Phrase, openers: frozenset[str]) -> int:
    a_start, a_end = trigger
    lo, hi = (a_end, phrase.start) if a_end <= phrase.start else (phrase.end, a_start)
    between = sentence[lo:hi] if lo < hi else ""
    marks = len(re.findall(r"[,;:(]\s", between))
    if openers and between:
        marks += sum(w in openers for w in between.casefold().split())
    return max(0, hi - lo) + CLAUSE_GAP * marks


def after_publication(date: DateInfo, published: dt.date | None) -> bool:
    """Tell whether a day-precise date lies after the publication date."""
    return (
        date.value is not None
        and published is not None
        and date.precision == "day"
        and date.value > published
    )
