"""Index pages that stay small: past PER_PAGE entries, a landing page over pages of a group each.

The timeline, the events index and the build report use these when they grow long: their
entries go to sheets (a month, an event type, a run of files), each of at most PER_PAGE
entries, in parts where a group holds more; the landing page links every sheet with its
count. A sheet names nothing of other sheets but their titles, so an update rewrites the sheets
its entries fall on and the landing page, not the others (articles/by-year works alike, see
archive.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Generic, TypeVar

import jinja2
from markupsafe import Markup

from generator.models import Page
from generator.render.links import link
from generator.render.page import markdown_page
from generator.render.paging import PER_PAGE
from generator.render.runs import runs_by_content as cut

T = TypeVar("T")
SPREAD = PER_PAGE // 3  # a split list's parts hold about this many entries (a third of it at least)


@dataclass(frozen=True, slots=True)
class Sheet(Generic[T]):
    """One page of a split index: its path, titles, landing row and entries."""

    path: str
    title: str  # "March 2021", "Meeting: 2021, part 2"
    short: str  # on its landing row, after the row's label: "March", "2021, part 2"
    row: str  # the landing row it is listed on: "2021", "Meeting"
    items: tuple[T, ...]


@dataclass(frozen=True, slots=True)
class Row:
    """A landing page's line: a label and count, with its one sheet or links to its sheets."""

    label: str
    count: int
    link: Markup | None  # the row's only sheet
    parts: list[tuple[Markup, int]]  # else each of its sheets with its count


def split(
    stem: str, title: str, short: str, row: str, items: Sequence[T], key: Callable[[T], str]
) -> list[Sheet[T]]:
    """Return one sheet of the items at `stem`.md, or parts when there are more than PER_PAGE.

    Parts start where the items' keys say (see runs_by_content) and are numbered without a
    total, so a new item rewrites the part it falls in, not the others. The first part keeps
    the address of the whole, `stem`.md; the others are at `stem`-2.md, `stem`-3.md...
    """
    if len(items) <= PER_PAGE:
        return [Sheet(f"{stem}.md", title, short, row, tuple(items))]
    return [
        Sheet(
            f"{stem}{f'-{n}' if n > 1 else ''}.md",
            f"{title}, part {n}",
            f"{short}, part {n}",
            row,
            tuple(run),
        )
        for n, run in enumerate(runs_by_content(items, key), start=1)
    ]


def rows(sheets: Sequence[Sheet[T]], landing: str) -> list[Row]:
    """Return the landing page's rows: sheets of one row together, in the sheets' order."""
    found = []
    for label, in_row in groupby(sheets, key=lambda s: s.row):
        parts = list(in_row)
        alone = len(parts) == 1 and parts[0].short == label
        found.append(
            Row(
                label,
                sum(len(s.items) for s in parts),
                link(label, parts[0].path, landing) if alone else None,
                [] if alone else [(link(s.short, s.path, landing), len(s.items)) for s in parts],
            )
        )
    return found


def nav(sheets: Sequence[Sheet[T]], i: int, words: tuple[str, str] | None = None) -> Markup:
    """Return links from sheet i to the sheets before and after it.

    The links read as the sheets' titles, or as `words` (before, after) where a title would
    change with the sheet's entries: a sheet names nothing that changes on its neighbours.
    """
    here = sheets[i].path
    found = []
    if i > 0:
        text = words[0] if words else sheets[i - 1].title
        found.append(link(f"← {text}", sheets[i - 1].path, here))
    if i + 1 < len(sheets):
        text = words[1] if words else sheets[i + 1].title
        found.append(link(f"{text} →", sheets[i + 1].path, here))
    return Markup(" · ").join(found)


def runs_by_content(items: Sequence[T], key: Callable[[T], str]) -> list[Sequence[T]]:
    """Split items into runs of at most PER_PAGE, of about SPREAD each (see runs.py)."""
    return cut(items, key, PER_PAGE, SPREAD)


def landing_page(
    env: jinja2.Environment,
    path: str,
    template: str,
    title: str,
    sheets: Sequence[Sheet[T]],
    count: int,
) -> Page:
    """Return a split index's landing page: a row per group of its sheets, and its item count."""
    meta = {"title": title}
    return markdown_page(env, path, template, meta, rows=rows(sheets, path), count=count)
