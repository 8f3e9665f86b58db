"""Split paragraphs into sentences without losing a character."""

from __future__ import annotations

import re

from generator.knowledge import Language

# A sentence ends at . ! ? (or …), optionally followed by closing quotes/brackets, then space.
_END = re.compile(r"""([.!?…]+["'”’»)\]]*)\s+(?=["'“‘«(\[]?[A-Z0-9İÀ-ÖØ-Þ])""")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def split_sentences(text: str, language: Language) -> list[str]:
    """Split a paragraph into sentences; joined by spaces they give the paragraph back."""
    sentences: list[str] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end(1)
        if match.group(1) == "." and _is_abbreviation(text[start : match.start(1)], language):
            continue
        sentence = text[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def _is_abbreviation(before: str, language: Language) -> bool:
    """Tell whether the word just before a period is an abbreviation or an initial."""
    match = _WORD_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1)
    if re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word):  # initials: "John F. Kennedy", "M.K. Stalin"
        return True
    return word in language.abbreviations or word.rstrip(".") in language.abbreviations
