#!/usr/bin/env bash
# Byte-for-byte comparison of two spindle builds on the same inputs: the bundled samples, the seed-like
# sample articles and a generated corpus, through the `news` pipeline (or the one given as $PIPELINE).
# Used to show a refactoring changes no output:
#   scripts/compare_outputs.sh OLD/.build/release/spindle .build/release/spindle [DOCUMENTS]
set -euo pipefail
old="$1"; new="$2"; documents="${3:-2000}"; pipeline="${PIPELINE:-news}"
cd "$(dirname "$0")/.."
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
"$new" generate --documents "$documents" -o "$work/corpus.jsonl" >/dev/null 2>&1
inputs=(samples/harbor-bridge-vote.txt samples/articles.jsonl gold/quotes-news.jsonl gold/quotes-news-heldout.jsonl "$work/corpus.jsonl")
# The real seed articles, when the shared data is beside the checkout (never copied into the repository).
if [ -d ../shared/seeds ]; then inputs+=(../shared/seeds); fi
status=0
for input in "${inputs[@]}"; do
  name="$(basename "$input")"
  "$old" annotate --quiet --pipeline "$pipeline" --date 2024-05-14 -o "$work/old-$name.jsonl" "$input"
  "$new" annotate --quiet --pipeline "$pipeline" --date 2024-05-14 -o "$work/new-$name.jsonl" "$input"
  if cmp -s "$work/old-$name.jsonl" "$work/new-$name.jsonl"; then
    echo "identical  $name  $(wc -l < "$work/new-$name.jsonl") documents  $(sha256sum < "$work/new-$name.jsonl" | cut -c1-16)"
  else
    echo "DIFFERENT  $name"; status=1
    cmp "$work/old-$name.jsonl" "$work/new-$name.jsonl" | head -1
  fi
done
exit $status
