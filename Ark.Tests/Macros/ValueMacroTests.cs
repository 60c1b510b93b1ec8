namespace Ark.Tests.Macros;

[TestClass]
public sealed class ValueMacroTests
{
    [TestMethod]
    public void ValueMacroIsSubstitutedAndDefinitionRemoved() =>
        Assert.AreEqual("(print 12)", MacroHarness.Expand("($ v 12)\n(print v)"));

    [TestMethod]
    public void ValueIsAnExpressionLeftForRunTime() =>
        Assert.AreEqual("(let x (+ 1 2 3))", MacroHarness.Expand("($ v (+ 1 2 3))\n(let x v)"));

    [TestMethod]
    public void ValueMacrosInsideTheValueAreSubstituted() =>
        Assert.AreEqual("(print (+ 1 1))", MacroHarness.Expand("($ a 1)\n($ b (+ a 1))\n(print b)"));

    [TestMethod]
    public void ValueMacroInCallPositionIsReplaced() =>
        Assert.AreEqual("(print 1)", MacroHarness.Expand("($ p print)\n(p 1)"));

    [TestMethod]
    public void ABlockValueIsSplicedWhereTheMacroIsUsedAlone() =>
        Assert.AreEqual("(begin (print 1) (print 2))", MacroHarness.Expand("($ b { (print 1) (print 2) })\n{ b }"));

    [TestMethod]
    public void RedefinitionInTheSameScopeReplaces() =>
        Assert.AreEqual("(print 2)", MacroHarness.Expand("($ v 1)\n($ v 2)\n(print v)"));

    [TestMethod]
    public void DebugLayoutMatchesTheReferenceTrace() =>
        Assert.AreEqual("( Keyword:Begin ( Symbol:print Number:1.5 String:s ) )", MacroHarness.ExpandDebug("($ v 1.5)\n(print v \"s\")"));

    [TestMethod]
    public void NumbersPrintWithSixSignificantDigitsInTheDebugLayout()
    {
        Assert.AreEqual("1.23457e+08", Ark.Compiler.Macros.AstDebugPrinter.FormatNumber(123456789));
        Assert.AreEqual("0.0001", Ark.Compiler.Macros.AstDebugPrinter.FormatNumber(0.0001));
        Assert.AreEqual("1e-05", Ark.Compiler.Macros.AstDebugPrinter.FormatNumber(0.00001));
        Assert.AreEqual("100000", Ark.Compiler.Macros.AstDebugPrinter.FormatNumber(100000));
        Assert.AreEqual("1e+06", Ark.Compiler.Macros.AstDebugPrinter.FormatNumber(1000000));
        Assert.AreEqual("-2.5", Ark.Compiler.Macros.AstDebugPrinter.FormatNumber(-2.5));
    }

    [TestMethod]
    public void SelfReferencingValueHitsTheRecursionLimit() =>
        MacroHarness.AssertError("($ size (/ size 4))\n(let sum size)",
            "Max recursion depth reached (256). You most likely have a badly defined recursive macro calling itself without a proper exit condition",
            "/", 1, 0);
}
