"""Score found actors against hand-written expectations: recall and precision over pairs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.extract import extract
from generator.extract.catalogue import actor_index
from generator.extract.names import fold
from generator.knowledge import Knowledge
from generator.models import Article, RawArticle


@dataclass
class Score:
    """Counts of article-actor pairs."""

    found: int = 0  # expected and found
    missed: int = 0
    extra: int = 0

    @property
    def recall(self) -> float:
        """Return the share of expected pairs found."""
        return self.found / max(1, self.found + self.missed)

    @property
    def precision(self) -> float:
        """Return the share of found pairs that were expected."""
        return self.found / max(1, self.found + self.extra)

    def add(self, other: Score) -> None:
        """Add another score's counts to this one."""
        self.found += other.found
        self.missed += other.missed
        self.extra += other.extra


def read_article(path: Path, knowledge: Knowledge) -> Article:
    """Extract one article file."""
    return extract(RawArticle(path.name, path.stem, path.read_text(encoding="utf-8")), knowledge)


def forms_by_actor(article: Article, knowledge: Knowledge) -> dict[str, set[str]]:
    """Return, per found actor id, every folded name it goes by (catalogue names and surfaces)."""
    entries = actor_index(knowledge).entries
    forms: dict[str, set[str]] = {}
    for mention in article.actor_mentions:
        names = forms.setdefault(mention.actor_id, set())
        names.add(fold(mention.surface))
        entry = entries.get(mention.actor_id)
        if entry is not None:
            names.update(fold(n) for n in (entry.name, *entry.aliases))
    return forms


def score_by_name(
    article: Article, expected: Iterable[Mapping[str, Any]], knowledge: Knowledge
) -> tuple[Score, list[str], list[str]]:
    """Match expected actors (name + variants) to found ids; return score, misses, extras."""
    forms = forms_by_actor(article, knowledge)
    score, missed, matched = Score(), [], set()
    for actor in expected:
        wanted = {fold(actor["name"])} | {fold(v) for v in actor.get("variants") or ()}
        hits = [i for i, names in forms.items() if names & wanted]
        if hits:
            score.found += 1
            matched.update(hits)
        else:
            score.missed += 1
            missed.append(actor["name"])
    extras = sorted(set(forms) - matched)
    score.extra = len(extras)
    return score, missed, extras


def load_yaml(path: Path) -> Any:
    """Read a YAML file."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))
