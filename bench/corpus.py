"""Write a synthetic corpus of N raw articles in the messy formats of real input files.

The articles are about 600 words, told about recurring events (N/10 of them) among realistic
actors: countries and organisations from the built-in catalogue plus invented people and
organisations (about N/5 actors in all). Formats vary as real files do: a ` date YYYY-MM-DD`
marker, a headline with a photo caption, undated text with one paragraph per line, in-text
subheadings, hard-wrapped lines and a trailing "Source:" line. The same seed gives the same files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import textwrap
from dataclasses import dataclass
from pathlib import Path

from generator.knowledge import load_knowledge

FIRST = [
    "Amina",
    "Leila",
    "Jonas",
    "Marta",
    "Tomasz",
    "Ingrid",
    "Kofi",
    "Ravi",
    "Elena",
    "Mateo",
    "Sofia",
    "Yusuf",
    "Hana",
    "Pierre",
    "Ana",
    "Olga",
    "Samuel",
    "Nadia",
    "Viktor",
    "Lucia",
    "Omar",
    "Keiko",
    "Dmitri",
    "Fatima",
    "Johan",
    "Carmen",
    "Ibrahim",
    "Mei",
    "Aleksandr",
]
LAST = [
    "Okafor",
    "Haddad",
    "Lindqvist",
    "Kowalski",
    "Brennan",
    "Moreau",
    "Tanaka",
    "Mbeki",
    "Castillo",
    "Novak",
    "Rahimi",
    "Petrov",
    "Ferreira",
    "Jansen",
    "Kaya",
    "Nakamura",
    "Adeyemi",
    "Horvat",
    "Dubois",
    "Sokolov",
    "Mendes",
    "Yilmaz",
    "Berger",
    "Wong",
    "Osei",
]
ROLES = (
    "foreign minister",
    "prime minister",
    "spokesperson",
    "defence minister",
    "ambassador",
    "opposition leader",
    "president",
    "trade minister",
)
ORG_HEADS = ("Institute", "Council", "Foundation", "Alliance", "Commission", "Centre", "Network")
ORG_TOPICS = ("Energy", "Border", "Water", "Migration", "Press", "Mining", "Climate", "Grain")
EVENTS = (
    ("adopted a resolution on", "resolution"),
    ("summoned the envoy of", "summons"),
    ("signed an agreement with", "agreement"),
    ("held talks with", "talks"),
    ("imposed sanctions on", "sanctions"),
    ("announced a ceasefire with", "ceasefire"),
    ("condemned the statement of", "condemnation"),
    ("recalled its ambassador from", "recall"),
)
OUTLETS = ("AA", "AFP", "Reuters", "AP", "Xinhua", "EPA", "TASS", "BBC")
FILLER = (
    "Officials said the talks would continue in the coming weeks despite deep disagreements.",
    "Analysts noted that the decision could reshape relations across the region for years.",
    "The ministry did not respond to a request for comment on the details of the plan.",
    "Several lawmakers criticised the move, calling it hasty and poorly prepared.",
    "Trade between the two countries has fallen sharply since the dispute began.",
    "Observers expect further statements once the committee has reviewed the text.",
    "The measure is not legally binding but carries significant political weight.",
    "Protesters gathered outside the parliament building as the debate went on late.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
START = dt.date(2019, 1, 1)


@dataclass(frozen=True, slots=True)
class Event:
    """A recurring synthetic event: who did what to whom, and when."""

    actor: str
    verb: str
    target: str
    day: dt.date


def _actors(rng: random.Random, n: int) -> list[str]:
    """Return about n actor names: half from the catalogue, half invented."""
    knowledge = load_knowledge(None)
    catalogue = sorted(str(a["name"]) for a in knowledge.actors)
    # a draw of its own, so the invented names and the events stay the same however many
    # entries the catalogue holds
    draw = random.Random(rng.random())
    names = draw.sample(catalogue, min(len(catalogue), max(4, n // 2)))
    while len(names) < max(8, n):
        if rng.random() < 0.7:
            names.append(f"{rng.choice(FIRST)} {rng.choice(LAST)}")
        else:
            names.append(f"{rng.choice(ORG_TOPICS)} {rng.choice(ORG_HEADS)} of {rng.choice(LAST)}")
    return sorted(set(names))


def _events(rng: random.Random, n: int, actors: list[str]) -> list[Event]:
    return [
        Event(
            rng.choice(actors),
            rng.choice(EVENTS)[0],
            rng.choice(actors),
            START + dt.timedelta(days=rng.randrange(6 * 365)),
        )
        for _ in range(max(3, n))
    ]


def _sentence(rng: random.Random, actors: list[str], event: Event, day: dt.date) -> str:
    person = rng.choice(actors)
    kind = rng.randrange(5)
    if kind == 0:
        when = f"on {WEEKDAYS[event.day.weekday()]}" if event.day == day else "earlier"
        return f"{event.actor} {event.verb} {event.target} {when}, officials confirmed."
    if kind == 1:
        return (
            f'"We will not accept this," said {person}, the {rng.choice(ROLES)}, '
            f"speaking about the decision of {event.actor}."
        )
    if kind == 2:
        month = event.day.strftime("%B %Y")
        return f"In {month}, {event.actor} {event.verb} {event.target} after weeks of tension."
    if kind == 3:
        return f"{person} met representatives of {rng.choice(actors)} to discuss the situation."
    return rng.choice(FILLER)


def _paragraphs(rng: random.Random, actors: list[str], events: list[Event], day: dt.date) -> list:
    mine = rng.sample(events, min(len(events), rng.randint(1, 3)))
    paragraphs, words = [], 0
    while words < 600:
        sentences = [
            _sentence(rng, actors, rng.choice(mine), day) for _ in range(rng.randint(2, 4))
        ]
        paragraphs.append(" ".join(sentences))
        words += sum(len(s.split()) for s in sentences)
    return paragraphs


def article_text(rng: random.Random, actors: list[str], events: list[Event]) -> str:
    """Return one raw article in one of the messy formats real files come in."""
    event = rng.choice(events)
    day = event.day + dt.timedelta(days=rng.randint(0, 2))
    paragraphs = _paragraphs(rng, actors, events, day)
    style = rng.randrange(5)
    if rng.random() < 0.3:
        at = rng.randrange(2, len(paragraphs) - 1)
        paragraphs.insert(at, f"{event.actor} answers {event.target}")
    if style == 0:  # date marker glued to the first paragraph
        return f" date {day.isoformat()} " + "\n\n".join(paragraphs) + "\n"
    if style == 1:  # headline, photo caption, blank lines
        headline = f"{event.actor} {event.verb} {event.target}"
        credit = f"({rng.choice(OUTLETS)} Photo)"
        caption = f"{rng.choice(actors)} speaks in the capital, {day:%b. %d, %Y}. {credit}"
        return f"{headline}\n{caption}\n\n\n" + "\n\n".join(paragraphs) + "\n"
    if style == 2:  # undated, one paragraph per line
        return "\n".join(paragraphs) + "\n"
    if style == 3:  # hard-wrapped at 72 columns
        return "\n\n".join(textwrap.fill(p, 72) for p in paragraphs) + "\n"
    body = "\n\n".join(paragraphs)
    return f" date {day.isoformat()} {body}\n\nSource: {rng.choice(('Reuters', 'AFP', 'AP'))}\n"


def write_corpus(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """Write n synthetic articles into `folder`; return their paths."""
    rng = random.Random(seed)
    actors = _actors(rng, max(8, n // 5))
    events = _events(rng, max(3, n // 10), actors)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"{i:05d}_{rng.getrandbits(48):012x}.txt"
        path.write_text(article_text(rng, actors, events), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    """Write a synthetic corpus from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("-n", type=int, default=100, help="number of articles")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(f"wrote {len(write_corpus(args.folder, args.n, args.seed))} articles to {args.folder}")


if __name__ == "__main__":
    main()
