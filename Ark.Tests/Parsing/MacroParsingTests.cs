using Ark.Compiler.Syntax;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Ark.Tests.Parsing.ParseHelpers;

namespace Ark.Tests.Parsing;

[TestClass]
public sealed class MacroParsingTests
{
    [TestMethod]
    public void ValueMacro()
    {
        var macro = Single("($ pi 3.14)");
        Assert.AreEqual(NodeType.Macro, macro.Type);
        Assert.AreEqual("($ pi 3.14)", macro.Repr());
        Assert.AreEqual(NodeType.Symbol, macro.Children[0].Type);
    }

    [TestMethod]
    public void FunctionMacroWithSpread()
    {
        var macro = Single("($ m (a b ...rest) (print a b ...rest))");
        Assert.AreEqual("($ m (a b ...rest) (print a b ...rest))", macro.Repr());
        var parameters = macro.Children[1];
        Assert.AreEqual(NodeType.Spread, parameters.Children[2].Type);
        Assert.AreEqual("rest", parameters.Children[2].Text);
        Assert.AreEqual(NodeType.Spread, macro.Children[2].Children[3].Type, "spreads are atoms inside a macro body");
    }

    [TestMethod]
    public void MacroWithoutParameters() =>
        Assert.AreEqual("($ m () 2)", Single("($ m () 2)").Repr());

    [TestMethod]
    public void ValueMacroFollowedDirectlyByABody() =>
        Assert.AreEqual("($ m 1 (print 2))", Single("($ m 1(print 2))").Repr());

    [TestMethod]
    public void MacroBodyRelaxesLetAndFun()
    {
        // Inside a macro, a let name and fun arguments may be any node (macro parameters usually).
        Assert.AreEqual("($ defun (name args body) (let name (fun args body)))", Single("($ defun (name args body) (let name (fun args body)))").Repr());
        Assert.AreEqual("($ m (a) (let (sym a) 1))", Single("($ m (a) (let (sym a) 1))").Repr());
        var fun = Single("($ m (a) (fun () a))").Children[2];
        Assert.AreEqual(NodeType.List, fun.Children[1].Type, "nil arguments become an empty list");
        Assert.IsEmpty(fun.Children[1].Children);
    }

    [TestMethod]
    public void MacroCondition()
    {
        var macro = Single("($if (= a 1) b c)");
        Assert.AreEqual(NodeType.Macro, macro.Type);
        Assert.AreEqual(Keyword.If, macro.Children[0].Keyword);
        Assert.AreEqual("($ if (= a 1) b c)", macro.Repr());
        Assert.AreEqual("($ if a b)", Single("($if a b)").Repr());
    }

    [TestMethod]
    public void DollarNamesAreOrdinaryCalls()
    {
        var call = Single("($symcat a b)");
        Assert.AreEqual(NodeType.List, call.Type);
        Assert.AreEqual("$symcat", call.Children[0].Text);
    }

    [TestMethod]
    public void SpreadOutsideAMacroIsNotAValue() =>
        Assert.AreEqual("Expected ')'", Error("(print ...a)").Message);
}
