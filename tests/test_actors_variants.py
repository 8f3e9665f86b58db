"""Each kind of variant resolves to one actor; distinct entities stay distinct."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.actors import find_actors
from generator.knowledge import Knowledge
from generator.models import ActorMention


def found(knowledge: Knowledge, *sentences: str) -> list[ActorMention]:
    return list(find_actors(sentences, knowledge)[0])


def ids(knowledge: Knowledge, *sentences: str) -> set[str]:
    return {m.actor_id for m in found(knowledge, *sentences)}


def id_of(knowledge: Knowledge, surface: str, *sentences: str) -> set[str]:
    return {m.actor_id for m in found(knowledge, *sentences) if m.surface == surface}


def test_capital_metonym_is_its_country(knowledge: Knowledge) -> None:
    assert id_of(knowledge, "Baku", "Baku rebuffed the resolution.") == {"azerbaijan"}
    assert id_of(knowledge, "Paris", 'What Paris calls "aggression" went on.') == {"france"}
    assert id_of(knowledge, "Ankara", "France accused Ankara of intervening.") == {"turkey"}


def test_capital_as_a_place_is_no_actor(knowledge: Knowledge) -> None:
    assert ids(knowledge, "Relatives gathered in Baku on Tuesday.") == set()
    assert ids(knowledge, "The ministers met in Washington for talks.") == set()
    assert "russia" not in ids(knowledge, "He is a Moscow-based businessman.")


def test_demonym_counts_only_for_the_state(knowledge: Knowledge) -> None:
    assert "azerbaijan" in ids(knowledge, "Azerbaijani forces withdrew.")
    assert ids(knowledge, "The region is Azerbaijani territory.") == set()
    assert ids(knowledge, "French lawmakers voted for it.") & {
        "french-parliament",
        "french-national-assembly",
    }
    assert "russia" in ids(knowledge, "A Russian-brokered truce ended the war.")
    assert "united-states" in ids(knowledge, "A U.S.-brokered truce ended the clashes.")


def test_possessive_and_adjective_forms_of_an_institution_are_one(knowledge: Knowledge) -> None:
    a = id_of(knowledge, "Azerbaijan's Foreign Ministry", "Azerbaijan's Foreign Ministry said so.")
    b = id_of(
        knowledge, "Azerbaijani Foreign Ministry", "The Azerbaijani Foreign Ministry said so."
    )
    assert a == b == {"azerbaijan-foreign-ministry"}


def test_the_ministry_is_the_last_ministry_named(knowledge: Knowledge) -> None:
    mentions = found(
        knowledge,
        "The Azerbaijani Foreign Ministry rejected the resolution.",
        "The ministry said it was biased.",
    )
    assert {m.actor_id for m in mentions if m.surface == "ministry"} == {
        "azerbaijan-foreign-ministry"
    }


def test_surname_after_full_name(knowledge: Knowledge) -> None:
    mentions = found(
        knowledge,
        "French President Emmanuel Macron spoke.",
        "Macron said he would call.",
    )
    assert {m.actor_id for m in mentions if m.surface == "Macron"} == {"emmanuel-macron"}


def test_surname_of_a_new_person(knowledge: Knowledge) -> None:
    mentions = found(
        knowledge,
        "Kenyan activist Wanjiru Kamau said the law was unjust.",
        "Kamau told reporters she would appeal.",
    )
    kamau = {m.actor_id for m in mentions if m.surface == "Kamau"}
    full = {m.actor_id for m in mentions if m.surface == "Wanjiru Kamau"}
    assert kamau == full == {"wanjiru-kamau"}


def test_diacritics_transliteration_and_typos(knowledge: Knowledge) -> None:
    assert ids(knowledge, "President İlham Aliyev spoke.") == ids(
        knowledge, "President Ilham Aliyev spoke."
    )
    assert "nikol-pashinyan" in ids(knowledge, "Prime Minister Nikol Pashinian spoke.")
    assert "emmanuel-macron" in ids(knowledge, "French President Emmanual Macron said no.")


def test_people_sharing_a_surname_stay_distinct(knowledge: Knowledge) -> None:
    found_ids = ids(knowledge, "Ilham Aliyev said his father Heydar Aliyev led the country.")
    assert {"ilham-aliyev", "heydar-aliyev"} <= found_ids
    new = ids(
        knowledge,
        "Senator Maria Oduya said the bill was flawed.",
        "Her brother, lawyer Peter Oduya, said he agreed.",
    )
    assert {"maria-oduya", "peter-oduya"} <= new


def test_a_misspelt_stranger_is_not_a_known_person(knowledge: Knowledge) -> None:
    assert "ilham-aliyev" not in ids(knowledge, "Farmer Ilhan Alibek said prices rose.")


def test_four_french_actors_are_four(knowledge: Knowledge) -> None:
    found_ids = ids(
        knowledge,
        "France objected.",
        "The French Senate voted first.",
        "The French National Assembly voted next.",
        "The French Parliament has two chambers.",
    )
    assert {"france", "french-senate", "french-national-assembly", "french-parliament"} <= found_ids


def test_places_are_not_people(knowledge: Knowledge) -> None:
    mentions = found(
        knowledge,
        "Fighting resumed in Karabakh and near Lachin.",
        "Leaders met in Sochi to discuss Nagorno-Karabakh.",
    )
    assert not [m for m in mentions if m.type == "person"]
    assert not {"karabakh", "lachin", "sochi", "nagorno-karabakh"} & {m.actor_id for m in mentions}


def test_actors_outside_the_catalogue_are_found(knowledge: Knowledge) -> None:
    mentions = found(
        knowledge,
        "Zambian miner Copperbelt Resources Ltd said on Monday it would cut 400 jobs.",
        "The Lusaka Workers Solidarity Trust condemned the decision.",
        'Mines Minister Paul Chanda said the cuts were "regrettable but legal."',
    )
    kinds = {m.actor_id: m.type for m in mentions}
    assert kinds.get("copperbelt-resources-ltd") == "organization"
    assert kinds.get("lusaka-workers-solidarity-trust") == "organization"
    assert kinds.get("paul-chanda") == "person"


def test_weekdays_titles_and_platforms_are_not_actors(knowledge: Knowledge) -> None:
    mentions = found(
        knowledge,
        "On Wednesday, Foreign Minister Ana Ruiz said in a Twitter statement that talks failed.",
    )
    surfaces = {m.surface for m in mentions}
    assert not surfaces & {
        "Wednesday",
        "Foreign",
        "Foreign Minister",
        "Twitter",
        "Twitter statement",
    }
    assert "Ana Ruiz" in surfaces


def test_acronym_defined_in_the_text(knowledge: Knowledge) -> None:
    mentions = found(
        knowledge,
        "The Coastal Fisheries Alliance (CFA) filed a complaint.",
        "The CFA said it would go to court.",
    )
    assert {m.actor_id for m in mentions} == {"coastal-fisheries-alliance"}


def test_outlet_credit_is_not_an_actor(knowledge: Knowledge) -> None:
    assert "reuters" not in ids(knowledge, "ACCRA, March 3 (Reuters) - Ghana raised cocoa prices.")


def test_user_catalogue_entry_extends_a_built_in_one(knowledge: Knowledge) -> None:
    from generator.extract.catalogue import merge_entries

    entries = merge_entries(
        [
            {"id": "x", "name": "Xland", "type": "country", "aliases": ["Xia"]},
            {"id": "x", "name": "Xland", "aliases": ["Republic of X"], "description": "Mine."},
        ]
    )
    assert entries["x"].aliases == ("Xia", "Republic of X")
    assert entries["x"].description == "Mine." and entries["x"].type == "country"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=6))
def test_any_text_gives_valid_mentions(sentences: list[str]) -> None:
    check_mentions(sentences)


def check_mentions(sentences: list[str]) -> None:
    """Find actors in `sentences` and check every mention and quote points into them."""
    from pathlib import Path

    from generator.knowledge import load_knowledge

    knowledge = _KNOWLEDGE.get("k") or _KNOWLEDGE.setdefault(
        "k", load_knowledge(Path(__file__).resolve().parent.parent / "catalogue")
    )
    mentions, quotes = find_actors(sentences, knowledge)
    for mention in mentions:
        assert 0 <= mention.sentence < len(sentences)
        assert mention.surface and mention.actor_id
    for quote in quotes:
        assert 0 <= quote.sentence < len(sentences)


_KNOWLEDGE: dict[str, Knowledge] = {}


WORDS = st.sampled_from(
    [
        "Baku",
        "said",
        '"',
        "“",
        "”",
        "the",
        "ministry",
        "Foreign",
        "Ministry",
        "of",
        "'s",
        "Azerbaijani",
        "French",
        "Senate",
        "-",
        "(",
        ")",
        "ACR",
        "Ltd",
        "President",
        "Ana",
        "Ruiz",
        ",",
        ".",
        "in",
        "Kenya",
        "High",
        "Court",
        "he",
        "it",
        "told",
        "de",
        "la",
        "Jean-Baptiste",
        "U.S.",
        "-brokered",
        "Macron",
        "and",
        "Trust",
        "l'Environnement",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(WORDS, max_size=25).map(" ".join), max_size=5))
def test_name_like_text_gives_valid_mentions(sentences: list[str]) -> None:
    check_mentions(sentences)
