#!/usr/bin/env bash
# Whole-process times of `ark` (published ReadyToRun, as users install it) on the issue's
# programs, side by side with the reference interpreter when ARK_REFERENCE names its binary,
# and the start-up floor any .NET program pays: a hello-world C# program published the same
# way, next to `ark` on an empty script.
# ARK_BASELINE names another build of `ark` (e.g. the previous main's, published the same way)
# to time beside this one in the same run, which is how a change is shown to cost nothing:
# the machine drifts too much between runs for figures of separate runs to be compared.
# Writes results/whole-process.md (hyperfine's markdown table) and results/whole-process.json.
# Usage: [ARK_REFERENCE=...] [ARK_BASELINE=...] Ark.Bench/whole-process.sh [runs, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet publish Ark.Cli -c Release -o "$out/ark" >/dev/null
mkdir "$out/hello"
cat > "$out/hello/hello.csproj" <<'PROJECT'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <InvariantGlobalization>true</InvariantGlobalization>
    <PublishReadyToRun>true</PublishReadyToRun>
    <RuntimeIdentifier>$(NETCoreSdkRuntimeIdentifier)</RuntimeIdentifier>
    <SelfContained>false</SelfContained>
  </PropertyGroup>
</Project>
PROJECT
echo 'System.Console.WriteLine("hello");' > "$out/hello/Program.cs"
dotnet publish "$out/hello" -c Release -o "$out/hello/bin-out" >/dev/null
programs=Ark.Bench/Programs
printf '# a script with nothing to do: start-up alone\n' > "$out/empty.ark"
commands=()
names=()
add() { commands+=("$1"); names+=("$2"); }
for p in fibonacci ackermann while_loop; do
  add "$out/ark/ark $programs/$p.ark" "ark $p.ark"
  if [ -n "${ARK_BASELINE:-}" ]; then
    add "$ARK_BASELINE $programs/$p.ark" "baseline $p.ark"
  fi
  if [ -n "${ARK_REFERENCE:-}" ]; then
    add "$ARK_REFERENCE $programs/$p.ark" "reference $p.ark"
  fi
done
add "$out/ark/ark $out/empty.ark" "ark empty.ark (start-up)"
if [ -n "${ARK_REFERENCE:-}" ]; then
  add "$ARK_REFERENCE $out/empty.ark" "reference empty.ark (start-up)"
fi
add "$out/hello/bin-out/hello" "hello-world C# program (the .NET start-up floor)"
args=()
for i in "${!commands[@]}"; do
  args+=(--command-name "${names[$i]}" "${commands[$i]}")
done
hyperfine -N -w 3 -r "$runs" --export-markdown results/whole-process.md --export-json results/whole-process.json "${args[@]}"
