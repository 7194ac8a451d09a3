#!/bin/sh
# Re-makes models/entities-en.model and its manifest from ../shared/data (see docs/entities.md).
# Run from the repository root after a release build: swift build -c release
set -eu
DATA=${DATA:-../shared/data}
SPINDLE=${SPINDLE:-.build/release/spindle}
PYTHON=${PYTHON:-python3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# PER/ORG/LOC/MISC spans derived from GUM's entity mentions (a training file only, never committed).
GUM_COMMAND="python3 scripts/derive_gum_entities.py --misc ud/en_gum-train.conllu -o gum-ner.iob2"
"$PYTHON" scripts/derive_gum_entities.py --misc "$DATA/ud/en_gum-train.conllu" -o "$WORK/gum-ner.iob2"
# UNER EWT is given twice: weighting the in-domain data double gained about one point of dev F1.
TRAIN="$DATA/ner/en_ewt-ud-train.iob2 $DATA/ner/en_ewt-ud-train.iob2 $DATA/ner/gmb_ner_partial.conll $WORK/gum-ner.iob2"
DEV="$DATA/ner/en_ewt-ud-dev.iob2"
UNLABELED="$DATA/ud/en_ewt-ud-train.conllu $DATA/ud/en_gum-train.conllu"
CLUSTERS=models/entities-clusters-en.tsv
RUNS=3
SHOWN_TRAIN="$DATA/ner/en_ewt-ud-train.iob2 $DATA/ner/en_ewt-ud-train.iob2 $DATA/ner/gmb_ner_partial.conll gum-ner.iob2"
COMMAND="spindle train entities --train $SHOWN_TRAIN --dev $DEV --unlabeled $UNLABELED --lexicons models/lexicons --clusters $CLUSTERS --runs $RUNS -o models/entities-en.model"
# shellcheck disable=SC2086
"$SPINDLE" train entities --train $TRAIN --dev "$DEV" --unlabeled $UNLABELED --lexicons models/lexicons \
    --clusters "$CLUSTERS" --runs $RUNS -o models/entities-en.model --report "$WORK/report.json"
# shellcheck disable=SC2086
"$SPINDLE" eval entities --pipeline pipelines/entities.yaml --labels PER,ORG,LOC "$DEV" "$DATA/ner/wikigold.conll.txt" > "$WORK/eval.txt"
"$PYTHON" scripts/write_entities_manifest.py --report "$WORK/report.json" --eval "$WORK/eval.txt" --command "$COMMAND" \
    --data $DATA/ner/en_ewt-ud-train.iob2 $DATA/ner/gmb_ner_partial.conll "$DEV" $UNLABELED "$DATA/ud/en_gum-dev.conllu" \
        "$DATA/ner/wikigold.conll.txt" \
    --lexicons models/lexicons --clusters "$CLUSTERS" --gum-command "$GUM_COMMAND" -o models/entities-en.manifest.json
cat "$WORK/eval.txt"
