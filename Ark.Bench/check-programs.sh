#!/usr/bin/env bash
# Runs every benchmark program with the arguments its suite gives it under `ark` and, when one is
# given, under another ArkScript interpreter (the reference), and checks that both print the same.
# Where a case states its output ("program args = expected last line"), ark's is checked against
# it too: those programs are ark's own, mostly too much for the other interpreter.
# Each run is limited to 60 s (ARK_CHECK_TIMEOUT), so that a hang is reported as one.
# Usage: Ark.Bench/check-programs.sh [another interpreter's command]
set -euo pipefail
cd "$(dirname "$0")/.."
other=${1:-}
dotnet build Ark.Cli -c Release -nologo -v q > /dev/null
ark=Ark.Cli/bin/Release/net10.0/ark

# "program args..." as the suites run them; '!' first: too much for the other interpreter
# (it needs an OS thread and about 440 KB per live future), run by ark alone
cases=(
  "quicksort 30" "ackermann 3 7" "fibonacci 22" "man_or_boy 3 3 1" "builtins 1000"
  "fibonacci 30" "fibonacci 32" "ackermann 3 9" "while_loop" "quicksort 20000"
  "man_or_boy 0 11 50" "builtins_heavy 20000"
  "workers_sequential 1" "workers_futures 1" "workers_sequential 2" "workers_futures 2"
  "workers_sequential 4" "workers_futures 4"
  "round_trips" "!many_futures"
  "large_source"
  # BlockedFutureBenchmarks: futures that wait; a blocking scheduler takes about 50 s over the
  # 10,000 sleepers, deadlocks or overflows the stack on await chains from about 500 deep and
  # overflows it on the deep nested chain
  "sleepers 100 = 4950" "!sleepers 10000 = 49995000"
  "await_chain 1000 = 1000" "!await_chain 100000 = 100000"
  "nested_chain 1000 = 1000" "!nested_chain 20000 = 20000"
  "ping_pong 10000 = 10000 hand-overs, checksum 12507500"
  # green-threads.sh: a million futures that wait for nothing
  "!identity_futures 1000000 = 499999500000"
)
limit=${ARK_CHECK_TIMEOUT:-60}
failed=0
for case in "${cases[@]}"; do
  skip_other=false
  [[ $case == !* ]] && { skip_other=true; case=${case#!}; }
  expected=
  [[ $case == *" = "* ]] && { expected=${case#* = }; case=${case%% = *}; }
  read -r name args <<< "$case"
  file=Ark.Bench/Programs/$name.ark
  status=0
  # shellcheck disable=SC2086 # args are words
  mine=$(timeout "$limit" "$ark" "$file" $args 2>&1) || status=$?
  if [ "$status" = 124 ]; then
    echo "TIMEOUT  $case: no end after $limit s"; failed=1; continue
  fi
  if [ -n "$expected" ] && [ "$(tail -n 1 <<< "$mine")" != "$expected" ]; then
    echo "WRONG    $case: expected $expected, got (exit code $status):"; tail -n 5 <<< "$mine"; failed=1; continue
  fi
  if [ -n "$other" ] && ! $skip_other; then
    # shellcheck disable=SC2086
    theirs=$(timeout "$limit" $other "$file" $args 2>&1) || true
    if [ "$mine" != "$theirs" ]; then
      echo "DIFFERS  $case"; diff <(echo "$theirs") <(echo "$mine") | head -20; failed=1; continue
    fi
    echo "same     $case: $(tail -n 1 <<< "$mine")"
  elif [ -n "$expected" ]; then
    echo "right    $case: $(tail -n 1 <<< "$mine")"
  else
    echo "ark only $case: $(tail -n 1 <<< "$mine")"
  fi
done
exit $failed
