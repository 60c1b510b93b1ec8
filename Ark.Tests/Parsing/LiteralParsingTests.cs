using Ark.Compiler.Syntax;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Ark.Tests.Parsing.ParseHelpers;

namespace Ark.Tests.Parsing;

[TestClass]
public sealed class LiteralParsingTests
{
    [TestMethod]
    [DataRow("42", 42.0)]
    [DataRow("-1", -1.0)]
    [DataRow("1.5", 1.5)]
    [DataRow("-3.4", -3.4)]
    [DataRow("1e3", 1000.0)]
    [DataRow("1E3", 1000.0)]
    [DataRow("2e+8", 2e8)]
    [DataRow("4e-16", 4e-16)]
    [DataRow("8.91e-31", 8.91e-31)]
    [DataRow("1.", 1.0)]
    [DataRow("1.e2", 100.0)]
    [DataRow("007", 7.0)]
    [DataRow("1e-400", 0.0)]
    public void Numbers(string text, double expected)
    {
        var node = Value(text);
        Assert.AreEqual(NodeType.Number, node.Type);
        Assert.AreEqual(expected, node.Number);
        Assert.AreEqual("", node.Text);
    }

    [TestMethod]
    public void NegativeZeroKeepsItsSign()
    {
        var node = Value("-0");
        Assert.IsTrue(double.IsNegative(node.Number));
        Assert.AreEqual("-0", node.Repr());
    }

    [TestMethod]
    public void NegativeOverflowIsMinusInfinityLikeStrtod()
    {
        // Only +HUGE_VAL is rejected by the reference; the negative overflow goes through.
        Assert.AreEqual(double.NegativeInfinity, Value("-1e+999").Number);
    }

    [TestMethod]
    public void NumberStopsAtTheFirstCharacterItCanNotTake()
    {
        Assert.AreEqual("(print 0 x10)", Single("(print 0x10)").Repr());
        Assert.AreEqual("(print 1 a)", Single("(print 1a)").Repr());
        Assert.AreEqual("(print - 1)", Single("(print - 1)").Repr(), "a lone minus is a symbol");
        Assert.AreEqual("(print -a)", Single("(print -a)").Repr());
    }

    [TestMethod]
    public void PlainStrings()
    {
        Assert.AreEqual("hello world", Value("\"hello world\"").Text);
        Assert.AreEqual("", Value("\"\"").Text);
        Assert.AreEqual("aéoÒ 🥳", Value("\"aéoÒ 🥳\"").Text);
        Assert.AreEqual("two\nlines", Value("\"two\nlines\"").Text);
        Assert.AreEqual("# not a comment", Value("\"# not a comment\"").Text);
        Assert.AreEqual(NodeType.String, Value("\"x\"").Type);
    }

    [TestMethod]
    [DataRow(@"\""", "\"")]
    [DataRow(@"\\", "\\")]
    [DataRow(@"\n", "\n")]
    [DataRow(@"\t", "\t")]
    [DataRow(@"\v", "\v")]
    [DataRow(@"\r", "\r")]
    [DataRow(@"\a", "\a")]
    [DataRow(@"\b", "\b")]
    [DataRow(@"\f", "\f")]
    [DataRow(@"\u0041", "A")]
    [DataRow(@"\u00e9", "é")]
    [DataRow(@"\u00E9", "é")]
    [DataRow(@"\u4e2d", "中")]
    [DataRow(@"\U00000041", "A")]
    [DataRow(@"\U0001F600", "😀")]
    [DataRow(@"\U0010FFFF", "\U0010FFFF")]
    public void Escapes(string escape, string expected) =>
        Assert.AreEqual("<" + expected + ">", Value("\"<" + escape + ">\"").Text);

    [TestMethod]
    public void EscapesNextToEachOther() =>
        Assert.AreEqual("a\"b\\\n\u00e9", Value("\"a\\\"b\\\\\\n\\u00e9\"").Text);

    [TestMethod]
    [DataRow("print")]
    [DataRow("list:reverse")]
    [DataRow("str:format")]
    [DataRow("empty?")]
    [DataRow("append!")]
    [DataRow("<=")]
    [DataRow("!=")]
    [DataRow("$repr")]
    [DataRow("a-b_c")]
    [DataRow("x1y2")]
    [DataRow("@")]
    [DataRow("%")]
    [DataRow("|>")]
    public void Symbols(string name)
    {
        var node = Value(name);
        Assert.AreEqual(NodeType.Symbol, node.Type);
        Assert.AreEqual(name, node.Text);
    }

    [TestMethod]
    public void EmptyParenthesesAreNil()
    {
        var node = Value("()");
        Assert.AreEqual(NodeType.Symbol, node.Type);
        Assert.AreEqual("nil", node.Text);
        Assert.AreEqual("nil", Value("( # empty\n )").Text);
    }

    [TestMethod]
    public void Fields()
    {
        var node = Value("a.b.c");
        Assert.AreEqual(NodeType.Field, node.Type);
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, node.Children.Select(c => c.Text).ToArray());
        Assert.IsTrue(node.Children.All(c => c.Type == NodeType.Symbol));

        Assert.AreEqual("list:x.y", Value("list:x.y").Repr());
        Assert.AreEqual(NodeType.Symbol, Value("a").Type, "a name without a dot stays a symbol");
    }

    [TestMethod]
    public void FieldAsCallee()
    {
        var call = Single("(obj.method 1)");
        Assert.AreEqual(NodeType.Field, call.Children[0].Type);
        Assert.AreEqual("(obj.method 1)", call.Repr());
    }

    [TestMethod]
    public void BracketsAreAListCall()
    {
        var node = Value("[1 \"a\" b]");
        Assert.AreEqual(NodeType.List, node.Type);
        Assert.AreEqual("(list 1 \"a\" b)", node.Repr());
        Assert.AreEqual("(list)", Value("[]").Repr());
        Assert.AreEqual("(list (list 1) (list))", Value("[[1] []]").Repr());
    }

    [TestMethod]
    public void BracesAreABeginBlock()
    {
        var node = Value("{ (print 1) 2 }");
        Assert.AreEqual(Keyword.Begin, node.Children[0].Keyword);
        Assert.AreEqual("(begin (print 1) 2)", node.Repr());
        Assert.AreEqual("(begin)", Value("{}").Repr());
    }

    [TestMethod]
    public void CommentsAreSkippedEverywhere()
    {
        const string source = """
            # leading comment
            (let # after keyword
              a # after name
              [1 # inside list
               2] # after value
            ) # trailing
            #last line without newline
            """;
        Assert.AreEqual("(let a (list 1 2))", Single(source).Repr());
        Assert.IsEmpty(Forms("# only a comment\n#\n"));
        Assert.IsEmpty(Forms("   \n\t\n"));
    }

    [TestMethod]
    public void CarriageReturnsAreWhitespace() =>
        Assert.AreEqual("(let a (foo 1 2))", Single("(let a\r\n  (foo 1\r\n 2))\r\n").Repr());
}
