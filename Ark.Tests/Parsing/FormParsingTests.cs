using Ark.Compiler.Syntax;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Ark.Tests.Parsing.ParseHelpers;

namespace Ark.Tests.Parsing;

[TestClass]
public sealed class FormParsingTests
{
    private static void AssertKeywordForm(Node form, Keyword keyword, string repr)
    {
        Assert.AreEqual(NodeType.List, form.Type);
        Assert.AreEqual(NodeType.Keyword, form.Children[0].Type);
        Assert.AreEqual(keyword, form.Children[0].Keyword);
        Assert.AreEqual(repr, form.Repr());
    }

    [TestMethod]
    public void LetMutSet()
    {
        AssertKeywordForm(Single("(let a 1)"), Keyword.Let, "(let a 1)");
        AssertKeywordForm(Single("(mut b \"x\")"), Keyword.Mut, "(mut b \"x\")");
        AssertKeywordForm(Single("( set\n c\n (+ c 1) )"), Keyword.Set, "(set c (+ c 1))");
        Assert.AreEqual(NodeType.Symbol, Single("(let a 1)").Children[1].Type);
    }

    [TestMethod]
    public void KeywordMustBeAWholeWord() =>
        Assert.AreEqual("(letter a 1)", Single("(letter a 1)").Repr(), "not a let: a call to 'letter'");

    [TestMethod]
    public void Condition()
    {
        AssertKeywordForm(Single("(if c 1 2)"), Keyword.If, "(if c 1 2)");
        AssertKeywordForm(Single("(if (= a 1) (print a))"), Keyword.If, "(if (= a 1) (print a))");
    }

    [TestMethod]
    public void Loop() =>
        AssertKeywordForm(Single("(while (< i 10) { (set i (+ 1 i)) })"), Keyword.While, "(while (< i 10) (begin (set i (+ 1 i))))");

    [TestMethod]
    public void Begin()
    {
        AssertKeywordForm(Single("(begin 1 2)"), Keyword.Begin, "(begin 1 2)");
        AssertKeywordForm(Single("(begin)"), Keyword.Begin, "(begin)");
        AssertKeywordForm(Single("{a}"), Keyword.Begin, "(begin a)");
    }

    [TestMethod]
    public void Del()
    {
        var form = Single("(del a)");
        AssertKeywordForm(form, Keyword.Del, "(del a)");
        Assert.AreEqual(NodeType.Symbol, form.Children[1].Type);
    }

    [TestMethod]
    public void FunctionWithArgumentsAndCaptures()
    {
        var form = Single("(fun (a b &c &d) (+ a b))");
        AssertKeywordForm(form, Keyword.Fun, "(fun (a b &c &d) (+ a b))");
        var arguments = form.Children[1];
        CollectionAssert.AreEqual(
            new[] { NodeType.Symbol, NodeType.Symbol, NodeType.Capture, NodeType.Capture },
            arguments.Children.Select(a => a.Type).ToArray());
        CollectionAssert.AreEqual(new[] { "a", "b", "c", "d" }, arguments.Children.Select(a => a.Text).ToArray());
    }

    [TestMethod]
    public void FunctionWithoutArguments()
    {
        var form = Single("(fun () 1)");
        Assert.AreEqual(NodeType.List, form.Children[1].Type);
        Assert.IsEmpty(form.Children[1].Children);
        Assert.AreEqual("(fun () (begin))", Single("(fun ( ) {})").Repr());
    }

    [TestMethod]
    public void FunctionArgumentsThatAreNotAnArgumentListAreReadAsANode() =>
        Assert.AreEqual("(fun (a 1) x)", Single("(fun (a 1) x)").Repr());

    [TestMethod]
    public void Calls()
    {
        var call = Single("(print \"a\" 1 b)");
        Assert.AreEqual(NodeType.List, call.Type);
        Assert.AreEqual(NodeType.Symbol, call.Children[0].Type);
        Assert.AreEqual("(print \"a\" 1 b)", call.Repr());
        Assert.AreEqual("(f)", Single("(f)").Repr());
        Assert.AreEqual("((get-f) 1)", Single("((get-f) 1)").Repr());
        Assert.AreEqual("((fun (x) x) 1)", Single("((fun (x) x) 1)").Repr());
        Assert.AreEqual("(nil 1)", Single("(() 1)").Repr(), "() is the nil symbol, a valid callee");
    }

    [TestMethod]
    public void KeywordsAsValues()
    {
        // Keyword forms can appear anywhere a value can.
        Assert.AreEqual("(print (if a 1 2) (let b 3) (while c d))", Single("(print (if a 1 2) (let b 3) (while c d))").Repr());
    }

    [TestMethod]
    public void SeveralTopLevelForms()
    {
        var forms = Forms("(let a 1)\n(print a) [1 2]{3}");
        CollectionAssert.AreEqual(
            new[] { "(let a 1)", "(print a)", "(list 1 2)", "(begin 3)" },
            forms.Select(f => f.Repr()).ToArray());
    }

    [TestMethod]
    public void ProgramRootIsABeginList()
    {
        var program = Parser.Parse("(a)", "x.ark");
        Assert.AreEqual("(begin (a))", program.Repr());
        Assert.IsFalse(program.HasPosition);
        Assert.IsFalse(program.Children[0].HasPosition);
    }
}
