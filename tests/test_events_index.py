"""Finding event mentions in built sentences, and clustering them into events."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from generator.errors import CatalogueError
from generator.extract.events import find_events
from generator.index.events import build_events
from generator.knowledge import Knowledge
from generator.models import ActorMention, Article, DateInfo, EventMention

WED = dt.date(2024, 9, 11)


def article(
    article_id: str,
    sentences: list[str],
    published: dt.date | None,
    knowledge: Knowledge,
    actors: dict[str, str] | None = None,
) -> Article:
    """Build an article whose actors are the given surface -> id, found in every sentence."""
    mentions = tuple(
        ActorMention(actor_id, surface, i)
        for i, sentence in enumerate(sentences)
        for surface, actor_id in (actors or {}).items()
        if surface in sentence
    )
    date = DateInfo(published, "explicit") if published else DateInfo(None)
    events = find_events(sentences, mentions, date, knowledge)
    return Article(
        id=article_id,
        slug=article_id,
        source_file=f"{article_id}.txt",
        title=sentences[0][:40],
        title_source="generated",
        date=date,
        outlet=None,
        outlet_source=None,
        summary=sentences[0],
        blocks=(),
        sentences=tuple(sentences),
        word_count=sum(len(s.split()) for s in sentences),
        actor_mentions=mentions,
        event_mentions=events,
    )


ACTORS = {"Poland": "poland", "Belarus": "belarus", "Lithuania": "lithuania", "Senate": "senate"}


def test_mentions_carry_type_actors_targets_and_figures(knowledge: Knowledge) -> None:
    sentences = ["Poland on Wednesday summoned the envoy of Belarus over 256 migrants."]
    (mention,) = article("a", sentences, WED, knowledge, ACTORS).event_mentions
    assert (mention.type, mention.date.iso, mention.role) == ("summoning", "2024-09-11", "reports")
    assert (mention.actors, mention.targets) == (("poland",), ("belarus",))
    assert mention.figures == ("over 256 migrants",)  # as written, qualifier included


def test_passive_voice_puts_the_agent_after_the_trigger(knowledge: Knowledge) -> None:
    sentences = ["The resolution was adopted by the Senate on Tuesday, Poland said."]
    events = article("a", sentences, WED, knowledge, ACTORS).event_mentions
    (resolution,) = [e for e in events if e.type == "resolution"]
    assert resolution.actors[0] == "senate"
    assert resolution.date.iso == "2024-09-10"


def test_plans_captions_and_future_dates_are_not_events(knowledge: Knowledge) -> None:
    sentences = [
        "Poland threatened to impose sanctions on Belarus.",
        "Poland will summon the envoy of Belarus on Friday next week.",
        "The ministers of Poland and Lithuania are set to meet on September 20, 2024 in Vilnius.",
        "Protesters march in Warsaw, Poland, September 10, 2024. (Reuters Photo)",
    ]
    found = article("a", sentences, WED, knowledge, ACTORS).event_mentions
    # the threat was made (an act of speech is news in itself); the sanctions, the summoning
    # and the meeting are plans, and the caption describes a picture
    assert [(m.type, m.headline) for m in found] == [
        ("threaten", "Poland threatened to impose sanctions on Belarus")
    ]


def test_trigger_without_date_or_participant_is_dropped(knowledge: Knowledge) -> None:
    sentences = ["the talks with officials went on.", "after the vote was counted, nobody spoke."]
    assert article("a", sentences, WED, knowledge).event_mentions == ()


def test_each_event_of_a_sentence_takes_its_own_date(knowledge: Knowledge) -> None:
    sentences = [
        "Poland summoned the envoy of Belarus on September 18, 2024, exactly one week after "
        "he was summoned over a helicopter incursion."
    ]
    events = article("a", sentences, dt.date(2024, 9, 18), knowledge, ACTORS).event_mentions
    assert sorted(e.date.iso or "" for e in events if e.type == "summoning") == [
        "2024-09-11",
        "2024-09-18",
    ]


def _built(knowledge: Knowledge, *articles: Article) -> dict[str, list[tuple[str, str]]]:
    """Return event title-independent facts: event date -> [(article, role)]."""
    events = build_events(list(articles), {}, knowledge)
    return {
        f"{e.type} {e.date.iso}": sorted((r.article_id, r.role) for r in e.articles)
        for e in events.values()
    }


def test_two_wordings_of_one_event_merge(knowledge: Knowledge) -> None:
    one = article(
        "one", ["Poland on Wednesday summoned the envoy of Belarus."], WED, knowledge, ACTORS
    )
    two = article(
        "two",
        ["Belarus's top diplomat was called to the ministry in Warsaw by Poland on Wednesday."],
        WED,
        knowledge,
        ACTORS,
    )
    built = _built(knowledge, one, two)
    assert built["summoning 2024-09-11"] == [("one", "reports"), ("two", "reports")]


def test_the_same_event_a_week_later_is_another_event(knowledge: Knowledge) -> None:
    one = article(
        "one", ["Poland on Wednesday summoned the envoy of Belarus."], WED, knowledge, ACTORS
    )
    later = dt.date(2024, 9, 18)
    two = article(
        "two",
        ["Poland on Wednesday summoned the envoy of Belarus again."],
        later,
        knowledge,
        ACTORS,
    )
    built = _built(knowledge, one, two)
    assert built["summoning 2024-09-11"] == [("one", "reports")]
    assert built["summoning 2024-09-18"] == [("two", "reports")]


def test_weekday_of_an_undated_article_picks_the_matching_event(knowledge: Knowledge) -> None:
    tuesday = article(
        "tue",
        ["The Senate adopted a resolution on Tuesday, September 10, 2024."],
        WED,
        knowledge,
        ACTORS,
    )
    other = article(
        "may", ["The Senate adopted a resolution on May 2, 2024."], WED, knowledge, ACTORS
    )
    undated = article(
        "und",
        ["The Senate on Tuesday voted 90 to 3 to adopt a resolution."],
        None,
        knowledge,
        ACTORS,
    )
    built = _built(knowledge, tuesday, other, undated)
    assert built["resolution 2024-09-10"] == [("tue", "reports"), ("und", "reports")]
    assert built["resolution 2024-05-02"] == [("may", "mentions")]


def test_weekday_that_fits_no_event_stays_apart(knowledge: Knowledge) -> None:
    tuesday = article(
        "tue",
        ["The Senate adopted a resolution on Tuesday, September 10, 2024."],
        WED,
        knowledge,
        ACTORS,
    )
    undated = article(
        "und", ["The Senate adopted a resolution on Friday."], None, knowledge, ACTORS
    )
    built = _built(knowledge, tuesday, undated)
    assert built["resolution None"] == [("und", "reports")]


def test_day_and_month_of_an_undated_article_join_only_a_day_dated_event(
    knowledge: Knowledge,
) -> None:
    """An undated article's "on November 10" names a 10 November event, never a guessed year."""
    month = article(
        "m", ["Poland and Belarus reached a truce in November 2020."], WED, knowledge, ACTORS
    )
    day = article(
        "d", ["Poland and Belarus reached a truce on November 10, 2020."], WED, knowledge, ACTORS
    )
    undated = article(
        "u", ["Poland and Belarus reached a truce on November 10."], None, knowledge, ACTORS
    )
    alone = build_events([month, undated], {}, knowledge)
    assert sorted((e.date.iso or "-") for e in alone.values()) == ["-", "2020-11"]
    events = build_events([day, undated], {}, knowledge)
    (truce,) = events.values()
    assert (truce.date.iso, truce.date.precision) == ("2020-11-10", "day")
    assert {r.article_id for r in truce.articles} == {"d", "u"}
    other = article(
        "o", ["Lithuania and Belarus reached a truce on November 10."], None, knowledge, ACTORS
    )
    assert len(build_events([day, other], {}, knowledge)) == 2  # other parties: not that truce


def test_undated_mention_without_phrase_founds_no_page_elsewhere(knowledge: Knowledge) -> None:
    news = article(
        "n", ["Poland on Wednesday summoned the envoy of Belarus."], WED, knowledge, ACTORS
    )
    vague = article(
        "v",
        ["Intro.", "Ties worsened.", "Poland had summoned the envoy of Belarus."],
        None,
        knowledge,
        ACTORS,
    )
    built = _built(knowledge, news, vague)
    assert list(built) == ["summoning 2024-09-11"]


def test_catalogue_names_merges_and_splits(knowledge: Knowledge) -> None:
    one = article(
        "one", ["Poland on Wednesday summoned the envoy of Belarus."], WED, knowledge, ACTORS
    )
    later = dt.date(2024, 9, 18)
    two = article(
        "two",
        ["Poland on Wednesday summoned the envoy of Belarus again."],
        later,
        knowledge,
        ACTORS,
    )
    entries = (
        {
            "id": "envoy-summoned",
            "title": "Poland summons the Belarusian envoy",
            "type": "summoning",
        },
    )
    merged = build_events([one, two], {}, dataclasses.replace(knowledge, events=entries))
    assert list(merged) == ["envoy-summoned"]
    assert merged["envoy-summoned"].title == "Poland summons the Belarusian envoy"
    assert len(merged["envoy-summoned"].articles) == 2
    split = ({"title": "The second summoning", "words": ["again"]},)
    events = build_events([one, two], {}, dataclasses.replace(knowledge, events=split))
    titles = sorted(e.title for e in events.values())
    assert len(titles) == 2 and "The second summoning" in titles


@pytest.mark.parametrize(
    "entry",
    [{"title": "Nothing to match on"}, {"type": "vote", "when": 2020}, {"date": "May 2020"}],
)
def test_catalogue_faults_are_reported(knowledge: Knowledge, entry: dict[str, object]) -> None:
    one = article(
        "one", ["Poland on Wednesday summoned the envoy of Belarus."], WED, knowledge, ACTORS
    )
    with pytest.raises(CatalogueError):
        build_events([one], {}, dataclasses.replace(knowledge, events=(entry,)))


def test_article_reports_an_event_if_any_of_its_mentions_does(knowledge: Knowledge) -> None:
    sentences = [
        "Poland on Wednesday summoned the envoy of Belarus.",
        "Intro.",
        "It was the second time Poland summoned the envoy of Belarus.",
    ]
    built = _built(knowledge, article("a", sentences, WED, knowledge, ACTORS))
    assert built == {"summoning 2024-09-11": [("a", "reports")]}


def test_event_mention_defaults_keep_old_callers_working() -> None:
    mention = EventMention("vote", 0, DateInfo(None))
    assert (mention.weekday, mention.month, mention.day) == (None, None, None)
