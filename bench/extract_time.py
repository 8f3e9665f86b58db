"""Time serial extraction of a folder of articles, best of several runs, in this process.

    python -m bench.extract_time FOLDER [--runs 3]

Times are CPU time of this process (a shared machine's stolen time is not counted). Run it
from two checkouts on one folder to compare extraction side by side. Each run reads
the knowledge anew, so the per-sentence memos start empty; the first run also fills the
process's lexicon caches, as a fresh build does.
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

from generator.extract import extract
from generator.knowledge import load_knowledge
from generator.read import read_articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    raws = read_articles(args.folder).articles
    times = []
    for _ in range(args.runs):
        knowledge = load_knowledge()  # a new setting: the per-sentence memos start empty
        gc.collect()
        start = time.process_time()
        for raw in raws:
            extract(raw, knowledge)
        times.append(time.process_time() - start)
    best = min(times)
    print(
        f"{len(raws)} articles: best {best:.2f} s ({1000 * best / len(raws):.2f} ms/article), "
        f"runs {', '.join(f'{t:.2f}' for t in times)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
