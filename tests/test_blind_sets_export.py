"""The third and fourth blind sets, scored as an outside reader would: through the export.

Articles with hand-written keys (`tests/cases/round3/`, ten; `round4/`, eight), each set
written before reading the extractor, by someone who had not seen the set before it.

- round 3, on first contact: dates 9/10; actors recall 0.86 and precision 0.94 (0.80 and 0.875
  on exact names and aliases, as here); events recall 0.28 (type and date). New event wordings
  (rate decisions, pledges, strikes and walkouts, signed treaties, briefings, voiced concern),
  organisation names opened by a stop word ("the State Data Protection Inspectorate") and a
  caption's year for a yearless dateline took it to dates 10/10, actors 0.84 and 0.93, events
  0.56.
- round 4, written after those changes, on first contact: dates 6/8, actors 0.92 and 0.92,
  events 0.35 recall and 0.79 precision. More wordings (floods that swept through, assets frozen,
  a suspension from a bloc, a decision upheld, funds released) took events to 0.49 and 0.81
  (0.44 recall as scored here, where each extracted event counts once).

The thresholds are what the extractor reaches now, with a small margin. Both sets have been
looked at since, so they no longer measure blind.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.pipeline import Settings, generate
from tests.conftest import ROOT

CASES = ROOT / "tests" / "cases"
CLOSE = [{"vote", "resolution", "election"}, {"statement", "condemnation", "rejection"}]
CLOSE += [{"meeting", "phone_call"}, {"agreement", "ceasefire"}, {"ruling", "sanctions"}]
# set: (articles, dates, actor recall, actor precision, event recall)
SETS = {"round3": (10, 0.9, 0.8, 0.88, 0.5), "round4": (8, 0.7, 0.88, 0.88, 0.4)}


def _export(folder: Path, work: Path) -> dict[str, Any]:
    for text in folder.glob("*.txt"):
        shutil.copy(text, work / text.name)
    docs = work / "docs"
    generate(Settings(work, docs, ROOT / "templates", ROOT / "catalogue"))
    data: dict[str, Any] = json.loads((docs / "data" / "corpus.json").read_text("utf-8"))
    return data


def _keys(folder: Path) -> dict[str, dict[str, Any]]:
    return {
        path.name.removesuffix(".expected.yaml"): yaml.safe_load(path.read_text("utf-8"))
        for path in sorted(folder.glob("*.expected.yaml"))
    }


def _fold(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().split())


def _close(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in CLOSE)


def _date_fits(want: Any, precision: str, event: dict[str, Any]) -> bool:
    if want is None:
        return True  # the text gives no date a reader could resolve
    got = event["date"] or ""
    if precision == "day":
        return bool(got == str(want) and event["date_precision"] == "day")
    return bool(got.startswith(str(want)))


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_article_has_its_key(name: str) -> None:
    count = SETS[name][0]
    assert len(_keys(CASES / name)) == len(list((CASES / name).glob("*.txt"))) == count


@pytest.mark.parametrize("name", sorted(SETS))
def test_dates_actors_and_events_through_the_export(name: str, tmp_path: Path) -> None:
    _, want_dates, want_recall, want_precision, want_events = SETS[name]
    wanted = 0
    export = _export(CASES / name, tmp_path)
    articles = {a["id"]: a for a in export["articles"]}
    actors = {a["id"]: a for a in export["actors"]}
    events = {e["id"]: e for e in export["events"]}
    dates = expected = found = extracted = got_events = 0
    misses: list[str] = []
    for stem, key in _keys(CASES / name).items():
        article = articles[stem]
        dates += article["date"] == (None if key["date"] is None else str(key["date"]))
        names = {
            actor_id: {_fold(actors[actor_id]["name"])}
            | {_fold(alias) for alias in actors[actor_id]["aliases"]}
            for actor_id in article["actors"]
        }
        for want in key["actors"]:
            forms = {_fold(want["name"])} | {_fold(v) for v in want.get("variants", [])}
            hit = next((i for i, n in names.items() if n & forms), None)
            if hit is None:
                misses.append(f"{stem}: actor {want['name']}")
            else:
                found += 1
                del names[hit]
        expected += len(key["actors"])
        extracted += len(article["actors"])
        mine = [events[ref["id"]] for ref in article["events"]]
        for want in key.get("events") or []:
            hit = next(
                (
                    e
                    for e in mine
                    if _close(e["type"], want["type"])
                    and _date_fits(want["date"], want["precision"], e)
                ),
                None,
            )
            if hit is None:
                misses.append(f"{stem}: event {want['type']} {want['date']}")
            else:
                got_events += 1
                mine.remove(hit)
            wanted += 1
    print(f"dates {dates}/{len(articles)}, actors {found}/{expected} found, {found}/{extracted}")
    print(f"precise, events {got_events}/{wanted}")
    assert dates / len(articles) >= want_dates
    assert found / expected >= want_recall, misses
    assert found / extracted >= want_precision
    assert got_events / wanted >= want_events, misses
