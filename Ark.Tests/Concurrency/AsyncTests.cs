using Ark.Vm.Errors;
using static Ark.Tests.TestSupport.ArkRun;

namespace Ark.Tests.Concurrency;

[TestClass]
public sealed class AsyncTests
{
    [TestMethod]
    public void AwaitReturnsTheResultOnceThenNil() =>
        Assert.AreEqual("UserType\n3\nnil\n", Run("(let f (async (fun (a b) (+ a b)) 1 2)) (print (type f)) (print (await f)) (print (await f))"));

    [TestMethod]
    public void BuiltinsAndClosuresCanRunAsFutures() =>
        Assert.AreEqual("[3 2 1]\n11\n", Run("""
            (print (await (async list:reverse [1 2 3])))
            (let base 10)
            (let add (fun (x &base) (+ base x)))
            (print (await (async add 1)))
            """));

    [TestMethod]
    public void ListChangedByTheCallerAfterAsyncIsNotSeenByTheFuture() =>
        Assert.AreEqual("[1 2]\n[1 2 3]\n", Run("""
            (mut data [1 2])
            (let read (fun (l) { (sys:sleep 20) l }))
            (let f (async read data))
            (append! data 3)
            (print (await f))
            (print data)
            """));

    [TestMethod]
    public void GlobalsAreSnapshotAtTheAsyncCall() =>
        Assert.AreEqual("1\n2\n", Run("""
            (mut setting 1)
            (let read (fun () { (sys:sleep 20) setting }))
            (let f (async read))
            (set setting 2)
            (print (await f))
            (print setting)
            """));

    [TestMethod]
    public void WhatAFutureChangesDoesNotLeakBack() =>
        Assert.AreEqual("[9]\n0\n5\n1\n", Run("""
            (mut shared 0)
            (let counter (fun () { (mut c 0) (fun (&c) { (set c (+ c 1)) c }) }))
            (let tick (counter))
            (let job (fun (k) { (set shared 9) (k) (k) (k) (k) (k) }))
            (let f (async job tick))
            (print [(await (async (fun () { (set shared 9) shared })))])
            (print shared)
            (print (await f))
            (print (tick))
            """));

    [TestMethod]
    public void FutureSeesTheVariablesOfTheCallsThatStartedIt() =>
        Assert.AreEqual("42\n", Run("(let worker (fun () (* x 2))) (let run (fun (x) (await (async worker)))) (print (run 21))"));

    [TestMethod]
    public void FuturesCanStartAndAwaitFutures() =>
        Assert.AreEqual("55\n", Run("""
            (let fib (fun (n)
              (if (< n 2) n
                (if (< n 8)
                  (+ (fib (- n 1)) (fib (- n 2)))
                  { (let a (async fib (- n 1))) (let b (async fib (- n 2))) (+ (await a) (await b)) }))))
            (print (fib 10))
            """));

    [TestMethod]
    public void ManyFuturesAllComplete() =>
        Assert.AreEqual("4999950000\n", Run("""
            (mut futures [])
            (mut i 0)
            (while (< i 100000) { (append! futures (async (fun (x) x) i)) (set i (+ i 1)) })
            (mut total 0)
            (set i 0)
            (while (< i 100000) { (set total (+ total (await (@ futures i)))) (set i (+ i 1)) })
            (print total)
            """));

    [TestMethod]
    public void ErrorInAFutureIsRaisedAtItsAwait()
    {
        var e = Fails("(let sum (fun (a b c) (+ a b c)))\n(let f (async sum 1 2 3 4))\n(print \"before\")\n(await f)");
        Assert.AreEqual(ErrorKind.Arity, e.Error.Kind);
        Assert.AreEqual("ArityError: Function at page 1 needs 3 arguments, but it received 4", e.Error.Display);
        StringAssert.Contains(e.Location, "in a future started at test.ark:2");
        StringAssert.Contains(e.Location, "awaited at test.ark:4");
    }

    [TestMethod]
    public void AsyncNeedsAFunction()
    {
        var e = Fails("(async 1 2)");
        Assert.AreEqual(
            "Function async expected between 1 argument and 2 arguments\n  -> function (Function, CProc, Closure) was of type Number\n  -> variadic args (any) \nAlternative 2:\n  -> function (Function, CProc, Closure) was of type Number\n",
            e.Error.Message);
    }

    [TestMethod]
    public void AwaitNeedsAFuture()
    {
        var e = Fails("(await 1)");
        Assert.AreEqual("Function await expected 1 argument\n  -> future (UserType) was of type Number\n", e.Error.Message);
    }

    [TestMethod]
    public void WorkerThreadsAreBounded()
    {
        Run("(mut i 0) (while (< i 2000) { (async (fun () (sys:sleep 1))) (set i (+ i 1)) })");
        var workers = System.Diagnostics.Process.GetCurrentProcess().Threads.Count;
        Assert.IsTrue(workers < 64, $"{workers} threads for 2000 futures");
    }

    [TestMethod]
    public void GilIsCompiledInOnlyInTheGilFlavour() =>
        Assert.IsTrue((Ark.Vm.ArkVersion.Flavour == "GIL") == Ark.Vm.Concurrency.GlobalInterpreterLock.Enabled, Ark.Vm.ArkVersion.Flavour);

    [TestMethod]
    public void BusyFuturesTakeTurnsAndAllFinish() =>
        // with the GIL, each future must hand the lock over at its switch interval for the others to run
        Assert.AreEqual("[300000 300000 300000]\n", Run("""
            (let spin (fun (n) { (mut i 0) (while (< i n) (set i (+ i 1))) i }))
            (let fs [(async spin 300000) (async spin 300000) (async spin 300000)])
            (print [(await (@ fs 0)) (await (@ fs 1)) (await (@ fs 2))])
            """));

    [TestMethod]
    public void AThreadStaysInTurnAfterHandingTheLockOver() =>
        // With the GIL, the main thread hands the lock to the future at the first switch
        // request and waits; the future, with ten times the work, must hand it back in turn
        // (the switch timer runs again for the waiting main thread), so the main thread ends
        // its share first. Without the GIL the two run side by side, with the same order.
        Assert.AreEqual("main done\nfuture done\n", Run("""
            (let spin (fun (n) { (mut i 0) (while (< i n) (set i (+ i 1))) i }))
            (let f (async (fun () { (spin 10000000) (print "future done") })))
            (spin 1000000)
            (print "main done")
            (await f)
            """));
}
