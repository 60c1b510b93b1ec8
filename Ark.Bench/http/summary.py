"""Turns the wrk reports of Ark.Bench/http/run.sh into the markdown table of results/http-gil-vs-nogil.md."""
import re
import sys

folder, duration, connections, iterations = sys.argv[1:5]


def read(name):
    text = open(f"{folder}/{name}.txt").read()
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50 = re.search(r"50%\s+(\S+)", text).group(1)
    p99 = re.search(r"99%\s+(\S+)", text).group(1)
    errors = re.search(r"Socket errors: (.*)", text)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    failed = (int(non2xx.group(1)) if non2xx else 0)
    if errors:
        failed += sum(int(n) for n in re.findall(r"\d+", errors.group(1)))
    return requests, rate, p50, p99, failed


rows = []
results = {}
for route in ("hello", "work"):
    for flavour in ("no-GIL", "GIL"):
        results[(route, flavour)] = read(f"{flavour}-{route}")

print(f"| route | flavour | requests in {duration} | requests/s | p50 | p99 | failed |")
print("|---|---|---|---|---|---|---|")
for (route, flavour), (requests, rate, p50, p99, failed) in results.items():
    print(f"| /{route} | {flavour} | {requests:,} | {rate:,.0f} | {p50} | {p99} | {failed} |")
for route in ("hello", "work"):
    ratio = results[(route, "no-GIL")][1] / results[(route, "GIL")][1]
    print(f"\n/{route}: no-GIL serves {ratio:.2f}x the requests per second of the GIL flavour.", end="")
print(f"\n\n({connections} connections, one wrk thread, /work loops {iterations} times per request.)")
