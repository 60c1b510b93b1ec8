#!/usr/bin/env bash
# Runs the benchmarks once per VM flavour (no-GIL, then GIL) in-process and writes the
# BenchmarkDotNet reports to results/<flavour>/, then a side-by-side table to results/comparison.md.
# Each suite sets its own warm-up and iteration counts ([Measure] in Ark.Bench): with no options
# the whole run takes about 15-20 minutes on a 2-core machine. A job option (--job Dry,
# --iterationCount N...) replaces those counts for every suite.
# Usage: Ark.Bench/run-both.sh [BenchmarkDotNet filter, default '*'] [extra BenchmarkDotNet args...]
set -euo pipefail
cd "$(dirname "$0")/.."
filter=${1:-*}
shift || true
start=$SECONDS
# both flavours are built before anything is measured, so that a build error costs no run
dotnet build Ark.Bench -c Release -nologo -v q
dotnet build Ark.Bench -c Release -nologo -v q -p:ArkGil=true
for flavour in no-GIL GIL; do
  extra=()
  [ "$flavour" = GIL ] && extra=(-p:ArkGil=true)
  dotnet run --no-build -c Release --project Ark.Bench "${extra[@]}" -- --inProcess --filter "$filter" \
    --artifacts "results/$flavour" --exporters github "$@"
done
# only the csv and markdown reports are kept: the html ones repeat them
rm -f results/*/results/*.html
python3 Ark.Bench/compare.py results/no-GIL results/GIL > results/comparison.md
cat results/comparison.md
echo "run-both.sh: $(( (SECONDS - start) / 60 )) min $(( (SECONDS - start) % 60 )) s"
