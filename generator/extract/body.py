"""Cut raw article text into a date marker, headline, body blocks and a trailing source line."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.extract.date_lines import DateLine, date_line
from generator.extract.furniture import (
    Dateline,
    Furniture,
    copyright_outlet,
    credit_of,
    dateline_of,
    furniture_of,
    is_byline,
    is_list_item,
    signoff_outlet,
    source_of,
)
from generator.extract.page import classify_lines
from generator.knowledge import Language
from generator.models import Block, BlockKind

_DATE_MARKER = re.compile(r"\A\s*date\s+(\d{4})-(\d{1,2})-(\d{1,2})\b[ \t]*")
_TERMINAL = re.compile(r"""[.!?…:;,]["'”’»)\]]*$""")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# The runs of _SPACES that are not already one plain space: the only ones replacing changes.
_ODD_SPACES = re.compile(
    r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}"
    r"|[\t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]"
)
_HEADING_MAX_WORDS = 14
_HEADING_MAX_CHARS = 100
_HEADLINE_MAX_WORDS = 25


@dataclass(frozen=True, slots=True)
class ParsedText:
    """The parts of a raw text, before any meaning is extracted."""

    marker_date: dt.date | None
    marker_text: str | None  # the marker as written, when it was not a valid date
    headline: str | None
    blocks: tuple[Block, ...]
    source_line: str | None  # the outlet named by a "Source: X" line
    date_lines: tuple[DateLine, ...] = ()  # "Published: 14 March 2023" and the like
    dateline: Dateline | None = None  # "WASHINGTON, March 3 (Reuters) - " opening the lead
    credit_lines: tuple[str, ...] = ()  # outlets named by a closing sign-off ("— AFP")
    copyright_lines: tuple[str, ...] = ()  # publishers named by a copyright line
    bylines: tuple[str, ...] = ()  # "By Jane Doe" and the line under it ("BBC News, Kyiv")
    lead: str = ""  # the lead paragraph: the first a dateline opens, else the first


def parse_text(text: str, language: Language) -> ParsedText:
    """Split raw text into its parts; every character of prose ends up in exactly one part."""
    marker_date, marker_text, text = _strip_date_marker(text)
    furniture = furniture_of(language)
    lines = _logical_lines(text)
    kinds = classify_lines(lines, language, furniture)
    headline = None
    first = next((i for i, kind in enumerate(kinds) if kind is None), len(lines))
    if first < len(lines) and _is_headline(lines[first:]):
        headline = lines.pop(first)
        kinds = classify_lines(lines, language, furniture)
    blocks = _blocks(lines, kinds, language)
    lead, dateline = _lead(blocks, furniture)
    return ParsedText(
        marker_date,
        marker_text,
        headline,
        blocks,
        _source_line(blocks, language),
        _date_lines(blocks, language, furniture),
        dateline,
        _closing_names(blocks, furniture, signoff_outlet),
        _closing_names(blocks, furniture, copyright_outlet),
        _bylines(blocks, furniture),
        lead,
    )


# How many paragraphs may stand above the one a dateline opens: a page's furniture (a
# disclaimer, a repeated title, an editor's note) before the story.
LEAD_SEARCH = 5


def _lead(blocks: tuple[Block, ...], furniture: Furniture) -> tuple[str, Dateline | None]:
    """Return the lead paragraph and its dateline: the first of the opening paragraphs that
    a dateline opens, else the first paragraph."""
    paragraphs = [b.text for b in blocks if b.kind == "paragraph"]
    for text in paragraphs[:LEAD_SEARCH]:
        dateline = dateline_of(text, furniture)
        if dateline is not None:
            return text, dateline
    return (paragraphs[0] if paragraphs else ""), None


def _strip_date_marker(text: str) -> tuple[dt.date | None, str | None, str]:
    """Return the "date YYYY-MM-DD" marker opening a text, or the line after its headline
    (a page's title pasted above what a search tool printed), and the text without it."""
    head, match = "", _DATE_MARKER.match(text)
    if not match:
        first, newline, rest = text.partition("\n")
        match = _DATE_MARKER.match(rest) if newline and first.strip() else None
        if not match:
            return None, None, text
        head, text = first + newline, rest
    year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day), None, head + text[match.end() :]
    except ValueError:
        return None, match.group(0).strip(), head + text[match.end() :]


def _normalise(line: str) -> str:
    """Return the line with each run of spaces made one space, stripped.

    Only runs other than a single plain space change, so only they are replaced: a line has
    one per word otherwise.
    """
    if _single_spaced(line):
        return line.strip()  # the common line: no run to replace
    return _ODD_SPACES.sub(" ", line).strip()


def _single_spaced(line: str) -> bool:
    """Tell whether an ASCII line's spaces are single plain spaces (no tab, no run of two)."""
    ascii_other = "\t" in line or "\f" in line or "\v" in line
    return line.isascii() and "  " not in line and not ascii_other


def _logical_lines(text: str) -> list[str]:
    """Return the text's paragraphs-or-headings, re-joining lines that were hard-wrapped."""
    raw = [_normalise(line) for line in text.splitlines()]
    width = _wrap_width(raw)
    lines: list[str] = []
    joinable = False
    for line in raw:
        if not line:
            joinable = False
            continue
        if joinable and _continues(lines[-1], line, width):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
        joinable = True
    return lines


# Lines of a hard-wrapped text reach near its width, and many do: at least this many, and
# this share of its lines that have text.
WRAPPED_LINES = 3
WRAPPED_SHARE = 0.3


def _wrap_width(lines: list[str]) -> int:
    """Return the width a text was hard-wrapped at, or 0 when its lines are not wrapped (a
    web page's paragraphs, one a line, of any length: a long caption is not cut off)."""
    width = max((len(line) for line in lines), default=0)
    filled = [line for line in lines if line]
    full = sum(len(line) >= 0.8 * width for line in filled)
    return (
        width
        if full >= min(WRAPPED_LINES, len(filled)) and full >= WRAPPED_SHARE * len(filled)
        else 0
    )


def _continues(previous: str, line: str, width: int) -> bool:
    """Tell whether `line` continues a hard-wrapped `previous` line of the same paragraph."""
    if _TERMINAL.search(previous) or is_list_item(line):
        return False
    if line[0].islower() or line[0] in ",;:)]":
        return True
    return bool(width) and len(previous) >= 60 and len(previous) >= 0.8 * width


def _is_headline(lines: list[str]) -> bool:
    """Tell whether the first line is a headline rather than the lead sentence."""
    first = lines[0]
    if len(lines) < 2 or len(first.split()) > _HEADLINE_MAX_WORDS or is_list_item(first):
        return False
    return not re.search(r"""[.!?;,:]["'”’»)\]]*$""", first) or first.endswith("?")


def _blocks(
    lines: list[str], kinds: list[BlockKind | None], language: Language
) -> tuple[Block, ...]:
    """Return one block per line: furniture as classified, the rest as prose, heading or caption."""
    content = [i for i, kind in enumerate(kinds) if kind is None]
    last = content[-1] if content else -1
    blocks: list[Block] = []
    after_prose = False
    for i, line in enumerate(lines):
        kind = kinds[i]
        if kind is None:
            following = lines[i + 1] if i + 1 < len(lines) else ""
            kind = _content_kind(line, following, language, after_prose and i != last)
        after_prose = after_prose or kind == "paragraph"
        blocks.append(Block(kind, line))
    return tuple(blocks)


def _content_kind(line: str, following: str, language: Language, may_head: bool) -> BlockKind:
    if credit_of(line, language) is not None:
        return "caption"
    if may_head and _looks_like_heading(line, is_list_item(following)):
        return "heading"
    return "paragraph"


def _looks_like_heading(line: str, before_list: bool) -> bool:
    words = line.split()
    if len(words) > _HEADING_MAX_WORDS or len(line) > _HEADING_MAX_CHARS or is_list_item(line):
        return False
    if len(words) < 2 and not (before_list and line.isalpha()):  # "Timeline" over a list
        return False
    if _TERMINAL.search(line) or line.endswith("?"):
        return False
    return line[0].isupper() or line[0] in "\"'“‘"


def _date_lines(
    blocks: tuple[Block, ...], language: Language, furniture: Furniture
) -> tuple[DateLine, ...]:
    found = (date_line(b.text, language, furniture) for b in blocks if b.kind == "meta")
    return tuple(d for d in found if d is not None)


def _bylines(blocks: tuple[Block, ...], furniture: Furniture) -> tuple[str, ...]:
    """Return the byline lines of the header, each with the furniture line right under it."""
    found: list[str] = []
    for i, block in enumerate(blocks):
        if block.kind == "paragraph":
            break
        if block.kind == "meta" and is_byline(block.text, furniture):
            found += [b.text for b in blocks[i : i + 2] if b.kind == "meta"]
    return tuple(dict.fromkeys(found))


def _source_line(blocks: tuple[Block, ...], language: Language) -> str | None:
    sources = (source_of(b.text, language) for b in blocks if b.kind == "source")
    return next((s for s in sources if s), None)


def _closing_names(
    blocks: tuple[Block, ...], furniture: Furniture, name_of: Callable[[str, Furniture], str | None]
) -> tuple[str, ...]:
    """Return the names that closing source lines give, read with `name_of`, last line first."""
    found = (name_of(b.text, furniture) for b in reversed(blocks) if b.kind == "source")
    return tuple(name for name in found if name)


__all__ = ["ParsedText", "credit_of", "parse_text", "source_of"]
