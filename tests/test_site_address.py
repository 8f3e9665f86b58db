"""A site built with no address set points nowhere it isn't: no canonical link, sitemap entry
or og:url at a loopback address, and the build says how to set the address for GitHub Pages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import GENERATED, ROOT

pytestmark = pytest.mark.slow
COLLECTED = ROOT / "tests" / "fixtures" / "collected"


def test_no_address_means_no_loopback_links(tmp_path: Path) -> None:
    docs, site = tmp_path / "docs", tmp_path / "site"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns(*GENERATED))
    command = [sys.executable, "-m", "generator", "build", "--input", str(COLLECTED)]
    command += ["--docs", str(docs), "--site", str(site)]
    env = {k: v for k, v in os.environ.items() if k != "DOSSIER_SITE_URL"}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Site address: not set" in result.stdout
    assert "DOSSIER_SITE_URL=https://<user>.github.io/<repo>/" in result.stdout
    for page in (site / "index.html", site / "articles" / "index.html", site / "sitemap.xml"):
        text = page.read_text(encoding="utf-8")
        assert "127.0.0.1" not in text and "localhost" not in text, page
    assert 'rel="canonical"' not in (site / "index.html").read_text(encoding="utf-8")
