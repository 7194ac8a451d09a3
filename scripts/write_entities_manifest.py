#!/usr/bin/env python3
"""Write models/entities-en.manifest.json: what the entity model was made from (files and sha256),
the exact command, the training summary and the evaluation scores. Called by scripts/train_entities.sh."""
import argparse
import hashlib
import json
import os
import re


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def scores(text):
    """Parses `spindle eval entities` output into {file: {label: {p, r, f1, gold, predicted, correct}}}."""
    result, current = {}, None
    line_pattern = re.compile(r"^\s+(\S+)\s+P ([\d.]+)\s+R ([\d.]+)\s+F1 ([\d.]+)\s+\(gold (\d+), predicted (\d+), correct (\d+)\)")
    for line in text.splitlines():
        if not line.startswith(" ") and ": " in line:
            current = os.path.basename(line.split(": ")[0])
            result[current] = {}
        elif current and (match := line_pattern.match(line)):
            label, p, r, f1, gold, predicted, correct = match.groups()
            result[current][label] = {"precision": round(float(p) / 100, 4), "recall": round(float(r) / 100, 4), "f1": round(float(f1) / 100, 4),
                                      "gold": int(gold), "predicted": int(predicted), "correct": int(correct)}
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--report", required=True)
    parser.add_argument("--eval", required=True)
    parser.add_argument("--command", required=True)
    parser.add_argument("--data", nargs="+", required=True)
    parser.add_argument("--lexicons", required=True)
    parser.add_argument("--clusters", required=True)
    parser.add_argument("--gum-command", required=True)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    report = json.load(open(args.report))
    # the GUM-derived file lives in a temporary folder: name it as the command does
    report["train"] = [os.path.basename(path) if path.endswith("gum-ner.iob2") else path for path in report["train"]]
    model = args.output.replace(".manifest.json", ".model")
    manifest = {
        "model": os.path.basename(model),
        "sha256": sha256(model),
        "bytes": os.path.getsize(model),
        "format": "SPNDLNER version 2 (see Plugins/Entities/Sources/ModelFile.swift)",
        "command": args.command,
        "data": [{"file": os.path.basename(path), "sha256": sha256(path)} for path in args.data],
        "dataLicenses": {
            "en_ewt-ud-*.iob2": "CC BY-SA 4.0 (Universal NER English-EWT)",
            "gmb_ner_partial.conll": "ODbL 1.0 (Groningen Meaning Bank, part)",
            "en_ewt-ud-train.conllu / en_gum-train.conllu": "CC BY-SA 4.0 / CC BY 4.0 (words for word classes and clusters)",
            "en_gum-train.conllu": "CC BY 4.0 annotations: PER/ORG/LOC/MISC training spans derived from its entity mentions",
            "en_gum-dev.conllu": "CC BY 4.0 (words only, for the word clusters)",
            "wikigold.conll.txt": "CC BY 4.0 (evaluation only, not trained on)",
        },
        "lexicons": [{"file": name, "sha256": sha256(os.path.join(args.lexicons, name))}
                     for name in sorted(os.listdir(args.lexicons)) if name.endswith(".txt")],
        "lexiconsCommand": ".venv-ner/bin/python scripts/derive_entity_lexicons.py",
        "clusters": {"file": os.path.basename(args.clusters), "sha256": sha256(args.clusters),
                     "command": ".venv-ner/bin/python scripts/derive_word_clusters.py ../shared/data/ud/en_ewt-ud-train.conllu "
                                "../shared/data/ud/en_gum-train.conllu ../shared/data/ud/en_gum-dev.conllu "
                                "../shared/data/ner/gmb_ner_partial.conll --passes 10 -o models/entities-clusters-en.tsv"},
        "gumEntitiesCommand": args.gum_command,
        "training": report,
        "scores": scores(open(args.eval).read()),
        "scoresCommand": "spindle eval entities --pipeline pipelines/entities.yaml --labels PER,ORG,LOC GOLD...",
    }
    with open(args.output, "w") as out:
        json.dump(manifest, out, indent=2, sort_keys=True)
        out.write("\n")


if __name__ == "__main__":
    main()
