"""Reading input: encodings, formats, front matter, and a clear reason for every bad file."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from generator.decode import decode
from generator.errors import FrontMatterError
from generator.extract import extract
from generator.knowledge import Knowledge
from generator.read import parse_front_matter, read_article, read_articles
from tests.badinputs import FIXTURES, PROSE, make_bad_inputs

FRENCH = "Le ministre a déclaré à Bakou que les négociations reprendraient lundi, selon l'agence."
RUSSIAN = (  # long enough to be told apart from other Cyrillic and East Asian encodings
    "Министр иностранных дел Азербайджана заявил, что переговоры продолжатся в понедельник"
    " в Баку. По его словам, стороны обсудят проект мирного договора и вопросы границы."
)
TYPOGRAPHIC = "Azerbaijan’s ministry called it “slanderous” — and said so twice…"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (FRENCH, "utf-8"),
        (FRENCH, "utf-8-sig"),
        (FRENCH, "utf-16"),
        (FRENCH, "utf-16-le"),
        (FRENCH, "utf-16-be"),
        (FRENCH, "latin-1"),
        (FRENCH + " " + TYPOGRAPHIC, "cp1252"),
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8-r"),
        (RUSSIAN, "iso8859-5"),
        (TYPOGRAPHIC, "utf-32"),
    ],
)
def test_decode_detects_the_encoding(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)).text == text


def test_decode_repairs_mojibake() -> None:
    text = "Baku’s café said no to the résumé – twice."
    assert decode(text.encode("utf-8").decode("cp1252").encode("utf-8")).text == text


def test_decode_normalises_newlines_and_drops_control_characters() -> None:
    assert decode(b"one\r\ntwo\rthree\x07\n").text == "one\ntwo\nthree\n"


def test_read_utf16_file_with_bom(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(("Headline\n\n" + FRENCH).encode("utf-16"))
    raw = read_article(tmp_path / "a.txt", tmp_path)
    assert FRENCH in raw.text and raw.stem == "a" and raw.format == "txt"


def test_front_matter_fields_override_inference(tmp_path: Path, knowledge: Knowledge) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\ntitle: Chosen title\ndate: 2021-02-03\noutlet: The Chosen Outlet\n"
        "tags: [ports, strikes]\nactors: [France, Azerbaijan]\nevents: strike-1\n---\n"
        "date 2024-05-06\n\nAn inferred headline\n\n" + PROSE + "\n\nSource: Other News\n",
        encoding="utf-8",
    )
    article = extract(read_article(path, tmp_path), knowledge)
    assert (article.title, article.title_source) == ("Chosen title", "front-matter")
    assert (article.date.value, article.date.source) == (dt.date(2021, 2, 3), "front-matter")
    assert (article.outlet, article.outlet_source) == ("The Chosen Outlet", "front-matter")
    assert article.tags == ("ports", "strikes")
    assert article.actor_overrides == ("France", "Azerbaijan")
    assert article.event_overrides == ("strike-1",)


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("title: [unclosed", "not valid YAML"),
        ("date: 2024-02-30", "malformed date"),
        ("date: soon", "not a YYYY-MM-DD date"),
        ("title: {a: 1}", "'title' must be text"),
        ("tags: {a: 1}", "'tags' must be a list"),
        ("- just\n- a list", "not a mapping"),
        ("!!python/object:os.system ls", "not valid YAML"),
    ],
)
def test_bad_front_matter_says_why(front: str, message: str) -> None:
    with pytest.raises(FrontMatterError, match=message.replace("[", r"\[")):
        parse_front_matter(f"---\n{front}\n---\nBody.\n", "x.md")


def test_saved_html_page_gives_text_title_date_and_outlet(knowledge: Knowledge) -> None:
    folder = FIXTURES / "bad"
    raw = read_article(folder / "saved-page.html", folder)
    assert raw.format == "html"
    assert raw.meta["title"] == "Harbour workers strike over pay in Valparaíso"
    assert raw.meta["date"] == dt.date(2023, 6, 14)
    assert raw.meta["outlet"] == "The Coastal Herald"
    assert "walked off the job on Wednesday" in raw.text
    assert "ships wait offshore" in raw.text
    for chrome in ("window.tracking", "Subscribe to our newsletter", "Sport"):
        assert chrome not in raw.text  # scripts, menus and footers are not the article
    article = extract(raw, knowledge)
    assert article.title == raw.meta["title"] and article.date.value == dt.date(2023, 6, 14)
    assert not any(s.startswith("Harbour workers strike") for s in article.sentences[1:])


def test_html_page_without_article_text_is_reported(tmp_path: Path) -> None:
    page = "<html><head><script>var a = 1;</script></head><body><img src=a.png></body></html>"
    (tmp_path / "blank.html").write_text(page)
    result = read_articles(tmp_path)
    assert result.articles == ()
    assert [(p.source, p.skipped) for p in result.problems] == [("blank.html", True)]
    assert "no article text" in result.problems[0].reason


def test_every_bad_input_is_reported_with_its_reason(tmp_path: Path) -> None:
    expected = make_bad_inputs(tmp_path, max_bytes=20_000)
    result = read_articles(tmp_path, max_bytes=20_000)
    reported = {(p.source, p.skipped): p.reason for p in result.problems}
    for bad in expected:
        if "duplicate" in bad.reason or "same text" in bad.reason or "copy of" in bad.reason:
            continue  # found later, by the index
        if "page name" in bad.reason:
            continue
        assert (bad.name, bad.skipped) in reported, bad
        assert bad.reason in reported[(bad.name, bad.skipped)]
    read = {a.source for a in result.articles}
    assert "Überblick zum Streik.txt" in read and "notes..draft.txt" in read
    assert not read & {b.name for b in expected if b.skipped}


def test_problems_are_sorted_and_name_the_file(tmp_path: Path) -> None:
    make_bad_inputs(tmp_path)
    problems = read_articles(tmp_path).problems
    assert [p.source for p in problems] == sorted(p.source for p in problems)
    for problem in problems:
        assert str(problem).startswith(f"{problem.source}: ")
        assert str(problem).endswith("; skipped" if problem.skipped else "; kept")


def test_symlink_inside_the_folder_is_read(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("Headline\n\n" + PROSE)
    os.symlink(tmp_path / "real.txt", tmp_path / "alias.txt")
    result = read_articles(tmp_path)
    assert sorted(a.source for a in result.articles) == ["alias.txt", "real.txt"]


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "locked.txt"
    path.write_text("Headline\n\n" + PROSE)
    path.chmod(0)
    assert "cannot read" in read_articles(tmp_path).problems[0].reason


def test_subfolders_are_read_with_their_path(tmp_path: Path) -> None:
    (tmp_path / "2024" / "may").mkdir(parents=True)
    (tmp_path / "2024" / "may" / "a.txt").write_text("Headline\n\n" + PROSE)
    result = read_articles(tmp_path)
    assert [a.source for a in result.articles] == ["2024/may/a.txt"]
