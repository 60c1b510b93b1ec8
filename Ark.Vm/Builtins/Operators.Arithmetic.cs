using System.Runtime.CompilerServices;
using Ark.Vm.Errors;
using Ark.Vm.Values;

namespace Ark.Vm.Builtins;

/// <summary>
/// The operator instructions, with the reference's semantics and errors. Arguments are given in
/// source order: <c>(- a b)</c> is <c>Sub(a, b)</c>. Numbers never allocate.
/// </summary>
public static partial class Operators
{
    private static readonly Contract NumberPair = Contracts.Two("a", ValueKind.Number, "b", ValueKind.Number);
    private static readonly Contract StringPair = Contracts.Two("a", ValueKind.String, "b", ValueKind.String);

    /// <summary><c>(+ a b)</c>: sum of two numbers, or concatenation of two strings.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value Add(in Value a, in Value b)
    {
        if (a.Obj is null && b.Obj is null)
            return new Value(a.Num + b.Num);
        return AddSlow(a, b);
    }

    private static Value AddSlow(in Value a, in Value b)
    {
        if (a.Obj is ArkString x && b.Obj is ArkString y)
            return new Value(ArkString.Concat(x, y));
        throw TypeCheck.Error("+", [a, b], NumberPair, StringPair);
    }

    /// <summary><c>(- a b)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value Sub(in Value a, in Value b)
    {
        if (a.Obj is null && b.Obj is null)
            return new Value(a.Num - b.Num);
        throw NumbersExpected("-", a, b);
    }

    /// <summary><c>(* a b)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value Mul(in Value a, in Value b)
    {
        if (a.Obj is null && b.Obj is null)
            return new Value(a.Num * b.Num);
        throw NumbersExpected("*", a, b);
    }

    /// <summary><c>(/ a b)</c>: raises DivisionByZero when b is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value Div(in Value a, in Value b)
    {
        if (a.Obj is null && b.Obj is null && b.Num != 0)
            return new Value(a.Num / b.Num);
        return DivSlow(a, b);
    }

    private static Value DivSlow(in Value a, in Value b)
    {
        if (a.Obj is not null || b.Obj is not null)
            throw NumbersExpected("/", a, b);
        throw new ArkException(ErrorKind.DivisionByZero,
            $"Can not compute expression (/ {ValueFormatter.FormatNumber(a.Num)} {ValueFormatter.FormatNumber(b.Num)})");
    }

    /// <summary><c>(mod a b)</c>: the remainder of the truncated division, as C's <c>fmod</c> (NaN when b is 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value Mod(in Value a, in Value b)
    {
        if (a.Obj is null && b.Obj is null)
            return new Value(a.Num % b.Num);
        throw NumbersExpected("mod", a, b);
    }

    /// <summary><c>(= a b)</c>.</summary>
    public static Value Eq(in Value a, in Value b) => Value.Bool(a.Obj is null && b.Obj is null ? a.Num == b.Num : ValueOps.Equal(a, b));

    /// <summary><c>(!= a b)</c>.</summary>
    public static Value Neq(in Value a, in Value b) => Value.Bool(!(a.Obj is null && b.Obj is null ? a.Num == b.Num : ValueOps.Equal(a, b)));

    /// <summary><c>(&lt; a b)</c>: values of different kinds order by kind.</summary>
    public static Value Lt(in Value a, in Value b) => Value.Bool(a.Obj is null && b.Obj is null ? a.Num < b.Num : ValueOps.Less(a, b));

    /// <summary><c>(&gt; a b)</c>: as the reference, "different and not less".</summary>
    public static Value Gt(in Value a, in Value b)
    {
        if (a.Obj is null && b.Obj is null)
            return Value.Bool(a.Num != b.Num && !(a.Num < b.Num));
        return Value.Bool(!ValueOps.Equal(a, b) && !ValueOps.Less(a, b));
    }

    /// <summary><c>(&lt;= a b)</c>: as the reference, "less or equal".</summary>
    public static Value Le(in Value a, in Value b)
    {
        if (a.Obj is null && b.Obj is null)
            return Value.Bool(a.Num < b.Num || a.Num == b.Num);
        return Value.Bool(ValueOps.Less(a, b) || ValueOps.Equal(a, b));
    }

    /// <summary><c>(&gt;= a b)</c>: as the reference, "not less".</summary>
    public static Value Ge(in Value a, in Value b) => Value.Bool(!(a.Obj is null && b.Obj is null ? a.Num < b.Num : ValueOps.Less(a, b)));

    /// <summary><c>(not a)</c>: true when a is falsy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value Not(in Value a) => Value.Bool(!a.IsTruthy);

    private static ArkContractException NumbersExpected(string op, in Value a, in Value b) => TypeCheck.Error(op, [a, b], NumberPair);
}
