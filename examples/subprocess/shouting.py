"""A subprocess annotator for Spindle: marks words written in capitals (at least two letters).

Spindle sends one document per line on standard input, as the JSON of its output contract (text and the
layers so far, with offsets in Unicode code points), and reads one line back: a JSON object with the
layers this program provides, and the document's id so that Spindle can check the reply is for the
document it sent. Use it from a pipeline file:

    - external:
        command: [python3, examples/subprocess/shouting.py]
        requires: [tokens]
        provides: [shouting]

With --test-faults it misbehaves on purpose (for Spindle's tests): a document containing CRASH kills it,
HANG makes it stop answering, GARBAGE makes it answer nonsense.
"""

import json
import sys
import time


def main():
    faults = "--test-faults" in sys.argv
    for line in sys.stdin:
        document = json.loads(line)
        text = document["text"]
        if faults:
            if "CRASH" in text:
                print("crashing on purpose", file=sys.stderr)
                sys.exit(3)
            if "HANG" in text:
                time.sleep(60)
            if "GARBAGE" in text:
                print("this is not json", flush=True)
                continue
        shouting = [
            {"start": token["start"], "end": token["end"], "text": token["text"]}
            for token in document.get("tokens", [])
            if len(token["text"]) > 1 and token["text"].isalpha() and token["text"].isupper()
        ]
        print(json.dumps({"id": document.get("id"), "shouting": shouting}), flush=True)


if __name__ == "__main__":
    main()
