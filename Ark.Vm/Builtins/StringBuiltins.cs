using Ark.Vm.Errors;
using Ark.Vm.Execution;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;
using Ark.Vm.Values;
using static Ark.Vm.Builtins.Contracts;

namespace Ark.Vm.Builtins;

/// <summary>The <c>str:*</c> builtins. Strings are UTF-8 bytes: indices and lengths count bytes.</summary>
public static class StringBuiltins
{
    private static readonly Contract FormatContract = new(new Param("string", ValueKind.String), Param.Rest("value"));
    private static readonly Contract FindContract = Two("string", ValueKind.String, "substr", ValueKind.String);
    private static readonly Contract RemoveAtContract = Two("string", ValueKind.String, "index", ValueKind.Number);
    private static readonly Contract OrdContract = One("string", ValueKind.String);
    private static readonly Contract ChrContract = One("codepoint", ValueKind.Number);

    /// <summary>
    /// <c>(str:format format values...)</c>: replaces the <c>{}</c> fields of format with the values, with
    /// the {fmt} library's syntax (positional fields, fill, alignment, width, precision, types).
    /// </summary>
    public static Value Format(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length < 2 || args[0].Kind != ValueKind.String)
            throw TypeCheck.Error("str:format", args, FormatContract);
        var format = args[0].AsString;
        var values = new FormatArg[args.Length - 1];
        for (var i = 1; i < args.Length; i++)
        {
            var v = args[i];
            values[i - 1] = v.Obj switch
            {
                null => new FormatArg(v.Num, null),
                ArkString s => new FormatArg(0, s.Bytes.ToArray()),
                _ => new FormatArg(0, ValueFormatter.FormatUtf8(v)),
            };
        }
        try
        {
            return new Value(ArkString.FromBytes(FormatString.Format(format.Bytes, values)));
        }
        catch (FormatStringException e)
        {
            var count = args.Length - 1;
            throw Runtime($"str:format: can not format \"{format}\" ({count} argument{(count > 1 ? "s" : "")} provided) because of {e.Message}");
        }
    }

    /// <summary><c>(str:find string substr)</c>: the byte index of the first occurrence of substr, or -1.</summary>
    public static Value Find(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (!Are(args, ValueKind.String, ValueKind.String))
            throw TypeCheck.Error("str:find", args, FindContract);
        return new Value(args[0].AsString.Bytes.IndexOf(args[1].AsString.Bytes));
    }

    /// <summary><c>(str:removeAt string index)</c>: a copy of string without the byte at index.</summary>
    public static Value RemoveAt(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (!Are(args, ValueKind.String, ValueKind.Number))
            throw TypeCheck.Error("str:removeAt", args, RemoveAtContract);
        var s = args[0].AsString;
        var index = ToLong(args[1].Num);
        if (index < 0 || index >= s.Length)
            throw Runtime($"str:removeAt: index {index} out of range (length: {s.Length})");
        var bytes = new byte[s.Length - 1];
        s.Bytes[..(int)index].CopyTo(bytes);
        s.Bytes[((int)index + 1)..].CopyTo(bytes.AsSpan((int)index));
        return new Value(ArkString.FromBytes(bytes));
    }

    /// <summary><c>(str:ord string)</c>: the code point of the (last) character of string; 0 when it is not valid UTF-8.</summary>
    public static Value Ord(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (!Is(args, ValueKind.String))
            throw TypeCheck.Error("str:ord", args, OrdContract);
        return new Value(Utf8Codec.Ord(args[0].AsString.Bytes));
    }

    /// <summary><c>(str:chr codepoint)</c>: the character for a code point, encoded as the reference encodes it.</summary>
    public static Value Chr(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (!Is(args, ValueKind.Number))
            throw TypeCheck.Error("str:chr", args, ChrContract);
        var d = args[0].Num;
        var cp = double.IsNaN(d) || d >= int.MaxValue + 1.0 || d <= int.MinValue - 1.0 ? int.MinValue : (int)d;
        return new Value(ArkString.FromBytes(Utf8Codec.Chr(cp)));
    }
}
