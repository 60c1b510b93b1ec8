using System.Globalization;

namespace Ark.Vm.Values;

/// <summary>
/// The shortest decimal digits that read back as a given double: what every number printer
/// (ArkScript's <c>print</c>, <c>str:format</c>, a module's JSON writer) lays out its own way.
/// </summary>
public static class ShortestDigits
{
    /// <summary>
    /// Splits a positive finite number into significant digits without leading or trailing
    /// zeros and the position of the decimal point: the value is <c>0.DIGITS × 10^Point</c>
    /// (123.45 gives <c>("12345", 3)</c>, 0.001 gives <c>("1", -2)</c>).
    /// </summary>
    /// <param name="value">A positive, finite, non-zero number.</param>
    /// <returns>The digits and the decimal point's position.</returns>
    public static (string Digits, int Point) Of(double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, "expected a positive finite number");
        // "R" is .NET's shortest round-trip form, e.g. "123.45", "1E+20", "1.5E-07"
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOf('E');
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var dot = text.IndexOf('.');
        var integerDigits = dot < 0 ? text.Length : dot;
        var digits = dot < 0 ? text : string.Concat(text.AsSpan(0, dot), text.AsSpan(dot + 1));
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        return (digits.Trim('0'), integerDigits + exponent - leadingZeros);
    }
}
