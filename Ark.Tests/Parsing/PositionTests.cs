using Ark.Compiler.Syntax;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Ark.Tests.Parsing.ParseHelpers;

namespace Ark.Tests.Parsing;

/// <summary>
/// Node positions are those the reference records (checked against its diagnostics):
/// 0-based lines, columns as its cursor counts them, and no position at all for the
/// nodes it never stamps.
/// </summary>
[TestClass]
public sealed class PositionTests
{
    private static (int Line, int Column) At(Node node) => (node.Line, node.Column);

    private static Node FindSymbol(Node node, string name)
    {
        if (node.Type == NodeType.Symbol && node.Text == name)
            return node;
        if (node.HasChildren)
        {
            foreach (var child in node.Children)
            {
                try
                {
                    return FindSymbol(child, name);
                }
                catch (KeyNotFoundException)
                {
                }
            }
        }
        throw new KeyNotFoundException(name);
    }

    private static (int Line, int Column) SymbolAt(string source, string name) =>
        At(FindSymbol(Parser.Parse(source, FileName), name));

    [TestMethod]
    public void ValuesAreStampedWithTheCursorAfterThem()
    {
        Assert.AreEqual((0, 11), SymbolAt("(print zzz)", "zzz"));
        Assert.AreEqual((0, 14), SymbolAt("(let a [1 zzz])", "zzz"));
        Assert.AreEqual((0, 20), SymbolAt("(let a (if true zzz 1))", "zzz"));
        Assert.AreEqual((0, 22), SymbolAt("(let a (if true 1 zzz))", "zzz"));
        Assert.AreEqual((2, 23), SymbolAt("\n\n  (let a (fun (x) zzz))", "zzz"));
        Assert.AreEqual((1, 17), SymbolAt("(let a 1)\n  (print [a zzz 2])\n", "zzz"));
    }

    [TestMethod]
    public void BacktrackingCanMoveTheLineLikeTheReference()
    {
        // zzz is on the third line, yet the reference reports it on the fourth.
        Assert.AreEqual((3, 7), SymbolAt("(let a 1)\n(print a\n  zzz)\n", "zzz"));
    }

    [TestMethod]
    public void SomeNodesAreNeverPlaced()
    {
        Assert.AreEqual((0, 0), SymbolAt("(let a (zzz 1 2))", "zzz"), "a callee");
        Assert.AreEqual((0, 0), SymbolAt("(let a zzz.b)", "zzz"), "a field's parts");
        var let = Single("(let a 1)");
        Assert.IsFalse(let.Children[0].HasPosition, "keywords");
        Assert.IsFalse(let.Children[1].HasPosition, "the name in a let");
        Assert.AreEqual("", let.Children[1].File);
    }

    [TestMethod]
    public void FormsAcrossSeveralLines()
    {
        var forms = Forms("(let a 1)\n(foo a.b \"s\" [1 2])\n  {x (fun (y &z) y)}\n");

        var let = forms[0];
        Assert.AreEqual((0, 2), At(let));
        Assert.AreEqual(FileName, let.File);
        Assert.AreEqual((0, 9), At(let.Children[2]));

        var call = forms[1];
        Assert.AreEqual((1, 3), At(call));
        Assert.AreEqual((1, 8), At(call.Children[1]), "field: the cursor after its first part");
        Assert.AreEqual((1, 14), At(call.Children[2]));
        Assert.AreEqual((1, 15), At(call.Children[3]));
        Assert.AreEqual((1, 17), At(call.Children[3].Children[1]));
        Assert.AreEqual((1, 19), At(call.Children[3].Children[2]));

        var block = forms[2];
        Assert.AreEqual((2, 4), At(block));
        Assert.AreEqual((2, 6), At(block.Children[1]));
        var fun = block.Children[2];
        Assert.AreEqual((2, 8), At(fun));
        Assert.AreEqual((2, 13), At(fun.Children[1]));
        Assert.IsFalse(fun.Children[1].Children[0].HasPosition);
        Assert.AreEqual((2, 20), At(fun.Children[2]));
    }

    [TestMethod]
    public void ColumnsCountBytesAndSkipControlCharacters()
    {
        Assert.AreEqual((0, 16), SymbolAt("(print \"é\" zzz)", "zzz"), "é is two bytes");
        Assert.AreEqual((0, 11), SymbolAt("(print\tzzz)", "zzz"), "a tab does not advance the column");
    }

    [TestMethod]
    public void FileNameIsRecorded()
    {
        var program = Parser.Parse("(print 1)", "dir/main.ark");
        Assert.AreEqual("dir/main.ark", program.Children[1].File);
        Assert.AreEqual("dir/main.ark", program.Children[1].Children[1].File);
    }
}
