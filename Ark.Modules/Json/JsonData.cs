using System.Collections.Immutable;

namespace Ark.Modules.Json;

/// <summary>
/// An immutable JSON value. Immutability is what gives json objects their value semantics
/// cheaply: <c>json:get</c> and <c>json:set</c> share subtrees instead of deep-copying them, and a
/// document can be printed or written by one context while another replaces one of its keys.
/// </summary>
internal abstract class JsonData
{
    /// <summary>The type's name in messages, as JSON names it (<c>array</c>, <c>object</c>, ...).</summary>
    public abstract string TypeName { get; }
}

/// <summary><c>null</c>.</summary>
internal sealed class JsonNull : JsonData
{
    public static readonly JsonNull Instance = new();

    private JsonNull() { }

    public override string TypeName => "null";
}

/// <summary><c>true</c> or <c>false</c>.</summary>
internal sealed class JsonBool : JsonData
{
    public static readonly JsonBool True = new(true);
    public static readonly JsonBool False = new(false);

    private JsonBool(bool value) => Value = value;

    public bool Value { get; }

    public override string TypeName => "boolean";

    public static JsonBool Of(bool value) => value ? True : False;
}

/// <summary>A string.</summary>
internal sealed class JsonString(string value) : JsonData
{
    public string Value { get; } = value;

    public override string TypeName => "string";
}

/// <summary>
/// A number. Integers read from JSON text keep their exact value and print without a fraction;
/// numbers that come from ArkScript are doubles and print with one (<c>12.0</c>), as in the reference.
/// </summary>
internal abstract class JsonNumber : JsonData
{
    public override string TypeName => "number";

    /// <summary>The number as ArkScript holds numbers.</summary>
    public abstract double ToDouble();
}

/// <summary>An integer that fits a signed 64-bit value.</summary>
internal sealed class JsonInteger(long value) : JsonNumber
{
    public long Value { get; } = value;

    public override double ToDouble() => Value;
}

/// <summary>A positive integer above <see cref="long.MaxValue"/> that fits an unsigned 64-bit value.</summary>
internal sealed class JsonUnsigned(ulong value) : JsonNumber
{
    public ulong Value { get; } = value;

    public override double ToDouble() => Value;
}

/// <summary>A floating-point number; NaN and infinities print as <c>null</c>.</summary>
internal sealed class JsonFloat(double value) : JsonNumber
{
    public double Value { get; } = value;

    public override double ToDouble() => Value;
}

/// <summary>An array.</summary>
internal sealed class JsonArray(ImmutableArray<JsonData> items) : JsonData
{
    public ImmutableArray<JsonData> Items { get; } = items;

    public override string TypeName => "array";
}

/// <summary>An object, its keys kept in code-point order (the order the reference prints them in).</summary>
internal sealed class JsonObject(ImmutableSortedDictionary<string, JsonData> members) : JsonData
{
    public static readonly JsonObject Empty = new(ImmutableSortedDictionary.Create<string, JsonData>(CodePointComparer.Instance));

    public ImmutableSortedDictionary<string, JsonData> Members { get; } = members;

    public override string TypeName => "object";

    /// <summary>This object with <paramref name="key"/> bound to <paramref name="value"/>, replacing any previous binding.</summary>
    public JsonObject With(string key, JsonData value) => new(Members.SetItem(key, value));
}
