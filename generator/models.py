"""Plain data passed between the stages: read -> extract -> index -> render -> write."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from sys import intern
from typing import Any, Literal, TypeVar, cast

BlockKind = Literal["paragraph", "heading", "caption", "source", "meta"]  # meta: page furniture
DateSource = Literal["explicit", "address", "inferred", "front-matter", "unknown"]
TitleSource = Literal["headline", "generated", "front-matter"]
Precision = Literal["day", "month", "year"]
Role = Literal["reports", "mentions"]

FRONT_MATTER_DATE = "date: in front matter"  # the phrase of a date the author wrote down
_T = TypeVar("_T", bound=type)


def pickled_by_constructor(cls: _T) -> _T:
    """Pickle a frozen dataclass as a call of its constructor with its field values.

    Dataclasses' own pickling restores each field with a Python-level setattr loop; a constructor
    call loads about four times faster, which counts for the extraction cache and for results
    coming back from worker processes. Put it above @dataclass, which makes a new slotted class.
    """
    names = tuple(f.name for f in fields(cls))

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, tuple(getattr(self, name) for name in names)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign, assignment]
    return cls


def pickled_by(load: Callable[..., Any]) -> Callable[[_T], _T]:
    """Pickle a frozen dataclass as a call of `load` (a module-level function) with its fields.

    For the small parts an article has by the hundred, whose load interns their words: the
    same few thousand strings (an actor id, a mention's words, an event's type and trigger, a
    date's phrase) recur across articles loaded one by one from the cache or from workers, and
    each load would otherwise hold its own copy of each of them.
    """

    def decorate(cls: _T) -> _T:
        names = tuple(f.name for f in fields(cls))

        def __reduce__(self: Any) -> tuple[Any, tuple[Any, ...]]:
            return load, tuple(getattr(self, name) for name in names)

        cls.__reduce__ = __reduce__  # type: ignore[method-assign, assignment]
        return cls

    return decorate


def _load_date(value: dt.date | None, source: str, phrase: str | None, precision: str) -> DateInfo:
    source, precision = intern(source), intern(precision)  # one of a few words each
    phrase = phrase and intern(phrase)
    return DateInfo(value, cast(DateSource, source), phrase, cast(Precision, precision))


def _load_actor_mention(actor_id: str, surface: str, sentence: int, type: str) -> ActorMention:
    return ActorMention(intern(actor_id), intern(surface), sentence, intern(type))


def _load_event_mention(type: str, sentence: int, date: DateInfo, *rest: Any) -> EventMention:
    actors, targets, figures, trigger, role, *unresolved = rest
    return EventMention(
        intern(type),
        sentence,
        date,
        actors,
        targets,
        figures,
        intern(trigger),
        cast(Role, intern(role)),
        *unresolved,
    )


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one input file; the build goes on without or despite it."""

    source: str
    reason: str
    skipped: bool = True
    # What problems of one kind share, said once for many of them in the terminal (messages.py);
    # empty: a problem of its own kind, always printed in full.
    kind: str = ""

    def __str__(self) -> str:
        verdict = "skipped" if self.skipped else "kept"
        return f"{self.source}: {self.reason}; {verdict}"


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class RawArticle:
    """One input file, decoded to text, not yet understood."""

    source: str  # path relative to the input folder, as the user named it
    stem: str  # file name without extension: the article's id
    text: str
    meta: Mapping[str, Any] = field(default_factory=dict)  # front matter of .md input
    format: str = "txt"
    warnings: tuple[Problem, ...] = ()  # what reading it left to check (a guessed encoding)


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Block:
    """A unit of the body: a paragraph, an in-text heading, a photo caption, a source line."""

    kind: BlockKind
    text: str


@pickled_by(_load_date)
@dataclass(frozen=True, slots=True)
class DateInfo:
    """A date with its provenance: where it came from and how precise it is."""

    value: dt.date | None
    source: DateSource = "unknown"
    phrase: str | None = None
    precision: Precision = "day"

    @property
    def iso(self) -> str | None:
        """Return the date as YYYY-MM-DD, YYYY-MM or YYYY according to its precision."""
        if self.value is None:
            return None
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


UNKNOWN_DATE = DateInfo(None, "unknown")


@pickled_by(_load_actor_mention)
@dataclass(frozen=True, slots=True)
class ActorMention:
    """A span of text that names an actor, resolved to the actor's id."""

    actor_id: str
    surface: str  # the words as written
    sentence: int  # index into Article.sentences
    type: str = field(default="", compare=False)  # the actor's type, as the finder judged it


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation attributed to an actor."""

    actor_id: str
    text: str
    sentence: int


@pickled_by(_load_event_mention)
@dataclass(frozen=True, slots=True)
class EventMention:
    """A sentence that reports something happening."""

    type: str
    sentence: int
    date: DateInfo
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    trigger: str = ""
    role: Role = "mentions"
    # Parts of a date phrase that could not be resolved (no article date): "on Tuesday" keeps
    # its weekday, "on November 10" its month and day; clustering matches events on them.
    weekday: int | None = None
    month: int | None = None
    day: int | None = None
    # The capitalised names of its sentence, folded, that none of the article's actor mentions
    # covers ("Sochi", "Hamas"): clustering ties mentions on them. None: not worked out yet.
    names: frozenset[str] | None = None
    # A headline for a happening no event type labels: its clause's subject, verb and object.
    headline: str = ""
    # Told by a verb of speech ("investigators said the ship lost power"): the telling's day is
    # not the happening's.
    told: bool = False


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Fingerprint:
    """Digests of an article's body, normalised: what finding duplicates compares first."""

    body: bytes  # the whole body
    words: int  # its number of words
    opening: tuple[bytes, ...]  # its first two paragraphs
    closing: bytes | None  # its last paragraph (None: no body)


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Article:
    """An article understood: metadata with provenance, body, and what it mentions."""

    id: str
    slug: str
    source_file: str
    title: str
    title_source: TitleSource
    date: DateInfo
    outlet: str | None
    outlet_source: str | None
    summary: str
    blocks: tuple[Block, ...]
    sentences: tuple[str, ...]
    word_count: int
    actor_mentions: tuple[ActorMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    event_mentions: tuple[EventMention, ...] = ()
    tags: tuple[str, ...] = ()
    extra_sources: tuple[str, ...] = ()  # other files with the same text
    # Ids the author set in front matter (`actors:`, `events:`); they override inference.
    actor_overrides: tuple[str, ...] = ()
    event_overrides: tuple[str, ...] = ()
    fingerprint: Fingerprint | None = None  # None: not taken yet (the index takes it)
    url: str | None = None  # where it was published (front matter, a "Source: URL" line)
    author: str | None = None  # front matter's `author` (a fetched page's byline)

    @property
    def actor_ids(self) -> tuple[str, ...]:
        """Return the ids of the actors this article names, in first-mention order."""
        return tuple({m.actor_id: None for m in self.actor_mentions})  # twice fromkeys' speed


# The kinds of actor, in the order the actors index shows them: type -> (label, heading).
ACTOR_TYPES = {
    "country": ("Country", "Countries"),
    "person": ("Person", "People"),
    "organization": ("Organisation", "Organisations"),
    "legislature": ("Legislature", "Legislatures"),
    "group": ("Group", "Armed and other groups"),
    "vessel": ("Vessel", "Ships and other vessels"),
    "other": ("Other", "Other"),
}


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Actor:
    """A real entity (country, person, organisation, legislature, vessel) with one page."""

    id: str
    name: str = field(compare=False)
    type: str = field(compare=False)
    aliases: tuple[str, ...] = field(default=(), compare=False)
    description: str = field(default="", compare=False)
    url: str | None = field(default=None, compare=False)  # Wikipedia or Wikidata
    in_catalogue: bool = field(default=True, compare=False)


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class EventRef:
    """How one article relates to one event."""

    article_id: str
    role: Role
    sentences: tuple[int, ...]


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened, merged from mentions across articles."""

    id: str
    title: str = field(compare=False)
    type: str = field(compare=False)
    date: DateInfo = field(compare=False)
    actors: tuple[str, ...] = field(default=(), compare=False)
    figures: tuple[str, ...] = field(default=(), compare=False)
    articles: tuple[EventRef, ...] = field(default=(), compare=False)


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Corpus:
    """Every article, actor and event, with the lookups the pages need."""

    articles: tuple[Article, ...]  # by date (undated last), then id
    actors: Mapping[str, Actor]  # by id, sorted
    events: Mapping[str, Event]  # by id, sorted
    problems: tuple[Problem, ...] = ()
    article_by_id: Mapping[str, Article] = field(default_factory=dict)
    actor_articles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # actor -> ids

    @property
    def dated(self) -> tuple[Article, ...]:
        """Return the articles with a known date, oldest first."""
        return tuple(a for a in self.articles if a.date.value is not None)

    @property
    def undated(self) -> tuple[Article, ...]:
        """Return the articles whose date is unknown."""
        return tuple(a for a in self.articles if a.date.value is None)


@pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Page:
    """A rendered file, ready to write: a path relative to docs/ and its content in UTF-8.

    Held encoded: the bytes to write take half the memory of most pages' text (a str with
    one non-ASCII letter takes two or four bytes a letter), and every page is held at once.
    """

    path: str
    data: bytes

    @classmethod
    def of(cls, path: str, text: str) -> Page:
        """Return the page at `path` whose content is `text`."""
        return cls(path, text.encode("utf-8"))

    @property
    def text(self) -> str:
        """Return the content as text."""
        return self.data.decode("utf-8")
