"""Load what the generator knows (words, outlets, actors, event types) from editable YAML files."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from generator.errors import CatalogueError

BUILTIN = resources.files("generator") / "data"


@dataclass(frozen=True, slots=True)
class Language:
    """Words of the article language: month and weekday names, abbreviations, cue phrases."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    abbreviations: frozenset[str]
    photo_credits: tuple[str, ...]
    source_labels: tuple[str, ...]
    time_adverbials: tuple[str, ...]
    title_breaks: tuple[str, ...]
    title_bad_endings: frozenset[str]
    # Patterns of web-page lines around the story (bylines, date lines, ads), by kind.
    page_furniture: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news outlet and the short forms it goes by."""

    name: str
    aliases: tuple[str, ...] = ()
    photo_agency: bool = False
    domains: tuple[str, ...] = ()  # the sites it publishes on ("reuters.com")


@dataclass(frozen=True, slots=True)
class ClauseWords:
    """The closed word classes the clause reader needs (clauses.yaml), folded."""

    not_happenings: frozenset[str] = frozenset()
    speech: frozenset[str] = frozenset()
    speech_acts: frozenset[str] = frozenset()  # "vowed", "warned": news in themselves
    audiences: frozenset[str] = frozenset()  # who a verb of speech tells when it testifies
    reporting: frozenset[str] = frozenset()
    irrealis: frozenset[str] = frozenset()
    conditional: frozenset[str] = frozenset()
    absolutes: frozenset[str] = frozenset()
    noun_times: frozenset[str] = frozenset()
    perfect: frozenset[str] = frozenset()
    passive: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()
    noun_markers: frozenset[str] = frozenset()
    relative: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    modals: frozenset[str] = frozenset()
    title_stops: frozenset[str] = frozenset()
    title_junk: frozenset[str] = frozenset()
    day_parts: frozenset[str] = frozenset()
    present_be: frozenset[str] = frozenset()  # "is", "are": a progressive in the present
    present_perfect: frozenset[str] = frozenset()  # "has", "have": a present perfect
    plural_pronouns: frozenset[str] = frozenset()
    time_nouns: frozenset[str] = frozenset()
    name_joiners: frozenset[str] = frozenset()
    subordinators: frozenset[str] = frozenset()  # "after", "because": open a clause of its own
    embedding: frozenset[str] = frozenset()  # "what", "which": open a clause in an object
    senses: Mapping[str, str] = field(default_factory=dict)  # verb (or phrasal verb) -> sense


def load_clause_words(data: Mapping[str, Any]) -> ClauseWords:
    """Build the ClauseWords from the mapping in clauses.yaml; a verb keeps its first sense."""
    senses: dict[str, str] = {}
    for sense, verbs in (data.get("senses") or {}).items():
        for verb in _strings(verbs, f"senses: {sense}"):
            senses.setdefault(verb, str(sense).casefold())

    def words(key: str) -> frozenset[str]:
        return frozenset(_strings(data.get(key), key))

    return ClauseWords(
        **{name: words(name) for name in ClauseWords.__dataclass_fields__ if name != "senses"},
        senses=senses,
    )


def _strings(values: Any, label: str) -> list[str]:
    """Return a list of words, folded; YAML reads a bare on, off, no or yes as true or false."""
    words = list(values or ())
    wrong = [w for w in words if not isinstance(w, str)]
    if wrong:
        raise CatalogueError(
            f"generator/data/clauses.yaml: {label}: {wrong[0]!r} is not a word (quote it)"
        )
    return [w.casefold() for w in words]


@dataclass(frozen=True, slots=True)
class Encodings:
    """What choosing a legacy encoding weighs (encodings.yaml): code pages and alphabets."""

    code_pages: Mapping[str, str] = field(default_factory=dict)  # codec -> name, commonest first
    alphabets: Mapping[str, frozenset[str]] = field(default_factory=dict)  # small and capitals
    scripts: frozenset[str] = frozenset()  # the scripts of their letters (LATIN, CYRILLIC, ...)
    inside_words: frozenset[str] = frozenset()  # the punctuation a word may have inside
    punctuation: frozenset[str] = frozenset()  # the other marks and symbols text commonly has


def load_encodings(data: Mapping[str, Any]) -> Encodings:
    """Build the Encodings from the mapping in encodings.yaml; each alphabet gains its capitals."""
    alphabets = {}
    for language, letters in (data.get("alphabets") or {}).items():
        small = set(str(letters))
        alphabets[str(language)] = frozenset(
            small | {c.upper() for c in small if len(c.upper()) == 1}
        )
    pages = {str(codec): str(name) for codec, name in (data.get("code_pages") or {}).items()}
    scripts = {script_of(c) for letters in alphabets.values() for c in letters}
    inside = frozenset(str(data.get("inside_words") or ""))
    marks = frozenset(str(data.get("punctuation") or ""))
    return Encodings(pages, alphabets, frozenset(scripts - {""}), inside, marks)


def script_of(letter: str) -> str:
    """Return the script a letter's Unicode name begins with ("LATIN", "CYRILLIC"), or ""."""
    return unicodedata.name(letter, "").partition(" ")[0]


def builtin_encodings() -> Encodings:
    """Load encodings.yaml alone, for a caller that has no Knowledge (a test, a tool)."""
    path = BUILTIN / "encodings.yaml"
    return load_encodings(_load_yaml(path, "generator/data/encodings.yaml") or {})


@dataclass(frozen=True, slots=True)
class Knowledge:
    """Everything the extractors look up, loaded once per run."""

    language: Language
    outlets: tuple[Outlet, ...]
    actors: tuple[Mapping[str, Any], ...] = ()  # catalogue entries, as written
    event_types: Mapping[str, Any] = field(default_factory=dict)
    events: tuple[Mapping[str, Any], ...] = ()  # hand-named events
    clauses: ClauseWords = field(default_factory=ClauseWords)
    encodings: Encodings = field(default_factory=Encodings)
    fingerprint: str = ""  # changes whenever any knowledge file changes

    def outlet_named(self, name: str) -> Outlet | None:
        """Return the outlet whose name or alias is `name` (case-insensitive)."""
        wanted = name.strip().casefold()
        for outlet in self.outlets:
            if wanted in {n.casefold() for n in (outlet.name, *outlet.aliases)}:
                return outlet
        return None

    def outlet_at(self, url: str) -> Outlet | None:
        """Return the outlet whose site an address is on ("https://www.bbc.co.uk/news/..")."""
        host = (urlsplit(url).hostname or "").casefold()
        for outlet in self.outlets:
            if any(host == d or host.endswith("." + d) for d in outlet.domains):
                return outlet
        return None


def safe_load(text: str) -> Any:
    """Parse YAML safely with libyaml when PyYAML has it (many times faster), else in Python.

    Text libyaml refuses goes to the pure-Python parser, so errors read as they always have.
    """
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is not None:
        try:
            return yaml.load(text, Loader=loader)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def _load_yaml(path: Path | Any, label: str) -> Any:
    try:
        return safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{label}: not valid YAML ({exc})") from exc


def _as_list(data: Any, label: str) -> list[Mapping[str, Any]]:
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        raise CatalogueError(f"{label}: expected a list of entries")
    return data


def load_language(data: Mapping[str, Any]) -> Language:
    """Build the Language from the mapping in language.yaml."""
    return Language(
        months={k.casefold(): int(v) for k, v in data["months"].items()},
        weekdays={k.casefold(): int(v) for k, v in data["weekdays"].items()},
        abbreviations=frozenset(str(a) for a in data["abbreviations"]),
        photo_credits=tuple(data["photo_credits"]),
        source_labels=tuple(data["source_labels"]),
        time_adverbials=tuple(data["time_adverbials"]),
        title_breaks=tuple(data["title_breaks"]),
        title_bad_endings=frozenset(w.casefold() for w in data["title_bad_endings"]),
        page_furniture={k: tuple(v) for k, v in (data.get("page_furniture") or {}).items()},
    )


def _catalogue_files(catalogue_dir: Path | None, name: str) -> list[Path]:
    if catalogue_dir is None or not catalogue_dir.is_dir():
        return []
    return sorted(catalogue_dir.glob(f"{name}*.yaml"))


def load_knowledge(catalogue_dir: Path | None = None) -> Knowledge:
    """Load the built-in data, then the user's catalogue files (`actors*.yaml`, `events*.yaml`)."""
    digest = hashlib.sha256()
    builtin: dict[str, Any] = {}
    for item in sorted(BUILTIN.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            text = item.read_text(encoding="utf-8")
            digest.update(item.name.encode() + b"\0" + text.encode())
            builtin[item.name.removesuffix(".yaml")] = _load_yaml(
                item, f"generator/data/{item.name}"
            )

    actors: list[Mapping[str, Any]] = []
    for name in ("countries", "organizations"):
        actors += _as_list(builtin.get(name), f"generator/data/{name}.yaml")
    events: list[Mapping[str, Any]] = []
    for path in _catalogue_files(catalogue_dir, "actors"):
        digest.update(path.read_bytes())
        actors += _as_list(_load_yaml(path, str(path)), str(path))
    for path in _catalogue_files(catalogue_dir, "events"):
        digest.update(path.read_bytes())
        events += _as_list(_load_yaml(path, str(path)), str(path))

    outlets = tuple(
        Outlet(
            o["name"],
            tuple(o.get("aliases") or ()),
            bool(o.get("photo_agency")),
            tuple(str(d).casefold().removeprefix("www.") for d in o.get("domains") or ()),
        )
        for o in _as_list(builtin.get("outlets"), "generator/data/outlets.yaml")
    )
    return Knowledge(
        language=load_language(builtin["language"]),
        outlets=outlets,
        actors=tuple(actors),
        event_types=builtin.get("event_types") or {},
        events=tuple(events),
        clauses=load_clause_words(builtin.get("clauses") or {}),
        encodings=load_encodings(builtin.get("encodings") or {}),
        fingerprint=digest.hexdigest(),
    )
