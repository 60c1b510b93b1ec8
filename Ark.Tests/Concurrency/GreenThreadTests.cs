using System.Diagnostics;
using Ark.Tests.ScriptRunner;
using static Ark.Tests.TestSupport.ArkRun;

namespace Ark.Tests.Concurrency;

/// <summary>
/// Futures as green threads: a waiting future costs no OS thread, a wait never runs other work
/// on the waiter's stack, and the program ends the way the issue asks whatever the futures do.
/// Each program of the table is here with its exact output; the ones that used to hang
/// run many times.
/// </summary>
[TestClass]
public sealed class GreenThreadTests
{
    private const string Sleepers = """
        (let n (toNumber (@ sys:args 0)))
        (mut fs [])
        (mut i 0)
        (while (< i n) { (append! fs (async (fun (x) { (sys:sleep 200) x }) i)) (set i (+ i 1)) })
        (mut total 0)
        (set i 0)
        (while (< i n) { (set total (+ total (await (@ fs i)))) (set i (+ i 1)) })
        (print total)
        """;

    [TestMethod]
    [DataRow(100, "4950")]
    [DataRow(1000, "499500")]
    public void SleepingFuturesHoldNoWorker(int count, string sum)
    {
        // one worker per core: with a thread held by each sleeper this took ceil(N / 3) x 200 ms
        var clock = Stopwatch.StartNew();
        Assert.AreEqual(sum + "\n", RunWithArgs(Sleepers, count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.IsTrue(clock.Elapsed < TimeSpan.FromSeconds(3), $"{count} futures sleeping 200 ms took {clock.Elapsed}");
    }

    [TestMethod]
    public void SleepingFuturesAddNoThreads()
    {
        var before = Process.GetCurrentProcess().Threads.Count;
        var peak = 0;
        var program = new Thread(() => RunWithArgs(Sleepers, "2000"));
        program.Start();
        while (!program.Join(5))
            peak = Math.Max(peak, Process.GetCurrentProcess().Threads.Count);
        // the workers (the thread that runs the program is one) and the timer thread
        Assert.IsTrue(peak - before <= Environment.ProcessorCount + 2, $"{peak - before} threads more for 2000 sleeping futures");
    }

    [TestMethod]
    // the program, then the same with sleeps short enough to run it 50 times
    [DataRow(300, 100, 5)]
    [DataRow(6, 2, 50)]
    public void FutureThatWaitsOnAnEarlierFutureThatWaitsDoesNotDeadlock(int slowMs, int pauseMs, int runs)
    {
        // a worker waiting on t1 used to run t3 on its own stack, and t3 waited for t1 below it
        var program = $$"""
            (let slow (fun () { (sys:sleep {{slowMs}}) 1 }))
            (let waitOn (fun (f) (+ 1 (await f))))
            (let t2 (async slow))
            (let t1 (async waitOn t2))
            (let t3 (async waitOn t1))
            (sys:sleep {{pauseMs}})
            (print (await t3))
            """;
        for (var run = 0; run < runs; run++)
            Assert.AreEqual("3\n", Run(program), $"run {run}");
    }

    private const string PassedChain = """
        (let n (toNumber (@ sys:args 0)))
        (mut prev (async (fun () 0)))
        (mut k 1)
        (while (<= k n) { (set prev (async (fun (f) (+ 1 (await f))) prev)) (set k (+ k 1)) })
        (print (await prev))
        """;

    [TestMethod]
    public void ChainOfFuturesEachAwaitingThePreviousOne()
    {
        for (var run = 0; run < 50; run++)
            Assert.AreEqual("1000\n", RunWithArgs(PassedChain, "1000"), $"run {run}");
        for (var run = 0; run < 5; run++)
            Assert.AreEqual("10000\n", RunWithArgs(PassedChain, "10000"), $"run {run}");
        Assert.AreEqual("100000\n", RunWithArgs(PassedChain, "100000"));
    }

    [TestMethod]
    public void NestedAwaitsHaveNoDepthLimitButMemory() =>
        // each level awaited the next on the .NET stack of its worker: "Stack overflow."
        Assert.AreEqual("20000\n", Run("""
            (let chain (fun (k) (if (= k 0) 0 (+ 1 (await (async chain (- k 1)))))))
            (print (await (async chain 20000)))
            """));

    [TestMethod]
    public void SleeperIsAwaitedOnTimeWhileCpuBoundFuturesAreQueued() =>
        // the awaiter used to run the queued loops inline before its sleeper's result came back
        Assert.AreEqual("awake in time\n", Run("""
            (let spin (fun (n) { (mut i 0) (while (< i n) (set i (+ i 1))) i }))
            (let start (time))
            (let sleeper (async (fun () { (sys:sleep 100) "awake" })))
            (let busy [(async spin 50000000) (async spin 50000000) (async spin 50000000)])
            (let word (await sleeper))
            (print (if (< (- (time) start) 0.6) (+ word " in time") (+ word " late")))
            (sys:exit 0)
            """));

    [TestMethod]
    public void CpuBoundFuturesDelayASleepersWakeUpByAFewSlicesAtMost() =>
        Assert.AreEqual("on time\n", Run("""
            (let spin (fun () { (mut i 0) (while true (set i (+ i 1))) }))
            (let busy [(async spin) (async spin) (async spin)])
            (sys:sleep 20)
            (let start (time))
            (sys:sleep 50)
            (let late (- (time) start 0.05))
            (print (if (< late 0.25) "on time" (+ "late by " (toString late))))
            (sys:exit 0)
            """));

    [TestMethod]
    public void MillionFuturesCreatedThenAwaited() =>
        Assert.AreEqual("499999500000\n", Run("""
            (mut fs [])
            (mut i 0)
            (while (< i 1000000) { (append! fs (async (fun (x) x) i)) (set i (+ i 1)) })
            (mut total 0)
            (set i 0)
            (while (< i 1000000) { (set total (+ total (await (@ fs i)))) (set i (+ i 1)) })
            (print total)
            """));

    [TestMethod]
    public void FailedFutureRaisesItsErrorAtEveryAwait()
    {
        // the second awaiter used to get nil and the error was lost
        var (code, output, error) = Ark("""
            (let f (async (fun () { (sys:sleep 20) (@ [] 1) })))
            (async (fun (g) (await g)) f)
            (async (fun (g) (await g)) f)
            (print "main done")
            """);
        Assert.AreEqual(1, code);
        Assert.AreEqual("main done\n", output);
        Assert.AreEqual("""
            A future failed and was never awaited: IndexError: 1 out of range [] (length 0)
            At FILE:1
              in a future started at FILE:1
              awaited at FILE:2
              in a future started at FILE:2
            A future failed and was never awaited: IndexError: 1 out of range [] (length 0)
            At FILE:1
              in a future started at FILE:1
              awaited at FILE:3
              in a future started at FILE:3

            """, error);
    }

    [TestMethod]
    public void FailedFutureAwaitedByMainStopsTheProgramWithItsError()
    {
        var (code, output, error) = Ark("""
            (let f (async (fun () { (sys:sleep 20) (@ [] 1) })))
            (let other (async (fun (g) (await g)) f))
            (print "before")
            (await f)
            (print "not reached")
            """);
        Assert.AreEqual(1, code);
        Assert.AreEqual("before\nIndexError: 1 out of range [] (length 0)\n\n", output);
        // the other awaiter failed too, and nobody awaited it: both errors are told
        Assert.AreEqual("""
            A future failed and was never awaited: IndexError: 1 out of range [] (length 0)
            At FILE:1
              in a future started at FILE:1
              awaited at FILE:2
              in a future started at FILE:2
            At FILE:1
              in a future started at FILE:1
              awaited at FILE:4

            """, error);
    }

    [TestMethod]
    public void ExitFromAFutureEndsTheProgramWithItsCode()
    {
        var (code, output, error) = Ark("""
            (print "before")
            (async (fun () (sys:exit 3)))
            (sys:sleep 1000)
            (print "not reached")
            """);
        Assert.AreEqual((3, "before\n", ""), (code, output, error));
    }

    [TestMethod]
    public void ExitFromAnAwaitedFutureEndsTheProgramWithItsCode()
    {
        var (code, output, error) = Ark("""
            (print "before")
            (await (async (fun () (sys:exit 3))))
            (print "not reached")
            """);
        Assert.AreEqual((3, "before\n", ""), (code, output, error));
    }

    [TestMethod]
    public void ExitStopsFuturesThatNeverWait()
    {
        var clock = Stopwatch.StartNew();
        var (code, output, error) = Ark("""
            (print "before")
            (async (fun () (while true ())))
            (let forever (fun (n) (forever (+ n 1))))
            (async forever 0)
            (sys:exit 0)
            """);
        Assert.AreEqual((0, "before\n", ""), (code, output, error));
        Assert.IsTrue(clock.Elapsed < TimeSpan.FromSeconds(5), $"exit took {clock.Elapsed}");
    }

    [TestMethod]
    public void SuccessfulFutureGivesItsValueOnceThenNil() =>
        Assert.AreEqual("[7 nil]\n", Run("""
            (let f (async (fun () { (sys:sleep 20) 7 })))
            (let a (async (fun (g) (await g)) f))
            (let b (async (fun (g) (await g)) f))
            (mut x (await a))
            (mut y (await b))
            (print (if (nil? x) [y x] [x y]))
            """));

    [TestMethod]
    public void FutureThatRunsOutOfMemoryFailsAtItsAwait()
    {
        var e = Fails("(print (await (async list:fill 2147483648 0)))");
        Assert.AreEqual("VMError: Out of memory", e.Error.Display);
        StringAssert.Contains(e.Location, "in a future started at test.ark:1");
    }

    [TestMethod]
    public void StressOfTenThousandFuturesMixingSleepsNestedAwaitsAndErrors() =>
        Assert.AreEqual("[10000 6666 33326667]\n", Run("""
            (let leaf (fun (i) {
              (if (= 0 (mod i 7)) (sys:sleep (mod i 5)))
              (if (= 0 (mod i 3)) (@ [] i) i) }))
            (let parent (fun (i) (await (async leaf i))))
            (mut fs [])
            (mut i 0)
            (while (< i 10000) { (append! fs (async parent i)) (set i (+ i 1)) })
            (mut ok 0)
            (mut sum 0)
            (set i 0)
            (while (< i 10000) {
              (if (!= 0 (mod i 3)) { (set sum (+ sum (await (@ fs i)))) (set ok (+ ok 1)) })
              (set i (+ i 1)) })
            (print [i ok sum])
            (sys:exit 0)
            """));

    [TestMethod]
    public void FuturesThatNobodyAwaitsStillRunToTheirEnd() =>
        Assert.AreEqual("main done\nlate future\n", Run("""
            (async (fun () { (sys:sleep 50) (print "late future") }))
            (print "main done")
            """));

    private static (int Code, string Out, string Err) Ark(string code) => ArkProcess.Run(Path.GetTempPath(), "", "-e", code);

    private static string RunWithArgs(string source, params string[] args)
    {
        var program = global::Ark.Compiler.ArkCompiler.Compile(source, "test.ark", null);
        var output = new MemoryStream();
        var host = new global::Ark.Vm.Execution.ArkHost(output, new StringReader("")) { ScriptArgs = args };
        new global::Ark.Vm.Execution.VirtualMachine(program, host).Run();
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}
