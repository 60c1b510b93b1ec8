namespace Ark.Compiler.CodeGen;

/// <summary>
/// A set of symbol ids. Ids are small and dense, so membership is a flag per id; and a type of
/// our own, unlike <c>HashSet&lt;int&gt;</c>, is precompiled rather than jitted at every start-up.
/// </summary>
internal sealed class SymbolSet
{
    private bool[] _members = new bool[64];

    public void Add(int id)
    {
        if (id >= _members.Length)
        {
            var grown = new bool[Math.Max(id + 1, _members.Length * 2)];
            Array.Copy(_members, grown, _members.Length);
            _members = grown;
        }
        _members[id] = true;
    }

    public bool Contains(int id) => id < _members.Length && _members[id];

    public void UnionWith(SymbolSet other)
    {
        for (var id = 0; id < other._members.Length; id++)
        {
            if (other._members[id])
                Add(id);
        }
    }

    /// <summary>The flags of ids 0 to <paramref name="count"/> - 1.</summary>
    public bool[] ToFlags(int count)
    {
        var flags = new bool[count];
        Array.Copy(_members, flags, Math.Min(count, _members.Length));
        return flags;
    }
}
