"""Read exports of news databases (CSV, JSON, JSON Lines): one article a row.

Columns are recognised by their usual names (Media Cloud, GDELT, news APIs, Zotero); `--map
field=column` names others.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import email.utils
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.collect.found import NotAnArticle

COLUMNS = {
    "url": ("url", "link", "uri", "source_url", "article_url", "canonical_url",
            "documentidentifier"),
    "title": ("title", "headline", "name"),
    "date": ("date", "publish_date", "published", "publication_date", "published_at",
             "date_published", "pubdate", "seendate", "publish_date_time"),
    "text": ("text", "content", "body", "full_text", "article_text", "maintext", "abstractnote"),
    "outlet": ("outlet", "source", "domain", "media_name", "publisher", "site_name", "sitename",
               "source_name", "publicationtitle", "sourcecommonname"),
    "author": ("author", "authors", "byline", "creator"),
}  # fmt: skip
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?\d{6}Z?)?$")


@dataclass(frozen=True, slots=True)
class Row:
    """One article of an export, its fields by Dossier's names."""

    number: int  # 1 for the first article
    fields: Mapping[str, str]


def export_rows(path: Path, mapping: Mapping[str, str]) -> Iterator[Row]:
    """Return the rows of a CSV, JSON or JSON Lines export, fields named as in COLUMNS."""
    text = path.read_text(encoding="utf-8-sig")
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        records = [json.loads(line) for line in text.splitlines() if line.strip()]
    elif suffix == ".json":
        data = json.loads(text)
        if isinstance(data, dict):  # {"articles": [...]}, {"data": [...]}, {"results": [...]}
            data = next((v for v in data.values() if isinstance(v, list)), [data])
        records = data
    elif suffix in (".csv", ".tsv"):
        dialect = "excel-tab" if suffix == ".tsv" else "excel"
        records = list(csv.DictReader(io.StringIO(text), dialect=dialect))
    else:
        raise NotAnArticle(f"unknown export type {suffix!r} (import reads .csv, .json, .jsonl)")
    for number, record in enumerate(records, start=1):
        if isinstance(record, dict):
            yield Row(number, _fields(record, mapping))


def _fields(record: Mapping[str, Any], mapping: Mapping[str, str]) -> dict[str, str]:
    folded = {str(k).strip().casefold(): v for k, v in record.items()}
    fields = {}
    for name, columns in COLUMNS.items():
        wanted = (mapping[name].casefold(),) if name in mapping else columns
        value = next((folded[c] for c in wanted if folded.get(c) not in (None, "", [])), None)
        if isinstance(value, list):  # authors: ["A", "B"]
            value = ", ".join(str(v.get("name", v) if isinstance(v, dict) else v) for v in value)
        if isinstance(value, dict):
            value = value.get("name") or value.get("url") or ""
        if value not in (None, ""):
            fields[name] = str(value).strip()
    return fields


def row_date(value: str | None) -> dt.date | None:
    """Return the day an export's date states: ISO, GDELT's 20240105T123000Z, RFC 2822."""
    if not value:
        return None
    value = value.strip()
    with contextlib.suppress(ValueError):
        return dt.date.fromisoformat(value[:10])
    if match := _COMPACT.match(value):
        with contextlib.suppress(ValueError):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
    with contextlib.suppress(TypeError, ValueError, IndexError):
        return email.utils.parsedate_to_datetime(value).date()
    return None
