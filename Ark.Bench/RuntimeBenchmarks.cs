using BenchmarkDotNet.Attributes;

namespace Ark.Bench;

/// <summary>
/// The reference interpreter's runtime benchmarks, at the sizes it runs them: what each program
/// computes is the same, the programs are ours (Programs/, the size given as arguments).
/// Each takes well under a few milliseconds, so this suite measures start-up costs too.
/// </summary>
[MemoryDiagnoser]
[Measure(warmupCount: 3, iterationCount: 20)]
public class ReferenceRuntimeBenchmarks
{
    private readonly ScriptBenchmark _quicksort = new("quicksort", "30");
    private readonly ScriptBenchmark _ackermann = new("ackermann", "3", "7");
    private readonly ScriptBenchmark _fibonacci = new("fibonacci", "22");
    private readonly ScriptBenchmark _manOrBoy = new("man_or_boy", "3", "3", "1");
    private readonly ScriptBenchmark _builtins = new("builtins", "1000");

    [Benchmark(Description = "quicksort, 30 numbers")]
    public int Quicksort() => _quicksort.Run();

    [Benchmark(Description = "ackermann(3, 7)")]
    public int Ackermann() => _ackermann.Run();

    [Benchmark(Description = "fib(22)")]
    public int Fibonacci() => _fibonacci.Run();

    [Benchmark(Description = "man-or-boy, k = 3")]
    public int ManOrBoy() => _manOrBoy.Run();

    [Benchmark(Description = "builtins, 1000 rounds of slice, sort, exp, ln")]
    public int Builtins() => _builtins.Run();
}

/// <summary>
/// Single-threaded interpreter speed on heavier runs: the reference's programs at sizes that take
/// a tenth of a second or more, a while loop, and a string- and list-builtin workload.
/// </summary>
[MemoryDiagnoser]
[Measure(warmupCount: 3, iterationCount: 20)]
public class RuntimeBenchmarks
{
    private readonly ScriptBenchmark _fibonacci = new("fibonacci", "30");
    private readonly ScriptBenchmark _fibonacci32 = new("fibonacci", "32");
    private readonly ScriptBenchmark _ackermann = new("ackermann", "3", "9");
    private readonly ScriptBenchmark _whileLoop = new("while_loop");
    private readonly ScriptBenchmark _quicksort = new("quicksort", "20000");
    private readonly ScriptBenchmark _manOrBoy = new("man_or_boy", "0", "11", "50");
    private readonly ScriptBenchmark _builtins = new("builtins_heavy", "20000");

    [Benchmark(Description = "fib(30)")]
    public int Fibonacci() => _fibonacci.Run();

    [Benchmark(Description = "fib(32)")]
    public int Fibonacci32() => _fibonacci32.Run();

    [Benchmark(Description = "ackermann(3, 9)")]
    public int Ackermann() => _ackermann.Run();

    [Benchmark(Description = "while loop, 5M additions")]
    public int WhileLoop() => _whileLoop.Run();

    [Benchmark(Description = "quicksort, 20,000 numbers")]
    public int Quicksort() => _quicksort.Run();

    [Benchmark(Description = "man-or-boy, k = 0 to 11, 50 times")]
    public int ManOrBoy() => _manOrBoy.Run();

    [Benchmark(Description = "string and list builtins, 20,000 rounds")]
    public int Builtins() => _builtins.Run();
}
