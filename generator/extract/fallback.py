"""When analysing an article fails, publish its text all the same and say why.

The extractor reads untrusted text with many rules; one that breaks on text nobody foresaw must
not stop the build or cost the reader the article. `extract_safely` catches the failure, keeps
every paragraph of the text as it came, and returns a Problem naming the file and the error, so
the build report lists it. The article then has no date, outlet, actors or events.
"""

from __future__ import annotations

import re

from slugify import slugify

from generator.extract import SLUG_MAX, extract
from generator.extract.fingerprint import body_fingerprint
from generator.knowledge import Knowledge
from generator.models import UNKNOWN_DATE, Article, Block, Problem, RawArticle

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"\s+")
SUMMARY_WORDS = 40


def plain_article(raw: RawArticle) -> Article:
    """Return `raw` as an article of plain paragraphs, titled by its file name."""
    paragraphs = [_SPACES.sub(" ", p).strip() for p in _PARAGRAPH_BREAK.split(raw.text)]
    paragraphs = [p for p in paragraphs if p]
    title = _SPACES.sub(" ", raw.stem.replace("_", " ").replace("-", " ")).strip() or raw.stem
    words = " ".join(paragraphs).split()
    summary = " ".join(words[:SUMMARY_WORDS]) + (" …" if len(words) > SUMMARY_WORDS else "")
    blocks = tuple(Block("paragraph", p) for p in paragraphs)
    return Article(
        id=raw.stem,
        slug=slugify(title, max_length=SLUG_MAX, word_boundary=True) or "article",
        source_file=raw.source,
        title=title,
        title_source="generated",
        date=UNKNOWN_DATE,
        outlet=None,
        outlet_source=None,
        summary=summary,
        blocks=blocks,
        sentences=tuple(paragraphs),
        word_count=len(words),
        fingerprint=body_fingerprint(blocks),
    )


def extract_safely(raw: RawArticle, knowledge: Knowledge) -> tuple[Article, Problem | None]:
    """Extract `raw`; if that fails, return it as plain text with the Problem that says why."""
    try:
        return extract(raw, knowledge), None
    except Exception as exc:  # any failure of ours: the text is still published
        detail = f"{type(exc).__name__}: {exc}"[:200]
        reason = (
            f"could not be analysed ({detail}); published as plain text, without date, outlet,"
            " actors or events"
        )
        return plain_article(raw), Problem(raw.source, reason, skipped=False)
