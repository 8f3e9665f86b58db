"""The events index (by type, then date) and the timeline (by year and month).

Each is one page while the dossier has PER_PAGE events or fewer. Past that, each is a landing
page with counts over sheets (see sheets.py), so no page grows with the dossier:

- the timeline: a page per month (a year's events known only to the year on a page of their
  own), and the undated events;
- the events index: a page per type, or per type and year for a type of more than PER_PAGE.

A page of more than PER_PAGE events is split in parts (see sheets.split). The timeline is split
by month, not by year as the articles index is: a month's page keeps its address however busy
its year grows, and an update rewrites the months its events fall in (at 10,000 articles 10 to
40 events, 2 to 8 kB, each) rather than whole years (180 to 320 events, up to 50 kB).

Pages live under `timeline/` (no other page does) and `events/by-type/` (a folder per type
split by year), where no event page is: event pages are `events/<id>.md`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import groupby
from typing import Any

import jinja2
from markupsafe import Markup
from slugify import slugify

from generator.models import Corpus, Event, Page
from generator.render.links import event_path, link, relative
from generator.render.page import long_date, markdown_page
from generator.render.paging import PER_PAGE
from generator.render.sheets import Sheet, landing_page, nav, split

INDEX = "events/index.md"
TIMELINE = "timeline/index.md"
BY_TYPE = "events/by-type"


def events_index(corpus: Corpus, env: jinja2.Environment) -> list[Page]:
    """Render the events index and the timeline, each split when long."""
    events = sorted(corpus.events.values(), key=event_order)
    return _type_pages(env, events) + _timeline_pages(env, events)


def event_order(event: Event) -> tuple[bool, str, str]:
    """Order events by date (undated last), then id."""
    return (event.date.value is None, event.date.iso or "", event.id)


def type_label(kind: str) -> str:
    """Return a reader's name for an event type: "phone_call" -> "Phone call"."""
    return kind.replace("_", " ").capitalize()


def event_entry(event: Event, page: str) -> dict[str, Any]:
    """Return an event's link from `page`, date, type and count of articles, for a list."""
    return {
        "link": link(event.title, event_path(event.id), page),
        "date": long_date(event.date),
        "type": type_label(event.type),
        "articles": len(event.articles),
    }


# The timeline.


def _timeline_pages(env: jinja2.Environment, events: Sequence[Event]) -> list[Page]:
    dated = [e for e in events if e.date.value is not None]
    undated = [e for e in events if e.date.value is None]
    if len(events) <= PER_PAGE:
        return [
            markdown_page(
                env,
                TIMELINE,
                "timeline.md.j2",
                {"title": "Timeline"},
                years=[
                    (year, [(month, _entries(group, TIMELINE)) for month, group in months])
                    for year, months in _by_year(dated)
                ],
                undated=_entries(undated, TIMELINE),
            )
        ]
    sheets = _timeline_sheets(dated, undated)
    landing = landing_page(env, TIMELINE, "timeline_landing.md.j2", "Timeline", sheets, len(events))
    return [landing] + [
        _sheet_page(
            env,
            sheet,
            "timeline_sheet.md.j2",
            "Timeline",
            TIMELINE,
            nav(sheets, i),
            entries=_entries(sheet.items, sheet.path),
            dated=sheet.row != "Undated",
        )
        for i, sheet in enumerate(sheets)
    ]


def _by_year(events: Sequence[Event]) -> list[tuple[int, list[tuple[str, list[Event]]]]]:
    """Group dated events by year, then by month; year-precise events head their year."""
    years = []
    for year, in_year in groupby(events, key=_year):
        ordered = sorted(in_year, key=lambda e: (e.date.precision != "year", event_order(e)))
        years.append((year, [(month, list(group)) for month, group in groupby(ordered, _month)]))
    return years


def _year(event: Event) -> int:
    assert event.date.value is not None
    return event.date.value.year


def _month(event: Event) -> str:
    assert event.date.value is not None
    if event.date.precision == "year":
        return f"{event.date.value.year} (month unknown)"
    return event.date.value.strftime("%B %Y")


def _timeline_sheets(dated: Sequence[Event], undated: Sequence[Event]) -> list[Sheet[Event]]:
    """Return the timeline's pages: a month's each (its year's row), then the undated."""
    sheets: list[Sheet[Event]] = []
    for year, months in _by_year(dated):
        for month, group in months:
            first = group[0].date.value
            assert first is not None
            if group[0].date.precision == "year":
                stem, short = f"{year}-month-unknown", "Month unknown"
            else:
                stem, short = f"{year}-{first.month:02d}", first.strftime("%B")
            sheets += split(f"timeline/{stem}", month, short, str(year), group, _id)
    return sheets + split("timeline/undated", "Undated", "Undated", "Undated", undated, _id)


def _id(event: Event) -> str:
    return event.id


# The events index.


def _type_pages(env: jinja2.Environment, events: Sequence[Event]) -> list[Page]:
    ordered = sorted(events, key=lambda e: (type_label(e.type), event_order(e)))
    by_type = [(label, list(group)) for label, group in groupby(ordered, _label)]
    if len(events) <= PER_PAGE:
        groups = [(label, _entries(group, INDEX)) for label, group in by_type]
        return [markdown_page(env, INDEX, "events_index.md.j2", {"title": "Events"}, groups=groups)]
    sheets = _type_sheets(by_type)
    landing = landing_page(env, INDEX, "events_landing.md.j2", "Events", sheets, len(events))
    return [landing] + [
        _sheet_page(
            env,
            sheet,
            "events_sheet.md.j2",
            "Events",
            INDEX,
            nav(sheets, i),
            entries=_entries(sheet.items, sheet.path),
        )
        for i, sheet in enumerate(sheets)
    ]


def _label(event: Event) -> str:
    return type_label(event.type)


def _type_sheets(by_type: Sequence[tuple[str, list[Event]]]) -> list[Sheet[Event]]:
    """Return the events index's pages: a type's, or its years' when the type is large."""
    sheets: list[Sheet[Event]] = []
    taken: set[str] = set()
    for label, events in by_type:
        key = slugify(label) or "events"
        key = next(k for n in range(1, len(taken) + 2) if (k := _nth(key, n)) not in taken)
        taken.add(key)
        if len(events) <= PER_PAGE:
            sheets += split(f"{BY_TYPE}/{key}", label, label, label, events, _id)
            continue
        for year, in_year in groupby(events, key=lambda e: e.date.value and e.date.value.year):
            short = str(year) if year else "Undated"
            stem = f"{BY_TYPE}/{key}/{year or 'undated'}"
            sheets += split(stem, f"{label}: {short}", short, label, list(in_year), _id)
    return sheets


def _nth(key: str, n: int) -> str:
    return key if n == 1 else f"{key}-{n}"


# Both.


def _entries(events: Iterable[Event], page: str) -> list[dict[str, Any]]:
    return [event_entry(e, page) for e in events]


def _sheet_page(
    env: jinja2.Environment,
    sheet: Sheet[Event],
    template: str,
    section: str,
    landing: str,
    links: Markup,
    **context: Any,
) -> Page:
    title = f"{section}: {sheet.title}"
    return markdown_page(
        env,
        sheet.path,
        template,
        {"title": title, "search": {"exclude": True}},
        title=title,
        heading=sheet.title,
        landing=relative(landing, sheet.path),
        section=section,
        count=len(sheet.items),
        nav=links,
        **context,
    )
