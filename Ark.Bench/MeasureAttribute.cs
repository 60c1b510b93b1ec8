using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Ark.Bench;

/// <summary>
/// A suite's own warm-up and measured iteration counts, so that run-both.sh needs no options and
/// its run time stays predictable on a noisy machine (BenchmarkDotNet's default would go on to 100
/// iterations while the timings keep moving). Applied to every job, the in-process one included.
/// A job option on the command line (<c>--job Dry</c>, <c>--iterationCount 5</c>...) replaces
/// these counts for every suite: see <see cref="CommandLineDecides"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class MeasureAttribute(int warmupCount, int iterationCount) : Attribute, IConfigSource
{
    /// <summary>The command-line options that set a job's iteration counts.</summary>
    private static readonly string[] JobOptions =
    [
        "--job", "-j", "--warmupCount", "--minWarmupCount", "--maxWarmupCount", "--iterationCount",
        "--minIterationCount", "--maxIterationCount", "--iterationTime", "--invocationCount",
        "--runOncePerIteration", "--strategy",
    ];

    /// <summary>Set from the command line before BenchmarkDotNet reads the attributes.</summary>
    public static bool CommandLineDecides { get; private set; }

    public int WarmupCount { get; } = warmupCount;

    public int IterationCount { get; } = iterationCount;

    /// <summary>Read lazily by BenchmarkDotNet, after <see cref="UseCommandLine"/> ran.</summary>
    public IConfig Config => CommandLineDecides
        ? ManualConfig.CreateEmpty()
        : ManualConfig.CreateEmpty().AddJob(Job.Default.WithWarmupCount(WarmupCount).WithIterationCount(IterationCount).AsMutator());

    /// <summary>Gives the counts of the command line precedence when it sets any.</summary>
    public static void UseCommandLine(string[] args) =>
        CommandLineDecides = args.Any(arg => JobOptions.Contains(arg.Split('=')[0], StringComparer.OrdinalIgnoreCase));
}
