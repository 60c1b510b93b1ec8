using Ark.Compiler.Syntax;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Ark.Tests.Parsing;

[TestClass]
public sealed class ImportParsingTests
{
    private static ParsedProgram Parse(string source) => Parser.ParseProgram(source, "test.ark");

    [TestMethod]
    public void BasicImport()
    {
        var program = Parse("(import std.List)");
        Assert.AreEqual("(import (std List) ())", program.Ast.Children[1].Repr());
        var import = program.Imports.Single();
        CollectionAssert.AreEqual(new[] { "std", "List" }, import.Package.ToArray());
        Assert.AreEqual("List", import.Prefix);
        Assert.IsEmpty(import.Symbols);
        Assert.IsTrue(import.WithPrefix);
        Assert.IsTrue(import.IsBasic);
        Assert.IsFalse(import.IsGlob);
        Assert.AreEqual("std.List", import.ToPackageString());
        Assert.AreEqual("std/List", import.ToPath());
    }

    [TestMethod]
    public void SinglePartImport()
    {
        var import = Parse("(import foo)").Imports.Single();
        Assert.AreEqual("foo", import.Prefix);
        Assert.AreEqual("foo", import.ToPath());
    }

    [TestMethod]
    public void GlobImport()
    {
        var program = Parse("(import a.b:*)");
        Assert.AreEqual("(import (a b) *)", program.Ast.Children[1].Repr());
        var import = program.Imports.Single();
        Assert.IsTrue(import.IsGlob);
        Assert.IsFalse(import.WithPrefix);
        Assert.AreEqual("b", import.Prefix);
    }

    [TestMethod]
    public void SymbolImport()
    {
        var program = Parse("(import foo.bar # the package\n  :a # first\n  :list:b)");
        Assert.AreEqual("(import (foo bar) (a list:b))", program.Ast.Children[1].Repr());
        var import = program.Imports.Single();
        CollectionAssert.AreEqual(new[] { "a", "list:b" }, import.Symbols.ToArray());
        Assert.IsTrue(import.WithPrefix);
        Assert.IsFalse(import.IsBasic);
        Assert.IsFalse(import.IsGlob);
    }

    [TestMethod]
    public void PackageNamesMayHoldDigitsDashesAndUnderscores()
    {
        var import = Parse("(import 3d-lib.my_mod)").Imports.Single();
        CollectionAssert.AreEqual(new[] { "3d-lib", "my_mod" }, import.Package.ToArray());
    }

    [TestMethod]
    public void ImportsAreRecordedInOrderWithTheirPosition()
    {
        var imports = Parse("(import a)\n  (import b.c :x)\n(begin (import d:*))").Imports;
        CollectionAssert.AreEqual(new[] { "a", "c", "d" }, imports.Select(i => i.Prefix).ToArray());
        // The cursor just after the first part of the path; on the second line the
        // reference's backtracking puts it one column further than reading forward would.
        Assert.AreEqual((0, 10), (imports[0].Line, imports[0].Column));
        Assert.AreEqual((1, 13), (imports[1].Line, imports[1].Column));
    }

    [TestMethod]
    public void ImportIsAKeywordNode()
    {
        var form = Parse("(import a)").Ast.Children[1];
        Assert.AreEqual(Keyword.Import, form.Children[0].Keyword);
        Assert.AreEqual(NodeType.List, form.Children[1].Type);
        Assert.AreEqual(NodeType.List, form.Children[2].Type);
    }
}
