"""The lead states an article's news: found below page furniture, read without its dateline."""

from __future__ import annotations

import datetime as dt

from generator.extract import extract
from generator.knowledge import Knowledge
from generator.models import Article, EventMention, RawArticle
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


def _article(text: str, knowledge: Knowledge) -> Article:
    return extract(RawArticle("story.txt", "story", text), knowledge)


def _news(article: Article) -> EventMention:
    """Return the news of the lead's first body sentence (the one under the headline)."""
    return next(m for m in article.event_mentions if m.sentence == 1 and m.role == "reports")


def test_the_lead_paragraph_names_the_day_of_its_news(knowledge: Knowledge) -> None:
    text = (
        "date 2024-03-04 Harbour pilots walk out at Port Karvel\n\n"
        "Harbour pilots at Port Karvel walked out over pay, halting traffic at the terminal.\n\n"
        "The strike began at dawn on Sunday, the pilots' union said.\n\n"
        "Talks are set to resume next month."
    )
    news = _news(_article(text, knowledge))
    assert news.date.value == dt.date(2024, 3, 3)  # Sunday, the day before Monday's article


def test_without_a_day_in_its_lead_the_news_stays_undated(knowledge: Knowledge) -> None:
    text = (
        "date 2024-03-04 Harbour pilots walk out at Port Karvel\n\n"
        "Harbour pilots at Port Karvel walked out over pay, halting traffic at the terminal.\n\n"
        "The union has about 300 members."
    )
    news = _news(_article(text, knowledge))
    assert news.date.value is None  # Monday's article may tell of Sunday: no guess


def test_a_day_of_a_report_or_of_a_relative_clause_is_not_the_news_day(
    knowledge: Knowledge,
) -> None:
    text = (
        "date 2024-03-04 Inquiry finds the ferry lost steering\n\n"
        "The ferry Aster Bay lost steering twice before it hit the pier, investigators said"
        " on Friday.\n\n"
        "The findings are in a report, which was released on Sunday.\n\n"
        "A few weeks ago the operator replaced its chief engineer."
    )
    article = _article(text, knowledge)
    lost = [m for m in article.event_mentions if m.trigger == "lost"]
    assert lost and all(m.date.value is None for m in lost), lost
    assert all(m.date.value != dt.date(2024, 3, 4) for m in article.event_mentions)


def test_an_announced_happening_takes_the_day_of_the_announcement(knowledge: Knowledge) -> None:
    text = (
        "date 2024-03-06 Rowing federation drops its coach\n\n"
        "The acting president of the rowing federation announced on Tuesday that head coach"
        " Ivo Marek - a figure close to the old board - had been dismissed.\n\n"
        "Marek did not comment."
    )
    article = _article(text, knowledge)
    fired = next(m for m in article.event_mentions if m.trigger == "was dismissed")
    assert fired.date.value == dt.date(2024, 3, 5)
    assert fired.headline.endswith("Ivo Marek was dismissed")


def test_a_dateline_may_open_with_its_date(knowledge: Knowledge) -> None:
    text = "Ferry inquiry\n\n4 March 2024 (Harbour Times) - The ferry lost steering.\n\nMore."
    article = _article(text, knowledge)
    assert article.date.value == dt.date(2024, 3, 4)
    assert article.outlet == "Harbour Times"


def test_a_verb_of_reporting_with_nothing_of_its_own_is_no_event(knowledge: Knowledge) -> None:
    text = (
        "date 2024-03-06 Regulator opens an inquiry into the ferry operator\n\n"
        "The maritime regulator opened an inquiry into Tagus Lines on Tuesday, Radio Porto"
        " reported.\n\n"
        "The minister announced on Tuesday that the ferry would stay in port."
    )
    article = _article(text, knowledge)
    verbs = {m.trigger for m in article.event_mentions if m.headline}
    assert "opened" in verbs
    assert "reported" not in verbs and "announced" not in verbs, article.event_mentions


def test_a_cut_date_leaves_the_right_article(knowledge: Knowledge) -> None:
    text = (
        "date 2024-07-22 Outage grounds flights\n\n"
        "A July 2024 outage grounded flights across the region on Friday.\n\n"
        "Airports reopened later."
    )
    titles = [m.headline for m in _article(text, knowledge).event_mentions if m.headline]
    assert any(t.startswith("An outage grounded flights") for t in titles), titles
