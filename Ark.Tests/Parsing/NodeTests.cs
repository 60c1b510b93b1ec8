using Ark.Compiler.Syntax;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Ark.Tests.Parsing;

[TestClass]
public sealed class NodeTests
{
    [TestMethod]
    public void ReprOfAtoms()
    {
        Assert.AreEqual("print", Node.Symbol("print").Repr());
        Assert.AreEqual("&x", new Node(NodeType.Capture, "x").Repr());
        Assert.AreEqual("...rest", new Node(NodeType.Spread, "rest").Repr());
        Assert.AreEqual("while", new Node(Keyword.While).Repr());
        Assert.AreEqual("\"a\nb\"", Node.String("a\nb").Repr(), "strings are quoted, not re-escaped");
        Assert.AreEqual("", new Node(NodeType.Unused).Repr());
    }

    [TestMethod]
    public void ReprOfEveryKeyword()
    {
        string[] expected = ["fun", "let", "mut", "set", "if", "while", "begin", "import", "del"];
        foreach (var keyword in Enum.GetValues<Keyword>())
            Assert.AreEqual(expected[(int)keyword], new Node(keyword).Repr());
    }

    [TestMethod]
    [DataRow(1.0, "1")]
    [DataRow(-0.0, "-0")]
    [DataRow(0.0, "0")]
    [DataRow(1.5, "1.5")]
    [DataRow(0.1, "0.1")]
    [DataRow(100.0, "100")]
    [DataRow(1e15, "1000000000000000")]
    [DataRow(1e16, "1e+16")]
    [DataRow(1e20, "1e+20")]
    [DataRow(123456789012345678.0, "1.2345678901234568e+17")]
    [DataRow(0.0001, "0.0001")]
    [DataRow(0.00001, "1e-05")]
    [DataRow(1.5e-7, "1.5e-07")]
    [DataRow(1e300, "1e+300")]
    [DataRow(-3.25, "-3.25")]
    [DataRow(double.NegativeInfinity, "-inf")]
    [DataRow(double.PositiveInfinity, "inf")]
    public void ReprOfNumbersMatchesFmtShortestFormat(double value, string expected) =>
        Assert.AreEqual(expected, new Node(value).Repr());

    [TestMethod]
    public void ReprOfNanKeepsItsSignBitLikeFmt()
    {
        Assert.AreEqual("nan", new Node(BitConverter.Int64BitsToDouble(0x7FF8000000000000)).Repr());
        Assert.AreEqual("-nan", new Node(BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8000000000000))).Repr());
    }

    [TestMethod]
    public void ReprOfCompositeNodes()
    {
        var field = new Node(NodeType.Field, [Node.Symbol("a"), Node.Symbol("b"), Node.Symbol("c")]);
        Assert.AreEqual("a.b.c", field.Repr());

        var list = Node.List(new Node(Keyword.Let), Node.Symbol("x"), Node.List(Node.Symbol("list"), new Node(1), Node.String("s")));
        Assert.AreEqual("(let x (list 1 \"s\"))", list.Repr());
        Assert.AreEqual("()", new Node(NodeType.List).Repr());

        var macro = new Node(NodeType.Macro, [Node.Symbol("m"), Node.List(Node.Symbol("a")), Node.Symbol("a")]);
        Assert.AreEqual("($ m (a) a)", macro.Repr());
        Assert.AreEqual("($ m (a) a)", macro.ToString());
    }

    [TestMethod]
    public void ReprOfParsedProgramMatchesReference()
    {
        // Parsed then printed back as the reference's Node::repr() would.
        var program = Parser.Parse("(let f (fun (a &b) { (print [a 1.50]) a.b.c }))", "t.ark");
        Assert.AreEqual("(begin (let f (fun (a &b) (begin (print (list a 1.5)) a.b.c))))", program.Repr());
    }

    [TestMethod]
    public void ConstructorsRejectMismatchedTypes()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new Node(NodeType.List, "x"));
        Assert.ThrowsExactly<ArgumentException>(() => new Node(NodeType.Number));
        Assert.ThrowsExactly<ArgumentException>(() => new Node(NodeType.Symbol, [Node.Symbol("x")]));
    }

    [TestMethod]
    public void AtomsHaveNoChildren()
    {
        var symbol = Node.Symbol("x");
        Assert.IsFalse(symbol.HasChildren);
        Assert.ThrowsExactly<InvalidOperationException>(() => _ = symbol.Children);
        Assert.IsTrue(new Node(NodeType.Field).HasChildren);
        Assert.IsTrue(new Node(NodeType.Macro).IsListLike);
        Assert.IsFalse(new Node(NodeType.Field).IsListLike);
    }

    [TestMethod]
    public void CloneIsDeep()
    {
        var original = Parser.Parse("(foo (bar 1) \"s\")", "t.ark").Children[1];
        var copy = original.Clone();

        copy.Children[1].Children.Add(new Node(2));
        copy.Children.Add(Node.Symbol("extra"));

        Assert.AreEqual("(foo (bar 1) \"s\")", original.Repr());
        Assert.AreEqual("(foo (bar 1 2) \"s\" extra)", copy.Repr());
        Assert.AreEqual(original.Line, copy.Line);
        Assert.AreEqual(original.Column, copy.Column);
        Assert.AreEqual("t.ark", copy.File);
        Assert.AreEqual(original.Children[2].Column, copy.Children[2].Column);
    }

    [TestMethod]
    public void WithPositionCopiesTheNodeOnly()
    {
        var list = Node.List(Node.Symbol("a"));
        var moved = list.WithPosition("f.ark", 3, 7);

        Assert.AreEqual(("f.ark", 3, 7), (moved.File, moved.Line, moved.Column));
        Assert.IsTrue(moved.HasPosition);
        Assert.IsFalse(list.HasPosition);
        Assert.AreEqual("", list.File);
        moved.Children.Add(Node.Symbol("b"));
        Assert.HasCount(1, list.Children, "the copy has its own child list");
        Assert.AreSame(list.Children[0], moved.Children[0], "children themselves are shared");

        var renamed = Node.Symbol("x").WithPositionOf(moved).WithText("y");
        Assert.AreEqual("y", renamed.Text);
        Assert.AreEqual((3, 7), (renamed.Line, renamed.Column));
    }

    [TestMethod]
    public void KeywordTextRoundTrips()
    {
        foreach (var keyword in Enum.GetValues<Keyword>())
        {
            Assert.IsTrue(KeywordText.TryParse(KeywordText.Of(keyword), out var parsed));
            Assert.AreEqual(keyword, parsed);
        }
        Assert.IsFalse(KeywordText.TryParse("lambda", out _));
    }
}
