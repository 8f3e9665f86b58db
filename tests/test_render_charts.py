"""Static SVG charts: counts per month, bars, timeline strips; valid XML whatever the names."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from generator.render.charts import bar_chart, chart_image, month_counts, timeline_strip

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
