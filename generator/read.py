"""Read input files into RawArticles: decode, split off front matter, report what cannot be read."""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import os
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from generator.decode import Decoded, decode
from generator.errors import (
    BinaryInputError,
    EmptyInputError,
    FrontMatterError,
    InputError,
    TooLargeError,
    UnsupportedFormatError,
)
from generator.knowledge import Encodings, builtin_encodings
from generator.models import Problem, RawArticle

TEXT_SUFFIXES = (".txt", ".text", "")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
# Front matter fields that override inference, and the type each must have.
LIST_FIELDS = ("actors", "events", "tags")
TEXT_FIELDS = ("title", "outlet", "url", "author")
DEFAULT_MAX_BYTES = 2_000_000
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# What the warnings of a kind share, said once for many files (messages.py).
GUESSED = "whose encoding is a guess (check their text on the page)"
MIXED = "with lines in another encoding than the rest"


@dataclass(frozen=True, slots=True)
class ReadResult:
    """The articles that could be read, and the problems met on the way."""

    articles: tuple[RawArticle, ...]
    problems: tuple[Problem, ...]


def parse_front_matter(text: str, source: str) -> tuple[dict[str, Any], str]:
    """Split `.md` text into its front matter fields and body; raise FrontMatterError if invalid."""
    handler = YAMLHandler()
    text = text.lstrip()
    if not handler.detect(text):
        return {}, text
    try:
        block, content = handler.split(text)
    except ValueError:  # no closing `---`: not front matter, just a rule
        return {}, text
    try:
        meta = handler.load(block)
    except yaml.YAMLError as exc:
        problem = str(exc).splitlines()[0]
        raise FrontMatterError(f"front matter is not valid YAML ({problem})") from exc
    except ValueError as exc:  # PyYAML reads 2024-13-45 as a date and fails to build it
        raise FrontMatterError(f"front matter has a malformed date ({exc})") from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):  # python-frontmatter would drop it without a word
        raise FrontMatterError("front matter is not a mapping of `field: value` lines")
    if "date" in meta and meta["date"] is not None:
        meta["date"] = _front_matter_date(meta["date"])
    for name in TEXT_FIELDS:
        if name in meta and meta[name] is not None and not isinstance(meta[name], str | int):
            raise FrontMatterError(f"front matter {name!r} must be text, not {_kind(meta[name])}")
    for name in LIST_FIELDS:
        if name in meta:
            meta[name] = _front_matter_list(name, meta[name])
    return meta, content


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    return "a list" if isinstance(value, list) else type(value).__name__


def _front_matter_list(name: str, value: Any) -> tuple[str, ...]:
    """Return a list field as a tuple of strings: one string, or a list of strings."""
    if value is None:
        return ()
    items = [value] if isinstance(value, str | int) else value
    if not isinstance(items, list) or not all(isinstance(i, str | int) for i in items):
        raise FrontMatterError(f"front matter {name!r} must be a list of names, not {_kind(value)}")
    return tuple(dict.fromkeys(str(i).strip() for i in items if str(i).strip()))


def _front_matter_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise FrontMatterError(f"front matter date {value!r} is not a YYYY-MM-DD date") from exc


def read_article(
    path: Path, root: Path, max_bytes: int = DEFAULT_MAX_BYTES, encodings: Encodings | None = None
) -> RawArticle:
    """Read one input file; raise an InputError saying why it cannot be used.

    What the reader should check in a file that is kept (a guessed encoding) comes back in the
    article's `warnings`; `encodings` is what choosing a legacy encoding weighs (decode.py).
    """
    source = path.relative_to(root).as_posix()
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES:
        raise UnsupportedFormatError(
            f"unknown file type {suffix!r} (Dossier reads .txt, .md and saved .html pages)"
        )
    size = path.stat().st_size
    if size > max_bytes:
        raise TooLargeError(f"{size:,} bytes is larger than the {max_bytes:,}-byte article limit")
    data = path.read_bytes()
    meta: dict[str, Any] = {}
    fmt = "txt"
    if suffix in HTML_SUFFIXES:
        if b"\x00" in data[:1024] and not data.startswith(_UTF16_BOMS):
            raise BinaryInputError("binary data, not an HTML page")
        decoded = decode(data, encodings)
        meta, text = read_html(decoded.text)
        fmt = "html"
    else:
        decoded = decode(data, encodings)
        text = decoded.text
    if suffix in MARKDOWN_SUFFIXES:
        meta, text = parse_front_matter(text, source)
        fmt = "md"
    if not text.strip():
        raise EmptyInputError("empty or only whitespace")
    warnings = _decoding_warnings(source, decoded)
    return RawArticle(source, path.stem, text, meta, fmt, warnings)


def _decoding_warnings(source: str, decoded: Decoded) -> tuple[Problem, ...]:
    """Return the warning a file's decoding left, if any: lines in another encoding, a guess."""
    if not decoded.note:
        return ()
    kind = MIXED if decoded.mixed else GUESSED
    return (Problem(source, decoded.note, skipped=False, kind=kind),)


def read_html(page: str) -> tuple[dict[str, Any], str]:
    """Extract a web page's article text, title, date, site name, canonical address and author
    with trafilatura. Its date is only one the page states (metadata, a dated element): the
    wider search would take a footer's "(c) 2025" for the first of January."""
    import trafilatura  # slow to import; only pages that need it pay for it

    found = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    document: dict[str, Any] = {}
    if found is not None:
        document = found if isinstance(found, dict) else found.as_dict()
    text = str(document.get("text") or "")
    if not text.strip():
        raise EmptyInputError("no article text found in the HTML page")
    meta: dict[str, Any] = {}
    title = str(document.get("title") or "").strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if title:
        meta["title"] = title
        if lines and lines[0] == title:  # the page's own h1, already the title
            lines.pop(0)
    if document.get("sitename"):
        meta["outlet"] = str(document["sitename"]).strip()
    for field_name in ("url", "author"):  # the canonical address, the byline's names
        if document.get(field_name):
            meta[field_name] = str(document[field_name]).strip()
    with contextlib.suppress(ValueError):
        meta["date"] = dt.date.fromisoformat(str(document.get("date") or "")[:10])
    # trafilatura puts one paragraph a line; a blank line keeps them apart for the body parser
    return meta, "\n\n".join(lines)


@dataclass(frozen=True, slots=True)
class Listing:
    """The files to read under the input folder, in name order, and those left out with why."""

    root: Path
    files: tuple[tuple[Path, str], ...]  # each file and its path relative to `root`
    problems: tuple[Problem, ...]


def list_inputs(root: Path) -> Listing:
    """List the files under `root` to read; report hidden files, hidden folders, outside links."""
    files: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    for path, source in _input_files(root, root, problems):
        if path.name.startswith("."):
            problems.append(Problem(source, "hidden file (its name starts with a dot)"))
        else:
            files.append((path, source))
    return Listing(root, tuple(files), tuple(problems))


def _input_files(
    folder: Path, root: Path, problems: list[Problem], prefix: str = ""
) -> Iterator[tuple[Path, str]]:
    """Yield the files under `folder` in name order, with their paths relative to `root`.

    Hidden folders and links to outside `root` are reported instead. A folder's entries come
    with their types (os.scandir), so a file costs no stat of its own here.
    """
    with os.scandir(folder) as found:
        entries = sorted(found, key=lambda entry: entry.name)
    for entry in entries:
        path, source = folder / entry.name, prefix + entry.name
        if entry.is_symlink() and not _inside(path, root):
            problems.append(Problem(source, "a link to a file outside the input folder"))
        elif entry.is_dir():
            if entry.name.startswith("."):
                reason = "hidden folder (its name starts with a dot), not read"
                problems.append(Problem(source + "/", reason))
            else:
                yield from _input_files(path, root, problems, source + "/")
        elif entry.is_file():
            yield path, source


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
        return False
    return True


def name_warning(name: str) -> str | None:
    """Say what is odd about a file name that is still read: spaces, non-ASCII letters, `..`."""
    if name.isascii() and name.isprintable() and " " not in name and ".." not in name:
        return None  # printable ASCII has no control characters, and no space but " "
    odd = []
    if any(c.isspace() for c in name):
        odd.append("spaces")
    if not name.isascii():
        odd.append("non-ASCII letters")
    if ".." in name:
        odd.append("'..'")
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in name):
        odd.append("control characters")
    if not odd:
        return None
    return f"file name has {' and '.join(odd)}; read as usual (page names come from titles)"


def read_articles(root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read every file under `root` in name order; collect a Problem for each unreadable one."""
    return read_listed(list_inputs(root), max_bytes)


def read_listed(
    listing: Listing,
    max_bytes: int = DEFAULT_MAX_BYTES,
    known: Mapping[str, tuple[Problem, ...]] | None = None,
    encodings: Encodings | None = None,
) -> ReadResult:
    """Read the listed files in order, but for those `known`; collect a Problem for each bad one.

    A known file (by its path under the input folder) is one whose article an earlier run has
    ready (see read_memo.py): it is not opened, and gets the warnings reading it gave then, and
    what its name alone may report.
    """
    known = known or {}
    encodings = encodings or builtin_encodings()
    articles: list[RawArticle] = []
    problems = list(listing.problems)
    for path, source in listing.files:
        if source in known:
            problems += known[source]
        else:
            try:
                articles.append(read_article(path, listing.root, max_bytes, encodings))
            except InputError as exc:
                problems.append(Problem(source, str(exc)))
                continue
            except OSError as exc:
                problems.append(Problem(source, f"cannot read ({exc.strerror or exc})"))
                continue
            problems += articles[-1].warnings
        warning = name_warning(path.name)
        if warning:
            problems.append(Problem(source, warning, skipped=False))
    return ReadResult(tuple(articles), tuple(sorted(problems, key=lambda p: p.source)))
