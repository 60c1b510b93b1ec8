"""Puts the GitHub-markdown reports of two BenchmarkDotNet runs (no-GIL, GIL) side by side."""
import glob
import html
import os
import re
import sys


def means(folder):
    result = {}
    for report in glob.glob(os.path.join(folder, "results", "*-report-github.md")):
        header = None
        for line in open(report, encoding="utf-8"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if header is None and "Method" in cells and "Mean" in cells:
                header = cells
                continue
            if header and len(cells) == len(header) and not set(line.strip()) <= set("|-: "):
                row = dict(zip(header, cells))
                name = html.unescape(row["Method"]).strip("'")
                result[name] = (row["Mean"], row.get("Median", row["Mean"]))
    return result


def to_ns(text):
    match = re.match(r"([\d,.]+)\s*(ns|μs|us|ms|s)", text.replace("\u00a0", " "))
    if not match:
        return None
    value = float(match.group(1).replace(",", ""))
    return value * {"ns": 1, "μs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}[match.group(2)]


nogil, gil = means(sys.argv[1]), means(sys.argv[2])
print("| benchmark | no-GIL mean | no-GIL median | GIL mean | GIL median | GIL / no-GIL (medians) |")
print("|---|---|---|---|---|---|")
for name in nogil:
    a_mean, a_median = nogil[name]
    b_mean, b_median = gil.get(name, ("-", "-"))
    ratio = ""
    if to_ns(a_median) and to_ns(b_median):
        ratio = f"{to_ns(b_median) / to_ns(a_median):.2f}x"
    print(f"| {name} | {a_mean} | {a_median} | {b_mean} | {b_median} | {ratio} |")
