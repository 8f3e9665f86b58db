"""One page per body and per person across a corpus, whichever form each report uses.

Original wire-style reports of one story (a ferry fire on a lake), each naming the same bodies
and people differently: with and without the country, by acronym, cut short, with a middle
initial, by surname alone.
"""

from __future__ import annotations

from generator.extract import extract
from generator.index import build_corpus
from generator.knowledge import Knowledge
from generator.models import Corpus, RawArticle

REPORTS = {
    "01": (
        "Ferry burns on Lake Halvor\n\n"
        "The U.S. Coast Guard said on Monday that the ferry Morning Wren had burned on the lake. "
        "Deputy Chief Roland L. Okafor Jr. said divers were searching the wreck. "
        "The Federal Maritime Safety Commission opened an inquiry, and Halvorsen Marine "
        "Transport, the company that runs the ferry, said it would help."
    ),
    "02": (
        "Divers search ferry wreck\n\n"
        "The US Coast Guard said divers had found the engine room. Roland Okafor said the "
        "search would go on. The FMSC said its inquiry would take a year. Halvorsen said its crews "
        "had checked the ferry in March."
    ),
    "03": (
        "Ferry inquiry opens\n\n"
        "The Coast Guard said the fire began in the engine room. The Federal Maritime "
        "Commission said it had asked for the ferry's logs. Halvorsen Marine said its "
        "crews were cooperating."
    ),
    "04": (
        "Canada sends help to ferry search\n\n"
        "The Canadian Coast Guard sent a boat to help the United States Coast Guard. "
        "Okafor said the two crews had met on the lake."
    ),
    "05": (
        "Insurers meet ferry owner\n\n"
        "Insurers met Halvorsen Marine Transport in Tarnby on Friday to discuss the Morning Wren. "
        "A lawyer for Okafor's family attended."
    ),
}


def _corpus(knowledge: Knowledge) -> Corpus:
    raws = [RawArticle(f"{stem}.txt", stem, text) for stem, text in REPORTS.items()]
    return build_corpus([extract(raw, knowledge) for raw in raws], knowledge)


def _pages_naming(corpus: Corpus, words: str) -> list[str]:
    """Return the ids of the actor pages whose name or an alias holds `words`."""
    return [
        actor_id
        for actor_id, actor in corpus.actors.items()
        if any(words in name for name in (actor.name, *actor.aliases))
    ]


def test_a_body_with_and_without_its_country_is_one_page(knowledge: Knowledge) -> None:
    corpus = _corpus(knowledge)
    guards = _pages_naming(corpus, "Coast Guard")
    assert len(guards) == 2, guards  # the U.S. one, however written, and the Canadian one
    us = next(i for i in guards if "Canadian" not in corpus.actors[i].name)
    assert corpus.actor_articles[us] == ("01", "02", "03", "04")


def test_an_acronym_and_a_name_cut_short_are_the_body(knowledge: Knowledge) -> None:
    corpus = _corpus(knowledge)
    pages = _pages_naming(corpus, "Maritime") + _pages_naming(corpus, "FMSC")
    assert len(set(pages)) == 1, pages
    assert corpus.actor_articles[pages[0]] == ("01", "02", "03")


def test_a_company_named_by_its_first_word_is_one_page(knowledge: Knowledge) -> None:
    corpus = _corpus(knowledge)
    pages = set(_pages_naming(corpus, "Halvorsen"))
    assert len(pages) == 1, pages
    assert corpus.actor_articles[pages.pop()] == ("01", "02", "03", "05")


def test_a_middle_initial_a_suffix_and_the_surname_are_one_person(knowledge: Knowledge) -> None:
    corpus = _corpus(knowledge)
    pages = _pages_naming(corpus, "Okafor")
    assert len(pages) == 1, pages
    assert corpus.actors[pages[0]].type == "person"
    assert corpus.actor_articles[pages[0]] == ("01", "02", "04", "05")


def test_a_name_found_in_one_report_is_found_where_no_cue_marks_it(knowledge: Knowledge) -> None:
    corpus = _corpus(knowledge)
    ship = _pages_naming(corpus, "Morning Wren")
    assert len(ship) == 1 and corpus.actors[ship[0]].type == "vessel"
    assert corpus.actor_articles[ship[0]] == ("01", "05")  # "to discuss the Morning Wren"
    assert not _pages_naming(corpus, "Tarnby")  # a place, named once, without a cue


def test_a_misspelt_surname_and_a_longer_bank_name(knowledge: Knowledge) -> None:
    reports = {
        "a": "Founder arrested\n\nSam Kestrel-Vane was arrested in Nassau, police said.",
        "b": "Founder in court\n\nKestrel-Vaine said he would fight the charges.",
        "c": "Banks fail\n\nKorsby Signet Bank collapsed, and regulators set up Korsby Signet "
        "Bridge Bank to take its deposits. Korsby Signet Bank said it regretted the loss.",
    }
    raws = [RawArticle(f"{stem}.txt", stem, text) for stem, text in reports.items()]
    corpus = build_corpus([extract(raw, knowledge) for raw in raws], knowledge)
    people = _pages_naming(corpus, "Kestrel")
    assert len(people) == 1 and corpus.actor_articles[people[0]] == ("a", "b"), people
    banks = _pages_naming(corpus, "Signet")
    assert len(banks) == 2, banks  # the bridge bank is another bank
