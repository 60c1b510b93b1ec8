using BenchmarkDotNet.Attributes;

namespace Ark.Bench;

/// <summary>
/// Parallelism and the cost of futures. Run once per flavour (default and -p:ArkGil=true) to
/// compare: without the GIL two CPU-bound futures use both cores; with it they take turns.
/// </summary>
[MemoryDiagnoser]
public class AsyncBenchmarks
{
    private readonly ScriptBenchmark _sequential = new("two_workers_sequential");
    private readonly ScriptBenchmark _parallel = new("two_workers_parallel");
    private readonly ScriptBenchmark _roundTrips = new("round_trips");
    private readonly ScriptBenchmark _manyFutures = new("many_futures");

    [Benchmark(Baseline = true, Description = "2 CPU-bound calls, sequential")]
    public int Sequential() => _sequential.Run();

    [Benchmark(Description = "2 CPU-bound calls as futures")]
    public int Parallel() => _parallel.Run();

    /// <summary>One (await (async f x)): the program does 10,000.</summary>
    [Benchmark(Description = "(await (async f x)) round trip", OperationsPerInvoke = 10_000)]
    public int RoundTrip() => _roundTrips.Run();

    [Benchmark(Description = "100k live futures, then awaited")]
    public int ManyFutures() => _manyFutures.Run();
}
