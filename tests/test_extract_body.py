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
    ],
)
def test_photo_credits(knowledge: Knowledge, line: str, credit: str | None) -> None:
    assert credit_of(line, knowledge.language) == credit
