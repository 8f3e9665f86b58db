"""Extract: turn a RawArticle into an Article (pure functions, no I/O)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from slugify import slugify

from generator.extract.actors import find_actors
from generator.extract.body import ParsedText, credit_of, parse_text
from generator.extract.catalogue import actor_index
from generator.extract.date_lines import full_date, only_time_words
from generator.extract.dates import infer_publication_date
from generator.extract.events import find_events
from generator.extract.events.context import Lead
from generator.extract.fingerprint import body_fingerprint
from generator.extract.overrides import apply_overrides, override_values
from generator.extract.sentences import split_sentences
from generator.extract.titles import generate_title
from generator.knowledge import Knowledge
from generator.models import (
    FRONT_MATTER_DATE,
    UNKNOWN_DATE,
    Article,
    Block,
    DateInfo,
    RawArticle,
    TitleSource,
)
from generator.weburl import date_in_url, domain_of, web_url

SUMMARY_MIN_WORDS = 20
LEAD = 2  # the opening sentences that state an article's news, after its headline
SLUG_MAX = 80


def extract(raw: RawArticle, knowledge: Knowledge) -> Article:
    """Understand one raw article: metadata with provenance, body blocks, sentences, mentions."""
    language = knowledge.language
    parsed = parse_text(raw.text, language)
    prose = [b for b in parsed.blocks if b.kind == "paragraph"]
    split = {b.text: split_sentences(b.text, language) for b in prose}  # reused below
    prose_sentences = [s for b in prose for s in split[b.text]]
    title, title_source = _title(raw.meta, parsed, prose_sentences, knowledge)
    blocks = _blocks(parsed, title_source)
    headline = (parsed.headline,) if parsed.headline and title_source == "headline" else ()
    stated = (b for b in blocks if b.kind != "meta")  # bylines, ads and date lines say no news
    sentences = headline + tuple(
        s
        for b in stated
        for s in (split[b.text] if b.text in split else split_sentences(b.text, language))
    )
    url = _source_url(raw.meta, parsed)
    date = _date(raw.meta, parsed, prose_sentences, url, knowledge)
    outlet, outlet_source = _outlet(raw.meta, parsed, url, knowledge)
    actor_mentions, quotes = find_actors(sentences, knowledge)
    actor_overrides = override_values(raw.meta.get("actors"))
    actor_mentions, quotes = apply_overrides(
        actor_mentions, quotes, actor_overrides, sentences, actor_index(knowledge)
    )
    lead = _lead(sentences, parsed, len(headline))
    events = find_events(sentences, actor_mentions, date, knowledge, lead)
    body_words = sum(len(b.text.split()) for b in blocks if b.kind not in {"source", "meta"})
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
        summary=_summary(_without_dateline(prose_sentences, parsed)),
        blocks=blocks,
        sentences=sentences,
        word_count=body_words + sum(len(h.split()) for h in headline),
        actor_mentions=actor_mentions,
        quotes=quotes,
        event_mentions=events,
        tags=tuple(str(t) for t in raw.meta.get("tags") or ()),
        actor_overrides=actor_overrides,
        event_overrides=tuple(str(e) for e in raw.meta.get("events") or ()),
        fingerprint=body_fingerprint(blocks),
        url=url,
        author=_text(raw.meta.get("author")),
    )


def _lead(sentences: tuple[str, ...], parsed: ParsedText, first: int) -> Lead:
    """Return where the article states its news: its headline, and the lead paragraph's first
    sentences (`first`: the body's first sentence) with the dateline that opens them."""
    opening = parsed.lead.split(None, 8)[:8]
    start = next(
        (n for n in range(first, len(sentences)) if sentences[n].split(None, 8)[:8] == opening),
        first,
    )
    dateline = parsed.dateline.text if parsed.dateline else ""
    at_start = bool(dateline) and start < len(sentences) and sentences[start].startswith(dateline)
    return Lead(start, LEAD, first > 0, len(dateline) if at_start else 0)


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
    sentences = _without_dateline(sentences, parsed)
    lead = sentences[0] if sentences else next((b.text for b in parsed.blocks), "Untitled")
    return generate_title(lead, knowledge.language), "generated"


def _date(
    meta: dict[str, Any] | Any,
    parsed: ParsedText,
    sentences: list[str],
    url: str | None,
    knowledge: Knowledge,
) -> DateInfo:
    if isinstance(meta.get("date"), dt.date):
        found = _text(meta.get("date_from"))  # `dossier add` says where it found the date
        return DateInfo(meta["date"], "front-matter", found or FRONT_MATTER_DATE)
    if parsed.marker_date is not None:
        return DateInfo(parsed.marker_date, "explicit", f"date {parsed.marker_date.isoformat()}")
    stated = _stated_date(parsed, knowledge)
    if stated is not None:
        return stated
    in_url = date_in_url(url) if url else None
    if in_url is not None:
        return DateInfo(in_url, "address", url)
    if sentences:
        captions = [b.text for b in parsed.blocks if b.kind == "caption"]
        return infer_publication_date(sentences, knowledge.language, captions)
    return UNKNOWN_DATE


def _source_url(meta: dict[str, Any] | Any, parsed: ParsedText) -> str | None:
    """Return the article's web address: its front matter's `url`, or a "Source: URL" line."""
    return web_url(meta.get("url")) or web_url(parsed.source_line)


def _text(value: Any) -> str | None:
    """Return a front matter value as one line of text, or None if it is missing or blank."""
    if value is None:
        return None
    return " ".join(str(value).split()) or None


def _outlet(
    meta: dict[str, Any] | Any, parsed: ParsedText, url: str | None, knowledge: Knowledge
) -> tuple[str | None, str | None]:
    if meta.get("outlet"):  # `dossier add` says where it found the outlet
        return str(meta["outlet"]).strip(), _text(meta.get("outlet_from")) or "front-matter"
    if parsed.source_line and not web_url(parsed.source_line):
        known = knowledge.outlet_named(parsed.source_line)
        return (known.name if known else parsed.source_line), "source line"
    site = knowledge.outlet_at(url) if url else None
    if site is not None:
        return site.name, f"web address ({domain_of(url or '')})"
    credited = _credited_outlet(parsed, knowledge)
    if credited is not None:
        return credited
    for block in parsed.blocks:
        credit = credit_of(block.text, knowledge.language) if block.kind == "caption" else None
        known = knowledge.outlet_named(credit) if credit else None
        if known is not None and not known.photo_agency:
            return known.name, f"photo credit ({credit})"
    if url:
        return domain_of(url), "web address"
    return None, None


def _stated_date(parsed: ParsedText, knowledge: Knowledge) -> DateInfo | None:
    """Return the date a date line or a dated dateline states; the earliest is the first edition.

    A date only labelled "Updated" is later than the publication, so it is not taken alone.
    """
    lines = sorted((d.date, d.text) for d in parsed.date_lines)
    if lines and any(d.label != "updated" for d in parsed.date_lines):
        return DateInfo(lines[0][0], "explicit", lines[0][1])
    dateline = parsed.dateline
    if dateline is not None and dateline.date is not None:
        found = full_date(dateline.date, knowledge.language)
        if found is not None and only_time_words(found[1], knowledge.language):
            return DateInfo(found[0], "explicit", dateline.text.strip(" –—-"))
    return None


def _credited_outlet(parsed: ParsedText, knowledge: Knowledge) -> tuple[str, str] | None:
    """Return the outlet a dateline "(AP)", a sign-off "— AFP" or a copyright line names."""
    if parsed.dateline is not None and parsed.dateline.outlet:
        name = parsed.dateline.outlet
        known = knowledge.outlet_named(name)
        if known is None or not known.photo_agency:
            return (known.name if known else name), f"dateline ({name})"
    named = [("sign-off", n) for n in parsed.credit_lines]
    named += [("byline", n) for n in _byline_names(parsed.bylines)]
    for where, name in named:
        known = knowledge.outlet_named(name)
        if known is not None and not known.photo_agency:
            return known.name, f"{where} ({name})"
    for name in parsed.copyright_lines:
        known = knowledge.outlet_named(name)
        if known is None or not known.photo_agency:
            return (known.name if known else name), f"copyright line ({name})"
    return None


def _byline_names(bylines: tuple[str, ...]) -> list[str]:
    """Return the runs of words of bylines that may name an outlet, longest first."""
    names: list[str] = []
    for line in bylines:
        parts = [p.strip() for p in re.split(r"[,|/;]|\s[-–—]\s", line)]
        words = re.sub(r"^(?:by|from):?\s+", "", line, flags=re.IGNORECASE).split()
        runs = [words[i : i + n] for n in range(4, 0, -1) for i in range(len(words) - n + 1)]
        names += parts + [" ".join(run).strip(",;|") for run in runs]
    return names


def _without_dateline(sentences: list[str], parsed: ParsedText) -> list[str]:
    """Return the sentences from the lead's on, its dateline ("KYIV, Ukraine (AP) — ") cut off:
    what page furniture stood above a dated lead is not the story's opening."""
    dateline = parsed.dateline
    at = next(
        (n for n, s in enumerate(sentences) if dateline and s.startswith(dateline.text)), None
    )
    if dateline is None or at is None:
        return sentences
    lead = sentences[at][len(dateline.text) :].strip()
    rest = sentences[at + 1 :]
    return [lead[:1].upper() + lead[1:], *rest] if lead else rest


def _summary(sentences: list[str]) -> str:
    """Return the lead: the first sentence, and the second too when the first is short."""
    summary: list[str] = []
    for sentence in sentences[:3]:
        summary.append(sentence)
        if len(" ".join(summary).split()) >= SUMMARY_MIN_WORDS:
            break
    return re.sub(r"\s+", " ", " ".join(summary)).strip()
