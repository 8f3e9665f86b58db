"""Find duplicate articles: one text saved under two names, or a syndicated copy of it.

A copy is published once: the article whose id (file name) sorts first keeps its page, and the
page lists the other files as further sources. Exact copies are found by a hash of the
normalised body; syndicated copies (another headline, a credit line added, a word changed) by
comparing bodies that share an opening or closing paragraph, so the work stays near linear.
Both start from each article's fingerprint (extract/fingerprint.py): only the bodies of
articles that share something are read. What a comparison found can be kept for the next run
(`Verdicts`, kept by duplicate_memo.py): a body's digest stands for it, so an update compares
only the bodies it has not compared before.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz import fuzz

from generator.extract.fingerprint import body_fingerprint, paragraphs, word_count
from generator.models import Article, Fingerprint, Problem

SIMILAR = 90.0  # rapidfuzz ratio (0-100) of two normalised bodies that makes them one article
NEAR_MIN_WORDS = 40  # shorter bodies must match exactly: a few words say too little

Pair = tuple[bytes, bytes]  # the digests of two normalised bodies, the smaller first


@dataclasses.dataclass(slots=True)
class Verdicts:
    """Whether two bodies tell one story: as found before (`known`), and as this run asked."""

    known: Mapping[Pair, bool] = dataclasses.field(default_factory=dict)
    asked: dict[Pair, bool] = dataclasses.field(default_factory=dict)


class _Groups:
    """Union-find over article indexes; the smallest index of a group is its root."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


class _Bodies:
    """The normalised bodies of the articles, each worked out when first compared."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = articles
        self.found: dict[int, str] = {}

    def __getitem__(self, i: int) -> str:
        if i not in self.found:
            self.found[i] = " ".join(paragraphs(self.articles[i].blocks))
        return self.found[i]


def _candidates(prints: Sequence[Fingerprint]) -> Iterable[tuple[int, int]]:
    """Yield pairs of articles worth comparing: same body, or a shared first or last paragraph."""
    buckets: dict[tuple[str, bytes], list[int]] = defaultdict(list)
    for i, found in enumerate(prints):
        if not found.words:
            continue
        keys = {("=", found.body)}
        if found.words >= NEAR_MIN_WORDS:
            keys |= {("<", p) for p in found.opening}
            if found.closing is not None:
                keys.add((">", found.closing))
        for key in keys:
            buckets[key].append(i)
    seen: set[tuple[int, int]] = set()
    for key in sorted(buckets):
        members = buckets[key]
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                if (i, j) not in seen:
                    seen.add((i, j))
                    yield i, j


def _same_story(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(word_count(a), word_count(b)) < NEAR_MIN_WORDS:
        return False
    return fuzz.ratio(a, b, score_cutoff=SIMILAR) >= SIMILAR


def merge_duplicates(
    articles: Iterable[Article], verdicts: Verdicts | None = None
) -> tuple[list[Article], list[Problem]]:
    """Publish each text once; return the articles kept and a Problem for each copy merged.

    With `verdicts`, a pair of bodies it knows is not compared again, and each pair compared
    or looked up is added to its `asked`.
    """
    verdicts = Verdicts() if verdicts is None else verdicts
    ordered = sorted(articles, key=lambda a: (a.id, a.source_file))  # "x" before "x copy"
    prints = [a.fingerprint or body_fingerprint(a.blocks) for a in ordered]
    bodies = _Bodies(ordered)
    groups = _Groups(len(ordered))
    for i, j in _candidates(prints):
        if groups.find(i) == groups.find(j):
            continue
        pair = (min(prints[i].body, prints[j].body), max(prints[i].body, prints[j].body))
        same = verdicts.known.get(pair)
        if same is None:
            same = _same_story(bodies[i], bodies[j])
        verdicts.asked[pair] = same
        if same:
            groups.join(i, j)
    copies: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ordered)):
        if groups.find(i) != i:
            copies[groups.find(i)].append(i)
    kept: list[Article] = []
    problems: list[Problem] = []
    for i, article in enumerate(ordered):
        if groups.find(i) != i:
            continue
        others = copies.get(i, [])
        if others:
            extra = (*article.extra_sources, *(ordered[j].source_file for j in others))
            article = dataclasses.replace(article, extra_sources=tuple(dict.fromkeys(extra)))
        kept.append(article)
        for j in others:
            same = prints[j].body == prints[i].body
            problems.append(
                Problem(ordered[j].source_file, _reason(ordered[j], article, same), False, COPY)
            )
    return kept, problems


COPY = "with the text of an earlier file (published once, on that file's page)"


def _reason(copy: Article, original: Article, same_text: bool) -> str:
    """Say why a file was merged, and where its text is published."""
    what = "the same text as" if same_text else "a copy of the text of"
    headline = " under another headline" if copy.title != original.title else ""
    return (
        f"duplicate: {what} {original.source_file}{headline};"
        f" published once, on that article's page, which lists both files"
    )


def free_name(base: str, taken: Mapping[str, str] | set[str]) -> str:
    """Return `base`, or `base-2`, `base-3`... : the first that is not taken."""
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}-{n}"
    return name


def unique_ids(articles: Iterable[Article]) -> tuple[list[Article], list[Problem]]:
    """Number the ids of different files that share a name (`a.txt`, `a.md`, `x/a.txt`)."""
    ordered = sorted(articles, key=lambda a: (a.source_file, a.id))
    taken: dict[str, str] = {}
    result: list[Article] = []
    problems: list[Problem] = []
    for article in ordered:
        new_id = free_name(article.id, taken)
        if new_id != article.id:
            first = taken[article.id]
            reason = f"its name gives the id {article.id!r}, as {first} does; its id is {new_id!r}"
            problems.append(Problem(article.source_file, reason, skipped=False))
            article = dataclasses.replace(article, id=new_id)
        taken[new_id] = article.source_file
        result.append(article)
    return result, problems
