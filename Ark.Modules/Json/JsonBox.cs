using Ark.Vm.Errors;
using Ark.Vm.Values;

namespace Ark.Modules.Json;

/// <summary>
/// A json document as scripts hold it: a <c>UserType</c> whose data is this box. The box is the
/// one mutable thing, because <c>json:set</c> changes the document every copy of the value sees;
/// what it holds is immutable, so reading it needs no lock.
/// </summary>
internal sealed class JsonBox(JsonData root)
{
    /// <summary>The type name scripts' error messages show.</summary>
    public const string TypeName = "json";

    private readonly Lock _lock = new();
    private JsonData _root = root;

    /// <summary>The document as it is now.</summary>
    public JsonData Root => Volatile.Read(ref _root);

    /// <summary>Wraps a document in a new box, as a script value.</summary>
    public static Value Wrap(JsonData data) => new(new UserType(TypeName, new JsonBox(data), Format));

    /// <summary>The box held by <paramref name="value"/>, or null when it is something else (another module's user type included).</summary>
    public static JsonBox? Of(Value value) => value.Obj is UserType { Data: JsonBox box } ? box : null;

    /// <summary>
    /// Binds <paramref name="key"/> to <paramref name="value"/> in the document, which must be an
    /// object; a null document becomes an object first, as in the reference.
    /// </summary>
    public void Set(string key, JsonData value)
    {
        // one writer at a time, so that concurrent sets of different keys all survive
        lock (_lock)
        {
            var updated = _root switch
            {
                JsonObject o => o.With(key, value),
                JsonNull => JsonObject.Empty.With(key, value),
                var other => throw new ArkException(ErrorKind.Runtime, $"json:set: can not set key '{key}' on a json {other.TypeName}, only on an object"),
            };
            Volatile.Write(ref _root, updated);
        }
    }

    private static string Format(object box) => JsonPrinter.Compact(((JsonBox)box).Root);
}
