#!/usr/bin/env bash
# Runs the benchmarks once per VM flavour in-process and writes the BenchmarkDotNet reports to
# results/<flavour>/, then a side-by-side table to results/comparison.md.
# The flavours take turns suite by suite, the first of each pair alternating, rather than one
# flavour's whole run after the other's: this machine drifts between speed modes over tens of
# minutes, and a comparison of two halves run half an hour apart measured the drift as much as
# the GIL.
# Each suite sets its own warm-up and iteration counts ([Measure] in Ark.Bench): with no options
# the whole run takes about an hour on a 2-core machine. A job option (--job Dry,
# --iterationCount N...) replaces those counts for every suite.
# Usage: Ark.Bench/run-both.sh [BenchmarkDotNet filter, default: every suite] [extra BenchmarkDotNet args...]
set -euo pipefail
cd "$(dirname "$0")/.."
filter=${1:-}
shift || true
start=$SECONDS
# both flavours are built before anything is measured, so that a build error costs no run
dotnet build Ark.Bench -c Release -nologo -v q
dotnet build Ark.Bench -c Release -nologo -v q -p:ArkGil=true
if [ -n "$filter" ]; then
  filters=("$filter")
else
  # every suite (benchmark class) the assembly has, as BenchmarkDotNet lists its benchmarks
  mapfile -t filters < <(dotnet run --no-build -c Release --project Ark.Bench -- --list flat |
    sed -nE 's/^(Ark\.Bench\.[A-Za-z0-9_]+)\.[A-Za-z0-9_]+$/\1.*/p' | sort -u)
  [ "${#filters[@]}" -gt 0 ] || { echo "run-both.sh: no benchmark suites found" >&2; exit 1; }
fi
run() { # flavour filter [args...]
  local flavour=$1 filter=$2 extra=()
  shift 2
  [ "$flavour" = GIL ] && extra=(-p:ArkGil=true)
  echo "run-both.sh: $flavour, $filter, at $(( (SECONDS - start) / 60 )) min"
  dotnet run --no-build -c Release --project Ark.Bench "${extra[@]}" -- --inProcess --filter "$filter" \
    --artifacts "results/$flavour" --exporters github "$@"
}
for i in "${!filters[@]}"; do
  if (( i % 2 == 0 )); then order=(no-GIL GIL); else order=(GIL no-GIL); fi
  for flavour in "${order[@]}"; do
    run "$flavour" "${filters[$i]}" "$@"
  done
done
# only the csv and markdown reports are kept: the html ones repeat them
rm -f results/*/results/*.html
python3 Ark.Bench/compare.py results/no-GIL results/GIL > results/comparison.md
cat results/comparison.md
echo "run-both.sh: $(( (SECONDS - start) / 60 )) min $(( (SECONDS - start) % 60 )) s"
