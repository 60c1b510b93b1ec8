using Ark.Vm.Errors;
using Ark.Vm.Values;

namespace Ark.Vm.Builtins;

/// <summary>Shorthands for building the argument contracts builtins report on misuse.</summary>
internal static class Contracts
{
    /// <summary>A one-parameter contract.</summary>
    public static Contract One(string name, ValueKind kind) => new(new Param(name, kind));

    /// <summary>A one-parameter contract accepting anything.</summary>
    public static Contract OneAny(string name) => new(Param.Any(name));

    /// <summary>A two-parameter contract.</summary>
    public static Contract Two(string a, ValueKind ka, string b, ValueKind kb) => new(new Param(a, ka), new Param(b, kb));

    /// <summary>The contract <c>(name: kind, value: any)</c>.</summary>
    public static Contract ThenAny(string a, ValueKind ka, string b) => new(new Param(a, ka), Param.Any(b));

    /// <summary>A builtin's own failure, printed as the bare message.</summary>
    public static ArkException Runtime(string message) => new(ErrorKind.Runtime, message);

    /// <summary>True when there is exactly one argument and it has the given kind.</summary>
    public static bool Is(ReadOnlySpan<Value> args, ValueKind kind) => args.Length == 1 && args[0].Kind == kind;

    /// <summary>True when there are exactly two arguments of the given kinds (<see cref="ValueKind.Undefined"/> stands for any).</summary>
    public static bool Are(ReadOnlySpan<Value> args, ValueKind a, ValueKind b) =>
        args.Length == 2 && (a == ValueKind.Undefined || args[0].Kind == a) && (b == ValueKind.Undefined || args[1].Kind == b);

    /// <summary>The reference's <c>static_cast&lt;long&gt;</c> of a number: truncation towards zero (NaN gives 0).</summary>
    public static long ToLong(double d) => double.IsNaN(d) ? 0 : (long)d;
}
