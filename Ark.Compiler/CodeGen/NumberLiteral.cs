using System.Globalization;

namespace Ark.Compiler.CodeGen;

/// <summary>
/// The reference stores number literals in its bytecode as text with six decimals, so a
/// literal like <c>0.1234567</c> runs as 0.123457 and <c>1e-7</c> as 0. Computed numbers keep
/// full precision. Programs print the difference, so literals are rounded the same way.
/// </summary>
internal static class NumberLiteral
{
    public static double AsStored(double literal)
    {
        if (double.IsNaN(literal) || double.IsInfinity(literal))
            return literal;
        return double.Parse(literal.ToString("F6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
