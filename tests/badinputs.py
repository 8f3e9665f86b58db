"""Make a folder of every kind of bad input, with the reason each file must be reported for.

Binary, UTF-16 and legacy-encoded files are written from Python here rather than committed, so
that no tool along the way (git attributes, an editor) can change their bytes.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
PROSE = (
    "The port authority in Valparaíso said on Tuesday that cargo traffic had fallen sharply"
    " after the strike. Union leaders told reporters that talks with the company would resume"
    " next week, and that members would vote on any new offer before returning to work."
)
WIRE = (
    "Dock workers in Valparaíso voted on Sunday to accept a pay rise of nine percent, ending a"
    " strike that had idled the port for eleven days. Exporters of fruit and copper welcomed the"
    " deal, saying that dozens of ships waiting offshore could now be loaded within the week."
)
NOTES = (
    "Harbour officials in Antofagasta met fishermen on Monday to discuss new mooring fees. The"
    " fishermen said the fees were too high for small boats, and asked for a season of grace."
)


@dataclass(frozen=True)
class Bad:
    """A bad input file and the words its report line must contain."""

    name: str
    reason: str
    skipped: bool = True


def article(headline: str, body: str = PROSE) -> str:
    """Return the text of a plain article with a headline."""
    return f"{headline}\n\n{body}\n"


def make_bad_inputs(folder: Path, max_bytes: int = 20_000) -> list[Bad]:
    """Write one file per kind of bad input into `folder`; return what each must be reported as."""
    folder.mkdir(parents=True, exist_ok=True)
    write = {
        "empty.txt": b"",
        "whitespace.txt": b"  \n\t\n\r\n   ",
        "binary.txt": bytes(range(256)) * 8,
        "too-large.txt": (PROSE + "\n\n").encode() * (max_bytes // len(PROSE) + 2),
        "bad-yaml.md": b"---\ntitle: [unclosed\ndate: 2024-01-01\n---\n" + PROSE.encode(),
        "bad-date.md": b"---\ntitle: A title\ndate: 2024-13-45\n---\n" + PROSE.encode(),
        "not-a-date.md": b"---\ndate: next Tuesday\n---\n" + PROSE.encode(),
        "list-title.md": b"---\ntitle: [one, two]\n---\n" + PROSE.encode(),
        "scanned.pdf": b"%PDF-1.4\n" + bytes(range(200)),
        ".hidden.txt": article("A hidden article").encode(),
    }
    for name, data in write.items():
        (folder / name).write_bytes(data)
    (folder / ".git").mkdir(exist_ok=True)
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    os.symlink("/etc/hostname", folder / "outside-link.txt")
    same = article("Strikers return to the docks", PROSE + "\n\nThe ships sailed on Friday.")
    (folder / "dockers-return.txt").write_text(same, encoding="utf-8")
    (folder / "dockers-return copy.txt").write_text(same, encoding="utf-8")
    credit = "\n\nShips sailed. (Reporting by Ana Reyes; editing by Tom Hale.)"
    syndicated = article("Port strike ends as union accepts deal", WIRE + credit)
    (folder / "wire-copy.txt").write_text(syndicated, "utf-8")
    original = article("Valparaíso dockers end strike", WIRE + "\n\nShips sailed.")
    (folder / "original-report.txt").write_text(original, encoding="utf-8")
    (folder / "Überblick zum Streik.txt").write_text(
        article("Überblick: Hafenarbeiter beenden Streik", "Die Arbeit ruht nicht mehr."), "utf-8"
    )
    (folder / "notes..draft.txt").write_text(article("Draft notes on the harbour", NOTES), "utf-8")
    (folder / "slug-a.txt").write_text(
        article("Same Title", "First text of two, written on Monday."), "utf-8"
    )
    (folder / "slug-b.txt").write_text(
        article("Same title", "Second text of two, written on Tuesday."), "utf-8"
    )
    return [
        Bad("empty.txt", "empty"),
        Bad("whitespace.txt", "empty"),
        Bad("binary.txt", "binary"),
        Bad("too-large.txt", "larger than"),
        Bad("bad-yaml.md", "not valid YAML"),
        Bad("bad-date.md", "malformed date"),
        Bad("not-a-date.md", "not a YYYY-MM-DD date"),
        Bad("list-title.md", "'title' must be text"),
        Bad("scanned.pdf", "unknown file type"),
        Bad(".hidden.txt", "hidden file"),
        Bad(".git/", "hidden folder"),
        Bad("outside-link.txt", "outside the input folder"),
        Bad("dockers-return copy.txt", "same text as dockers-return.txt", skipped=False),
        Bad("dockers-return copy.txt", "spaces", skipped=False),
        Bad("wire-copy.txt", "copy of the text of original-report.txt", skipped=False),
        Bad("Überblick zum Streik.txt", "spaces and non-ASCII letters", skipped=False),
        Bad("notes..draft.txt", "'..'", skipped=False),
        Bad("slug-b.txt", "page name 'same-title', taken by slug-a.txt", skipped=False),
    ]


def copy_seeds(folder: Path) -> list[Path]:
    """Copy the seed articles into `folder`; return their new paths."""
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(p, folder)) for p in sorted((ROOT / "seeds").iterdir())]
