using Ark.Compiler.Diagnostics;
using Ark.Compiler.Macros;
using Ark.Compiler.Syntax;

namespace Ark.Tests.Macros;

/// <summary>Parses a snippet, expands its macros and shows the result, or the error.</summary>
internal static class MacroHarness
{
    public const string File = "test.ark";

    /// <summary>The expanded program: each top-level form written back as source, one a line.</summary>
    public static string Expand(string source)
    {
        var program = MacroProcessor.Expand(Parser.Parse(source, File));
        return string.Join("\n", program.Children.Skip(1).Select(form => form.Repr()));
    }

    /// <summary>The expanded program in the reference's debug layout.</summary>
    public static string ExpandDebug(string source) => AstDebugPrinter.Print(MacroProcessor.Expand(Parser.Parse(source, File)));

    /// <summary>The error raised while expanding the macros of <paramref name="source"/>.</summary>
    public static CodeError Error(string source)
    {
        var ast = Parser.Parse(source, File);
        try
        {
            MacroProcessor.Expand(ast);
        }
        catch (CodeError e)
        {
            return e;
        }
        Assert.Fail("expected a macro error");
        return null!;
    }

    /// <summary>Checks the message of the error and where it points (1-based line, as printed).</summary>
    public static void AssertError(string source, string message, string expr, int line, int column)
    {
        var error = Error(source);
        Assert.AreEqual(message, error.Message);
        Assert.AreEqual(expr, error.Expr);
        Assert.AreEqual($"{line}:{column}", $"{error.Line + 1}:{error.Column}", "position");
    }

    /// <summary>The error as the <c>ark</c> command prints it, without colours.</summary>
    public static string Formatted(string source)
    {
        var error = Error(source);
        // as the command does: nodes the parser gave no position to have no file, hence no context
        return DiagnosticFormatter.Format(error, error.File.Length == 0 ? null : source, colorize: false);
    }
}
