#!/usr/bin/env bash
# Prints the README's "Search quality" table: spravka eval on every shared
# set, per query language for the multilingual set. Usage: scripts/eval.sh [EVAL_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/eval}
bin=${BIN:-bin/spravka}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "| set | language | queries | MRR@10 | P@1 | R@5 | nDCG@10 | p50 ms | p99 ms |"
echo "|---|---|---|---|---|---|---|---|---|"
for set in "$dir"/*/; do
  set=${set%/}; name=$(basename "$set")
  [ -f "$set/queries.jsonl" ] || continue
  langs=$(grep -o '"lang": *"[a-z]*"' "$set/queries.jsonl" | sed 's/.*"\([a-z]*\)"$/\1/' | sort -u)
  for lang in $langs; do
    "$bin" eval --content "$set/content" --queries "$set/queries.jsonl" --qrels "$set/qrels.tsv" \
      --query-lang "$lang" --data "$tmp/$name" --markdown-row "$name | $lang"
  done
done
