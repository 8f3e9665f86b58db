"""Benchmark the whole build on synthetic corpora and write the table to BENCHMARKS.md.

For each size N: write a corpus (bench/corpus.py), then in a fresh process run a cold full
build (generator stages, `mkdocs build`, search indexing), then edit 5 and add 5 articles and
run the update the way `python -m generator build` does (extraction cache, unchanged Markdown
kept, dirty MkDocs build when safe). Each run is a child process, so its peak memory is its own
(`os.wait4`). With --browser, a headless Chromium measures the first search results.
Usage: python -m bench.run --sizes 100 1000 10000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.browser import CHROMIUM
from bench.child import NO_CLUSTERING
from bench.corpus import write_corpus
from bench.report import write_report

REPO = Path(__file__).resolve().parent.parent
MANAGED = ("index.md", "articles", "actors", "events", "timeline", "data", "report")
EDITS = 10  # articles changed for the incremental run: half edited, half added
# Searched in the browser: an outlet, a word of about a quarter of the synthetic articles, and
# one of three quarters (the synthetic vocabulary is small, so common words are very common).
QUERIES = ("reuters", "ceasefire", "ambassador")


def prepare(work: Path, n: int) -> None:
    """Write the corpus and copy the hand-written docs pages into a fresh work folder."""
    shutil.rmtree(work, ignore_errors=True)
    write_corpus(work / "seeds", n)
    _copy_docs(work)


def _copy_docs(work: Path) -> None:
    """Copy the hand-written docs pages (not the generated ones) into `work`/docs."""
    docs = work / "docs"
    docs.mkdir(parents=True)
    for item in sorted((REPO / "docs").iterdir()):
        if item.name in MANAGED or item.name.startswith("."):
            continue
        copy = shutil.copytree if item.is_dir() else shutil.copy2
        copy(item, docs / item.name)


def edit_corpus(work: Path, count: int = EDITS) -> None:
    """Edit the first count/2 articles and add count/2 new ones, as a day's update would."""
    seeds = sorted((work / "seeds").glob("*.txt"))
    for path in seeds[: count // 2]:
        path.write_text(path.read_text("utf-8") + "\nThe talks resumed on Friday.\n", "utf-8")
    fresh = write_corpus(work / "fresh", count - count // 2, seed=len(seeds) + 1)
    for path in fresh:
        path.rename(work / "seeds" / f"zz{path.name}")
    (work / "fresh").rmdir()


def restore(work: Path, fresh: Path) -> None:
    """Make `fresh` a new clone of `work`: copies of its input files, no docs or site, and its
    cache folder restored, as a CI job does that keeps `.dossier-cache` between runs."""
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(work / "seeds", fresh / "seeds")  # new inodes and ctimes, as a checkout
    _copy_docs(fresh)
    shutil.copytree(work / "cache", fresh / "cache")


def run_child(work: Path, cluster_events: bool = True) -> dict[str, Any]:
    """Build `work` in a child process; return its measurements with its peak memory."""
    command = [sys.executable, "-m", "bench.child", str(work)]
    env = {**os.environ, NO_CLUSTERING: "0" if cluster_events else "1"}
    started = time.perf_counter()
    with subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        out = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"bench: build of {work} failed (exit {child.returncode})")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result["wall"] = time.perf_counter() - started
    result["peak_build_mb"] = usage.ru_maxrss / 1024  # KiB on Linux
    return result


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def measure_site(site: Path) -> dict[str, Any]:
    """Return the sizes that show whether pages grow with N."""
    pages = [p / "index.html" for p in (site / "articles").iterdir() if p.is_dir()]
    sizes = sorted(_size(p) for p in pages if p.is_file())
    material = site / "search" / "search_index.json"
    return {
        "site_mb": _size(site) / 1e6,
        "article_page_kb": sum(sizes) / len(sizes) / 1e3 if sizes else 0.0,
        "article_page_max_kb": sizes[-1] / 1e3 if sizes else 0.0,
        "articles_index_kb": _size(site / "articles" / "index.html") / 1e3,
        "material_index_mb": _size(material) / 1e6 if material.exists() else 0.0,
        "pagefind_mb": _size(site / "pagefind") / 1e6 if (site / "pagefind").exists() else 0.0,
    }


def bench_size(n: int, out: Path, browser: bool, cluster_events: bool) -> dict[str, Any]:
    """Run the full and the incremental benchmark at size n."""
    work = out / str(n)
    print(f"N={n}: writing corpus", flush=True)
    prepare(work, n)
    print(f"N={n}: full build", flush=True)
    full = run_child(work, cluster_events)
    full.update(measure_site(work / "site"))
    if browser and full["engine"] == "pagefind":
        from bench.browser import measure_search

        full["search"] = [measure_search(work / "site", query) for query in QUERIES]
    print(f"N={n}: update of {EDITS} articles", flush=True)
    edit_corpus(work)
    update = run_child(work, cluster_events)
    print(f"N={n}: rebuild in a new clone with the cache restored", flush=True)
    fresh = out / f"{n}-restored"
    restore(work, fresh)
    restored = run_child(fresh, cluster_events)
    shutil.rmtree(fresh)
    return {"n": n, "full": full, "update": update, "restored": restored}


def bench_update(n: int, out: Path, cluster_events: bool) -> dict[str, Any]:
    """Re-measure the update of an already built size-n work folder with the current code.

    A first build brings the cache and the site up to date with the code (unmeasured), then 10
    articles change and the second build is measured.
    """
    work = out / str(n)
    print(f"N={n}: bringing the built site up to date", flush=True)
    run_child(work, cluster_events)
    print(f"N={n}: update of {EDITS} articles", flush=True)
    edit_corpus(work)
    return run_child(work, cluster_events)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark for each size, merge with earlier results, write BENCHMARKS.md."""
    parser = argparse.ArgumentParser(description="Benchmark Dossier; writes BENCHMARKS.md.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out", help="work folder")
    parser.add_argument("--report", type=Path, default=REPO / "BENCHMARKS.md")
    parser.add_argument(
        "--browser",
        action=argparse.BooleanOptionalAction,
        default=Path(CHROMIUM).exists(),
        help="time a search in Chromium where Pagefind is used (default: if Chromium is here)",
    )
    parser.add_argument("--keep", action="store_true", help="keep results of other sizes")
    parser.add_argument(
        "--update-only",
        action="store_true",
        help="re-measure only the update, in work folders an earlier run built",
    )
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="rewrite the report from the stored results (after editing bench/NOTES.md)",
    )
    parser.add_argument(
        "--skip-event-clustering",
        action="store_true",
        help="leave events out of the index (a measurement aid; marked in the tables)",
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    store = args.out / "results.json"
    results: dict[str, Any] = {}
    if args.keep and store.exists():
        results = json.loads(store.read_text("utf-8"))
    if args.report_only:
        results = json.loads(store.read_text("utf-8"))
        args.sizes = []
    for n in args.sizes:
        cluster = not args.skip_event_clustering
        if args.update_only:
            results[str(n)]["update"] = bench_update(n, args.out, cluster)
        else:
            results[str(n)] = bench_size(n, args.out, args.browser, cluster)
        store.write_text(json.dumps(results, indent=1) + "\n", "utf-8")
        print(json.dumps(results[str(n)]), flush=True)
    write_report(args.report, [results[k] for k in sorted(results, key=int)])
    print(f"wrote {args.report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
