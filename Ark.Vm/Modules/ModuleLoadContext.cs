using System.Reflection;
using System.Runtime.Loader;

namespace Ark.Vm.Modules;

/// <summary>
/// Loads one module assembly and the private dependencies it ships beside it (found through
/// its <c>.deps.json</c>, or its folder when it has none). Ark.Vm itself always resolves to the
/// host's copy, whatever version the module was built against, so that the module's
/// <see cref="IArkModule"/> and values are the host's types.
/// </summary>
internal sealed class ModuleLoadContext(string modulePath)
    : AssemblyLoadContext($"ark module {Path.GetFileName(modulePath)}", isCollectible: false)
{
    private static readonly Assembly VmAssembly = typeof(IArkModule).Assembly;
    private static readonly string VmName = VmAssembly.GetName().Name!;

    private readonly AssemblyDependencyResolver _resolver = new(modulePath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (string.Equals(assemblyName.Name, VmName, StringComparison.Ordinal))
            return VmAssembly;
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        // null falls back to the default context: the framework and what the host has loaded
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
