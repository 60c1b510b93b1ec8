using System.Reflection;
using Ark.Vm.Errors;
using Ark.Vm.Values;

namespace Ark.Vm.Modules;

/// <summary>
/// Loads the native modules of one run. A module is found by <see cref="ModuleFiles"/>, its
/// <see cref="IArkModule"/> is created and registered once per run however many contexts import
/// it (at the same time, for futures), and its names are mapped to the program's symbols: only
/// the names the program uses can be read, so the others are left out, as the reference does.
/// Every failure is a <see cref="ErrorKind.Module"/> error that says which file and why; a module
/// that failed fails the same way at every later import of the run.
/// </summary>
internal sealed class ModuleLoader(IReadOnlyList<string> folders, string[] symbols)
{
    private readonly Dictionary<string, Lazy<ModuleBinding[]>> _modules = new(StringComparer.Ordinal);
    private readonly Lock _guard = new();
    private Dictionary<string, int>? _symbolIds;

    /// <summary>The bindings of the module of <paramref name="packagePath"/> (<c>a/b</c>), loading it at the first call.</summary>
    public ModuleBinding[] Load(string packagePath)
    {
        Lazy<ModuleBinding[]> module;
        lock (_guard)
        {
            if (!_modules.TryGetValue(packagePath, out module!))
            {
                module = new Lazy<ModuleBinding[]>(() => Bind(packagePath), LazyThreadSafetyMode.ExecutionAndPublication);
                _modules[packagePath] = module;
            }
        }
        return module.Value;
    }

    private ModuleBinding[] Bind(string packagePath)
    {
        var path = ModuleFiles.Find(folders, packagePath) ?? throw NotFound(packagePath);
        var name = ModuleFiles.ModuleName(packagePath);
        var module = Instantiate(path, name);
        var builder = new ModuleBuilder(name);
        try
        {
            module.Register(builder);
        }
        catch (Exception e)
        {
            throw LoadError(path, $"its Register method failed: {e.Message}");
        }

        var ids = SymbolIds();
        var bindings = new List<ModuleBinding>(builder.Bindings.Count);
        foreach (var (fullName, value) in builder.Bindings)
        {
            if (ids.TryGetValue(fullName, out var symbol))
            {
                // contexts share module values: a list must be copied before it is changed
                value.MarkShared();
                bindings.Add(new ModuleBinding(symbol, value));
            }
        }
        return [.. bindings];
    }

    private static IArkModule Instantiate(string path, string name)
    {
        Type[] types;
        try
        {
            types = ModuleAssemblies.Load(path).GetExportedTypes();
        }
        catch (BadImageFormatException)
        {
            throw LoadError(path, "it is not a .NET assembly");
        }
        catch (Exception e) when (e is FileLoadException or FileNotFoundException or TypeLoadException or ReflectionTypeLoadException)
        {
            throw LoadError(path, $"it could not be loaded: {e.Message}");
        }

        var found = new List<string>();
        var matches = new List<IArkModule>();
        foreach (var type in types)
        {
            if (type.IsAbstract || type.ContainsGenericParameters || !typeof(IArkModule).IsAssignableFrom(type))
                continue;
            if (type.GetConstructor(Type.EmptyTypes) is null)
            {
                found.Add($"{type.FullName} (no public parameterless constructor)");
                continue;
            }
            IArkModule module;
            string moduleName;
            try
            {
                module = (IArkModule)Activator.CreateInstance(type)!;
                moduleName = module.Name;
            }
            catch (Exception e)
            {
                // another class of the assembly may be the module imported: report this one only if none is
                found.Add($"{type.FullName} (creating it failed: {(e is TargetInvocationException { InnerException: { } inner } ? inner : e).Message})");
                continue;
            }
            if (string.Equals(moduleName, name, StringComparison.Ordinal))
                matches.Add(module);
            else
                found.Add($"{type.FullName} named '{moduleName}'");
        }

        if (matches.Count > 1)
            throw LoadError(path, $"it has {matches.Count} modules named '{name}': {string.Join(", ", matches.Select(m => m.GetType().FullName))}");
        if (matches.Count == 0)
        {
            var others = found.Count == 0 ? "" : $" (found: {string.Join(", ", found)})";
            throw LoadError(path, $"it has no public class implementing {typeof(IArkModule).FullName} named '{name}'{others}");
        }
        return matches[0];
    }

    private Dictionary<string, int> SymbolIds()
    {
        lock (_guard)
        {
            if (_symbolIds is null)
            {
                _symbolIds = new Dictionary<string, int>(symbols.Length, StringComparer.Ordinal);
                for (var i = 0; i < symbols.Length; i++)
                    _symbolIds.TryAdd(symbols[i], i);
            }
            return _symbolIds;
        }
    }

    private ArkException NotFound(string packagePath)
    {
        var searched = string.Concat(ModuleFiles.Candidates(folders, packagePath).Select(p => $"\n  - {p}"));
        return new ArkException(ErrorKind.Module, $"Could not find module '{ModuleFiles.FileName(packagePath)}'. Searched in:{searched}");
    }

    private static ArkException LoadError(string path, string reason) =>
        new(ErrorKind.Module, $"Could not load module {path}: {reason}");
}
