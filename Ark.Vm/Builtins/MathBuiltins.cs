using Ark.Vm.Errors;
using Ark.Vm.Execution;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;
using Ark.Vm.Values;
using static Ark.Vm.Builtins.Contracts;

namespace Ark.Vm.Builtins;

/// <summary>The <c>math:*</c> functions; NaN and infinities behave as in C's math library.</summary>
public static class MathBuiltins
{
    private static readonly Contract NumberValue = One("value", ValueKind.Number);
    private static readonly Contract AnyValue = OneAny("value");

    /// <summary><c>(math:exp x)</c>: e to the power x.</summary>
    public static Value Exp(ReadOnlySpan<Value> args, ExecutionContext context) => new(Math.Exp(Arg(args, "math:exp")));

    /// <summary><c>(math:ln x)</c>: the natural logarithm; x must be greater than 0.</summary>
    public static Value Ln(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        // the reference reports this function as math:log
        var x = Arg(args, "math:log");
        if (x <= 0.0)
            throw Runtime($"math:log: value {ValueFormatter.FormatNumber(x)} must be greater than 0");
        return new Value(Math.Log(x));
    }

    /// <summary><c>(math:ceil x)</c>: the smallest integer not less than x.</summary>
    public static Value Ceil(ReadOnlySpan<Value> args, ExecutionContext context) => new(Math.Ceiling(Arg(args, "math:ceil")));

    /// <summary><c>(math:floor x)</c>: the largest integer not greater than x.</summary>
    public static Value Floor(ReadOnlySpan<Value> args, ExecutionContext context) => new(Math.Floor(Arg(args, "math:floor")));

    /// <summary><c>(math:round x)</c>: the nearest integer, halves away from zero.</summary>
    public static Value Round(ReadOnlySpan<Value> args, ExecutionContext context) =>
        new(Math.Round(Arg(args, "math:round"), MidpointRounding.AwayFromZero));

    /// <summary><c>(math:NaN? x)</c>: true when x is a NaN number; false for anything else.</summary>
    public static Value IsNaN(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        // the reference reports this function as math:exp
        if (args.Length != 1)
            throw TypeCheck.Error("math:exp", args, AnyValue);
        return Value.Bool(args[0].IsNumber && double.IsNaN(args[0].Num));
    }

    /// <summary><c>(math:Inf? x)</c>: true when x is an infinite number; false for anything else.</summary>
    public static Value IsInf(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length != 1)
            throw TypeCheck.Error("math:Inf?", args, AnyValue);
        return Value.Bool(args[0].IsNumber && double.IsInfinity(args[0].Num));
    }

    /// <summary><c>(math:cos x)</c>.</summary>
    public static Value Cos(ReadOnlySpan<Value> args, ExecutionContext context) => new(Math.Cos(Arg(args, "math:cos")));

    /// <summary><c>(math:sin x)</c>.</summary>
    public static Value Sin(ReadOnlySpan<Value> args, ExecutionContext context) => new(Math.Sin(Arg(args, "math:sin")));

    /// <summary><c>(math:tan x)</c>.</summary>
    public static Value Tan(ReadOnlySpan<Value> args, ExecutionContext context) => new(Math.Tan(Arg(args, "math:tan")));

    /// <summary><c>(math:arccos x)</c>.</summary>
    public static Value Acos(ReadOnlySpan<Value> args, ExecutionContext context) => new(Math.Acos(Arg(args, "math:arccos")));

    /// <summary><c>(math:arcsin x)</c>.</summary>
    public static Value Asin(ReadOnlySpan<Value> args, ExecutionContext context) => new(Math.Asin(Arg(args, "math:arcsin")));

    /// <summary><c>(math:arctan x)</c>.</summary>
    public static Value Atan(ReadOnlySpan<Value> args, ExecutionContext context) => new(Math.Atan(Arg(args, "math:arctan")));

    /// <summary><c>(math:cosh x)</c>.</summary>
    public static Value Cosh(ReadOnlySpan<Value> args, ExecutionContext context) => new(Math.Cosh(Arg(args, "math:cosh")));

    /// <summary><c>(math:sinh x)</c>.</summary>
    public static Value Sinh(ReadOnlySpan<Value> args, ExecutionContext context) => new(Math.Sinh(Arg(args, "math:sinh")));

    /// <summary><c>(math:tanh x)</c>.</summary>
    public static Value Tanh(ReadOnlySpan<Value> args, ExecutionContext context) => new(Math.Tanh(Arg(args, "math:tanh")));

    /// <summary><c>(math:acosh x)</c>.</summary>
    public static Value Acosh(ReadOnlySpan<Value> args, ExecutionContext context) => new(Math.Acosh(Arg(args, "math:acosh")));

    /// <summary><c>(math:asinh x)</c>.</summary>
    public static Value Asinh(ReadOnlySpan<Value> args, ExecutionContext context) => new(Math.Asinh(Arg(args, "math:asinh")));

    /// <summary><c>(math:atanh x)</c>.</summary>
    public static Value Atanh(ReadOnlySpan<Value> args, ExecutionContext context) => new(Math.Atanh(Arg(args, "math:atanh")));

    private static double Arg(ReadOnlySpan<Value> args, string name)
    {
        if (!Is(args, ValueKind.Number))
            throw TypeCheck.Error(name, args, NumberValue);
        return args[0].Num;
    }
}
