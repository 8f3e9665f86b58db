"""Split paragraphs into sentences without losing a character."""

from __future__ import annotations

import re

from generator.knowledge import Language

# A sentence ends at . ! ? (or …), optionally followed by closing quotes/brackets, then space.
_END = re.compile(r"""([.!?…]+["'”’»)\]]*)\s+(?=["'“‘«(\[]?[A-Z0-9İÀ-ÖØ-Þ])""")
_WORD = re.compile(r"[\w.]+")
_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")


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
    word = _last_word(before)
    if not word:
        return False
    if _INITIALS.fullmatch(word):  # initials: "John F. Kennedy", "M.K. Stalin"
        return True
    return word in language.abbreviations or word.rstrip(".") in language.abbreviations


def _last_word(text: str) -> str:
    """Return what `([\\w.]+)$` finds in `text`: its last run of word characters and periods.

    Searching for it tries every position of the text; matching the reversed text from its
    start finds the same run at once. Like $, it lets one newline end the text.
    """
    end = len(text) - 1 if text.endswith("\n") else len(text)
    run = _WORD.match(text[:end][::-1])
    return run.group()[::-1] if run else ""
