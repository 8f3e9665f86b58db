"""Score an export (docs/data/corpus.json) against a development set's key, written by hand.

    python -m bench.devscore KEY.yaml EXPORT.json [--list]

The key (bench/devkeys/ holds ours) lists a story's actors with their variants and its
key events with a date, a precision, the lemmas a report of it would use and the articles that
report it. An export event reports a key event when it cites one of the key event's articles and
its title or type uses one of the key's verbs, and it names one of the key event's actors
(as an actor or in its title); it has the right date when its date, cut to the
key's precision, is the key's and it is at least that precise. Printed:

- events: key events found with the right date, found at all (an undated page counts), the
  export events that report a key event (precision), and those dated wrong (a date that
  cannot mean any of theirs: "July 2024" for 23 July 2024 is vague, not wrong);
- actors: key actors with a page, export actors that are key actors, pages per key actor;
- article dates: articles whose date is the key's;
- actors in their articles: the key's (article, actor) pairs whose actor's page lists the
  article (of the articles the export holds).

Only what the collected articles can show is scored: a key article the export lacks (its page
could not be collected again) is left out, with the key events and actors only it reports.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from lemminflect import getAllLemmas

PRECISION = {"year": 4, "month": 7, "day": 10}


@dataclass(frozen=True)
class Score:
    events: int
    dated: int  # found with the right date
    found: int  # found, dated or not
    pages: int  # export events
    real: int  # export events that report a key event
    wrong: int  # export events that report a key event, with a date that can mean none of theirs
    actors: int
    actors_found: int
    actor_pages: int
    actor_pages_real: int
    split: float  # export actor pages per key actor found
    articles: int
    article_dates: int
    named: int = 0  # (article, key actor) pairs of the key
    named_found: int = 0  # ... whose actor's page lists the article

    def lines(self) -> list[str]:
        return [
            f"events: {self.dated}/{self.events} found with the right date "
            f"({_share(self.dated, self.events)}), {self.found}/{self.events} found at all "
            f"({_share(self.found, self.events)}); {self.real}/{self.pages} pages report a key "
            f"event ({_share(self.real, self.pages)}); {self.wrong} dated wrong",
            f"actors: {self.actors_found}/{self.actors} have a page "
            f"({_share(self.actors_found, self.actors)}); {self.actor_pages_real}/"
            f"{self.actor_pages} pages are key actors "
            f"({_share(self.actor_pages_real, self.actor_pages)}); "
            f"{self.split:.2f} pages per key actor",
            f"article dates: {self.article_dates}/{self.articles} right",
            f"actors in their articles: {self.named_found}/{self.named} "
            f"({_share(self.named_found, self.named)})",
        ]


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "-"


def _words(text: str) -> set[str]:
    """Return the words of a title and their lemmas, folded."""
    found: set[str] = set()
    for raw in text.replace("-", " ").split():
        word = raw.strip(".,;:!?\"'“”‘’()").casefold()
        if not word:
            continue
        found.add(word)
        for lemmas in getAllLemmas(word).values():
            found.update(lemma.casefold() for lemma in lemmas)
    return found


def _uses(event: Mapping[str, Any], verbs: Sequence[str]) -> bool:
    title = str(event.get("title") or "")
    words = _words(title) | {str(event.get("type") or "").casefold()}
    folded = f" {title.casefold()} "
    return any((v in words) if " " not in v else (f" {v} " in folded) for v in verbs)


def _right_date(event: Mapping[str, Any], key: Mapping[str, Any]) -> bool:
    date, precision = event.get("date"), event.get("date_precision") or "day"
    want = str(key["date"])
    cut = PRECISION[str(key.get("precision") or "day")]
    return bool(date) and PRECISION[precision] >= cut and str(date)[:cut] == want[:cut]


def _compatible(event: Mapping[str, Any], key: Mapping[str, Any]) -> bool:
    """Tell whether an event's date may mean the key's: one holds the other at the coarser of
    their two precisions ("July 2024" for 23 July 2024 is vague, not wrong)."""
    date, precision = event.get("date"), event.get("date_precision") or "day"
    cut = min(PRECISION[precision], PRECISION[str(key.get("precision") or "day")])
    return bool(date) and str(date)[:cut] == str(key["date"])[:cut]


def _stem(name: str) -> str:
    return name.removesuffix(".txt")


def collected(key: Mapping[str, Any], export: Mapping[str, Any]) -> dict[str, Any]:
    """Return the key cut to the articles the export holds: their entries, the key events
    one of them reports and the actors one of them names."""
    present = {a["id"] for a in export["articles"]}
    articles = {f: a for f, a in (key.get("articles") or {}).items() if _stem(f) in present}
    named = {n for a in articles.values() for n in a.get("actors") or ()}
    return {
        **key,
        "articles": articles,
        "events": [
            e
            for e in key.get("events") or ()
            if any(_stem(f) in present for f in e.get("articles") or ())
        ],
        "actors": [a for a in key.get("actors") or () if a["name"] in named],
    }


def score(key: Mapping[str, Any], export: Mapping[str, Any]) -> tuple[Score, list[str]]:
    """Return the scores and, for reading, which key event each export event reports."""
    whole = key
    key = collected(key, export)
    notes: list[str] = [
        f"left out (in no collected article): {len(whole['articles']) - len(key['articles'])} "
        f"articles, {len(whole.get('events') or ()) - len(key['events'])} key events, "
        f"{len(whole.get('actors') or ()) - len(key['actors'])} actors"
    ]
    events = export["events"]
    keyed = key.get("events") or []
    names = _actor_names(whole)  # an export actor may be one of the key's left out
    owners = {a["id"]: _owner(a, names) for a in export["actors"]}
    reports: dict[str, list[Mapping[str, Any]]] = {}  # export event id -> key events
    for want in keyed:
        cited = {_stem(a) for a in want.get("articles") or ()}
        verbs = [str(v).casefold() for v in want.get("verbs") or ()]
        for event in events:
            if (
                cited & {r["id"] for r in event["articles"]}
                and _uses(event, verbs)
                and _shares_actor(event, want, owners, names)
            ):
                reports.setdefault(event["id"], []).append(want)
    dated = found = 0
    for want in keyed:
        hits = [e for e in events if any(w is want for w in reports.get(e["id"], ()))]
        right = [e for e in hits if _right_date(e, want)]
        dated += bool(right)
        found += bool(right) or any(not e.get("date") for e in hits)
        mark = "ok " if right else ("und" if hits else "MISS")
        notes.append(f"{mark} {want['id']} {want['date']} {want['what']}")
        notes += [f"      {e['date']} {e['title']}" for e in (right or hits)[:3]]
    wrong = [
        e
        for e in events
        if e["id"] in reports
        and e.get("date")
        and not any(_compatible(e, w) for w in reports[e["id"]])
    ]
    notes += [f"WRONG {e['date']} {e['title']}" for e in wrong]
    notes += [f"other {e['date']} {e['title']}" for e in events if e["id"] not in reports]
    pages: dict[str, int] = {}
    real = 0
    for actor in export["actors"]:
        owner = _owner(actor, names)
        if owner is not None:
            real += 1
            pages[owner] = pages.get(owner, 0) + 1
    article_dates = sum(
        1
        for a in export["articles"]
        if (key["articles"].get(f"{a['id']}.txt") or {}).get("date") is not None
        and str(key["articles"][f"{a['id']}.txt"]["date"]) == str(a.get("date"))
    )
    with_date = sum(1 for a in key["articles"].values() if a.get("date") is not None)
    listed: dict[str, set[str]] = {}  # key actor -> the export articles its pages list
    for actor in export["actors"]:
        owner = _owner(actor, names)
        if owner is not None:
            listed.setdefault(owner, set()).update(actor["articles"])
    present = {a["id"] for a in export["articles"]}
    pairs = [
        (_stem(file), name)
        for file, entry in key["articles"].items()
        if _stem(file) in present
        for name in entry.get("actors") or ()
    ]
    named_found = sum(1 for stem, name in pairs if stem in listed.get(name, ()))
    actors = len(key.get("actors") or ())
    kept = [o for o in pages if o in {a["name"] for a in key.get("actors") or ()}]
    return (
        Score(
            events=len(keyed),
            dated=dated,
            found=found,
            pages=len(events),
            real=len(reports),
            wrong=len(wrong),
            actors=actors,
            actors_found=len(kept),
            actor_pages=len(export["actors"]),
            actor_pages_real=real,
            split=sum(pages[o] for o in kept) / len(kept) if kept else 0.0,
            articles=with_date,
            article_dates=article_dates,
            named=len(pairs),
            named_found=named_found,
        ),
        notes,
    )


def _shares_actor(
    event: Mapping[str, Any],
    want: Mapping[str, Any],
    owners: Mapping[str, str | None],
    names: Mapping[str, str],
) -> bool:
    """Tell whether an export event names one of a key event's actors, as an actor or in its
    title; a key event with no actors needs none."""
    wanted = set(want.get("actors") or ())
    if not wanted:
        return True
    if wanted & {owners.get(a) for a in event.get("actors") or ()}:
        return True
    title = f" {_plain(str(event.get('title') or ''))} "
    return any(names[n] in wanted and f" {_plain(n)} " in title for n in names)


def _plain(text: str) -> str:
    """Return text folded, without possessives and punctuation, one space between words."""
    text = re.sub(r"[’']s\b", "", text.casefold())
    return " ".join(re.sub(r"[^\w\s-]", " ", text).split())


def _actor_names(key: Mapping[str, Any]) -> dict[str, str]:
    """Return every name and variant of the key's actors, folded, -> the actor's name."""
    names: dict[str, str] = {}
    for actor in key.get("actors") or ():
        for name in [actor["name"], *(actor.get("variants") or ())]:
            names.setdefault(str(name).casefold().removeprefix("the "), actor["name"])
    return names


def _owner(actor: Mapping[str, Any], names: Mapping[str, str]) -> str | None:
    """Return the key actor an export actor is, by its name or one of its aliases."""
    for name in [actor["name"], *(actor.get("aliases") or ())]:
        owner = names.get(str(name).casefold().removeprefix("the "))
        if owner is not None:
            return owner
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("key", type=Path)
    parser.add_argument("export", type=Path)
    parser.add_argument("--list", action="store_true", help="print what matched and what not")
    args = parser.parse_args(argv)
    key = yaml.safe_load(args.key.read_text(encoding="utf-8"))
    export = json.loads(args.export.read_text(encoding="utf-8"))
    result, notes = score(key, export)
    if args.list:
        print("\n".join(notes))
    print("\n".join(result.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
