"""Front matter `actors:` becomes the article's actors, resolved through the catalogue."""

from __future__ import annotations

from pathlib import Path

from generator.extract import extract
from generator.knowledge import Knowledge
from generator.models import Article
from generator.read import read_article

PROSE = (
    "President Emmanuel Macron met Azerbaijani officials in Paris on Monday. "
    "Leyla Abdullayeva, the ambassador, said the talks were useful."
)


def _article(tmp_path: Path, front: str, knowledge: Knowledge) -> Article:
    path = tmp_path / "story.md"
    path.write_text(f"---\n{front}\n---\n{PROSE}\n", encoding="utf-8")
    return extract(read_article(path, tmp_path), knowledge)


def test_front_matter_actors_replace_the_found_ones(tmp_path: Path, knowledge: Knowledge) -> None:
    front = "actors: [emmanuel-macron, Azerbaijan, Coastal Futures Alliance]"
    article = _article(tmp_path, front, knowledge)
    assert set(article.actor_ids) == {"emmanuel-macron", "azerbaijan", "coastal-futures-alliance"}
    assert "leyla-abdullayeva" not in article.actor_ids
    assert all(0 <= m.sentence < len(article.sentences) for m in article.actor_mentions)
    assert not any(q.actor_id == "leyla-abdullayeva" for q in article.quotes)


def test_front_matter_names_resolve_through_aliases(tmp_path: Path, knowledge: Knowledge) -> None:
    article = _article(tmp_path, "actors: Ilham Aliyev", knowledge)
    assert article.actor_ids == ("ilham-aliyev",)
    assert article.actor_overrides == ("Ilham Aliyev",)


def test_no_front_matter_actors_keeps_inference(tmp_path: Path, knowledge: Knowledge) -> None:
    article = _article(tmp_path, "title: Talks", knowledge)
    assert {"emmanuel-macron", "leyla-abdullayeva"} <= set(article.actor_ids)
