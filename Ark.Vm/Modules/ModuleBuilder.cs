using Ark.Vm.Errors;
using Ark.Vm.Execution;
using Ark.Vm.Values;

namespace Ark.Vm.Modules;

/// <summary>
/// Collects the names a module binds when it is imported. Every name is bound under the module's
/// prefix: <c>Function("color", ...)</c> in module <c>console</c> binds <c>console:color</c>, and an
/// empty name binds the module's own name (<c>random</c>).
/// </summary>
public sealed class ModuleBuilder
{
    private readonly List<(string Name, Value Value)> _bindings = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Starts collecting the names of module <paramref name="moduleName"/>.</summary>
    public ModuleBuilder(string moduleName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(moduleName);
        ModuleName = moduleName;
    }

    /// <summary>The module's name, which prefixes every name it binds.</summary>
    public string ModuleName { get; }

    /// <summary>The names bound so far, with their values, in registration order.</summary>
    public IReadOnlyList<(string Name, Value Value)> Bindings => _bindings;

    /// <summary>Binds a native function under the module's prefix.</summary>
    /// <param name="name">The name after the prefix (<c>color</c>); empty for the module's own name.</param>
    /// <param name="function">The implementation.</param>
    /// <param name="blocking">
    /// True when the function may wait (network, files, sleeping): in the GIL flavour the lock is
    /// released while it runs, so other contexts keep running.
    /// </param>
    /// <returns>This builder, to chain registrations.</returns>
    /// <remarks>
    /// The function reports misuse with <see cref="ArkException"/>. Any other exception it lets
    /// escape (a bug, an unexpected I/O failure) becomes a runtime error naming the function, so
    /// that the script stops with a message instead of ark crashing.
    /// </remarks>
    public ModuleBuilder Function(string name, NativeFn function, bool blocking = false)
    {
        ArgumentNullException.ThrowIfNull(function);
        var fullName = FullName(name);
        return Bind(fullName, new Value(new NativeFunction(fullName, Guarded(fullName, function)) { IsBlocking = blocking }));
    }

    private static NativeFn Guarded(string fullName, NativeFn function) => (args, context) =>
    {
        try
        {
            return function(args, context);
        }
        // errors the VM reports or acts on itself pass through
        catch (Exception e) when (e is not (ArkException or ArkExitException or ArkRuntimeError or InsufficientExecutionStackException))
        {
            throw new ArkException(ErrorKind.Runtime, $"{fullName} failed: {e.GetType().Name}: {e.Message}");
        }
    };

    /// <summary>Binds a constant under the module's prefix.</summary>
    /// <param name="name">The name after the prefix; empty for the module's own name.</param>
    /// <param name="value">The value; lists and strings are immutable once bound, like every script value.</param>
    /// <returns>This builder, to chain registrations.</returns>
    public ModuleBuilder Constant(string name, Value value) => Bind(FullName(name), value);

    private string FullName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
            return ModuleName;
        if (name.Contains(' ') || name.StartsWith(':'))
            throw new ArgumentException($"'{name}' is not a valid name for module {ModuleName}", nameof(name));
        return $"{ModuleName}:{name}";
    }

    private ModuleBuilder Bind(string fullName, Value value)
    {
        if (!_names.Add(fullName))
            throw new ArgumentException($"module {ModuleName} binds '{fullName}' twice");
        _bindings.Add((fullName, value));
        return this;
    }
}
