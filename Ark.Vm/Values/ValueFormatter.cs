using System.Buffers;
using System.Globalization;
using System.Text;

namespace Ark.Vm.Values;

/// <summary>Formats values exactly as the reference interpreter's <c>print</c> and <c>toString</c> do.</summary>
public static class ValueFormatter
{
    /// <summary>The text of a value; strings are not quoted at top level.</summary>
    public static string Format(Value value) => value.Obj switch
    {
        null => FormatNumber(value.Num),
        ArkString s => s.ToString(),
        ArkList or Closure => Encoding.UTF8.GetString(FormatUtf8(value)),
        var o => Scalar(o),
    };

    /// <summary>
    /// The UTF-8 text of a value, as <c>print</c> writes it: strings, including those inside
    /// lists and closures, keep their exact bytes even when they are not valid UTF-8 (e.g. one
    /// byte of a multi-byte character, taken with <c>@</c>).
    /// </summary>
    public static byte[] FormatUtf8(Value value)
    {
        if (value.Obj is ArkString s)
            return s.Bytes.ToArray();
        if (value.Obj is not (ArkList or Closure))
            return Encoding.UTF8.GetBytes(Format(value));
        var buffer = new ArrayBufferWriter<byte>();
        AppendUtf8(buffer, value);
        return buffer.WrittenSpan.ToArray();
    }

    private static void AppendUtf8(ArrayBufferWriter<byte> buffer, Value value)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (value.Obj)
        {
            case ArkString s:
                buffer.Write(s.Bytes);
                break;
            case ArkList list:
                buffer.Write("["u8);
                var items = list.Items;
                for (var i = 0; i < items.Length; i++)
                {
                    if (i > 0)
                        buffer.Write(" "u8);
                    if (items[i].Obj is ArkString)
                    {
                        buffer.Write("\""u8);
                        AppendUtf8(buffer, items[i]);
                        buffer.Write("\""u8);
                    }
                    else
                        AppendUtf8(buffer, items[i]);
                }
                buffer.Write("]"u8);
                break;
            case Closure c:
                buffer.Write("("u8);
                var env = c.Env;
                for (var i = 0; i < env.Values.Length; i++)
                {
                    if (i > 0)
                        buffer.Write(" "u8);
                    buffer.Write(Encoding.UTF8.GetBytes("." + env.Names[i] + "="));
                    AppendUtf8(buffer, env.Values[i]);
                }
                buffer.Write(")"u8);
                break;
            case null:
                buffer.Write(Encoding.UTF8.GetBytes(FormatNumber(value.Num)));
                break;
            default:
                buffer.Write(Encoding.UTF8.GetBytes(Scalar(value.Obj)));
                break;
        }
    }

    /// <summary>The text of a value that holds no other values.</summary>
    private static string Scalar(ArkObject o) => o switch
    {
        NativeFunction => "CProcedure",
        _ => o.Kind switch
        {
            ValueKind.Nil => "nil",
            ValueKind.True => "true",
            ValueKind.False => "false",
            ValueKind.Undefined => "undefined",
            _ => o.ToString() ?? "",
        },
    };

    /// <summary>
    /// Formats a number as the {fmt} library's default does: the shortest text that reads back
    /// as the same double, in fixed notation unless the decimal exponent is below -4 or at
    /// least 16 (then <c>1e+16</c>, <c>1.5e-05</c>).
    /// </summary>
    public static string FormatNumber(double d)
    {
        if (double.IsNaN(d))
            return double.IsNegative(d) ? "-nan" : "nan";
        if (double.IsInfinity(d))
            return d < 0 ? "-inf" : "inf";
        if (d == Math.Floor(d) && Math.Abs(d) < 1e15)
        {
            if (d == 0)
                return double.IsNegative(d) ? "-0" : "0";
            return ((long)d).ToString(CultureInfo.InvariantCulture);
        }

        var negative = d < 0;
        var (digits, point) = ShortestDigits.Of(Math.Abs(d));
        // scientific exponent of the first significant digit
        var sciExp = point - 1;

        var sb = new StringBuilder();
        if (negative)
            sb.Append('-');
        if (sciExp < -4 || sciExp >= 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            sb.Append('e').Append(sciExp < 0 ? '-' : '+');
            var abs = Math.Abs(sciExp);
            if (abs < 10)
                sb.Append('0');
            sb.Append(abs.ToString(CultureInfo.InvariantCulture));
        }
        else if (sciExp < 0)
        {
            sb.Append("0.").Append('0', -sciExp - 1).Append(digits);
        }
        else if (digits.Length <= sciExp + 1)
        {
            sb.Append(digits).Append('0', sciExp + 1 - digits.Length);
        }
        else
        {
            sb.Append(digits, 0, sciExp + 1).Append('.').Append(digits, sciExp + 1, digits.Length - sciExp - 1);
        }
        return sb.ToString();
    }
}
