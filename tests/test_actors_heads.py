"""Colleges, schools and academies are bodies; a student or an astronomer before a name is a
title; one article may write a long body's name with one word more. Original reports."""

from __future__ import annotations

from generator.extract import extract
from generator.index import build_corpus
from generator.knowledge import Knowledge
from generator.models import RawArticle


def _kinds(knowledge: Knowledge, body: str) -> dict[str, str]:
    article = extract(RawArticle("h.txt", "h", f"Launch news\n\n{body}\n"), knowledge)
    return {m.actor_id: m.type for m in article.actor_mentions}


def test_a_college_is_a_body_and_its_student_a_person(knowledge: Knowledge) -> None:
    kinds = _kinds(
        knowledge,
        '"It was loud," said Tarnby College student Joseph Okafor. '
        "Officials at the Halden Music Academy said the hall was full.",
    )
    assert kinds.get("tarnby-college") == "organization", kinds
    assert kinds.get("joseph-okafor") == "person", kinds
    assert kinds.get("halden-music-academy") == "organization", kinds


def test_a_long_name_with_one_word_more_is_one_body(knowledge: Knowledge) -> None:
    texts = {
        "a": "Mission control at the Halden University Orbital Physics Laboratory said the "
        "probe had landed. The Halden Orbital Physics Laboratory said it was pleased.",
        "b": "The Halden University Orbital Physics Laboratory said the probe was working.",
    }
    raws = [RawArticle(f"{k}.txt", k, f"Probe news\n\n{v}\n") for k, v in texts.items()]
    corpus = build_corpus([extract(raw, knowledge) for raw in raws], knowledge)
    ids = {m.actor_id for a in corpus.articles for m in a.actor_mentions if "halden" in m.actor_id}
    assert ids == {"halden-university-orbital-physics-laboratory"}, ids


def test_a_name_set_off_by_an_age_is_a_person(knowledge: Knowledge) -> None:
    kinds = _kinds(
        knowledge,
        "The crew were named as Ruud Vanterpool Okafor, 35; Lise Marit Haugen, 26; and "
        "Per Amundsen, 49.",
    )
    for name in ("ruud-vanterpool-okafor", "lise-marit-haugen", "per-amundsen"):
        assert kinds.get(name) == "person", kinds


def test_a_ship_named_after_its_owners_name_and_a_ship_noun(knowledge: Knowledge) -> None:
    kinds = _kinds(
        knowledge,
        "The Norwegian Coast Guard Ship Nordkapp Star and the tug Bergen Bay joined the search.",
    )
    assert kinds.get("nordkapp-star") == "vessel", kinds


def test_a_ship_described_after_its_name(knowledge: Knowledge) -> None:
    """ "Horizon Tern, a Canadian anchor-handling vessel": the ship is Horizon Tern, not the
    country that describes it."""
    kinds = _kinds(
        knowledge,
        "The ROV was operating from Horizon Tern, a Canadian anchor-handling vessel.",
    )
    assert kinds.get("horizon-tern") == "vessel", kinds
    assert "rov" not in kinds, kinds
