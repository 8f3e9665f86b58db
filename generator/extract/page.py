"""Mark which lines of a copied web page are furniture around the story, and of what kind."""

from __future__ import annotations

from generator.extract.date_lines import date_line
from generator.extract.furniture import (
    Furniture,
    copyright_outlet,
    credit_of,
    is_byline,
    is_caption_label,
    is_junk,
    is_kicker,
    is_list_item,
    is_relative_time,
    is_short_line,
    is_trailer,
    is_trailer_line,
    signoff_outlet,
    source_of,
)
from generator.knowledge import Language
from generator.models import BlockKind

# A role or a place printed under a byline ("Business reporter", "BBC News, Kyiv").
_BYLINE_TAIL_WORDS = 5
# A date alone on one of the text's first lines is its date even below a standfirst.
TOP_LINES = 8


def classify_lines(
    lines: list[str], language: Language, furniture: Furniture
) -> list[BlockKind | None]:
    """Return each line's furniture kind ("meta", "caption", "source"), or None for the story.

    The header runs from the top to the first line of prose (a title printed again or a menu
    item does not end it): there a date alone on its line, a byline and what follows it are
    furniture. Further down only lines that cannot be prose are.
    """
    kinds: list[BlockKind | None] = []
    header, after_byline, in_trailer = True, False, False
    for n, line in enumerate(lines):
        trailer = is_trailer(line, furniture)
        kind = _kind(line, language, furniture, (header, n < TOP_LINES), trailer)
        if kind is None and header and after_byline and _byline_tail(line, language, furniture):
            kind = "meta"
        if kind is None and in_trailer and is_trailer_line(line):
            kind = "meta"
        in_trailer = trailer or (in_trailer and kind == "meta")
        after_byline = header and (after_byline or is_byline(line, furniture))
        header = header and (kind is not None or is_short_line(line))
        kinds.append(kind)
    _mark_closing_lines(lines, kinds, language, furniture)
    return kinds


def _kind(
    line: str,
    language: Language,
    furniture: Furniture,
    where: tuple[bool, bool],
    trailer: bool,
) -> BlockKind | None:
    """Return the furniture kind of one line; `where` tells whether it is in the header and
    among the text's first lines, `trailer` whether is_trailer(line)."""
    header, top = where
    if is_caption_label(line, furniture):
        return "caption"
    if trailer or is_junk(line, furniture):
        return "meta"
    if is_relative_time(line, furniture):
        return "meta"
    dated = date_line(line, language, furniture)
    if dated is not None and (header or top or dated.label is not None):
        return "meta"
    if not header:
        return None
    if is_byline(line, furniture) or is_kicker(line, furniture):
        return "meta"
    if source_of(line, language) is not None:
        return "source"
    if credit_of(line, language) is not None:
        return "caption"
    return None


def _byline_tail(line: str, language: Language, furniture: Furniture) -> bool:
    """Tell whether a short line under a byline is the author's role or place."""
    words = line.split()
    if len(words) > _BYLINE_TAIL_WORDS or is_list_item(line) or line[-1:] in ".!?:;":
        return False
    return not source_of(line, language)


def _mark_closing_lines(
    lines: list[str], kinds: list[BlockKind | None], language: Language, furniture: Furniture
) -> None:
    """Mark the source, sign-off and copyright lines that close the text, under its last prose."""
    for i in range(len(lines) - 1, -1, -1):
        if kinds[i] is not None:
            continue
        line = lines[i]
        closing = (
            source_of(line, language)
            or signoff_outlet(line, furniture)
            or copyright_outlet(line, furniture)
        )
        if not closing:
            return
        kinds[i] = "source"
