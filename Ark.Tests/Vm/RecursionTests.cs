using Ark.Vm.Errors;
using static Ark.Tests.TestSupport.ArkRun;

namespace Ark.Tests.Vm;

[TestClass]
public sealed class RecursionTests
{
    [TestMethod]
    public void SelfTailCallsRunInConstantSpace() =>
        Assert.AreEqual("1000000\n", Run("(let count (fun (n acc) (if (= n 0) acc (count (- n 1) (+ acc 1))))) (print (count 1000000 0))"));

    [TestMethod]
    public void DeepRecursionEndsInTheRecursionDepthError()
    {
        var e = Fails("(let down (fun (n) (+ 1 (down (+ n 1))))) (down 0)");
        Assert.AreEqual(ErrorKind.VM, e.Error.Kind);
        Assert.AreEqual("Maximum recursion depth exceeded. You could consider rewriting your function `down' to make use of tail-call optimization.", e.Error.Message);
    }

    [TestMethod]
    public void ArityErrorNamesTheFunction()
    {
        var e = Fails("(let add (fun (a b) (+ a b))) (add 1)");
        Assert.AreEqual("ArityError: Function `add' needs 2 arguments, but it received 1", e.Error.Display);
        StringAssert.Contains(e.Report, "[2] In function `add'\n[1] In global scope\n");
    }

    [TestMethod]
    public void TailCallWithTheWrongArityIsAnArityError()
    {
        var e = Fails("(let f (fun (n) (if (= n 0) 0 (f n 1)))) (f 3)");
        Assert.AreEqual(ErrorKind.Arity, e.Error.Kind);
    }
}
