"""Extract: turn a RawArticle into an Article (pure functions, no I/O)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from slugify import slugify

from generator.extract.actors import find_actors
from generator.extract.body import ParsedText, credit_of, parse_text
from generator.extract.catalogue import actor_index
from generator.extract.dates import infer_publication_date
from generator.extract.events import find_events
from generator.extract.overrides import apply_overrides, override_values
from generator.extract.sentences import split_sentences
from generator.extract.titles import generate_title
from generator.knowledge import Knowledge
from generator.models import UNKNOWN_DATE, Article, Block, DateInfo, RawArticle, TitleSource

SUMMARY_MIN_WORDS = 20
SLUG_MAX = 80


def extract(raw: RawArticle, knowledge: Knowledge) -> Article:
    """Understand one raw article: metadata with provenance, body blocks, sentences, mentions."""
    language = knowledge.language
    parsed = parse_text(raw.text, language)
    prose = [b for b in parsed.blocks if b.kind == "paragraph"]
    prose_sentences = [s for b in prose for s in split_sentences(b.text, language)]
    title, title_source = _title(raw.meta, parsed, prose_sentences, knowledge)
    blocks = _blocks(parsed, title_source)
    headline = (parsed.headline,) if parsed.headline and title_source == "headline" else ()
    sentences = headline + tuple(s for b in blocks for s in split_sentences(b.text, language))
    date = _date(raw.meta, parsed, prose_sentences, knowledge)
    outlet, outlet_source = _outlet(raw.meta, parsed, knowledge)
    actor_mentions, quotes = find_actors(sentences, knowledge)
    actor_overrides = override_values(raw.meta.get("actors"))
    actor_mentions, quotes = apply_overrides(
        actor_mentions, quotes, actor_overrides, sentences, actor_index(knowledge)
    )
    events = find_events(sentences, actor_mentions, date, knowledge)
    body_words = sum(len(b.text.split()) for b in blocks if b.kind != "source")
    return Article(
        id=raw.stem,
        slug=slugify(title, max_length=SLUG_MAX, word_boundary=True)
        or slugify(raw.stem)
        or "article",
        source_file=raw.source,
        title=title,
        title_source=title_source,
        date=date,
        outlet=outlet,
        outlet_source=outlet_source,
        summary=_summary(prose_sentences),
        blocks=blocks,
        sentences=sentences,
        word_count=body_words + sum(len(h.split()) for h in headline),
        actor_mentions=actor_mentions,
        quotes=quotes,
        event_mentions=events,
        tags=tuple(str(t) for t in raw.meta.get("tags") or ()),
        actor_overrides=actor_overrides,
        event_overrides=tuple(str(e) for e in raw.meta.get("events") or ()),
    )


def _blocks(parsed: ParsedText, title_source: TitleSource) -> tuple[Block, ...]:
    """Return the body blocks; a headline that is not the title stays as a heading."""
    if parsed.headline and title_source != "headline":
        return (Block("heading", parsed.headline), *parsed.blocks)
    return parsed.blocks


def _title(
    meta: dict[str, Any] | Any, parsed: ParsedText, sentences: list[str], knowledge: Knowledge
) -> tuple[str, TitleSource]:
    if meta.get("title"):
        return str(meta["title"]).strip(), "front-matter"
    if parsed.headline:
        return parsed.headline, "headline"
    lead = sentences[0] if sentences else next((b.text for b in parsed.blocks), "Untitled")
    return generate_title(lead, knowledge.language), "generated"


def _date(
    meta: dict[str, Any] | Any, parsed: ParsedText, sentences: list[str], knowledge: Knowledge
) -> DateInfo:
    if isinstance(meta.get("date"), dt.date):
        return DateInfo(meta["date"], "front-matter", "date: in front matter")
    if parsed.marker_date is not None:
        return DateInfo(parsed.marker_date, "explicit", f"date {parsed.marker_date.isoformat()}")
    if sentences:
        return infer_publication_date(sentences, knowledge.language)
    return UNKNOWN_DATE


def _outlet(
    meta: dict[str, Any] | Any, parsed: ParsedText, knowledge: Knowledge
) -> tuple[str | None, str | None]:
    if meta.get("outlet"):
        return str(meta["outlet"]).strip(), "front-matter"
    if parsed.source_line:
        known = knowledge.outlet_named(parsed.source_line)
        return (known.name if known else parsed.source_line), "source line"
    for block in parsed.blocks:
        credit = credit_of(block.text, knowledge.language) if block.kind == "caption" else None
        known = knowledge.outlet_named(credit) if credit else None
        if known is not None and not known.photo_agency:
            return known.name, f"photo credit ({credit})"
    return None, None


def _summary(sentences: list[str]) -> str:
    """Return the lead: the first sentence, and the second too when the first is short."""
    summary: list[str] = []
    for sentence in sentences[:3]:
        summary.append(sentence)
        if len(" ".join(summary).split()) >= SUMMARY_MIN_WORDS:
            break
    return re.sub(r"\s+", " ", " ".join(summary)).strip()
