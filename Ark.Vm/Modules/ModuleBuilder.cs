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
    /// True when the function may block its thread (a synchronous library call, walking a
    /// folder): while it runs, its worker's place goes to another thread and, in the GIL flavour,
    /// the lock is released, so other contexts keep running. Where .NET has an asynchronous
    /// operation, prefer <see cref="AsyncFunction"/>, which holds no thread while it waits.
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

    /// <summary>
    /// Binds an asynchronous native function under the module's prefix: for work .NET can do
    /// without holding a thread (network, files, timers, processes). The calling context parks
    /// until the task completes, and its worker runs other contexts meanwhile; in the GIL
    /// flavour the lock is not held while it waits.
    /// </summary>
    /// <param name="name">The name after the prefix; empty for the module's own name.</param>
    /// <param name="function">
    /// The implementation. It receives a copy of the arguments that it may keep across awaits.
    /// A task that has already completed when it returns costs no park at all.
    /// </param>
    /// <returns>This builder, to chain registrations.</returns>
    /// <remarks>
    /// Misuse is reported with <see cref="ArkException"/>, thrown before or after an await. Any
    /// other exception becomes a runtime error naming the function, as with <see cref="Function"/>.
    /// Called from native code (a callback of another native function), or from a context that
    /// is not a green thread (a host's thread), the call blocks its thread until the task completes.
    /// </remarks>
    public ModuleBuilder AsyncFunction(string name, AsyncNativeFn function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var fullName = FullName(name);
        return Bind(fullName, new Value(new NativeFunction(fullName, AsyncAdapter(fullName, function))));
    }

    /// <summary>Adapts an asynchronous function to the VM's call: a completed task is its result at once, any other parks the caller.</summary>
    internal static NativeFn AsyncAdapter(string fullName, AsyncNativeFn function) => Guarded(fullName, (args, context) =>
    {
        var task = function(args.ToArray(), context);
        if (task.IsCompletedSuccessfully)
            return task.Result;
        return context.AwaitNative(task.AsTask(), fullName);
    });

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
