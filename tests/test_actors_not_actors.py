"""Names that are no actor: common acronyms, events and competitions, roles, a town after a
title-like adjective ("general assembly meeting in ..."); a platform named as another's former
name. Original sentences."""

from __future__ import annotations

import pytest

from generator.extract import extract
from generator.knowledge import Knowledge
from generator.models import RawArticle


def _ids(knowledge: Knowledge, body: str) -> set[str]:
    article = extract(RawArticle("n.txt", "n", f"Harbour news\n\n{body}\n"), knowledge)
    return {m.actor_id for m in article.actor_mentions}


@pytest.mark.parametrize(
    ("body", "absent", "present"),
    [
        (
            "The AI race took a turn on Monday when Nordsoft said the IT outage was over.",
            {"ai", "it"},
            set(),
        ),
        (
            "The Root Cause Analysis said the defect was missed, and Orla Brennick said the "
            "firm would fix it.",
            {"root-cause-analysis"},
            {"orla-brennick"},
        ),
        (
            "Officials at the Nordic Cup said the final would go ahead, and Ruud Okafor said "
            "the team was proud.",
            {"nordic-cup"},
            {"ruud-okafor"},
        ),
        (
            "Twitch CEO said on Monday that it was over. The statement, the Technology Officer "
            "said, was late.",
            {"twitch-ceo", "technology-officer"},
            set(),
        ),
        (
            "Orla Brennick said during an emergency general assembly meeting in Villa Ondara, "
            "Spain, on Friday that she would stay.",
            {"villa-ondara"},
            {"orla-brennick", "spain"},
        ),
        (
            "Orla Brennick wrote on X, formerly Twitter, that she was leaving the board.",
            {"twitter"},
            {"orla-brennick"},
        ),
    ],
)
def test_names_that_are_no_actor(
    knowledge: Knowledge, body: str, absent: set[str], present: set[str]
) -> None:
    found = _ids(knowledge, body)
    assert not found & absent, found
    assert present <= found, found


@pytest.mark.parametrize(
    ("body", "actor", "kind"),
    [
        ("NVB bought the harbour arm of the bank for one pound on Monday.", "nvb", "organization"),
        ("KSFA said it would not comment on the ban.", "ksfa", "organization"),
        ("OB said he was sorry for the losses.", "ob", "person"),
    ],
)
def test_an_acronym_that_acts_is_an_actor(
    knowledge: Knowledge, body: str, actor: str, kind: str
) -> None:
    article = extract(RawArticle("n.txt", "n", f"Harbour news\n\n{body}\n"), knowledge)
    kinds = {m.actor_id: m.type for m in article.actor_mentions}
    assert kinds.get(actor) == kind, kinds


def test_an_acronym_that_reports_is_a_source(knowledge: Knowledge) -> None:
    assert "hbn" not in _ids(knowledge, "HBN reported that the harbour would close on Friday.")
