using System.Diagnostics;
using Ark.Vm.Builtins;
using Ark.Vm.Errors;
using Ark.Vm.Execution;
using Ark.Vm.Values;
using static Ark.Tests.Builtins.Harness;

namespace Ark.Tests.Builtins;

[TestClass]
public sealed class SystemAndTimeBuiltinsTests
{
    private readonly Harness _h = new();

    [TestMethod]
    public void TimeIsSecondsSinceEpoch()
    {
        var t = _h.Call(TimeBuiltins.Time).Num;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        Assert.IsTrue(Math.Abs(t - now) < 5, $"{t} vs {now}");
        Assert.AreNotEqual(Math.Floor(t), t + 0.0000001);
    }

    [TestMethod]
    public void ExecCapturesStandardOutput()
    {
        Assert.AreEqual("hi\nthere\n", Show(_h.Call(SystemBuiltins.Exec, S("echo hi; echo there; echo err >&2"))));
        Assert.AreEqual("", Show(_h.Call(SystemBuiltins.Exec, S("exit 3"))));
        Assert.AreEqual("é", Show(_h.Call(SystemBuiltins.Exec, S("printf 'é'"))));
        AssertError(Fails(() => _h.Call(SystemBuiltins.Exec, N(1))), ErrorKind.Type,
            "Function sys:exec expected 1 argument\n  -> command (String) was of type Number\n");
    }

    [TestMethod]
    public void SleepWaitsMilliseconds()
    {
        var sw = Stopwatch.StartNew();
        Assert.AreEqual(ValueKind.Nil, _h.Call(SystemBuiltins.Sleep, N(30)).Kind);
        Assert.IsTrue(sw.ElapsedMilliseconds >= 25);
        _h.Call(SystemBuiltins.Sleep, N(-5));
        AssertError(Fails(() => _h.Call(SystemBuiltins.Sleep, S("1"))), ErrorKind.Type,
            "Function sys:sleep expected 1 argument\n  -> duration (Number) was of type String\n");
    }

    [TestMethod]
    public void ExitThrowsWithCode()
    {
        try
        {
            _h.Call(SystemBuiltins.Exit, N(3.7));
            Assert.Fail("expected exit");
        }
        catch (ArkExitException e)
        {
            Assert.AreEqual(3, e.Code);
        }
        AssertError(Fails(() => _h.Call(SystemBuiltins.Exit)), ErrorKind.Type,
            "Function sys:exit expected 1 argument but got 0\n  -> exitCode (Number) was not provided\n");
    }

    [TestMethod]
    public void TableHasEveryBuiltin()
    {
        Assert.AreEqual(57, BuiltinTable.All.Length);
        Assert.AreEqual(0, BuiltinTable.IndexOf("false"));
        Assert.AreEqual("Linux", Show(BuiltinTable.All[BuiltinTable.IndexOf(BuiltinTable.SysPlatform)].Value));
        foreach (var (name, value) in BuiltinTable.All)
        {
            if (value.Obj is NativeFunction f)
                Assert.AreEqual(name, f.Name);
        }
    }
}
