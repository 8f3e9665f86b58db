"""What the collector found: an article's text and metadata from a fetched page or a saved file."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from generator.collect.fetch import Response
from generator.decode import decode
from generator.errors import BinaryInputError, EmptyInputError
from generator.knowledge import Knowledge
from generator.read import read_html
from generator.weburl import date_in_url, domain_of, web_url

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)

MIN_WORDS = 8  # words of a page's text below which it holds no article


class NotAnArticle(Exception):
    """A page or file that holds no article; the message says why."""


@dataclass(frozen=True, slots=True)
class Found:
    """One article ready to be written into the input folder."""

    origin: str  # the address or file it came from, for messages
    text: str
    title: str | None = None
    date: dt.date | None = None
    date_from: str | None = None  # where the date was found, said for readers
    outlet: str | None = None
    outlet_from: str | None = None  # where the outlet was found, said for readers
    url: str | None = None  # the address after redirects
    canonical: str | None = None  # the page's own canonical address, if another
    author: str | None = None


def page_text(body: bytes, charset: str | None, origin: str) -> str:
    """Decode a page: the charset its server or its <meta> declares, else the best guess."""
    declared = charset or _meta_charset(body)
    if declared:
        with contextlib.suppress(LookupError, UnicodeDecodeError):
            return body.decode(declared)
    try:
        return decode(body).text
    except BinaryInputError as exc:
        raise NotAnArticle(f"{exc} ({origin})") from exc


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def found_in_page(answer: Response, knowledge: Knowledge, requested: str) -> Found:
    """Return the article of a fetched page (an HTML page, or plain text)."""
    text = page_text(answer.body, answer.charset, requested)
    if answer.content_type == "text/plain":
        if not text.strip():
            raise NotAnArticle("the page is empty")
        return _with_address(Found(requested, text.strip() + "\n"), answer.url, knowledge)
    return found_in_html(text, requested, knowledge, answer.url)


def found_in_html(html: str, origin: str, knowledge: Knowledge, url: str | None = None) -> Found:
    """Return the article of an HTML page fetched from `url` (None: a saved file)."""
    try:
        meta, text = read_html(html)
    except EmptyInputError as exc:
        raise NotAnArticle(str(exc)) from exc
    if len(text.split()) < MIN_WORDS:  # a menu or a cookie notice is what was left
        raise NotAnArticle(f"no article text found in the page (only {text[:40]!r})")
    canonical = web_url(meta.get("url"))
    found = Found(
        origin,
        text + "\n",
        title=meta.get("title"),
        date=meta.get("date"),
        date_from="the page's metadata" if meta.get("date") else None,
        outlet=meta.get("outlet"),
        outlet_from="the page's metadata" if meta.get("outlet") else None,
        url=url or canonical,
        canonical=canonical if canonical != (url or canonical) else None,
        author=meta.get("author"),
    )
    return _with_address(found, found.url, knowledge)


def _with_address(found: Found, url: str | None, knowledge: Knowledge) -> Found:
    """Fill in what the address tells: the outlet of a known site, a date in its path."""
    if not url:
        return found
    site = knowledge.outlet_at(found.canonical or url)
    outlet, outlet_from = found.outlet, found.outlet_from
    if site is not None or not outlet:
        outlet = site.name if site else domain_of(url)
        outlet_from = f"the web address ({domain_of(url)})"
    date, date_from = found.date, found.date_from
    if date is None and (in_url := date_in_url(found.canonical or url)) is not None:
        date, date_from = in_url, "the page's address"
    return dataclasses.replace(
        found, date=date, date_from=date_from, outlet=outlet, outlet_from=outlet_from, url=url
    )
