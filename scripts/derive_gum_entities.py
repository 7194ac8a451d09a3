#!/usr/bin/env python3
"""Derive PER/ORG/LOC(/MISC) training spans from GUM's entity annotation, as an IOB2 file.

GUM (CC BY 4.0 annotations) marks every mention, named or not, with an entity type (person, place,
organization, event, object, ...) in the `Entity=` field of the CoNLL-U MISC column. A mention here is a
*name* when, after leading determiners and punctuation and a trailing possessive are cut, it starts and
ends with a proper noun (UPOS PROPN) and holds nothing but proper nouns, numbers, hyphens and the
function words of names ("Bank of America", "Trinity College Dublin"). Names of people become PER,
places LOC, organizations ORG, and (with --misc) names of events and objects MISC ("World War II").
Nested names keep the outermost ("University of Portsmouth", not "Portsmouth" inside it).

A proper noun outside every such name (a product, a work, an unlinked abbreviation) would teach the
tagger that names can be O; with --drop-uncovered those sentences are left out.

The output is written for training only (never committed): `spindle train entities --train OUT.iob2`.

Usage:
  python3 scripts/derive_gum_entities.py ../shared/data/ud/en_gum-train.conllu -o /tmp/gum-ner.iob2
"""
import argparse
import re

TYPES = {"person": "PER", "place": "LOC", "organization": "ORG"}
MISC_TYPES = {"event", "object"}
INSIDE_OK = {"PROPN", "NUM"}
NAME_WORDS = {"of", "de", "du", "la", "le", "von", "van", "der", "den", "for", "and", "&", "the", "-", "'", ".", "on"}
BRACKET = re.compile(r"\((\d+)-([a-z]+)[^()]*?(\)?)(?=\(|\d+\)|$)|(\d+)\)")


def sentences(path):
    words = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if words:
                yield words
            words = []
            continue
        if line.startswith("#"):
            continue
        columns = line.split("\t")
        if not columns[0].isdigit():
            continue
        entity = ""
        for item in columns[9].split("|"):
            if item.startswith("Entity="):
                entity = item[len("Entity="):]
        # UD tags "United" in "United Kingdom" VERB but NNP: either makes a proper noun here
        upos = "PROPN" if columns[4] in ("NNP", "NNPS") else columns[3]
        words.append((columns[1], upos, entity))
    if words:
        yield words


def mentions(words):
    """(start, end, type) of every mention, end exclusive. The field reads like
    "(6-person-new-...-coref", "(7-abstract-...-sgl)" (one token), "10)9)8)" (closings)."""
    found, stack = [], []
    for index, (_, _, entity) in enumerate(words):
        for opened, kind, closes_here, closed in BRACKET.findall(entity):
            if opened:
                stack.append((opened, kind, index))
                if not closes_here:
                    continue
                closed = opened
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == closed:
                    _, kind, start = stack.pop(depth)
                    found.append((start, index + 1, kind))
                    break
    return found


def name_span(words, start, end):
    while start < end and (words[start][1] in ("DET", "PUNCT")):
        start += 1
    while end > start and (words[end - 1][1] in ("PUNCT", "PART") or words[end - 1][0] in ("'s", "'")):
        end -= 1
    if end <= start or words[start][1] != "PROPN" or words[end - 1][1] != "PROPN":
        return None
    for index in range(start, end):
        word, upos, _ = words[index]
        if upos not in INSIDE_OK and word.lower() not in NAME_WORDS:
            # "Portsmouth, United Kingdom": the name before the comma
            if word == "," and index > start:
                return name_span(words, start, index)
            return None
    return start, end


def convert(words, misc):
    spans = []
    for start, end, kind in mentions(words):
        label = TYPES.get(kind) or ("MISC" if misc and kind in MISC_TYPES else None)
        if label is None:
            continue
        span = name_span(words, start, end)
        if span:
            spans.append((span[0], span[1], label))
    # outermost first; drop spans inside or overlapping an earlier kept one
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept, covered = [], set()
    for start, end, label in spans:
        if any(i in covered for i in range(start, end)):
            continue
        kept.append((start, end, label))
        covered.update(range(start, end))
    uncovered = any(upos == "PROPN" and i not in covered for i, (_, upos, _) in enumerate(words))
    tags = ["O"] * len(words)
    for start, end, label in kept:
        tags[start] = "B-" + label
        for i in range(start + 1, end):
            tags[i] = "I-" + label
    return tags, uncovered


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("conllu", nargs="+")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--misc", action="store_true", help="names of events and objects become MISC")
    parser.add_argument("--drop-uncovered", action="store_true", help="leave out sentences with a proper noun outside every name")
    args = parser.parse_args()
    kept = dropped = 0
    with open(args.output, "w", encoding="utf-8") as out:
        for path in args.conllu:
            for words in sentences(path):
                tags, uncovered = convert(words, args.misc)
                if uncovered and args.drop_uncovered:
                    dropped += 1
                    continue
                kept += 1
                for number, ((word, _, _), tag) in enumerate(zip(words, tags), 1):
                    out.write(f"{number}\t{word}\t{tag}\t-\t-\n")
                out.write("\n")
    print(f"{kept} sentences written, {dropped} dropped")


if __name__ == "__main__":
    main()
