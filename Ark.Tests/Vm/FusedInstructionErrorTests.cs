using static Ark.Tests.TestSupport.ArkRun;

namespace Ark.Tests.Vm;

/// <summary>Errors raised on the slow paths of fused instructions point at the statement that failed.</summary>
[TestClass]
public sealed class FusedInstructionErrorTests
{
    [TestMethod]
    public void AFailedIncrementOfTheLastStatementIsLocatedOnItsLine()
    {
        var e = Fails("(mut s \"a\")\n(print 1)\n(set s (+ s 1))\n");
        Assert.AreEqual(Ark.Vm.Errors.ErrorKind.Type, e.Error.Kind);
        StringAssert.StartsWith(e.Location, "At test.ark:3");
    }

    [TestMethod]
    public void AFailedConstantSubtractionIsLocatedOnItsLine()
    {
        var e = Fails("(let f (fun (x)\n  (- x 2)))\n(f \"a\")\n");
        StringAssert.StartsWith(e.Location, "At test.ark:2");
    }
}
