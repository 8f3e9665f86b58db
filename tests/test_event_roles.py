"""Who takes part in an event: the clause's subject acts, speakers, venues and brokers do not."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.extract.events import find_events
from generator.extract.events.roles import _whole_words, article_pair
from generator.knowledge import Knowledge
from generator.models import ActorMention, DateInfo, EventMention

MON = DateInfo(dt.date(2024, 9, 16), "explicit")
# surface -> (actor id, actor type)
ACTORS = {
    "Serbia": ("serbia", "country"),
    "Kosovo": ("kosovo", "country"),
    "Belgrade": ("serbia", "country"),
    "Pristina": ("kosovo", "country"),
    "Austria": ("austria", "country"),
    "Vienna": ("austria", "country"),
    "Hungary": ("hungary", "country"),
    "Hungarian": ("hungary", "country"),
    "Polish": ("poland", "country"),
    "Lithuanian": ("lithuania", "country"),
    "Andrzej Duda": ("andrzej-duda", "person"),
    "Gitanas Nausėda": ("gitanas-nauseda", "person"),
    "Kaja Kallas": ("kaja-kallas", "person"),
    "Kallas": ("kaja-kallas", "person"),
    "European Union": ("european-union", "organization"),
    "EU": ("european-union", "organization"),
    "Bundestag": ("bundestag", "legislature"),
}


def mentions_of(sentences: list[str]) -> tuple[ActorMention, ...]:
    """Return a mention for every known surface found in each sentence."""
    found = []
    for i, sentence in enumerate(sentences):
        for surface, (actor, kind) in ACTORS.items():
            if surface in sentence:
                found.append(ActorMention(actor, surface, i, kind))
    return tuple(found)


def events(sentences: list[str], knowledge: Knowledge) -> list[EventMention]:
    return list(find_events(sentences, mentions_of(sentences), MON, knowledge))


def only(found: list[EventMention], kind: str) -> EventMention:
    (mention,) = [m for m in found if m.type == kind]
    return mention


@pytest.mark.parametrize(
    ("sentence", "kind", "sides"),
    [
        (  # a speaker's name does not take part in the event he reports
            "Kallas said on Monday that Serbia and Kosovo reached a truce after days of clashes.",
            "ceasefire",
            {"serbia", "kosovo"},
        ),
        (  # "Polish President" and "Lithuanian counterpart" only say who the two men are
            "Polish President Andrzej Duda and his Lithuanian counterpart Gitanas Nausėda "
            "discussed the border between Serbia and Kosovo during a phone call on Monday.",
            "phone_call",
            {"andrzej-duda", "gitanas-nauseda"},
        ),
        (  # a venue is where they met, not who met
            "The foreign ministers of Serbia and Kosovo met in Vienna on Monday.",
            "meeting",
            {"serbia", "kosovo"},
        ),
        (  # a broker is not a party to the agreement it brokered
            "Serbia and Kosovo signed an EU-brokered agreement on Monday.",
            "agreement",
            {"serbia", "kosovo"},
        ),
        (  # "who reached a truce" refers back to the pair before it
            "Kallas said she would mediate between Belgrade and Pristina, who reached a truce "
            "on Monday after weeks of fighting.",
            "ceasefire",
            {"serbia", "kosovo"},
        ),
    ],
)
def test_symmetric_events_take_the_pair_named(
    sentence: str, kind: str, sides: set[str], knowledge: Knowledge
) -> None:
    mention = only(events([sentence], knowledge), kind)
    assert set(mention.actors) == sides
    assert mention.targets == ()


def test_the_two_sides_are_the_pair_the_article_names_together(knowledge: Knowledge) -> None:
    sentences = [
        "Talks between Serbia and Kosovo stalled in Vienna.",
        "Relations between Belgrade and Pristina have been tense since 2008.",
        "Hungary urged calm.",
        "On Monday the two sides clashed along their shared border.",
    ]
    assert article_pair(sentences, mentions_of(sentences)) == ("kosovo", "serbia")
    clash = only(events(sentences, knowledge), "clash")
    assert set(clash.actors) == {"serbia", "kosovo"}


def test_no_clear_pair_names_no_sides(knowledge: Knowledge) -> None:
    sentences = ["Serbia and Kosovo met.", "Austria and Hungary met.", "Both sides clashed."]
    assert article_pair(sentences, mentions_of(sentences)) == ()


def test_the_main_clause_subject_rejects_after_an_opening_participle(
    knowledge: Knowledge,
) -> None:
    sentence = (
        'Slamming a new Hungarian proposal on what Vienna calls "interference\u201d, '
        "Serbia on Monday rejected the plan."
    )
    mention = only(events([sentence], knowledge), "rejection")
    assert mention.actors[0] == "serbia"
    assert "austria" not in mention.actors + mention.targets  # "what Vienna calls": a speaker


def test_one_sided_event_agent_is_the_nearest_subject_and_targets_follow(
    knowledge: Knowledge,
) -> None:
    sentence = "Austria on Monday condemned Hungary over the border closure, Kallas said."
    mention = only(events([sentence], knowledge), "condemnation")
    assert mention.actors == ("austria",)
    assert mention.targets == ("hungary",)  # the speaker after "said" is no target


def test_passive_agent_follows_by(knowledge: Knowledge) -> None:
    sentence = "A resolution on Serbia was adopted by the Bundestag on Monday."
    mention = only(events([sentence], knowledge), "resolution")
    assert mention.actors[0] == "bundestag"


def test_names_inside_a_quotation_do_not_act(knowledge: Knowledge) -> None:
    sentence = 'Austria on Monday rejected the plan, calling it "a gift to Serbia and Kosovo".'
    mention = only(events([sentence], knowledge), "rejection")
    assert mention.actors == ("austria",)
    assert not {"serbia", "kosovo"} & set(mention.targets)


def test_speaker_who_says_he_acted_is_the_agent(knowledge: Knowledge) -> None:
    sentence = (
        "Andrzej Duda, who met Kallas last year, also said he had spoken by phone on Monday "
        "with Lithuanian President Gitanas Nausėda."
    )
    mention = only(events([sentence], knowledge), "phone_call")
    assert set(mention.actors) == {"andrzej-duda", "gitanas-nauseda"}


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("Kallas met Kallas, not Kallasz or _Kallas or Kallas2.", "Kallas"),
        ("Nausėda's aide: Nausėda", "Nausėda"),
        ("ÉUÉU ÉU", "ÉU"),
        ("aaa aa a", "aa"),  # a place that fails the test is left, the next one tried
        ("Tallinn-based, Tallinn²", "Tallinn"),
        ("", "Kallas"),
    ],
)
def test_whole_words_finds_what_the_bounded_pattern_finds(sentence: str, surface: str) -> None:
    pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
    assert list(_whole_words(sentence, surface)) == [m.span() for m in pattern.finditer(sentence)]


def test_the_subject_before_an_apposition_acts(knowledge: Knowledge) -> None:
    """ "X, the star witness against Y, took the stand and accused him": X accuses, not Y, the
    last name before the verb."""
    from generator.extract import extract
    from generator.models import RawArticle

    text = (
        "Trial news\n\nFormer Nordcoin executive Lena Holt, the star witness against Ivo "
        "Brandt, took the stand on Tuesday and accused him of orchestrating fraud.\n"
    )
    article = extract(RawArticle("t.txt", "t", text), knowledge)
    assert {"lena-holt", "ivo-brandt"} <= {m.actor_id for m in article.actor_mentions}
    accused = [e for e in article.event_mentions if "accused" in (e.headline or "")]
    assert accused, [(e.headline, e.actors) for e in article.event_mentions]
    assert accused[0].actors == ("lena-holt",), accused[0]
