namespace Ark.Tests.Macros;

/// <summary>Macro errors printed in full, as <c>ark</c> shows them.</summary>
[TestClass]
public sealed class DiagnosticLayoutTests
{
    [TestMethod]
    public void ArityErrorOfAVariadicMacro()
    {
        const string source = "($ foo (a b c ...d)\n    (+ a b c ...d))\n\n(foo 1 2)\n";
        Assert.AreEqual(
            "In file test.ark\n" +
            "At (foo 1 2) @ 4:3\n" +
            "    1 | ($ foo (a b c ...d)\n" +
            "    2 |     (+ a b c ...d))\n" +
            "    3 |\n" +
            "    4 | (foo 1 2)\n" +
            "      | ^~~~~~~~~\n" +
            "    5 |\n" +
            "        Macro `foo' got 2 argument(s) but needed at least 3\n",
            MacroHarness.Formatted(source));
    }

    [TestMethod]
    public void ErrorInAValueMacroPointsAtItsUse()
    {
        const string source = "($ a (len 1 2))\n(print a)\n";
        Assert.AreEqual(
            "In file test.ark\n" +
            "At (len 1 2) @ 2:10\n" +
            "    1 | ($ a (len 1 2))\n" +
            "    2 | (print a)\n" +
            "      | ^~~~~~~~~\n" +
            "    3 |\n" +
            "      | ^\n" +
            "        When expanding `len' inside a macro, got 2 arguments, expected 1\n",
            MacroHarness.Formatted(source));
    }

    [TestMethod]
    public void NodeWithoutPositionPrintsNoContext()
    {
        const string source = "($ size (/ size 4))\n(let sum size)\n";
        Assert.AreEqual(
            "In file \n" +
            "At / @ 1:0\n" +
            "        Max recursion depth reached (256). You most likely have a badly defined recursive macro calling itself without a proper exit condition\n",
            MacroHarness.Formatted(source));
    }
}
