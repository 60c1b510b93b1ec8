using Ark.Vm.Errors;
using Ark.Vm.Modules;
using Ark.Vm.Values;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;

namespace Ark.Modules.Random;

/// <summary>
/// <c>(import random)</c>: binds the bare function <c>random</c>, which returns a pseudo-random
/// integer in [0, 32768).
/// </summary>
public sealed class RandomModule : IArkModule
{
    /// <summary>One more than the largest number <c>random</c> returns, as in the reference.</summary>
    public const int Bound = 32768;

    private static readonly Contract NoArguments = new();

    /// <inheritdoc />
    public string Name => "random";

    /// <inheritdoc />
    public void Register(ModuleBuilder module) => module.Function("", Next);

    /// <summary>
    /// <c>(random)</c>: a whole number drawn uniformly from [0, 32768).
    /// </summary>
    /// <remarks>
    /// The reference seeds a new generator from the clock on every call, so two calls within one
    /// clock tick return the same number; the shared generator used here is thread-safe and does
    /// not repeat that way, which matters when several contexts call it at once. The reference
    /// also ignores any arguments; here arguments are an error, because a caller writing
    /// <c>(random 10)</c> expects a range that would silently not be applied.
    /// </remarks>
    public static Value Next(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length != 0)
            throw TypeCheck.Error("random", args, NoArguments);
        return new Value(System.Random.Shared.Next(Bound));
    }
}
