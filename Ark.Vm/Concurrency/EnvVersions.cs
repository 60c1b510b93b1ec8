using Ark.Vm.Values;

namespace Ark.Vm.Concurrency;

/// <summary>
/// Which private copy of a frozen closure environment a context uses instead of the original.
/// Layers are immutable once a future has been started from them: the future and its parent
/// both keep reading the layer as it was, and add their own copies in layers of their own.
/// </summary>
internal sealed class EnvVersions
{
    private readonly EnvVersions? _parent;
    private readonly Dictionary<ClosureEnv, ClosureEnv> _copies = new(ReferenceEqualityComparer.Instance);

    public EnvVersions(EnvVersions? parent) => _parent = parent;

    /// <summary>True once a future shares this layer; later copies go to a new layer.</summary>
    public bool Frozen { get; set; }

    /// <summary>The latest copy that replaces <paramref name="env"/>, following copies of copies, or <paramref name="env"/>.</summary>
    public ClosureEnv Latest(ClosureEnv env)
    {
        var current = env;
        while (Find(current) is { } next && !ReferenceEquals(next, current))
            current = next;
        return current;
    }

    public void Replace(ClosureEnv original, ClosureEnv copy) => _copies[original] = copy;

    private ClosureEnv? Find(ClosureEnv env)
    {
        for (var layer = this; layer is not null; layer = layer._parent)
        {
            if (layer._copies.TryGetValue(env, out var copy))
                return copy;
        }
        return null;
    }
}
