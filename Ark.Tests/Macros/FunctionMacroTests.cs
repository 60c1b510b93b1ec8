namespace Ark.Tests.Macros;

[TestClass]
public sealed class FunctionMacroTests
{
    [TestMethod]
    public void ArgumentsReplaceParameters() =>
        Assert.AreEqual("(print (+ 1 (* 2 3)))", MacroHarness.Expand("($ add (a b) (+ a b))\n(print (add 1 (* 2 3)))"));

    [TestMethod]
    public void MacroWithoutParameters() =>
        Assert.AreEqual("(print nil)", MacroHarness.Expand("($ void () nil)\n(print (void))"));

    [TestMethod]
    public void GeneratesDefinitions() =>
        Assert.AreEqual("(let foo (fun (a b) (+ a b)))",
            MacroHarness.Expand("($ defun (name args body) (let name (fun args body)))\n(defun foo (a b) (+ a b))"));

    [TestMethod]
    public void RestParameterCollectsTheExtraArguments() =>
        Assert.AreEqual("(print (list 2 3) 1)", MacroHarness.Expand("($ m (a ...rest) (print rest a))\n(m 1 2 3)"));

    [TestMethod]
    public void RestParameterMayBeEmpty() =>
        Assert.AreEqual("(print (list) 1)", MacroHarness.Expand("($ m (a ...rest) (print rest a))\n(m 1)"));

    [TestMethod]
    public void SpreadInsertsTheArgumentsInPlace() =>
        Assert.AreEqual("(print 1 2 3 \"end\")", MacroHarness.Expand("($ m (...xs) (print ...xs \"end\"))\n(m 1 2 3)"));

    [TestMethod]
    public void SpreadIntoAListLiteral() =>
        Assert.AreEqual("(let l (list 1 2))", MacroHarness.Expand("($ m (...xs) [...xs])\n(let l (m 1 2))"));

    [TestMethod]
    public void SpreadForwardsToAnotherMacro() =>
        Assert.AreEqual("(print (+ 0 2))", MacroHarness.Expand("($ bar (a ...args) (+ a (len args)))\n($ egg (...args) (bar ...args))\n(print (egg 0 1 2))"));

    [TestMethod]
    public void ArgumentsAfterTheFirstSpreadElementAreUnifiedAgain() =>
        // a reference quirk: spread elements after the first are visited by the substitution
        Assert.AreEqual("(print (list 7 1 1 1))", MacroHarness.Expand("($ foo (a ...rest) (list ...rest a))\n(print (foo 1 7 a a))"));

    [TestMethod]
    public void NodeAfterAnEmptySpreadIsNotSubstituted() =>
        Assert.AreEqual("(print (+ a))", MacroHarness.Expand("($ m (a ...r) (+ ...r a))\n(print (m 5))"));

    [TestMethod]
    public void RecursiveMacroWithAnExitCondition() =>
        Assert.AreEqual("(print (* 3 (* (- 3 1) 1)))", MacroHarness.Expand("($ fact (n) ($if (<= n 1) 1 (* n (fact (- n 1)))))\n(print (fact 3))"));

    [TestMethod]
    public void ABlockBodyIsSplicedIntoTheEnclosingList() =>
        Assert.AreEqual("(print 1)\n(print 1)", MacroHarness.Expand("($ twice (x) { x x })\n(twice (print 1))"));

    [TestMethod]
    public void ErrorsInsideABodyPointAtTheDefinition()
    {
        var error = MacroHarness.Error("($ m (x) (@ x 5))\n\n  (m [1])");
        Assert.AreEqual(0, error.Line);
        Assert.AreEqual(11, error.Column);
    }

    [TestMethod]
    public void ArgumentsKeepTheirOwnPosition()
    {
        var error = MacroHarness.Error("($ m (x) x)\n\n  (let a (m ($symcat 1 2)))");
        Assert.AreEqual("($symcat 1 2)", error.Expr);
        Assert.AreEqual(2, error.Line);
        Assert.AreEqual(15, error.Column);
    }

    [TestMethod]
    public void TooFewArguments() =>
        MacroHarness.AssertError("($ m (a b) a)\n(print (m 1))", "Macro `m' got 1 argument(s) but needed 2", "(m 1)", 2, 10);

    [TestMethod]
    public void TooManyArguments() =>
        MacroHarness.AssertError("($ m (a b) a)\n(print (m 1 2 3))", "Macro `m' got 3 argument(s) but needed 2", "(m 1 2 3)", 2, 10);

    [TestMethod]
    public void TooFewArgumentsBeforeTheRest() =>
        MacroHarness.AssertError("($ foo (a b c ...d)\n    (+ a b c ...d))\n\n(foo 1 2)",
            "Macro `foo' got 2 argument(s) but needed at least 3", "(foo 1 2)", 4, 3);

    [TestMethod]
    public void SpreadOfANonList() =>
        MacroHarness.AssertError("($ m (a) (list ...a))\n(print (m 1))", "Can not unify a Number to a Spread", "1", 2, 13);

    [TestMethod]
    public void SpreadOfAnUnboundName() =>
        MacroHarness.AssertError("($ partial {\n  (fun (a) (func ...defargs)) })\n\n(let b (partial))",
            "Found an unevaluated spread: `defargs'", "...defargs", 2, 29);

    [TestMethod]
    public void MacroEvaluatingItselfHitsTheProcessingLimit() =>
        MacroHarness.AssertError("($ inf (x) (inf (+ x 1)))\n(print (inf 1))",
            "Max macro processing depth reached (256). You may have a macro trying to evaluate itself, try splitting your code in multiple nodes.",
            "inf", 1, 0);

    [TestMethod]
    public void MacroExpandingInsideItselfHitsTheRecursionLimit() =>
        MacroHarness.AssertError("($ inf (x) (print (inf x)))\n(inf 1)",
            "Max recursion depth reached (256). You most likely have a badly defined recursive macro calling itself without a proper exit condition",
            "print", 1, 0);

    [TestMethod]
    public void DeeplyNestedBodyHitsTheUnificationLimit()
    {
        string body = new string('(', 300) + "x" + new string(')', 300);
        var error = MacroHarness.Error($"($ m (x) {body})\n(m 1)");
        Assert.AreEqual("Max macro unification depth reached (256). You may have a macro trying to evaluate itself, try splitting your code in multiple nodes.", error.Message);
    }

    [TestMethod]
    public void DefiningWithSomethingElseThanASymbol() =>
        MacroHarness.AssertError("($ m (x) (let x (fun () 1)))\n(m (a b))", "Can not use a List to define a variable", "(a b)", 2, 6);
}
