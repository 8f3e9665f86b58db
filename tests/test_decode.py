"""Decoding: every text of the encoding corpus reads back exactly, through the real read path.

The corpus (tests/encodings/) is original text in UTF-8, written here in each encoding at test
time, so that no tool along the way (git attributes, an editor) can change its bytes.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import frontmatter
import pytest
import yaml

from generator.decode import Decoded, decode
from generator.knowledge import Encodings, builtin_encodings
from generator.legacy import choose, oddities
from generator.read import GUESSED, MIXED, read_article, read_articles
from tests.conftest import ROOT, run_generate
from tests.htmlcheck import render_page, scan_html, squash

CORPUS = ROOT / "tests" / "encodings"
BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
}


@dataclass(frozen=True)
class Case:
    """A text of the corpus and the bytes it is written as."""

    name: str
    text: str
    data: bytes
    mixed_line: int | None = None


def _case(entry: dict[str, Any]) -> Case:
    text = (CORPUS / entry["text"]).read_text(encoding="utf-8")
    encoding = entry["encoding"]
    lines = text.splitlines(keepends=True)
    line = entry.get("line")
    data = b"".join(
        part.encode(entry["line_encoding"] if number == line else encoding)
        for number, part in enumerate(lines, 1)
    )
    if entry.get("bom"):
        data = BOMS[encoding] + data
    name = f"{entry['text'].removesuffix('.txt')}-{encoding}" + ("-bom" if entry.get("bom") else "")
    if line:
        name += f"-line-{line}-{entry['line_encoding']}"
    return Case(name, text, data, line)


CASES = [_case(entry) for entry in yaml.safe_load((CORPUS / "cases.yaml").read_text())]


def test_the_corpus_has_every_encoding_the_issue_names() -> None:
    names = {case.name for case in CASES}
    for expected in (
        "multilingual-utf-8",
        "utf8-bom-utf-8-bom",
        "utf16-le-utf-16-le-bom",
        "utf16-be-utf-16-be-bom",
        "french-cp1252",
        "german-cp1252",
        "spanish-cp1252",
        "portuguese-cp1252",
        "italian-iso8859-1",
        "french-euro-iso8859-15",
        "polish-cp1250",
        "czech-cp1250",
        "russian-cp1251",
        "french-mac-mac_roman",
        "mixed-utf-8-line-4-cp1252",
    ):
        assert expected in names


def test_the_corpus_bytes_are_not_utf8_where_they_should_not_be() -> None:
    """Each legacy case must really be a legacy case: its bytes are not valid UTF-8."""
    for case in CASES:
        if "utf" not in case.name or case.mixed_line:
            with pytest.raises(UnicodeDecodeError):
                case.data.decode("utf-8")


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_each_text_of_the_corpus_reads_exactly(case: Case, tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_bytes(case.data)
    raw = read_article(tmp_path / "article.txt", tmp_path)
    assert raw.text == case.text
    if case.mixed_line:  # said, with the line, as a kept file's warning
        assert [w.kind for w in raw.warnings] == [MIXED]
        assert f"line {case.mixed_line} is not UTF-8" in raw.warnings[0].reason
        assert "Windows-1252" in raw.warnings[0].reason
    else:
        assert raw.warnings == ()


def test_french_in_windows_1252_is_not_read_as_windows_1250() -> None:
    """The issue's own case: "étrangères" and "Genève", not "étrangčres" and "Genčve"."""
    text = (
        "Le ministère de l'Europe et des Affaires étrangères a annoncé à Genève qu'il réunira"
        " les délégués mercredi. « Nous espérons un accord », a déclaré la porte-parole."
    )
    decoded = decode(text.encode("cp1252"))
    assert decoded.text == text and decoded.encoding == "Windows-1252"
    # Its accents (é, è, à) are all Slovak letters in Windows-1250 (é, č, ŕ): only the language
    # charset-normalizer hears tells them apart, so it is read right but said to be a guess.
    assert "not Windows-1250" in decoded.note
    longer = text + " Où en sera-t-on jeudi ? Personne n’ose le prédire, même à Paris."
    assert decode(longer.encode("cp1252")) == Decoded(longer, "Windows-1252")


def test_a_single_word_that_two_code_pages_read_alike_well_is_reported_as_a_guess(
    tmp_path: Path,
) -> None:
    """Genčve (Windows-1250) is as plausible as Genève (Windows-1252) with nothing around it."""
    (tmp_path / "short.txt").write_bytes("Genève".encode("cp1252"))
    french = (CORPUS / "french.txt").read_text(encoding="utf-8")
    (tmp_path / "long.txt").write_bytes(french.encode("cp1252"))
    result = read_articles(tmp_path)
    by_file = {p.source: p for p in result.problems}
    assert set(by_file) == {"short.txt"}
    problem = by_file["short.txt"]
    assert (problem.kind, problem.skipped) == (GUESSED, False)
    assert "Windows-1252" in problem.reason and "'Genève'" in problem.reason
    assert "Windows-1250" in problem.reason and "'Genčve'" in problem.reason
    assert str(problem).startswith("short.txt: the encoding is a guess")


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Les Affaires étrangères, à Genève, où l’été s’achève", "cp1250"),  # č, ŕ and ů
        ("Die Straßenbahn fährt über die Brücke", "mac_roman"),  # a capital inside words
        ("Le cœur du problème", "iso8859_15"),  # Windows-1252's œ is a control character there
        ("Le cœur du problème", "cp1252"),  # ISO-8859-15's œ is ½ in Windows-1252
    ],
)
def test_a_wrong_reading_is_odder_than_the_right_one(text: str, wrong: str) -> None:
    encodings = builtin_encodings()
    right = "iso8859_15" if wrong == "cp1252" else "cp1252"
    data = text.encode(right)
    assert data.decode(wrong) != text
    assert oddities(data.decode(wrong), encodings)[1] > oddities(text, encodings)[1]


def test_a_utf16_mark_before_a_nul_is_not_taken_for_utf32s() -> None:
    """FF FE 00 00 starts UTF-32 LE, and UTF-16 LE text that begins with a NUL."""
    assert decode(codecs.BOM_UTF16_LE + "\x00Zürich".encode("utf-16-le")).text == "Zürich"
    assert decode("Zürich".encode("utf-32")).text == "Zürich"


def test_a_few_words_the_detector_finds_nothing_in_are_still_read() -> None:
    """charset-normalizer gives no match for "l'été." in ISO-8859-1: it is no binary file."""
    decoded = decode("l'été.".encode("latin-1"))
    assert decoded.text == "l'été." and decoded.note.startswith("the encoding is a guess")


def test_text_in_an_unlisted_code_page_is_still_read_through_the_detector() -> None:
    """With no code page listed, charset-normalizer's proposals are still weighed."""
    text = (CORPUS / "russian.txt").read_text(encoding="utf-8").replace("«", '"').replace("»", '"')
    text = text.replace("—", "-")
    data = text.encode("koi8_r")
    assert data.decode(choose(data, Encodings()).codec) == text
    assert decode(data, Encodings()).text == decode(data).text == text


def test_the_whole_corpus_is_published_exactly_by_generate(tmp_path: Path) -> None:
    """A real `generate` of the corpus folder: each article page shows its file's text."""
    folder = tmp_path / "input"
    folder.mkdir()
    for case in CASES:
        (folder / f"{case.name}.txt").write_bytes(case.data)
    result = run_generate(folder, tmp_path / "work")
    assert result.returncode == 0, result.stdout + result.stderr
    docs = tmp_path / "work" / "docs"
    pages = {}
    for path in (docs / "articles").glob("*.md"):
        page = path.read_text(encoding="utf-8")
        source = frontmatter.loads(page).get("source_file")
        if source:  # not the articles index
            pages[str(source)] = scan_html(render_page(page)).visible
    assert sorted(pages) == sorted(f"{case.name}.txt" for case in CASES)
    for case in CASES:
        visible = pages[f"{case.name}.txt"]
        for line in case.text.splitlines():
            assert squash(line) in visible, (case.name, line)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning")]
    assert len(warnings) == 1 and "mixed-utf-8-line-4-cp1252.txt: line 4 is" in warnings[0]
