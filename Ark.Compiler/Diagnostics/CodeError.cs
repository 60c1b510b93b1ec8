using System.Text;

namespace Ark.Compiler.Diagnostics;

/// <summary>
/// A parse or compile error located in the source: what went wrong (<see cref="Exception.Message"/>,
/// possibly several lines), where, and the piece of code at fault. Print it with
/// <see cref="DiagnosticFormatter.Format"/>.
/// </summary>
public sealed class CodeError : Exception
{
    /// <summary>
    /// The file name the reference uses for code that has no file; errors in it print neither
    /// the "In file" line nor the source context.
    /// </summary>
    public const string NoFile = "FILE";

    /// <summary>Creates an error.</summary>
    /// <param name="message">The message; one output line per '\n'-separated part.</param>
    /// <param name="file">The file name, or <see cref="NoFile"/>.</param>
    /// <param name="line">0-based line.</param>
    /// <param name="column">Column as the reference records it (the caret goes under byte <c>column - 1</c> of the line).</param>
    /// <param name="expr">The culprit: the node's repr for compile errors, the next token for most parse errors.</param>
    /// <param name="symbol">
    /// For parse errors, the character under the parser's cursor; "" means end of input.
    /// When set, the "At" line shows it instead of <paramref name="expr"/>.
    /// </param>
    /// <param name="underlineLength">
    /// How many bytes to underline; by default the UTF-8 length of <paramref name="expr"/>.
    /// </param>
    public CodeError(string message, string file, int line, int column, string expr, string? symbol = null, int? underlineLength = null)
        : base(message)
    {
        File = file;
        Line = line;
        Column = column;
        Expr = expr;
        Symbol = symbol;
        UnderlineLength = underlineLength ?? Encoding.UTF8.GetByteCount(expr);
    }

    /// <summary>The file name, or <see cref="NoFile"/>.</summary>
    public string File { get; }

    /// <summary>0-based line.</summary>
    public int Line { get; }

    /// <summary>Column as the reference records it.</summary>
    public int Column { get; }

    /// <summary>The code at fault.</summary>
    public string Expr { get; }

    /// <summary>The character under the parser's cursor ("" at end of input); null for compile errors.</summary>
    public string? Symbol { get; }

    /// <summary>How many bytes of the line the diagnostic underlines.</summary>
    public int UnderlineLength { get; }
}
