using System.Diagnostics;
using System.Text;
using Ark.Compiler;
using Ark.Vm.Execution;

namespace Ark.Tests.TestSupport;

/// <summary>
/// Compiles and runs ArkScript in-process on a thread of its own, and fails the test when the
/// run does not end in time instead of hanging the suite. The tests of natives that wait use
/// it: a native that held its worker while it waits leaves the other contexts no thread to run
/// on, and such a program never ends.
/// </summary>
internal static class BoundedRun
{
    /// <summary>Far longer than any of these programs takes, even on a loaded machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="source"/> and returns what it printed; a runtime error propagates.</summary>
    public static string Run(string source, IReadOnlyList<string>? libraryPaths = null, TextReader? input = null) =>
        Timed(source, libraryPaths, input).Output;

    /// <summary>Runs <paramref name="source"/> and returns what it printed and how long the run took, compilation left out.</summary>
    public static (string Output, TimeSpan Elapsed) Timed(string source, IReadOnlyList<string>? libraryPaths = null, TextReader? input = null)
    {
        var program = ArkCompiler.Compile(source, "test.ark", libraryPaths);
        var output = new MemoryStream();
        var host = new ArkHost(output, input ?? new StringReader(""))
        {
            LibraryPaths = libraryPaths ?? [],
            ErrorOutput = new StringWriter(),
        };
        var run = Task.Factory.StartNew(() =>
        {
            var clock = Stopwatch.StartNew();
            new VirtualMachine(program, host).Run();
            return clock.Elapsed;
        }, TaskCreationOptions.LongRunning);
        // not Task.Wait, which would throw a failure wrapped in an AggregateException
        if (!((IAsyncResult)run).AsyncWaitHandle.WaitOne(Patience))
            Assert.Fail($"the program did not end within {Patience.TotalSeconds} s; it printed:\n{Encoding.UTF8.GetString(output.ToArray())}");
        // a failed run throws its ArkRuntimeError rather than an AggregateException
        var elapsed = run.GetAwaiter().GetResult();
        return (Encoding.UTF8.GetString(output.ToArray()), elapsed);
    }

    /// <summary>Runs <paramref name="source"/>, expecting a runtime error, and returns it.</summary>
    public static ArkRuntimeError Fails(string source, IReadOnlyList<string>? libraryPaths = null)
    {
        try
        {
            Run(source, libraryPaths);
        }
        catch (ArkRuntimeError e)
        {
            return e;
        }
        Assert.Fail("the program was expected to fail at run time");
        throw new InvalidOperationException();
    }
}
