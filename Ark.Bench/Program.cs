using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process: the benchmarks run in this very build, so building Ark.Bench with -p:ArkGil=true
// measures the GIL flavour and the default build the no-GIL one.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithId(Ark.Vm.ArkVersion.Flavour))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(Ark.Bench.RuntimeBenchmarks).Assembly).Run(args, config);
