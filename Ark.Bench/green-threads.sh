#!/usr/bin/env bash
# Whole-process checks of futures as green threads, on `ark` published ReadyToRun in both
# flavours (no-GIL, and GIL with -p:ArkGil=true): what a waiting future costs (100,000 sleepers:
# wall time, peak RSS, peak OS threads), 1,000,000 futures, chains of futures awaiting futures,
# sys:exit from and beside futures, an await pattern that deadlocks a scheduler whose waiting
# futures hold threads, and CPU-bound futures against the same work in sequence.
# Writes results/green-threads.md: one row per measure and flavour, with the target and whether
# it was met.
# Every run has a time limit (60 s; 10 s for each of the repeated deadlock runs, which need
# 0.3 s), so that a hang shows as "timeout" in the table rather than stopping the script.
# Peak threads: /proc/PID/status sampled about every 5 ms, so a peak shorter than that may be
# missed. Peak RSS: /usr/bin/time -v.
# QUICK=1 shrinks the sizes, the deadlock runs to 5 and the time limits to 20 s and 5 s, to try
# the script out: its figures are not the targets' sizes.
# Usage: [QUICK=1] Ark.Bench/green-threads.sh [hyperfine runs, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
quick=${QUICK:-0}
limit=60
deadlock_limit=10
# a quick try on a scheduler that hangs should not wait a minute per hang
[ "$quick" = 1 ] && limit=20 deadlock_limit=5
cores=$(nproc)
programs=Ark.Bench/Programs
start=$SECONDS

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update
  apt-get install -y "${missing[@]}"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
flavours=(no-GIL GIL)
echo "green-threads.sh: publishing ark, no-GIL and GIL" >&2
dotnet publish Ark.Cli -c Release -o "$out/no-GIL" >/dev/null
dotnet publish Ark.Cli -c Release -p:ArkGil=true -o "$out/GIL" >/dev/null
for flavour in "${flavours[@]}"; do
  # the two builds share no folder, but a mix-up would make the comparison meaningless
  version=$("$out/$flavour/ark" --version)
  [[ $version == *"($flavour)"* ]] || { echo "green-threads.sh: $out/$flavour/ark is $version" >&2; exit 1; }
done

if [ "$quick" = 1 ]; then
  sleepers=200 pause=100 many=100000 chains=(100 1000 10000) repeats=5
else
  sleepers=100000 pause=1000 many=1000000 chains=(1000 10000 1000000) repeats=50
fi
nested=(20000 1000000)

cat > "$out/exit_from_future.ark" <<'ARK'
(print "before")
(async (fun () (sys:exit 3)))
(sys:sleep 1000)
ARK
cat > "$out/exit_awaited.ark" <<'ARK'
(print "before")
(await (async (fun () (sys:exit 3))))
ARK
cat > "$out/exit_beside_busy_future.ark" <<'ARK'
(print "before")
(async (fun () (while true ())))
(sys:exit 0)
ARK
# t1 waits on t2 and t3 on t1 while t2 sleeps: a scheduler that blocks a worker per waiting
# future, and lets a blocked worker run queued futures, can end up with t3 waiting on its own
# thread for t1 below it on the same stack
cat > "$out/await_waiting_future.ark" <<'ARK'
(let slow (fun () { (sys:sleep 300) 1 }))
(let waitOn (fun (f) (+ 1 (await f))))
(let t2 (async slow))
(let t1 (async waitOn t2))
(let t3 (async waitOn t1))
(sys:sleep 100)
(print (await t3))
ARK

# a sub-second sleep without starting a process per sample: a read that nothing will answer
exec {tick}<> <(:)

# run_one TIME-LIMIT FLAVOUR PROGRAM ARGS...: runs ark once; sets R_CODE, R_WALL (s), R_RSS
# (KB), R_THREADS (peak seen) and leaves its output (stdout and stderr) in $out/output
run_one() {
  local time_limit=$1 flavour=$2
  shift 2
  local pidfile=$out/pid pid='' key value rest started
  rm -f "$pidfile" "$out/time"
  started=$EPOCHREALTIME
  # the innermost bash writes its pid, then becomes ark: the process whose threads are counted
  # shellcheck disable=SC2016 # $$ and $@ are the inner shell's
  /usr/bin/time -v -o "$out/time" timeout -k 5 "$time_limit" \
    bash -c 'echo $$ > "$0"; exec "$@"' "$pidfile" "$out/$flavour/ark" "$@" > "$out/output" 2>&1 &
  local waiter=$!
  R_THREADS=0
  while kill -0 "$waiter" 2>/dev/null; do
    [ -z "$pid" ] && [ -s "$pidfile" ] && pid=$(< "$pidfile")
    if [ -n "$pid" ]; then
      while read -r key value rest; do
        if [ "$key" = Threads: ]; then
          (( value > R_THREADS )) && R_THREADS=$value
          break
        fi
      done 2>/dev/null < "/proc/$pid/status" || true
    fi
    read -rt 0.005 -u "$tick" || true
  done
  R_CODE=0
  wait "$waiter" || R_CODE=$?
  R_WALL=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
  R_RSS=$(sed -nE 's/^\s*Maximum resident set size \(kbytes\): ([0-9]+)$/\1/p' "$out/time")
  R_RSS=${R_RSS:-0}
}

# true when the last run ended by reaching its time limit (killed if it ignored the signal)
timed_out() { [ "$R_CODE" = 124 ] || { [ "$R_CODE" = 137 ] && awk -v w="$R_WALL" -v l="$1" 'BEGIN { exit !(w >= l) }'; }; }

last_line() { tail -n 1 "$out/output" | tr -d '\r'; }

# what the run printed, short enough for a table cell
shown() {
  if grep -q 'Maximum recursion depth' "$out/output"; then
    echo "recursion-depth error"
  elif grep -qiE 'stack overflow|Unhandled exception' "$out/output"; then
    echo "crash: $(grep -m 1 -iE 'stack overflow|Unhandled exception' "$out/output" | cut -c 1-60 | tr '|' '/')"
  else
    local text
    text=$(tr '\n' ' ' < "$out/output" | sed 's/ *$//' | cut -c 1-60 | tr '|' '/')
    echo "${text:-(nothing)}"
  fi
}

exit_shown() { if timed_out "$1"; then echo "timeout ($1 s)"; elif (( R_CODE > 128 )); then echo "$R_CODE (signal $((R_CODE - 128)))"; else echo "$R_CODE"; fi; }

wall_shown() { if timed_out "$1"; then echo "> $1 s"; else echo "$R_WALL s"; fi; }

at_most() { awk -v x="$1" -v y="$2" 'BEGIN { exit !(x <= y) }'; }

rows=()
row() { # measure flavour output exit wall rss threads target verdict
  local line='|' cell
  for cell in "$@"; do line+=" $cell |"; done
  rows+=("$line")
}

rss_shown() { awk -v k="$R_RSS" 'BEGIN { printf "%.0f MB", k / 1024 }'; }

verdict() { if "$@"; then echo yes; else echo "**no**"; fi; }

sum_below() { echo $(( $1 * ($1 - 1) / 2 )); }

progress() { echo "green-threads.sh: $*, at $(( SECONDS - start )) s" >&2; }

# 1. many futures that sleep, alive at once
for flavour in "${flavours[@]}"; do
  progress "$flavour, $sleepers sleepers"
  run_one "$limit" "$flavour" "$programs/sleepers.ark" "$sleepers" "$pause"
  expected=$(sum_below "$sleepers")
  ok() {
    [ "$(last_line)" = "$expected" ] && ! timed_out "$limit" && at_most "$R_WALL" 2.0 &&
      (( R_THREADS <= cores + 8 )) && (( R_RSS < 1024 * 1024 ))
  }
  row "$sleepers futures each (sys:sleep $pause), then awaited (sum $expected)" "$flavour" "$(shown)" \
    "$(exit_shown $limit)" "$(wall_shown $limit)" "$(rss_shown)" "$R_THREADS" \
    "≤ 2.0 s, ≤ $((cores + 8)) threads, < 1 GB" "$(verdict ok)"
done

# 2. many futures that do not wait
for flavour in "${flavours[@]}"; do
  progress "$flavour, $many futures"
  run_one "$limit" "$flavour" "$programs/identity_futures.ark" "$many"
  expected=$(sum_below "$many")
  target=2.0
  [ "$flavour" = GIL ] && target=4.0
  ok() { [ "$(last_line)" = "$expected" ] && ! timed_out "$limit" && at_most "$R_WALL" "$target"; }
  row "$many futures returning their argument, then awaited (sum $expected)" "$flavour" "$(shown)" \
    "$(exit_shown $limit)" "$(wall_shown $limit)" "$(rss_shown)" "$R_THREADS" "≤ $target s" "$(verdict ok)"
done

# 3. futures given the previous future, each awaiting it
for depth in "${chains[@]}"; do
  for flavour in "${flavours[@]}"; do
    progress "$flavour, await chain of $depth"
    run_one "$limit" "$flavour" "$programs/await_chain.ark" "$depth"
    ok() { [ "$(last_line)" = "$depth" ] && [ "$R_CODE" = 0 ]; }
    row "await chain, depth $depth (prints $depth)" "$flavour" "$(shown)" "$(exit_shown $limit)" \
      "$(wall_shown $limit)" "$(rss_shown)" "$R_THREADS" "right result" "$(verdict ok)"
  done
done

# 4. futures started from futures, each awaiting the one it started
for k in "${nested[@]}"; do
  for flavour in "${flavours[@]}"; do
    progress "$flavour, nested chain of $k"
    run_one "$limit" "$flavour" "$programs/nested_chain.ark" "$k"
    if [ "$k" -le 20000 ]; then
      target="prints $k"
      ok() { [ "$(last_line)" = "$k" ] && [ "$R_CODE" = 0 ]; }
    else
      target="prints $k, or a recursion-depth error; no crash"
      # an ArkScript error exits with a small code; a crash of the runtime is killed by a signal
      ok() {
        { [ "$(last_line)" = "$k" ] && [ "$R_CODE" = 0 ]; } ||
          { grep -q 'Maximum recursion depth' "$out/output" && (( R_CODE > 0 && R_CODE < 124 )); }
      }
    fi
    row "nested chain (await (async chain (- k 1))), k = $k" "$flavour" "$(shown)" "$(exit_shown $limit)" \
      "$(wall_shown $limit)" "$(rss_shown)" "$R_THREADS" "$target" "$(verdict ok)"
  done
done

# 5. sys:exit while futures run or wait: the process ends at once with the code asked for, and
# keeps what main printed before. Prompt: before main's 1 s sleep would have ended.
for case in "exit_from_future 3" "exit_awaited 3" "exit_beside_busy_future 0"; do
  read -r name code <<< "$case"
  for flavour in "${flavours[@]}"; do
    progress "$flavour, $name"
    run_one "$limit" "$flavour" "$out/$name.ark"
    ok() { [ "$R_CODE" = "$code" ] && [ "$(head -n 1 "$out/output")" = before ] && at_most "$R_WALL" 1.0; }
    row "\`$(head -n 3 "$out/$name.ark" | tr '\n' ' ' | sed 's/ *$//')\`" "$flavour" "$(shown)" \
      "$(exit_shown $limit)" "$(wall_shown $limit)" "$(rss_shown)" "$R_THREADS" \
      "exit code $code, prints before, < 1 s" "$(verdict ok)"
  done
done

# 6. the await pattern that deadlocks a thread-per-waiting-future scheduler, many times
for flavour in "${flavours[@]}"; do
  progress "$flavour, $repeats runs of the waiting-future program"
  right=0 hangs=0 slowest=0 threads=0 rss=0
  for (( i = 0; i < repeats; i++ )); do
    run_one "$deadlock_limit" "$flavour" "$out/await_waiting_future.ark"
    [ "$(last_line)" = 3 ] && [ "$R_CODE" = 0 ] && right=$((right + 1))
    timed_out "$deadlock_limit" && hangs=$((hangs + 1))
    slowest=$(awk -v a="$slowest" -v b="$R_WALL" 'BEGIN { print (b > a ? b : a) }')
    (( R_THREADS > threads )) && threads=$R_THREADS
    (( R_RSS > rss )) && rss=$R_RSS
  done
  R_RSS=$rss
  ok() { [ "$right" = "$repeats" ]; }
  row "t3 awaits t1 awaits sleeping t2 (prints 3), $repeats runs" "$flavour" \
    "$right of $repeats printed 3, $hangs timed out ($deadlock_limit s)" "-" "slowest $slowest s" \
    "$(rss_shown)" "$threads" "prints 3 every time" "$(verdict ok)"
done

# 7. CPU-bound: two futures against the same two calls in sequence, and fib(30), with hyperfine
for flavour in "${flavours[@]}"; do
  progress "$flavour, CPU-bound runs with hyperfine ($runs runs)"
  ark=$out/$flavour/ark
  commands=()
  declare -A printed=()
  for case in "workers_sequential 2 = 35999994" "workers_futures 2 = 35999994" "fibonacci 30 = 832040"; do
    read -r name arg _ expected <<< "$case"
    # hyperfine does not look at the output: checked once here
    run_one "$limit" "$flavour" "$programs/$name.ark" "$arg"
    if [ "$(last_line)" != "$expected" ] || [ "$R_CODE" != 0 ]; then
      row "$name.ark $arg" "$flavour" "$(shown)" "$(exit_shown $limit)" "$(wall_shown $limit)" \
        "$(rss_shown)" "$R_THREADS" "prints $expected" "**no**"
      continue
    fi
    commands+=(--command-name "$name.ark $arg" "timeout $limit $ark $programs/$name.ark $arg")
    printed["$name.ark $arg"]=$(last_line)
  done
  [ "${#commands[@]}" -gt 0 ] || continue
  if ! hyperfine -N -w 1 -r "$runs" --export-json "$out/cpu.json" "${commands[@]}" >&2; then
    row "CPU-bound runs (hyperfine)" "$flavour" "hyperfine failed" "-" "-" "-" "-" "-" "**no**"
    continue
  fi
  # per command: its checked output and mean ± standard deviation; then the futures' mean over
  # the sequential one
  while IFS=$'\t' read -r name wall; do
    if [ "$name" = ratio ]; then
      row "two CPU-bound futures over the same two calls in sequence" "$flavour" "$wall" "-" "-" "-" "-" \
        "none (about 0.5 expected without the GIL on 2+ cores)" "-"
    else
      row "$name (hyperfine, $runs runs)" "$flavour" "${printed[$name]} (checked once)" "0" "$wall" "-" "-" "-" "-"
    fi
  done < <(python3 - "$out/cpu.json" <<'PYTHON'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
for name, r in results.items():
    print(f"{name}\tmean {r['mean']:.3f} s ± {r['stddev']:.3f}")
seq, fut = results.get("workers_sequential.ark 2"), results.get("workers_futures.ark 2")
if seq and fut:
    print(f"ratio\t{fut['mean'] / seq['mean']:.2f}x")
PYTHON
  )
done

commit=$(git rev-parse --short HEAD)
dirty=''
[ -n "$(git status --porcelain --untracked-files=no)" ] && dirty=", with uncommitted changes"
{
  echo "# Futures as green threads: whole-process checks"
  echo
  echo "Written by \`Ark.Bench/green-threads.sh\` on commit $commit$dirty, $(date -u '+%Y-%m-%d %H:%M UTC'),"
  echo "$cores cores. \`ark\` published ReadyToRun in each flavour. Every run limited to $limit s"
  echo "($deadlock_limit s for each run of the waiting-future program); \"timeout\" is a run that"
  echo "reached it. Peak RSS from \`/usr/bin/time -v\`; peak threads from \`/proc/PID/status\`"
  echo "sampled about every 5 ms. CPU-bound rows: hyperfine, $runs runs after 1 warm-up."
  if [ "$quick" = 1 ]; then
    echo
    echo "**QUICK=1: reduced sizes, not the targets' sizes; the verdicts only say the script works.**"
  fi
  echo
  echo "| measure | flavour | output | exit code | wall | peak RSS | peak threads | target | met |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} > results/green-threads.md
cat results/green-threads.md
echo "green-threads.sh: $(( (SECONDS - start) / 60 )) min $(( (SECONDS - start) % 60 )) s" >&2
