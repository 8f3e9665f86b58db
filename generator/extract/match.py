"""Pass one of the actor finder: catalogue names, capitals, demonyms, and what they head."""

from __future__ import annotations

from generator.extract import cues
from generator.extract.catalogue import ActorIndex, Target
from generator.extract.cues import legislature_at
from generator.extract.names import Token, actor_slug, fold, plain
from generator.extract.reading import CONNECTORS, Reading, Span, elided


def match_catalogue(reading: Reading) -> None:
    """Find every catalogue alias, longest first, left to right."""
    aliases = reading.index.aliases
    lengths = first_lengths(reading)
    for s, toks in enumerate(reading.tokens):
        keys = [t.key for t in toks]
        covered = reading.covered[s]  # marked in place as mentions are added
        i = 0
        while i < len(toks):
            sizes = lengths.get(keys[i]) if not covered[i] else None
            end = None
            for n in sizes or ():
                if i + n > len(toks) or any(covered[i : i + n]):
                    continue  # past the end, or over a mention: what reading.free tells
                key = tuple(keys[i : i + n])
                for target in aliases.get(key, ()):
                    if _written_as(reading, s, i, n, target):
                        end = _accept(reading, s, i, i + n, target)
                        if end is not None:
                            break
                if end is not None:
                    break
            i = end if end is not None else i + 1


_LENGTHS: dict[int, tuple[ActorIndex, dict[str, list[int]]]] = {}


def first_lengths(reading: Reading) -> dict[str, list[int]]:
    """Return, per first token key, the alias lengths to try, longest first (once per index)."""
    key = id(reading.index)
    cached = _LENGTHS.get(key)
    if cached is None or cached[0] is not reading.index:
        _LENGTHS.clear()
        table: dict[str, set[int]] = {}
        for alias in reading.index.aliases:
            table.setdefault(alias[0], set()).add(len(alias))
        cached = (reading.index, {k: sorted(v, reverse=True) for k, v in table.items()})
        _LENGTHS[key] = cached
    return cached[1]


def _written_as(reading: Reading, s: int, i: int, n: int, target: Target) -> bool:
    """Return whether the tokens are written as the alias needs: capitalised, exact case."""
    toks = reading.tokens[s][i : i + n]
    if target.exact is not None:
        return tuple(plain(t.text) for t in toks) == target.exact
    return toks[0].text[:1].isupper() and target.how != "head"


def _accept(reading: Reading, s: int, i: int, j: int, target: Target) -> int | None:
    """Record the mention if its context allows; return the index after it, or None."""
    how = target.how
    if _credit(reading, s, i, j):
        return None
    if cues.spoken_to(reading, s, i, j):
        for k in range(i, j):
            reading.covered[s][k] = True  # an outlet that is told something: no actor
        return j
    if how in ("capital", "metonym") and (
        _is_place(reading, s, i, j) or _names_body(reading, s, j)
    ):
        return None
    if how == "surname":
        return _surname(reading, s, i, j, target)
    kind = reading.type_of(target.actor_id)
    if (j - i == 1 or kind not in ("country", "person")) and how in (
        "name",
        "capital",
        "metonym",
    ):
        if _continues_name(reading, s, i):
            return None  # "Latin America", "Juan Carlos Portugal", "United Conservative Party"
        if j - i == 1 and kind != "country" and _names_body(reading, s, j):
            return None  # "Labour Ministry" is not the Labour Party
    if kind == "country" and how == "name" and cues.first_name(reading, s, i, j):
        return None  # "Defence Minister Israel Katz"
    if how == "demonym" or (kind == "country" and how == "name"):
        return _country(reading, s, i, j, target)
    if kind == "country" and _is_place(reading, s, i, j):
        return None
    reading.add(s, i, j, target.actor_id, kind, "catalogue")
    _add_country_of(reading, s, i, j, target.actor_id)
    return j


def _continues_name(reading: Reading, s: int, i: int) -> bool:
    """Return whether the word before is part of the same name (not a title, not "The")."""
    if i == 0 or reading.covered[s][i - 1]:
        return False
    prev = reading.tokens[s][i - 1]
    if not prev.text[:1].isupper() or prev.key in reading.index.words.titles:
        return False
    return prev.key not in reading.calendar or prev.key in reading.index.words.name_prefixes


def _names_body(reading: Reading, s: int, j: int) -> bool:
    """Return whether capitalised words after j end in an organisation word ("Lusaka ... Trust")."""
    end = name_run(reading, s, j)
    return end > j and reading.key(s, end - 1) in reading.index.words.heads


def _credit(reading: Reading, s: int, i: int, j: int) -> bool:
    """Return whether the words are an outlet credited in brackets: "ACCRA (Reuters) -"."""
    bracketed = reading.key(s, i - 1) == "(" and reading.key(s, j) == ")"
    return bracketed and fold(reading.text(s, i, j)) in reading.outlets


def _add_country_of(reading: Reading, s: int, i: int, j: int, actor_id: str) -> None:
    """Name the state too when its institution is named ("the French Senate" names France)."""
    entry = reading.index.entries.get(actor_id)
    if entry is not None and entry.country and entry.country in reading.index.entries:
        reading.spans.append(reading_span(reading, s, i, j, entry.country, "country", "country"))


def reading_span(
    reading: Reading, s: int, i: int, j: int, actor_id: str, kind: str, how: str
) -> Span:
    """Return a span without covering tokens (for implied mentions)."""
    surface = reading.text(s, i, i + 1) if how == "country" else reading.text(s, i, j)
    return Span(s, i, j, actor_id, surface, kind, how)


def _is_place(reading: Reading, s: int, i: int, j: int) -> bool:
    """Return whether a capital or country is named as a place ("in Baku", "Moscow-based")."""
    words = reading.index.words
    prev, nxt = reading.key(s, i - 1), reading.key(s, j)
    if prev in words.place_words or (nxt.lstrip("-") in words.place_suffixes and nxt[:1] == "-"):
        return True
    if cues.dateline_place(reading, s, j):
        return True  # a dateline: "ACCRA, March 3 (Reuters) -", "GENEVA/KINSHASA -"
    if prev == "," and reading.is_name(s, i - 2) and reading.key(s, i - 3) in words.place_words:
        return True  # "in Washington, U.S."
    if nxt == ",":
        follow = reading.country_target((reading.key(s, j + 1),))
        return follow is not None  # "Baku, Azerbaijan"
    return False


def _located(reading: Reading, s: int, i: int, j: int) -> bool:
    """Return whether a country is only where something is ("registered in Mauritius")."""
    words = reading.index.words
    if reading.key(s, j).startswith("-") and reading.key(s, j)[1:] in words.place_suffixes:
        return True
    before = reading.key(s, i - 2)
    return reading.key(s, i - 1) in ("in", "at") and before in words.place_suffixes


def _surname(reading: Reading, s: int, i: int, j: int, target: Target) -> int | None:
    """Accept a catalogue surname alone ("Macron"), never inside another full name."""
    words = reading.index.words
    prev = reading.tokens[s][i - 1] if i > 0 else None
    if (
        prev is not None
        and prev.text[:1].isupper()
        and prev.key not in words.titles
        and prev.key not in words.stop_words
        and prev.key not in words.state_parts
    ):
        return None
    if reading.is_name(s, j) and reading.key(s, j) not in words.state_parts:
        return None
    candidates = [
        t
        for t in reading.index.aliases[tuple(reading.key(s, k) for k in range(i, j))]
        if t.how == "surname"
    ]
    if len(candidates) > 1:
        seen = reading.mentioned()
        candidates = [t for t in candidates if t.actor_id in seen]
        if len(candidates) != 1:
            return None
    reading.add(s, i, j, candidates[0].actor_id, "person", "catalogue")
    return j


def country_mention(reading: Reading, s: int, i: int, j: int, target: Target) -> int | None:
    """Accept a country name or demonym found by another pass; return the index after it."""
    return _country(reading, s, i, j, target)


def _country(reading: Reading, s: int, i: int, j: int, target: Target) -> int | None:
    """Accept a country name or demonym, and take the organ or body it heads."""
    words = reading.index.words
    sum_of_money = reading.key(s, j) in words.currency_words  # "US $ 900 million"
    if target.how == "name" and (_located(reading, s, i, j) or sum_of_money):
        return None
    k = j + 1 if reading.key(s, j) == "'s" else j
    run = name_run(reading, s, k)
    nxt = reading.key(s, j)
    if run > k:
        return _headed(reading, s, i, j, k, run, target)
    house = legislature_at(reading, s, k)
    if house is not None:  # "Zambia's parliament", "the Zambian upper house"
        entry = reading.index.entries[target.actor_id]
        name = f"{entry.demonyms[0] if entry.demonyms else entry.name} {house[1]}"
        _add_discovered(reading, s, i, k + house[0], name, "legislature", target.actor_id)
        return k + house[0]
    if target.how == "demonym":
        if nxt in words.member_bodies:
            body = f"{reading.text(s, i, j)} {words.member_bodies[nxt]}"
            _add_discovered(reading, s, i, j + 1, body, "legislature", target.actor_id)
            return j + 1
        if not _organ(reading, s, j) and nxt[1:] not in words.agent_suffixes:
            return None
    end = _state_part_end(reading, s, j)
    reading.add(s, i, end, target.actor_id, "country", "catalogue")
    return end


def _state_part_end(reading: Reading, s: int, j: int) -> int:
    """Return the end of "Polish military", "Sudan's government": lower-case organs included."""
    k = j + 1 if reading.key(s, j) == "'s" else j
    end = k
    while end < k + 2 and reading.free(s, end, end + 1) and _organ(reading, s, end):
        if reading.tokens[s][end].text[:1].isupper():
            break
        end += 1
    return end if end > k else j


def _organ(reading: Reading, s: int, k: int) -> bool:
    """Return whether token k names a part of a state: "government", "health" in "health
    ministry"."""
    words = reading.index.words
    key = reading.key(s, k)
    if key in words.state_parts:
        return True
    return key in words.portfolios and reading.key(s, k + 1) in words.state_parts


def _headed(
    reading: Reading, s: int, i: int, j: int, k: int, run: int, target: Target
) -> int | None:
    """Handle "<Country> <Capitalised words>": an organ, a separate body, or neither."""
    words = reading.index.words
    keys = [reading.key(s, x) for x in range(k, run)]
    head = words.heads.get(keys[-1])
    if keys[0] in words.state_heads or keys[-1] in words.state_heads:
        reading.add(s, i, run, target.actor_id, "country", "catalogue")
        return run
    if head is not None or keys[0] in words.starts:
        name = reading.text(s, i, run)
        entry = reading.index.entries[target.actor_id]
        if (k > j or target.how == "demonym") and entry.demonyms:
            name = f"{entry.demonyms[0]} {reading.text(s, k, run)}"  # "Brazil's Senate"
        _add_discovered(reading, s, i, run, name, head or "organization", target.actor_id)
        reading.local.setdefault(tuple(keys), _slug(name))
        return run
    if target.how == "demonym" and keys[0] not in words.state_parts:
        return None  # "Azerbaijani President" passes; "Armenian Genocide" does not
    reading.add(s, i, j, target.actor_id, "country", "catalogue")
    return j


def _slug(name: str) -> str:
    return actor_slug(name)


def _add_discovered(
    reading: Reading, s: int, i: int, j: int, name: str, kind: str, country: str
) -> None:
    """Record a body named by its country ("Polish Border Guard") and the country itself."""
    actor_id = _slug(name)
    reading.types[actor_id] = kind
    reading.add(s, i, j, actor_id, kind, "discovered")
    reading.spans.append(reading_span(reading, s, i, j, country, "country", "country"))


def name_run(reading: Reading, s: int, i: int) -> int:
    """Return the end of the run of capitalised words (with inner "of", "for") from token i."""
    j = i
    toks = reading.tokens[s]
    while j < len(toks) and not reading.covered[s][j]:
        if reading.is_name(s, j) or _inner_word(reading, s, j):
            j += 1
        elif toks[j].text == "-" and j > i and _joined(toks, j) and _capital(toks, j + 1):
            j += 2  # "Jean-Baptiste", "Pieter-Jan", "Deep-Sea"
        elif j > i and _initial_dot(reading, s, j):
            j += 1  # "John G. Roberts", "Edappadi K. Palaniswami"
        elif j > i and _particle(reading, s, j):
            j += 1  # "Khalil al-Hayya"
        elif j > i and _legal_form(reading, s, j):
            j += 3  # "Benguela Trawling (Pty) Ltd"
        elif j > i and toks[j].text == "." and toks[j - 1].key in reading.index.words.name_suffixes:
            j += 1  # "Roberts Jr."
            break
        elif elided(toks[j].text) and j > i:
            j += 1  # "pour l'Environnement"
        elif toks[j].key == "'s" and j > i and reading.is_name(s, j + 1):
            j += 1  # "Blue Nile People's Front"
        elif toks[j].key in CONNECTORS and j > i and _connects(reading, s, j):
            j += 1
        else:
            break
    while j > i and toks[j - 1].key in CONNECTORS:
        j -= 1
    return j


def name_word(reading: Reading, s: int, k: int) -> bool:
    """Return whether token k may end a name: a name word, "al-Hayya", or the "." of "Jr."."""
    if reading.is_name(s, k) or _particle(reading, s, k):
        return True
    return reading.key(s, k) == "." and reading.key(s, k - 1) in reading.index.words.name_suffixes


def _capital(toks: list[Token], j: int) -> bool:
    return j < len(toks) and toks[j].text[:1].isupper()


def _inner_word(reading: Reading, s: int, j: int) -> bool:
    """Return whether a capitalised stop word belongs to a name ("Coastal First Nations")."""
    tok = reading.tokens[s][j]
    if not tok.text[:1].isupper():
        return False
    if tok.key in _OK_INSIDE:
        return True
    words = reading.index.words
    if tok.key in words.name_inner and reading.is_name(s, j - 1) and reading.is_name(s, j + 1):
        return True  # "Silicon Valley Bank", "Wall Street Journal": a place word between names
    return tok.key in words.name_prefixes and reading.is_name(s, j + 1)


def _initial_dot(reading: Reading, s: int, j: int) -> bool:
    """Return whether token j is the dot of an initial inside a name ("G." in "John G. Roberts")."""
    toks = reading.tokens[s]
    prev = toks[j - 1]
    return (
        toks[j].text == "."
        and len(prev.text) == 1
        and prev.text.isupper()
        and prev.end == toks[j].start
        and reading.is_name(s, j + 1)
    )


def _particle(reading: Reading, s: int, j: int) -> bool:
    """Return whether token j is a surname with a lower-case particle ("al-Hayya", "el-Sisi")."""
    head, sep, tail = reading.tokens[s][j].text.partition("-")
    return bool(sep) and head in reading.index.words.name_particles and tail[:1].isupper()


def _legal_form(reading: Reading, s: int, j: int) -> bool:
    """Return whether "(Pty)" or the like stands inside a company name, before "Ltd"."""
    toks = reading.tokens[s]
    return (
        j + 3 < len(toks)
        and toks[j].text == "("
        and toks[j + 2].text == ")"
        and toks[j + 1].key in reading.index.words.shortenable
        and toks[j + 3].key in reading.index.words.shortenable
    )


def _connects(reading: Reading, s: int, j: int) -> bool:
    """Return whether small words from j lead on to a name ("Juan Ramón de la Fuente")."""
    k = j
    while k < j + 3 and reading.key(s, k) in CONNECTORS:
        if reading.key(s, k) == "and" and (k > j or not reading.is_name(s, k + 1)):
            return False  # "X and the Y" are two names
        k += 1
    return reading.is_name(s, k)


def _joined(toks: list[Token], j: int) -> bool:
    """Return whether token j touches its neighbours (a hyphen inside a word)."""
    if not 0 < j < len(toks) - 1:
        return False
    return toks[j - 1].end == toks[j].start and toks[j].end == toks[j + 1].start


# Stop words that may stand inside a name ("Ministry of Foreign Affairs", "Supreme Court").
_OK_INSIDE = frozenset(["foreign", "minister", "state", "republic", "border"])
