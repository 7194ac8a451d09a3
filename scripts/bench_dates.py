#!/usr/bin/env python3
"""Timex throughput of Spindle's `dates` annotator next to dateparser's `search_dates`, on the same text.

Swift side: `spindle bench --pipeline pipelines/dates.yaml` times annotation on one thread (no output
written) and reports each annotator's share; throughput is Spindle's token count divided by the
`dates` annotator's time (best of --repeat).

Python side: `dateparser.search.search_dates` over the same documents, each anchored on its own
`date` (RELATIVE_BASE), in this process. dateparser is slow, so by default it runs on the first
--dateparser-docs documents and its rate is measured there; the token count for those documents is
Spindle's (the same tokenizer on both sides), so the two figures are comparable.

    .build/release/spindle generate --documents 1800 -o /tmp/corpus.jsonl      # ~5.3 MB
    .venv-dates/bin/python scripts/bench_dates.py /tmp/corpus.jsonl --spindle .build/release/spindle

Prints one JSON object with both rates and their ratio.
"""

import argparse
import datetime
import json
import re
import subprocess
import sys
import time


def spindle_dates(spindle: str, pipeline: str, corpus: str, size_mb: float, repeat: int) -> dict:
    """The dates annotator's row of `spindle bench`: best wall-clock and CPU seconds, and the tokens."""
    output = subprocess.run(
        [spindle, "bench", "--pipeline", pipeline, "--input", corpus, "--no-spacy", "--no-icu-baseline",
         "--repeat", str(repeat), "--size-mb", f"{size_mb:.3f}"],
        check=True, capture_output=True, text=True).stdout
    tokens = re.search(r"^spindle .*?([0-9][0-9,]*) tokens", output, re.MULTILINE)
    row = re.search(r"^\s+dates\s+([0-9.]+)\s+([0-9.]+)", output, re.MULTILINE)
    if not tokens or not row:
        sys.exit(f"could not read the dates row and token count from spindle bench:\n{output}")
    return {"tokens": int(tokens.group(1).replace(",", "")), "seconds": float(row.group(1)),
            "cpu_seconds": float(row.group(2)), "report": output}


def spindle_tokens(spindle: str, documents: list[dict]) -> int:
    """Tokens Spindle's tokenizer finds in these documents."""
    lines = "".join(json.dumps({"id": str(i), "text": d["text"]}) + "\n" for i, d in enumerate(documents))
    output = subprocess.run([spindle, "annotate", "--pipeline", "default", "--jobs", "1", "-q", "-"],
                            input=lines, check=True, capture_output=True, text=True).stdout
    return sum(len(json.loads(line)["tokens"]) for line in output.splitlines() if line.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", help="JSONL with {text, date} per line (spindle generate)")
    parser.add_argument("--spindle", default=".build/release/spindle", help="release build of the spindle tool")
    parser.add_argument("--dates-pipeline", default="pipelines/dates.yaml")
    parser.add_argument("--repeat", type=int, default=3, help="Swift runs; the fastest counts")
    parser.add_argument("--cpu", action="store_true", help="compare CPU seconds (for a busy machine) instead of wall-clock")
    parser.add_argument("--dateparser-docs", type=int, default=150, help="documents dateparser runs on (0: all)")
    args = parser.parse_args()

    try:
        from dateparser.search import search_dates
    except ImportError:
        sys.exit("dateparser is not installed: python3 -m venv .venv-dates && .venv-dates/bin/pip install dateparser")

    documents = [json.loads(line) for line in open(args.corpus, encoding="utf-8") if line.strip()]
    size = sum(len(d["text"].encode("utf-8")) for d in documents)

    swift = spindle_dates(args.spindle, args.dates_pipeline, args.corpus, size / 1e6, args.repeat)
    tokens = swift["tokens"]
    annotator_seconds = swift["cpu_seconds"] if args.cpu else swift["seconds"]

    sample = documents[: args.dateparser_docs] if args.dateparser_docs else documents
    sample_tokens = spindle_tokens(args.spindle, sample)
    found = 0
    clock = time.process_time if args.cpu else time.perf_counter
    start = clock()
    for document in sample:
        base = datetime.datetime.fromisoformat(document.get("date") or "2022-04-12")
        results = search_dates(document["text"], languages=["en"], settings={"RELATIVE_BASE": base})
        found += len(results or [])
    dateparser_seconds = clock() - start

    spindle_rate = tokens / annotator_seconds
    dateparser_rate = sample_tokens / dateparser_seconds
    print(swift["report"], file=sys.stderr)
    print(json.dumps({
        "corpus_bytes": size, "documents": len(documents), "tokens": tokens,
        "clock": "cpu" if args.cpu else "wall", "spindle_dates_annotator_seconds": round(annotator_seconds, 3),
        "spindle_dates_tokens_per_second": round(spindle_rate),
        "dateparser_documents": len(sample), "dateparser_tokens": sample_tokens,
        "dateparser_seconds": round(dateparser_seconds, 3), "dateparser_matches": found,
        "dateparser_tokens_per_second": round(dateparser_rate),
        "ratio_spindle_over_dateparser": round(spindle_rate / dateparser_rate, 1),
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
