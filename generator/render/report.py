"""The build report: every input file that was skipped or kept with a warning.

One page while there are PER_PAGE problems or fewer, as the reader met them. Past that, the
report page keeps its summary and lists pages of problems by file name, each a run of files
whose start depends on the file names there only (see sheets.runs_by_content): a new problem
rewrites the page it falls on and the summary, not every page after it.
"""

from __future__ import annotations

from collections.abc import Sequence

import jinja2

from generator.models import Corpus, Page, Problem
from generator.render.links import relative
from generator.render.page import markdown_page
from generator.render.paging import PER_PAGE
from generator.render.sheets import Sheet, nav, rows, runs_by_content

REPORT = "report/index.md"


def render_report(corpus: Corpus, env: jinja2.Environment) -> list[Page]:
    """Render the build report, split by file when long."""
    problems = corpus.problems
    summary = {
        "count": len(corpus.articles),
        "skipped": sum(p.skipped for p in problems),
        "kept": sum(not p.skipped for p in problems),
    }
    meta = {"title": "Build report", "search": {"exclude": True}}
    if len(problems) <= PER_PAGE:
        return [markdown_page(env, REPORT, "report.md.j2", meta, problems=problems, **summary)]
    sheets = report_sheets(problems)
    landing = markdown_page(
        env,
        REPORT,
        "report_landing.md.j2",
        meta,
        problems=len(problems),
        rows=rows(sheets, REPORT),
        **summary,
    )
    words = ("Earlier files", "Later files")
    return [landing] + [
        markdown_page(
            env,
            sheet.path,
            "report_sheet.md.j2",
            {"title": f"Build report: {sheet.title}", "search": {"exclude": True}},
            heading=sheet.title,
            landing=relative(REPORT, sheet.path),
            problems=sheet.items,
            nav=nav(sheets, i, words),
        )
        for i, sheet in enumerate(sheets)
    ]


def report_sheets(problems: Sequence[Problem]) -> list[Sheet[Problem]]:
    """Return the pages of the problems, by file name (a file's problems in their order)."""
    by_file = sorted(problems, key=lambda p: p.source)
    sheets = []
    for n, run in enumerate(runs_by_content(by_file, lambda p: p.source), start=1):
        first, last = run[0].source, run[-1].source
        title = first if first == last else f"{first} – {last}"
        sheets.append(Sheet(f"report/problems-{n}.md", title, title, title, tuple(run)))
    return sheets
