namespace Ark.Vm.Values;

/// <summary>A function together with the environment of variables it captured.</summary>
public sealed class Closure : ArkObject
{
    /// <summary>Creates a closure over <paramref name="env"/>.</summary>
    public Closure(FunctionProto proto, ClosureEnv env) : base(ValueKind.Closure)
    {
        Proto = proto;
        Env = env;
    }

    /// <summary>The function's code.</summary>
    public FunctionProto Proto { get; }

    /// <summary>The captured variables; <c>obj.field</c> reads them and the closure's code may <c>set</c> them.</summary>
    public ClosureEnv Env { get; }
}

/// <summary>
/// The captured variables of a closure: symbol ids and their current values. Copies of a
/// closure value share one environment, as in the reference.
/// </summary>
/// <remarks>
/// An environment is the one mutable thing values can reach, so it is what keeps execution
/// contexts apart: only its <see cref="Owner"/>, in the epoch it was made in, changes it in
/// place. Every other context, and the owner after it started a future (which ends its epoch),
/// sees it frozen: a write then makes a private copy that only the writing context uses.
/// </remarks>
public sealed class ClosureEnv
{
    /// <summary>Creates an environment; <paramref name="symbols"/> is shared by all closures made at the same site.</summary>
    public ClosureEnv(int[] symbols, string[] names, Value[] values)
    {
        Symbols = symbols;
        Names = names;
        Values = values;
    }

    /// <summary>The captured symbol ids, in capture order.</summary>
    public int[] Symbols { get; }

    /// <summary>The captured names, parallel to <see cref="Symbols"/>, for printing.</summary>
    public string[] Names { get; }

    /// <summary>The captured values, parallel to <see cref="Symbols"/>.</summary>
    public Value[] Values { get; }

    /// <summary>The context that may change this environment in place, or null.</summary>
    internal object? Owner { get; set; }

    /// <summary>The owner's epoch when it made this environment; a later epoch sees it frozen.</summary>
    internal int Epoch { get; set; }

    /// <summary>A copy of this environment, for a context that writes to it while it is frozen.</summary>
    internal ClosureEnv CopyFor(object owner, int epoch) =>
        new(Symbols, Names, (Value[])Values.Clone()) { Owner = owner, Epoch = epoch };

    /// <summary>The index of <paramref name="symbol"/>, or -1.</summary>
    public int IndexOf(int symbol)
    {
        var symbols = Symbols;
        for (var i = 0; i < symbols.Length; i++)
        {
            if (symbols[i] == symbol)
                return i;
        }
        return -1;
    }
}
