"""The terminal's warnings: every problem, except the many of one kind, summed up in one line."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from generator.cli import main
from generator.messages import GROUP_AT, SHOWN, problem_lines
from generator.models import Problem
from tests.conftest import ROOT

KIND = "with a title another file has"
WORDS = [
    "minister",
    "harbour",
    "council",
    "budget",
    "river",
    "protest",
    "treaty",
    "border",
    "vote",
    "court",
    "museum",
    "railway",
    "festival",
    "drought",
    "bridge",
    "election",
    "tariff",
    "library",
]


def _problems(n: int, kind: str = KIND) -> list[Problem]:
    return [Problem(f"{i:03}.txt", "its title is taken", False, kind) for i in range(n)]


def test_a_few_problems_of_a_kind_are_each_printed() -> None:
    problems = _problems(GROUP_AT)
    assert problem_lines(problems, "the report") == [f"warning: {p}" for p in problems]


def test_many_of_a_kind_show_the_first_and_count_the_rest() -> None:
    loner = Problem("odd.txt", "not UTF-8; read as cp1252", False)
    problems = [*_problems(GROUP_AT + 5), loner]
    lines = problem_lines(problems, "the report")
    assert lines[:SHOWN] == [f"warning: {p}" for p in problems[:SHOWN]]
    assert lines[SHOWN] == f"warning: {loner}"
    assert lines[SHOWN + 1 :] == [
        f"warning: {GROUP_AT + 5 - SHOWN} more files {KIND}; kept; the report lists them all"
    ]


def test_problems_without_a_kind_are_never_summed_up() -> None:
    problems = _problems(GROUP_AT * 3, kind="")
    assert len(problem_lines(problems, "the report")) == GROUP_AT * 3


def _article(headline: str, seed: int) -> str:
    rng = random.Random(seed)
    sentences = [" ".join(rng.sample(WORDS, 9)).capitalize() + "." for _ in range(6)]
    return f"{headline}\n\n3 March 2024\n\n" + " ".join(sentences) + "\n"


def test_the_build_prints_a_summary_and_the_report_keeps_every_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = tmp_path / "in"
    seeds.mkdir()
    files = GROUP_AT + 4
    for i in range(files):
        (seeds / f"story-{i:02}.txt").write_text(_article("Ferry talks resume in the harbour", i))
    docs = tmp_path / "docs"
    args = ["generate", "--input", str(seeds), "--docs", str(docs)]
    args += ["--templates", str(ROOT / "templates"), "--catalogue", str(ROOT / "catalogue")]
    assert main(args) == 0
    err = capsys.readouterr().err
    clashes = files - 1  # the first file keeps the page name
    assert err.count("its title gives the page name") == SHOWN
    assert f"warning: {clashes - SHOWN} more files with a title that gives" in err
    assert f"({(docs / 'report/index.md').as_posix()}) lists them all" in err
    report = (docs / "report/index.md").read_text()
    assert all(f"story-{i:02}.txt" in report for i in range(1, files))
