"""Participant keys: the capitalised names of a sentence, as extraction and clustering read them."""

from __future__ import annotations

import random
import re

import pytest

from generator.extract.events import participants
from generator.extract.events.kinds import event_types
from generator.extract.events.participants import names_in, participant_keys
from generator.knowledge import Knowledge


@pytest.mark.parametrize(
    ("sentence", "keys"),
    [
        ("Ties worsened.", set()),
        ("Shares in Nordlys fell 3.2% on Tuesday.", {"nordlys"}),
        ("Poland summoned the envoy.", {"poland"}),
        ("“Talks failed,” Marek Nowak said in Warsaw.", {"marek", "nowak", "warsaw"}),
        ("Russia's and Ukraine’s envoys met in Kyiv's centre.", {"russia", "ukraine", "kyiv"}),
        ("The U.S.-Mexico talks: O'Neill and McDonald's staff.", {"mexico", "o'neill", "mcdonald"}),
    ],
)
def test_names_of_a_sentence(knowledge: Knowledge, sentence: str, keys: set[str]) -> None:
    types = event_types(knowledge)
    assert set(participant_keys(sentence, types)) == keys
    assert names_in(sentence, types.stopwords) == participant_keys(sentence, types)


def test_capitalised_words_found_as_with_a_word_boundary() -> None:
    plain = re.compile(r"\b[A-Z][\w’'-]*\w")
    rng = random.Random(5)
    alphabet = list("aBZ_9-’'éÉÀxY., İ\n")
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert participants.CAPITALISED.findall(text) == plain.findall(text), repr(text)
