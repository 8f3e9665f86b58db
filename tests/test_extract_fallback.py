"""An article the extractor fails on is still published, as plain text, with a problem named."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract import fallback
from generator.knowledge import Knowledge
from generator.models import Article, RawArticle
from tests.scalekit import generate_docs

TEXT = "Talks resume\n\nThe envoys met in Geneva.\nThey spoke for hours.\n\n\n  Talks go on.  \n"


def _broken(raw: RawArticle, knowledge: Knowledge) -> None:
    raise KeyError("aprıl")


def test_a_failing_extraction_keeps_every_paragraph(
    knowledge: Knowledge, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fallback, "extract", _broken)
    raw = RawArticle(source="2021/talks_resume.txt", stem="talks_resume", text=TEXT)
    article, problem = fallback.extract_safely(raw, knowledge)
    assert [b.text for b in article.blocks] == [
        "Talks resume",
        "The envoys met in Geneva. They spoke for hours.",
        "Talks go on.",
    ]
    assert article.title == "talks resume" and article.slug == "talks-resume"
    assert article.id == "talks_resume" and article.source_file == "2021/talks_resume.txt"
    assert article.date.value is None and not article.actor_mentions
    assert problem is not None and not problem.skipped
    assert problem.source == "2021/talks_resume.txt"
    assert "KeyError" in problem.reason and "plain text" in problem.reason


def test_a_working_extraction_has_no_problem(knowledge: Knowledge) -> None:
    raw = RawArticle(source="talks.txt", stem="talks", text=TEXT)
    article, problem = fallback.extract_safely(raw, knowledge)
    assert problem is None and article.title != "talks"


def test_the_build_goes_on_and_publishes_the_article_it_could_not_analyse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "broken.txt").write_text("Broken\n\nThe zanzibari envoy met nobody.\n", "utf-8")
    (seeds / "fine.txt").write_text("Talks resume\n\nFrance and Germany met in Paris.\n", "utf-8")
    real = fallback.extract

    def flaky(raw: RawArticle, knowledge: Knowledge) -> Article:
        if raw.stem == "broken":
            raise ValueError("a rule broke")
        return real(raw, knowledge)

    monkeypatch.setattr(fallback, "extract", flaky)
    report = generate_docs(tmp_path, seeds, tmp_path / "cache")
    (problem,) = report.corpus.problems
    assert problem.source == "broken.txt" and "ValueError: a rule broke" in problem.reason
    assert sorted(a.id for a in report.corpus.articles) == ["broken", "fine"]
    pages = {p.name: p.read_text("utf-8") for p in (tmp_path / "docs" / "articles").glob("*.md")}
    assert any("The zanzibari envoy met nobody." in text for text in pages.values())
    assert "broken.txt" in (tmp_path / "docs" / "report" / "index.md").read_text("utf-8")
    assert len(list((tmp_path / "cache" / "extract").rglob("*.pickle"))) == 1  # not the broken
