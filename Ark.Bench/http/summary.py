"""Writes results/http-gil-vs-nogil.md from the wrk reports of Ark.Bench/http/run.sh."""
import re
import statistics
import sys

folder, duration, connections, iterations, rounds = sys.argv[1:6]
rounds = int(rounds)
flavours = ("no-GIL", "GIL")
routes = ("hello", "work")


def read(path):
    text = open(path).read()
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50 = re.search(r"50%\s+(\S+)", text).group(1)
    p99 = re.search(r"99%\s+(\S+)", text).group(1)
    errors = re.search(r"Socket errors: (.*)", text)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    failed = int(non2xx.group(1)) if non2xx else 0
    if errors:
        failed += sum(int(n) for n in re.findall(r"\d+", errors.group(1)))
    load = re.search(r"load average: ([\d.]+)", text).group(1)
    return dict(requests=requests, rate=rate, p50=p50, p99=p99, failed=failed, load=load)


runs = {(route, flavour, r): read(f"{folder}/{flavour}-{route}-{r}.txt")
        for route in routes for flavour in flavours for r in range(1, rounds + 1)}
median = {(route, flavour): statistics.median(runs[(route, flavour, r)]["rate"] for r in range(1, rounds + 1))
          for route in routes for flavour in flavours}

print("# http server: GIL vs no-GIL")
print()
print("An ArkScript server (`Ark.Bench/http/server.ark`) under a loopback load from `wrk`, the same")
print("script and load for both VM flavours. Reproduce with `Ark.Bench/http/run.sh` "
      f"(here `Ark.Bench/http/run.sh {duration} {connections} {iterations} {rounds}`), which builds")
print("both flavours (`dotnet build Ark.Cli -c Release`, the same with `-p:ArkGil=true`), and for")
print(f"each of {rounds} rounds starts `ark Ark.Bench/http/server.ark PORT {iterations}` with each")
print("flavour, warms it up (3 s of each route), then runs")
print(f"`wrk -t1 -c{connections} -d{duration} --latency http://127.0.0.1:PORT/ROUTE` on:")
print()
print("- `/hello`: the handler returns a constant: the server's own cost per request;")
print(f"- `/work`: the handler first runs a `while` loop of {iterations} additions: a CPU-bound handler.")
print()
print("Machine: 2 vCPUs shared with other work (see `results/MACHINE.md`); wrk runs on the same")
print(f"two cores. Raw wrk reports: `{folder}/`; each starts with the load average before it ran, which")
print("counts the runs just before it (their server threads and wrk keep both cores busy), so it")
print("rises during a session on its own; the first run's figure tells how busy the machine was.")
print()
print(f"## Medians of {rounds} rounds")
print()
print("| route | no-GIL requests/s | GIL requests/s | no-GIL / GIL |")
print("|---|---|---|---|")
for route in routes:
    a, b = median[(route, "no-GIL")], median[(route, "GIL")]
    print(f"| /{route} | {a:,.0f} | {b:,.0f} | {a / b:.2f}x |")
print()
print("## Every run")
print()
print(f"| route | flavour | round | load before | requests in {duration} | requests/s | p50 | p99 | failed |")
print("|---|---|---|---|---|---|---|---|---|")
for route in routes:
    for flavour in flavours:
        for r in range(1, rounds + 1):
            x = runs[(route, flavour, r)]
            print(f"| /{route} | {flavour} | {r} | {x['load']} | {x['requests']:,} | {x['rate']:,.0f} | {x['p50']} | {x['p99']} | {x['failed']} |")
failed = sum(x["failed"] for x in runs.values())
total = sum(x["requests"] for x in runs.values())
print()
print(f"Failed requests (socket errors and non-2xx answers) over all {total:,} requests: {failed}.")
