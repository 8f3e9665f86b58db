"""Cutting raw text into marker, headline, paragraphs, headings, captions and source line."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.body import credit_of, parse_text
from generator.knowledge import Knowledge


def test_date_marker_is_stripped_from_the_first_line(knowledge: Knowledge) -> None:
    parsed = parse_text(
        " date 2022-11-16 Azerbaijan on Wednesday rebuffed it.\n\nMore.", knowledge.language
    )
    assert parsed.marker_date == dt.date(2022, 11, 16)
    assert parsed.blocks[0].text == "Azerbaijan on Wednesday rebuffed it."
    assert "date" not in parsed.blocks[0].text


def test_date_marker_under_a_pasted_headline_is_stripped(knowledge: Knowledge) -> None:
    text = "Harbour crane falls in Rotterdam\ndate 2023-05-02 A crane fell on Tuesday.\n\nMore."
    parsed = parse_text(text, knowledge.language)
    assert parsed.marker_date == dt.date(2023, 5, 2)
    assert parsed.headline == "Harbour crane falls in Rotterdam"
    assert parsed.blocks[0].text == "A crane fell on Tuesday."
    later = parse_text("Crane falls\nIt fell.\ndate 2023-05-02 Later.", knowledge.language)
    assert later.marker_date is None  # only the line under the headline holds a marker


def test_invalid_marker_date_is_kept_as_text_not_as_date(knowledge: Knowledge) -> None:
    parsed = parse_text(" date 2022-13-45 Something happened.\n", knowledge.language)
    assert parsed.marker_date is None
    assert parsed.marker_text == "date 2022-13-45"


def test_headline_then_caption_then_paragraphs(knowledge: Knowledge) -> None:
    text = (
        "Quake relief talks open in Ankara\n"
        "Rescuers search rubble in Malatya, March 9, 2025. (Reuters Photo)\n\n\n"
        "Turkey's president spoke on Monday. He thanked the rescuers.\n\n"
        "Aid arrived from Greece.\n"
    )
    parsed = parse_text(text, knowledge.language)
    assert parsed.headline == "Quake relief talks open in Ankara"
    assert [b.kind for b in parsed.blocks] == ["caption", "paragraph", "paragraph"]


def test_lead_sentence_is_not_a_headline(knowledge: Knowledge) -> None:
    parsed = parse_text(
        "The ministry summoned the envoy.\nHe was told to leave.\n", knowledge.language
    )
    assert parsed.headline is None
    assert [b.text for b in parsed.blocks] == [
        "The ministry summoned the envoy.",
        "He was told to leave.",
    ]


def test_short_line_between_paragraphs_is_a_heading(knowledge: Knowledge) -> None:
    text = "First paragraph ends here.\n\nNew minister weighs in\n\nThe minister said so.\n"
    kinds = [b.kind for b in parse_text(text, knowledge.language).blocks]
    assert kinds == ["paragraph", "heading", "paragraph"]


def test_trailing_source_line_names_the_outlet_and_stays_in_the_body(knowledge: Knowledge) -> None:
    parsed = parse_text("One sentence here.\n\nSource: TRT World\n", knowledge.language)
    assert parsed.source_line == "TRT World"
    assert parsed.blocks[-1].kind == "source"
    assert parsed.blocks[-1].text == "Source: TRT World"


def test_hard_wrapped_lines_are_joined_into_one_paragraph(knowledge: Knowledge) -> None:
    text = (
        "The French Senate on Tuesday voted 295 to 1 to adopt a resolution calling\n"
        "on the French government to impose sanctions on Azerbaijan for what it\n"
        "described as attacks on Armenia.\n\n"
        "Second paragraph.\n"
    )
    blocks = parse_text(text, knowledge.language).blocks
    assert len(blocks) == 2
    assert blocks[0].text.startswith("The French Senate") and blocks[0].text.endswith("Armenia.")


def test_one_paragraph_text(knowledge: Knowledge) -> None:
    text = "Two armed groups agreed a truce on Monday. Fighting had killed dozens. Talks go on."
    blocks = parse_text(text, knowledge.language).blocks
    assert [b.kind for b in blocks] == ["paragraph"]
    assert blocks[0].text == text


def test_non_english_names_survive_unchanged(knowledge: Knowledge) -> None:
    text = " date 2025-03-10 Recep Tayyip Erdoğan called Lech Wałęsa and İlham Əliyev.\n"
    parsed = parse_text(text, knowledge.language)
    assert parsed.blocks[0].text == "Recep Tayyip Erdoğan called Lech Wałęsa and İlham Əliyev."


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Azerbaijanis commemorate in Baku, Nov. 8, 2022. (AA Photo)", "AA"),
        ("Rescue workers search for survivors. Photo: AFP", "AFP"),
        ("A minister speaks (Photo: John Smith)", "John Smith"),
        ("The ministry said the talks (in Vienna) went well.", None),
        ("A trader works in Lagos, May 2, 2025. REUTERS/Ada Obi/File Photo", "REUTERS"),
        ("Police stand guard in Quito. (AP Photo/Dolores Ochoa)", "AP"),
        ("Ministers met in Brussels. EU/NATO talks went on until late.", None),
    ],
)
def test_photo_credits(knowledge: Knowledge, line: str, credit: str | None) -> None:
    assert credit_of(line, knowledge.language) == credit


def _kinds(text: str, knowledge: Knowledge) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in parse_text(text, knowledge.language).blocks]


def test_kicker_byline_and_date_lines_are_kept_as_meta(knowledge: Knowledge) -> None:
    text = (
        "OPINION\n\nRivers need room\nBy Ana Núñez\nClimate reporter\n"
        "Updated 3:45 PM GMT, March 15, 2023\nPublished: 14 March 2023\n\n"
        "Cities built on flood plains are paying for it, engineers say.\n\nMore follows.\n"
    )
    parsed = parse_text(text, knowledge.language)
    assert parsed.headline == "Rivers need room"
    assert [k for k, _ in _kinds(text, knowledge)] == ["meta"] * 5 + ["paragraph"] * 2
    assert parsed.bylines == ("By Ana Núñez", "Climate reporter")
    assert sorted(d.label or "" for d in parsed.date_lines) == ["published", "updated"]


def test_windows_line_endings_and_hard_wrapped_lines(knowledge: Knowledge) -> None:
    lead = "The council voted on Tuesday to close the ferry, which has run for ninety years"
    first, rest = lead[:62].rsplit(" ", 1)
    text = f"Ferry to close\r\n\r\n{first}\r\n{rest}{lead[62:]}.\r\n\r\nMore.\r\n"
    parsed = parse_text(text, knowledge.language)
    assert parsed.headline == "Ferry to close"
    assert [b.text for b in parsed.blocks] == [f"{lead}.", "More."]


def test_list_items_are_blocks_of_their_own_and_never_headings(knowledge: Knowledge) -> None:
    text = (
        "Rules change for students this year, the ministry said.\n\nTimeline\n\n"
        "1. Provinces set out their plans by the end of March\n"
        "2. Applications need a letter from a province\n"
        "- Caps apply to colleges\n• Doctoral students are exempt\n\nThe end.\n"
    )
    kinds = _kinds(text, knowledge)
    assert kinds[1] == ("heading", "Timeline")
    assert [k for k, _ in kinds[2:6]] == ["paragraph"] * 4
    assert kinds[2][1] == "1. Provinces set out their plans by the end of March"


def test_junk_lines_stay_in_the_body_but_are_not_headings(knowledge: Knowledge) -> None:
    text = (
        "Fishermen say the catch has shrunk, officials said.\n\nShare this article\n\n"
        "Read more: Fish stocks under pressure\n\nAdvertisement\n\nFollow us on Twitter\n\n"
        "Ministers promised patrols.\n\n— AFP\n\nAdvertisement\n"
    )
    kinds = _kinds(text, knowledge)
    expected = ["paragraph", "meta", "meta", "meta", "meta", "paragraph", "source", "meta"]
    assert [k for k, _ in kinds] == expected
    assert parse_text(text, knowledge.language).credit_lines == ("AFP",)


def test_contact_block_and_topic_list_are_meta(knowledge: Knowledge) -> None:
    text = (
        "The alliance launched a network of stations today.\n\nAbout the alliance\n\n"
        "It was founded in 2019.\n\nContact:\nMarie Dubois\nCommunications Officer\n"
        "+41 22 555 01 23\n\n###\n"
    )
    kinds = [k for k, _ in _kinds(text, knowledge)]
    assert kinds == ["paragraph", "heading", "paragraph"] + ["meta"] * 5


def test_labelled_caption_and_photo_source(knowledge: Knowledge) -> None:
    text = (
        "Drought empties reservoirs\n2 hours ago\n\nImage source, Getty Images\n"
        "Image caption, Farmers have been told not to plant\n\nFarmers were told on Monday.\n"
    )
    assert [k for k, _ in _kinds(text, knowledge)] == ["meta", "meta", "caption", "paragraph"]
    assert parse_text(text, knowledge.language).date_lines == ()


@pytest.mark.parametrize(
    ("lead", "place", "date", "outlet"),
    [
        ("KYIV, Ukraine (AP) — Repair crews worked.", "KYIV, Ukraine", None, "AP"),
        ("WASHINGTON, March 3 (Reuters) - The Senate voted.", "WASHINGTON", "March 3", "Reuters"),
        ("GENEVA, 17 October 2023 – The alliance said.", "GENEVA", "17 October 2023", None),
        ("Paris (AFP) - France's parliament voted.", "Paris", None, "AFP"),
        ("NATO — the alliance — met in Brussels.", None, None, None),
        ("Nairobi – At least five people died.", None, None, None),
    ],
)
def test_datelines(
    knowledge: Knowledge, lead: str, place: str | None, date: str | None, outlet: str | None
) -> None:
    parsed = parse_text(f"{lead}\n\nMore.\n", knowledge.language)
    found = parsed.dateline
    if place is None:
        assert found is None
        return
    assert found is not None
    assert (found.place, found.date, found.outlet) == (place, date, outlet)


def test_copyright_line_names_the_publisher(knowledge: Knowledge) -> None:
    text = "The council voted to close the ferry.\n\n© 2021 Lakeside Herald. All rights reserved.\n"
    parsed = parse_text(text, knowledge.language)
    assert parsed.copyright_lines == ("Lakeside Herald",)
    assert parsed.blocks[-1].kind == "source"
    assert parsed.date_lines == ()


def test_prose_that_starts_like_a_byline_stays_prose(knowledge: Knowledge) -> None:
    text = "Grid plan unveiled\nBy 2030, the country will need twice as much power, it said.\n"
    assert _kinds(text, knowledge) == [
        ("paragraph", "By 2030, the country will need twice as much power, it said.")
    ]


FURNITURE_ABOVE_LEAD = (
    "Court fines ferry operator over harbour crash\n\n"
    "This service is not offered to readers in some regions.\n\n"
    "Court fines ferry operator over harbour crash\n\n"
    "Adds the operator's reaction in paragraph 3\n\n"
    "LISBON, May 4 (Reuters) -A Portuguese court fined the ferry operator Tagus Lines on"
    " Thursday for the harbour crash that injured 14 passengers.\n\n"
    "The company said it would appeal."
)


def test_lead_is_the_paragraph_a_dateline_opens_below_page_furniture(
    knowledge: Knowledge,
) -> None:
    parsed = parse_text(FURNITURE_ABOVE_LEAD, knowledge.language)
    assert parsed.dateline is not None
    assert (parsed.dateline.place, parsed.dateline.date) == ("LISBON", "May 4")
    assert parsed.dateline.outlet == "Reuters"  # no space after the dash, as wires print it
    assert parsed.lead.startswith("LISBON, May 4 (Reuters) -A Portuguese court")


def test_a_dash_without_space_after_a_bare_word_is_no_dateline(knowledge: Knowledge) -> None:
    parsed = parse_text("COVID-19 cases rose again in the city this week.", knowledge.language)
    assert parsed.dateline is None
