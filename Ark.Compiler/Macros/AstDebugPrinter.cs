using System.Globalization;
using System.Text;
using Ark.Compiler.Syntax;

namespace Ark.Compiler.Macros;

/// <summary>
/// Writes a tree in the reference's debug layout (what its <c>-ddd</c> trace prints after
/// the macro processor), e.g. <c>( Keyword:Begin ( Symbol:print Number:1 ) )</c>, so that an
/// expansion can be compared node for node.
/// </summary>
public static class AstDebugPrinter
{
    /// <summary>The debug form of <paramref name="node"/>.</summary>
    public static string Print(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var output = new StringBuilder();
        Append(output, node);
        return output.ToString();
    }

    private static void Append(StringBuilder output, Node node)
    {
        switch (node.Type)
        {
            case NodeType.Keyword:
                string word = KeywordText.Of(node.Keyword);
                output.Append("Keyword:").Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
                break;
            case NodeType.Number:
                output.Append("Number:").Append(FormatNumber(node.Number));
                break;
            case NodeType.List:
                AppendChildren(output, "( ", node);
                break;
            case NodeType.Field:
                AppendChildren(output, "( Field ", node);
                break;
            case NodeType.Macro:
                AppendChildren(output, "( Macro ", node);
                break;
            default:
                output.Append(node.Type).Append(':').Append(node.Text);
                break;
        }
    }

    private static void AppendChildren(StringBuilder output, string open, Node node)
    {
        output.Append(open);
        foreach (var child in node.Children)
        {
            Append(output, child);
            output.Append(' ');
        }
        output.Append(')');
    }

    /// <summary>A double as a C++ stream prints it by default (<c>%g</c>, 6 significant digits).</summary>
    public static string FormatNumber(double value)
    {
        if (double.IsNaN(value))
            return double.IsNegative(value) ? "-nan" : "nan";
        if (double.IsInfinity(value))
            return value < 0 ? "-inf" : "inf";
        if (value == 0)
            return double.IsNegative(value) ? "-0" : "0";

        // the mantissa rounded to 6 significant digits, and its exponent
        string scientific = value.ToString("E5", CultureInfo.InvariantCulture);
        int e = scientific.IndexOf('E');
        int exponent = int.Parse(scientific.AsSpan(e + 1), CultureInfo.InvariantCulture);
        if (exponent < -4 || exponent >= 6)
        {
            string mantissa = TrimZeros(scientific[..e]);
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        }
        return TrimZeros(value.ToString("F" + (5 - exponent).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
    }

    private static string TrimZeros(string number) =>
        number.Contains('.', StringComparison.Ordinal) ? number.TrimEnd('0').TrimEnd('.') : number;
}
