namespace Ark.Tests.Macros;

[TestClass]
public sealed class ConditionalMacroTests
{
    private static string Choose(string condition) => MacroHarness.Expand($"($ v 12)\n(print ($if {condition} \"yes\" \"no\"))");

    [TestMethod]
    [DataRow("true", "yes")]
    [DataRow("false", "no")]
    [DataRow("nil", "no")]
    [DataRow("1", "yes")]
    [DataRow("0", "no")]
    [DataRow("\"\"", "no")]
    [DataRow("\"a\"", "yes")]
    [DataRow("other", "no")]
    [DataRow("[1]", "no")]
    public void Truthiness(string condition, string expected) => Assert.AreEqual($"(print \"{expected}\")", Choose(condition));

    [TestMethod]
    [DataRow("(= v 12)", "yes")]
    [DataRow("(!= v 12)", "no")]
    [DataRow("(< v 14)", "yes")]
    [DataRow("(> v 14)", "no")]
    [DataRow("(<= v 12)", "yes")]
    [DataRow("(>= v 13)", "no")]
    [DataRow("(= \"a\" \"a\")", "yes")]
    [DataRow("(< \"a\" \"b\")", "yes")]
    [DataRow("(= [] [])", "no")]
    [DataRow("(> 2 \"b\")", "yes")]
    [DataRow("(< a b)", "yes")]
    public void Comparisons(string condition, string expected) => Assert.AreEqual($"(print \"{expected}\")", Choose(condition));

    [TestMethod]
    [DataRow("(= (+ v 1) 13)", "yes")]
    [DataRow("(= (- v 2) 10)", "yes")]
    [DataRow("(= (* v 2) 24)", "yes")]
    [DataRow("(= (/ v 4) 3)", "yes")]
    [DataRow("(/ 1 0)", "yes")]
    [DataRow("(+ w 1)", "no")]
    public void Arithmetic(string condition, string expected) => Assert.AreEqual($"(print \"{expected}\")", Choose(condition));

    [TestMethod]
    [DataRow("(and true (= v 12))", "yes")]
    [DataRow("(and true false true)", "no")]
    [DataRow("(or false (= v 12))", "yes")]
    [DataRow("(or false nil)", "no")]
    [DataRow("(not (= v 12))", "no")]
    [DataRow("(not false)", "yes")]
    public void Logic(string condition, string expected) => Assert.AreEqual($"(print \"{expected}\")", Choose(condition));

    [TestMethod]
    public void AndStopsAtTheFirstFalseOperand() =>
        Assert.AreEqual("(print \"no\")", Choose("(and false (= 1))"));

    [TestMethod]
    public void FalseWithoutElseRemovesTheNode() =>
        Assert.AreEqual("(print 1)", MacroHarness.Expand("($if false (print 0))\n(print 1)"));

    [TestMethod]
    public void ABlockBranchIsSpliced() =>
        Assert.AreEqual("(print 1)\n(print 2)", MacroHarness.Expand("($if true { (print 1) (print 2) })"));

    [TestMethod]
    public void MacrosDefinedInABranchStayDefined() =>
        Assert.AreEqual("(print 1 2)", MacroHarness.Expand("($if true { ($ a 1) ($ b 2) })\n($if true ($ c 3) ($ c 4))\n(print a b)"));

    [TestMethod]
    public void ArithmeticInABodyIsLeftForRunTime() =>
        Assert.AreEqual("(print (+ 1 2))", MacroHarness.Expand("($ m () (+ 1 2))\n(print (m))"));

    [TestMethod]
    public void ComparisonWithTheWrongArity() =>
        // the reference counts the operator itself in the number it reports
        MacroHarness.AssertError("(print ($if (= 1) 1 2))", "Interpreting a `=' condition with 2 arguments, expected 2.", "(= 1)", 1, 14);

    [TestMethod]
    public void NotWithoutArgument() =>
        MacroHarness.AssertError("(print ($if (not) 1 2))", "Interpreting a `not' condition with 1 arguments, expected 1.", "(not)", 1, 14);

    [TestMethod]
    public void OperatorWithTooManyArguments() =>
        MacroHarness.AssertError("(print ($if (+ 1 2 3) 1 2))", "Interpreting a `+' operator with 4 arguments, expected 2.", "(+ 1 2 3)", 1, 14);

    [TestMethod]
    public void ShortAndChain() =>
        MacroHarness.AssertError("($if (and true) {})", "Interpreting a `and' chain with 1 arguments, expected at least 2.", "(and true)", 1, 7);

    [TestMethod]
    public void ShortOrChain() =>
        MacroHarness.AssertError("(print ($if (or false) 1 2))", "Interpreting an `or' chain with 1 arguments, expected at least 2.", "(or false)", 1, 14);
}
