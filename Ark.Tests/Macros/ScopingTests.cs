namespace Ark.Tests.Macros;

[TestClass]
public sealed class ScopingTests
{
    [TestMethod]
    public void MacroInABlockIsLocalToIt() =>
        Assert.AreEqual("(begin (print 2))\n(print 1)", MacroHarness.Expand("($ a 1)\n{ ($ a 2) (print a) }\n(print a)"));

    [TestMethod]
    public void MacroInAFunctionBodyIsLocalToIt() =>
        Assert.AreEqual("(let f (fun (x) (begin (* x x))))\n(print (sq 2))",
            MacroHarness.Expand("(let f (fun (x) { ($ sq (y) (* y y)) (sq x) }))\n(print (sq 2))"));

    [TestMethod]
    public void InnerDefinitionShadowsUntilUndefined() =>
        Assert.AreEqual("(begin (print 0) (print 6))\n(print 6)",
            MacroHarness.Expand("($ v 6)\n{ ($ v 0) (print v) ($undef v) (print v) }\n(print v)"));

    [TestMethod]
    public void BlockMadeByAMacroIsSplicedAfterItsOwnScopeEnds() =>
        Assert.AreEqual("(print 8)\n(print inner)",
            MacroHarness.Expand("($ make (n) { ($ inner (* n 2)) (print inner) })\n(make 4)\n(print inner)").Replace("(* 4 2)", "8"));

    [TestMethod]
    public void DefinitionsAreRemovedFromTheTree() =>
        Assert.AreEqual("( Keyword:Begin ( Keyword:Let Symbol:x Number:1 ) )", MacroHarness.ExpandDebug("($ a 1)\n($ f (x) x)\n(let x a)"));

    [TestMethod]
    public void MacroDefinedByAMacroCallIsLeftInTheTree() =>
        Assert.AreEqual("( Keyword:Begin ( Macro Symbol:zz Number:5 ) )", MacroHarness.ExpandDebug("($ gen (name v) ($ name v))\n(gen zz 5)"));
}
