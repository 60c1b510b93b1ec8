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
