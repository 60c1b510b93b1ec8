using BenchmarkDotNet.Attributes;

namespace Ark.Bench;

/// <summary>
/// Parallelism: two CPU-bound calls run one after the other, then as two futures. Run once per
/// flavour (run-both.sh): without the GIL the futures use both cores; with it they take turns.
/// </summary>
[MemoryDiagnoser]
public class ParallelBenchmarks
{
    private readonly ScriptBenchmark _sequential = new("two_workers_sequential");
    private readonly ScriptBenchmark _parallel = new("two_workers_parallel");

    [Benchmark(Baseline = true, Description = "2 CPU-bound calls, sequential")]
    public int Sequential() => _sequential.Run();

    [Benchmark(Description = "2 CPU-bound calls as futures")]
    public int Parallel() => _parallel.Run();
}

/// <summary>What futures cost: one spawn-and-await round trip, and 100,000 futures alive at once.</summary>
[MemoryDiagnoser]
[InvocationCount(1, 1)]
public class FutureCostBenchmarks
{
    private readonly ScriptBenchmark _roundTrips = new("round_trips");
    private readonly ScriptBenchmark _manyFutures = new("many_futures");

    /// <summary>One (await (async f x)): the program does 10,000 of them.</summary>
    [Benchmark(Description = "(await (async f x)) round trip", OperationsPerInvoke = 10_000)]
    public int RoundTrip() => _roundTrips.Run();

    [Benchmark(Description = "100k live futures, then awaited")]
    public int ManyFutures() => _manyFutures.Run();
}
