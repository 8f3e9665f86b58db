"""Write BENCHMARKS.md from the bench results: the machine, then one table per question."""

from __future__ import annotations

import os
import platform
from importlib import metadata
from pathlib import Path
from typing import Any

STAGES = ("read", "extract", "index", "render", "write")
NOTES = Path(__file__).with_name("NOTES.md")  # hand-written analysis appended to the tables


def machine() -> str:
    """Describe the machine and the tool versions the figures were measured with."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    versions = ", ".join(
        f"{p} {metadata.version(p)}" for p in ("mkdocs", "mkdocs-material", "pagefind")
    )
    return (
        f"{cpu}, {len(os.sched_getaffinity(0))} cores usable, {memory:.0f} GB RAM;"
        f" {platform.system()} {platform.release()}; Python {platform.python_version()};"
        f" {versions}"
    )


def _n(result: dict[str, Any]) -> str:
    """Return the size column, marked when events were left out of the index."""
    clustered = result["full"].get("events_clustered", True)
    return f"{result['n']:,}" + ("" if clustered else " ¹")


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(header), _row(["---"] * len(header)), *(_row(r) for r in rows)]


def full_table(results: list[dict[str, Any]]) -> list[str]:
    """Return the cold full build table: seconds per stage, share, memory."""
    rows = []
    for r in results:
        f = r["full"]
        cells = [_n(r), *(f"{f['stages'].get(s, 0):.2f}" for s in STAGES)]
        cells += [
            f"**{f['dossier']:.2f}**",
            f"{f['mkdocs']:.1f}",
            f"{f['search_index']:.1f} ({f['engine']})",
            f"{f['total']:.1f}",
            f"{100 * f['dossier'] / f['total']:.0f}%",
            f"{f['peak_generation_mb']:.0f}",
            f"{f['peak_build_mb']:.0f}",
        ]
        rows.append(cells)
    header = ["N", *STAGES, "Dossier (read→write)", "mkdocs build", "search index"]
    header += ["whole build", "Dossier share", "peak MB, generation", "peak MB, whole build"]
    return _table(header, rows)


def size_table(results: list[dict[str, Any]]) -> list[str]:
    """Return the sizes table: flat page size, site and search index size."""
    rows = []
    for r in results:
        f = r["full"]
        index = f["pagefind_mb"] if f["engine"] == "pagefind" else f["material_index_mb"]
        rows.append(
            [
                _n(r),
                f"{f['actors']:,} / {f['events']:,}",
                f"{f['article_page_kb']:.1f} (max {f['article_page_max_kb']:.1f})",
                f"{f['articles_index_kb']:.0f}",
                f"{f['site_mb']:.1f}",
                f"{index:.1f} ({f['engine']})",
            ]
        )
    header = ["N", "actors / events", "article page KB, mean", "articles index KB"]
    header += ["site MB", "search index MB"]
    return _table(header, rows)


def _indexed(run: dict[str, Any]) -> str:
    """Say how Pagefind indexed the update (results from before it said nothing)."""
    how = run.get("search_indexed")
    return f" ({how})" if how in ("full", "delta", "unchanged") else ""


def update_table(results: list[dict[str, Any]]) -> list[str]:
    """Return the incremental table: an update of 10 articles in a built dossier."""
    rows = []
    for r in results:
        u = r["update"]
        rows.append(
            [
                _n(r),
                f"{u['stages'].get('extract', 0):.2f}",
                f"{u['dossier']:.2f}",
                f"{u['pages_written']:,} of {u['pages_written'] + u['pages_unchanged']:,}",
                f"{u['mkdocs']:.1f} ({'dirty' if u['dirty'] else 'full'})",
                f"{u['search_index']:.1f}{_indexed(u)}",
                f"**{u['total']:.1f}**",
                f"{u['wall']:.1f}" if "wall" in u else "-",
            ]
        )
    header = ["N", "extract (cached)", "Dossier", "Markdown files rewritten", "mkdocs build"]
    header += ["search index", "update total", "whole command"]
    return _table(header, rows)


def restored_table(results: list[dict[str, Any]]) -> list[str]:
    """Return the rebuild of a new clone whose cache folder was kept (CI with a cache)."""
    rows = []
    for r in results:
        b = r.get("restored")
        if not b:
            continue
        cells = [_n(r), *(f"{b['stages'].get(s, 0):.2f}" for s in STAGES)]
        cells += [f"**{b['dossier']:.2f}**", f"{b['mkdocs']:.1f}"]
        cells += [f"{b['search_index']:.1f}", f"{b['total']:.1f}"]
        cells.append(f"{100 * b['dossier'] / b['total']:.0f}%")
        rows.append(cells)
    header = ["N", *STAGES, "Dossier (read→write)", "mkdocs build", "search index"]
    header += ["whole build", "Dossier share"]
    return _table(header, rows) if rows else ["(not measured)"]


def search_table(results: list[dict[str, Any]]) -> list[str]:
    """Return the browser search table, for sizes where it was measured."""
    rows = []
    for r in results:
        searches = r["full"].get("search") or []
        for s in searches if isinstance(searches, list) else [searches]:
            rows += _search_rows(r, s)
    header = ["N", "query", "reader", "first results, ms after first key", "after last key"]
    header += ["transferred, KB"]
    header += ["results shown", "pages matching"]
    return _table(header, rows) if rows else ["(not measured)"]


def _search_rows(r: dict[str, Any], s: dict[str, Any]) -> list[list[str]]:
    rows = []
    for key, label in (
        ("typed_after_focus", "clicked into the box, then typed"),
        ("typed_at_once", "typed at the click (KB: with the page's load)"),
        ("typed_like_a_reader", "clicked, then typed a key every 150 ms"),
    ):
        if key not in s:
            continue
        m = s[key]
        row = [_n(r), repr(s["query"]), label, f"{m['ms']:.0f}"]
        row += [f"{m['ms_after_last_key']:.0f}", f"{m['kb']:.0f}", str(m["results"])]
        row.append(f"{m['matches']:,}" if "matches" in m else "")
        rows.append(row)
    return rows


def _footnote(results: list[dict[str, Any]]) -> list[str]:
    if all(r["full"].get("events_clustered", True) for r in results):
        return []
    return [
        "¹ Events left out of the index (`--skip-event-clustering`): at the time of the run,"
        " event clustering (generator/index/events.py) grew quadratically and did not finish at"
        " this size; see the notes below.",
        "",
    ]


def write_report(path: Path, results: list[dict[str, Any]]) -> None:
    """Write BENCHMARKS.md with the machine, the tables and the notes."""
    lines = [
        "# Benchmarks",
        "",
        "Produced by `make bench` (`python -m bench.run --sizes 100 1000 10000`) on"
        " synthetic corpora from `bench/corpus.py` (about 600 words an article, N/5 actors,"
        " N/10 recurring events, the input files' messy formats). Times are wall seconds of one"
        " run; a cold run has an empty extraction cache and no previous site.",
        "",
        f"Machine: {machine()}.",
        "",
        *_footnote(results),
        "## Full build (cold)",
        "",
        *full_table(results),
        "",
        "## Sizes",
        "",
        *size_table(results),
        "",
        "## Update: 5 articles edited and 5 added in a built dossier",
        "",
        *update_table(results),
        "",
        "The update total runs from reading the files to the end of search indexing, as the"
        " build command does; the whole command adds starting Python, importing MkDocs and"
        " Dossier, and exiting.",
        "",
        "## Rebuild of a new clone with the cache folder restored",
        "",
        "After the update: the input files copied into a new folder (new inodes and times, as a"
        " checkout), no docs or site, the work folder's cache copied in, as a CI job that keeps"
        " `.dossier-cache` between runs. Extraction comes from the cache; every page is"
        " rendered and built.",
        "",
        *restored_table(results),
        "",
        "## Search in headless Chromium (Pagefind)",
        "",
        *search_table(results),
        "",
    ]
    if NOTES.exists():
        lines += [NOTES.read_text(encoding="utf-8").rstrip(), ""]
    path.write_text("\n".join(lines), encoding="utf-8")
