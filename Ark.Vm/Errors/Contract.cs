using System.Text;
using Ark.Vm.Values;

namespace Ark.Vm.Errors;

/// <summary>One named parameter of a native function's contract and the kinds it accepts.</summary>
/// <param name="Name">The parameter's name as shown in error messages.</param>
/// <param name="Kinds">The accepted kinds; empty means any kind.</param>
/// <param name="Variadic">True when the parameter takes all remaining arguments.</param>
public sealed record Param(string Name, ValueKind[] Kinds, bool Variadic = false)
{
    /// <summary>A parameter accepting one kind.</summary>
    public Param(string name, ValueKind kind) : this(name, [kind]) { }

    /// <summary>A parameter accepting any value.</summary>
    public static Param Any(string name) => new(name, []);

    /// <summary>A variadic parameter.</summary>
    public static Param Rest(string name, params ValueKind[] kinds) => new(name, kinds, true);

    internal bool Accepts(ValueKind kind) => Kinds.Length == 0 || Array.IndexOf(Kinds, kind) >= 0;

    internal string KindsText => Kinds.Length == 0 ? "any" : string.Join(", ", Kinds.Select(k => k.TypeName()));
}

/// <summary>One accepted signature of a native function.</summary>
/// <param name="Params">The parameters, in order.</param>
public sealed record Contract(params Param[] Params);

/// <summary>
/// Builds the reference interpreter's "Function X expected N arguments" error that builtins
/// raise when their arguments match none of their contracts.
/// </summary>
public static class TypeCheck
{
    /// <summary>Creates the error for <paramref name="function"/> called with <paramref name="args"/>.</summary>
    public static ArkContractException Error(string function, ReadOnlySpan<Value> args, params Contract[] contracts)
    {
        // the reference leaves unbound (undefined) arguments out of the description
        var hasUndefined = false;
        foreach (var a in args)
            hasUndefined |= a.Kind == ValueKind.Undefined;
        if (hasUndefined)
        {
            var kept = new List<Value>(args.Length);
            foreach (var a in args)
            {
                if (a.Kind != ValueKind.Undefined)
                    kept.Add(a);
            }
            args = kept.ToArray();
        }

        var sb = new StringBuilder();
        sb.Append("Function ").Append(function).Append(" expected ");

        var min = contracts.Min(c => c.Params.Length);
        var max = contracts.Max(c => c.Params.Length);
        bool correctCount;
        if (min != max)
        {
            sb.Append($"between {min} argument{(min > 1 ? "s" : "")} and {max} argument{(max > 1 ? "s" : "")}");
            correctCount = args.Length >= min && args.Length <= max;
        }
        else
        {
            sb.Append($"{min} argument{(min > 1 ? "s" : "")}");
            correctCount = args.Length == min;
        }
        if (!correctCount)
            sb.Append(" but got ").Append(args.Length);
        sb.Append('\n');

        Describe(sb, contracts[0], args);
        for (var i = 1; i < contracts.Length; i++)
        {
            sb.Append("Alternative ").Append(i + 1).Append(":\n");
            Describe(sb, contracts[i], args);
        }
        return new ArkContractException(sb.ToString());
    }

    private static void Describe(StringBuilder sb, Contract contract, ReadOnlySpan<Value> args)
    {
        for (var i = 0; i < contract.Params.Length; i++)
        {
            var p = contract.Params[i];
            var head = $"  -> {(p.Variadic ? "variadic " : "")}{p.Name} ({p.KindsText}) ";
            sb.Append(head);
            if (p.Variadic && i < args.Length)
            {
                var bad = 0;
                for (var j = i; j < args.Length; j++)
                {
                    if (!p.Accepts(args[j].Kind))
                        bad++;
                }
                if (bad > 0)
                    sb.Append(bad).Append(bad > 1 ? " arguments do not match" : " argument do not match");
            }
            else if (i < args.Length && !p.Accepts(args[i].Kind))
                sb.Append("was of type ").Append(args[i].Kind.TypeName());
            else if (i >= args.Length)
                sb.Append("was not provided");
            sb.Append('\n');
        }
    }
}
