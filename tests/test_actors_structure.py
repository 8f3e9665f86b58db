"""Actors read from a sentence's structure on a story the data files don't know: a one-word
name that acts, a person "of" a body, an acronym's whole name, a sum that is not a state.

The texts are original, in the style of wire copy about a port accident.
"""

from __future__ import annotations

from generator.extract.actors import find_actors
from generator.knowledge import Knowledge

REPORT = [
    "The Port Authority of Abidjan (PAA) was fined $900 million on Tuesday after a crane "
    "collapsed onto a container ship, a court said.",
    "Judge Amara Kouassi of the Abidjan Commercial Court ordered the PAA to pay within 30 days.",
    "Okonkwo, a dock worker, was injured in the collapse.",
    "Okonkwo said he had warned supervisors for weeks, and Kouassi said the warnings were ignored.",
    "Zerbinet said its bid for the terminal was withdrawn.",
    "The ruling comes two years after a rival operator was fined US $ 20 million in Kenya.",
]


def _found(sentences: list[str], knowledge: Knowledge) -> dict[str, tuple[str, str]]:
    """Return surface -> (actor id, type) for the sentences of one article."""
    mentions, _ = find_actors(sentences, knowledge)
    return {m.surface: (m.actor_id, m.type) for m in mentions}


def test_an_acronym_keeps_the_whole_name_it_stands_for(knowledge: Knowledge) -> None:
    found = _found(REPORT, knowledge)
    assert found["Port Authority of Abidjan"][0] == "port-authority-of-abidjan"
    assert found["PAA"][0] == "port-authority-of-abidjan"


def test_a_titled_person_of_a_court_is_two_actors(knowledge: Knowledge) -> None:
    found = _found(REPORT, knowledge)
    assert found["Amara Kouassi"] == ("amara-kouassi", "person")
    assert found["Abidjan Commercial Court"] == ("abidjan-commercial-court", "organization")
    assert found["Kouassi"][0] == "amara-kouassi"  # the surname alone, later


def test_a_word_no_lexicon_holds_is_a_name_when_it_acts(knowledge: Knowledge) -> None:
    found = _found(REPORT, knowledge)
    assert found["Okonkwo"] == ("okonkwo", "person")  # "said he"
    assert found["Zerbinet"] == ("zerbinet", "organization")  # "said its"


def test_a_common_word_opening_a_sentence_is_no_name(knowledge: Knowledge) -> None:
    text = [
        "Investigators said the crane had failed.",
        "Rescuers searched the harbour and Divers recovered a body.",
        "Officials in Abidjan said the port of Abidjan reopened.",
    ]
    assert _found(text, knowledge) == {}


def test_a_sum_in_dollars_is_no_state(knowledge: Knowledge) -> None:
    found = _found(REPORT, knowledge)
    assert "US" not in found
    assert _found(["The US said the HK$ 5 billion fine was fair."], knowledge) == {
        "US": ("united-states", "country")
    }


def test_a_surname_first_named_in_full_later_is_one_person(knowledge: Knowledge) -> None:
    text = [
        "'We will appeal,' Bamba says",
        "PAA chairman Didier Bamba said the crane had passed inspection.",
        "Bamba added that the port would reopen.",
    ]
    ids = {actor_id for actor_id, _ in _found(text, knowledge).values()}
    assert "didier-bamba" in ids
    assert "bamba" not in ids


def test_ships_are_named_beside_a_word_that_says_so(knowledge: Knowledge) -> None:
    text = [
        "The container ship Morning Wren struck the pier at dawn.",
        "MV Sea Lantern, a Liberian-flagged cargo vessel, was towed away.",
        "Rescuers reached the Kestrel submersible, and its parent ship, the Canadian-owned "
        "Harrow Point, stayed nearby.",
        "Morning Wren was refloated on Sunday.",
        "Cold Harbour, a Liberian-flagged cargo vessel, waited offshore.",
    ]
    found = _found(text, knowledge)
    for name in ("Morning Wren", "Sea Lantern", "Kestrel", "Harrow Point", "Cold Harbour"):
        assert found[name][1] == "vessel", name
    assert found["Morning Wren"][0] == "morning-wren"  # named alone later, the same ship


def test_an_owner_of_a_vessel_is_no_vessel(knowledge: Knowledge) -> None:
    text = [
        "Reporters reached Grace Harbour, the registered owner of the vessel, for comment.",
        "Halvorsen Marine Transport, the company that runs the ferry, said it would help.",
        "The ship sank on Monday, and a ship of the navy arrived.",
    ]
    found = _found(text, knowledge)
    assert all(kind != "vessel" for _, kind in found.values()), found


def test_an_outlet_only_cited_is_no_actor(knowledge: Knowledge) -> None:
    cited = [
        "Talks on the terminal went on overnight, Bloomberg reported.",
        "According to the BBC, the port will reopen on Monday.",
        "(With inputs from Reuters)",
        "© Reuters.",
        "REUTERS/Jane Doe",
    ]
    assert _found(cited, knowledge) == {}
    taking_part = ["Port police detained two Reuters journalists.", "The port sued the BBC."]
    assert {surface for surface in _found(taking_part, knowledge)} == {"Reuters", "BBC"}


def test_a_place_word_between_two_words_of_a_name_stays_in_it(knowledge: Knowledge) -> None:
    found = _found(
        [
            "Harbour Valley Bank collapsed on Friday, and the Korsby Lake Ports Authority said "
            "ferries would run.",
            "Ships crossed the Red Sea on Monday, and investors flew to Harbour Valley.",
        ],
        knowledge,
    )
    assert found["Harbour Valley Bank"] == ("harbour-valley-bank", "organization")
    assert found["Korsby Lake Ports Authority"][1] == "organization"
    assert "Red Sea" not in found and "Harbour Valley" not in found


def test_two_names_joined_by_and_are_two_actors(knowledge: Knowledge) -> None:
    found = _found(
        [
            "Harbourline and Korsby Ferry Lines filed suit against each other on Friday.",
            "Varga and Ruud Okafor founded the company in 2009.",
            "The Securities and Exchange Commission opened an inquiry.",
        ],
        knowledge,
    )
    assert "Harbourline and Korsby Ferry Lines" not in found
    assert found["Korsby Ferry Lines"][1] == "organization"
    assert found["Ruud Okafor"] == ("ruud-okafor", "person")
    assert "Securities and Exchange Commission" in found  # one name holds "and"


def test_a_name_of_no_dictionary_that_acts_is_a_person(knowledge: Knowledge) -> None:
    found = _found(
        [
            "Lt. Jordan Hart of the Coast Guard said the search went on.",
            "The adventurer Hamish Harding died alongside Frenchman Pierre-Loup Vernier.",
            "Grand Central reopened on Monday.",
        ],
        knowledge,
    )
    assert found["Jordan Hart"] == ("jordan-hart", "person")  # a first name, not the country
    assert found["Hamish Harding"] == ("hamish-harding", "person")
    assert found["Pierre-Loup Vernier"][0] == "pierre-loup-vernier"  # no "Frenchman" in it
    assert "Grand Central" not in found
