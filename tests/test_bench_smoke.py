"""The benchmark command runs at a tiny size and writes its tables (no timing is asserted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.run import main

pytestmark = pytest.mark.slow


def test_bench_runs_and_writes_the_table(tmp_path: Path) -> None:
    report = tmp_path / "BENCHMARKS.md"
    assert main(["--sizes", "20", "--out", str(tmp_path / "out"), "--report", str(report)]) == 0
    text = report.read_text(encoding="utf-8")
    assert "Machine:" in text
    for heading in ("## Full build (cold)", "## Sizes", "## Update", "## Rebuild of a new clone"):
        assert heading in text
    rows = [line for line in text.splitlines() if line.startswith("| 20 |")]
    assert len(rows) == 4  # one row each in the build, sizes, update and rebuild tables
    assert (tmp_path / "out" / "20" / "site" / "index.html").is_file()
    assert not (tmp_path / "out" / "20-restored").exists()  # the new clone is removed
