namespace Ark.Compiler.CodeGen;

/// <summary>Assigns each distinct name a symbol id.</summary>
internal sealed class SymbolTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    public int this[string name]
    {
        get
        {
            if (!_ids.TryGetValue(name, out var id))
            {
                id = _names.Count;
                _ids[name] = id;
                _names.Add(name);
            }
            return id;
        }
    }

    public int Count => _names.Count;

    public string[] ToArray() => [.. _names];
}
