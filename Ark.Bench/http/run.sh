#!/usr/bin/env bash
# Loads an ArkScript http server (Ark.Bench/http/server.ark) with wrk on loopback, in rounds that
# alternate the VM flavours (no-GIL, then GIL), and writes the raw wrk reports to results/http/
# and a summary with the medians to results/http-gil-vs-nogil.md.
#   Ark.Bench/http/run.sh [duration, default 15s] [connections, default 32] [iterations, default 50000] [rounds, default 3]
# Needs wrk (apt-get install -y wrk). Every server is stopped before the script ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-15s}
connections=${2:-32}
iterations=${3:-50000}
rounds=${4:-3}
port=${ARK_BENCH_PORT:-18471}
# ARK_BENCH_NAME names the outputs: results/$ARK_BENCH_NAME/ and results/$ARK_BENCH_NAME-gil-vs-nogil.md (default http)
label=${ARK_BENCH_NAME:-http}
out=results/$label
rm -rf "$out"
mkdir -p "$out"

dotnet build Ark.Cli -c Release -v q -nologo >/dev/null
dotnet build Ark.Cli -c Release -p:ArkGil=true -v q -nologo >/dev/null

server_pid=
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    curl -s -m 5 "http://127.0.0.1:$port/stop" >/dev/null || true
    sleep 1
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=
}
trap stop_server EXIT

run_flavour() { # name, ark binary, round
  local name=$1 ark=$2 round=$3
  "$ark" Ark.Bench/http/server.ark "$port" "$iterations" >"$out/$name-server-$round.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    curl -s -m 1 "http://127.0.0.1:$port/hello" >/dev/null && break
    sleep 0.1
  done
  # warm-up: let the JIT compile the server and the handlers
  wrk -t1 -c"$connections" -d3s "http://127.0.0.1:$port/hello" >/dev/null
  wrk -t1 -c"$connections" -d3s "http://127.0.0.1:$port/work" >/dev/null
  { echo "# uptime before: $(uptime)"; echo "# wrk -t1 -c$connections -d$duration http://127.0.0.1:$port/hello"
    wrk -t1 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port/hello"; } >"$out/$name-hello-$round.txt"
  { echo "# uptime before: $(uptime)"; echo "# wrk -t1 -c$connections -d$duration http://127.0.0.1:$port/work ($iterations iterations per request)"
    wrk -t1 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port/work"; } >"$out/$name-work-$round.txt"
  stop_server
}

for round in $(seq "$rounds"); do
  run_flavour no-GIL Ark.Cli/bin/Release/net10.0/ark "$round"
  run_flavour GIL Ark.Cli/bin-gil/Release/net10.0/ark "$round"
done

python3 Ark.Bench/http/summary.py "$out" "$duration" "$connections" "$iterations" "$rounds" > "results/$label-gil-vs-nogil.md"
cat "results/$label-gil-vs-nogil.md"
