"""The articles index: one page while it is short, else a landing page over pages per year.

A year of more than SHEET_MAX articles is split by month, and a month (or the undated articles)
of more than SHEET_MAX into numbered parts, so no index page grows with the dossier. Pages live
under `articles/by-year/`, a folder no article slug can name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

import jinja2
from markupsafe import Markup

from generator.models import Article, Corpus, Page
from generator.render.links import link, relative
from generator.render.page import markdown_page, month_key
from generator.render.paging import entry
from generator.render.runs import runs_by_content

INDEX = "articles/index.md"
SHEETS = "articles/by-year"
SHEET_MAX = 500  # articles on one index page: about 120 kB of Markdown


@dataclass(frozen=True, slots=True)
class Sheet:
    """One index page: its path, headings, year (None: undated) and articles, newest first."""

    path: str
    title: str  # "November 2022"
    short: str  # "November", on the landing page's row of its year
    year: int | None
    articles: tuple[Article, ...]


def month_anchor(day: dt.date | None) -> str:
    """Return the anchor MkDocs' toc gives a month heading of the index: "november-2022"."""
    return month_key(day).lower().replace(" ", "-")


def index_sheets(corpus: Corpus) -> list[Sheet]:
    """Return the pages the articles index is spread over, newest first."""
    newest_first = (*reversed(corpus.dated), *corpus.undated)
    if len(newest_first) <= SHEET_MAX:
        return [Sheet(INDEX, "Articles", "Articles", None, newest_first)]
    sheets = []
    for year, in_year in groupby(newest_first, key=_year):
        articles = tuple(in_year)
        if year is None:
            sheets += _parts("undated", "Undated", "Undated", year, articles)
        elif len(articles) <= SHEET_MAX:
            sheets += _parts(str(year), str(year), str(year), year, articles)
        else:  # a busy year: a page per month
            for month, in_month in groupby(articles, key=lambda a: _month(a.date.value)):
                day = dt.date(year, month, 1)
                key, title = f"{year}-{month:02d}", month_key(day)
                sheets += _parts(key, title, day.strftime("%B"), year, tuple(in_month))
    return sheets


def _month(day: dt.date | None) -> int:
    return day.month if day else 0


def _article_id(article: Article) -> str:
    return article.id


def _year(article: Article) -> int | None:
    return article.date.value.year if article.date.value else None


def _parts(
    key: str, title: str, short: str, year: int | None, articles: Sequence[Article]
) -> list[Sheet]:
    """Return one sheet of the articles, or numbered parts when there are too many.

    Parts start where the articles' ids say (runs.py) and are numbered without a total, so a
    new article moves no article of another part (each article page links to its index page).
    """
    if len(articles) <= SHEET_MAX:
        return [Sheet(f"{SHEETS}/{key}.md", title, short, year, tuple(articles))]
    runs = runs_by_content(articles, _article_id, SHEET_MAX, SHEET_MAX // 3)
    return [
        Sheet(
            f"{SHEETS}/{key}{f'-{n}' if n > 1 else ''}.md",
            f"{title}, part {n}",
            f"{short}, part {n}",
            year,
            tuple(run),
        )
        for n, run in enumerate(runs, start=1)
    ]


def month_links(sheets: Iterable[Sheet]) -> dict[str, str]:
    """Return, by article id, the docs path and anchor of its month on the index."""
    return {
        a.id: f"{sheet.path}#{month_anchor(a.date.value)}"
        for sheet in sheets
        for a in sheet.articles
    }


def render_index(corpus: Corpus, env: jinja2.Environment, sheets: Sequence[Sheet]) -> list[Page]:
    """Render the articles index: the one page, or the landing page and a page per sheet."""
    count = len(corpus.articles)
    if len(sheets) == 1 and sheets[0].path == INDEX:
        return [_sheet_page(env, sheets[0], count, Markup(""))]
    landing = markdown_page(
        env,
        INDEX,
        "articles_index.md.j2",
        {"title": "Articles", "search": {"exclude": True}},
        groups=[],
        years=_years(sheets),
        count=count,
    )
    return [landing] + [
        _sheet_page(env, sheet, count, _nav(sheets, i)) for i, sheet in enumerate(sheets)
    ]


def _sheet_page(env: jinja2.Environment, sheet: Sheet, count: int, nav: Markup) -> Page:
    groups = [
        (month, [entry(a, sheet.path) for a in articles])
        for month, articles in groupby(sheet.articles, key=lambda a: month_key(a.date.value))
    ]
    title = "Articles" if sheet.path == INDEX else f"Articles: {sheet.title}"
    return markdown_page(
        env,
        sheet.path,
        "articles_index.md.j2",
        {"title": title, "search": {"exclude": True}},
        groups=groups,
        years=[],
        count=count,
        title=title,
        sheet_count=len(sheet.articles),
        landing=relative(INDEX, sheet.path) if sheet.path != INDEX else None,
        nav=nav,
    )


def _years(sheets: Sequence[Sheet]) -> list[dict[str, Any]]:
    """Return a landing-page row per year (None: undated): its count and its pages."""
    rows = []
    for year, in_year in groupby(sheets, key=lambda s: s.year):
        parts = list(in_year)
        rows.append(
            {
                "label": "Undated" if year is None else str(year),
                "count": sum(len(s.articles) for s in parts),
                "link": link(parts[0].title, parts[0].path, INDEX) if len(parts) == 1 else None,
                "parts": [(link(s.short, s.path, INDEX), len(s.articles)) for s in parts]
                if len(parts) > 1
                else [],
            }
        )
    return rows


def _nav(sheets: Sequence[Sheet], i: int) -> Markup:
    """Return links from sheet i to the newer and older sheets beside it."""
    here = sheets[i].path
    links = []
    if i > 0:
        links.append(link(f"← {sheets[i - 1].title}", sheets[i - 1].path, here))
    if i + 1 < len(sheets):
        links.append(link(f"{sheets[i + 1].title} →", sheets[i + 1].path, here))
    return Markup(" · ").join(links)
