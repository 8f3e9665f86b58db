"""Pass two of the actor finder: people and organisations the catalogue does not know."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from generator.extract import cues
from generator.extract.match import name_run, name_word
from generator.extract.names import actor_slug, actor_words, fold
from generator.extract.reading import CONNECTORS, Reading, elided
from generator.extract.resolve import catalogue_head

# Fuzzy thresholds (0-100) for a discovered person to be a catalogue person: the whole name,
# and each of given name and surname, so "Heydar Aliyev" never becomes "Ilham Aliyev".
FULL_NAME_SCORE = 86
PART_SCORE = 75
MAX_PERSON_TOKENS = 5


def find_acronyms(reading: Reading) -> None:
    """Find "Long Name (ACR)": the long name is an actor and ACR its short form."""
    for s, toks in enumerate(reading.tokens):
        if "(" not in reading.sentences[s]:
            continue  # most sentences: no bracket, so no token "(" either
        for i in range(2, len(toks) - 1):
            acr = toks[i].text
            if toks[i - 1].text != "(" or toks[i + 1].text != ")" or not acr[:1].isupper():
                continue
            start = _run_start(reading, s, i - 1)
            if start is None or not (_acronym(acr) or _head_type(reading, s, start, i - 1)):
                continue
            if toks[i].key in reading.outlets or toks[start].text.isupper():
                continue  # a dateline: "GENEVA (AP) -"
            key = tuple(t.key for t in toks[start : i - 1])
            actor_id, kind = _catalogue_name(reading, key)
            if actor_id is None:
                name = reading.text(s, start, i - 1)
                kind = _head_type(reading, s, start, i - 1) or "organization"
                actor_id = actor_slug(name)
                reading.types[actor_id] = kind
            reading.add(s, start, i - 1, actor_id, kind, "discovered")
            reading.add(s, i, i + 1, actor_id, kind, "local")
            reading.local[(toks[i].key,)] = actor_id


def _acronym(text: str) -> bool:
    return 2 <= len(text) <= 8 and sum(c.isupper() for c in text) >= 2 and text.isalnum()


def _run_start(reading: Reading, s: int, end: int) -> int | None:
    """Return where the capitalised run that ends at `end` starts, or None."""
    start = end
    while start > 0 and not reading.covered[s][start - 1]:
        prev = reading.tokens[s][start - 1]
        if (
            prev.text[:1].isupper()
            or elided(prev.text)
            or (prev.key in _LONG_CONNECTORS and start > 1)
        ):
            start -= 1
        else:
            break
    words = reading.index.words
    while start < end and (
        reading.tokens[s][start].key in CONNECTORS
        or (
            reading.tokens[s][start].key in words.stop_words
            and reading.tokens[s][start].key not in words.starts
            and reading.tokens[s][start].key not in words.org_openers  # "Port Authority of X"
        )
    ):
        start += 1
    return start if start < end else None


_LONG_CONNECTORS = CONNECTORS | {"in", "at"}  # "Cooperation in Europe (OSCE)"


def _catalogue_name(reading: Reading, key: tuple[str, ...]) -> tuple[str | None, str]:
    for target in reading.index.aliases.get(key, ()):
        if target.how == "name":
            return target.actor_id, reading.type_of(target.actor_id)
    return None, ""


def _head_type(reading: Reading, s: int, i: int, j: int) -> str | None:
    """Return the type an organisation head word gives the run [i, j), if any."""
    words = reading.index.words
    keys = [reading.key(s, k) for k in range(i, j)]
    if keys[-1] in words.heads:
        return words.heads[keys[-1]]
    if keys[0] in words.starts:
        return words.heads.get(keys[0], "organization")
    for k, key in enumerate(keys[:-1]):
        if key in words.heads and keys[k + 1] in ("of", "for", "on"):
            return words.heads[key]
    return None


def discover(reading: Reading) -> None:
    """Find runs of capitalised words that a cue marks as a person or an organisation."""
    single: list[tuple[int, int]] = []  # one-word runs no cue took
    for s, toks in enumerate(reading.tokens):
        i = 0
        while i < len(toks):
            if reading.covered[s][i] or not toks[i].text[:1].isupper():
                i += 1
                continue
            end = name_run(reading, s, i)
            if end <= i:
                i += 1
                continue
            if not cues.names_a_thing(reading, s, end):
                _judge_run(reading, s, cues.org_start(reading, s, i, end), end)
            if end == i + 1 and not reading.covered[s][i]:
                single.append((s, i))
            i = end
    _single_names(reading, single)


def _single_names(reading: Reading, runs: list[tuple[int, int]]) -> None:
    """Take the one-word names that act ("Okonkwo said"), once the longer names are known: a
    surname after its full name is that person's short form, not a new actor."""
    for s, i in runs:
        if (reading.key(s, i),) not in reading.local and cues.single_name(reading, s, i, i + 1):
            record(reading, s, i, i + 1, cues.pronoun_type(reading, s, i, i + 1, None))


def _judge_run(reading: Reading, s: int, i: int, j: int) -> None:
    """Trim a run to its name and record it if a head word or a cue says what it is."""
    while i < j and not (cues.starts_name(reading, s, i) or cues.opens_org(reading, s, i, j)):
        i += 1
    vessel_next = j < len(reading.covered[s]) and reading.covered[s][j]
    while vessel_next and j - 1 > i and reading.key(s, j - 1) in reading.index.words.vessel_nouns:
        j -= 1  # "the Canadian Coast Guard Ship John Cabot": the owner, then its ship
    if i >= j or cues.dateline(reading, s, i, j):
        return
    joined = cues.two_names_at(reading, s, i, j)
    if joined is not None:  # "CrowdStrike and Delta Air Lines", "Sohnlein and Stockton Rush"
        _judge_run(reading, s, i, joined)
        _judge_run(reading, s, joined + 1, j)
        return
    p = cues.possessive_at(reading, s, i, j)
    if p is not None:
        _judge_run(reading, s, i, p)
        if cues.person_shaped(reading, s, p + 1, j):
            _judge_person(reading, s, p + 1, j)
        else:
            _judge_run(reading, s, p + 1, j)
        return
    cut = cues.title_cut(reading, s, i, j)
    if cut is not None:
        if cues.left_is_body(reading, s, i, cut[0]):
            _judge_org(reading, s, i, cut[0])
        elif cut[0] - 1 > i and reading.key(s, cut[0] - 1) == "and":
            _judge_run(reading, s, i, cut[0] - 1)  # "Admiral Jane Okoro and Colonel Ruth Banda"
        _judge_run(reading, s, cut[0], j)
        return
    of = _person_of_body(reading, s, i, j)
    if of is not None:  # "Judge Amara Kouassi of the Abidjan Commercial Court"
        _judge_name(reading, s, i, of[0])
        _judge_org(reading, s, of[1], j)
        return
    if _head_type(reading, s, i, j) is not None:
        _judge_org(reading, s, i, j)
        return
    _judge_name(reading, s, i, j)


def _person_of_body(reading: Reading, s: int, i: int, j: int) -> tuple[int, int] | None:
    """Return (the "of", the body's start) when a titled or whole personal name is followed by
    "of (the)" and an organisation's name: two actors, the person and the body."""
    titles = reading.index.words.titles
    name = i
    while name < j and reading.key(s, name) in titles:
        name += 1
    for of in range(name + 2, j - 1):
        if reading.key(s, of) != "of":
            continue
        body = of + 2 if reading.key(s, of + 1) == "the" else of + 1
        if (
            body < j
            and cues.person_shaped(reading, s, name, of)
            and _head_type(reading, s, body, j) is not None
        ):
            return of, body
        return None
    return None


def _judge_name(reading: Reading, s: int, i: int, j: int) -> None:
    """Judge a run without an organisation word: a person, a named body, or nothing."""
    words = reading.index.words
    titled = False
    while i < j and (not reading.is_name(s, i) or reading.key(s, i) in words.titles):
        titled = titled or reading.key(s, i) in words.titles
        i += 1
    while j > i and (not name_word(reading, s, j - 1) or reading.key(s, j - 1) in CONNECTORS):
        j -= 1
    if j <= i:
        return
    keys = tuple(reading.key(s, k) for k in range(i, j))
    known = catalogue_head(reading, keys, s, i)
    if known is not None:
        reading.add(s, i, j, known, reading.type_of(known), "anaphora")
        return
    if keys in reading.local:
        actor_id = reading.local[keys]
        reading.add(s, i, j, actor_id, reading.type_of(actor_id), "local")
        return
    if (
        reading.key(s, i - 1) in words.org_roles
        or _apposition(reading, s, j, words.org_roles)
        or cues.org_cue(reading, s, i, j)
    ):
        record(reading, s, i, j, "organization")
    elif cues.titled_single(reading, s, i, j):
        record(reading, s, i, j, "person")
    elif _person_cue(reading, s, i, j, titled) or cues.person_context(reading, s, i, j):
        for a, b in cues.split_and(reading, s, i, j):
            if _person_shaped(reading, s, a, b):
                _judge_person(reading, s, a, b)
    elif cues.names_who_acts(reading, s, i, j):  # "Hamish Harding died alongside ..."
        for a, b in cues.split_and(reading, s, i, j):
            if cues.person_shaped(reading, s, a, b):
                _judge_person(reading, s, a, b)


def _judge_person(reading: Reading, s: int, i: int, j: int) -> None:
    """Record a person's name unless the article already knows it; a name that "it" follows
    is a body's ("Halvorsen Marine said its crews")."""
    keys = tuple(reading.key(s, k) for k in range(i, j))
    actor_id = reading.local.get(keys)
    if actor_id is not None:
        reading.add(s, i, j, actor_id, reading.type_of(actor_id), "local")
    elif reading.key(s, i - 1) not in reading.index.words.titles:
        record(reading, s, i, j, cues.pronoun_type(reading, s, i, j, "person"))
    else:
        record(reading, s, i, j, "person")


def _judge_org(reading: Reading, s: int, i: int, j: int) -> None:
    """Record a run with an organisation head word, unless it is only common words."""
    while j > i and (not reading.is_name(s, j - 1) or reading.key(s, j - 1) in CONNECTORS):
        j -= 1
    keys = tuple(reading.key(s, k) for k in range(i, j))
    known = catalogue_head(reading, keys, s, i) if j > i else None
    if known is not None:
        reading.add(s, i, j, known, reading.type_of(known), "anaphora")
        return
    head = _head_type(reading, s, i, j) if j > i else None
    if head is None or _generic(reading, keys):
        return
    if keys in reading.local:
        actor_id = reading.local[keys]
        reading.add(s, i, j, actor_id, reading.type_of(actor_id), "local")
    else:
        record(reading, s, i, j, head)


def _apposition(reading: Reading, s: int, j: int, nouns: frozenset[str]) -> bool:
    """Return whether ", <a few words with one of `nouns`>," follows: "Tata Motors, India's
    largest carmaker," or "Vasile Turcanu, a businessman,"; a title first makes it a person's
    ("Guillermo Sohnlein, the co-founder of the company")."""
    if reading.key(s, j) != ",":
        return False
    titles = reading.index.words.titles
    for k in range(j + 1, j + 8):
        key = reading.key(s, k)
        if key in nouns:
            return True
        if key in titles or key in (",", ".", "") or key in cues.DASHES:
            return False
    return False


def _person_cue(reading: Reading, s: int, i: int, j: int, titled: bool) -> bool:
    """Return whether a title, a verb of saying or an apposition marks the run as a person."""
    words = reading.index.words
    prev, nxt = reading.key(s, i - 1), reading.key(s, j)
    spoken_to = prev in words.audience_verbs  # "told Reuters": Reuters listens
    if titled or prev in words.titles or nxt in words.speech_verbs:
        return True
    if prev in words.speech_verbs and not spoken_to:
        return True
    if prev == "of" and reading.key(s, i - 2) in words.titles:
        return True  # "the president of ..."; not "the government of Tamil Nadu"
    if nxt == "," and _age_at(reading, s, j + 1):
        return True  # "Alejandro Hernandez Fuentes, 35; ..."
    if nxt == "," or prev == ",":
        # a title right before another name is that name's ("X, chief minister M.K. Stalin")
        after = [k for k in range(j + 1, j + 5) if not _titles_a_name(reading, s, k)]
        near = {reading.key(s, k) for k in after}
        before = {reading.key(s, k) for k in range(i - 4, i - 1)}
        if prev in words.place_words:
            before = set()  # "a general assembly meeting in Las Rozas, Spain": a place
        return any(k in words.titles or k in ("who", "whose") for k in near | before) or any(
            k in words.speech_verbs for k in near
        )
    return False


MAX_AGE = 120


def _age_at(reading: Reading, s: int, k: int) -> bool:
    """Return whether token k is a person's age set off after their name: "..., 35;",
    "..., 49, and ...", "..., 26)"."""
    key = reading.key(s, k)
    after = reading.key(s, k + 1)
    return key.isdigit() and 0 < int(key) < MAX_AGE and after in (",", ";", ".", ")", "and", "")


def _titles_a_name(reading: Reading, s: int, k: int) -> bool:
    """Return whether title words from k lead straight to a name ("chief minister M.K.")."""
    titles = reading.index.words.titles
    m = k
    while reading.key(s, m) in titles:
        m += 1
    return m > k and reading.is_name(s, m)


def _person_shaped(reading: Reading, s: int, i: int, j: int) -> bool:
    """Return whether the run looks like a personal name: 2-5 words, none an organisation word."""
    words = reading.index.words
    keys = [reading.key(s, k) for k in range(i, j)]
    names = [k for k in _core_name(tuple(keys)) if k not in CONNECTORS and k != "-"]
    if not 2 <= len(names) <= MAX_PERSON_TOKENS:
        return False
    if not any(sum(c.isalpha() for c in k) > 2 for k in names):
        return False  # "D-N.Y." is a party and a state
    return not any(k in words.heads or k in words.stop_words or k in words.starts for k in keys)


def _generic(reading: Reading, keys: tuple[str, ...]) -> bool:
    """Return whether a name is only common words ("Foreign Ministry", "Senate")."""
    words = reading.index.words
    return all(
        k in words.titles
        or k in words.stop_words
        or k in CONNECTORS
        or (k in words.heads and not _proper_body(reading, k))
        for k in keys
    )


def _proper_body(reading: Reading, key: str) -> bool:
    """Return whether a head word is itself a name ("Bundestag", "Knesset")."""
    return (
        reading.index.words.heads.get(key) == "legislature"
        and key not in reading.index.words.common_bodies
    )


def record(reading: Reading, s: int, i: int, j: int, kind: str) -> None:
    """Record a discovered actor and the short forms the article may use for it later."""
    name = reading.text(s, i, j)
    keys = tuple(reading.key(s, k) for k in range(i, j))
    if _only_a_demonym(reading, keys) or not_an_actor(reading, keys):
        return  # the catalogue pass chose not to take "an Azerbaijani offensive" for the state
    actor_id = _person_in_catalogue(reading, name) if kind == "person" else None
    if actor_id is None:
        actor_id = actor_slug(name)
        reading.types[actor_id] = kind
    reading.add(s, i, j, actor_id, kind, "discovered")
    reading.local.setdefault(keys, actor_id)
    for short in short_forms(keys, kind):
        reading.local.setdefault(short, actor_id)


def not_an_actor(reading: Reading, keys: tuple[str, ...]) -> bool:
    """Return whether a name is a common acronym ("AI"), an event's ("World Cup", "Root
    Cause Analysis") or a role's ("Twitch CEO"), not an actor's."""
    words = reading.index.words
    last = keys[-1] if keys else ""
    if len(keys) == 1 and last in words.common_acronyms:
        return True
    return len(keys) > 1 and (last in words.event_heads or last in words.role_ends)


def _only_a_demonym(reading: Reading, keys: tuple[str, ...]) -> bool:
    """Return whether a name is a bare nationality adjective ("Azerbaijani", "Congolese")."""
    targets = reading.index.aliases.get(keys, ())
    shared = reading.index.words.shared_demonyms
    return any(t.how == "demonym" for t in targets) or (len(keys) == 1 and keys[0] in shared)


def short_forms(keys: tuple[str, ...], kind: str) -> list[tuple[str, ...]]:
    """Return the shorter names an article may use: surnames, a company without "Ltd"."""
    if kind == "person":
        keys = _core_name(keys)
        forms = [keys[k:] for k in range(1, len(keys)) if keys[k] not in CONNECTORS]
        forms += [(k,) for k in keys[:-1] if k not in CONNECTORS]  # "Lula", "Yoon"
        particles = [keys[k:] for k in range(1, len(keys)) if keys[k] in CONNECTORS]
        return forms + particles
    forms = []
    while len(keys) > 1 and keys[-1] in actor_words().shortenable:
        keys = keys[:-1]
        forms.append(keys)
    return forms


def _core_name(keys: tuple[str, ...]) -> tuple[str, ...]:
    """Return a person's name keys without "Jr." and initials: "John G. Roberts Jr." -> John
    Roberts, so "Roberts" and "John Roberts" are short forms and "Jr" and "G" are not."""
    suffixes = actor_words().name_suffixes
    core = list(keys)
    while len(core) > 1 and (core[-1] in suffixes or core[-1] == "."):
        core.pop()
    kept = tuple(k for k in core if k != "." and len(k) > 1)
    return kept if len(kept) >= 2 else tuple(core)


def _person_in_catalogue(reading: Reading, name: str) -> str | None:
    """Return the catalogue person this name spells (typo, transliteration), if any."""
    people = reading.index.people
    if not people:
        return None
    wanted = fold(name)
    best = process.extractOne(wanted, list(people), scorer=fuzz.ratio, score_cutoff=FULL_NAME_SCORE)
    if best is None:
        return None
    parts, known = wanted.split(), str(best[0]).split()
    if fuzz.ratio(parts[0], known[0]) < PART_SCORE or fuzz.ratio(parts[-1], known[-1]) < PART_SCORE:
        return None
    return people[str(best[0])]
