using Ark.Vm.Errors;
using Ark.Vm.Values;

namespace Ark.Vm.Builtins;

public static partial class Operators
{
    private static readonly Contract[] ListOrString =
    [
        Contracts.One("value", ValueKind.List),
        Contracts.One("value", ValueKind.String),
    ];

    private static readonly Contract[] AtContracts =
    [
        Contracts.Two("src", ValueKind.List, "idx", ValueKind.Number),
        Contracts.Two("src", ValueKind.String, "idx", ValueKind.Number),
    ];

    private static readonly Contract AssertContract = new(Param.Any("expr"), new Param("message", ValueKind.String));
    private static readonly Contract ToNumberContract = Contracts.One("value", ValueKind.String);
    private static readonly Contract HasFieldContract = Contracts.Two("closure", ValueKind.Closure, "field", ValueKind.String);

    private static readonly Value[] TypeNames = CreateTypeNames();

    /// <summary><c>(len x)</c>: the number of elements of a list or of bytes of a string.</summary>
    public static Value Len(in Value a) => a.Obj switch
    {
        ArkList list => new Value(list.Count),
        ArkString s => new Value(s.Length),
        _ => throw TypeCheck.Error("len", [a], ListOrString),
    };

    /// <summary><c>(empty? x)</c>: true for an empty list or string.</summary>
    public static Value Empty(in Value a) => a.Obj switch
    {
        ArkList list => Value.Bool(list.Count == 0),
        ArkString s => Value.Bool(s.Length == 0),
        _ => throw TypeCheck.Error("empty?", [a], ListOrString),
    };

    /// <summary><c>(head x)</c>: the first element of a list (nil when empty) or the first byte of a string ("" when empty).</summary>
    public static Value Head(in Value a) => a.Obj switch
    {
        ArkList list => list.Count == 0 ? Value.Nil : list[0],
        ArkString s => new Value(s.Length == 0 ? ArkString.Empty : ArkString.OfByte(s[0])),
        _ => throw TypeCheck.Error("head", [a], ListOrString),
    };

    /// <summary><c>(tail x)</c>: a list or string without its first element (empty when it has fewer than two).</summary>
    public static Value Tail(in Value a)
    {
        switch (a.Obj)
        {
            case ArkList list:
                return new Value(list.Count < 2 ? new ArkList() : ArkList.From(list.Items[1..]));
            case ArkString s:
                return new Value(s.Length < 2 ? ArkString.Empty : ArkString.FromBytes(s.Bytes[1..]));
            default:
                throw TypeCheck.Error("tail", [a], ListOrString);
        }
    }

    /// <summary><c>(nil? x)</c>.</summary>
    public static Value IsNil(in Value a) => Value.Bool(a.IsNil);

    /// <summary><c>(@ src idx)</c>: an element of a list or a one-byte string; negative indices count from the end.</summary>
    public static Value At(in Value src, in Value index)
    {
        if (!index.IsNumber)
            throw TypeCheck.Error("@", [src, index], AtContracts);
        var idx = Contracts.ToLong(index.Num);
        switch (src.Obj)
        {
            case ArkList list:
                if (InRange(idx, list.Count))
                    return list[(int)(idx < 0 ? list.Count + idx : idx)];
                throw new ArkException(ErrorKind.Index, $"{idx} out of range {ValueFormatter.Format(src)} (length {list.Count})");
            case ArkString s:
                if (InRange(idx, s.Length))
                    return new Value(ArkString.OfByte(s[(int)(idx < 0 ? s.Length + idx : idx)]));
                throw new ArkException(ErrorKind.Index, $"{idx} out of range \"{s}\" (length {s.Length})");
            default:
                throw TypeCheck.Error("@", [src, index], AtContracts);
        }
    }

    /// <summary><c>(assert expr message)</c>: raises AssertionFailed with message when expr is false (only false fails).</summary>
    public static void Assert(in Value expr, in Value message)
    {
        if (message.Obj is not ArkString text)
            throw TypeCheck.Error("assert", [expr, message], AssertContract);
        if (expr.Kind == ValueKind.False)
            throw new ArkException(ErrorKind.AssertionFailed, text.ToString());
    }

    /// <summary><c>(toNumber s)</c>: the number s spells (C <c>strtod</c> rules, see <see cref="NumberParser"/>), or nil.</summary>
    public static Value ToNumber(in Value a)
    {
        if (a.Obj is not ArkString s)
            throw TypeCheck.Error("toNumber", [a], ToNumberContract);
        return NumberParser.TryParse(s.Bytes, out var d) ? new Value(d) : Value.Nil;
    }

    /// <summary><c>(toString x)</c>: the text <c>print</c> would show.</summary>
    public static Value ToStr(in Value a) => a.Obj is ArkString ? a : new Value(ArkString.FromBytes(ValueFormatter.FormatUtf8(a)));

    /// <summary><c>(type x)</c>: the name of the kind of x (<c>Number</c>, <c>Bool</c>, <c>CProc</c>, ...).</summary>
    public static Value Type(in Value a)
    {
        return TypeNames[(int)a.Kind];
    }

    /// <summary><c>(hasField closure "name")</c>: true when the closure captured a variable of that name.</summary>
    public static Value HasField(in Value closure, in Value field)
    {
        if (closure.Obj is not Closure c || field.Obj is not ArkString name)
            throw TypeCheck.Error("hasField", [closure, field], HasFieldContract);
        var text = name.ToString();
        foreach (var n in c.Env.Names)
        {
            if (n == text)
                return Value.True;
        }
        return Value.False;
    }

    private static bool InRange(long idx, int count) => idx != long.MinValue && Math.Abs(idx) < count;

    private static Value[] CreateTypeNames()
    {
        var kinds = Enum.GetValues<ValueKind>();
        var names = new Value[kinds.Length];
        foreach (var k in kinds)
            names[(int)k] = Value.String(k.TypeName());
        return names;
    }
}
