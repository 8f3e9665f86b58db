"""Testimony is a happening, and a subject stands before the apposition that qualifies it.

Original wire-style sentences about a hearing into a ferry fire.
"""

from __future__ import annotations

from generator.extract import extract
from generator.extract.events.clauses import find_clauses
from generator.knowledge import Knowledge
from generator.models import RawArticle

HEARING = (
    "Ferry builder tells hearing the fire may never be explained\n\n"
    "TARNBY, Sept. 23, 2024 - Ilse Varga, the co-founder of the company whose ferry burned on "
    "the lake in 2023, killing two crew members, has told a hearing into the disaster the cause "
    "may never be known.\n\n"
    "On Monday, Ruud Okafor told the panel he had refused to sail the ferry.\n\n"
    "Varga said she was proud of the company's record.\n"
)


def test_telling_a_hearing_is_testimony(knowledge: Knowledge) -> None:
    article = extract(RawArticle("h.txt", "h", HEARING), knowledge)
    testimony = [e for e in article.event_mentions if e.type == "testify"]
    by_actor = {actor: e for e in testimony for actor in e.actors}
    assert "ilse-varga" in by_actor, [(e.headline, e.actors) for e in testimony]
    assert by_actor["ilse-varga"].date.value.isoformat() == "2024-09-23"
    okafor = by_actor["ruud-okafor"]
    assert okafor.date.value.isoformat() == "2024-09-23"  # "On Monday", the last Monday
    assert okafor.headline.startswith("Ruud Okafor told the panel")


def test_saying_to_no_audience_is_no_happening(knowledge: Knowledge) -> None:
    sentence = "Varga said she was proud of the company's record."
    assert not [c for c in find_clauses(sentence, knowledge.clauses) if c.lemma == "say"]
    told = "Varga told reporters that she was proud of the company."
    assert not [c for c in find_clauses(told, knowledge.clauses) if c.sense == "testify"]


def test_the_subject_before_an_apposition_with_a_relative_clause(knowledge: Knowledge) -> None:
    sentence = (
        "Ilse Varga, the co-founder of the company whose ferry burned on the lake, killing two "
        "crew members, has told a hearing the cause may never be known."
    )
    told = [c for c in find_clauses(sentence, knowledge.clauses) if c.sense == "testify"]
    assert len(told) == 1
    assert sentence[told[0].subject_start :].startswith("Ilse Varga")


def test_a_subject_that_a_name_ends_keeps_the_name(knowledge: Knowledge) -> None:
    text = (
        "Owners seek to limit liability\n\n"
        "KORSBY, April 2, 2024 - The owner and manager of the Morning Wren, the ferry that "
        "struck the pier on March 26, filed a petition in federal court on Monday.\n"
    )
    article = extract(RawArticle("o.txt", "o", text), knowledge)
    titles = [e.headline for e in article.event_mentions if e.headline]
    assert any(t.startswith("The owner and manager of the Morning Wren filed") for t in titles)
