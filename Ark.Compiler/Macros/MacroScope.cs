namespace Ark.Compiler.Macros;

/// <summary>
/// The macros defined directly inside one list of the program, remembered with the nesting
/// depth of that list so that the scope ends with it.
/// </summary>
internal sealed class MacroScope(int depth)
{
    private readonly Dictionary<string, MacroNode> _macros = new(StringComparer.Ordinal);

    public int Depth { get; } = depth;

    public bool IsEmpty => _macros.Count == 0;

    public MacroNode? Find(string name) => _macros.GetValueOrDefault(name);

    /// <summary>Defines or redefines a macro; the scope keeps its own copy of the definition.</summary>
    public void Add(string name, MacroNode definition) => _macros[name] = definition.Clone();

    public bool Remove(string name) => _macros.Remove(name);
}
