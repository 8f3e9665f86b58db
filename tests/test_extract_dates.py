"""Date phrases in sentences, and the publication date inferred only when the text pins it."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract import extract
from generator.extract.date_lines import date_line
from generator.extract.dates import find_dates, infer_publication_date
from generator.extract.furniture import furniture_of
from generator.knowledge import Knowledge
from generator.models import RawArticle


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("adopted on November 30, 2022 in Paris", (2022, 11, 30)),
        ("adopted on Nov. 30 in Paris", (None, 11, 30)),
        ("clashes erupted on 27 September", (None, 9, 27)),
        ("On July 29, 1993, the council adopted", (1993, 7, 29)),
        ("set to take place on Dec. 7 in Brussels", (None, 12, 7)),
        ("the 4th of July 2020 parade", (2020, 7, 4)),
    ],
)
def test_absolute_dates(
    knowledge: Knowledge, sentence: str, expected: tuple[int | None, ...]
) -> None:
    (mention,) = [m for m in find_dates(sentence, knowledge.language) if m.month]
    assert (mention.year, mention.month, mention.day) == expected


def test_weekdays_keep_their_modifier(knowledge: Knowledge) -> None:
    found = find_dates("Last Friday he cancelled what was agreed on Tuesday.", knowledge.language)
    assert [(m.weekday, m.modifier) for m in found] == [(4, "last"), (1, "on")]


def test_impossible_day_is_not_a_date(knowledge: Knowledge) -> None:
    assert not [m for m in find_dates("on February 30 they met", knowledge.language) if m.month]


def test_month_and_year(knowledge: Knowledge) -> None:
    (mention,) = find_dates("New clashes erupted in September 2020.", knowledge.language)
    assert (mention.year, mention.month, mention.day) == (2020, 9, None)


def infer(knowledge: Knowledge, *sentences: str) -> dt.date | None:
    return infer_publication_date(list(sentences), knowledge.language).value


def test_lead_weekday_anchored_by_weekday_and_yearless_date_nearby(knowledge: Knowledge) -> None:
    assert infer(
        knowledge,
        "The ministry on Thursday summoned the envoy over a vote a day earlier.",
        "The resolution was adopted on Nov. 30, the ministry said.",
        "A total of 256 lawmakers voted on Wednesday.",
        "The sides have fought since 2020.",
    ) == dt.date(2022, 12, 1)


def test_lead_weekday_matching_a_full_date_in_the_opening(knowledge: Knowledge) -> None:
    assert infer(
        knowledge,
        "The leaders agreed on Thursday to set up a working group.",
        "They met for two hours.",
        "In a statement after the March 21, 2024 summit, they said so.",
    ) == dt.date(2024, 3, 21)


def test_no_year_anywhere_gives_unknown(knowledge: Knowledge) -> None:
    assert (
        infer(
            knowledge,
            "The court on Monday ordered the regulator to register the group.",
            "The group applied on March 3, the court heard on Monday.",
        )
        is None
    )


def test_photo_date_on_another_weekday_is_not_an_anchor(knowledge: Knowledge) -> None:
    # "Nov. 8, 2022" was a Tuesday; the lead says Wednesday and nothing ties them.
    assert (
        infer(
            knowledge,
            "The ministry on Wednesday rejected a resolution.",
            "The Senate on Tuesday voted 295 to 1.",
            "Last month leaders met in Sochi.",
        )
        is None
    )


def test_last_weekday_never_anchors(knowledge: Knowledge) -> None:
    assert (
        infer(
            knowledge,
            "The president on Friday called off a meeting.",
            "Last Wednesday, on Nov. 30, 2022, the assembly voted.",
        )
        is None
    )


def test_two_candidate_dates_give_unknown(knowledge: Knowledge) -> None:
    assert (
        infer(
            knowledge,
            "The ministry on Thursday protested.",
            "The vote of Wednesday, Nov. 30, 2022 was condemned.",
            "Talks on Wednesday, Dec. 7, 2022 were cancelled.",
        )
        is None
    )


def test_lead_weekday_and_date_in_one_sentence_or_no_weekday(knowledge: Knowledge) -> None:
    assert infer(knowledge, "The Senate voted on Wednesday, Nov. 30, 2022.") == dt.date(
        2022, 11, 30
    )
    assert infer(knowledge, "The Senate adopted a resolution on Nov. 30, 2022.") is None


def test_a_target_year_is_no_lower_bound_for_the_year(knowledge: Knowledge) -> None:
    # Wednesday May 10 fell in 2023 and 2028: "by 2026" is a goal, so neither can be chosen.
    lead = "BEIJING, May 10 (Xinhua) -- China on Wednesday agreed to double capacity by 2026."
    assert infer(knowledge, lead) is None
    assert infer(knowledge, lead.replace("by 2026", "agreed in 2022")) == dt.date(2023, 5, 10)


@pytest.mark.parametrize(
    ("line", "expected", "label"),
    [
        ("March 14, 2023", (2023, 3, 14), None),
        ("Published: 14 March 2023", (2023, 3, 14), "published"),
        ("Updated 3:45 PM GMT, March 15, 2023", (2023, 3, 15), "updated"),
        ("Posted on 2023-06-05 by Editorial Team", (2023, 6, 5), "published"),
        ("2023-05-10 09:30", (2023, 5, 10), None),
        ("2023-03-14T09:30:00Z", (2023, 3, 14), None),
        ("21/09/2023 - 16:40", (2023, 9, 21), None),
        ("09/21/2023", (2023, 9, 21), None),
        ("Sun 12 Mar 2023 14.20 GMT", (2023, 3, 12), None),
        ("Mon, 13 Mar 2023 08:00:00 +0000", (2023, 3, 13), None),
        ("Date: 7 February 2023", (2023, 2, 7), "published"),
        ("Published: March 14, 2023 | Updated: March 15, 2023", (2023, 3, 14), "published"),
        ("Updated March 15, 2023 · Published March 14, 2023", (2023, 3, 14), "published"),
    ],
)
def test_date_lines(
    knowledge: Knowledge, line: str, expected: tuple[int, int, int], label: str | None
) -> None:
    found = date_line(line, knowledge.language, furniture_of(knowledge.language))
    assert found is not None
    assert (found.date, found.label) == (dt.date(*expected), label)


@pytest.mark.parametrize(
    "line",
    [
        "03/04/2023",  # 3 April or 4 March: no date rather than a guess
        "March 2023",
        "© 2021 Example News",
        "2 hours ago",
        "Updated 2 hours ago",
        "June 31, 2023",
        "Monday 14 March 2023",  # 14 March 2023 was a Tuesday
        "March 14, 2023 — The council voted to close the ferry",
        "Published: March 14, 2023 | March 20, 2023 was the deadline",
    ],
)
def test_lines_that_are_not_date_lines(knowledge: Knowledge, line: str) -> None:
    assert date_line(line, knowledge.language, furniture_of(knowledge.language)) is None


def test_only_an_updated_date_is_not_the_publication_date(knowledge: Knowledge) -> None:
    text = (
        "Oil prices rise\nUpdated: March 15, 2023\n\nOil rose on Tuesday, traders said.\n\nMore.\n"
    )
    article = extract(RawArticle("oil.txt", "oil", text), knowledge)
    assert (article.date.value, article.date.source) == (None, "unknown")


def test_a_date_line_is_explicit_and_beats_inference(knowledge: Knowledge) -> None:
    text = "Oil prices rise\nMarch 14, 2023\n\nOil rose on Tuesday, traders said.\n\nMore.\n"
    article = extract(RawArticle("oil.txt", "oil", text), knowledge)
    assert (article.date.value, article.date.source) == (dt.date(2023, 3, 14), "explicit")
    assert article.date.phrase == "March 14, 2023"


def test_anchor_after_the_lead_day_gives_unknown_not_a_week_later(knowledge: Knowledge) -> None:
    # Sunday night's rally was reported on Monday 9 December: not Sunday 15 December.
    assert (
        infer(
            knowledge,
            "Police used tear gas on Sunday night to break up a rally.",
            "The Interior Ministry said on Monday, December 9, 2024, that 48 were arrested.",
        )
        is None
    )


def test_a_wire_caption_gives_the_year_a_yearless_dateline_lacks(knowledge: Knowledge) -> None:
    lead = "LIMA, April 4 (Reuters) - Peru's Congress voted on Friday to remove the minister."
    caption = "Lawmakers debate in Lima, Peru, April 4, 2025. REUTERS/Ana Ruiz"
    text = f"Peru's Congress removes interior minister\n\n{caption}\n\n{lead}\n"
    article = extract(RawArticle("lima.txt", "lima", text), knowledge)
    assert article.date.value == dt.date(2025, 4, 4) and article.date.source == "inferred"
    assert article.blocks[0].kind == "caption"
    assert "reuters" not in article.actor_ids  # the credit names the outlet, not an actor
    alone = extract(RawArticle("lima.txt", "lima", f"Peru's Congress acts\n\n{lead}\n"), knowledge)
    assert alone.date.value is None
