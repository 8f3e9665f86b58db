"""Read the date lines a web page prints near its headline ("Published: 14 March 2023")."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Literal

from generator.extract.dates import find_full_dates
from generator.extract.furniture import Furniture, is_byline
from generator.knowledge import Language

DateLabel = Literal["published", "updated"]

_YMD = re.compile(r"(?<![\d/.-])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d/.-])")
_DMY = re.compile(r"(?<![\d/.-])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/.-])")
_TIME = re.compile(
    r"\b\d{1,2}(?:[:.h]\d{2}){1,2}(?!\d)|\b\d{1,2}\s*(?:[ap]\.?m\.?)(?!\w)|[+-]\d{1,2}(?::?\d{2})?\b",
    re.IGNORECASE,
)
_TIME_WORDS = frozenset({"am", "pm", "a", "m", "p", "at", "on", "of", "the", "t", "z", "h"})
_YEAR = re.compile(r"\d{4}")  # every full date below names its year in four digits
_SEPARATOR = re.compile(r"\s+[|·•]\s+|\s*\|\s*")
_SEPARATED = re.compile(r"[|·•]")  # what every separator holds
_BY = re.compile(r"\s+by:?\s+\S.*$", re.IGNORECASE)
_SIGNED_ON = re.compile(r"(.*\S)\s+on\s+(\S.*)$", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")
_ZONE = re.compile(r"[A-Z]{2,5}")  # a time zone: GMT, EST, CET, UTC


@dataclass(frozen=True, slots=True)
class DateLine:
    """A line that only gives a date (and maybe a time and a label): a publication date."""

    date: dt.date
    text: str
    label: DateLabel | None  # None: a date alone on its line


def date_line(line: str, language: Language, furniture: Furniture) -> DateLine | None:
    """Return the date a line gives when the line is nothing but (labelled) full dates.

    "Published 14 March 2023 | Updated 15 March 2023" gives the earliest, as published.
    """
    text = line.strip()
    if _YEAR.search(text) is None:
        return None  # each part below is a piece of the line, and a full date needs its year
    parts = _SEPARATOR.split(text) if _SEPARATED.search(text) else [text]
    if len(parts) == 1:
        return _one_date_line(text, language, furniture)
    dated = [_one_date_line(part, language, furniture) for part in parts]
    found = [d for d in dated if d is not None]
    rest = [p for p, d in zip(parts, dated, strict=True) if d is None]
    if not found or not all(only_time_words(p, language) or is_byline(p, furniture) for p in rest):
        return None
    first = min(found, key=lambda d: d.date)
    label = "updated" if all(d.label == "updated" for d in found) else first.label
    return DateLine(first.date, text, label)


def _one_date_line(text: str, language: Language, furniture: Furniture) -> DateLine | None:
    label, rest = _strip_label(text, furniture)
    signed = _SIGNED_ON.match(rest)
    if signed and is_byline(rest, furniture):
        rest = signed.group(2)  # "Written by Jane Doe on March 16, 2023", "Written by on ..."
    rest = _BY.sub("", rest)  # "Posted on 2023-06-05 by Editorial Team"
    if _has_other_words(rest, language):
        return None  # a line of prose: looking for its date would be wasted
    found = full_date(rest, language)
    if found is None:
        return None
    date, leftover = found
    if not only_time_words(leftover, language) or not _weekday_fits(leftover, date, language):
        return None
    return DateLine(date, text, label)


def _weekday_fits(text: str, date: dt.date, language: Language) -> bool:
    """Tell whether every weekday written beside a date is that date's weekday."""
    for token in re.findall(r"[^\W\d_]+", text.casefold()):
        for name, weekday in language.weekdays.items():
            if token in {name, name[:3], name[:4], name[:5]} and weekday != date.weekday():
                return False
    return True


def _strip_label(text: str, furniture: Furniture) -> tuple[DateLabel | None, str]:
    # casefold maps each character alone, so the start of the text folds to the start of the
    # folded text: enough of it to hold the longest label and the character after it.
    folded = text[: _longest(furniture) + 1].casefold()
    kinds: tuple[tuple[DateLabel, tuple[str, ...]], ...] = (
        ("updated", furniture.updated_labels),
        ("published", furniture.published_labels),
    )
    found: list[tuple[int, DateLabel]] = [
        (len(label), kind)
        for kind, labels in kinds
        for label in labels
        if folded.startswith(label) and not folded[len(label) : len(label) + 1].isalpha()
    ]
    if not found:
        return None, text
    length, kind = max(found)
    return kind, text[length:].lstrip(" :,|-–—")


def _longest(furniture: Furniture) -> int:
    """Return the length of the longest date label."""
    return _longest_label(furniture.updated_labels + furniture.published_labels)


@functools.cache
def _longest_label(labels: tuple[str, ...]) -> int:
    return max(map(len, labels), default=0)


def full_date(text: str, language: Language) -> tuple[dt.date, str] | None:
    """Return the one full date (day, month, year) written in `text`, and the text around it."""
    if _YEAR.search(text) is None:
        return None
    dates: list[tuple[dt.date, re.Match[str] | tuple[int, int]]] = []
    for match in _YMD.finditer(text):
        _add(dates, int(match[1]), int(match[2]), int(match[3]), match)
    for match in _DMY.finditer(text):
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        if first > 12 or first == second:  # "21/09/2023": 21 cannot be a month
            _add(dates, year, second, first, match)
        elif second > 12:  # "09/21/2023"
            _add(dates, year, first, second, match)
        # both 12 or less: day-first and month-first readings differ, so no date
    for mention in find_full_dates(text, language):
        if mention.year and mention.month and mention.day:
            span = (mention.start, mention.start + len(mention.text))
            _add(dates, mention.year, mention.month, mention.day, span)
    if len({d for d, _ in dates}) != 1 or len(dates) != 1:
        return None
    date, where = dates[0]
    start, end = where.span() if isinstance(where, re.Match) else where
    return date, f"{text[:start]} {text[end:]}"


def _add(
    dates: list[tuple[dt.date, re.Match[str] | tuple[int, int]]],
    year: int,
    month: int,
    day: int,
    where: re.Match[str] | tuple[int, int],
) -> None:
    try:
        dates.append((dt.date(year, month, day), where))
    except ValueError:
        return


def only_time_words(text: str, language: Language) -> bool:
    """Tell whether `text` holds nothing but times, time zones, weekdays and small words."""
    text = re.sub(r"\bT(?=\d)", " ", text)  # ISO 8601: 2023-03-14T09:30:00Z
    return all(
        _time_word(token, language) for token in re.findall(r"[^\W_]+", _TIME.sub(" ", text))
    )


def _time_word(token: str, language: Language) -> bool:
    """Tell whether a word may stand beside a date line's date: a small word, a weekday, a zone."""
    folded = token.casefold()
    return folded in _TIME_WORDS or folded in _weekdays(language) or bool(_ZONE.fullmatch(token))


def _weekdays(language: Language) -> frozenset[str]:
    return _weekday_words(tuple(language.weekdays))


@functools.cache
def _weekday_words(weekdays: tuple[str, ...]) -> frozenset[str]:
    return frozenset({w[:3] for w in weekdays} | set(weekdays) | {"tues", "thurs"})


def _has_other_words(text: str, language: Language) -> bool:
    """Tell whether `text` has a word that keeps it from being a date line, wherever its date is.

    A date line is a date and time words (only_time_words). The date full_date finds may hold
    a month, "of" and an ordinal ("21st"), nothing else with letters; a word that is none of
    these, nor a time word, is left beside the date whatever the date is.
    """
    date_words = _date_words(tuple(language.months))
    return any(
        not _time_word(run, language) and not date_words.fullmatch(run)
        for run in map(_matched, _LETTERS.finditer(text))  # a prose line stops at its 1st word
    )


def _matched(match: re.Match[str]) -> str:
    return match.group()


@functools.cache
def _date_words(months: tuple[str, ...]) -> re.Pattern[str]:
    """Return a pattern of the words a full date may hold, as the date patterns match them."""
    month = "|".join(map(re.escape, months))
    return re.compile(rf"(?:{month}|of|st|nd|rd|th)", re.IGNORECASE)
