"""Read input files into RawArticles: decode, split off front matter, report what cannot be read."""

from __future__ import annotations

import codecs
import datetime as dt
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import charset_normalizer
import frontmatter
import ftfy
import yaml

from generator.errors import (
    BinaryInputError,
    EmptyInputError,
    FrontMatterError,
    InputError,
    TooLargeError,
    UnsupportedFormatError,
)
from generator.models import Problem, RawArticle

TEXT_SUFFIXES = (".txt", ".text", "")
MARKDOWN_SUFFIXES = (".md", ".markdown")
DEFAULT_MAX_BYTES = 2_000_000
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class ReadResult:
    """The articles that could be read, and the problems met on the way."""

    articles: tuple[RawArticle, ...]
    problems: tuple[Problem, ...]


def decode(data: bytes) -> str:
    """Decode bytes of unknown encoding to text, repairing mojibake; raise InputError if binary."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _clean(data.decode(encoding, errors="replace"))
    try:
        return _clean(ftfy.fix_encoding(data.decode("utf-8")))
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        guess = charset_normalizer.from_bytes(data).best()
        if guess is None or not guess.encoding.startswith("utf_16"):
            raise BinaryInputError("binary data, not text")
        return _clean(str(guess))
    guess = charset_normalizer.from_bytes(data).best()
    if guess is None:
        raise BinaryInputError("not text in UTF-8 or any encoding that could be detected")
    return _clean(ftfy.fix_encoding(str(guess)))


def _clean(text: str) -> str:
    """Normalise newlines and Unicode form; refuse text that is mostly control characters."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    control = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t\f")
    if control > max(8, len(text) // 100):
        raise BinaryInputError("binary data, not text")
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")


def parse_front_matter(text: str, source: str) -> tuple[dict[str, Any], str]:
    """Split `.md` text into its front matter fields and body; raise FrontMatterError if invalid."""
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as exc:
        problem = str(exc).splitlines()[0]
        raise FrontMatterError(f"front matter is not valid YAML ({problem})") from exc
    meta = dict(post.metadata)
    if "date" in meta and meta["date"] is not None:
        meta["date"] = _front_matter_date(meta["date"])
    return meta, post.content


def _front_matter_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise FrontMatterError(f"front matter date {value!r} is not a YYYY-MM-DD date") from exc


def read_article(path: Path, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawArticle:
    """Read one input file; raise an InputError saying why it cannot be used."""
    source = path.relative_to(root).as_posix()
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES + MARKDOWN_SUFFIXES:
        raise UnsupportedFormatError(f"unknown file type {suffix!r} (Dossier reads .txt and .md)")
    size = path.stat().st_size
    if size > max_bytes:
        raise TooLargeError(f"{size:,} bytes is larger than the {max_bytes:,}-byte article limit")
    text = decode(path.read_bytes())
    meta: dict[str, Any] = {}
    fmt = "txt"
    if suffix in MARKDOWN_SUFFIXES:
        meta, text = parse_front_matter(text, source)
        fmt = "md"
    if not text.strip():
        raise EmptyInputError("empty or only whitespace")
    return RawArticle(source=source, stem=path.stem, text=text, meta=meta, format=fmt)


def _input_files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file():
            yield path


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def read_articles(root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read every file under `root` in name order; collect a Problem for each unreadable one."""
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    for path in _input_files(root):
        if _is_hidden(path, root):
            reason = "hidden file (its name starts with a dot)"
            problems.append(Problem(path.relative_to(root).as_posix(), reason))
            continue
        try:
            articles.append(read_article(path, root, max_bytes))
        except InputError as exc:
            problems.append(Problem(path.relative_to(root).as_posix(), str(exc)))
        except OSError as exc:
            problems.append(Problem(path.relative_to(root).as_posix(), f"cannot read ({exc})"))
    return ReadResult(tuple(articles), tuple(problems))
