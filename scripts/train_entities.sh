#!/bin/sh
# Re-makes models/entities-en.model and its manifest from ../shared/data (see docs/entities.md).
# Run from the repository root after a release build: swift build -c release
set -eu
DATA=${DATA:-../shared/data}
SPINDLE=${SPINDLE:-.build/release/spindle}
# UNER EWT is given twice: weighting the in-domain data double gained about one point of dev F1.
TRAIN="$DATA/ner/en_ewt-ud-train.iob2 $DATA/ner/en_ewt-ud-train.iob2 $DATA/ner/gmb_ner_partial.conll"
DEV="$DATA/ner/en_ewt-ud-dev.iob2"
UNLABELED="$DATA/ud/en_ewt-ud-train.conllu $DATA/ud/en_gum-train.conllu"
COMMAND="spindle train entities --train $TRAIN --dev $DEV --unlabeled $UNLABELED --lexicons models/lexicons -o models/entities-en.model"
REPORT=$(mktemp)
# shellcheck disable=SC2086
"$SPINDLE" train entities --train $TRAIN --dev "$DEV" --unlabeled $UNLABELED --lexicons models/lexicons \
    -o models/entities-en.model --report "$REPORT"
# shellcheck disable=SC2086
"$SPINDLE" eval entities --pipeline pipelines/entities.yaml --labels PER,ORG,LOC "$DEV" "$DATA/ner/wikigold.conll.txt" > "$REPORT.eval"
python3 scripts/write_entities_manifest.py --report "$REPORT" --eval "$REPORT.eval" --command "$COMMAND" \
    --data $DATA/ner/en_ewt-ud-train.iob2 $DATA/ner/gmb_ner_partial.conll "$DEV" $UNLABELED "$DATA/ner/wikigold.conll.txt" --lexicons models/lexicons \
    -o models/entities-en.manifest.json
cat "$REPORT.eval"
rm -f "$REPORT" "$REPORT.eval"
