using System.Diagnostics;
using Ark.Tests.ScriptRunner;
using Ark.Tests.TestSupport;
using Ark.Vm.Concurrency;
using Ark.Vm.Modules;
using Ark.Vm.Values;

namespace Ark.Tests.Concurrency;

/// <summary>
/// A wait only another green thread could end, which none does: what a channel nobody writes
/// to will be. Futures alone cannot deadlock (a future's handle exists only after it started,
/// so waits form no cycle), so these tests park contexts on it to reach the deadlock report.
/// </summary>
internal sealed class LatchNobodyOpens : WaitSource
{
    internal override bool Park(GreenThread thread) => true;

    internal override Value Outcome() => Value.Nil;

    internal override bool WokenOnlyByThreads => true;

    internal override string Describe() => "a latch nobody opens";
}

/// <summary>
/// <c>(latch:wait)</c> parks the calling context on a <see cref="LatchNobodyOpens"/>; loaded by
/// copying this assembly as latch.dll.
/// </summary>
public sealed class LatchTestModule : IArkModule
{
    public string Name => "latch";

    public void Register(ModuleBuilder module) => module
        .Function("wait", (_, context) =>
        {
            if (context.CanPark)
                context.Park(new LatchNobodyOpens());
            return Value.Nil;
        });
}

/// <summary>When every green thread waits for another, the program ends with a report instead of hanging.</summary>
[TestClass]
public sealed class DeadlockTests
{
    private readonly ModuleFolder _module = new("latch");

    [TestCleanup]
    public void Remove() => _module.Dispose();

    private (int Code, string Out, string Err) Run(string code)
    {
        File.WriteAllText(Path.Combine(_module.Path, "main.ark"), code);
        return ArkProcess.Run(_module.Path, "", "main.ark");
    }

    [TestMethod]
    public void EveryContextWaitingEndsTheRunWithAReport()
    {
        var clock = Stopwatch.StartNew();
        var (code, output, error) = Run("""
            (import latch)
            (let stuck (fun (n) { (latch:wait) n }))
            (let waitOn (fun (f) (await f)))
            (let a (async stuck 1))
            (let b (async waitOn a))
            (print "waiting")
            (print (await b))
            """);
        Assert.IsTrue(clock.Elapsed < TimeSpan.FromSeconds(1), $"the deadlock took {clock.Elapsed} to report");
        Assert.AreEqual(1, code);
        Assert.AreEqual("""
            waiting
            DeadlockError: every context is waiting and none can wake the others (3 waiting)
              the main program waits at main.ark:7 (in global scope) for the future `waitOn' started at main.ark:5
              the future `stuck' started at main.ark:4 waits at main.ark:2 (in `stuck') for a latch nobody opens
              the future `waitOn' started at main.ark:5 waits at main.ark:3 (in `waitOn') for the future `stuck' started at main.ark:4

            """, output);
        Assert.AreEqual("At main.ark:7\n", error);
    }

    [TestMethod]
    public void DeadlockIsFoundWhenTheLastRunningContextEnds()
    {
        // main waits for a stuck future while another one is still running: the deadlock is
        // only certain when that one ends
        var (code, output, error) = Run("""
            (import latch)
            (let stuck (async (fun () (latch:wait))))
            (let busy (async (fun () { (sys:sleep 30) (print "busy done") })))
            (await stuck)
            """);
        Assert.AreEqual(1, code);
        Assert.AreEqual("""
            busy done
            DeadlockError: every context is waiting and none can wake the others (2 waiting)
              the main program waits at main.ark:4 (in global scope) for the future started at main.ark:2
              the future started at main.ark:2 waits at main.ark:2 (in an anonymous function) for a latch nobody opens

            """, output);
        Assert.AreEqual("At main.ark:4\n", error);
    }

    [TestMethod]
    public void SleepersAreNotDeadlocked() =>
        Assert.AreEqual((0, "woke\n", ""), Run("""
            (import latch)
            (let sleeper (async (fun () { (sys:sleep 50) "woke" })))
            (print (await sleeper))
            """));
}
