"""The home page says what the dossier holds, outlets included: how many articles name none."""

from __future__ import annotations

from generator.extract import extract
from generator.index import build_corpus
from generator.knowledge import Knowledge
from generator.models import RawArticle
from generator.render.environment import make_environment
from generator.render.home import render_home
from tests.conftest import ROOT


def test_home_says_how_many_articles_name_no_outlet(knowledge: Knowledge) -> None:
    texts = {
        "a": "Port reopens\n\nKORSBY, March 3 (Reuters) - The port reopened on Monday.",
        "b": "Ferries resume\n\nFerries resumed their crossings on Tuesday.",
        "c": "Strike ends\n\nThe dockworkers ended their strike on Wednesday.",
    }
    raws = [RawArticle(f"{stem}.txt", stem, text) for stem, text in texts.items()]
    corpus = build_corpus([extract(raw, knowledge) for raw in raws], knowledge)
    home = render_home(corpus, make_environment(ROOT / "templates"))[0].data.decode()
    assert "- Reuters (1 article)" in home
    assert "2 articles do not say which outlet published them." in home
