"""The index's participant keys read a sentence exactly as extraction does, set order included."""

from __future__ import annotations

import random
import re

from generator.extract.events import event_types, participant_keys
from generator.index import event_items
from generator.knowledge import Knowledge
from tests.conftest import CORPUS, SEEDS

EDGES = [
    "",
    "A B C",
    "Russia's and Ukraine’s envoys met in Kyiv's centre.",
    "The U.S.-Mexico talks: O'Neill, al-Sisi and McDonald's staff.",
    "aB-Cd x-Yz 'Quoted' “Curly” Éire Zürich ÅLAND 's ’s X's",
    "The Senate voted.\nThe President's veto\n",
]


def test_same_keys_as_extraction(knowledge: Knowledge) -> None:
    types = event_types(knowledge)
    lines = [
        line
        for folder in (SEEDS, CORPUS)
        for path in sorted(folder.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert len(lines) > 100
    for sentence in [*EDGES, *lines]:
        expected = participant_keys(sentence, types)
        found = event_items.participant_keys(sentence, types.stopwords)
        assert list(found) == list(expected), sentence  # the same set, iterated alike


def test_capitalised_words_found_alike() -> None:
    extraction = re.compile(r"\b[A-Z][\w’'-]*\w")  # extract.events.participant_keys's pattern
    rng = random.Random(5)
    alphabet = list("aBZ_9-’'éÉÀxY., İ\n")
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert event_items.CAPITALISED.findall(text) == extraction.findall(text), repr(text)
