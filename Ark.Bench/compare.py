"""Puts the GitHub-markdown reports of two BenchmarkDotNet runs (no-GIL, GIL) side by side: one
table per suite (benchmark class), one row per benchmark and parameter value.

Usage: python3 Ark.Bench/compare.py results/no-GIL results/GIL > results/comparison.md
"""
import glob
import html
import os
import re
import sys

# suites in the order they are shown, with a title; others follow in name order
SUITES = {
    "ReferenceRuntimeBenchmarks": "The reference interpreter's runtime benchmarks, at its sizes",
    "RuntimeBenchmarks": "Single-threaded runtime, heavier runs",
    "CompileBenchmarks": "Parsing and compiling large sources",
    "ParallelBenchmarks": "Parallel scaling: CPU-bound calls in sequence and as futures",
    "FutureCostBenchmarks": "What futures cost",
    "BlockedFutureBenchmarks": "Futures that wait: sleeping, awaiting unfinished futures",
}

# columns of a report that are neither the method, a parameter nor a statistic: the job's
# characteristics, shown as columns when a suite ran under more than one job
JOB_COLUMNS = {
    "Job", "Toolchain", "Runtime", "Platform", "Jit", "Affinity", "Server", "Concurrent", "Force",
    "EnvironmentVariables", "Arguments", "BuildConfiguration", "OutlierMode", "RunStrategy",
    "LaunchCount", "WarmupCount", "MinWarmupIterationCount", "MaxWarmupIterationCount",
    "IterationCount", "MinIterationCount", "MaxIterationCount", "IterationTime",
    "InvocationCount", "UnrollFactor",
}


def read_suites(folder):
    """{suite: {(method, params): row}} from the *-report-github.md files of one run."""
    suites = {}
    for report in sorted(glob.glob(os.path.join(folder, "results", "*-report-github.md"))):
        suite = os.path.basename(report)[: -len("-report-github.md")].split(".")[-1]
        rows = suites.setdefault(suite, {})
        header = None
        for line in open(report, encoding="utf-8"):
            # the baseline's cells are in bold
            cells = [c.strip().replace("**", "") for c in line.strip().strip("|").split("|")]
            if header is None and "Method" in cells and "Mean" in cells:
                header = cells
                continue
            # skip the separator under the header and the blank rows between parameter groups
            if header and len(cells) == len(header) and not set(line.strip()) <= set("|-: "):
                row = dict(zip(header, cells))
                params = tuple(
                    (name, row[name])
                    for name in header[header.index("Method") + 1: header.index("Mean")]
                    # a method's [Arguments] show as "?" in the rows of the suite's other methods
                    if name not in JOB_COLUMNS and row[name] != "?")
                rows[(html.unescape(row["Method"]).strip("'"), params)] = row
    return suites


def to_ns(text):
    match = re.match(r"([\d,.]+)\s*(ns|μs|us|ms|s)\b", text.replace("\u00a0", " "))
    if not match:
        return None
    value = float(match.group(1).replace(",", ""))
    return value * {"ns": 1, "μs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}[match.group(2)]


def typical(row):
    """The median where BenchmarkDotNet reported one, else the mean."""
    return row.get("Median", row["Mean"]) if row else None


def name_of(key):
    method, params = key
    if not params:
        return method
    return method + " (" + ", ".join(f"{name} = {value}" for name, value in params) + ")"


def ordered(names):
    known = [s for s in SUITES if s in names]
    return known + sorted(n for n in names if n not in SUITES)


def table(nogil, gil):
    keys = list(nogil) + [k for k in gil if k not in nogil]
    with_baseline = any("Ratio" in row for row in list(nogil.values()) + list(gil.values()))
    head = ["benchmark", "no-GIL mean", "no-GIL median", "GIL mean", "GIL median", "GIL / no-GIL"]
    if with_baseline:
        head += ["no-GIL vs baseline", "GIL vs baseline"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for key in keys:
        a, b = nogil.get(key), gil.get(key)
        ratio = ""
        if a and b and to_ns(typical(a)) and to_ns(typical(b)):
            ratio = f"{to_ns(typical(b)) / to_ns(typical(a)):.2f}x"
        cells = [
            name_of(key),
            a["Mean"] if a else "-", a.get("Median", "") if a else "-",
            b["Mean"] if b else "-", b.get("Median", "") if b else "-",
            ratio,
        ]
        if with_baseline:
            cells += [a.get("Ratio", "") if a else "-", b.get("Ratio", "") if b else "-"]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def main(nogil_folder, gil_folder):
    nogil, gil = read_suites(nogil_folder), read_suites(gil_folder)
    out = [
        "# No-GIL and GIL flavours side by side",
        "",
        f"Written by `Ark.Bench/compare.py` from the BenchmarkDotNet reports in `{nogil_folder}` and",
        f"`{gil_folder}` (`Ark.Bench/run-both.sh`). \"GIL / no-GIL\" divides the medians (the means",
        "where BenchmarkDotNet reported no median): above 1, the GIL flavour took longer. A blank",
        "median means BenchmarkDotNet did not report one; \"vs baseline\" is its Ratio column, the",
        "time over the group's baseline in the same flavour (for the parallel suite: the futures'",
        "time over the same calls in sequence).",
    ]
    for suite in ordered(set(nogil) | set(gil)):
        out += ["", f"## {SUITES.get(suite, suite)} (`{suite}`)", ""]
        out += table(nogil.get(suite, {}), gil.get(suite, {}))
    print("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip())
    main(sys.argv[1], sys.argv[2])
