using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Ark.Bench.RuntimeBenchmarks).Assembly).Run(args);
