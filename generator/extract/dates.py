"""Find date phrases in sentences and infer an article's publication date when it is safe."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from generator.extract.scan import PatternSet
from generator.knowledge import Language
from generator.models import UNKNOWN_DATE, DateInfo

# How far past the latest year a text names we look for a weekday/date match. A window this
# narrow admits at most one year for a given (day, month, weekday), so the match is unique or none.
YEAR_WINDOW = 3
# The news of the day sits in the first sentences; an anchor further down is background.
ANCHOR_SENTENCES = 5
# The lead's weekday is the day of publication or of the news reported; an anchor more days
# before it than this is more likely the day after the lead's ("police fired on Sunday night"
# ... "the ministry said on Monday, December 9"), so the inference would be a week off.
MAX_LEAD_GAP = 3
# How many of the patterns below (the first ones) write a day, a month and a year.
FULL_PATTERNS = 2


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date phrase found in a sentence: an absolute date (maybe partial) or a weekday."""

    text: str
    start: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    modifier: str | None = None  # "last", "next", "this" before a weekday


def _patterns(language: Language) -> tuple[PatternSet, PatternSet]:
    """Return all the date patterns, and the first FULL_PATTERNS of them."""
    return _compile(tuple(language.months), tuple(language.weekdays))


@cache
def _compile(months: tuple[str, ...], weekdays: tuple[str, ...]) -> tuple[PatternSet, PatternSet]:
    month = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    weekday = "|".join(map(re.escape, weekdays))
    m = rf"(?P<month>{month})\.?"
    patterns = (
        re.compile(
            rf"\b{m}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b", re.I
        ),
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{m}(?:,?\s+(?P<year>\d{{4}}))?\b",
            re.I,
        ),
        re.compile(rf"\b{m}\s+(?:of\s+)?(?P<year>\d{{4}})\b", re.I),
        re.compile(
            rf"\b(?:(?P<modifier>last|next|this|on|late on|early on)\s+)?(?P<weekday>{weekday})\b",
            re.I,
        ),
        re.compile(
            r"\b(?:in|since|of|until|by|from|to)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*(?:to|-)\s*\d)"
        ),
    )
    return PatternSet.of(patterns), PatternSet.of(patterns[:FULL_PATTERNS])


def find_dates(sentence: str, language: Language) -> list[DateMention]:
    """Return the date phrases of a sentence in text order; the first pattern wins an overlap."""
    return _find(sentence, language, _patterns(language)[0])


def find_full_dates(text: str, language: Language) -> list[DateMention]:
    """Return what find_dates does, less the phrases without a day, a month and a year.

    Only the first two patterns give all three, and the patterns after them never take a span
    from them (the first pattern wins), so the others need not run.
    """
    found = _find(text, language, _patterns(language)[1])
    return [m for m in found if m.year and m.month and m.day]


def _find(sentence: str, language: Language, patterns: PatternSet) -> list[DateMention]:
    found: list[DateMention] = []
    taken: list[range] = []
    for _, match in patterns.matches(sentence):
        span = range(match.start(), match.end())
        if any(span.start < t.stop and t.start < span.stop for t in taken):
            continue
        mention = _mention(match, language)
        if mention is not None:
            found.append(mention)
            taken.append(span)
    return sorted(found, key=lambda m: m.start)


def _mention(match: re.Match[str], language: Language) -> DateMention | None:
    groups = match.groupdict()
    text = match.group(0)
    # A case-insensitive pattern also matches lookalikes no name table holds ("Aprıl", with a
    # dotless ı, matches "april"): those are no date.
    if groups.get("weekday"):
        modifier = (groups.get("modifier") or "").lower() or None
        weekday = language.weekdays.get(groups["weekday"].casefold())
        if weekday is None:
            return None
        return DateMention(text, match.start(), weekday=weekday, modifier=modifier)
    year = int(groups["year"]) if groups.get("year") else None
    month = language.months.get(groups["month"].casefold()) if groups.get("month") else None
    if groups.get("month") and month is None:
        return None
    day = int(groups["day"]) if groups.get("day") else None
    if month is not None and day is not None and not _valid_day(year, month, day):
        return None
    if month is None and not text[0].isdigit():
        text = str(year)  # "in 2020" -> "2020"
        return DateMention(text, match.end() - 4, year=year)
    return DateMention(text, match.start(), year=year, month=month, day=day)


def _valid_day(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29 February stays possible
    except ValueError:
        return False
    return True


def years_named(sentences: Sequence[str], future_words: Iterable[str] = ()) -> list[int]:
    """Return every plausible year (1900-2099) written in the sentences.

    A year after one of `future_words` ("by 2026", "until 2030") is a target, not a year that
    has come, so it is left out: it says nothing about when the text was written.
    """
    words = "|".join(re.escape(w) for w in sorted(future_words, key=len, reverse=True))
    target = re.compile(rf"\b(?:{words})\s+$", re.IGNORECASE) if words else None
    return [
        int(match.group(1))
        for s in sentences
        for match in re.finditer(r"\b((?:19|20)\d\d)\b", s)
        if target is None or not target.search(s[: match.start()])
    ]


def infer_publication_date(
    sentences: Sequence[str], language: Language, captions: Sequence[str] = ()
) -> DateInfo:
    """Infer the publication date from a weekday in the lead anchored to a nearby dated weekday.

    "Azerbaijan on Thursday summoned ..." (lead) with "voted on Wednesday" next to "on Nov. 30"
    gives Wednesday 30 November in the only fitting year, so the article is of Thursday 1 December.
    Any doubt (no anchor, several candidates, no year in the text) gives an unknown date. The
    years of photo captions count too: "BOGOTA, March 28 (Reuters) - ... on Friday" is dated by
    a caption's "March 28, 2025" where the text names no year.
    """
    if not sentences:
        return UNKNOWN_DATE
    lead_days = [m for m in find_dates(sentences[0], language) if _plain_weekday(m)]
    if len({m.weekday for m in lead_days}) != 1:
        return UNKNOWN_DATE
    lead = lead_days[0]
    assert lead.weekday is not None
    candidates: dict[dt.date, str] = {}
    years = _year_window([*sentences, *captions], language)
    for anchor, phrase in _anchors(sentences[:ANCHOR_SENTENCES], language, years, lead.weekday):
        gap = (lead.weekday - anchor.weekday()) % 7
        if gap > MAX_LEAD_GAP:
            return UNKNOWN_DATE
        published = anchor + dt.timedelta(days=gap)
        candidates.setdefault(published, f"{lead.text} (lead); {phrase}")
    if len(candidates) != 1:
        return UNKNOWN_DATE
    ((published, phrase),) = candidates.items()
    return DateInfo(published, "inferred", phrase)


def _year_window(sentences: Sequence[str], language: Language) -> range | None:
    """Return the years the text can be from: the latest it names up to a few years later.

    A target year ("by 2026") may lie after the text, so the window starts at the latest other
    year and stretches past the target too: wide enough to hold every year the text allows.
    """
    future = language.page_furniture.get("future_year_words", ())
    passed = years_named(sentences, future)
    if not passed:
        return None
    latest = max(years_named(sentences))
    return range(max(passed), max(latest, max(passed)) + YEAR_WINDOW + 1)


def _plain_weekday(mention: DateMention) -> bool:
    return mention.weekday is not None and mention.modifier not in {"last", "next"}


def _anchors(
    sentences: Sequence[str], language: Language, years: range | None, today: int
) -> list[tuple[dt.date, str]]:
    """Return dates pinned by a weekday and a day-month written in the same or adjacent sentences.

    A neighbour sentence's weekday equal to the lead's (`today`) is not taken for a date without
    a year: "today" next to "Nov. 30" says nothing about which year made Nov. 30 that weekday. A
    full date that falls on the lead's weekday, within the opening sentences, is taken: it is
    the news of the day.
    """
    mentions = [find_dates(s, language) for s in sentences]
    anchors: list[tuple[dt.date, str]] = []
    for i, found in enumerate(mentions):
        weekdays = {m.weekday: m.text for m in found if _plain_weekday(m)}
        for j in (i - 1, i + 1):
            for m in mentions[j] if 0 <= j < len(mentions) else ():
                if _plain_weekday(m) and m.weekday != today:
                    weekdays.setdefault(m.weekday, m.text)
        for date in (m for m in found if m.day is not None and m.month is not None):
            candidates = dict(weekdays)
            if date.year is not None:
                candidates.setdefault(today, "the lead's weekday")
            for weekday, weekday_text in candidates.items():
                day = _pin_year(date, weekday, years)
                if day is not None:
                    anchors.append((day, f"{weekday_text!r} with {date.text!r}"))
    return anchors


def _pin_year(date: DateMention, weekday: int | None, window: range | None) -> dt.date | None:
    """Return the one date matching day, month and weekday in the given or implied year."""
    assert date.month is not None and date.day is not None
    if date.year is not None:
        years = [date.year]
    elif window is not None:
        years = list(window)
    else:
        return None
    fits = [
        day
        for y in years
        if _valid_day(y, date.month, date.day)
        and (day := dt.date(y, date.month, date.day)).weekday() == weekday
    ]
    return fits[0] if len(fits) == 1 else None
