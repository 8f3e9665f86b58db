"""Generate a headline-like title from an article's lead sentence."""

from __future__ import annotations

import re

from generator.knowledge import Language

MAX_TITLE = 90
MIN_TITLE = 30
_QUOTES = '"“”«»'
_LEADING_CLAUSE = re.compile(r"^[A-Z]\w+ing\b[^,]{3,120}?,\s+(?=[A-Z])")  # "Slamming a new ..., X"
_ARTICLE = re.compile(r"^(The|A|An)\s+(?=[A-Z])")


def generate_title(lead: str, language: Language) -> str:
    """Shorten a lead sentence to a title of at most ~90 characters, cut between words."""
    text = _drop_time_adverbials(lead, language)
    text = _LEADING_CLAUSE.sub("", text)
    text = _ARTICLE.sub("", text)
    text = text.rstrip(" .;:,")
    text = re.sub(r"""[.,;:]+(?=["'”’]*$)""", "", text)
    text = text[:1].upper() + text[1:]
    if len(text) <= MAX_TITLE and _balanced(text):
        return text
    return _cut(text, language)


def _drop_time_adverbials(text: str, language: Language) -> str:
    for adverbial in language.time_adverbials:
        options = [adverbial]
        if "{weekday}" in adverbial:
            options = [adverbial.replace("{weekday}", day.title()) for day in language.weekdays]
        for option in options:
            if option in text:  # the pattern needs the words as written
                text = re.sub(rf"(?<=\w)\s+{re.escape(option)}\b(?=\s+\w)", "", text, count=1)
    return re.sub(r"\s{2,}", " ", text).strip()


def _balanced(text: str) -> bool:
    opened = text.count("“") + text.count("«")
    closed = text.count("”") + text.count("»")
    return opened == closed and text.count('"') % 2 == 0


def _reads_whole(prefix: str, language: Language) -> bool:
    """Tell whether a cut-off title still reads as a whole: quotes closed, no dangling word."""
    last = prefix.rsplit(" ", 1)[-1]
    if last[-1:] in "\"”’'»":
        return False
    return _balanced(prefix) and last.casefold() not in language.title_bad_endings


def _cut(text: str, language: Language) -> str:
    """Cut at the latest clause or phrase break that leaves a balanced title within the limit."""
    best = ""
    for marker in language.title_breaks:
        start = 0
        while (at := text.find(marker, start)) != -1:
            start = at + 1
            prefix = text[:at].rstrip(" ,;:–—")
            if MIN_TITLE <= len(prefix) <= MAX_TITLE and len(prefix) > len(best):
                best = prefix if _reads_whole(prefix, language) else best
    if best:
        return best
    words = text[: MAX_TITLE - 1].rsplit(" ", 1)[0].rstrip(" ,;:–—")
    return words.strip(_QUOTES) + "…"
