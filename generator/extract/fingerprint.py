"""Fingerprint an article's body, so that finding duplicates reads no text it need not.

The index compares two bodies only when their fingerprints share the whole body, an opening or
the closing paragraph (index/duplicates.py). Taken at extraction, the fingerprint is cached with
the article, and an update normalises only the bodies of the few articles that share one.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from generator.models import Block, Fingerprint

_PUNCT = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")
# ASCII bytes: punctuation becomes a space; letters, digits, "_" and spacing (\w, \s) stay.
_ASCII_WORDS = bytes(
    c if chr(c).isalnum() or chr(c) == "_" or chr(c).isspace() else ord(" ") for c in range(256)
)


def normalise(text: str) -> str:
    """Return text reduced to lower-case words: quotes, dashes and spacing do not count."""
    if text.isascii():  # most text: the same result by byte table, without regexes
        return " ".join(text.encode().lower().translate(_ASCII_WORDS).decode().split())
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE.sub(" ", _PUNCT.sub(" ", text)).strip()


def paragraphs(blocks: Iterable[Block]) -> list[str]:
    """Return the body's paragraphs normalised, the empty ones left out."""
    found = [normalise(b.text) for b in blocks if b.kind == "paragraph"]
    return [p for p in found if p]


def word_count(body: str) -> int:
    """Return the number of words of a normalised text (one space between words)."""
    return body.count(" ") + 1 if body else 0


def body_fingerprint(blocks: Iterable[Block]) -> Fingerprint:
    """Return the fingerprint of a body."""
    found = paragraphs(blocks)
    body = " ".join(found)
    closing = _digest(found[-1]) if found else None
    return Fingerprint(_digest(body), word_count(body), tuple(map(_digest, found[:2])), closing)


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
