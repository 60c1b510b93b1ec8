using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Ark.Bench;

/// <summary>
/// Futures that wait: on a sleep, on a future that has not finished, on futures started from
/// futures. A future that waits should park and cost no OS thread, so these measure how cheaply
/// the VM parks and wakes futures rather than how fast it runs bytecode. Each size is a method
/// argument rather than a class-wide <c>[Params]</c>: the four programs have sizes of their own,
/// and class parameters would run every program at every other program's sizes too.
/// A scheduler that blocks a worker thread per waiting future takes minutes over 10,000 sleepers,
/// deadlocks on the await chain from a depth of about 500 and overflows the stack on the nested
/// chain at 20,000, which ends the in-process run: run the large sizes on green threads.
/// </summary>
// each method with its sizes together, rather than the rows sorted by the arguments' values
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByMethod)]
[MemoryDiagnoser]
[InvocationCount(1, 1)]
[Measure(warmupCount: 3, iterationCount: 20)]
public class BlockedFutureBenchmarks
{
    // compiled up front so that no iteration pays for the compiler
    private readonly Dictionary<int, ScriptBenchmark> _sleepers = BySize("sleepers", 100, 10_000);
    private readonly Dictionary<int, ScriptBenchmark> _awaitChain = BySize("await_chain", 1_000, 100_000);
    private readonly Dictionary<int, ScriptBenchmark> _nestedChain = BySize("nested_chain", 1_000, 20_000);
    private readonly ScriptBenchmark _pingPong = new("ping_pong", "10000");

    /// <summary>
    /// <paramref name="n"/> futures that each sleep 10 ms then return their argument, all started
    /// before main awaits and sums them: with parked sleepers, about one sleep whatever n is.
    /// </summary>
    [Benchmark(Description = "N futures sleeping 10 ms, then awaited")]
    [Arguments(100)]
    [Arguments(10_000)]
    public int Sleepers(int n) => _sleepers[n].Run();

    /// <summary>
    /// A chain of <paramref name="depth"/> futures, each given the one before it and returning one
    /// more than it: every future waits on the previous one, all at the same time.
    /// </summary>
    [Benchmark(Description = "await chain: future k awaits future k - 1")]
    [Arguments(1_000)]
    [Arguments(100_000)]
    public int AwaitChain(int depth) => _awaitChain[depth].Run();

    /// <summary>
    /// <c>(chain k)</c> starts <c>(chain (- k 1))</c> as a future and awaits it: <paramref name="k"/>
    /// nested futures waiting at once, released from the deepest up.
    /// </summary>
    [Benchmark(Description = "nested chain: (await (async chain (- k 1)))")]
    [Arguments(1_000)]
    [Arguments(20_000)]
    public int NestedChain(int k) => _nestedChain[k].Run();

    /// <summary>
    /// One hand-over, a park and wake round trip: a context awaits a future that has not finished,
    /// which parks it; the future runs and its end wakes the waiter. Each round main starts a
    /// future (ping) and awaits it, and ping starts one (pong) and awaits it, two hand-overs;
    /// the program does 10,000, so the time shown is per hand-over and includes the start of the
    /// future that is awaited. A scheduler that ran an awaited future before the await found it
    /// unfinished would skip the park: the result is then the cheaper path, which is fair to show.
    /// </summary>
    [Benchmark(Description = "ping-pong through await, per hand-over", OperationsPerInvoke = 10_000)]
    public int PingPong() => _pingPong.Run();

    private static Dictionary<int, ScriptBenchmark> BySize(string name, params int[] sizes) =>
        sizes.ToDictionary(size => size, size => new ScriptBenchmark(name, size.ToString(CultureInfo.InvariantCulture)));
}
