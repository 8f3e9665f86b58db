"""Static SVG charts: counts per month, bars, timeline strips; valid XML whatever the names."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from generator.models import Article, Corpus, DateInfo, Event
from generator.render import charts
from generator.render.charts import (
    EVENT_DAYS,
    bar_chart,
    chart_image,
    event_strip,
    event_strips,
    month_counts,
    render_event_days,
    timeline_strip,
)
from generator.render.environment import make_environment
from tests.conftest import ROOT

SVG = "{http://www.w3.org/2000/svg}"
D = dt.date


def test_month_counts_fill_empty_months_across_years() -> None:
    days = [D(2022, 11, 16), D(2022, 11, 30), D(2023, 2, 1)]
    counts = month_counts(days, [D(2022, 11, 1), D(2023, 2, 28)])
    assert counts == [((2022, 11), 2), ((2022, 12), 0), ((2023, 1), 0), ((2023, 2), 1)]


def test_month_counts_of_nothing() -> None:
    assert month_counts([], []) == []


def test_bar_chart_has_one_bar_per_month_and_escapes_its_title() -> None:
    hostile = "<script>alert(1)</script> & Co"
    svg = bar_chart([((2022, 11), 2), ((2022, 12), 0), ((2023, 1), 5)], hostile, "articles")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.findtext(f"{SVG}title") == hostile
    bars = root.findall(f"{SVG}rect")
    assert len(bars) == 3
    heights = [float(b.get("height", "0")) for b in bars]
    assert heights[2] > heights[0] > heights[1] == 0
    assert "<script>" not in svg


def test_timeline_strip_marks_the_event_within_the_span() -> None:
    span = [D(2022, 11, 1), D(2022, 12, 31)]
    svg = timeline_strip(span, [D(2022, 11, 15), D(1993, 7, 29)], D(2022, 12, 1), "An event")
    circles = ET.fromstring(svg).findall(f"{SVG}circle")
    assert len(circles) == 2, "the 1993 event lies outside the span and is not drawn"
    marked = [c for c in circles if c.get("r") == "7"]
    assert len(marked) == 1
    assert "01 Dec 2022" in svg


def test_chart_image_escapes_alt_text_and_links_relatively() -> None:
    image = chart_image("A [link](javascript:x) *name*", "charts/actors/x.svg", "actors/x.md")
    assert image.startswith("![A \\[link\\]")
    assert "(../charts/actors/x.svg)" in image


def _corpus(event_days: list[dt.date]) -> Corpus:
    """Return a corpus of two articles (the period) and an event on each of `event_days`."""
    articles = [
        Article(
            f"a{i}", f"a{i}", f"a{i}.txt", "A", "headline", DateInfo(day), None, None, "", (), (), 0
        )
        for i, day in enumerate([D(2022, 1, 1), D(2022, 12, 31)])
    ]
    events = {
        f"e{i}": Event(f"e{i}", f"Event {i}", "meeting", DateInfo(day))
        for i, day in enumerate(event_days)
    }
    return Corpus(tuple(articles), {}, events, article_by_id={a.id: a for a in articles})


def test_a_new_event_day_redraws_the_event_days_not_every_strip() -> None:
    days = [D(2022, 3, 1), D(2022, 6, 1), D(1994, 5, 12)]  # the last long before the period
    before = _corpus(days)
    after = _corpus([*days, D(2022, 9, 1)])
    env = make_environment(ROOT / "templates")

    def pages(corpus: Corpus) -> dict[str, bytes]:
        drawn = [*render_event_days(corpus, env), *event_strips(corpus, env, 0, len(days))]
        return {p.path: p.data for p in drawn}

    old, new = pages(before), pages(after)
    changed = sorted(path for path in old if old[path] != new[path])
    # the event days, and the strip of the event outside the period, which draws them itself
    assert changed == [EVENT_DAYS, "charts/events/e2.svg"]
    assert len(ET.fromstring(new[EVENT_DAYS]).findall(f"{SVG}circle")) == 3  # in the period
    within = ET.fromstring(new["charts/events/e0.svg"]).findall(f"{SVG}circle")
    assert len(within) == 1, "an event in the period marks its own day only"
    strips = charts.event_strip_keys(before), charts.event_strip_keys(after)
    assert [a == b for a, b in zip(*strips, strict=False)] == [True, True, False]
    image = event_strip(before, before.events["e0"], "events/e0.md")
    assert image is not None and ".dossier-strip" in image
    image = event_strip(before, before.events["e2"], "events/e2.md")
    assert image is not None and ".dossier-strip" not in image
