"""Shared fixtures: the project's paths and its knowledge, loaded once per session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from generator.knowledge import Knowledge, load_knowledge

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT / "tests" / "corpus"

# Hypothesis profiles for the property tests that leave the number of examples to them
# (test_fuzz.py). `make test` runs "ci": a bounded number of examples, the same on every run
# (derandomized), so that the suite's time is known and a red run is never bad luck. `make fuzz`
# runs "fuzz" (DOSSIER_HYPOTHESIS_PROFILE=fuzz): many more, new ones every run; a failure
# prints the @reproduce_failure line that replays it.
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile(
    "ci", max_examples=50, deadline=None, derandomize=True, suppress_health_check=_QUIET
)
settings.register_profile(
    "fuzz", max_examples=2000, deadline=None, print_blob=True, suppress_health_check=_QUIET
)
settings.load_profile(os.environ.get("DOSSIER_HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    """Return the built-in knowledge plus the project's catalogue."""
    return load_knowledge(ROOT / "catalogue")


# Generated output in docs/ that a test build must not inherit from a developer's last build.
GENERATED = (
    "index.md",
    "articles",
    "actors",
    "events",
    "timeline",
    "data",
    "report",
    "charts",
    "feed.xml",
    ".dossier-*",
)


def build_test_site(
    workdir: Path, input_dir: Path = SEEDS, site_url: str = "http://127.0.0.1:8000/"
) -> Path:
    """Build a site from `input_dir` into `workdir`/site as `make site` would; return the site.

    A subprocess, so DOSSIER_SITE_URL reaches mkdocs.yml's `!ENV` without touching this process.
    """
    docs = workdir / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns(*GENERATED))
    site = workdir / "site"
    command = [sys.executable, "-m", "generator", "build", "--strict", "--quiet"]
    command += ["--input", str(input_dir), "--docs", str(docs), "--site", str(site)]
    env = {**os.environ, "DOSSIER_SITE_URL": site_url}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the seed site once per test process (xdist: once per worker, each in its own tmp)."""
    return build_test_site(tmp_path_factory.mktemp("seed-site"))


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator` with `args` from the project root, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def run_generate(
    input_dir: Path, workdir: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator generate` of `input_dir` into `workdir`/docs, in `workdir`.

    A subprocess in its own folder: its cache (.dossier-cache) is its own, and `env` (the
    hash seed, say) applies to it alone.
    """
    command = [sys.executable, "-m", "generator", "generate", "--quiet", "--input", str(input_dir)]
    command += ["--docs", str(workdir / "docs"), "--templates", str(ROOT / "templates")]
    command += ["--catalogue", str(ROOT / "catalogue")]
    workdir.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        command, cwd=workdir, env=environment, capture_output=True, text=True, check=False
    )
