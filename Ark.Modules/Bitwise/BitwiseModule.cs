using Ark.Vm.Errors;
using Ark.Vm.Modules;
using Ark.Vm.Values;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;

namespace Ark.Modules.Bitwise;

/// <summary>
/// <c>(import bitwise)</c>: and, or, xor and shifts on numbers taken as 64-bit signed integers.
/// As in the reference, a fractional part is dropped (toward zero) and the result is a number
/// again, so results past 2^53 lose their low bits. Where the reference's behaviour is
/// undefined this module reports an error instead: numbers that are not finite or do not fit in
/// 64 bits, and shift counts outside 0..63. The functions keep no state.
/// </summary>
public sealed class BitwiseModule : IArkModule
{
    /// <inheritdoc />
    public string Name => "bitwise";

    /// <inheritdoc />
    public void Register(ModuleBuilder module) => module
        .Function("rshift", (args, _) => Shift(args, "bitwise:rshift", (n, s) => n >> s))
        .Function("lshift", (args, _) => Shift(args, "bitwise:lshift", (n, s) => n << s))
        .Function("xor", (args, _) => Combine(args, "bitwise:xor", XorContract, (a, b) => a ^ b))
        .Function("or", (args, _) => Combine(args, "bitwise:or", OrAndContract, (a, b) => a | b))
        .Function("and", (args, _) => Combine(args, "bitwise:and", OrAndContract, (a, b) => a & b));

    private static readonly Contract ShiftContract = new(new Param("number", ValueKind.Number), new Param("shift", ValueKind.Number));
    private static readonly Contract XorContract = new(new Param("number", ValueKind.Number), new Param("mask", ValueKind.Number));
    private static readonly Contract OrAndContract = new(new Param("a", ValueKind.Number), new Param("b", ValueKind.Number));

    private static Value Shift(ReadOnlySpan<Value> args, string function, Func<long, int, long> shift)
    {
        Check(args, function, ShiftContract);
        var number = ToInt64(args[0].Num, function, "number");
        var count = args[1].Num;
        if (!(count >= 0 && count < 64))
            throw new ArkException(ErrorKind.Runtime, $"{function}: shift must be between 0 and 63, got {ValueFormatter.FormatNumber(count)}");
        return new Value(shift(number, (int)count));
    }

    private static Value Combine(ReadOnlySpan<Value> args, string function, Contract contract, Func<long, long, long> op)
    {
        Check(args, function, contract);
        var names = contract.Params;
        return new Value(op(ToInt64(args[0].Num, function, names[0].Name), ToInt64(args[1].Num, function, names[1].Name)));
    }

    private static void Check(ReadOnlySpan<Value> args, string function, Contract contract)
    {
        if (args.Length != 2 || !args[0].IsNumber || !args[1].IsNumber)
            throw TypeCheck.Error(function, args, contract);
    }

    /// <summary>Drops the fractional part, as a C cast does; refuses what a cast can't represent.</summary>
    private static long ToInt64(double x, string function, string name)
    {
        var truncated = Math.Truncate(x);
        // -2^63 is exact as a double; 2^63 is the first value past long.MaxValue
        if (!(truncated >= -9223372036854775808.0 && truncated < 9223372036854775808.0))
            throw new ArkException(ErrorKind.Runtime, $"{function}: {name} must be a finite number between -2^63 and 2^63, got {ValueFormatter.FormatNumber(x)}");
        return (long)truncated;
    }
}
