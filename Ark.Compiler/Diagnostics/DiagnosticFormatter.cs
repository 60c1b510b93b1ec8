using System.Text;
using Ark.Compiler.Syntax;

namespace Ark.Compiler.Diagnostics;

/// <summary>
/// Renders errors in the reference implementation's layout, byte for byte:
/// <code>
/// In file foo.ark
/// At ) @ 1:10
///     1 | (print 1))
///       |          ^
///     2 |
///         invalid syntax, expected node
/// </code>
/// Widths and columns count UTF-8 bytes, as the reference does.
/// </summary>
public static class DiagnosticFormatter
{
    private const string Reset = "\u001b[0m";

    // The reference cycles through these for nested brackets, one counter per bracket kind.
    private static readonly (byte R, byte G, byte B)[] PairColors =
    [
        (0xAD, 0xD8, 0xE6), // light blue
        (0x90, 0xEE, 0x90), // light green
        (0xFF, 0xA0, 0x7A), // light salmon
        (0xFF, 0xFF, 0xE0), // light yellow
        (0xE0, 0xFF, 0xFF), // light cyan
        (0xF0, 0x80, 0x80), // light coral
    ];

    private static readonly (byte R, byte G, byte B) CaretColor = (0xFF, 0x00, 0x00);

    /// <summary>Formats a parse or compile error.</summary>
    /// <param name="error">The error.</param>
    /// <param name="sourceText">The text of <see cref="CodeError.File"/>, or null/empty to print no context lines.</param>
    /// <param name="colorize">Emit ANSI colours (brackets by nesting depth, red underline).</param>
    public static string Format(CodeError error, string? sourceText, bool colorize)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Format(error.Message, error.File, SplitLines(sourceText), Shown(error), error.Line, error.Column, error.UnderlineLength, colorize);
    }

    /// <summary>
    /// Formats an error against the source as read from disk. Widths are taken from the bytes,
    /// so they stay exact even when the file is not valid UTF-8.
    /// </summary>
    public static string FormatUtf8(CodeError error, byte[]? utf8Source, bool colorize)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Format(error.Message, error.File, SplitLines(utf8Source), Shown(error), error.Line, error.Column, error.UnderlineLength, colorize);
    }

    /// <summary>
    /// Formats a message about a node (the reference's <c>makeContextWithNode</c>, used for
    /// warnings): symbols, strings and spreads underline their name, other nodes 3 bytes.
    /// </summary>
    public static string FormatAtNode(string message, Node node, string? sourceText, bool colorize)
    {
        ArgumentNullException.ThrowIfNull(node);
        int size = node.Type is NodeType.Symbol or NodeType.String or NodeType.Spread
            ? Encoding.UTF8.GetByteCount(node.Text)
            : 3;
        return Format(message, node.File, SplitLines(sourceText), node.Repr(), node.Line, node.Column, size, colorize);
    }

    /// <summary>
    /// Appends the numbered lines around <paramref name="line"/> (up to three before and two
    /// after) with the culprit underlined; an underline running past the end of the line
    /// continues on the following lines. Nothing is written when the line does not exist.
    /// </summary>
    public static void AppendContext(StringBuilder output, string code, int line, int column, int length, bool colorize)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(code);
        AppendContext(output, Split(code), line, column, length, colorize);
    }

    private static void AppendContext(StringBuilder output, SourceLine[] lines, int line, int column, int length, bool colorize)
    {
        if (line < 0 || line >= lines.Length)
            return;

        int first = Math.Max(0, line - 3);
        int last = Math.Min(line + 3, lines.Length);
        long targetLength = lines[line].ByteLength;
        // How much of the underline spills over onto the following lines.
        long overflow = column + length < targetLength ? 0 : column + length - targetLength;
        var brackets = new BracketDepths();

        for (int i = first; i < last; ++i)
        {
            output.Append((i + 1).ToString().PadLeft(5)).Append(" |");
            if (lines[i].ByteLength > 0)
                output.Append(' ');
            if (colorize)
                AppendColorizedLine(output, lines[i].Text, brackets);
            else
                output.Append(lines[i].Text);
            output.Append('\n');

            if (i != line && !(i > line && overflow > 0))
                continue;

            long lineLength = lines[i].ByteLength;
            long start = overflow == 0 ? column : 0;
            long end = i == line ? Math.Min(column + length, targetLength) : Math.Min(overflow, lineLength);
            overflow = overflow > lineLength ? overflow - lineLength : 0;

            output.Append("      |").Append(' ', (int)Math.Max(1, start));
            string underline = "^" + new string('~', (int)Math.Max(0, end - start - 1));
            output.Append(colorize ? Styled(underline, CaretColor) : underline).Append('\n');
        }
    }

    private static string Format(string message, string file, SourceLine[]? lines, string shown, int line, int column, int length, bool colorize)
    {
        var output = new StringBuilder();
        if (file != CodeError.NoFile)
            output.Append("In file ").Append(file).Append('\n');
        output.Append("At ").Append(shown).Append(" @ ").Append(line + 1).Append(':').Append(column).Append('\n');

        if (lines is not null)
            AppendContext(output, lines, line, column, length, colorize);

        foreach (string part in message.Split('\n'))
            output.Append("        ").Append(part).Append('\n');
        return output.ToString();
    }

    /// <summary>The lines of a non-empty source, or null: an empty source shows no context.</summary>
    private static SourceLine[]? SplitLines(string? code) => string.IsNullOrEmpty(code) ? null : Split(code);

    private static SourceLine[] Split(string code) =>
        [.. code.Split('\n').Select(text => new SourceLine(text, Encoding.UTF8.GetByteCount(text)))];

    private static SourceLine[]? SplitLines(byte[]? code)
    {
        if (code is null || code.Length == 0)
            return null;
        var lines = new List<SourceLine>();
        int start = 0;
        while (true)
        {
            int end = Array.IndexOf(code, (byte)'\n', start);
            int stop = end < 0 ? code.Length : end;
            lines.Add(new SourceLine(Encoding.UTF8.GetString(code, start, stop - start), stop - start));
            if (end < 0)
                return [.. lines];
            start = end + 1;
        }
    }

    /// <summary>A line of source, and its length in the file's bytes (what columns count).</summary>
    private readonly record struct SourceLine(string Text, int ByteLength);

    /// <summary>What follows "At": the offending character for parse errors, made visible if blank.</summary>
    private static string Shown(CodeError error) => error.Symbol switch
    {
        null => error.Expr,
        "" => "EOF",
        "\n" => "'\\n'",
        "\r" => "'\\r'",
        "\t" => "'\\t'",
        "\v" => "'\\v'",
        " " => "' '",
        var symbol => symbol,
    };

    private static void AppendColorizedLine(StringBuilder output, string line, BracketDepths depths)
    {
        foreach (char c in line)
        {
            int depth;
            switch (c)
            {
                case '(': depth = depths.Parens++; break;
                case ')': depth = --depths.Parens; break;
                case '[': depth = depths.Squares++; break;
                case ']': depth = --depths.Squares; break;
                case '{': depth = depths.Curlies++; break;
                case '}': depth = --depths.Curlies; break;
                default:
                    output.Append(c);
                    continue;
            }
            output.Append(Styled(c.ToString(), PairColors[Math.Abs(depth) % PairColors.Length]));
        }
    }

    // {fmt} writes each RGB component of a true-colour escape as three digits.
    private static string Styled(string text, (byte R, byte G, byte B) color) =>
        $"\u001b[38;2;{color.R:000};{color.G:000};{color.B:000}m{text}{Reset}";

    /// <summary>Bracket nesting, carried from one context line to the next.</summary>
    private sealed class BracketDepths
    {
        public int Parens;
        public int Squares;
        public int Curlies;
    }
}
