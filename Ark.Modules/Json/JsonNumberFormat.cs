using System.Globalization;
using System.Text;
using Ark.Vm.Values;

namespace Ark.Modules.Json;

/// <summary>
/// Writes doubles the way the reference's JSON library does, so that documents print the same:
/// the shortest digits that read back to the same double, a <c>.0</c> on whole numbers
/// (<c>12.0</c>), plain notation for decimal exponents from -4 to 15 and otherwise <c>d.ddde+XX</c>
/// with at least two exponent digits (<c>1e-05</c>, <c>1e+20</c>). NaN and infinities have no JSON
/// form and print as <c>null</c>.
/// </summary>
/// <remarks>
/// The digits come from .NET's shortest round-trip formatting. The reference uses Grisu2, which
/// now and then picks other digits: a longer string (1e23 prints as <c>9.999999999999999e+22</c>
/// there, <c>1e+23</c> here) or the other of two equally close ones (1234567890123456.75). Both
/// forms read back to the same double.
/// </remarks>
internal static class JsonNumberFormat
{
    private const int MinExponent = -4;
    private const int MaxExponent = 15;

    public static void Append(StringBuilder sb, double value)
    {
        if (!double.IsFinite(value))
        {
            sb.Append("null");
            return;
        }
        if (double.IsNegative(value))
        {
            sb.Append('-');
            value = -value;
        }
        if (value == 0)
        {
            sb.Append("0.0");
            return;
        }

        var (digits, point) = ShortestDigits.Of(value);
        var k = digits.Length;
        // the value is 0.DIGITS × 10^point
        if (k <= point && point <= MaxExponent)
            sb.Append(digits).Append('0', point - k).Append(".0");
        else if (0 < point && point <= MaxExponent)
            sb.Append(digits, 0, point).Append('.').Append(digits, point, k - point);
        else if (MinExponent < point && point <= 0)
            sb.Append("0.").Append('0', -point).Append(digits);
        else
        {
            sb.Append(digits[0]);
            if (k > 1)
                sb.Append('.').Append(digits, 1, k - 1);
            var exponent = point - 1;
            sb.Append('e').Append(exponent < 0 ? '-' : '+');
            exponent = Math.Abs(exponent);
            if (exponent < 10)
                sb.Append('0');
            sb.Append(exponent.ToString(CultureInfo.InvariantCulture));
        }
    }
}
