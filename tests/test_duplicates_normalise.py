"""The byte-table shortcut for ASCII text normalises exactly as the regular expressions do."""

from __future__ import annotations

import random
import re
import unicodedata

from generator.extract.fingerprint import normalise
from tests.conftest import CORPUS, SEEDS


def reference(text: str) -> str:
    """Return normalise(text) by the general rule, for any text."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]+", " ", text)).strip()


def test_random_ascii_text() -> None:
    rng = random.Random(3)
    alphabet = [chr(c) for c in range(128)]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert normalise(text) == reference(text), repr(text)


def test_corpus_text() -> None:
    for folder in (SEEDS, CORPUS):
        for path in sorted(folder.glob("*.txt")):
            for line in path.read_text(encoding="utf-8").splitlines():
                assert normalise(line) == reference(line), line
