"""Helpers for the scale tests: synthetic corpora built with a chosen search engine."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.pipeline import MANAGED, GenerateReport, Settings, generate
from generator.site import build_site
from tests.conftest import ROOT


def write_config(folder: Path, engine: str, only_search: bool = False) -> Path:
    """Write a copy of mkdocs.yml that searches with `engine`; drop other plugins if asked."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^(\s*custom_dir:\s*)overrides\b", rf"\g<1>{ROOT / 'overrides'}", text)
    if only_search:
        text = re.sub(r"(?m)^plugins:\n(?:[ \t]+.*\n)+", "plugins:\n  - search\n", text)
    setting = f"  dossier:\n    search: {engine}\n"
    if re.search(r"(?m)^extra:\s*$", text):
        text = re.sub(r"(?m)^extra:\s*\n", "extra:\n" + setting, text, count=1)
    else:
        text += "\nextra:\n" + setting
    config = folder / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def fresh_docs(folder: Path) -> Path:
    """Copy the hand-written pages of docs/ into `folder`/docs; return it."""
    docs = folder / "docs"
    skip = (*MANAGED, "charts", "feed.xml", ".*")
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns(*skip))
    return docs


def generate_docs(folder: Path, seeds: Path, cache: Path | None) -> GenerateReport:
    """Generate `seeds` into `folder`/docs (hand-written pages copied first); return the report."""
    docs = folder / "docs"
    if not docs.exists():
        fresh_docs(folder)
    return generate_into(seeds, docs, cache)


def generate_into(seeds: Path, docs: Path, cache: Path | None) -> GenerateReport:
    """Generate `seeds` into `docs` with the project's templates and catalogue."""
    settings = Settings(
        input_dir=seeds,
        docs_dir=docs,
        templates_dir=ROOT / "templates",
        catalogue_dir=ROOT / "catalogue",
        cache_dir=cache,
    )
    return generate(settings)


def build(folder: Path, seeds: Path, config: Path, cache: Path | None) -> Path:
    """Generate and build `seeds` into `folder`/docs and `folder`/site; return the site."""
    generate_docs(folder, seeds, cache)
    site = folder / "site"
    build_site(config, folder / "docs", site, strict=True)
    return site


def tree(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, bytes]:
    """Return every file under `folder` by relative path, less names starting with `skip`."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.relative_to(folder).as_posix().startswith(skip)
    }
