"""Discovered people merge across articles by spelling, never across distinct given names."""

from __future__ import annotations

from generator.index.people import merge_people, same_person
from generator.models import ActorMention, Article, Block, DateInfo, Quote


def _article(stem: str, name: str, count: int = 1) -> Article:
    mentions = tuple(
        ActorMention(f"{name.lower().replace(' ', '-')}", name, 0, "person") for _ in range(count)
    )
    return Article(
        id=stem,
        slug=stem,
        source_file=f"{stem}.txt",
        title=stem,
        title_source="generated",
        date=DateInfo(None, "unknown"),
        outlet=None,
        outlet_source=None,
        summary="",
        blocks=(Block("paragraph", name),),
        sentences=(name,),
        word_count=2,
        actor_mentions=mentions,
        quotes=(Quote(mentions[0].actor_id, "We will", 0),),
    )


def test_spelling_variants_merge_under_the_commoner_spelling() -> None:
    merged = merge_people(
        [_article("a", "Volodymyr Zelenskiy", 2), _article("b", "Volodymyr Zelensky")], ()
    )
    assert {m.actor_id for a in merged for m in a.actor_mentions} == {"volodymyr-zelenskiy"}
    assert merged[1].quotes[0].actor_id == "volodymyr-zelenskiy"


def test_distinct_people_stay_apart() -> None:
    assert not same_person("kim jong un", "kim yo jong")
    assert not same_person("heydar aliyev", "ilham aliyev")
    assert not same_person("joe biden", "hunter biden")
    assert same_person("nikol pashinyan", "nikol pashinian")
    merged = merge_people([_article("a", "Heydar Aliyev"), _article("b", "Ilham Aliyev")], ())
    assert {m.actor_id for a in merged for m in a.actor_mentions} == {
        "heydar-aliyev",
        "ilham-aliyev",
    }


def test_catalogue_people_are_left_alone() -> None:
    merged = merge_people(
        [_article("a", "Volodymyr Zelenskiy"), _article("b", "Volodymyr Zelensky")],
        ["volodymyr-zelensky", "volodymyr-zelenskiy"],
    )
    assert [a.actor_mentions[0].actor_id for a in merged] == [
        "volodymyr-zelenskiy",
        "volodymyr-zelensky",
    ]


def test_a_name_without_its_second_surname_merges_into_the_one_full_name() -> None:
    merged = merge_people(
        [
            _article("a", "Lucia Fernandez Rojas"),
            _article("b", "Lucia Fernandez", 3),
            _article("c", "Lucia Fernandes"),  # a spelling of the short name follows it
        ],
        (),
    )
    assert {m.actor_id for a in merged for m in a.actor_mentions} == {"lucia-fernandez-rojas"}


def test_a_short_name_two_full_names_begin_stays_apart() -> None:
    articles = [
        _article("a", "Ana Perez Gomez"),
        _article("b", "Ana Perez Diaz"),
        _article("c", "Ana Perez"),
    ]
    ids = {m.actor_id for a in merge_people(articles, ()) for m in a.actor_mentions}
    assert ids == {"ana-perez-gomez", "ana-perez-diaz", "ana-perez"}


def test_a_misspelt_surname_third_letter_merges() -> None:
    """ "Vasquez" and "Vazquez" part at their third letter: still one person."""
    merged = merge_people([_article("a", "Camila Vasquez", 2), _article("b", "Camila Vazquez")], ())
    assert {m.actor_id for a in merged for m in a.actor_mentions} == {"camila-vasquez"}
