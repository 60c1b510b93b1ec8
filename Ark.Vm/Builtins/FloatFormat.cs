using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;
using Ark.Vm.Values;

namespace Ark.Vm.Builtins;

/// <summary>
/// Writes a double under a <c>str:format</c> spec as the {fmt} library does: shortest digits by
/// default, exactly rounded (half to even) digits when a precision is given, the general format
/// switching to exponent notation below 1e-4 and at 1e16 (or the precision), and hex floats.
/// </summary>
internal static class FloatFormat
{
    private enum Kind { General, Exp, Fixed, Hex }

    /// <summary>Appends <paramref name="value"/> formatted under <paramref name="spec"/>.</summary>
    public static void Write(ArrayBufferWriter<byte> output, double value, FormatSpec spec)
    {
        var kind = spec.Type switch
        {
            'e' or 'E' => Kind.Exp,
            'f' or 'F' => Kind.Fixed,
            'a' or 'A' => Kind.Hex,
            _ => Kind.General,
        };
        var upper = spec.Type is 'E' or 'F' or 'G' or 'A';
        var showPoint = spec.Alt || (kind is Kind.Exp or Kind.Fixed && spec.Precision != 0);

        var sign = spec.Sign;
        if (double.IsNegative(value))
        {
            sign = '-';
            value = -value;
        }
        else if (sign == '-')
            sign = '\0';

        if (!double.IsFinite(value))
        {
            var text = (sign != '\0' ? sign.ToString() : "") + (double.IsNaN(value) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
            if (spec.Fill.Length == 1 && spec.Fill[0] == '0')
                spec.Fill = [(byte)' '];
            FormatString.Pad(output, spec, text.Length, '<', Encoding.ASCII.GetBytes(text));
            return;
        }

        if (spec.Align == '=' && sign != '\0')
        {
            output.Write([(byte)sign]);
            sign = '\0';
            if (spec.Width != 0)
                spec.Width--;
        }

        if (kind == Kind.Hex)
        {
            var hex = (sign != '\0' ? sign.ToString() : "") + HexFloat(value, spec.Precision, upper, spec.Alt);
            FormatString.Pad(output, spec, hex.Length, '>', Encoding.ASCII.GetBytes(hex));
            return;
        }

        var precision = spec.Precision >= 0 || spec.Type == '\0' ? spec.Precision : 6;
        if (kind == Kind.Exp)
            precision++;
        else if (kind != Kind.Fixed && precision == 0)
            precision = 1;

        string digits;
        int exponent;
        if (value == 0)
        {
            digits = "0";
            exponent = 0;
            if (precision > 0 && kind == Kind.Fixed)
            {
                digits = new string('0', precision);
                exponent = -precision;
            }
        }
        else if (precision < 0)
            (digits, exponent) = Shortest(value);
        else if (kind == Kind.Fixed)
        {
            digits = RoundScaled(value, precision).ToString(CultureInfo.InvariantCulture);
            exponent = -precision;
        }
        else
            (digits, exponent) = Significant(value, Math.Min(precision, 767));

        if (kind != Kind.Fixed && !showPoint && precision >= 0)
        {
            var n = digits.Length;
            while (n > 1 && digits[n - 1] == '0')
            {
                n--;
                exponent++;
            }
            digits = digits[..n];
        }

        var body = Layout(digits, exponent, kind, precision, showPoint, upper, sign);
        FormatString.Pad(output, spec, body.Length, '>', Encoding.ASCII.GetBytes(body));
    }

    // Arranges significand * 10^exponent as fixed or exponent notation.
    private static string Layout(string digits, int exponent, Kind kind, int precision, bool showPoint, bool upper, char sign)
    {
        var sb = new StringBuilder();
        if (sign != '\0')
            sb.Append(sign);
        var size = digits.Length;
        var outputExp = exponent + size - 1;
        var useExp = kind == Kind.Exp ||
            (kind == Kind.General && (outputExp < -4 || outputExp >= (precision > 0 ? precision : 16)));
        if (useExp)
        {
            sb.Append(digits[0]);
            var zeros = showPoint ? Math.Max(precision - size, 0) : 0;
            if (showPoint || size > 1)
                sb.Append('.');
            sb.Append(digits, 1, size - 1).Append('0', zeros);
            sb.Append(upper ? 'E' : 'e').Append(outputExp < 0 ? '-' : '+');
            var abs = Math.Abs(outputExp);
            sb.Append(abs.ToString(abs < 10 ? "00" : "0", CultureInfo.InvariantCulture));
            return sb.ToString();
        }
        var exp = exponent + size;
        if (exponent >= 0)
        {
            sb.Append(digits).Append('0', exponent);
            if (showPoint)
            {
                sb.Append('.');
                var zeros = precision - exp;
                if (zeros > 0)
                    sb.Append('0', zeros);
            }
        }
        else if (exp > 0)
        {
            sb.Append(digits, 0, exp).Append('.').Append(digits, exp, size - exp);
            var zeros = showPoint ? precision - size : 0;
            if (zeros > 0)
                sb.Append('0', zeros);
        }
        else
        {
            sb.Append('0').Append('.').Append('0', -exp).Append(digits);
        }
        return sb.ToString();
    }

    // The shortest digits that read back as value, and the power of ten of the last one.
    private static (string Digits, int Exponent) Shortest(double value)
    {
        var (digits, point) = ShortestDigits.Of(value);
        return (digits, point - digits.Length);
    }

    // value * 10^scale rounded to an integer, half to even, computed exactly.
    private static BigInteger RoundScaled(double value, int scale)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var biased = (int)((bits >> 52) & 0x7ff);
        var fraction = bits & 0xF_FFFF_FFFF_FFFF;
        var mantissa = biased == 0 ? fraction : fraction | (1L << 52);
        var binExp = biased == 0 ? -1074 : biased - 1075;
        BigInteger num = mantissa;
        BigInteger den = BigInteger.One;
        if (scale >= 0)
            num *= BigInteger.Pow(10, scale);
        else
            den *= BigInteger.Pow(10, -scale);
        if (binExp >= 0)
            num <<= binExp;
        else
            den <<= -binExp;
        var q = BigInteger.DivRem(num, den, out var rem);
        var twice = rem * 2;
        var cmp = twice.CompareTo(den);
        if (cmp > 0 || (cmp == 0 && !q.IsEven))
            q += 1;
        return q;
    }

    // precision significant digits of value, correctly rounded, and the power of ten of the last one.
    private static (string Digits, int Exponent) Significant(double value, int precision)
    {
        var k = (int)Math.Floor(Math.Log10(value));
        var low = BigInteger.Pow(10, precision - 1);
        var high = low * 10;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var scale = precision - 1 - k;
            var n = RoundScaled(value, scale);
            if (n >= high)
            {
                if (n == high && attempt > 0)
                    return (n.ToString(CultureInfo.InvariantCulture)[..precision], -scale + 1);
                k++;
                continue;
            }
            if (n < low)
            {
                k--;
                continue;
            }
            return (n.ToString(CultureInfo.InvariantCulture), -scale);
        }
        var last = RoundScaled(value, precision - 1 - k);
        return (last.ToString(CultureInfo.InvariantCulture), -(precision - 1 - k));
    }

    private static string HexFloat(double value, int precision, bool upper, bool alt)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var biased = (int)((bits >> 52) & 0x7ff);
        var f = (ulong)(bits & 0xF_FFFF_FFFF_FFFF);
        int e;
        if (biased == 0)
            e = -1074;
        else
        {
            f |= 1UL << 52;
            e = biased - 1075;
        }
        e += 52;
        const int digitsCount = 14;
        var leading = (uint)((f >> 52) & 0xF);
        if (leading > 1)
            e -= 31 - BitOperations.LeadingZeroCount(leading);
        var print = digitsCount - 1;
        if (precision >= 0 && print > precision)
        {
            var shift = (print - precision - 1) * 4;
            var v = (uint)((f >> shift) & 0xF);
            if (v >= 8)
            {
                var inc = 1UL << (shift + 4);
                f += inc;
                f &= ~(inc - 1);
            }
            print = precision;
        }
        var hex = f.ToString(upper ? "X" : "x", CultureInfo.InvariantCulture).PadLeft(digitsCount, '0');
        hex = hex[^digitsCount..];
        while (print > 0 && hex[print] == '0')
            print--;
        var sb = new StringBuilder();
        sb.Append('0').Append(upper ? 'X' : 'x').Append(hex[0]);
        if (alt || print > 0 || print < precision)
            sb.Append('.');
        sb.Append(hex, 1, print);
        for (; print < precision; print++)
            sb.Append('0');
        sb.Append(upper ? 'P' : 'p').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
