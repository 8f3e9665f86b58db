"""The lead states an article's news: found below page furniture, read without its dateline."""

from __future__ import annotations

from generator.extract import extract
from generator.knowledge import Knowledge
from generator.models import RawArticle
from tests.test_extract_body import FURNITURE_ABOVE_LEAD


def test_news_of_a_dated_lead_below_furniture_is_an_event(knowledge: Knowledge) -> None:
    raw = RawArticle("ferry.txt", "ferry", FURNITURE_ABOVE_LEAD)
    article = extract(raw, knowledge)
    assert article.summary.startswith("A Portuguese court fined")  # no furniture, no dateline
    lead = next(i for i, s in enumerate(article.sentences) if s.startswith("LISBON"))
    news = [m for m in article.event_mentions if m.sentence == lead]
    assert news, article.event_mentions
    assert news[0].role == "reports"
    assert news[0].trigger == "fined"
    assert news[0].date.phrase != "May 4"  # the dateline's date is the article's, not the fine's
    assert news[0].weekday == 3  # "on Thursday", kept for dating against other reports
