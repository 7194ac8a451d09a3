#!/usr/bin/env python3
"""spaCy's side of `spindle bench`: a blank English pipeline plus the rule-based sentencizer.

Reads JSONL documents ({"text": ...} per line) written by `spindle bench`, runs them through
`nlp.pipe` in this one process, and prints one JSON object on standard output:

    {"tokens": N, "non_space_tokens": N, "sentences": N, "seconds": S, "cpu_seconds": S, ...}

`seconds` is the best wall-clock time of --repeat runs; reading the file and loading spaCy are not
timed, to match what the Swift side times. Tokens and sentences are counted from spaCy's attribute arrays
(in C) rather than by walking Token and Span objects in Python, so the counting costs spaCy almost
nothing: where the comparison errs, it errs in spaCy's favour.

    python scripts/bench_spacy.py docs.jsonl --repeat 3
"""

import argparse
import json
import sys
import time


def peak_rss_kb() -> int:
    """VmHWM, the figure the Swift side reports; ru_maxrss where /proc is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", help="JSONL file, one {\"text\": ...} object per line")
    parser.add_argument("--repeat", type=int, default=1, help="runs; the fastest is reported")
    parser.add_argument("--batch-size", type=int, default=256, help="nlp.pipe batch size")
    args = parser.parse_args()

    try:
        import spacy
    except ImportError:
        print("spaCy is not installed in this Python: "
              "python3 -m venv .venv-bench && .venv-bench/bin/pip install spacy", file=sys.stderr)
        return 3

    with open(args.path, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]

    from spacy.attrs import IS_SPACE, SENT_START

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    # spaCy builds some tables lazily; one small warm-up keeps that out of the first timed run.
    for _ in nlp.pipe(texts[:10]):
        pass

    best = None
    for _ in range(max(1, args.repeat)):
        tokens = non_space = sentences = 0
        wall, cpu = time.perf_counter(), time.process_time()
        for doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=1):
            tokens += len(doc)
            flags = doc.to_array([IS_SPACE, SENT_START])
            non_space += len(doc) - int(flags[:, 0].sum())
            sentences += int((flags[:, 1] == 1).sum())
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if best is None or wall < best["seconds"]:
            best = {"tokens": tokens, "non_space_tokens": non_space, "sentences": sentences,
                    "seconds": wall, "cpu_seconds": cpu}

    best["documents"] = len(texts)
    best["characters"] = sum(len(text) for text in texts)
    best["peak_rss_kb"] = peak_rss_kb()
    best["spacy"] = spacy.__version__
    best["python"] = sys.version.split()[0]
    print(json.dumps(best))
    return 0


if __name__ == "__main__":
    sys.exit(main())
