using System.Globalization;
using System.Text;

namespace Ark.Compiler.Syntax;

/// <summary>
/// Formats a double the way the reference's <c>Node::repr()</c> does (the {fmt} library's
/// default presentation): the shortest digits that round-trip, in fixed notation when the
/// decimal exponent is in [-4, 16), otherwise as <c>d.ddde+XX</c> with at least two exponent
/// digits; integral values carry no ".0".
/// </summary>
internal static class NumberText
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
            return double.IsNegative(value) ? "-nan" : "nan";
        if (double.IsInfinity(value))
            return value < 0 ? "-inf" : "inf";

        var output = new StringBuilder();
        if (double.IsNegative(value))
            output.Append('-');

        var (digits, exponent) = ShortestDigits(Math.Abs(value));
        if (digits.Length == 0)
            return output.Append('0').ToString();

        // exponent is that of the last digit; this is the exponent of the first one.
        int leadingExponent = exponent + digits.Length - 1;
        if (leadingExponent < -4 || leadingExponent >= 16)
        {
            output.Append(digits[0]);
            if (digits.Length > 1)
                output.Append('.').Append(digits, 1, digits.Length - 1);
            output.Append('e').Append(leadingExponent < 0 ? '-' : '+');
            output.Append(Math.Abs(leadingExponent).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (exponent >= 0)
            output.Append(digits).Append('0', exponent);
        else if (digits.Length + exponent > 0)
        {
            int integral = digits.Length + exponent;
            output.Append(digits, 0, integral).Append('.').Append(digits, integral, digits.Length - integral);
        }
        else
            output.Append("0.").Append('0', -(digits.Length + exponent)).Append(digits);

        return output.ToString();
    }

    /// <summary>
    /// Splits a non-negative finite value into significant digits (no leading or trailing
    /// zeros) and the power of ten of the last digit. .NET's round-trip format already picks
    /// the shortest digits; only its layout differs from {fmt}'s.
    /// </summary>
    private static (string Digits, int Exponent) ShortestDigits(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        int exponent = 0;
        int e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        int dot = text.IndexOf('.');
        if (dot >= 0)
        {
            exponent -= text.Length - dot - 1;
            text = text.Remove(dot, 1);
        }

        string digits = text.TrimStart('0');
        int trimmed = digits.Length - digits.TrimEnd('0').Length;
        return (digits[..^trimmed], exponent + trimmed);
    }
}
