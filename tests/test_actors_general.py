"""General rules for unseen articles: legislatures, shared demonyms, initials, titles, outlets."""

from __future__ import annotations

from generator.extract.actors import find_actors
from generator.knowledge import Knowledge


def _ids(text: str, knowledge: Knowledge) -> dict[str, str]:
    """Return surface -> actor id for a one-paragraph text."""
    mentions, _ = find_actors([text], knowledge)
    return {m.surface: m.actor_id for m in mentions}


def test_country_parliament_resolves_to_the_catalogue_legislature(knowledge: Knowledge) -> None:
    found = _ids("Germany's parliament and Brazil's upper house approved the deal.", knowledge)
    assert found["Germany's parliament"] == "bundestag"
    assert found["Brazil's upper house"] == "brazil-federal-senate"


def test_unknown_country_parliament_is_its_own_legislature(knowledge: Knowledge) -> None:
    found = _ids("Zambia's parliament voted, and the Zambian parliament later agreed.", knowledge)
    assert found["Zambia's parliament"] == found["Zambian parliament"] == "zambian-parliament"
    assert "zambia" in found.values()


def test_shared_demonym_follows_the_named_country(knowledge: Knowledge) -> None:
    text = "The Republic of Congo said the Congolese government would help."
    assert _ids(text, knowledge)["Congolese government"] == "republic-of-the-congo"
    other = "DR Congo said the Congolese health ministry had sent teams."
    assert _ids(other, knowledge)["Congolese health ministry"] == "dr-congo"


def test_kremlin_is_russia(knowledge: Knowledge) -> None:
    assert (
        _ids("Kremlin spokesman Dmitry Peskov said talks had stalled.", knowledge)["Kremlin"]
        == "russia"
    )


def test_initials_and_suffixes_stay_in_a_name(knowledge: Knowledge) -> None:
    text = (
        "Chief Justice John G. Roberts Jr. said the law was clear. Roberts added a note. "
        "Chief Minister M.K. Stalin said the state would appeal."
    )
    found = _ids(text, knowledge)
    assert found["John G. Roberts Jr."] == found["Roberts"]
    assert "Jr" not in found and "G" not in found
    assert found["M.K. Stalin"] == "m-k-stalin"


def test_particles_and_titles_before_a_country_name(knowledge: Knowledge) -> None:
    text = (
        "A Hamas team was led by Khalil al-Hayya. Defence Minister Israel Katz said troops "
        "would stay, and President Abdel Fattah el-Sisi told the envoy Egypt would not agree."
    )
    found = _ids(text, knowledge)
    assert found["Khalil al-Hayya"] == "khalil-al-hayya"
    assert found["Israel Katz"] == "israel-katz"
    assert found["Abdel Fattah el-Sisi"] == "abdel-fattah-el-sisi"


def test_distinct_given_names_stay_distinct(knowledge: Knowledge) -> None:
    text = "Kim Jong Un said the drills would go on. Kim Yo Jong said Seoul would pay."
    found = _ids(text, knowledge)
    assert found["Kim Jong Un"] != found["Kim Yo Jong"]


def test_cues_for_one_word_names_and_organisations(knowledge: Knowledge) -> None:
    text = (
        "Mr Vijay said his party would stay. Codelco chairman Máximo Pacheco said the offer "
        "stood. Analysts at Lagos-based FBNQuest said a cut was likely. The union backed the "
        "NHS plan, and the Unite union said so."
    )
    found = _ids(text, knowledge)
    assert found["Vijay"] == "vijay"
    assert found["Codelco"] == "codelco" and found["Máximo Pacheco"] == "maximo-pacheco"
    assert found["FBNQuest"] == "fbnquest" and found["Unite"] == "unite"


def test_outlet_that_is_told_and_datelines_are_not_actors(knowledge: Knowledge) -> None:
    text = "LONDON (Reuters) - A source told Reuters and the official told the BBC it was over."
    assert not _ids(text, knowledge)


def test_possessive_owner_and_body_split(knowledge: Knowledge) -> None:
    text = (
        "Premier Danielle Smith said no. The Bank of England's Monetary Policy Committee meets "
        "on Thursday, and Smith's United Conservative Party holds 48 seats."
    )
    found = _ids(text, knowledge)
    assert found["Bank of England"] != found["Monetary Policy Committee"]
    assert found["United Conservative Party"] == "united-conservative-party"


def test_an_adjective_or_a_place_word_opens_an_organisation_ended_by_a_head_word(
    knowledge: Knowledge,
) -> None:
    text = (
        "The Federal Cartel Office, the African Medicines Agency and the Port of Gdansk Authority"
        " said on Monday that the National Roads Inspectorate would review the plan."
    )
    found = _ids(text, knowledge)
    assert found["Federal Cartel Office"] == "federal-cartel-office"
    assert found["African Medicines Agency"] == "african-medicines-agency"
    assert found["Port of Gdansk Authority"] == "port-of-gdansk-authority"
    assert found["National Roads Inspectorate"] == "national-roads-inspectorate"
    assert "Cartel Office" not in found and "Gdansk Authority" not in found


def test_a_law_or_a_treaty_named_after_capitalised_words_is_no_actor(knowledge: Knowledge) -> None:
    text = "Lawyers said the General Product Safety Regulation and the Mariposa Accords applied."
    assert _ids(text, knowledge) == {}


def test_each_of_two_titled_names_joined_by_and_is_found(knowledge: Knowledge) -> None:
    text = "Commodore Tunde Bakare and Colonel Ama Serwaa said on Monday the drills went well."
    found = _ids(text, knowledge)
    assert found["Tunde Bakare"] == "tunde-bakare" and found["Ama Serwaa"] == "ama-serwaa"
    assert not any(surface.startswith("Commodore") for surface in found)
