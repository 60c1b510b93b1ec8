using Ark.Bench;
using BenchmarkDotNet.Running;

// Run in-process (--inProcess) so that the build being run is the one measured: building with
// -p:ArkGil=true measures the GIL flavour, the default build the no-GIL one (see run-both.sh).
Console.WriteLine($"ArkSharp {Ark.Vm.ArkVersion.Full}, {Ark.Vm.ArkVersion.Flavour} flavour");
MeasureAttribute.UseCommandLine(args);
BenchmarkSwitcher.FromAssembly(typeof(RuntimeBenchmarks).Assembly).Run(args);
