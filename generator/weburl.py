"""Web addresses of articles: which text is one, its site's domain, and the form that compares.

An article's address comes from untrusted text (front matter, a "Source:" line, a fetched page),
so only a plain http(s) address with a host and no space, quote or angle bracket is taken: that is
what the pages may print as a link.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

# A publication date in an address's path: /2024/11/05/, /2024-11-05-, _20241105_
_PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([/_-]?)(\d\d)\2(\d\d)(?!\d)")
_PLAIN = re.compile(r"https?://[^\s<>\"'`\\]+", re.IGNORECASE)


def web_url(text: object) -> str | None:
    """Return `text` as an http(s) address if it is exactly one, else None."""
    if not isinstance(text, str):
        return None
    text = text.strip()
    if len(text) > 2000 or not _PLAIN.fullmatch(text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:  # an unbalanced "[" in the host
        return None
    return text if parts.hostname else None


def domain_of(url: str) -> str:
    """Return the registered domain of an address ("www.bbc.co.uk/news" -> "bbc.co.uk")."""
    from courlan import extract_domain  # its suffix list is loaded on first use

    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return extract_domain(url) or host


def same_page_key(url: str) -> str:
    """Return the form in which two addresses of one page are equal: no scheme, `www.`, tracking
    parameters (utm_*, fbclid, ...), fragment or trailing slash; the host in lower case."""
    from courlan import normalize_url

    try:
        normal = normalize_url(url)
    except ValueError:
        normal = url
    parts = urlsplit(normal)
    host = (parts.hostname or "").removeprefix("www.")
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{port}{parts.path.rstrip('/')}{query}"


def date_in_url(url: str) -> dt.date | None:
    """Return the date an address's path states ("/2024/11/05/slug"), if it states one."""
    path = urlsplit(url).path
    for match in _PATH_DATE.finditer(path):
        try:
            return dt.date(int(match[1]), int(match[3]), int(match[4]))
        except ValueError:
            continue
    return None
