using Ark.Compiler.Diagnostics;
using Ark.Compiler.Syntax;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Ark.Tests.Parsing;

/// <summary>Shortcuts shared by the parser tests.</summary>
internal static class ParseHelpers
{
    public const string FileName = "test.ark";

    /// <summary>The top-level forms of <paramref name="source"/> (the program minus its leading begin).</summary>
    public static List<Node> Forms(string source)
    {
        var program = Parser.Parse(source, FileName);
        Assert.AreEqual(NodeType.List, program.Type);
        Assert.AreEqual(NodeType.Keyword, program.Children[0].Type);
        Assert.AreEqual(Keyword.Begin, program.Children[0].Keyword);
        return program.Children.Skip(1).ToList();
    }

    /// <summary>The one top-level form of <paramref name="source"/>.</summary>
    public static Node Single(string source)
    {
        var forms = Forms(source);
        Assert.HasCount(1, forms);
        return forms[0];
    }

    /// <summary>The value bound by <c>(let x VALUE)</c> written around <paramref name="value"/>.</summary>
    public static Node Value(string value) => Single($"(let x {value})").Children[2];

    public static CodeError Error(string source) =>
        Assert.ThrowsExactly<CodeError>(() => Parser.Parse(source, FileName));

    /// <summary>The error for <paramref name="source"/>, formatted without colours.</summary>
    public static string Diagnostic(string source) =>
        DiagnosticFormatter.Format(Error(source), source, colorize: false);
}
