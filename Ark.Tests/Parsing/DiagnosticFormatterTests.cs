using System.Text;
using Ark.Compiler.Diagnostics;
using Ark.Compiler.Syntax;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Ark.Tests.Parsing;

[TestClass]
public sealed class DiagnosticFormatterTests
{
    private static string Colorized(string source) =>
        DiagnosticFormatter.Format(Assert.ThrowsExactly<CodeError>(() => Parser.Parse(source, "test.ark")), source, colorize: true);

    [TestMethod]
    public void ColoursBracketsByDepthAndTheUnderlineInRed()
    {
        // As the reference prints it without NOCOLOR.
        const string expected =
            "In file test.ark\nAt ) @ 3:11\n"
            + "    1 | \u001b[38;2;173;216;230m(\u001b[0mlet a \u001b[38;2;173;216;230m[\u001b[0m1\n"
            + "    2 |   \u001b[38;2;173;216;230m{\u001b[0m2 \u001b[38;2;144;238;144m(\u001b[0mf 3\u001b[38;2;144;238;144m)\u001b[0m\u001b[38;2;173;216;230m}\u001b[0m\u001b[38;2;173;216;230m]\u001b[0m\u001b[38;2;173;216;230m)\u001b[0m\n"
            + "    3 | \u001b[38;2;173;216;230m(\u001b[0mprint a\u001b[38;2;173;216;230m)\u001b[0m\u001b[38;2;144;238;144m)\u001b[0m\n"
            + "      | \u001b[38;2;255;000;000m^~~~~~~~~~\u001b[0m\n"
            + "    4 |\n"
            + "        invalid syntax, expected node\n";
        Assert.AreEqual(expected, Colorized("(let a [1\n  {2 (f 3)}])\n(print a))\n"));
    }

    [TestMethod]
    public void BracketColoursCycleAndCountAcrossLines()
    {
        const string expected =
            "In file test.ark\nAt ) @ 2:2\n"
            + "    1 | \u001b[38;2;173;216;230m(\u001b[0m\u001b[38;2;144;238;144m(\u001b[0m\u001b[38;2;255;160;122m(\u001b[0m\u001b[38;2;255;255;224m(\u001b[0m\u001b[38;2;224;255;255m(\u001b[0m\u001b[38;2;240;128;128m(\u001b[0m\u001b[38;2;173;216;230m(\u001b[0mx"
            + "\u001b[38;2;173;216;230m)\u001b[0m\u001b[38;2;240;128;128m)\u001b[0m\u001b[38;2;224;255;255m)\u001b[0m\u001b[38;2;255;255;224m)\u001b[0m\u001b[38;2;255;160;122m)\u001b[0m\u001b[38;2;144;238;144m)\u001b[0m\u001b[38;2;173;216;230m)\u001b[0m\n"
            + "    2 | \u001b[38;2;144;238;144m)\u001b[0m\u001b[38;2;144;238;144m]\u001b[0m\u001b[38;2;144;238;144m}\u001b[0m\n"
            + "      |  \u001b[38;2;255;000;000m^\u001b[0m\n"
            + "    3 | \u001b[38;2;144;238;144m(\u001b[0my\n"
            + "        invalid syntax, expected node\n";
        Assert.AreEqual(expected, Colorized("(((((((x)))))))\n)]}\n(y"));
    }

    [TestMethod]
    public void CompileErrorShowsTheExpression()
    {
        // The underline would run past the end of the line, so it covers the whole line instead.
        var error = new CodeError("Can not call a Number", "main.ark", 1, 2, "(1 2)");
        const string source = "(let a 1)\n(1 2)\n(print a)\n";
        Assert.AreEqual(
            """
            In file main.ark
            At (1 2) @ 2:2
                1 | (let a 1)
                2 | (1 2)
                  | ^~~~~
                3 | (print a)
                4 |
                    Can not call a Number

            """,
            DiagnosticFormatter.Format(error, source, colorize: false));
    }

    [TestMethod]
    public void ContextShowsThreeLinesBeforeAndTwoAfter()
    {
        var source = string.Join('\n', Enumerable.Range(1, 9).Select(i => $"(l{i})"));
        var error = new CodeError("msg", "f.ark", 4, 2, "l5");
        Assert.AreEqual(
            """
            In file f.ark
            At l5 @ 5:2
                2 | (l2)
                3 | (l3)
                4 | (l4)
                5 | (l5)
                  |  ^~
                6 | (l6)
                7 | (l7)
                    msg

            """,
            DiagnosticFormatter.Format(error, source, colorize: false));
    }

    [TestMethod]
    public void UnderlineLongerThanTheLineContinuesBelow()
    {
        // Column 5 + 31 bytes on a 13-byte line: 23 bytes spill over; the reference then
        // underlines the whole first line and the 10 remaining bytes of the next one.
        var error = new CodeError("msg", "f.ark", 0, 5, "(fun (a) (print a) (print a a))");
        Assert.AreEqual(
            """
            In file f.ark
            At (fun (a) (print a) (print a a)) @ 1:5
                1 | (let (fun (a)
                  | ^~~~~~~~~~~~~
                2 |   (print a)))
                  | ^~~~~~~~~~
                    msg

            """,
            DiagnosticFormatter.Format(error, "(let (fun (a)\n  (print a)))", colorize: false));
    }

    [TestMethod]
    public void NoFileMeansNoFileLineAndNoContext()
    {
        var error = new CodeError("Unbound variable", CodeError.NoFile, 0, 3, "abc");
        Assert.AreEqual("At abc @ 1:3\n        Unbound variable\n", DiagnosticFormatter.Format(error, null, colorize: false));
    }

    [TestMethod]
    public void WithoutSourceTextOnlyTheHeaderAndMessageArePrinted()
    {
        var error = new CodeError("first line\nsecond line", "", 0, 0, "&d");
        Assert.AreEqual("In file \nAt &d @ 1:0\n        first line\n        second line\n", DiagnosticFormatter.Format(error, "", colorize: false));
    }

    [TestMethod]
    public void LineOutsideTheSourcePrintsNoContext()
    {
        var error = new CodeError("msg", "f.ark", 10, 1, "x");
        Assert.AreEqual("In file f.ark\nAt x @ 11:1\n        msg\n", DiagnosticFormatter.Format(error, "(x)\n", colorize: false));
    }

    [TestMethod]
    [DataRow("\n", "'\\n'")]
    [DataRow("\r", "'\\r'")]
    [DataRow("\t", "'\\t'")]
    [DataRow("\v", "'\\v'")]
    [DataRow(" ", "' '")]
    [DataRow("", "EOF")]
    [DataRow("é", "é")]
    public void BlankSymbolsAreMadeVisible(string symbol, string shown)
    {
        var error = new CodeError("msg", CodeError.NoFile, 0, 1, "x", symbol);
        Assert.StartsWith($"At {shown} @ 1:1\n", DiagnosticFormatter.Format(error, null, colorize: false));
    }

    [TestMethod]
    public void UnderlineCountsBytes()
    {
        var error = new CodeError("msg", "f.ark", 0, 4, "\"é\"");
        Assert.AreEqual(4, error.UnderlineLength);
        StringAssert.Contains(DiagnosticFormatter.Format(error, "(a \"é\" b)", colorize: false), "      |    ^~~~\n");
    }

    [TestMethod]
    public void FormatAtNodeUnderlinesSymbolNamesAndThreeBytesOtherwise()
    {
        var program = Parser.Parse("(let abc (foo 1))", "f.ark");
        var value = program.Children[1].Children[2];
        Assert.AreEqual(
            "In file f.ark\nAt (foo 1) @ 1:11\n    1 | (let abc (foo 1))\n      |           ^~~\n        warn\n",
            DiagnosticFormatter.FormatAtNode("warn", value, "(let abc (foo 1))", colorize: false));

        var symbol = Node.Symbol("abcdef").WithPosition("f.ark", 0, 2);
        StringAssert.Contains(DiagnosticFormatter.FormatAtNode("w", symbol, "(abcdef)", colorize: false), "      |  ^~~~~~\n");
    }

    [TestMethod]
    public void WidthsComeFromTheFileBytesEvenWhenTheyAreNotUtf8()
    {
        // A stray 0xC3 byte: one byte in the file, three once decoded as U+FFFD.
        byte[] source = [(byte)'(', (byte)'a', 0xC3, (byte)' ', (byte)'b', (byte)')', (byte)')'];
        var error = new CodeError("msg", "f.ark", 0, 7, ")");
        string formatted = DiagnosticFormatter.FormatUtf8(error, source, colorize: false);
        StringAssert.Contains(formatted, "    1 | (a\uFFFD b))\n      | ^~~~~~~\n");
    }

    [TestMethod]
    public void AppendContextCanBeUsedOnItsOwn()
    {
        var output = new StringBuilder();
        DiagnosticFormatter.AppendContext(output, "(a)\n\n(b)", 1, 0, 0, colorize: false);
        Assert.AreEqual("    1 | (a)\n    2 |\n      | ^\n    3 | (b)\n", output.ToString());
    }
}
