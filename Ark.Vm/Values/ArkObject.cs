namespace Ark.Vm.Values;

/// <summary>
/// Base class of every heap-allocated ArkScript value. A <see cref="Value"/> whose object is
/// null is a number; otherwise the object's <see cref="Kind"/> tells what it is.
/// </summary>
public abstract class ArkObject
{
    /// <summary>The kind of value this object represents.</summary>
    public readonly ValueKind Kind;

    /// <summary>Creates an object of the given kind.</summary>
    protected ArkObject(ValueKind kind) => Kind = kind;
}

/// <summary>The singleton objects behind nil, true, false, undefined and the internal unbound-slot marker.</summary>
public sealed class Atom : ArkObject
{
    internal static readonly Atom NilAtom = new(ValueKind.Nil);
    internal static readonly Atom TrueAtom = new(ValueKind.True);
    internal static readonly Atom FalseAtom = new(ValueKind.False);
    internal static readonly Atom UndefinedAtom = new(ValueKind.Undefined);
    internal static readonly Atom UnboundAtom = new(ValueKind.Undefined);

    private Atom(ValueKind kind) : base(kind) { }
}
