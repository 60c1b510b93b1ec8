using BenchmarkDotNet.Attributes;

namespace Ark.Bench;

/// <summary>
/// Parallel scaling: 1, 2 and 4 CPU-bound calls of the same size (about 0.3 s each on one core),
/// run one after the other, then as that many futures. Run once per flavour (run-both.sh): without
/// the GIL the futures share the cores (this machine has 2, so 4 futures take two rounds); with it
/// they take turns. The ratio column is the futures' time over the sequential time.
/// </summary>
[MemoryDiagnoser]
[Measure(warmupCount: 3, iterationCount: 20)]
public class ParallelBenchmarks
{
    private ScriptBenchmark _sequential = null!;
    private ScriptBenchmark _futures = null!;

    [Params(1, 2, 4)]
    public int Workers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var workers = Workers.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _sequential = new ScriptBenchmark("workers_sequential", workers);
        _futures = new ScriptBenchmark("workers_futures", workers);
    }

    [Benchmark(Baseline = true, Description = "CPU-bound calls, sequential")]
    public int Sequential() => _sequential.Run();

    [Benchmark(Description = "CPU-bound calls as futures")]
    public int Futures() => _futures.Run();
}

/// <summary>What futures cost: one spawn-and-await round trip, and 100,000 futures alive at once.</summary>
[MemoryDiagnoser]
[InvocationCount(1, 1)]
[Measure(warmupCount: 3, iterationCount: 20)]
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
