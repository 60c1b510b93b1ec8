namespace Ark.Vm.Values;

/// <summary>
/// The kind of an ArkScript value. The order follows the reference interpreter's type
/// numbering, because values of different kinds are ordered by it (<c>(&lt; [] 1)</c> is true).
/// </summary>
public enum ValueKind : byte
{
    /// <summary>A list, with value semantics.</summary>
    List,
    /// <summary>A double-precision number.</summary>
    Number,
    /// <summary>An immutable UTF-8 string.</summary>
    String,
    /// <summary>A function defined in ArkScript, without captured variables.</summary>
    Function,
    /// <summary>A native function (builtin or module function).</summary>
    CProc,
    /// <summary>A function together with the variables it captured.</summary>
    Closure,
    /// <summary>A host object created by a native module.</summary>
    UserType,
    /// <summary>The nil value.</summary>
    Nil,
    /// <summary>The boolean true.</summary>
    True,
    /// <summary>The boolean false.</summary>
    False,
    /// <summary>The value of a deleted variable or of a missing else branch.</summary>
    Undefined,
}

/// <summary>Names of value kinds as <c>(type x)</c> reports them.</summary>
public static class ValueKindNames
{
    private static readonly string[] Names =
    [
        "List", "Number", "String", "Function", "CProc", "Closure", "UserType", "Nil", "Bool", "Bool", "Undefined",
    ];

    /// <summary>The name the reference interpreter gives to a kind, e.g. <c>Bool</c> for true and false.</summary>
    public static string TypeName(this ValueKind kind) => Names[(int)kind];
}
