"""A platform is a company where it acts and a medium where words pass through it; a person
is not a body's short name; a catalogued company keeps its page under its legal name.

Original reports of an invented takeover fight over a social network.
"""

from __future__ import annotations

from generator.extract import extract
from generator.index import build_corpus
from generator.knowledge import Knowledge
from generator.models import Corpus, RawArticle

REPORTS = {
    "01": (
        "Investor takes stake in social network\n\n"
        "Orla Brennick has taken a 9% stake in Facebook, a filing showed on Monday. "
        "The shares are held by the Orla Brennick Family Trust, of which she is the trustee. "
        "Brennick said on Instagram that she was pleased."
    ),
    "02": (
        "Facebook sues investor\n\n"
        "Facebook sued Orla Brennick on Tuesday to block her bid, the company said. "
        "Brennick wrote in a post on Telegram that the suit was baseless."
    ),
    "03": (
        "Investor drops bid\n\n"
        "Facebook has agreed to sell the company for $4 billion to the richest woman and "
        "Nordmark owner Orla Brennick, giving her control of a social network. "
        "Brennick thanked her followers in a YouTube video. "
        "Apple Inc. said it would not bid."
    ),
}


def _corpus(knowledge: Knowledge) -> Corpus:
    raws = [RawArticle(f"{stem}.txt", stem, text) for stem, text in REPORTS.items()]
    return build_corpus([extract(raw, knowledge) for raw in raws], knowledge)


def _actors(corpus: Corpus) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for article in corpus.articles:
        for mention in article.actor_mentions:
            found.setdefault(mention.actor_id, set()).add(article.id)
    return found


def test_a_platform_that_acts_is_an_actor(knowledge: Knowledge) -> None:
    actors = _actors(_corpus(knowledge))
    assert actors.get("facebook") == {"01", "02", "03"}, actors


def test_a_platform_that_only_carries_words_is_none(knowledge: Knowledge) -> None:
    actors = _actors(_corpus(knowledge))
    for medium in ("instagram", "telegram", "youtube"):
        assert medium not in actors, (medium, actors)


def test_a_person_is_not_the_short_name_of_a_trust(knowledge: Knowledge) -> None:
    actors = _actors(_corpus(knowledge))
    people = {i for i, arts in actors.items() if "brennick" in i and len(arts) == 3}
    assert people == {"orla-brennick"}, actors
    assert actors.get("orla-brennick-family-trust") == {"01"}, actors


def test_a_catalogued_company_with_its_legal_suffix_is_the_company(
    knowledge: Knowledge,
) -> None:
    actors = _actors(_corpus(knowledge))
    assert "03" in actors.get("apple", set()), actors
    assert "apple-inc" not in actors, actors
