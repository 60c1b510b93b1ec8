using System.Runtime.CompilerServices;

namespace Ark.Vm.Values;

/// <summary>
/// An ArkScript value: 16 bytes, passed by value. Numbers are stored inline (the object is
/// null), so arithmetic never allocates; every other kind is an <see cref="ArkObject"/>.
/// </summary>
public readonly struct Value
{
    /// <summary>The heap object, or null when the value is a number.</summary>
    public readonly ArkObject? Obj;

    /// <summary>The number, when <see cref="Obj"/> is null.</summary>
    public readonly double Num;

    /// <summary>Creates a number. Leaving the object null keeps stores of numbers free of GC write barriers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Value(double number)
    {
        Obj = null;
        Num = number;
    }

    /// <summary>Creates a value that refers to a heap object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Value(ArkObject obj)
    {
        Obj = obj;
        Num = 0;
    }

    /// <summary>The nil value.</summary>
    public static Value Nil => new(Atom.NilAtom);

    /// <summary>The boolean true.</summary>
    public static Value True => new(Atom.TrueAtom);

    /// <summary>The boolean false.</summary>
    public static Value False => new(Atom.FalseAtom);

    /// <summary>
    /// The reference's <c>undefined</c>: what a deleted variable holds and what an <c>if</c>
    /// without else gives when its condition is false. Scripts can see it.
    /// </summary>
    public static Value Undefined => new(Atom.UndefinedAtom);

    /// <summary>The internal marker of a slot that holds no binding; never visible to scripts.</summary>
    public static Value Unbound => new(Atom.UnboundAtom);

    /// <summary>Converts a .NET boolean to ArkScript's true or false.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value Bool(bool b) => new(b ? Atom.TrueAtom : Atom.FalseAtom);

    /// <summary>Creates a string value from .NET text (encoded to UTF-8).</summary>
    public static Value String(string s) => new(ArkString.From(s));

    /// <summary>The kind of this value.</summary>
    public ValueKind Kind
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Obj is null ? ValueKind.Number : Obj.Kind;
    }

    /// <summary>True when this value is a number.</summary>
    public bool IsNumber
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Obj is null;
    }

    /// <summary>True when this value is the marker of a slot without a binding.</summary>
    public bool IsUnbound
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ReferenceEquals(Obj, Atom.UnboundAtom);
    }

    /// <summary>True when this value is nil.</summary>
    public bool IsNil => ReferenceEquals(Obj, Atom.NilAtom);

    /// <summary>The string object; only valid when <see cref="Kind"/> is String.</summary>
    public ArkString AsString => (ArkString)Obj!;

    /// <summary>The list object; only valid when <see cref="Kind"/> is List.</summary>
    public ArkList AsList => (ArkList)Obj!;

    /// <summary>
    /// The reference interpreter's truthiness: false, nil, 0, "", [] and user types are falsy;
    /// everything else is truthy.
    /// </summary>
    public bool IsTruthy
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var o = Obj;
            if (o is null)
                return Num != 0.0;
            // by kind alone: atoms are compared without reading their static fields
            return o.Kind switch
            {
                ValueKind.True => true,
                ValueKind.False or ValueKind.Nil => false,
                ValueKind.List => Unsafe.As<ArkList>(o).Count != 0,
                ValueKind.String => Unsafe.As<ArkString>(o).Length != 0,
                ValueKind.UserType => false,
                _ => true,
            };
        }
    }

    /// <summary>Formats the value as <c>print</c> and <c>toString</c> do.</summary>
    public override string ToString() => ValueFormatter.Format(this);
}
