"""Cues around a run of capitalised words: what makes it a person, an organisation, or neither."""

from __future__ import annotations

import itertools

from generator.extract.names import actor_slug, dictionary_word, fold, past_verb
from generator.extract.reading import CONNECTORS, Reading

DASHES = frozenset([",", ":", "(", "-", "—", "–"])
MAX_ACRONYM = 7
# Verbs after a one-word name that make it the source of a report ("CRN reported").
REPORTED = frozenset(("reported", "reports", "reporting"))


def starts_name(reading: Reading, s: int, i: int) -> bool:
    """Return whether token i can start a name: a name word, or "Western" before one."""
    if reading.is_name(s, i):
        return True
    tok = reading.tokens[s][i] if i < len(reading.tokens[s]) else None
    prefixes = reading.index.words.name_prefixes
    return bool(
        tok and tok.text[:1].isupper() and tok.key in prefixes and reading.is_name(s, i + 1)
    )


def opens_org(reading: Reading, s: int, i: int, j: int) -> bool:
    """Return whether token i opens the organisation name [i, j) though it is a stop word:
    "State" in "the State Data Protection Inspectorate", ended by a head word."""
    words = reading.index.words
    if reading.key(s, i) not in words.org_openers or reading.key(s, j - 1) not in words.heads:
        return False
    after = i + 2 if reading.key(s, i + 1) in CONNECTORS else i + 1  # "Port of Rotterdam"
    return after < j - 1 and reading.is_name(s, after) and reading.tokens[s][i].text[:1].isupper()


def names_a_thing(reading: Reading, s: int, end: int) -> bool:
    """Return whether the word after a name run makes it a law, a treaty or a place: "the
    Digital Markets Act" names no actor."""
    toks = reading.tokens[s]
    return (
        end < len(toks)
        and toks[end].text[:1].isupper()
        and toks[end].key in reading.index.words.thing_words
    )


def org_start(reading: Reading, s: int, i: int, j: int) -> int:
    """Return where the name run [i, j) starts with the stop word that opens it, if any
    ("Port of" before "Rotterdam Authority"); else i."""
    for start in (i - 1, i - 2):
        if start < 0 or any(reading.covered[s][start:i]):
            break
        if opens_org(reading, s, start, j):
            return start
        if reading.key(s, start) not in CONNECTORS:
            break
    return i


def dateline(reading: Reading, s: int, i: int, j: int) -> bool:
    """Return whether the run is a dateline ("CAPE TOWN, ...") or a place ("... Bank zone")."""
    toks = reading.tokens[s][i:j]
    if reading.key(s, j) in reading.index.words.place_nouns:
        return True  # "the Agulhas Bank zone" is a place
    return (
        i == 0
        and all(t.text.isupper() and len(t.text) > 2 for t in toks)
        and reading.key(s, j) in DASHES
    )


def possessive_at(reading: Reading, s: int, i: int, j: int) -> int | None:
    """Return where to split "Smith's United Conservative Party": a known or whole owner."""
    for p in range(i + 1, j - 1):
        if reading.key(s, p) != "'s":
            continue
        left = tuple(reading.key(s, k) for k in range(i, p))
        words = reading.index.words
        known = left in reading.local or any(
            t.how == "name" for t in reading.index.aliases.get(left, ())
        )
        right = [reading.key(s, k) for k in range(p + 1, j)]
        owner = known or left[-1] in words.heads or left_is_body(reading, s, i, p)
        headed = right[-1] in words.heads or any(  # "the Coast Guard's Marine Board of X"
            key in words.heads and after in ("of", "for", "on")
            for key, after in itertools.pairwise(right)
        )
        if (owner and headed) or (
            (owner or person_shaped(reading, s, p + 1, j)) and not set(right) & CONNECTORS
        ):
            return p
    return None


def two_names_at(reading: Reading, s: int, i: int, j: int) -> int | None:
    """Return where "and" joins two names in the run [i, j): the words before it are a name of
    their own (one the article knows, a word no dictionary holds, a name with its own head
    word), not the first words of one name ("Securities and Exchange Commission"). Two people
    are told apart where a cue marks them ("Elena Kagan and Ketanji Brown Jackson said")."""
    words = reading.index.words
    for k in range(i + 1, j - 1):
        if reading.key(s, k) != "and":
            continue
        left = tuple(reading.key(s, x) for x in range(i, k))
        known = left in reading.local or any(
            t.how == "name" for t in reading.index.aliases.get(left, ())
        )
        proper = len(left) == 1 and not dictionary_word(left[0]) and left[0].isalpha()
        headed = len(left) > 1 and left[-1] in words.heads
        if known or proper or headed:
            return k
        return None
    return None


def title_cut(reading: Reading, s: int, i: int, j: int) -> tuple[int, int] | None:
    """Return (titles start, name start) when a run ends in titles and a name ("... Minister
    Amit Shah"); only when words stand before the titles."""
    titles = reading.index.words.titles
    name = j
    while name > i and reading.key(s, name - 1) not in titles:
        name -= 1
    start = name
    while start > i and reading.key(s, start - 1) in titles:
        start -= 1
    if start <= i or name >= j or not person_shaped(reading, s, name, j):
        return None
    if {reading.key(s, k) for k in range(name - 1, j)} & {"of", "for", "'s"}:
        return None  # "Court of King's Bench of Alberta"
    return start, name


def left_is_body(reading: Reading, s: int, i: int, j: int) -> bool:
    """Return whether words before a title name an organisation ("Bank of England")."""
    words = reading.index.words
    keys = [reading.key(s, k) for k in range(i, j)]
    return bool(keys) and (keys[-1] in words.heads or (keys[0] in words.starts and "of" in keys))


def person_shaped(reading: Reading, s: int, i: int, j: int) -> bool:
    """Return whether the run looks like a personal name: 2-5 words, none an organisation word."""
    words = reading.index.words
    keys = [reading.key(s, k) for k in range(i, j)]
    names = [k for k in keys if k not in CONNECTORS and k not in ("-", ".")]
    if not 2 <= len(names) <= 5 or not any(sum(c.isalpha() for c in k) > 2 for k in names):
        return False  # "D-N.Y." is a party and a state
    # membership word list by word list: a union of the lists would be built on every call
    return not any(
        k in words.heads or k in words.stop_words or k in words.starts or k in words.titles
        for k in keys
        if k not in CONNECTORS
    )


def titled_single(reading: Reading, s: int, i: int, j: int) -> bool:
    """Return whether one word after an honorific is a person's name ("Mr Vijay")."""
    words = reading.index.words
    toks = reading.tokens[s]
    t = i - 2 if reading.key(s, i - 1) == "." else i - 1  # "Sen. Capito"
    if j - i != 1 or t < 0 or not toks[t].text[:1].isupper() or toks[t].key not in words.honorifics:
        return False
    tok = toks[i]
    banned = tok.key in words.heads or tok.key in words.titles or tok.key in words.starts
    return len(tok.text) > 2 and not tok.text.isupper() and not banned and not reading.is_name(s, j)


def single_name(reading: Reading, s: int, i: int, j: int) -> bool:
    """Return whether one capitalised word no English lexicon holds is a name because it acts:
    "Okonkwo said", "Mbappé scored", at a sentence's start or not; not "in Abidjan"."""
    words = reading.index.words
    tok = reading.tokens[s][i] if j - i == 1 else None
    if tok is None or not tok.text.isalpha():
        return False
    if len(tok.text) < (2 if _acronym(tok.text) else 3) or (
        tok.text.isupper() and not _acronym(tok.text)
    ):
        return False  # "HSBC bought", "UEFA said" act; a shouted word does not
    key, prev = tok.key, reading.key(s, i - 1)
    return not (
        not _acts(reading, s, j)
        or key in words.common_acronyms
        or reading.key(s, j) in REPORTED  # "WSB reported": a news source, not a participant
        or key in words.heads
        or key in words.titles
        or key in words.starts
        or key in reading.outlets
        or dictionary_word(key)
        or reading.country_target((key,)) is not None
        or prev in words.place_words
        or prev in CONNECTORS  # "the Port of Baltimore are"
        or (prev == "," and reading.is_name(s, i - 2))  # "Austin, Texas"
    )


def names_who_acts(reading: Reading, s: int, i: int, j: int) -> bool:
    """Return whether a run shaped like a personal name, with a word no English lexicon holds
    ("Hamish Harding", not "Grand Central"), is the subject of the verb after it."""
    words = reading.index.words
    keys = [reading.key(s, k) for k in range(i, j)]
    if keys[0] in words.place_openers or any(k in words.thing_words for k in keys):
        return False  # "Mount Lewotobi erupted", "the Mariposa Accords applied"
    return any(not dictionary_word(k) for k in keys if k.isalpha()) and _acts(reading, s, j)


def _acts(reading: Reading, s: int, j: int) -> bool:
    """Return whether the word at j is a finite verb whose subject ends before it: a verb of
    saying or a past form ("scored", "won", "resigned"), not "Friday's" or "in"."""
    toks = reading.tokens[s]
    if j >= len(toks):
        return False
    if toks[j].key in reading.index.words.speech_verbs:
        return True
    if toks[j].key in ("has", "had", "was", "is", "will", "would"):  # "X was arrested"
        j += 1
    return j < len(toks) and past_verb(toks[j].text)  # not "Baltimore's bridge"


def pronoun_type(reading: Reading, s: int, i: int, j: int, default: str | None) -> str:
    """Return "person" or "organization" for a name, from the first personal or possessive
    pronoun after it (in its sentence, or opening the next); else `default`, else from its
    spelling: an inner capital ("CrowdStrike", "OpenAI") is a company's."""
    words = reading.index.words
    after = [t.key for t in reading.tokens[s][j:]]
    if s + 1 < len(reading.tokens):
        after += [t.key for t in reading.tokens[s + 1][:1]]  # "He added", "Its shares"
    for key in after:  # "it" may be what was said ("X said it was"): "its" is the owner's
        if key in words.person_pronouns:
            return "person"
        if key in words.neuter_pronouns and key != "it":
            return "organization"
    if default is not None:
        return default
    text = reading.tokens[s][i].text
    return "organization" if any(c.isupper() for c in text[1:]) else "person"


def org_cue(reading: Reading, s: int, i: int, j: int) -> bool:
    """Return whether the context makes the run an organisation: "Lagos-based FBNQuest",
    "Codelco chairman Máximo Pacheco", "the Unite union"."""
    words = reading.index.words
    prev, nxt = reading.key(s, i - 1), reading.key(s, j)
    if prev == "-based":
        return True
    lower = j < len(reading.tokens[s]) and reading.tokens[s][j].text.islower()
    if lower and nxt in words.org_titles:
        k = j + 1
        while reading.key(s, k) in words.titles:
            k += 1
        return reading.is_name(s, k)
    common = nxt in words.stop_words or nxt in CONNECTORS  # "the Environment as ..."
    return lower and prev == "the" and not common and words.heads.get(nxt) == "organization"


def person_context(reading: Reading, s: int, i: int, j: int) -> bool:
    """Return whether "led by X", "Sen. X" or "X as leader" marks the run as a person."""
    words = reading.index.words
    prev = reading.key(s, i - 1)
    if prev == "by" and reading.key(s, i - 2) in words.agent_verbs:
        return True
    if prev == "." and reading.key(s, i - 2) in words.titles:
        return True
    if prev == "'s" and i > 1 and _owner_is_body(reading, s, i - 2):
        return True  # "Reform UK's Nigel Farage"; not "Sudan's Blue Nile state"
    if reading.key(s, j) == "as":
        after = reading.key(s, j + 1)
        return after in words.titles or (
            after in ("a", "an", "the") and reading.key(s, j + 2) in words.titles
        )
    return False


def _owner_is_body(reading: Reading, s: int, k: int) -> bool:
    """Return whether token k ends an organisation's mention (not a country's)."""
    return any(
        sp.sentence == s and sp.end == k + 1 and sp.type not in ("country", "person")
        for sp in reading.spans
    )


def legislature_at(reading: Reading, s: int, k: int) -> tuple[int, str] | None:
    """Return (length, body name) when lower-case words at k name a legislature ("parliament")."""
    for n in (2, 1):
        key = tuple(reading.key(s, x) for x in range(k, k + n))
        body = reading.index.words.legislature_words.get(key)
        if body is not None and reading.free(s, k, k + n):
            return n, body
    return None


def split_and(reading: Reading, s: int, i: int, j: int) -> list[tuple[int, int]]:
    """Split "Elena Kagan and Ketanji Brown Jackson" into its names."""
    parts, start = [], i
    for k in range(i, j):
        if reading.key(s, k) == "and":
            parts.append((start, k))
            start = k + 1
    parts.append((start, j))
    return parts


def find_bare_acronyms(reading: Reading) -> None:
    """Take "the NHS", "The AIADMK" and "intelligence agency (HUR)" as organisations."""
    words = reading.index.words
    for s, toks in enumerate(reading.tokens):
        for i in [i for i, tok in enumerate(toks) if tok.text.isupper()]:  # what _acronym needs
            tok = toks[i]
            if (
                reading.covered[s][i]
                or not _acronym(tok.text)
                or tok.key in reading.outlets
                or tok.key in words.titles  # "the CEO"
                or tok.key in words.common_acronyms  # "the AI race"
                or reading.key(s, i + 1) in words.currency_words  # "the HK$ 5 billion"
            ):
                continue
            bracketed = reading.key(s, i - 1) == "(" and reading.key(s, i + 1) == ")"
            if (bracketed and reading.key(s, i - 2) in words.heads) or (
                reading.key(s, i - 1) == "the" and not reading.is_name(s, i + 1)
            ):
                actor_id = reading.local.get((tok.key,)) or actor_slug(tok.text)
                reading.types.setdefault(actor_id, "organization")
                reading.add(s, i, i + 1, actor_id, reading.type_of(actor_id), "discovered")
                reading.local.setdefault((tok.key,), actor_id)


def _acronym(text: str) -> bool:
    return 2 <= len(text) <= MAX_ACRONYM and text.isupper() and text.isalpha()


def spoken_to(reading: Reading, s: int, i: int, j: int) -> bool:
    """Return whether an outlet is only the one told something ("told the BBC")."""
    verbs = reading.index.words.audience_verbs
    prev = reading.key(s, i - 1)
    told = prev in verbs or (prev == "the" and reading.key(s, i - 2) in verbs)
    return told and fold(reading.text(s, i, j)) in reading.outlets


def first_name(reading: Reading, s: int, i: int, j: int) -> bool:
    """Return whether a one-word country after a title is a person's first name."""
    words = reading.index.words
    t = i - 2 if reading.key(s, i - 1) == "." else i - 1  # "Lt. Jordan Hart"
    prev = reading.tokens[s][t] if t >= 0 else None
    if j - i != 1 or prev is None or not prev.text[:1].isupper() or prev.key not in words.titles:
        return False
    nxt = reading.key(s, j)
    return (
        reading.is_name(s, j)
        and nxt not in words.state_parts
        and nxt not in words.heads
        and reading.country_target((nxt,)) is None
    )


def dateline_place(reading: Reading, s: int, j: int) -> bool:
    """Return whether tokens [0, j) are capitals or "/" and a dateline mark follows."""
    toks = reading.tokens[s][:j]
    return (
        reading.key(s, j) in ("/", *DASHES)
        and any(t.text.isalpha() for t in toks)
        and all(t.text.isupper() or t.text == "/" for t in toks)
    )
