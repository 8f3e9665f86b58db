"""Command-line interface: parse arguments, call the library, print the report."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NoReturn

from generator.collect import add, import_export
from generator.collect.fetch import USER_AGENT, FetchSettings
from generator.errors import DossierError
from generator.knowledge import load_knowledge
from generator.messages import problem_lines
from generator.pipeline import GenerateReport, Settings, Timings, generate, generate_corpus
from generator.read import DEFAULT_MAX_BYTES
from generator.render.report import REPORT
from generator.site import build_site, serve_site
from generator.suggest import suggest_actors, suggestions_yaml

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
PROGRESS_FROM = 3  # `add` shows a progress bar for more sources than this


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dossier",
        description="Turn a folder of raw news articles into a searchable research website.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--input", type=Path, default=Path("seeds"), help="folder of articles (default: seeds)"
    )
    common.add_argument(
        "--docs", type=Path, default=Path("docs"), help="MkDocs docs folder (default: docs)"
    )
    common.add_argument(
        "--templates",
        type=Path,
        default=Path("templates"),
        help="Jinja templates (default: templates)",
    )
    common.add_argument(
        "--catalogue",
        type=Path,
        default=Path("catalogue"),
        help="actor and event catalogues (default: catalogue)",
    )
    common.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help="largest input file read as an article",
    )
    common.add_argument(
        "--strict", action="store_true", help="exit 1 if any input file had a problem"
    )
    common.add_argument("--quiet", action="store_true", help="print only problems")
    site = argparse.ArgumentParser(add_help=False)
    site.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        help="MkDocs config (default: mkdocs.yml)",
    )

    commands.add_parser(
        "generate", parents=[common], help="write the Markdown pages and the export into docs/"
    )
    build = commands.add_parser(
        "build", parents=[common, site], help="generate, then build the site with MkDocs"
    )
    build.add_argument(
        "--site", type=Path, default=Path("site"), help="output folder (default: site)"
    )
    serve = commands.add_parser(
        "serve", parents=[common, site], help="generate, then serve with live reload"
    )
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="host:port to serve on")
    actors = commands.add_parser(
        "actors", parents=[common], help="list the actors found in the articles (writes nothing)"
    )
    actors.add_argument(
        "--suggest",
        action="store_true",
        help="print actors missing from the catalogue as YAML to paste into catalogue/",
    )
    collect = commands.add_parser(
        "add",
        help="fetch web pages (or read saved .html/.txt/.md files) into the input folder",
    )
    collect.add_argument(
        "sources", nargs="*", metavar="URL_OR_FILE", help="addresses, files, folders"
    )
    collect.add_argument(
        "--input", type=Path, default=Path("seeds"), help="folder to add to (default: seeds)"
    )
    collect.add_argument(
        "--feed",
        action="append",
        default=[],
        metavar="URL_OR_FILE",
        help="an RSS or Atom feed: each entry's page is added (repeatable)",
    )
    collect.add_argument("--timeout", type=float, default=20.0, help="seconds per request")
    collect.add_argument("--retries", type=int, default=3, help="retries on timeouts and 5xx")
    collect.add_argument(
        "--delay", type=float, default=1.0, help="seconds between requests to a host"
    )
    collect.add_argument(
        "--max-page-bytes", type=int, default=5_000_000, help="largest page fetched"
    )
    collect.add_argument("--user-agent", default=USER_AGENT, help="the User-Agent header sent")
    collect.add_argument("--ignore-robots", action="store_true", help="do not obey robots.txt")
    collect.add_argument(
        "--catalogue", type=Path, default=Path("catalogue"), help=argparse.SUPPRESS
    )
    collect.add_argument("--quiet", action="store_true", help="print only failures")
    exported = commands.add_parser(
        "import", help="add the articles of a CSV, JSON or JSON Lines export to the input folder"
    )
    exported.add_argument("file", type=Path, help="the export (.csv, .tsv, .json, .jsonl)")
    exported.add_argument(
        "--map",
        default="",
        metavar="FIELD=COLUMN,...",
        help="columns with other names: text=body,date=pub_time (fields: url, title, date, text,"
        " outlet, author)",
    )
    exported.add_argument(
        "--input", type=Path, default=Path("seeds"), help="folder to add to (default: seeds)"
    )
    exported.add_argument(
        "--catalogue", type=Path, default=Path("catalogue"), help=argparse.SUPPRESS
    )
    exported.add_argument("--quiet", action="store_true", help="print only failures")
    return parser


def _add(args: argparse.Namespace) -> int:
    """Fetch or read each source into the input folder; exit 1 if any could not be added."""
    from tqdm import tqdm

    settings = FetchSettings()
    if args.command == "add":
        settings = FetchSettings(
            timeout=args.timeout,
            retries=args.retries,
            delay=args.delay,
            max_bytes=args.max_page_bytes,
            user_agent=args.user_agent,
            robots=not args.ignore_robots,
        )

    def bar(sources: list[str]) -> Iterable[str]:  # a bar for more than a few, on a terminal
        shown: Iterable[str] = tqdm(
            sources, unit="page", disable=len(sources) <= PROGRESS_FROM or None
        )
        return shown

    def say(line: str) -> None:
        if not args.quiet or line.endswith("not added"):
            tqdm.write(line, file=sys.stderr if line.endswith("not added") else sys.stdout)

    try:
        knowledge = load_knowledge(args.catalogue)
    except DossierError as exc:
        print(f"dossier: error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    if args.command == "import":
        mapping = dict(p.split("=", 1) for p in args.map.split(",") if "=" in p)
        report = import_export(args.file, args.input, knowledge, mapping, settings, say, bar)
    elif not args.sources and not args.feed:
        print("dossier add: error: give addresses, files or --feed", file=sys.stderr)
        return EXIT_USAGE
    else:
        report = add(args.sources, args.input, knowledge, settings, say, bar, args.feed)
    if not args.quiet:
        print(
            f"Added {len(report.added)}, already there {len(report.held)},"
            f" failed {len(report.failed)} (into {args.input}/)"
        )
    return EXIT_PROBLEMS if report.failed else EXIT_OK


def run() -> NoReturn:
    """Run the command line as a program: `dossier`, `python -m generator`.

    A build leaves millions of objects alive (the corpus, the extraction memos, MkDocs' pages);
    freeing them one by one on the way out took about 3 s at 10,000 articles. Everything is
    written and closed when main returns: flush what is buffered and let the system take the
    memory back at once.
    """
    code = main()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(message)s")
    if args.command in ("add", "import"):
        return _add(args)
    if not args.input.is_dir():
        print(f"dossier: error: input folder {args.input} does not exist", file=sys.stderr)
        return EXIT_USAGE
    settings = Settings(args.input, args.docs, args.templates, args.catalogue, args.max_bytes)
    started = time.perf_counter()
    try:
        if args.command == "actors":
            return _actors(settings, args)
        report = generate(settings)
        _print_problems(report, args.docs)
        if args.command == "build":
            address = build_site(args.config, args.docs, args.site, args.strict, report.corpus)
            if address is None and not args.quiet:
                print(NO_SITE_URL)
        elif args.command == "serve":
            serve_site(
                args.config, args.docs, args.input, lambda: _regenerate(settings), args.dev_addr
            )
            return EXIT_OK
    except DossierError as exc:
        print(f"dossier: error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    if not args.quiet:
        _print_summary(report, time.perf_counter() - started, args)
    return EXIT_PROBLEMS if args.strict and report.corpus.problems else EXIT_OK


NO_SITE_URL = (
    "Site address: not set, so pages carry no canonical link and the 404 page works at the site's"
    " root only. For GitHub Pages set DOSSIER_SITE_URL=https://<user>.github.io/<repo>/"
    " (the Pages workflow does)."
)


def _actors(settings: Settings, args: argparse.Namespace) -> int:
    """Print the actors found (or, with --suggest, the catalogue entries missing for them)."""
    corpus = generate_corpus(settings, Timings())
    for line in problem_lines(corpus.problems, "the build report `dossier generate` writes"):
        print(line, file=sys.stderr)
    if args.suggest:
        print(suggestions_yaml(suggest_actors(corpus)), end="")
    else:
        for actor in sorted(corpus.actors.values(), key=lambda a: (a.type, a.name, a.id)):
            count = len(corpus.actor_articles.get(actor.id, ()))
            known = "" if actor.in_catalogue else "  (not in catalogue)"
            print(f"{actor.type:<13} {count:>5}  {actor.name} [{actor.id}]{known}")
    return EXIT_PROBLEMS if args.strict and corpus.problems else EXIT_OK


def _regenerate(settings: Settings) -> None:
    report = generate(settings)
    _print_problems(report, settings.docs_dir)
    print(
        f"Regenerated {len(report.corpus.articles)} articles"
        f" ({report.write.written} pages changed)."
    )


def _print_problems(report: GenerateReport, docs: Path) -> None:
    where = f"the build report ({(docs / REPORT).as_posix()})"
    for line in problem_lines(report.corpus.problems, where):
        print(line, file=sys.stderr)


def _print_summary(report: GenerateReport, seconds: float, args: argparse.Namespace) -> None:
    corpus = report.corpus
    skipped = [p for p in corpus.problems if p.skipped]
    lines = [
        f"Articles read: {len(corpus.articles)}",
        f"Skipped:       {len(skipped)}" + "".join(f"\n  - {p}" for p in skipped),
        f"Actors:        {len(corpus.actors)}",
        f"Events:        {len(corpus.events)}",
        f"Pages written: {report.write.written} changed, {report.write.unchanged} unchanged,"
        f" {report.write.removed} removed (in {args.docs}/)",
        "Time:          "
        + ", ".join(f"{name} {t:.2f}s" for name, t in report.timings.stages.items())
        + f"; total {seconds:.2f}s",
    ]
    if args.command == "build":
        lines.append(f"Site:          {args.site}/")
    print("\n".join(lines))
