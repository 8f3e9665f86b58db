"""Decode an input file's bytes: by its BOM, as UTF-8, or in the 8-bit code page that reads best.

UTF-8 is tried first and wins whenever it decodes: 8-bit text almost never happens to be valid
UTF-8. Other bytes go to legacy.py, which picks the code page. A file of UTF-8 lines with a few
lines that are not (a paragraph pasted from an old file) keeps its UTF-8 lines, and the others
are decoded together in the code page that reads them best; the report names those lines.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer
import ftfy

from generator.errors import BinaryInputError
from generator.knowledge import Encodings, builtin_encodings
from generator.legacy import choose

# Unicode category Cc (C0 and C1 controls) less newline and tab: one regex pass instead of a
# per-character category lookup, which cost seconds per thousand articles.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text, the encoding it was read in, and what the reader should check, if any."""

    text: str
    encoding: str
    note: str = ""  # a guessed encoding, lines in another encoding than the rest
    mixed: bool = False  # UTF-8 lines and lines in another encoding


def decode(data: bytes, encodings: Encodings | None = None) -> Decoded:
    """Decode bytes of unknown encoding, repairing mojibake; raise BinaryInputError if binary.

    `encodings` is what legacy.py weighs (the built-in encodings.yaml if not given).
    """
    marked = [encoding for bom, encoding in _BOMS if data.startswith(bom)]
    for encoding in marked:  # FF FE 00 00 is UTF-32's mark, or UTF-16's and a NUL
        try:
            return Decoded(clean(data.decode(encoding)), encoding)
        except UnicodeDecodeError:
            continue
    if marked:
        return Decoded(clean(data.decode(marked[0], errors="replace")), marked[0])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:  # ftfy returns ASCII text as it is: no mojibake without a non-ASCII letter
        return Decoded(clean(text if text.isascii() else ftfy.fix_encoding(text)), "utf-8")
    if b"\x00" in data:
        guess = charset_normalizer.from_bytes(data).best()
        if guess is None or not guess.encoding.startswith("utf_16"):
            raise BinaryInputError("binary data, not text")
        return Decoded(clean(str(guess)), guess.encoding)
    encodings = encodings or builtin_encodings()
    return _mixed(data, encodings) or _legacy(data, encodings)


def clean(text: str) -> str:
    """Normalise newlines and Unicode form; refuse text that is mostly control characters."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    control = len(_CONTROL.findall(text)) - text.count("\f")
    if control > max(8, len(text) // 100):
        raise BinaryInputError("binary data, not text")
    return _CONTROL.sub("", text)


def _legacy(data: bytes, encodings: Encodings) -> Decoded:
    """Decode a file that is not UTF-8 in the code page whose reading is least odd."""
    choice = choose(data, encodings)
    text = clean(ftfy.fix_encoding(data.decode(choice.codec, errors="replace")))
    return Decoded(text, choice.name, choice.doubt)


def _mixed(data: bytes, encodings: Encodings) -> Decoded | None:
    """Decode UTF-8 lines as UTF-8 and the rest in one code page; None if no line is UTF-8."""
    lines = data.splitlines(keepends=True)
    utf8, other = set(), []
    for number, line in enumerate(lines, 1):
        if not line.isascii():
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                other.append(number)
            else:
                utf8.add(number)
    if not utf8:
        return None
    choice = choose(b"".join(lines[n - 1] for n in other), encodings)
    text = "".join(
        line.decode("utf-8" if n in utf8 or line.isascii() else choice.codec, errors="replace")
        for n, line in enumerate(lines, 1)
    )
    which = f"line {other[0]} is" if len(other) == 1 else f"lines {_numbers(other)} are"
    note = f"{which} not UTF-8 like the rest: read as {choice.name}"
    note += f"; {choice.doubt}" if choice.doubt else ""
    return Decoded(clean(ftfy.fix_encoding(text)), f"utf-8 and {choice.name}", note, mixed=True)


def _numbers(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:5]))
    return shown + (f" and {len(numbers) - 5} more" if len(numbers) > 5 else "")
