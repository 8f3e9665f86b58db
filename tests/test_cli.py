"""The command line: help, exit codes, and the build report."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import ROOT, SEEDS
from tests.conftest import run_cli as run


@pytest.mark.parametrize("command", [[], ["build"], ["generate"], ["serve"]])
def test_help_on_every_command(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage:")
    if command:
        assert "--input" in result.stdout and "--strict" in result.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("frobnicate").returncode == 2
    assert run("generate", "--no-such-option").returncode == 2
    missing = run(
        "generate", "--input", str(tmp_path / "missing"), "--docs", str(tmp_path / "docs")
    )
    assert missing.returncode == 2
    assert "does not exist" in missing.stderr


def generate_args(input_dir: Path, tmp_path: Path, *extra: str) -> list[str]:
    return [
        "generate",
        "--input",
        str(input_dir),
        "--docs",
        str(tmp_path / "docs"),
        "--templates",
        str(ROOT / "templates"),
        "--catalogue",
        str(ROOT / "catalogue"),
        *extra,
    ]


def test_report_lists_counts_and_skipped_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = tmp_path / "in"
    shutil.copytree(SEEDS, seeds)
    (seeds / "empty.txt").write_text("  \n\n")
    assert main(generate_args(seeds, tmp_path)) == 0
    out, err = capsys.readouterr()
    assert "Articles read: 5" in out
    assert "Skipped:       1" in out
    assert "empty.txt: empty or only whitespace; skipped" in out
    assert "empty.txt" in err
    assert "Time:" in out and "Pages written:" in out


def test_strict_turns_problems_into_exit_1(tmp_path: Path) -> None:
    seeds = tmp_path / "in"
    shutil.copytree(SEEDS, seeds)
    (seeds / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(generate_args(seeds, tmp_path, "--quiet")) == 0
    assert main(generate_args(seeds, tmp_path, "--quiet", "--strict")) == 1


def test_the_program_exits_with_its_code_and_all_its_output(tmp_path: Path) -> None:
    """`python -m generator` leaves without freeing its heap: nothing printed may be lost."""
    seeds = tmp_path / "in"
    shutil.copytree(SEEDS, seeds)
    (seeds / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # output buffered
    command = [sys.executable, "-m", "generator", *generate_args(seeds, tmp_path, "--strict")]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 1
    assert "Articles read: 5" in result.stdout
    assert "Time:" in result.stdout and "picture.png" in result.stderr
    assert run(*generate_args(SEEDS, tmp_path, "--quiet")).returncode == 0


def test_quiet_prints_no_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(generate_args(SEEDS, tmp_path, "--quiet")) == 0
    assert capsys.readouterr().out == ""


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "dossier"
    assert script.exists()
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "generate" in result.stdout
