#!/usr/bin/env python3
"""Derives the given-name gender list the `quotes` annotator uses to resolve "he" and "she".

Source: PyPI `names==0.3.0` (MIT; US Census 1990 first-name tables, public domain).
A name goes in only when one sex accounts for at least 90% of its combined frequency, so names the
census gives to both (Jordan, Leslie) stay out and the annotator falls back on the text's own cues.

    python3 -m venv .venv-ner && .venv-ner/bin/pip install names==0.3.0
    .venv-ner/bin/python scripts/derive_quote_lexicons.py models/quotes
"""
import pathlib
import sys

import names

SHARE = 0.9


def census(file):
    table = {}
    for line in (pathlib.Path(names.__file__).parent / file).read_text().splitlines():
        fields = line.split()
        if len(fields) >= 2:
            table[fields[0].capitalize()] = float(fields[1])
    return table


def main(folder):
    male, female = census("dist.male.first"), census("dist.female.first")
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= SHARE * (m + f):
            rows.append(f"{name}\tm")
        elif f >= SHARE * (m + f):
            rows.append(f"{name}\tf")
    out = pathlib.Path(folder) / "given-name-genders.tsv"
    out.parent.mkdir(parents=True, exist_ok=True)
    header = ("# given-name genders: US Census 1990 first names via the names package (MIT; data public domain), "
              f"names where one sex has >= {int(SHARE * 100)}% of the frequency. "
              "Made by scripts/derive_quote_lexicons.py; do not edit by hand.\n")
    out.write_text(header + "\n".join(rows) + "\n")
    print(f"{out}: {len(rows)} names")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "models/quotes")
