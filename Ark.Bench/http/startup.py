"""Start-up of ark on an empty script, with and without ASP.NET Core in its runtimeconfig.

    python3 Ark.Bench/http/startup.py [runs, default 200]

Copies the built ark (Ark.Cli/bin/Release/net10.0) twice into a temporary folder, lists
Microsoft.AspNetCore.App in the second copy's runtimeconfig, then times the two alternately.
"""
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 200
built = Path(__file__).resolve().parents[2] / "Ark.Cli/bin/Release/net10.0"
work = Path(tempfile.mkdtemp(prefix="ark-startup-"))
try:
    shutil.copytree(built, work / "base")
    shutil.copytree(built, work / "withasp")
    config_path = work / "withasp/ark.runtimeconfig.json"
    config = json.loads(config_path.read_text())
    options = config["runtimeOptions"]
    options.pop("framework")
    options["frameworks"] = [{"name": "Microsoft.NETCore.App", "version": "10.0.0"},
                             {"name": "Microsoft.AspNetCore.App", "version": "10.0.0"}]
    config_path.write_text(json.dumps(config, indent=2))
    (work / "empty.ark").write_text("\n")

    commands = {name: [str(work / name / "ark"), str(work / "empty.ark")] for name in ("base", "withasp")}
    times = {name: [] for name in commands}
    for i in range(runs):
        order = list(commands.items()) if i % 2 == 0 else list(reversed(commands.items()))
        for name, command in order:
            start = time.perf_counter()
            subprocess.run(command, check=True)
            times[name].append((time.perf_counter() - start) * 1000)
    for name, values in times.items():
        values.sort()
        print(f"{name}: median {statistics.median(values):.1f} ms, mean {statistics.mean(values):.1f}, "
              f"p10 {values[len(values) // 10]:.1f}, p90 {values[len(values) * 9 // 10]:.1f}, n={len(values)}")
finally:
    shutil.rmtree(work)
