"""Cut raw article text into a date marker, headline, body blocks and a trailing source line."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.knowledge import Language
from generator.models import Block

_DATE_MARKER = re.compile(r"\A\s*date\s+(\d{4})-(\d{1,2})-(\d{1,2})\b[ \t]*")
_TERMINAL = re.compile(r"""[.!?…:;,]["'”’»)\]]*$""")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
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
    source_line: str | None  # the outlet named by a trailing "Source: X" line


def parse_text(text: str, language: Language) -> ParsedText:
    """Split raw text into its parts; every character of prose ends up in exactly one part."""
    marker_date, marker_text, text = _strip_date_marker(text)
    lines = _logical_lines(text)
    headline = None
    if lines and _is_headline(lines):
        headline = lines.pop(0)
    source_line = None
    if lines:
        source_line = _source_of(lines[-1], language)
    blocks = tuple(_classify(lines, i, language, source_line) for i in range(len(lines)))
    return ParsedText(marker_date, marker_text, headline, blocks, source_line)


def _strip_date_marker(text: str) -> tuple[dt.date | None, str | None, str]:
    match = _DATE_MARKER.match(text)
    if not match:
        return None, None, text
    year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day), None, text[match.end() :]
    except ValueError:
        return None, match.group(0).strip(), text[match.end() :]


def _normalise(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def _logical_lines(text: str) -> list[str]:
    """Return the text's paragraphs-or-headings, re-joining lines that were hard-wrapped."""
    raw = [_normalise(line) for line in text.split("\n")]
    width = max((len(line) for line in raw), default=0)
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


def _continues(previous: str, line: str, width: int) -> bool:
    """Tell whether `line` continues a hard-wrapped `previous` line of the same paragraph."""
    if _TERMINAL.search(previous):
        return False
    if line[0].islower() or line[0] in ",;:)]":
        return True
    return len(previous) >= 60 and len(previous) >= 0.8 * width


def _is_headline(lines: list[str]) -> bool:
    """Tell whether the first line is a headline rather than the lead sentence."""
    first = lines[0]
    if len(lines) < 2 or len(first.split()) > _HEADLINE_MAX_WORDS:
        return False
    return not re.search(r"""[.!?;,:]["'”’»)\]]*$""", first) or first.endswith("?")


def _source_of(line: str, language: Language) -> str | None:
    for label in language.source_labels:
        match = re.match(rf"{re.escape(label)}\s*:\s*(\S.{{0,80}})$", line, re.IGNORECASE)
        if match:
            return match.group(1).rstrip(" .")
    return None


def _classify(lines: list[str], i: int, language: Language, source_line: str | None) -> Block:
    line = lines[i]
    if i == len(lines) - 1 and source_line is not None:
        return Block("source", line)
    if credit_of(line, language) is not None:
        return Block("caption", line)
    if 0 < i < len(lines) - 1 and _looks_like_heading(line):
        return Block("heading", line)
    return Block("paragraph", line)


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    if len(words) > _HEADING_MAX_WORDS or len(line) > _HEADING_MAX_CHARS or len(words) < 2:
        return False
    if _TERMINAL.search(line) or line.endswith("?"):
        return False
    return line[0].isupper() or line[0] in "\"'“‘"


def credit_of(line: str, language: Language) -> str | None:
    """Return the credit named at the end of a photo caption line, or None if it has none."""
    for pattern in language.photo_credits:
        before, _, after = pattern.partition("{credit}")
        regex = rf"{re.escape(before)}([^()\n]{{1,60}}?){re.escape(after)}\s*$"
        match = re.search(regex, line)
        if match:
            return match.group(1).strip()
    return None
