"""Static SVG charts drawn at build time: no script, no CDN, readable offline and on any host.

Charts are files of their own under `charts/` (shown with a Markdown image, so each has alt text)
rather than inline SVG: Python-Markdown would treat inline SVG as raw HTML, and search would index
its labels. Colours are mid-tones that read on Material's light and dark schemes alike.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

import jinja2
from markupsafe import Markup

from generator.escape import markdown_inline
from generator.models import Corpus, Event, Page
from generator.render.keys import Digest, digest
from generator.render.links import relative
from generator.render.shared import per_corpus

HOME_CHART = "charts/articles-per-month.svg"
WIDTH, HEIGHT = 720, 200
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 14, 34
MAX_BAR = 56
STRIP = 64
BAR, MUTED, AXIS, HIGHLIGHT = "#5c6bc0", "#9fa8da", "#9e9e9e", "#ff7043"
FONT = "font-family='system-ui,-apple-system,Segoe UI,Roboto,sans-serif' font-size='11'"

Month = tuple[int, int]


def actor_chart_path(actor_id: str) -> str:
    """Return the docs-relative path of an actor's mentions-per-month chart."""
    return f"charts/actors/{actor_id}.svg"


EVENT_DAYS = "charts/event-days.svg"  # under every strip; the stylesheet names it too


def event_strip_path(event_id: str) -> str:
    """Return the docs-relative path of an event's timeline strip."""
    return f"charts/events/{event_id}.svg"


def chart_image(alt: str, target: str, page: str, kind: str = "") -> Markup:
    """Return a Markdown image of the chart at `target`, linked from `page`, with escaped alt.

    `kind` adds a class: "dossier-strip" lays the strip over the days of every event.
    """
    classes = f".dossier-chart .{kind}" if kind else ".dossier-chart"
    return Markup(f"![{markdown_inline(alt)}]({relative(target, page)}){{ {classes} }}")


def months_between(first: dt.date, last: dt.date) -> list[Month]:
    """Return every (year, month) from `first` to `last`, both included."""
    months: list[Month] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_counts(days: Iterable[dt.date], span: Sequence[dt.date]) -> list[tuple[Month, int]]:
    """Count `days` per month over the whole span of `span`, months with none included."""
    counts = Counter((d.year, d.month) for d in days)
    if not span:
        return []
    return [(m, counts.get(m, 0)) for m in months_between(min(span), max(span))]


@functools.lru_cache(maxsize=4_096)  # every chart labels the same months
def month_label(month: Month, short: bool = False) -> str:
    """Return "November 2022", or "Nov 2022" when `short`."""
    day = dt.date(month[0], month[1], 1)
    return day.strftime("%b %Y" if short else "%B %Y")


def bar_chart(counts: Sequence[tuple[Month, int]], title: str, unit: str) -> str:
    """Return an SVG bar chart of counts per month, titled for screen readers."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    peak = max((c for _, c in counts), default=0) or 1
    slot = plot_w / max(len(counts), 1)
    parts = [_axis(plot_w, plot_h, peak)]
    step = _label_step(len(counts))
    for i, (month, count) in enumerate(counts):
        x = LEFT + i * slot
        h = plot_h * count / peak
        tip = escape(f"{month_label(month)}: {count} {unit}")
        width = min(max(slot * 0.76, 1), MAX_BAR)  # a few months must not look like slabs
        parts.append(
            f"<rect x='{x + (slot - width) / 2:.1f}' y='{TOP + plot_h - h:.1f}' "
            f"width='{width:.1f}' height='{h:.1f}' fill='{BAR}'>"
            f"<title>{tip}</title></rect>"
        )
        if i % step == 0:
            parts.append(_text(x + slot / 2, HEIGHT - BOTTOM + 16, month_label(month, True)))
    return _svg(title, parts)


def timeline_strip(
    span: Sequence[dt.date], others: Iterable[dt.date] | None, day: dt.date | None, title: str
) -> str:
    """Return a thin SVG strip over `span`: other events muted, this one marked and dated.

    With `others` None, the strip holds no line and no muted days: it is drawn over the days
    of every event (event_days_strip), which a new event changes alone.
    """
    if not span:
        return _svg(title, [], STRIP)
    first, last = min(span), max(span)
    width = WIDTH - LEFT - RIGHT
    days = max((last - first).days, 1)

    def x_of(d: dt.date) -> float:
        return LEFT + width * (d - first).days / days

    parts = [] if others is None else _line_and_dots(first, last, others)
    at = x_of(day) if day is not None else None
    if at is None or at > LEFT + width / 4:  # the ends' dates, unless the event's own covers one
        parts.append(_text(LEFT, 50, first.strftime("%d %b %Y"), "start"))
    if at is None or at < LEFT + width * 3 / 4:
        parts.append(_text(LEFT + width, 50, last.strftime("%d %b %Y"), "end"))
    if day is not None and at is not None:
        parts.append(f"<circle cx='{at:.1f}' cy='24' r='7' fill='{HIGHLIGHT}'/>")
        anchor = (
            "start" if at < LEFT + width / 4 else "end" if at > LEFT + width * 3 / 4 else "middle"
        )
        parts.append(_text(at, 50, day.strftime("%d %b %Y"), anchor, HIGHLIGHT))
    return _svg(title, parts, STRIP)


def event_days_strip(span: Sequence[dt.date], others: Iterable[dt.date], title: str) -> str:
    """Return the line of a strip over `span` with the days in `others` muted, and no more."""
    return _svg(title, _line_and_dots(min(span), max(span), others), STRIP)


def _line_and_dots(first: dt.date, last: dt.date, others: Iterable[dt.date]) -> list[str]:
    width = WIDTH - LEFT - RIGHT
    return [
        f"<line x1='{LEFT}' y1='24' x2='{LEFT + width}' y2='24' stroke='{AXIS}' stroke-width='2'/>",
        _dots(first, last, tuple(sorted(set(others)))),
    ]


@functools.lru_cache(maxsize=8)  # most strips of a dossier span its own period: the same dots
def _dots(first: dt.date, last: dt.date, others: tuple[dt.date, ...]) -> str:
    """Return the muted dots of the days in `others` (sorted) between `first` and `last`."""
    width = WIDTH - LEFT - RIGHT
    days = max((last - first).days, 1)
    return "".join(
        f"<circle cx='{LEFT + width * (d - first).days / days:.1f}' cy='24' r='4' fill='{MUTED}'/>"
        for d in others
        if first <= d <= last
    )


def _label_step(n: int) -> int:
    """Label every month when few, else as many as fit about 70 pixels apart."""
    fit = max((WIDTH - LEFT - RIGHT) // 70, 1)
    return max(-(-n // fit), 1)


def _axis(plot_w: float, plot_h: float, peak: int) -> str:
    base = TOP + plot_h
    return (
        f"<line x1='{LEFT}' y1='{base}' x2='{LEFT + plot_w}' y2='{base}' stroke='{AXIS}'/>"
        + _text(LEFT - 6, TOP + 8, str(peak), "end")
        + _text(LEFT - 6, base, "0", "end")
    )


def _text(x: float, y: float, text: str, anchor: str = "middle", fill: str = AXIS) -> str:
    return (
        f"<text x='{x:.1f}' y='{y:.1f}' text-anchor='{anchor}' fill='{fill}'>{escape(text)}</text>"
    )


def _svg(title: str, parts: Sequence[str], height: int = HEIGHT) -> str:
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {WIDTH} {height}' "
        f"width='{WIDTH}' height='{height}' role='img' aria-label={quoteattr(title)} {FONT}>"
        f"<title>{escape(title)}</title>" + "".join(parts) + "</svg>\n"
    )


def article_days(corpus: Corpus, ids: Iterable[str]) -> list[dt.date]:
    """Return the known dates of the articles with these ids."""
    found = (corpus.article_by_id.get(i) for i in ids)
    return [a.date.value for a in found if a is not None and a.date.value is not None]


def actor_months(corpus: Corpus, actor_id: str) -> list[tuple[Month, int]]:
    """Return how many articles name the actor per month, over the dossier's months."""
    return per_corpus(corpus, _actor_months).get(actor_id, [])


def _actor_months(corpus: Corpus) -> dict[str, list[tuple[Month, int]]]:
    """Return each actor's articles per month, for actors with a dated article."""
    span = dossier_span(corpus)
    found = {}
    for actor_id in corpus.actors:
        days = article_days(corpus, corpus.actor_articles.get(actor_id, ()))
        if days:
            found[actor_id] = month_counts(days, span)
    return found


def actor_chart_alt(corpus: Corpus, actor_id: str) -> str:
    """Return the alt text of an actor's chart, summarising what it shows."""
    name = corpus.actors[actor_id].name if actor_id in corpus.actors else actor_id
    return _summary(f"Articles naming {name} per month", actor_months(corpus, actor_id))


def _summary(what: str, counts: Sequence[tuple[Month, int]]) -> str:
    if not counts or not any(c for _, c in counts):
        return f"{what}: no dated article"
    month, peak = max(counts, key=lambda mc: (mc[1], mc[0]))
    return (
        f"{what}, {month_label(counts[0][0])} to {month_label(counts[-1][0])};"
        f" most in {month_label(month)} ({peak})"
    )


def dossier_span(corpus: Corpus) -> list[dt.date]:
    """Return the first and last date of the dossier's dated articles (none if none is dated)."""
    # Every actor and event page asks: a scan of all articles per page made rendering quadratic.
    return list(per_corpus(corpus, _first_and_last))


def _first_and_last(corpus: Corpus) -> tuple[dt.date, ...]:
    days = [a.date.value for a in corpus.dated if a.date.value is not None]
    return (min(days), max(days)) if days else ()


def home_chart(corpus: Corpus, page: str) -> Markup | None:
    """Return the home page's articles-per-month chart image, or None without dated articles."""
    if not corpus.dated:
        return None
    counts = month_counts(
        (a.date.value for a in corpus.dated if a.date.value), dossier_span(corpus)
    )
    return chart_image(_summary("Articles per month", counts), HOME_CHART, page)


def actor_chart(corpus: Corpus, actor_id: str, page: str) -> Markup | None:
    """Return the image of an actor's mentions per month for `page`, or None if nothing to draw."""
    if not actor_months(corpus, actor_id):
        return None
    return chart_image(actor_chart_alt(corpus, actor_id), actor_chart_path(actor_id), page)


def event_strip(corpus: Corpus, event: Event, page: str) -> Markup | None:
    """Return the image of an event's place in the dossier's timeline, or None if undated."""
    if event.date.value is None or not dossier_span(corpus):
        return None
    alt = f"Timeline of the dossier, {event.title} marked on {event.date.value:%d %B %Y}"
    layered = _in_span(corpus, event)
    return chart_image(alt, event_strip_path(event.id), page, "dossier-strip" if layered else "")


def _in_span(corpus: Corpus, event: Event) -> bool:
    """Tell whether an event's strip spans the dossier's period, that of EVENT_DAYS, exactly."""
    span, day = dossier_span(corpus), event.date.value
    return bool(span) and day is not None and span[0] <= day <= span[-1]


def render_event_days(corpus: Corpus, env: jinja2.Environment) -> list[Page]:
    """Draw the days of every event over the dossier's period, under each event's strip.

    The stylesheet lays an event's strip over it (img.dossier-strip): a new event day redraws
    this one picture, not the strip of every event. An event outside the period (one the
    articles recall from long before) has a strip of its own scale, with the days drawn in.
    """
    span = dossier_span(corpus)
    if not span:
        return []
    _, days = per_corpus(corpus, _event_days)
    return [Page.of(EVENT_DAYS, event_days_strip(span, days, "Days of the dossier's events"))]


def render_charts(corpus: Corpus, env: jinja2.Environment) -> list[Page]:
    """Draw every chart: articles per month, each actor's mentions, each event's strip."""
    return [
        *render_home_chart(corpus, env),
        *actor_charts(corpus, env, 0, len(corpus.actors)),
        *event_strips(corpus, env, 0, len(corpus.events)),
    ]


def render_home_chart(corpus: Corpus, env: jinja2.Environment) -> list[Page]:
    """Draw the dossier's articles per month."""
    span = dossier_span(corpus)
    if not span:
        return []
    dated = [a.date.value for a in corpus.dated if a.date.value is not None]
    counts = month_counts(dated, span)
    return [Page.of(HOME_CHART, bar_chart(counts, "Articles per month", "articles"))]


def actor_charts(corpus: Corpus, env: jinja2.Environment, start: int, stop: int) -> list[Page]:
    """Draw the mentions per month of actors start to stop (not included), in corpus order."""
    ids = per_corpus(corpus, _actor_ids)
    return [
        Page.of(
            actor_chart_path(actor_id),
            bar_chart(
                actor_months(corpus, actor_id), actor_chart_alt(corpus, actor_id), "articles"
            ),
        )
        for actor_id in ids[start:stop]
        if actor_months(corpus, actor_id)
    ]


def actor_chart_keys(corpus: Corpus) -> list[Digest]:
    """Return, per actor, a digest of all its chart shows: its name and months (see above)."""
    names = {i: actor.name for i, actor in corpus.actors.items()}
    return [digest(i, names[i], actor_months(corpus, i)) for i in per_corpus(corpus, _actor_ids)]


def _actor_ids(corpus: Corpus) -> list[str]:
    return list(corpus.actors)


def event_strips(corpus: Corpus, env: jinja2.Environment, start: int, stop: int) -> list[Page]:
    """Draw the timeline strips of events start to stop (not included), in corpus order."""
    span = dossier_span(corpus)
    if not span:
        return []
    events, event_days = per_corpus(corpus, _event_days)
    pages = []
    for event in events[start:stop]:
        if event.date.value is not None:
            title = f"{event.title}: {event.date.value:%d %B %Y}"
            # The dossier's period, stretched to reach an event long before or after it.
            others = None if _in_span(corpus, event) else event_days
            svg = timeline_strip([*span, event.date.value], others, event.date.value, title)
            pages.append(Page.of(event_strip_path(event.id), svg))
    return pages


def event_strip_keys(corpus: Corpus) -> list[Digest]:
    """Return, per event, a digest of all its strip shows: its title and day, the period, and
    all events' days if it is outside the period (else EVENT_DAYS shows them)."""
    events, event_days = per_corpus(corpus, _event_days)
    span = dossier_span(corpus)
    within, outside = digest(span), digest(span, event_days)
    return [
        digest(within if _in_span(corpus, e) else outside, e.id, e.title, e.date.value)
        for e in events
    ]


def _event_days(corpus: Corpus) -> tuple[list[Event], list[dt.date]]:
    """Return the events in corpus order, and the days of the dated ones, sorted, once each."""
    events = list(corpus.events.values())
    return events, sorted({e.date.value for e in events if e.date.value is not None})
