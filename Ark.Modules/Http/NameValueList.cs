using System.Text;
using Ark.Vm.Values;

namespace Ark.Modules.Http;

/// <summary>
/// Name/value pairs handed to scripts as a user type: request headers (<c>httpHeaders</c>) and
/// query parameters (<c>httpParams</c>). Immutable once built, so one can be used by several
/// requests and contexts at once.
/// </summary>
internal sealed class NameValueList
{
    public const string HeadersType = "httpHeaders";
    public const string ParamsType = "httpParams";

    private NameValueList(string typeName, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        TypeName = typeName;
        Pairs = pairs;
    }

    /// <summary><see cref="HeadersType"/> or <see cref="ParamsType"/>.</summary>
    public string TypeName { get; }

    /// <summary>The pairs, in the order described by <see cref="Headers"/> and <see cref="Params"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs { get; }

    /// <summary>Headers keep the order they were given in, which is the order they are sent in.</summary>
    public static NameValueList Headers(IReadOnlyList<KeyValuePair<string, string>> pairs) => new(HeadersType, pairs);

    /// <summary>
    /// Parameters are sorted by name (ordinal, stable for repeated names), as the reference's
    /// multimap keeps them, so that <c>http:params:toList</c> gives the same list.
    /// </summary>
    public static NameValueList Params(IEnumerable<KeyValuePair<string, string>> pairs) =>
        new(ParamsType, [.. pairs.OrderBy(p => p.Key, StringComparer.Ordinal)]);

    /// <summary>Wraps the list for scripts.</summary>
    public Value ToValue() => new(new UserType(TypeName, this, _ => ToString()));

    /// <summary>The pairs as a list of <c>[name value]</c> lists.</summary>
    public Value ToList()
    {
        var list = new ArkList(Pairs.Count);
        foreach (var (name, value) in Pairs)
            list.Add(new Value(ArkList.From([Value.String(name), Value.String(value)])));
        return new Value(list);
    }

    /// <summary>Prints as <c>httpHeaders&lt;</c>, then one tab-indented <c>name -> value</c> line per pair, then <c>&gt;</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(TypeName).Append('<');
        foreach (var (name, value) in Pairs)
            text.Append("\n\t").Append(name).Append(" -> ").Append(value);
        return text.Append('>').ToString();
    }
}
