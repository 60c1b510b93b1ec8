using Ark.Tests.ScriptRunner;
using Ark.Vm.Execution;
using Ark.Vm.Modules;
using Ark.Vm.Values;

namespace Ark.Tests.Vm;

/// <summary>
/// A module for the tests below, loaded by copying this assembly as snapshot.dll:
/// <c>(snapshot:take)</c>, <c>(snapshot:call s f args...)</c> runs the call on another thread,
/// <c>(snapshot:parallel s f n)</c> runs <c>(f i)</c> for i below n, all at once on n threads.
/// Failures come back as the text of the error.
/// </summary>
public sealed class SnapshotTestModule : IArkModule
{
    public string Name => "snapshot";

    public void Register(ModuleBuilder module) => module
        .Function("take", (_, context) => new Value(new UserType("Snapshot", context.Snapshot())))
        .Function("call", (args, _) =>
        {
            var snapshot = (ContextSnapshot)((UserType)args[0].Obj!).Data;
            var function = args[1];
            var rest = args[2..].ToArray();
            Value result = default;
            var thread = new Thread(() => result = Run(snapshot, function, rest));
            thread.Start();
            thread.Join();
            return result;
        }, blocking: true)
        .Function("parallel", (args, _) =>
        {
            var snapshot = (ContextSnapshot)((UserType)args[0].Obj!).Data;
            var function = args[1];
            var results = new Value[(int)args[2].Num];
            var threads = Enumerable.Range(0, results.Length)
                .Select(i => new Thread(() => results[i] = Run(snapshot, function, [new Value(i)])))
                .ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            return new Value(ArkList.From(results));
        }, blocking: true);

    private static Value Run(ContextSnapshot snapshot, Value function, Value[] args)
    {
        try
        {
            return snapshot.Call(function, args);
        }
        catch (ArkRuntimeError error)
        {
            return Value.String("error: " + error.Error.Display.TrimEnd('\n'));
        }
    }
}

/// <summary><see cref="ExecutionContext.Snapshot"/>: calls from other threads, each in a fresh context.</summary>
[TestClass]
public sealed class ContextSnapshotTests
{
    private string _dir = "";

    [TestInitialize]
    public void Install()
    {
        _dir = Path.Combine(Path.GetTempPath(), "ark-snapshot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        File.Copy(typeof(SnapshotTestModule).Assembly.Location, Path.Combine(_dir, "snapshot.dll"));
    }

    [TestCleanup]
    public void Remove()
    {
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private string Run(string code)
    {
        File.WriteAllText(Path.Combine(_dir, "main.ark"), code);
        var (exit, output, errors) = ArkProcess.Run(_dir, "", "main.ark");
        Assert.AreEqual(0, exit, output + errors);
        return output;
    }

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void CallsSeeTheGlobalsAsTheyWereAtTheSnapshot() =>
        Assert.AreEqual("1\n2\n", Run("""
            (import snapshot)
            (mut setting 1)
            (let read (fun () setting))
            (let s (snapshot:take))
            (set setting 2)
            (print (snapshot:call s read))
            (print (read))
            """));

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void EveryCallStartsFromTheSnapshotAndNothingLeaksBack() =>
        Assert.AreEqual("1 1\n[1 2]\n1\n", Run("""
            (import snapshot)
            (let counter (fun () { (mut c 0) (fun (&c) { (set c (+ c 1)) c }) }))
            (let tick (counter))
            (mut data [1 2])
            (let s (snapshot:take))
            (let change (fun () { (append! data 3) (tick) }))
            (print (snapshot:call s change) " " (snapshot:call s change))
            (print data)
            (print (tick))
            """));

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void CallsRunInParallelWithArguments() =>
        Assert.AreEqual("[0 1000 2000 3000]\n", Run("""
            (import snapshot)
            (let work (fun (k) { (mut i 0) (mut t 0) (while (< i 1000) { (set t (+ t k)) (set i (+ i 1)) }) t }))
            (print (snapshot:parallel (snapshot:take) work 4))
            """));

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void AFailedCallIsAnErrorAndTheSnapshotStaysUsable() =>
        Assert.AreEqual("error: DivisionByZero: Can not compute expression (/ 1 0)\n6\n", Run("""
            (import snapshot)
            (let s (snapshot:take))
            (print (snapshot:call s (fun (x) (/ x 0)) 1))
            (print (snapshot:call s (fun (a b) (* a b)) 2 3))
            """));
}
