#!/usr/bin/env python3
"""Derive distributional word clusters for the entity tagger from unlabeled text.

Words (lower-cased) are clustered by the exchange algorithm (Kneser & Ney 1993, Martin et al. 1998): each
word sits in one of C classes, and words are moved one at a time to the class that most raises the
likelihood of a class bigram model of the text, until a pass moves almost nothing. Words that share
neighbours end up together ("tampa", "noida", "baguio" with other places; "lisa", "shanna" with given
names), which lets the tagger carry what it learned about a training word to words it never saw labelled.
Clusters are computed at several granularities (e.g. 32, 128 and 512 classes), like the prefixes of a
Brown cluster path; the tagger takes each as a feature.

Text: the words of CoNLL-U and column files given on the command line. The model shipped uses UD English
EWT train, GUM train and dev, and the GMB part (never the EWT dev text, which is the dev set of the
tagger, nor wikigold, which is its held-out test).

Output: `word<TAB>class at each granularity`, sorted by word; deterministic (fixed initialization and order).

Usage:
  .venv-ner/bin/python scripts/derive_word_clusters.py ../shared/data/ud/en_ewt-ud-train.conllu \\
      ../shared/data/ud/en_gum-train.conllu ../shared/data/ud/en_gum-dev.conllu \\
      ../shared/data/ner/gmb_ner_partial.conll -o models/entities-clusters-en.tsv
"""
import argparse
import collections
import sys
import time

import numpy as np

BOUNDARY = "<s>"
UNKNOWN = "<unk>"


def read_sentences(path):
    """Words by sentence from CoNLL-U (ID, FORM, ...) or column files (word first, or UNER's index first)."""
    words = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if words:
                yield words
            words = []
            continue
        if line.startswith("#") or line.startswith("-DOCSTART-"):
            continue
        columns = line.split("\t") if "\t" in line else line.split(" ")
        if path.endswith(".conllu") or (len(columns) > 2 and columns[0].isdigit()):
            if not columns[0].isdigit():
                continue  # multi-word token ranges and empty nodes
            words.append(columns[1])
        else:
            words.append(columns[0])
    if words:
        yield words


def xlogx(values):
    values = np.asarray(values, dtype=np.float64)
    out = np.zeros_like(values)
    positive = values > 0
    out[positive] = values[positive] * np.log(values[positive])
    return out


class Exchange:
    def __init__(self, corpus_ids, vocab_size, classes):
        self.vocab_size, self.classes = vocab_size, classes
        bigrams = collections.Counter(zip(corpus_ids[:-1], corpus_ids[1:]))
        self.counts = np.bincount(corpus_ids, minlength=vocab_size).astype(np.float64)
        right = collections.defaultdict(list)  # word -> [(next word, count)]
        left = collections.defaultdict(list)   # word -> [(previous word, count)]
        self.self_count = np.zeros(vocab_size)
        for (a, b), n in sorted(bigrams.items()):
            if a == b:
                self.self_count[a] = n
                continue
            right[a].append((b, n))
            left[b].append((a, n))
        self.right = {w: (np.array([b for b, _ in v]), np.array([n for _, n in v], dtype=np.float64)) for w, v in right.items()}
        self.left = {w: (np.array([a for a, _ in v]), np.array([n for _, n in v], dtype=np.float64)) for w, v in left.items()}
        self.bigrams = bigrams

    def run(self, fixed, max_passes=20, min_moves=0.002):
        """fixed: word ids that keep class 0 (the boundary and unknown words are not clustered)."""
        C = self.classes
        cls = np.zeros(self.vocab_size, dtype=np.int64)
        movable = [w for w in range(self.vocab_size) if w not in fixed]
        # the commonest words first, spread over the classes round-robin (class 0 is shared with the fixed words)
        for rank, w in enumerate(movable):
            cls[w] = 1 + rank % (C - 1)
        N = np.zeros((C, C))
        for (a, b), n in self.bigrams.items():
            N[cls[a], cls[b]] += n
        empty = (np.array([], dtype=np.int64), np.array([]))
        row_sums, col_sums = N.sum(axis=1), N.sum(axis=0)
        for number in range(max_passes):
            moves = 0
            for w in movable:
                old = cls[w]
                r_words, r_counts = self.right.get(w, empty)
                l_words, l_counts = self.left.get(w, empty)
                L = np.bincount(cls[r_words], weights=r_counts, minlength=C)  # (w, class k)
                R = np.bincount(cls[l_words], weights=l_counts, minlength=C)  # (class k, w)
                s = self.self_count[w]
                # take w out of its class
                N[old, :] -= L
                N[:, old] -= R
                N[old, old] -= s
                n_w = L.sum() + s, R.sum() + s  # w as the left / right word of a bigram
                row_sums[old] -= n_w[0]
                col_sums[old] -= n_w[1]
                kl, kr = np.nonzero(L)[0], np.nonzero(R)[0]
                gain = np.zeros(C)
                if len(kl):
                    block = N[:, kl]
                    gain += (xlogx(block + L[kl]) - xlogx(block)).sum(axis=1)
                if len(kr):
                    block = N[kr, :]
                    gain += (xlogx(block + R[kr][:, None]) - xlogx(block)).sum(axis=0)
                diagonal = np.diagonal(N)
                gain += (xlogx(diagonal + L + R + s) - xlogx(diagonal)) \
                    - (xlogx(diagonal + L) - xlogx(diagonal)) - (xlogx(diagonal + R) - xlogx(diagonal))
                gain -= xlogx(row_sums + n_w[0]) - xlogx(row_sums)
                gain -= xlogx(col_sums + n_w[1]) - xlogx(col_sums)
                gain[0] = -np.inf  # class 0 holds the fixed words
                best = int(np.argmax(gain))
                if gain[best] <= gain[old] + 1e-9:
                    best = old
                N[best, :] += L
                N[:, best] += R
                N[best, best] += s
                row_sums[best] += n_w[0]
                col_sums[best] += n_w[1]
                if best != old:
                    moves += 1
                    cls[w] = best
            print(f"  {C} classes, pass {number + 1}: {moves} moves", file=sys.stderr)
            if moves < min_moves * len(movable):
                break
        return cls


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--classes", default="32,128,512")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--passes", type=int, default=15)
    args = parser.parse_args()

    sentences = [[w.lower() for w in s] for path in args.files for s in read_sentences(path)]
    counts = collections.Counter(w for s in sentences for w in s)
    vocab = [BOUNDARY, UNKNOWN] + sorted((w for w, n in counts.items() if n >= args.min_count), key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(vocab)}
    ids = []
    for s in sentences:
        ids.append(0)
        ids.extend(index.get(w, 1) for w in s)
    ids.append(0)
    ids = np.array(ids)
    print(f"{len(sentences)} sentences, {len(ids)} tokens, {len(vocab) - 2} words seen {args.min_count}+ times", file=sys.stderr)

    columns = []
    for C in (int(c) for c in args.classes.split(",")):
        started = time.time()
        exchange = Exchange(ids, len(vocab), C + 1)
        columns.append(exchange.run(fixed={0, 1}, max_passes=args.passes))
        print(f"  {C} classes in {time.time() - started:.0f} s", file=sys.stderr)
    with open(args.output, "w", encoding="utf-8") as out:
        out.write(f"# word clusters ({args.classes} classes, exchange algorithm) made by scripts/derive_word_clusters.py "
                  f"from {len(ids)} tokens; do not edit by hand\n")
        for w in sorted(vocab[2:]):
            i = index[w]
            out.write(w + "\t" + "\t".join(str(int(c[i]) - 1) for c in columns) + "\n")


if __name__ == "__main__":
    main()
