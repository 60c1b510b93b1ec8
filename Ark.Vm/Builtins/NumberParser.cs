using System.Globalization;

namespace Ark.Vm.Builtins;

/// <summary>
/// The C library's <c>strtod</c> rules, as <c>toNumber</c> applies them: leading white space, an
/// optional sign, then a decimal or hexadecimal number, <c>inf</c>/<c>infinity</c> or
/// <c>nan</c>/<c>nan(chars)</c>, in any case. The whole text (up to a NUL byte) must be consumed, and a
/// result of +infinity is rejected (so <c>"inf"</c> and <c>"1e999"</c> fail but <c>"-inf"</c> does not).
/// </summary>
public static class NumberParser
{
    /// <summary>Parses UTF-8 text as <c>toNumber</c> does; false when it is not a number.</summary>
    public static bool TryParse(ReadOnlySpan<byte> s, out double value)
    {
        var nul = s.IndexOf((byte)0);
        if (nul >= 0)
            s = s[..nul];
        value = 0;
        var end = Prefix(s, out value);
        return end > 0 && end == s.Length && value != double.PositiveInfinity;
    }

    // The length of the longest prefix strtod would consume (0 when none), and its value.
    private static int Prefix(ReadOnlySpan<byte> s, out double value)
    {
        value = 0;
        var i = 0;
        while (i < s.Length && s[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r')
            i++;
        var negative = false;
        if (i < s.Length && s[i] is (byte)'+' or (byte)'-')
        {
            negative = s[i] == '-';
            i++;
        }
        int end;
        if (Word(s, i, "infinity"))
        {
            value = double.PositiveInfinity;
            end = i + 8;
        }
        else if (Word(s, i, "inf"))
        {
            value = double.PositiveInfinity;
            end = i + 3;
        }
        else if (Word(s, i, "nan"))
        {
            value = BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0000);
            end = i + 3;
            var j = end;
            if (j < s.Length && s[j] == '(')
            {
                j++;
                while (j < s.Length && (char.IsAsciiLetterOrDigit((char)s[j]) || s[j] == '_'))
                    j++;
                if (j < s.Length && s[j] == ')')
                    end = j + 1;
            }
        }
        else if (i + 1 < s.Length && s[i] == '0' && (s[i + 1] | 0x20) == 'x' && HexDigits(s, i + 2) > 0)
            end = Hex(s, i + 2, out value);
        else
        {
            end = Decimal(s, i, out value);
            if (end == 0)
                return 0;
        }
        if (negative)
            value = -value;
        return end;
    }

    private static bool Word(ReadOnlySpan<byte> s, int i, string word)
    {
        if (s.Length - i < word.Length)
            return false;
        for (var k = 0; k < word.Length; k++)
        {
            if ((s[i + k] | 0x20) != word[k])
                return false;
        }
        return true;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    // Counts the hex digits (with at most one point) starting at i.
    private static int HexDigits(ReadOnlySpan<byte> s, int i)
    {
        var n = 0;
        var point = false;
        for (; i < s.Length; i++)
        {
            if (HexValue(s[i]) >= 0)
                n++;
            else if (s[i] == '.' && !point)
                point = true;
            else
                break;
        }
        return n;
    }

    private static int Decimal(ReadOnlySpan<byte> s, int start, out double value)
    {
        value = 0;
        var i = start;
        var digits = 0;
        while (i < s.Length && IsDigit(s[i]))
        {
            i++;
            digits++;
        }
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && IsDigit(s[i]))
            {
                i++;
                digits++;
            }
        }
        if (digits == 0)
            return 0;
        var mantissaEnd = i;
        long exponent = 0;
        if (i < s.Length && (s[i] | 0x20) == 'e')
        {
            var j = i + 1;
            var expNegative = false;
            if (j < s.Length && s[j] is (byte)'+' or (byte)'-')
            {
                expNegative = s[j] == '-';
                j++;
            }
            if (j < s.Length && IsDigit(s[j]))
            {
                while (j < s.Length && IsDigit(s[j]))
                {
                    if (exponent < 100_000)
                        exponent = exponent * 10 + (s[j] - '0');
                    j++;
                }
                if (expNegative)
                    exponent = -exponent;
                i = j;
            }
        }
        var text = System.Text.Encoding.ASCII.GetString(s[start..mantissaEnd]);
        if (text.StartsWith('.'))
            text = "0" + text;
        if (text.EndsWith('.'))
            text += "0";
        text += "e" + exponent.ToString(CultureInfo.InvariantCulture);
        value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return i;
    }

    private static int Hex(ReadOnlySpan<byte> s, int start, out double value)
    {
        ulong mantissa = 0;
        var sticky = false;
        var scale = 0L; // binary exponent adjustment
        var i = start;
        var point = false;
        var significant = 0;
        for (; i < s.Length; i++)
        {
            var b = s[i];
            if (b == '.' && !point)
            {
                point = true;
                continue;
            }
            var d = HexValue(b);
            if (d < 0)
                break;
            if (significant < 15)
            {
                mantissa = (mantissa << 4) | (uint)d;
                if (mantissa != 0)
                    significant++;
                if (point)
                    scale -= 4;
            }
            else
            {
                sticky |= d != 0;
                if (!point)
                    scale += 4;
            }
        }
        if (i < s.Length && (s[i] | 0x20) == 'p')
        {
            var j = i + 1;
            var negative = false;
            if (j < s.Length && s[j] is (byte)'+' or (byte)'-')
            {
                negative = s[j] == '-';
                j++;
            }
            if (j < s.Length && IsDigit(s[j]))
            {
                long e = 0;
                while (j < s.Length && IsDigit(s[j]))
                {
                    if (e < 100_000)
                        e = e * 10 + (s[j] - '0');
                    j++;
                }
                scale += negative ? -e : e;
                i = j;
            }
        }
        if (sticky)
            mantissa = (mantissa << 4) | 1;
        if (sticky)
            scale -= 4;
        value = Math.ScaleB(mantissa, (int)Math.Clamp(scale, -100_000, 100_000));
        return i;
    }
}
