"""Build generator/data/countries.yaml, the shipped catalogue of countries.

Provenance: the facts (names, official names, capitals, English demonyms, regions, UN
membership) come from the `world-countries` npm package, i.e. mledoze/countries
(https://github.com/mledoze/countries), licensed under the Open Database License 1.0 (ODbL).
The output is a derived database under the same licence. The curated tables below add the
English aliases newspapers write, drop native-language spellings and ambiguous forms, and fix
a few names, capitals and demonyms; everything else is taken as the data set has it.

The catalogue holds the 193 UN member states plus Palestine, the Holy See (Vatican City),
Kosovo and Taiwan. Output is sorted by id and byte-for-byte deterministic for a given input.

To rerun (PyYAML is the only dependency; the project's venv has it):

    npm install --prefix /tmp/wc world-countries
    python tools/make_countries.py /tmp/wc/node_modules/world-countries/countries.json

Pass -o PATH to write somewhere other than generator/data/countries.yaml.
"""

from __future__ import annotations

import argparse
import json
import re
import textwrap
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "generator" / "data" / "countries.yaml"

# Not UN members, but named as states in the news.
EXTRA_STATES = {"PSE", "VAT", "UNK", "TWN"}
# world-countries flags the Vatican as a UN member; it is an observer state.
NOT_UN_MEMBERS = {"VAT"}
UN_MEMBER_COUNT = 193

# Display names where the data set's common name is not the one English news uses.
NAMES: dict[str, str] = {
    "CIV": "Côte d'Ivoire",
    "TUR": "Turkey",
}

# Official names that should not become aliases.
NO_OFFICIAL_ALIAS = {
    "BRN",  # "Nation of Brunei, Abode of Peace"
    "TWN",  # "Republic of China (Taiwan)": see DROP_ALIASES
}

# English aliases newspapers use, added to the official name and the filtered altSpellings.
EXTRA_ALIASES: dict[str, list[str]] = {
    "ARE": ["UAE", "U.A.E."],
    "BIH": ["Bosnia-Herzegovina", "Bosnia", "BiH"],
    "BRN": ["Brunei Darussalam"],
    "CHN": ["People's Republic of China", "PRC", "mainland China"],
    "CIV": ["Ivory Coast"],
    "COD": [
        "Democratic Republic of the Congo",
        "Democratic Republic of Congo",
        "DRC",
        "Congo-Kinshasa",
    ],
    "COG": ["Republic of Congo", "Congo-Brazzaville", "Congo Republic"],
    "CPV": ["Cabo Verde"],
    "CZE": ["Czech Republic"],
    "FSM": ["Federated States of Micronesia"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain"],
    "KNA": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "KOR": ["Republic of Korea", "ROK"],
    "LAO": ["Lao PDR"],
    "LCA": ["St Lucia", "St. Lucia"],
    "MDV": ["Maldive Islands"],
    "MKD": ["Former Yugoslav Republic of Macedonia", "FYROM"],
    "MMR": ["Burma"],
    "NLD": ["Holland"],
    "PRK": ["DPRK"],
    "SAU": ["KSA"],
    "SWZ": ["Swaziland"],
    "TLS": ["East Timor"],
    "TUR": ["Türkiye", "Republic of Türkiye", "Republic of Turkey"],
    "TWN": ["Chinese Taipei"],
    "USA": ["USA", "U.S.A.", "US", "U.S.", "America"],
    "VAT": ["Holy See", "Vatican"],
    "VCT": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "VNM": ["Viet Nam"],
    "ZAF": ["RSA"],
}

# Aliases to leave out: ordinary words, names of other places, or forms nobody writes.
DROP_ALIASES: dict[str, set[str]] = {
    "ARE": {"Emirates"},  # the airline
    "COG": {"Congo"},  # ambiguous between the two Congos
    "COM": {"Union des Comores"},  # French
    "MKD": {"Macedonia", "The former Yugoslav Republic of Macedonia"},  # Greek region; dup
    "TLS": {"Timor"},  # the island, shared with Indonesia
    "TWN": {"Republic of China"},  # inside "People's Republic of China"
}

# The altSpellings kept automatically: English state forms such as "Republic of Armenia".
STATE_FORM = re.compile(
    r"\b(Republic|Kingdom|State|States|Federation|Commonwealth|Principality|Confederation"
    r"|Duchy|Sultanate|Union|Emirates)\b"
)

# Demonym lists that replace the data set's (misspelt, archaic or missing forms).
DEMONYMS: dict[str, list[str]] = {
    "ARG": ["Argentine", "Argentines", "Argentinian", "Argentinians"],
    "AZE": ["Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"],
    "BWA": ["Motswana", "Batswana"],
    "COM": ["Comorian", "Comorians"],
    "CPV": ["Cape Verdean", "Cape Verdeans"],
    "DJI": ["Djiboutian", "Djiboutians"],
    "ECU": ["Ecuadorian", "Ecuadorians"],
    "GBR": ["British", "Briton", "Britons"],
    "GNB": ["Bissau-Guinean", "Bissau-Guineans"],
    "HRV": ["Croatian", "Croatians", "Croat", "Croats"],
    "ISL": ["Icelandic", "Icelander", "Icelanders"],
    "KAZ": ["Kazakh", "Kazakhs", "Kazakhstani", "Kazakhstanis"],
    "KGZ": ["Kyrgyz", "Kyrgyzstani", "Kyrgyzstanis"],
    "LAO": ["Lao", "Laotian", "Laotians"],
    "LSO": ["Mosotho", "Basotho"],
    "LUX": ["Luxembourgish", "Luxembourger", "Luxembourgers"],
    "MDV": ["Maldivian", "Maldivians"],
    "PHL": ["Filipino", "Filipinos", "Philippine"],
    "SAU": ["Saudi", "Saudis", "Saudi Arabian", "Saudi Arabians"],
    "SRB": ["Serbian", "Serbians", "Serb", "Serbs"],
    "STP": ["Santomean", "Santomeans"],
    "SUR": ["Surinamese"],
    "SVN": ["Slovenian", "Slovenians", "Slovene", "Slovenes"],
    "TJK": ["Tajik", "Tajiks", "Tajikistani", "Tajikistanis"],
    "TLS": ["East Timorese", "Timorese"],
    "TTO": ["Trinidadian", "Trinidadians", "Tobagonian", "Tobagonians"],
    "UZB": ["Uzbek", "Uzbeks", "Uzbekistani", "Uzbekistanis"],
    "VAT": [],  # "Vatican" is an alias, not a demonym
    "VCT": ["Vincentian", "Vincentians"],
}

# Noun forms added to the adjective (people nouns that are not ordinary words).
EXTRA_DEMONYMS: dict[str, list[str]] = {
    "ESP": ["Spaniard", "Spaniards"],
    "TUR": ["Turk", "Turks"],
}

# Demonyms left out everywhere: shared by several countries in effect, or equally a regional
# adjective. Demonyms that the data gives to two or more countries are dropped as well.
AMBIGUOUS_DEMONYMS = {
    "Guinean",  # Guinea, and loosely Guinea-Bissau, Equatorial Guinea, Papua New Guinea
    "Guineans",
    "Central African",  # the region
    "Central Africans",
    "Micronesian",  # the region
    "Micronesians",
}

# Adjectives that are not also plural nouns ("the Chinese", "the French").
NO_PLURAL = re.compile(r"(ese|ish|ois|French|Dutch|Swiss|Malagasy|Turkmen|Burkinabe|-\w+)$")

# Capitals spelt the way English news spells them.
CAPITALS: dict[str, str] = {
    "SWZ": "Mbabane",  # executive capital; the data set gives Lobamba (legislative)
    "MNG": "Ulaanbaatar",
    "USA": "Washington, D.C.",
}

# Descriptions where "Country in <subregion>." would be wrong or too vague.
DESCRIPTIONS: dict[str, str] = {
    "ARM": "Country in the South Caucasus.",
    "AZE": "Country in the South Caucasus.",
    "GEO": "Country in the South Caucasus.",
    "IRN": "Country in Western Asia.",
    "PSE": "Partially recognised state in Western Asia; UN observer state.",
    "RUS": "Transcontinental country in Eastern Europe and North Asia.",
    "TUR": "Transcontinental country in Western Asia and Southeast Europe.",
    "TWN": "Self-governing island state in East Asia, officially the Republic of China.",
    "UNK": "Partially recognised state in Southeast Europe.",
    "VAT": "City-state enclaved in Rome; seat of the Holy See, a UN observer state.",
}

SUBREGIONS: dict[str, str] = {
    "Australia and New Zealand": "Oceania",
    "Caribbean": "the Caribbean",
    "Eastern Africa": "East Africa",
    "Eastern Asia": "East Asia",
    "Melanesia": "Melanesia, Oceania",
    "Micronesia": "Micronesia, Oceania",
    "Middle Africa": "Central Africa",
    "Northern Africa": "North Africa",
    "Polynesia": "Polynesia, Oceania",
    "South-Eastern Asia": "Southeast Asia",
    "Southern Asia": "South Asia",
    "Western Africa": "West Africa",
}

# English Wikipedia titles that differ from the display name.
WIKIPEDIA: dict[str, str] = {
    "BHS": "The Bahamas",
    "CIV": "Ivory Coast",
    "COD": "Democratic Republic of the Congo",
    "CZE": "Czech Republic",
    "FSM": "Federated States of Micronesia",
    "GEO": "Georgia (country)",
    "GMB": "The Gambia",
    "IRL": "Republic of Ireland",
    "PSE": "State of Palestine",
    "TLS": "East Timor",
}


def fold(text: str) -> str:
    """Return text without diacritics: "Côte d'Ivoire" -> "Cote d'Ivoire"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slug(text: str) -> str:
    """Return a lowercase ASCII slug with hyphens: "Côte d'Ivoire" -> "cote-d-ivoire"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def is_latin(text: str) -> bool:
    """Return True if every letter in text is Latin script."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


def unique(items: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    """Return items without duplicates (case-insensitive) or excluded ones, first kept."""
    seen = {e.casefold() for e in exclude}
    out: list[str] = []
    for item in items:
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return out


def aliases_for(country: dict[str, Any], name: str) -> list[str]:
    """Return the English aliases of one country, official name first."""
    code = country["cca3"]
    found: list[str] = []
    if code not in NO_OFFICIAL_ALIAS:
        found.append(country["name"]["official"])
    found += [
        s
        for s in country["altSpellings"]
        if STATE_FORM.search(s) and is_latin(s) and "," not in s and "(" not in s
    ]
    if country["name"]["common"] != name:
        found.append(country["name"]["common"])
    found += EXTRA_ALIASES.get(code, [])
    found += [fold(a) for a in found]
    drop = DROP_ALIASES.get(code, set()) | {name, f"The {name}"}
    return unique(found, drop)


def plural(demonym: str) -> str | None:
    """Return the plural people noun of an English demonym, or None if it has none."""
    if NO_PLURAL.search(demonym):
        return None
    return demonym + "s"


def demonyms_for(country: dict[str, Any]) -> list[str]:
    """Return the English demonyms of one country: adjective forms, then plural nouns."""
    code = country["cca3"]
    if code in DEMONYMS:
        return list(DEMONYMS[code])
    eng = country.get("demonyms", {}).get("eng", {})
    forms: list[str] = []
    for value in (eng.get("m", ""), eng.get("f", "")):
        forms += [p.strip() for p in re.split(r",| or ", value)]
    words: list[str] = []
    for form in unique(forms):
        words += [form, plural(form) or ""]
    return unique(words + EXTRA_DEMONYMS.get(code, []))


def description_for(country: dict[str, Any]) -> str:
    """Return a one-line description from the subregion (or the region)."""
    code = country["cca3"]
    if code in DESCRIPTIONS:
        return DESCRIPTIONS[code]
    area = country.get("subregion") or country["region"]
    return f"Country in {SUBREGIONS.get(area, area)}."


def entry(country: dict[str, Any]) -> dict[str, Any]:
    """Return the catalogue entry for one country, keys in catalogue order."""
    code = country["cca3"]
    name = NAMES.get(code, country["name"]["common"])
    title = WIKIPEDIA.get(code, name).replace(" ", "_")
    return {
        "id": slug(name),
        "name": name,
        "type": "country",
        "aliases": aliases_for(country, name),
        "capital": CAPITALS.get(code, country["capital"][0]),
        "demonyms": demonyms_for(country),
        "description": description_for(country),
        "wikipedia": f"https://en.wikipedia.org/wiki/{title}",
    }


def is_un_member(country: dict[str, Any]) -> bool:
    """Return True for the 193 UN member states."""
    return bool(country["unMember"]) and country["cca3"] not in NOT_UN_MEMBERS


def build(countries: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Return the catalogue entries sorted by id, and the shared demonyms dropped."""
    chosen = [c for c in countries if is_un_member(c) or c["cca3"] in EXTRA_STATES]
    members = sum(is_un_member(c) for c in chosen)
    if members != UN_MEMBER_COUNT:
        raise SystemExit(f"expected {UN_MEMBER_COUNT} UN members, found {members}")
    entries = [entry(c) for c in chosen]
    counts = Counter(d.casefold() for e in entries for d in e["demonyms"])
    ambiguous = {d.casefold() for d in AMBIGUOUS_DEMONYMS}
    shared = sorted({d for e in entries for d in e["demonyms"] if counts[d.casefold()] > 1})
    for e in entries:
        e["demonyms"] = [
            d for d in e["demonyms"] if counts[d.casefold()] == 1 and d.casefold() not in ambiguous
        ]
    entries.sort(key=lambda e: e["id"])
    ids = [e["id"] for e in entries]
    if len(set(ids)) != len(ids):
        raise SystemExit("duplicate ids")
    return entries, shared


def header(source: Path, shared: list[str]) -> str:
    """Return the comment block written at the top of the YAML file."""
    version = ""
    package = source.parent / "package.json"
    if package.exists():
        version = " " + json.loads(package.read_text(encoding="utf-8")).get("version", "")
    dropped = ", ".join(sorted(shared + sorted(AMBIGUOUS_DEMONYMS)))
    note = textwrap.fill(
        "Demonyms left out because they are shared by several countries or are also a"
        f" regional adjective: {dropped}.",
        width=92,
        initial_indent="# ",
        subsequent_indent="# ",
    )
    return (
        "# Countries: the 193 UN member states plus Palestine, the Holy See (Vatican City),\n"
        "# Kosovo and Taiwan. GENERATED by tools/make_countries.py: edit that script, not this\n"
        "# file, and rerun it (see its docstring).\n"
        f"# Source: world-countries{version} (mledoze/countries), Open Database License 1.0\n"
        "# (ODbL); this file is a derived database under the same licence.\n"
        f"{note}\n"
    )


def main(argv: list[str] | None = None) -> None:
    """Read world-countries' countries.json and write the catalogue."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("countries_json", type=Path, help="world-countries' countries.json")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    countries = json.loads(args.countries_json.read_text(encoding="utf-8"))
    entries, shared = build(countries)
    body = yaml.safe_dump(
        entries, allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000
    )
    args.output.write_text(header(args.countries_json, shared) + body, encoding="utf-8")
    print(f"wrote {len(entries)} countries to {args.output}")


if __name__ == "__main__":
    main()
