"""Property tests over the whole path from a file's bytes to its article page.

Whatever a file holds, reading, extracting, indexing and rendering it does not crash; the file
gets a page or a clear reason for being skipped; every line of its text as read is on its page
(published.reader_lines says what that means); nothing of it is live HTML or script there. Text
written as UTF-8 or UTF-16 reads back as written, and text in a legacy code page reads back as
written unless the reader says the encoding is a guess.

The number of examples is the Hypothesis profile's (conftest.py): a few in `make test`, many
in `make fuzz`.
"""

from __future__ import annotations

import codecs
import re
import tempfile
import unicodedata
from pathlib import Path

import ftfy
from hypothesis import assume, given
from hypothesis import strategies as st

from generator.decode import clean, decode
from generator.errors import InputError
from generator.knowledge import Knowledge
from generator.read import read_articles
from tests.htmlcheck import scan_html, squash
from tests.published import article_html, corpus_of, reader_lines
from tests.test_hostile import FRAGMENTS

CORPUS = Path(__file__).parent / "encodings"
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Syntax of every language a page passes through, beside test_hostile's fragments.
SYNTAX = [
    *FRAGMENTS,
    "---\ntitle: x\n---",
    "---\n",
    "...",
    "title: [a, b",
    "key: value",
    "- item",
    "? ",
    "&anchor *alias",
    "!!python/object:os.system",
    "{# note #}",
    "{%- raw %}",
    "{% endraw %}",
    "}}",
    "%}",
    "${x}",
    "<div markdown=1>",
    "</p></div>",
    "<a href='javascript:alert(1)'>x</a>",
    "<svg onload=alert(1)>",
    "&#x3c;script&#x3e;",
    "&lt;b&gt;",
    "```",
    "~~~",
    "***",
    "==mark==",
    "[^1]",
    "[^1]: note",
    "*[HTML]: x",
    "$$",
    ":::",
    "/// note",
    "++ctrl++",
    "\\*",
]
ANY_CHAR = st.characters(exclude_categories=("Cs",))  # any code point but a lone surrogate
COMBINING = st.builds(
    lambda base, marks: base + "".join(marks),
    st.characters(categories=("L",)),
    st.lists(st.characters(categories=("Mn", "Me")), min_size=1, max_size=4),
)
PIECE = st.one_of(
    st.text(ANY_CHAR, min_size=1, max_size=10),
    st.text(st.characters(categories=("L", "N", "P", "Zs")), min_size=1, max_size=12),
    st.sampled_from(SYNTAX),
    st.sampled_from(BIDI),
    st.characters(categories=("Cc", "Cf")),
    COMBINING,
)
LINE = st.one_of(
    st.lists(PIECE, min_size=1, max_size=14).map(" ".join),
    st.lists(PIECE, min_size=1, max_size=14).map("".join),
    st.builds(lambda piece, n: " ".join([piece] * n), PIECE, st.integers(200, 2000)),  # long
)
TEXT = st.one_of(
    st.builds(
        lambda lines, joint: joint.join(lines),
        st.lists(LINE, min_size=1, max_size=8),
        st.sampled_from(["\n\n", "\n", "\r\n", "\r", " "]),  # " ": no newline at all
    ),
    st.text(st.sampled_from(" \t\n\r\f\v\u00a0\u2003\u3000\u2028"), max_size=40),  # blank
    st.text(ANY_CHAR, max_size=300),
)
UNICODE_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be")
BOMS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


def _published(data: bytes, name: str, knowledge: Knowledge) -> str | None:
    """Read `data` as the file `name` and render its page; return the text read, None if skipped.

    Either way the file is accounted for: it has a page, or a problem naming it that says why
    it was skipped. The page's checks are the property's.
    """
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / name).write_bytes(data)
        result = read_articles(Path(folder))
    skipped = [p for p in result.problems if p.skipped]
    if not result.articles:
        assert [p.source for p in skipped] == [name] and skipped[0].reason
        return None
    assert skipped == [] and [raw.source for raw in result.articles] == [name]
    raw = result.articles[0]
    scan = scan_html(article_html(corpus_of([raw], knowledge))[name])
    assert scan.injected() == []
    for line in reader_lines(raw.text):
        assert line in scan.visible, line
    for field in ("title", "outlet"):
        if isinstance(raw.meta.get(field), str) and raw.meta[field].strip():
            assert squash(raw.meta[field]) in scan.visible
    return raw.text


@given(data=st.binary(max_size=3000), name=st.sampled_from(["a.txt", "a.md"]))
def test_any_bytes_are_published_whole_and_inert_or_reported(
    data: bytes, name: str, knowledge: Knowledge
) -> None:
    _published(data, name, knowledge)


@given(
    prefix=st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"date 2024-01-02 "]),
    data=st.binary(min_size=1, max_size=400),
    text=TEXT,
)
def test_bytes_around_text_are_published_whole_and_inert_or_reported(
    prefix: bytes, data: bytes, text: str, knowledge: Knowledge
) -> None:
    _published(prefix + text.encode("utf-8") + data, "a.txt", knowledge)


@given(
    text=TEXT, encoding=st.sampled_from(UNICODE_ENCODINGS), name=st.sampled_from(["a.txt", "a.md"])
)
def test_any_unicode_text_reads_as_written_and_is_published_whole(
    text: str, encoding: str, name: str, knowledge: Knowledge
) -> None:
    data = BOMS.get(encoding, b"") + text.encode(encoding)
    read = _published(data, name, knowledge)
    if read is None or name != "a.txt" or encoding in ("utf-16-le", "utf-16-be"):
        return  # skipped (blank, mostly control characters), front matter split off, no BOM
    assume(ftfy.fix_encoding(text) == text)  # else repaired on purpose: mojibake
    if encoding == "utf-8":  # a text that starts with U+FEFF starts with UTF-8's mark
        text = text.removeprefix("\ufeff")
    assert read == clean(text)


def _words(name: str) -> list[str]:
    return (CORPUS / name).read_text(encoding="utf-8").split()


LEGACY = [
    ("french.txt", "cp1252"),
    ("german.txt", "cp1252"),
    ("spanish.txt", "cp1252"),
    ("portuguese.txt", "cp1252"),
    ("italian.txt", "latin-1"),
    ("french-euro.txt", "iso8859-15"),
    ("polish.txt", "cp1250"),
    ("czech.txt", "cp1250"),
    ("russian.txt", "cp1251"),
    ("french-mac.txt", "mac_roman"),
]


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@st.composite
def legacy_texts(draw: st.DrawFn) -> tuple[str, str]:
    """Draw words of one of the corpus's languages, in any order, and its code page."""
    name, encoding = draw(st.sampled_from(LEGACY))
    words = _words(name)
    picked = draw(st.lists(st.sampled_from(words), min_size=1, max_size=60))
    return " ".join(picked), encoding


@given(legacy=legacy_texts())
def test_legacy_text_reads_as_written_or_is_reported_as_a_guess(legacy: tuple[str, str]) -> None:
    text, encoding = legacy
    data = text.encode(encoding)
    assume(not _valid_utf8(data))  # "jusqu’à" in Mac Roman is UTF-8 "jusquՈ": UTF-8 goes first
    try:
        decoded = decode(data)
    except InputError:  # words with no letter past ASCII read as ASCII; none is binary
        raise AssertionError(f"{text!r} in {encoding} was refused") from None
    assert decoded.text == unicodedata.normalize("NFC", text) or decoded.note, (
        text,
        decoded.encoding,
    )
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", decoded.text)
