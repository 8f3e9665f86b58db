"""Every rule that dates an event phrase against the article's date, traps included."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract import dates
from generator.extract.events import dates as event_dates
from generator.extract.events.dates import EventDate, event_date, find_phrases
from generator.knowledge import Knowledge
from tests.conftest import CORPUS, ROOT, SEEDS

WED_16_NOV_2022 = dt.date(2022, 11, 16)
THU_1_DEC_2022 = dt.date(2022, 12, 1)
FRI_23_JUN_2023 = dt.date(2023, 6, 23)


def first_date(
    knowledge: Knowledge, sentence: str, published: dt.date | None, anchor: bool = False
) -> EventDate:
    """Resolve the first date phrase of a sentence (anchored phrases against the other one)."""
    phrases = find_phrases(sentence, knowledge.language)
    assert phrases, f"no date phrase found in {sentence!r}"
    if anchor:
        plain = next(p for p in phrases if not p.anchored)
        anchored = next(p for p in phrases if p.anchored)
        return event_date(anchored, published, event_date(plain, published).date)
    return event_date(phrases[0], published)


@pytest.mark.parametrize(
    ("sentence", "published", "iso", "precision"),
    [
        # absolute dates, whatever the article's date
        ("It was adopted on November 30, 2022 by the chamber.", None, "2022-11-30", "day"),
        ("On July 29, 1993, the Council adopted a resolution.", None, "1993-07-29", "day"),
        ("Fighting resumed in September 2020 along the line.", None, "2020-09", "month"),
        ("The deal was signed in 2020 after talks.", None, "2020", "year"),
        ("In 2023, the Supreme Court ruled on the case.", None, "2023", "year"),
        ("Under the 2020 deal, troops withdrew.", None, "2020", "year"),
        ("In the fall of 2020, the army advanced.", None, "2020", "year"),
        # "N years ago" counts back whole years, "last July" is the latest July before
        ("GERB also came first in the election two years ago.", FRI_23_JUN_2023, "2021", "year"),
        ("Prices rose sharply three months ago.", FRI_23_JUN_2023, "2023-03", "month"),
        ("after their summit in Astana last July, which", THU_1_DEC_2022, "2022-07", "month"),
        ("after their summit in Astana last June, which", FRI_23_JUN_2023, "2022-06", "month"),
        # a day and month without a year: the most recent past occurrence...
        (
            "adopted in the lower house on Nov. 30, the ministry said",
            THU_1_DEC_2022,
            "2022-11-30",
            "day",
        ),
        (
            "When new clashes erupted on 27 September, the army attacked.",
            WED_16_NOV_2022,
            "2022-09-27",
            "day",
        ),
        # a day and month without a year are in the publication's year, as news style omits
        # only the current year: "Dec. 20" in a 1 December article lies ahead...
        ("The hearing is set for Dec. 20 in the capital.", THU_1_DEC_2022, "2022-12-20", "day"),
        ("The summit is scheduled for Sept. 10.", dt.date(2024, 8, 23), "2024-09-10", "day"),
        # ...but for the turn of the year: "Dec. 20" in January is the December just past
        ("The envoy was expelled on Dec. 20.", dt.date(2023, 1, 10), "2022-12-20", "day"),
        ("The vote is set for Jan. 5.", dt.date(2022, 12, 28), "2023-01-05", "day"),
        # a meeting set for next week
        (
            "a meeting that was set to take place on Dec. 7 in Brussels",
            THU_1_DEC_2022,
            "2022-12-07",
            "day",
        ),
        # 29 February falls back to the last leap year
        (
            "The law was passed on Feb. 29 by the assembly.",
            dt.date(2025, 3, 1),
            "2024-02-29",
            "day",
        ),
        # weekdays: the latest such day on or before publication
        ("The Senate on Tuesday voted 295 to 1.", THU_1_DEC_2022, "2022-11-29", "day"),
        ("Azerbaijan on Wednesday rebuffed the resolution.", WED_16_NOV_2022, "2022-11-16", "day"),
        (
            "The Bundestag voted late on Thursday to pass the act.",
            FRI_23_JUN_2023,
            "2023-06-22",
            "day",
        ),
        ("Scholz told reporters on Friday.", FRI_23_JUN_2023, "2023-06-23", "day"),
        ("last Friday, the president called off a meeting", THU_1_DEC_2022, "2022-11-25", "day"),
        ("Last Friday the minister resigned.", FRI_23_JUN_2023, "2023-06-16", "day"),
        ("The talks will resume next Monday in Geneva.", THU_1_DEC_2022, "2022-12-05", "day"),
        # days counted from publication
        ("a resolution that was passed a day earlier", THU_1_DEC_2022, "2022-11-30", "day"),
        ("The ministry said yesterday that it disagreed.", THU_1_DEC_2022, "2022-11-30", "day"),
        ("Today the court has ruled.", THU_1_DEC_2022, "2022-12-01", "day"),
        ("The quake struck three days ago.", THU_1_DEC_2022, "2022-11-28", "day"),
        ("The ship sank two weeks ago.", THU_1_DEC_2022, "2022-11-17", "day"),
        # months and years counted from publication
        ("The chamber approved the text last month.", WED_16_NOV_2022, "2022-10", "month"),
        ("The board met earlier this month.", WED_16_NOV_2022, "2022-11", "month"),
        ("The sides traded fire just this week.", WED_16_NOV_2022, "2022-11", "month"),
        # a week across two months (Monday 28 November to Thursday 1 December): only the year
        ("The sides traded fire just this week.", THU_1_DEC_2022, "2022", "year"),
        ("The strike began last week.", THU_1_DEC_2022, "2022-11", "month"),
        ("The company was founded last year.", WED_16_NOV_2022, "2021", "year"),
        (
            "In the past three months, the offensive broke through.",
            WED_16_NOV_2022,
            "2022-08",
            "month",
        ),
        # a month without a year: its most recent past occurrence, this month included
        (
            "The Senate passed a similar resolution earlier in November.",
            THU_1_DEC_2022,
            "2022-11",
            "month",
        ),
        ("The Senate passed it earlier in November.", WED_16_NOV_2022, "2022-11", "month"),
        ("the attack on sovereign territory in September", WED_16_NOV_2022, "2022-09", "month"),
        ("An earlier truce collapsed in December.", WED_16_NOV_2022, "2021-12", "month"),
    ],
)
def test_phrase_resolves_against_publication(
    knowledge: Knowledge, sentence: str, published: dt.date | None, iso: str, precision: str
) -> None:
    found = first_date(knowledge, sentence, published)
    assert found.date.iso == iso
    assert found.date.precision == precision
    assert found.date.phrase and found.date.phrase in sentence


def test_wednesday_in_a_wednesday_article_is_that_day(knowledge: Knowledge) -> None:
    found = first_date(knowledge, "The ministry on Wednesday summoned the envoy.", WED_16_NOV_2022)
    assert found.date.value == WED_16_NOV_2022  # not 9 November, a week before


def test_absolute_dates_are_explicit_and_relative_ones_inferred(knowledge: Knowledge) -> None:
    absolute = first_date(knowledge, "It happened on November 30, 2022.", THU_1_DEC_2022)
    relative = first_date(knowledge, "It happened on Wednesday.", THU_1_DEC_2022)
    assert (absolute.date.source, relative.date.source) == ("explicit", "inferred")


@pytest.mark.parametrize(
    ("sentence", "weekday", "month", "day"),
    [
        ("The Senate adopted a resolution on Wednesday.", 2, None, None),
        ("The sides reached a truce on November 10 after clashes.", None, 11, 10),
        ("An earlier truce collapsed within days in January.", None, 1, None),
        ("The board turned down the application last month.", None, None, None),
        ("a resolution that was passed a day earlier", None, None, None),
        ("In the past three months, the offensive broke through.", None, None, None),
    ],
)
def test_unknown_article_date_leaves_relative_phrases_unresolved(
    knowledge: Knowledge, sentence: str, weekday: int | None, month: int | None, day: int | None
) -> None:
    found = first_date(knowledge, sentence, None)
    assert found.date.value is None  # never guessed
    assert found.date.phrase and found.date.phrase in sentence
    assert (found.weekday, found.month, found.day) == (weekday, month, day)


def test_anchored_phrase_counts_from_the_other_date(knowledge: Knowledge) -> None:
    sentence = (
        "The envoy was called to the ministry on September 18, 2024, exactly one week after "
        "he was summoned over an incursion."
    )
    found = first_date(knowledge, sentence, None, anchor=True)
    assert (found.date.iso, found.date.precision) == ("2024-09-11", "day")


def test_anchored_phrase_without_anchor_stays_open(knowledge: Knowledge) -> None:
    phrases = find_phrases("It claimed lives six weeks before a truce.", knowledge.language)
    anchored = [p for p in phrases if p.anchored]
    assert anchored
    assert event_date(anchored[0], THU_1_DEC_2022).date.value is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The worst clashes since 2020 left hundreds dead.",
        "The region was occupied until 2020.",
        "No date at all is given here.",
    ],
)
def test_years_that_bound_a_period_do_not_date_an_event(
    knowledge: Knowledge, sentence: str
) -> None:
    assert find_phrases(sentence, knowledge.language) == []


def test_no_phrase_gives_an_unknown_date() -> None:
    assert event_date(None, THU_1_DEC_2022).date.value is None


def test_phrase_cue_misses_no_phrase(knowledge: Knowledge) -> None:
    """The cue that lets most sentences skip the date patterns is in every phrase they find."""
    language = knowledge.language
    relative, _ = event_dates._relative_patterns(tuple(language.months))
    absolute, _ = dates._patterns(language)
    texts = [
        p.read_text(encoding="utf-8")
        for folder in (SEEDS, CORPUS, ROOT / "tests" / "cases")
        for p in sorted(folder.rglob("*.txt"))
    ]
    names = sorted(language.months)[:6] + sorted(language.weekdays)[:3]
    made = [
        f"{lead} {unit} {tail}"
        for lead in ("a", "one", "the", "last", "this", "two", "several", "early", "in", "on")
        for unit in ("day", "weeks", "month", "years", "week", "morning", *names)
        for tail in ("ago", "earlier", "before", "after", "later", "2021", "")
    ]
    found = 0
    for sentence in [*made, *(line for text in texts for line in text.splitlines())]:
        for patterns in (relative, absolute):
            for _, match in patterns.matches(sentence):
                found += 1
                assert event_dates.has_phrase_cue(match.group(0), language), match.group(0)
    assert found > 500


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("The chief was fired on a Friday before a long weekend.", False),
        ("The board meets every Monday in the town hall.", False),
        ("Speaking at a Thursday press conference, the admiral said it was over.", True),
        ("The chief was fired on Friday.", True),
    ],
)
def test_a_weekday_that_is_any_such_day_dates_nothing(
    knowledge: Knowledge, sentence: str, dated: bool
) -> None:
    phrases = [p for p in find_phrases(sentence, knowledge.language) if p.weekday is not None]
    assert bool(phrases) is dated, phrases


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        ("The hearing is set to begin on Monday, September 16.", "2024-09-16"),
        ("The suit, filed on Tuesday, Aug. 6, accuses the firm.", "2024-08-06"),
    ],
)
def test_a_weekday_before_its_date_is_one_phrase(
    knowledge: Knowledge, sentence: str, iso: str
) -> None:
    phrases = find_phrases(sentence, knowledge.language)
    assert len(phrases) == 1, phrases
    assert event_date(phrases[0], dt.date(2024, 9, 7)).date.iso == iso
