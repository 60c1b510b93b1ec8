namespace Ark.Compiler.Macros;

/// <summary>The stack of macro scopes; lookups and removals go from the innermost outwards.</summary>
internal sealed class MacroScopes
{
    private readonly List<MacroScope> _scopes = [];

    public bool IsEmpty => _scopes.Count == 0;

    public MacroScope Innermost => _scopes[^1];

    public void Push(int depth) => _scopes.Add(new MacroScope(depth));

    public void Pop() => _scopes.RemoveAt(_scopes.Count - 1);

    /// <summary>The definition node <c>($ name ...)</c> of the nearest macro called <paramref name="name"/>.</summary>
    public MacroNode? Find(string name)
    {
        for (int i = _scopes.Count - 1; i >= 0; --i)
        {
            if (_scopes[i].Find(name) is { } macro)
                return macro;
        }
        return null;
    }

    /// <summary>Forgets the nearest macro called <paramref name="name"/>; nothing happens when there is none.</summary>
    public void RemoveNearest(string name)
    {
        for (int i = _scopes.Count - 1; i >= 0; --i)
        {
            if (_scopes[i].Remove(name))
                return;
        }
    }
}
