"""Compare and combine the dates of event mentions: intervals by precision, hints, refinement."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache

from generator.index.events.model import Item
from generator.models import DateInfo, EventMention, Precision

RANK = {"day": 0, "month": 1, "year": 2}


def interval(date: DateInfo) -> tuple[dt.date, dt.date]:
    """Return the first and last day a date may mean, given its precision."""
    assert date.value is not None
    return day_interval(date.value, date.precision)


@lru_cache(maxsize=4096)  # clustering asks for the same few hundred dates over and over
def day_interval(day: dt.date, precision: Precision) -> tuple[dt.date, dt.date]:
    """Return the first and last day a date of this precision may mean."""
    if precision == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    return day, day


def compatible(a: DateInfo, b: DateInfo, span_days: int = 0) -> bool:
    """Tell whether two dates may name the same event: their intervals meet within `span_days`."""
    a_start, a_end = interval(a)
    b_start, b_end = interval(b)
    slack = dt.timedelta(days=span_days)
    return a_start <= b_end + slack and b_start <= a_end + slack


def hints_fit(mention: EventMention | None, date: DateInfo) -> bool:
    """Tell whether an unresolved phrase's parts (weekday, month, day) fit a resolved date."""
    if mention is None or date.value is None:
        return True
    if mention.weekday is not None:
        return date.precision == "day" and date.value.weekday() == mention.weekday
    if mention.month is not None and date.value.month != mention.month:
        return date.precision == "year"
    if mention.day is not None and date.precision == "day":
        return date.value.day == mention.day
    return True


def refine(current: DateInfo, item: Item) -> DateInfo:
    """Return the cluster's date, made more precise by a mention that fits it."""
    date, mention = item.mention.date, item.mention
    if date.value is not None:
        if current.value is None or RANK[date.precision] < RANK[current.precision]:
            return date
        return current
    if current.value is None or current.precision == "day" or mention.month is None:
        return current
    if mention.day is None:
        if current.precision == "year":
            day = dt.date(current.value.year, mention.month, 1)
            return DateInfo(day, "inferred", f"{date.phrase} (year from other reports)", "month")
        return current
    year = current.value.year
    if mention.day > calendar.monthrange(year, mention.month)[1]:
        return current
    day = dt.date(year, mention.month, mention.day)
    return DateInfo(day, "inferred", f"{date.phrase} (year from other reports)", "day")
