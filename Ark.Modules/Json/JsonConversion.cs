using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Ark.Vm.Errors;
using Ark.Vm.Values;

namespace Ark.Modules.Json;

/// <summary>
/// Maps values between JSON and ArkScript. JSON to ArkScript: null is nil, booleans and strings
/// map directly, every number becomes an ArkScript number (a double), arrays become lists and
/// objects become new json values. ArkScript to JSON is the reverse, with numbers stored as
/// doubles and a json value's document copied in; functions, undefined and other modules' user
/// types have no JSON form.
/// </summary>
internal static class JsonConversion
{
    /// <summary>The ArkScript value for a JSON value. Objects get a box of their own, so changing one never changes the document it came from.</summary>
    public static Value ToArk(JsonData data)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (data)
        {
            case JsonString s:
                return Value.String(s.Value);
            case JsonNumber n:
                return new Value(n.ToDouble());
            case JsonBool b:
                return Value.Bool(b.Value);
            case JsonArray a:
                var list = new ArkList(a.Items.Length);
                foreach (var item in a.Items)
                    list.Add(ToArk(item));
                return new Value(list);
            case JsonObject:
                return JsonBox.Wrap(data);
            default:
                return Value.Nil;
        }
    }

    /// <summary>
    /// The JSON form of an ArkScript value, or null when the value itself has none. A list holding
    /// such a value is an error, reported here.
    /// </summary>
    /// <remarks>
    /// The reference ignores nil in <c>json:set</c> and rejects it elsewhere; here nil is JSON null
    /// everywhere, so that what <c>json:get</c> returns for null can be stored back.
    /// </remarks>
    public static JsonData? FromArk(Value value)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (value.Kind)
        {
            case ValueKind.Number:
                return new JsonFloat(value.Num);
            case ValueKind.String:
                return new JsonString(value.AsString.ToString());
            case ValueKind.True:
                return JsonBool.True;
            case ValueKind.False:
                return JsonBool.False;
            case ValueKind.Nil:
                return JsonNull.Instance;
            case ValueKind.List:
                var items = value.AsList.Items;
                var array = ImmutableArray.CreateBuilder<JsonData>(items.Length);
                foreach (var item in items)
                {
                    array.Add(FromArk(item) ?? throw new ArkException(ErrorKind.Runtime,
                        $"json module: Couldn't parse the provided json: a list element of type {item.Kind.TypeName()} has no JSON form"));
                }
                return new JsonArray(array.MoveToImmutable());
            default:
                return JsonBox.Of(value)?.Root;
        }
    }
}
