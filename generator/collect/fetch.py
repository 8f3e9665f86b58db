"""Fetch web pages politely: a timeout, retries with backoff, a pause per host, robots.txt.

One request at a time (the collector fetches in order), and never two to one host closer than
`delay` seconds apart. urllib3 does the HTTP: connection pools, redirects (the final address is
kept), retries on 429, 5xx and timeouts with exponential backoff and `Retry-After`.
"""

from __future__ import annotations

import re
import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import urllib3
from urllib3.exceptions import HTTPError, MaxRetryError, ProtocolError, TimeoutError

from generator import __version__

USER_AGENT = f"Dossier/{__version__} (research website builder; +https://github.com/dossier)"
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("xml", "rss", "atom", "text/plain")  # servers label feeds many ways
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_CHUNK = 65_536


class FetchError(Exception):
    """A page that could not be fetched; the message says why, for the person adding it."""


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How the collector behaves towards the sites it visits."""

    timeout: float = 20.0  # seconds to connect, and between bytes of the answer
    retries: int = 3  # further tries after a timeout, a dropped connection, 429 or 5xx
    backoff: float = 1.0  # seconds before the first retry; doubled each time
    delay: float = 1.0  # seconds between two requests to one host
    max_bytes: int = 5_000_000  # a larger answer is refused
    user_agent: str = USER_AGENT
    robots: bool = True  # obey robots.txt


@dataclass(frozen=True, slots=True)
class Response:
    """What a site answered: the address after redirects, the type, the charset it declared."""

    url: str
    content_type: str
    charset: str | None
    body: bytes


@dataclass
class Fetcher:
    """Fetches pages one at a time with the settings' politeness; one per collecting run."""

    settings: FetchSettings = field(default_factory=FetchSettings)
    _last: dict[str, float] = field(default_factory=dict)  # host -> when it was last asked
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        s = self.settings
        retry = urllib3.Retry(
            total=s.retries,
            redirect=10,
            status_forcelist=(429, 500, 502, 503, 504),
            backoff_factor=s.backoff / 2,  # urllib3 sleeps factor * 2 ** (n - 1)... from n = 1
            raise_on_status=False,
            respect_retry_after_header=True,
        )
        self._pool = urllib3.PoolManager(
            headers={"User-Agent": s.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=urllib3.Timeout(connect=s.timeout, read=s.timeout),
            retries=retry,
        )

    def get(self, url: str, accept: tuple[str, ...] = PAGE_TYPES) -> Response:
        """Return the answer at `url`; raise FetchError if it is missing, refused or unusable."""
        if self.settings.robots and not self._allowed(url):
            raise FetchError(
                "robots.txt of the site does not allow fetching this address "
                "(--ignore-robots fetches it anyway)"
            )
        answer = self._request(url)
        try:
            if answer.status >= 400:
                raise FetchError(f"the server answered {answer.status} {answer.reason or ''}")
            kind = (answer.headers.get("Content-Type") or "").lower()
            media = kind.split(";")[0].strip()
            if media and not any(a in media for a in accept):
                raise FetchError(f"not a web page but {media}")
            body = self._body(answer)
        finally:
            answer.release_conn()
        charset = _CHARSET.search(kind)
        final = urljoin(url, answer.geturl() or url)  # urllib3 gives the last path alone
        return Response(final, media, charset.group(1) if charset else None, body)

    def _request(self, url: str) -> urllib3.BaseHTTPResponse:
        host = urlsplit(url).netloc.lower()
        wait = self._last.get(host, 0.0) + self.settings.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            return self._pool.request("GET", url, preload_content=False)
        except MaxRetryError as exc:
            raise FetchError(_why(exc.reason, self.settings)) from exc
        except (TimeoutError, ProtocolError, HTTPError) as exc:
            raise FetchError(_why(exc, self.settings)) from exc
        except ValueError as exc:  # urllib3 refuses the address itself
            raise FetchError(f"not a web address ({exc})") from exc
        finally:
            self._last[host] = time.monotonic()

    def _body(self, answer: urllib3.BaseHTTPResponse) -> bytes:
        limit = self.settings.max_bytes
        declared = answer.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise FetchError(f"{int(declared):,} bytes is larger than the {limit:,}-byte limit")
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in answer.stream(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"the page is larger than the {limit:,}-byte limit")
                chunks.append(chunk)
        except (TimeoutError, ProtocolError, HTTPError) as exc:
            raise FetchError(_why(exc, self.settings)) from exc
        return b"".join(chunks)

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}".lower()
        if site not in self._robots:
            self._robots[site] = self._read_robots(site)
        rules = self._robots[site]
        return rules is None or rules.can_fetch(self.settings.user_agent, url)

    def _read_robots(self, site: str) -> urllib.robotparser.RobotFileParser | None:
        """Return the site's robots.txt rules; None (all allowed) when it has none."""
        address = urlunsplit((*urlsplit(site)[:2], "/robots.txt", "", ""))
        rules = urllib.robotparser.RobotFileParser(address)
        try:
            answer = self._request(address)
        except FetchError:
            return None
        try:
            if answer.status in (401, 403):  # as urllib's own reader: the site is closed
                rules.parse(["User-agent: *", "Disallow: /"])
                return rules
            if answer.status >= 400:
                return None
            text = self._body(answer).decode("utf-8", errors="replace")
        except FetchError:
            return None
        finally:
            answer.release_conn()
        rules.parse(text.splitlines())
        return rules


def _why(error: BaseException | None, settings: FetchSettings) -> str:
    """Say in a few words why a request failed (urllib3's connection errors are timeouts too,
    so they are told apart first)."""
    tries = "once" if settings.retries == 0 else f"{settings.retries + 1} times"
    if isinstance(error, urllib3.exceptions.NameResolutionError):
        return "the site's name does not resolve"
    if isinstance(error, urllib3.exceptions.NewConnectionError):
        return f"could not connect to the server (tried {tries})"
    if isinstance(error, TimeoutError):
        return f"no answer within {settings.timeout:g} s (tried {tries})"
    if isinstance(error, urllib3.exceptions.ResponseError):
        return f"the server kept failing ({error}; tried {tries})"
    return f"the request failed ({type(error).__name__}: {error})"
