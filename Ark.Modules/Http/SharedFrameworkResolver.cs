using System.Reflection;
using System.Runtime.Loader;

namespace Ark.Modules.Http;

/// <summary>
/// Lets this module use ASP.NET Core's shared framework (Kestrel) in a host that only lists
/// Microsoft.NETCore.App, as <c>ark</c> does: when an ASP.NET Core assembly can not be found,
/// it is loaded from the Microsoft.AspNetCore.App folder installed beside the running runtime.
/// </summary>
/// <remarks>
/// Listing the framework in <c>ark</c>'s runtimeconfig would also work, but every start of
/// <c>ark</c> would then pay for resolving a second framework (measured in the README), while
/// this costs nothing until a script starts a server. Hosts that do list the framework (the
/// tests, ASP.NET applications embedding ArkSharp) never reach the handler.
/// </remarks>
internal static class SharedFrameworkResolver
{
    private const string FrameworkName = "Microsoft.AspNetCore.App";
    private static int _installed;
    private static readonly Lazy<string?> Folder = new(FindFolder);

    /// <summary>Installs the resolver once per process.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) != 0)
            return;
        var own = AssemblyLoadContext.GetLoadContext(typeof(SharedFrameworkResolver).Assembly) ?? AssemblyLoadContext.Default;
        own.Resolving += Resolve;
        if (own != AssemblyLoadContext.Default)
            AssemblyLoadContext.Default.Resolving += Resolve;
    }

    /// <summary>The folder searched, or null when the framework is not installed beside the runtime.</summary>
    public static string? FrameworkFolder => Folder.Value;

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (Folder.Value is not { } folder || name.Name is null)
            return null;
        var path = Path.Combine(folder, name.Name + ".dll");
        // framework assemblies go to the default context, where every module shares one copy
        return File.Exists(path) ? AssemblyLoadContext.Default.LoadFromAssemblyPath(path) : null;
    }

    /// <summary>
    /// The framework's folder: shared/Microsoft.AspNetCore.App/VERSION next to the runtime's
    /// shared/Microsoft.NETCore.App/VERSION, the same version when it is there (they ship
    /// together), else the newest one of the same major version.
    /// </summary>
    private static string? FindFolder()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (string.IsNullOrEmpty(runtime))
            return null;
        var runtimeVersion = Path.GetFileName(runtime);
        var root = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(runtime)!)!, FrameworkName);
        if (!Directory.Exists(root))
            return null;
        var same = Path.Combine(root, runtimeVersion);
        if (Directory.Exists(same))
            return same;
        var major = Environment.Version.Major;
        return Directory.GetDirectories(root)
            .Select(d => (Folder: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(d => d.Version?.Major == major)
            .OrderByDescending(d => d.Version)
            .Select(d => d.Folder)
            .FirstOrDefault();
    }
}
