using Ark.Vm.Errors;
using Ark.Tests.TestSupport;

namespace Ark.Tests.Modules;

/// <summary>
/// <see cref="Ark.Vm.Modules.ModuleBuilder.AsyncFunction"/> and functions registered with
/// <c>blocking: true</c>, through <see cref="AsyncTestModule"/> loaded as a script loads it.
/// </summary>
[TestClass]
public sealed class AsyncModuleTests
{
    private static ModuleFolder? _module;

    // more calls waiting at once than there are workers: each must let its worker go
    private static int MoreThanWorkers => Environment.ProcessorCount + 2;

    [ClassInitialize]
    public static void Install(TestContext _) => _module = new ModuleFolder("asynctest");

    [ClassCleanup]
    public static void Remove() => _module?.Dispose();

    private static string Dir => _module!.Path;

    private static string Run(string source) => BoundedRun.Run(source, [Dir]);

    private static ArkRuntimeErrorView Fails(string source)
    {
        var e = BoundedRun.Fails(source, [Dir]);
        return new(e.Error.Kind, e.Error.Display.TrimEnd('\n'), e.Location);
    }

    private sealed record ArkRuntimeErrorView(ErrorKind Kind, string Display, string Location);

    [TestMethod]
    public void WaitingCallsParkAndTheOthersRunMeanwhile()
    {
        // the futures wait on gates only the main program opens, and it opens them only once all
        // of them wait: a wait that held its worker would leave the main program none to run on
        var n = MoreThanWorkers;
        var expected = "[" + string.Join(" ", Enumerable.Range(0, n).Select(i => i * 10)) + "]\n";
        Assert.AreEqual(expected, Run($$"""
            (import asynctest)
            (let n {{n}})
            (mut futures [])
            (mut i 0)
            (while (< i n) {
              (append! futures (async (fun (k) (asynctest:wait k)) (toString i)))
              (set i (+ i 1)) })
            (while (< (asynctest:waiting) n) (sys:sleep 1))
            (set i 0)
            (while (< i n) {
              (asynctest:open (toString i) (* i 10))
              (set i (+ i 1)) })
            (mut results [])
            (set i 0)
            (while (< i n) {
              (append! results (await (@ futures i)))
              (set i (+ i 1)) })
            (print results)
            """));
    }

    [TestMethod]
    public void TheMainProgramCanWaitToo() =>
        Assert.AreEqual("7 later\n", Run("""
            (import asynctest)
            (print (asynctest:later 7) " " (asynctest:later "later"))
            """));

    [TestMethod]
    public void ACompletedTaskIsTheResultAtOnce() =>
        Assert.AreEqual("1 a [2]\n10000\n", Run("""
            (import asynctest)
            (print (asynctest:ready 1) " " (asynctest:ready "a") " " (asynctest:ready [2]))
            (mut total 0)
            (while (< total 10000) (set total (+ total (asynctest:ready 1))))
            (print total)
            """));

    [TestMethod]
    public void AnExceptionAfterAnAwaitIsARuntimeErrorNamingTheFunction()
    {
        var e = Fails("(import asynctest)\n(print 1)\n(asynctest:fail \"the disk is gone\")");
        Assert.AreEqual(ErrorKind.Runtime, e.Kind);
        Assert.AreEqual("asynctest:fail failed: InvalidOperationException: the disk is gone", e.Display);
        StringAssert.StartsWith(e.Location, "At test.ark:3");
    }

    [TestMethod]
    public void AFaultedTaskIsARuntimeErrorNamingTheFunction()
    {
        var e = Fails("(import asynctest)\n(asynctest:failAtOnce)");
        Assert.AreEqual("asynctest:failAtOnce failed: InvalidOperationException: failed before any await", e.Display);
        StringAssert.StartsWith(e.Location, "At test.ark:2");
    }

    [TestMethod]
    public void AnArkExceptionAfterAnAwaitIsRaisedAtTheCall()
    {
        var e = Fails("(import asynctest)\n(let f (fun ()\n  (asynctest:misuse)))\n(print (f))");
        Assert.AreEqual(ErrorKind.Type, e.Kind);
        Assert.AreEqual("TypeError: asynctest:misuse: the argument was wrong", e.Display);
        StringAssert.StartsWith(e.Location, "At test.ark:3");
    }

    [TestMethod]
    public void AnErrorInAFutureIsRaisedAtItsAwait()
    {
        var e = Fails("(import asynctest)\n(let f (async asynctest:fail \"no\"))\n(await f)");
        Assert.AreEqual("asynctest:fail failed: InvalidOperationException: no", e.Display);
        StringAssert.Contains(e.Location, "awaited at test.ark:3");
    }

    [TestMethod]
    public void CalledBackFromNativeCodeTheCallBlocksItsThread() =>
        Assert.AreEqual("5\n6\n", Run("""
            (import asynctest)
            (let twice (fun (x) (* 2 (asynctest:later x))))
            (print (asynctest:callBack asynctest:later 5))
            (print (await (async (fun () (asynctest:callBack twice 3)))))
            """));

    [TestMethod]
    public void CalledBackFromNativeCodeAnErrorIsTheCallsError()
    {
        var e = Fails("(import asynctest)\n(asynctest:callBack asynctest:fail \"in a callback\")");
        Assert.AreEqual("asynctest:fail failed: InvalidOperationException: in a callback", e.Display);
    }

    [TestMethod]
    public void CalledThroughASnapshotOnAnotherThreadTheCallBlocksThatThread() =>
        Assert.AreEqual("8\nerror: asynctest:fail failed: InvalidOperationException: from the snapshot\n", Run("""
            (import asynctest)
            (print (asynctest:onThread (fun () (asynctest:later 8))))
            (print (asynctest:onThread (fun () (asynctest:fail "from the snapshot"))))
            """));

    [TestMethod]
    public void BlockingCallsHandTheirWorkersPlaceOver()
    {
        // every call returns true only when all of them are blocked at the same time, which
        // takes more threads than there are workers
        var n = MoreThanWorkers;
        Assert.AreEqual("[" + string.Join(" ", Enumerable.Repeat("true", n)) + "]\n", Run($$"""
            (import asynctest)
            (let n {{n}})
            (mut futures [])
            (mut i 0)
            (while (< i n) {
              (append! futures (async asynctest:meet n))
              (set i (+ i 1)) })
            (mut results [])
            (set i 0)
            (while (< i n) {
              (append! results (await (@ futures i)))
              (set i (+ i 1)) })
            (print results)
            """));
    }

    [TestMethod]
    public void BlockingCallsRunSideBySide()
    {
        // four 300 ms calls: one after the other would take 1.2 s
        var (output, elapsed) = BoundedRun.Timed("""
            (import asynctest)
            (let a (async asynctest:sleep 300))
            (let b (async asynctest:sleep 300))
            (let c (async asynctest:sleep 300))
            (let d (async asynctest:sleep 300))
            (print [(await a) (await b) (await c) (await d)])
            """, [Dir]);
        Assert.AreEqual("[nil nil nil nil]\n", output);
        Assert.IsTrue(elapsed < TimeSpan.FromMilliseconds(1000), $"took {elapsed.TotalMilliseconds} ms");
    }
}
