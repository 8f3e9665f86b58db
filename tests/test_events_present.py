"""Headlines in the present and leads in the progressive state happenings too.

A headline writes its news in the present: a plural subject takes the plain form ("Divers
recover ..."), a common noun may stand before the verb ("outage grounds flights"). A lead
often says what is going on ("X is returning as chief executive"). Original sentences.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract import extract
from generator.extract.events.clauses import find_clauses, subject_words
from generator.extract.events.dates import event_date, find_phrases
from generator.knowledge import Knowledge
from generator.models import RawArticle


def verbs(knowledge: Knowledge, sentence: str, headline: bool) -> list[tuple[str, str]]:
    """Return (subject, verb as a title writes it) for each main clause of a sentence."""
    return [
        (subject_words(sentence, c), c.verb)
        for c in find_clauses(sentence, knowledge.clauses, headline)
        if not c.background
    ]


@pytest.mark.parametrize(
    ("headline", "subject", "verb"),
    [
        ("Divers recover second body from flooded quarry", "Divers", "recovered"),
        ("Ferry workers strike at three ports", "Ferry workers", "struck"),
        ("Regional outage grounds flights across the north", "Regional outage", "grounded"),
        ("Appeals court upholds fine against mill owner", "Appeals court", "upheld"),
        ("Space agency successfully tests lunar lander", "Space agency successfully", "tested"),
        (
            "Storm: Department of Harbours opens inquiry into dock fire",
            "Department of Harbours",
            "opened",
        ),
    ],
)
def test_a_headline_in_the_present_states_its_news(
    knowledge: Knowledge, headline: str, subject: str, verb: str
) -> None:
    found = verbs(knowledge, headline, True)
    assert (subject, verb) in found, found


@pytest.mark.parametrize(
    "headline",
    [
        "Photos show cracks in the dam wall",  # "show" is the verb, "cracks" a noun
        "What the board changes mean for the club",  # "changes" is the subject
        "Harbour strike talks",  # no verb at all
    ],
)
def test_a_plural_noun_is_not_read_as_a_verb(knowledge: Knowledge, headline: str) -> None:
    found = verbs(knowledge, headline, True)
    assert not [v for _, v in found if v in {"cracked", "changed", "talked"}], found


def test_the_plain_form_is_no_verb_in_the_body(knowledge: Knowledge) -> None:
    """Outside a headline, news is told in the past: "workers strike" is a noun phrase."""
    assert verbs(knowledge, "The workers strike ended on Monday.", False) == [
        ("The workers strike", "ended")
    ]


def test_a_progressive_in_the_present_is_a_happening(knowledge: Knowledge) -> None:
    sentence = "Mara Voss is returning to the airline as chief executive, the board said."
    assert ("Mara Voss", "is returning") in verbs(knowledge, sentence, False)


@pytest.mark.parametrize(
    "sentence",
    [
        "The ferry was travelling at full speed when the fire broke out.",  # past: a scene
        "Leaving the port, the ferry struck a buoy.",  # a participle, no finite verb
        "The mill is planning to close its second plant.",  # a plan
    ],
)
def test_other_ing_forms_state_no_happening(knowledge: Knowledge, sentence: str) -> None:
    found = [v for _, v in verbs(knowledge, sentence, False) if v.endswith("ing")]
    assert not found, found


def test_a_relative_clause_without_its_relative_word_is_background(
    knowledge: Knowledge,
) -> None:
    sentence = "Voss returned days after she was pushed out of the airline she founded in 2009."
    clauses = find_clauses(sentence, knowledge.clauses)
    founded = next(c for c in clauses if c.lemma == "found")
    assert founded.background
    assert subject_words(sentence, founded) == "she"
    main = "Last week she founded a new airline."
    assert not next(
        c for c in find_clauses(main, knowledge.clauses) if c.lemma == "found"
    ).background


def test_the_lead_in_the_progressive_is_the_articles_news(knowledge: Knowledge) -> None:
    text = (
        "Voss back at the airline\n\n"
        "HALDEN, March 3, 2024 - Mara Voss is returning to Nordlys Air as its chief executive, "
        "days after she was pushed out of the airline she founded in 2009.\n"
    )
    article = extract(RawArticle("v.txt", "v", text), knowledge)
    news = [e for e in article.event_mentions if e.role == "reports"]
    assert any(e.headline.startswith("Mara Voss is returning") for e in news), [
        e.headline for e in news
    ]
    assert not [e for e in article.event_mentions if e.date.precision == "year"]


def test_a_month_ahead_in_a_clause_still_going_on_dates_nothing(knowledge: Knowledge) -> None:
    """ "is asking for a trial in September" in July: that September lies ahead."""
    text = (
        "Mill sues buyer\n\n"
        "OSLO, July 12, 2022 - Nordmill is pressing the court for a quick trial in September, "
        "its lawyers said.\n"
    )
    article = extract(RawArticle("m.txt", "m", text), knowledge)
    asked = [e for e in article.event_mentions if "pressing" in (e.headline or "")]
    assert asked, [e.headline for e in article.event_mentions]
    assert all(e.date.value is None for e in asked), [e.date for e in asked]


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("The probe set off for the comet, due to arrive by September 2026.", False),
        ("The port stays closed until June 5, officials said.", False),
        ("The probe set off for the comet on September 3, 2024.", True),
    ],
)
def test_a_date_after_by_or_until_is_a_deadline(
    knowledge: Knowledge, sentence: str, dated: bool
) -> None:
    phrases = find_phrases(sentence, knowledge.language)
    resolved = [event_date(p, dt.date(2024, 9, 4)).date for p in phrases]
    assert bool([d for d in resolved if d.value is not None]) is dated, resolved


def test_a_clause_still_going_on_takes_no_other_days_date(knowledge: Knowledge) -> None:
    """ "are scrambling to find a ferry that vanished on Sunday" (a Wednesday article): Sunday
    is the vanishing's day, not the search's."""
    text = (
        "Search for missing ferry\n\n"
        "BERGEN, June 21, 2023 - Norwegian and Danish crews are scrambling to find the Nordlys "
        "Star, a ferry that vanished on Sunday during a crossing with nine people aboard.\n"
    )
    article = extract(RawArticle("f.txt", "f", text), knowledge)
    scrambling = [e for e in article.event_mentions if "scrambling" in (e.headline or "")]
    assert scrambling, [e.headline for e in article.event_mentions]
    assert all(e.date.value is None for e in scrambling), [e.date for e in scrambling]


def test_a_date_inside_a_clause_the_object_opens_is_that_clauses(knowledge: Knowledge) -> None:
    """ "accused the airline of a false account of what caused the outage in late July": late
    July is the outage's time, not the accusing's."""
    text = (
        "Software maker hits back\n\n"
        "AUSTIN, Aug. 9, 2024 - Nordsoft accused Skyline Air of spreading a false account of "
        "what caused the outage in late July, in a letter sent on Tuesday.\n"
    )
    article = extract(RawArticle("o.txt", "o", text), knowledge)
    accused = [e for e in article.event_mentions if "accused" in (e.headline or "")]
    assert accused, [e.headline for e in article.event_mentions]
    assert all(e.date.iso != "2024-07" for e in accused), [e.date for e in accused]


def _mentions(knowledge: Knowledge, lead: str, then: str = "") -> list[tuple[str, str | None]]:
    text = f"Harbour news\n\nTARNBY, Aug. 6, 2025 - {lead}\n\n{then}\n"
    article = extract(RawArticle("t.txt", "t", text), knowledge)
    return [(e.headline or "", e.date.iso) for e in article.event_mentions]


def test_a_present_perfect_takes_no_past_date(knowledge: Knowledge) -> None:
    """ "has released its report on the fire in June 2023": June 2023 is the fire's."""
    found = _mentions(
        knowledge,
        "The Harbour Board has released its final report on the ferry fire in June 2023, "
        "which killed five people.",
    )
    released = [d for t, d in found if "released" in t]
    assert released and "2023-06" not in released, found


def test_a_date_before_a_subordinate_clause_dates_the_main_one(knowledge: Knowledge) -> None:
    found = _mentions(
        knowledge,
        "Nordmill said on Tuesday that it had ended the deal with Skyline Air.",
        "Nordmill backed out of the agreement in July after the airline failed to pay.",
    )
    assert ("Nordmill backed out of the agreement", "2025-07") in found, found


def test_a_pronoun_subject_is_the_person_named_before(knowledge: Knowledge) -> None:
    found = _mentions(
        knowledge,
        "Orla Brennick said on Tuesday that she would sell her stake in Nordmill.",
        "She withdrew the offer in June, a day before a judge was to rule.",
    )
    assert any(t.startswith("Orla Brennick withdrew the offer") for t, _ in found), found


def test_an_act_of_speech_is_news_in_itself(knowledge: Knowledge) -> None:
    """ "vowed to stand by the town" is the lead's news; "said the town would be rebuilt" only
    frames what it reports."""
    found = _mentions(
        knowledge,
        "Prime Minister Ilse Varga on Monday vowed to stand by the people of Tarnby for as long "
        "as it takes.",
    )
    assert ("Prime Minister Ilse Varga vowed to stand by the people of Tarnby", "2025-08-04") in (
        found
    ), found
    said = _mentions(knowledge, "Ilse Varga said on Monday that she was proud of the town.")
    assert not [t for t, _ in said if t.startswith("Ilse Varga said")], said
