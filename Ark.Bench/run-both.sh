#!/usr/bin/env bash
# Runs the benchmarks once per VM flavour (no-GIL, then GIL) in-process and writes the
# BenchmarkDotNet reports to results/<flavour>/, then a side-by-side table to results/comparison.md.
# Usage: Ark.Bench/run-both.sh [BenchmarkDotNet filter, default '*'] [extra BenchmarkDotNet args...]
set -euo pipefail
cd "$(dirname "$0")/.."
filter=${1:-*}
shift || true
for flavour in no-GIL GIL; do
  extra=()
  [ "$flavour" = GIL ] && extra=(-p:ArkGil=true)
  dotnet run -c Release --project Ark.Bench "${extra[@]}" -- --inProcess --filter "$filter" \
    --artifacts "results/$flavour" --exporters github "$@"
done
# only the csv and markdown reports are kept: the html ones repeat them
rm -f results/*/results/*.html
python3 Ark.Bench/compare.py results/no-GIL results/GIL > results/comparison.md
cat results/comparison.md
