"""Build a real site from a folder of articles into a temporary project, for end-to-end tests."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from generator.cli import main
from generator.pipeline import MANAGED
from tests.conftest import ROOT


@dataclass(frozen=True)
class BuiltSite:
    """Where a test build put its docs and its site, and how it exited."""

    docs: Path
    site: Path
    exit_code: int


def copy_handwritten_docs(target: Path) -> Path:
    """Copy docs/ without generated output: hand-written pages and assets only."""
    shutil.copytree(ROOT / "docs", target, ignore=shutil.ignore_patterns(*MANAGED, ".dossier-*"))
    return target


def build_site(input_dir: Path, workdir: Path, *extra: str) -> BuiltSite:
    """Run `dossier build --strict` on `input_dir` into `workdir`/docs and `workdir`/site."""
    docs = copy_handwritten_docs(workdir / "docs")
    site = workdir / "site"
    code = main(
        [
            "build",
            "--strict",
            "--quiet",
            "--input",
            str(input_dir),
            "--docs",
            str(docs),
            "--site",
            str(site),
            "--config",
            str(ROOT / "mkdocs.yml"),
            "--templates",
            str(ROOT / "templates"),
            "--catalogue",
            str(ROOT / "catalogue"),
            *extra,
        ]
    )
    return BuiltSite(docs, site, code)
