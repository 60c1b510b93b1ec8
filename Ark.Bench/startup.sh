#!/usr/bin/env bash
# Start-up of the published `ark` on a script with nothing to do, side by side with the floor
# any .NET program pays: a hello-world C# program published the same way (ReadyToRun,
# framework-dependent, invariant globalization). Writes results/startup.md.
# Usage: Ark.Bench/startup.sh [runs, default 40]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-40}
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
printf '# a script with nothing to do: start-up alone\n' > "$out/empty.ark"
hyperfine -N -w 3 -r "$runs" --export-markdown results/startup.md \
  --command-name "hello-world C# program (the .NET floor)" "$out/hello/bin-out/hello" \
  --command-name "ark empty.ark" "$out/ark/ark $out/empty.ark"
