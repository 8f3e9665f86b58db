"""Recognise the web-page lines users copy along with a story: kickers, bylines, junk, credits."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from generator.knowledge import Language

# Furniture is short: a longer line is prose even when it starts like a byline ("By 2030, ...").
MAX_FURNITURE_WORDS = 14
MAX_JUNK_WORDS = 30
# A line of a contact block or a topic list after a trailer label.
MAX_TRAILER_WORDS = 8
_TERMINAL = re.compile(r"""[.!?…]["'”’»)\]]*$""")
_LIST_ITEM = re.compile(r"^(?:[-–•*·▪◦‣]|\d{1,2}[.)])\s+\S")


@dataclass(frozen=True, slots=True)
class Furniture:
    """The compiled patterns of `page_furniture` in language.yaml."""

    kickers: tuple[re.Pattern[str], ...]
    bylines: tuple[re.Pattern[str], ...]
    relative_times: tuple[re.Pattern[str], ...]
    junk: tuple[re.Pattern[str], ...]
    trailers: tuple[re.Pattern[str], ...]
    caption_labels: tuple[re.Pattern[str], ...]
    signoffs: tuple[re.Pattern[str], ...]
    copyrights: tuple[re.Pattern[str], ...]
    datelines: tuple[re.Pattern[str], ...]
    published_labels: tuple[str, ...]
    updated_labels: tuple[str, ...]


def furniture_of(language: Language) -> Furniture:
    """Return the compiled furniture patterns of a language (compiled once)."""
    data = language.page_furniture
    return _compile(tuple(sorted((k, tuple(v)) for k, v in data.items())))


@cache
def _compile(items: tuple[tuple[str, tuple[str, ...]], ...]) -> Furniture:
    data: Mapping[str, tuple[str, ...]] = dict(items)

    def patterns(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in data.get(key, ()))

    def labels(key: str) -> tuple[str, ...]:
        return tuple(sorted((w.casefold() for w in data.get(key, ())), key=len, reverse=True))

    return Furniture(
        kickers=patterns("kickers"),
        bylines=patterns("bylines"),
        relative_times=patterns("relative_times"),
        junk=patterns("junk"),
        trailers=patterns("trailers"),
        caption_labels=patterns("caption_labels"),
        signoffs=patterns("signoffs"),
        copyrights=patterns("copyrights"),
        datelines=patterns("datelines"),
        published_labels=labels("published_labels"),
        updated_labels=labels("updated_labels"),
    )


def _full(patterns: tuple[re.Pattern[str], ...], line: str) -> re.Match[str] | None:
    return next((m for p in patterns if (m := p.fullmatch(line.strip())) is not None), None)


def is_list_item(line: str) -> bool:
    """Tell whether a line is an item of a bulleted or numbered list."""
    return _LIST_ITEM.match(line) is not None


def is_kicker(line: str, furniture: Furniture) -> bool:
    """Tell whether a line is a section label printed above a headline ("OPINION")."""
    return _full(furniture.kickers, line) is not None


def is_short_line(line: str) -> bool:
    """Tell whether a line is too short to be prose and ends without a sentence's stop: a
    title, a label or a page's menu item ("Current track", a headline printed again)."""
    return len(line.split()) <= MAX_FURNITURE_WORDS and not _TERMINAL.search(line)


def is_byline(line: str, furniture: Furniture) -> bool:
    """Tell whether a line names the author ("By Jane Doe"), not a sentence ("By 2030, ...")."""
    return is_short_line(line) and _full(furniture.bylines, line) is not None


def is_relative_time(line: str, furniture: Furniture) -> bool:
    """Tell whether a line only says how long ago the page was written ("2 hours ago")."""
    return _full(furniture.relative_times, line) is not None


def is_junk(line: str, furniture: Furniture) -> bool:
    """Tell whether a line is page furniture: share buttons, ads, links, credits, rules."""
    return len(line.split()) <= MAX_JUNK_WORDS and _full(furniture.junk, line) is not None


def is_trailer(line: str, furniture: Furniture) -> bool:
    """Tell whether a line opens a block of short furniture lines ("Contact:", "Related Topics")."""
    return _full(furniture.trailers, line) is not None


def is_trailer_line(line: str) -> bool:
    """Tell whether a line can belong to a contact block or a topic list."""
    return len(line.split()) <= MAX_TRAILER_WORDS and not _TERMINAL.search(line)


def is_caption_label(line: str, furniture: Furniture) -> bool:
    """Tell whether a line is a labelled photo caption ("Image caption, Farmers in ...")."""
    return _full(furniture.caption_labels, line) is not None


def signoff_outlet(line: str, furniture: Furniture) -> str | None:
    """Return the agency named by a wire story's sign-off line ("— AFP"), if it is one."""
    match = _full(furniture.signoffs, line)
    return match.group("outlet").strip() if match else None


def copyright_outlet(line: str, furniture: Furniture) -> str | None:
    """Return the publisher named by a copyright line ("© 2021 Lakeside Herald.")."""
    match = _full(furniture.copyrights, line)
    return match.group("outlet").strip() if match else None


@dataclass(frozen=True, slots=True)
class Dateline:
    """The opening of a wire story: "WASHINGTON, March 3 (Reuters) - "."""

    text: str
    place: str
    date: str | None
    outlet: str | None


def dateline_of(paragraph: str, furniture: Furniture) -> Dateline | None:
    """Return the dateline a lead paragraph opens with, or None."""
    for pattern in furniture.datelines:
        match = pattern.match(paragraph)
        if match and match.end() < len(paragraph):
            groups = match.groupdict()
            return Dateline(
                text=match.group(0),
                place=(groups.get("place") or "").strip(),
                date=(groups.get("date") or "").strip() or None,
                outlet=(groups.get("outlet") or "").strip() or None,
            )
    return None


def source_of(line: str, language: Language) -> str | None:
    """Return the outlet a "Source: X" line names, or None if the line is not one."""
    for label in language.source_labels:
        match = _source_pattern(label).match(line)
        if match:
            return match.group(1).rstrip(" .")
    return None


def credit_of(line: str, language: Language) -> str | None:
    """Return the credit named at the end of a photo caption line, or None if it has none."""
    for template in language.photo_credits:
        match = _credit_pattern(template).search(line) if _needle(template) in line else None
        if match:
            return match.group(1).strip()
    return None


@cache
def _source_pattern(label: str) -> re.Pattern[str]:
    """Return the pattern of a "Source: X" line with this label (compiled once per label)."""
    return re.compile(rf"{re.escape(label)}\s*:\s*(\S.{{0,80}})$", re.IGNORECASE)


@cache
def _credit_pattern(template: str) -> re.Pattern[str]:
    """Return the pattern of a caption ending in this credit template ("Photo: {credit}")."""
    return re.compile(credit_regex(template, group=True) + r"\s*$")


@dataclass(frozen=True, slots=True)
class Credits:
    """The photo credit templates as one pattern that finds a credit ending a caption line.

    A line holds a template's credit only if it holds the longest of the template's own words
    ("Photo: ", "/"): looking for those first spares the pattern nearly every line.
    """

    pattern: re.Pattern[str]
    needles: re.Pattern[str]  # the longest own word of each template

    def search(self, text: str) -> re.Match[str] | None:
        """Return the credit ending `text`, if any."""
        return self.pattern.search(text) if self.needles.search(text) else None

    def fullmatch(self, text: str) -> bool:
        """Return whether `text` is only a credit."""
        return bool(self.needles.search(text)) and self.pattern.fullmatch(text) is not None

    def blank(self, text: str) -> str:
        """Return `text` with the credit ending it replaced by spaces."""
        if not self.needles.search(text):
            return text
        return self.pattern.sub(lambda m: " " * len(m.group()), text)


@cache
def credits(templates: tuple[str, ...]) -> Credits:
    """Return the credit templates as one Credits pattern."""
    parts = [f"(?:{credit_regex(t)})\\s*$" for t in templates]
    needles = "|".join(re.escape(_needle(t)) for t in templates)  # "": every line may hold one
    return Credits(re.compile("|".join(parts) or r"(?!x)x"), re.compile(needles or r"(?!x)x"))


@cache
def _needle(template: str) -> str:
    """Return the longest of a credit template's own words (around its placeholders)."""
    return max(re.split(r"\{(?:credit|CREDIT|photographer)\}", template), key=len)


# An agency in capitals opening a line or following a sentence: "... 2025. REUTERS/..."
AGENCY = r"(?:^|(?<=[.!?]\s))[A-Z][A-Z&.-]+"
# A photographer's name in capitalised words, then labels such as "/File Photo".
PHOTOGRAPHER = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:/[A-Z][\w ]{0,30})*"


def credit_regex(template: str, group: bool = False) -> str:
    """Return the regular expression of a credit template: {credit} any agency or photographer
    ("Photo: {credit}"), {CREDIT} an agency in capitals and {photographer} the name after it
    ("{CREDIT}/{photographer}": "REUTERS/Luisa Gonzalez"). Only the credit is a group."""
    wrap = "({})" if group else "(?:{})"
    return (
        re.escape(template)
        .replace(re.escape("{credit}"), wrap.format(r"[^()\n]{1,60}?"))
        .replace(re.escape("{CREDIT}"), wrap.format(AGENCY))
        .replace(re.escape("{photographer}"), PHOTOGRAPHER)
    )
