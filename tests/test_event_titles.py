"""Event titles read like headlines: an actor or a type noun, a verb, a clean object phrase."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.extract import extract
from generator.extract.events.kinds import event_types
from generator.index import build_corpus
from generator.index.events.titles import MAX_TITLE, event_title
from generator.knowledge import Knowledge
from generator.models import Corpus, DateInfo, Event, EventMention
from generator.read import read_articles
from tests.conftest import CORPUS, ROOT, SEEDS

FOLDERS = {"seeds": SEEDS, "corpus": CORPUS, "cases": ROOT / "tests" / "cases" / "events"}
FUNCTION_WORDS = frozenset(
    re.split(
        r"\s+",
        "a an the of to in on at for by with from and or but that which who "
        "so-called its their his her this these those any some new as is was were has had have",
    )
)


@pytest.fixture(scope="module", params=sorted(FOLDERS))
def built(request: pytest.FixtureRequest, knowledge: Knowledge) -> Corpus:
    folder: Path = FOLDERS[request.param]
    raws = [r for r in read_articles(folder).articles if r.source.endswith(".txt")]
    return build_corpus([extract(raw, knowledge) for raw in raws], knowledge)


def _starts(event: Event, corpus: Corpus, knowledge: Knowledge) -> list[str]:
    """Return what a title may open with: a participant's name, the type's label, or the
    words the clause that states it opens with in a sentence reporting it."""
    kind = event_types(knowledge).get(event.type)
    openers = [kind.label if kind else event.type]
    for ref in event.articles:
        article = corpus.article_by_id[ref.article_id]
        for mention in article.event_mentions:
            if mention.sentence in ref.sentences and mention.headline:
                words = mention.headline.split()
                sentence = article.sentences[mention.sentence].casefold()
                assert words[0].casefold() in sentence, mention.headline
                openers.append(" ".join(words[:2]))
    openers += [corpus.actors[a].name for a in event.actors if a in corpus.actors]
    surfaces = {
        m.surface
        for ref in event.articles
        for m in corpus.article_by_id[ref.article_id].actor_mentions
        if m.actor_id in event.actors
    }
    return openers + sorted(surfaces)


def test_every_title_reads_like_a_headline(built: Corpus, knowledge: Knowledge) -> None:
    assert built.events
    for event in built.events.values():
        title = event.title
        assert 8 <= len(title) <= MAX_TITLE, title
        assert ":" not in title, f"a raw sentence, not a headline: {title}"
        last = re.findall(r"[\w’'-]+", title)[-1]
        assert last.casefold() not in FUNCTION_WORDS, f"ends on a function word: {title}"
        assert title.count('"') % 2 == 0 and title.count("“") == title.count("”"), title
        assert any(title.startswith(o) for o in _starts(event, built, knowledge)), title


def _report(sentence: str, trigger: str, actors: tuple[str, ...]) -> tuple[str, EventMention, str]:
    date = DateInfo(dt.date(2024, 5, 6), "explicit", "on Monday", "day")
    mention = EventMention("recognition", 0, date, actors, trigger=trigger, role="reports")
    return sentence, mention, actors[0]


def test_an_object_cut_by_a_quotation_keeps_the_short_quote_or_nothing(
    knowledge: Knowledge,
) -> None:
    types = event_types(knowledge)
    names = {"ruritania": "Ruritania"}
    short = _report(
        'Ruritania on Monday recognised the so-called "Republic of Borduria" as a state.',
        "recognised",
        ("ruritania",),
    )
    title = event_title("recognition", [short], names, types)
    assert title in (
        "Ruritania recognises the so-called Republic of Borduria",
        "Recognition by Ruritania",
    )
    long = _report(
        'Ruritania recognised the so-called "free and sovereign republic of the eastern '
        'highlands and its seven provinces" on Monday.',
        "recognised",
        ("ruritania",),
    )
    assert event_title("recognition", [long], names, types) == "Recognition by Ruritania"


def test_a_one_word_clause_is_no_object(knowledge: Knowledge) -> None:
    types = event_types(knowledge)
    date = DateInfo(dt.date(2024, 5, 6), "explicit", "on Monday", "day")
    mention = EventMention(
        "agreement", 0, date, ("ruritania", "borduria"), trigger="agreed on", role="reports"
    )
    sentence = "Ruritania and Borduria agreed on Monday to continue to work on the border."
    title = event_title(
        "agreement",
        [(sentence, mention, None)],
        {"ruritania": "Ruritania", "borduria": "Borduria"},
        types,
    )
    assert title == "Ruritania and Borduria reach an agreement"


def test_nobody_named_gives_the_type_and_a_place_or_date(knowledge: Knowledge) -> None:
    types = event_types(knowledge)
    date = DateInfo(dt.date(2024, 5, 6), "explicit", "on Monday", "day")
    protest = EventMention("protest", 0, date, trigger="held a protest", role="reports")
    sentence = "Thousands of farmers held a protest in Zenda on Monday against the new tax."
    assert event_title("protest", [(sentence, protest, None)], {}, types) == "Protest in Zenda"
    quiet = EventMention("ruling", 0, date, trigger="ruled", role="reports")
    title = event_title("ruling", [("The judges ruled.", quiet, None)], {}, types, date)
    assert title == "Ruling of 6 May 2024"


def test_a_statement_is_titled_by_what_was_said(knowledge: Knowledge) -> None:
    types = event_types(knowledge)
    names = {"korsby-port-authority": "Korsby Port Authority"}
    date = DateInfo(dt.date(2024, 5, 7), "explicit", "on Tuesday", "day")

    def title(sentence: str, trigger: str) -> str:
        mention = EventMention(
            "statement", 0, date, ("korsby-port-authority",), trigger=trigger, role="reports"
        )
        return event_title("statement", [(sentence, mention, None)], names, types)

    before = "Divers have found the ferry's engine room, the Korsby Port Authority said on Tuesday."
    assert title(before, "said on Tuesday") == (
        "Korsby Port Authority says Divers have found the ferry's engine room"
    )
    quoted = '"We will reopen the harbour on Friday," the Korsby Port Authority said on Tuesday.'
    assert title(quoted, "said on Tuesday") == (
        "Korsby Port Authority says “We will reopen the harbour”"
    )
    after = "The Korsby Port Authority said on Tuesday that the pier had been repaired."
    assert (
        title(after, "said on Tuesday") == "Korsby Port Authority says the pier had been repaired"
    )
    nothing = "The Korsby Port Authority said on Tuesday."
    assert title(nothing, "said on Tuesday") == "Korsby Port Authority makes a statement"


def _lead_titles(knowledge: Knowledge, lead: str) -> list[str]:
    from generator.models import RawArticle

    text = f"Probe news\n\nLAUREL, Sept. 27, 2022 - {lead}\n"
    article = extract(RawArticle("p.txt", "p", text), knowledge)
    return [e.headline or "" for e in article.event_mentions]


def test_a_long_subject_is_not_cut_inside_a_name(knowledge: Knowledge) -> None:
    titles = _lead_titles(
        knowledge,
        "Mission control at the Halden Institute of Orbital Physics in Laurel, Maryland, "
        "announced the arrival of the probe.",
    )
    assert any("Halden Institute of Orbital Physics announced" in t for t in titles), titles


def test_a_title_does_not_end_on_an_adjective(knowledge: Knowledge) -> None:
    titles = _lead_titles(
        knowledge,
        "Mission control at the Johns Hopkins Applied Physics Laboratory in Laurel, Maryland, "
        "announced the successful impact of the probe.",
    )
    assert titles and not [t for t in titles if t.endswith(" successful")], titles


def test_a_verb_after_an_apposition_takes_the_sentences_subject(knowledge: Knowledge) -> None:
    titles = _lead_titles(
        knowledge,
        "Former Nordcoin executive Lena Holt, the star witness against Ivo Brandt, took the "
        "stand on Tuesday and accused him of orchestrating fraud at the exchange.",
    )
    assert any(t.startswith("Former Nordcoin executive Lena Holt accused him") for t in titles), (
        titles
    )
