"""Faster helpers of the extractor give what the plain code they replace gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.body import _SPACES, _normalise
from generator.extract.date_lines import _has_other_words, _strip_label, full_date, only_time_words
from generator.extract.events.kinds import event_types, sentence_figures
from generator.extract.furniture import credit_regex, credits, furniture_of
from generator.extract.names import tokenize
from generator.extract.sentences import _last_word
from generator.knowledge import Knowledge

TEXT = st.text(alphabet=st.sampled_from("ab. \n_é1(İ"), max_size=12) | st.text(max_size=12)


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_last_word_is_what_a_search_for_it_finds(text: str) -> None:
    match = re.search(r"([\w.]+)$", text)
    assert _last_word(text) == (match.group(1) if match else "")


CREDITS = ("({credit} Photo)", "(Photo: {credit})", "Photo by {credit}", "(Photo/{credit})")
CREDITS += ("{CREDIT}/{photographer}",)
CAPTION_PARTS = ["(AP Photo)", "Photo by", "(Photo: Reuters)", " ", "x", "\n", "(", ")", ". "]
CAPTION_PARTS += ["AFP/", "REUTERS/Jo Li", "/File Photo", "Ann"]
CAPTION = st.lists(
    st.sampled_from(CAPTION_PARTS) | st.text(max_size=4),
    max_size=6,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(CAPTION)
def test_one_credit_pattern_matches_where_one_of_the_credits_would(text: str) -> None:
    plain = [re.compile(credit_regex(c) + r"\s*$") for c in CREDITS]
    joined = credits(CREDITS)
    assert bool(joined.search(text)) == any(p.search(text) for p in plain)
    assert joined.fullmatch(text) == any(p.fullmatch(text) for p in plain)
    blanked = joined.blank(text)
    assert len(blanked) == len(text) and (blanked == text) == (joined.search(text) is None)
    assert not credits(()).search(text)


@settings(max_examples=500, deadline=None)
@given(st.text().map(lambda t: t.translate({ord(c): " " for c in "-'’"})))
def test_tokens_of_a_text_without_hyphen_or_apostrophe_are_as_the_full_loop_gives(
    text: str,
) -> None:
    suffixes = frozenset({"led", "based"})
    full = tokenize(text + " -", suffixes)  # a hyphen sends the text through the full loop
    assert tokenize(text, suffixes) == full[:-1]
    assert full[-1].text == "-"


FIGURE_WORDS = ("at least", "Three", "thouſands", "12", "$5", "people", "killed", "magnitude", "٣")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(FIGURE_WORDS) | st.text(max_size=5), max_size=8).map(" ".join))
def test_figures_are_what_the_figure_pattern_finds(knowledge: Knowledge, sentence: str) -> None:
    types = event_types(knowledge)
    plain = tuple(dict.fromkeys(m.group(0).strip() for m in types.figures.finditer(sentence)))
    assert sentence_figures(sentence, types) == plain


FULL_DATES = ("5 of March 2023", "21st of Sept. 2023", "March 14, 2023", "2023-03-14", "14/03/2023")
BESIDE_DATES = (
    *("of", "March", "2023", "21st", "st", ",", "|", "ſept", "2023abc", "Marchx", "T09:30"),
    *("10:30", "GMT", "Tuesday", "at", "am", "p.m.", "Published", "news", "h", "x", "5"),
)
BESIDE = st.lists(st.sampled_from(BESIDE_DATES) | st.text(max_size=3), max_size=3).map(" ".join)


@settings(max_examples=1000, deadline=None)
@given(st.tuples(BESIDE, st.sampled_from(FULL_DATES), BESIDE).map(" ".join))
def test_a_line_with_other_words_is_no_date_line(knowledge: Knowledge, line: str) -> None:
    language = knowledge.language
    if _has_other_words(line, language):
        found = full_date(line, language)
        assert found is None or not only_time_words(found[1], language)


SPACES = st.lists(
    st.sampled_from((" ", "  ", "\t", "\u00a0", "\u2009 ", "\u3000", "a", "b c", "\f\v")),
    max_size=8,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(SPACES | st.text(max_size=12))
def test_normalising_a_line_makes_every_run_of_spaces_one_space(line: str) -> None:
    assert _normalise(line) == _SPACES.sub(" ", line).strip()


LABELS = st.lists(
    st.sampled_from(("Published", "UPDATED", "Updated:", "ß", "İ", "on", " ", "x", "2023", "ﬁ"))
    | st.text(max_size=3),
    max_size=5,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(LABELS)
def test_a_label_is_found_as_folding_the_whole_line_finds_it(
    knowledge: Knowledge, line: str
) -> None:
    furniture = furniture_of(knowledge.language)
    folded = line.casefold()
    found = [
        (len(label), kind)
        for kind, labels in (
            ("updated", furniture.updated_labels),
            ("published", furniture.published_labels),
        )
        for label in labels
        if folded.startswith(label) and not folded[len(label) : len(label) + 1].isalpha()
    ]
    length, kind = max(found) if found else (0, None)
    expected = (kind, line[length:].lstrip(" :,|-–—")) if found else (None, line)
    assert _strip_label(line, furniture) == expected
