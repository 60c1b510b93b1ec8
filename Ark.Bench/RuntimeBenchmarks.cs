using BenchmarkDotNet.Attributes;

namespace Ark.Bench;

/// <summary>Single-threaded interpreter speed on classic call- and loop-heavy programs.</summary>
[MemoryDiagnoser]
public class RuntimeBenchmarks
{
    private readonly ScriptBenchmark _fibonacci = new("fibonacci");
    private readonly ScriptBenchmark _ackermann = new("ackermann");
    private readonly ScriptBenchmark _whileLoop = new("while_loop");

    [Benchmark(Description = "fib(30)")]
    public int Fibonacci() => _fibonacci.Run();

    [Benchmark(Description = "ackermann(3, 9)")]
    public int Ackermann() => _ackermann.Run();

    [Benchmark(Description = "while loop, 5M additions")]
    public int WhileLoop() => _whileLoop.Run();
}
