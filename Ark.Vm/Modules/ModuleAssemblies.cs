using System.Reflection;

namespace Ark.Vm.Modules;

/// <summary>
/// The module assemblies loaded by this process, by full path. An assembly can't be unloaded
/// from a non-collectible context, and loading it again would give a second, incompatible copy
/// of its types, so every run in the process (tests, embedders) shares one load per file.
/// </summary>
internal static class ModuleAssemblies
{
    private static readonly Dictionary<string, Assembly> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock Guard = new();

    /// <summary>Loads the assembly at <paramref name="fullPath"/> once; failures are not remembered.</summary>
    public static Assembly Load(string fullPath)
    {
        lock (Guard)
        {
            if (!Loaded.TryGetValue(fullPath, out var assembly))
            {
                assembly = new ModuleLoadContext(fullPath).LoadFromAssemblyPath(fullPath);
                Loaded[fullPath] = assembly;
            }
            return assembly;
        }
    }
}
