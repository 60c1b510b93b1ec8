using Ark.Vm.Concurrency;
using Ark.Vm.Values;

namespace Ark.Vm.Execution;

/// <summary>
/// A frozen view of an execution context (see <see cref="ExecutionContext.Snapshot"/>) from
/// which any thread can call ArkScript functions. Every call runs in a fresh context of its own,
/// exactly like a future: calls share nothing mutable with each other or with the context the
/// snapshot was taken from, so any number of them can run in parallel.
/// </summary>
/// <remarks>
/// In the GIL flavour <see cref="Call"/> takes the global interpreter lock for the duration of
/// the call (the callee lets it go while it blocks, as every context does), so it must not be
/// called from a thread that already holds it: call it from threads of your own or from the
/// thread pool, not from inside a native function that was not registered as blocking.
/// </remarks>
public sealed class ContextSnapshot
{
    private readonly Value[] _globals;
    private readonly EnvVersions? _envVersions;
    private readonly ClosureEnv? _inherited;

    internal ContextSnapshot(VirtualMachine vm, Value[] globals, EnvVersions? envVersions, ClosureEnv? inherited)
    {
        Vm = vm;
        _globals = globals;
        _envVersions = envVersions;
        _inherited = inherited;
    }

    /// <summary>The VM the snapshot's calls run on.</summary>
    public VirtualMachine Vm { get; }

    /// <summary>
    /// Calls <paramref name="function"/> (a function, closure or native function) with
    /// <paramref name="args"/> in a fresh context and returns its result. Thread-safe.
    /// </summary>
    /// <param name="function">What to call; it sees the globals as they were at the snapshot.</param>
    /// <param name="args">The arguments, handed over as they are (lists are copy-on-write).</param>
    /// <returns>The call's result.</returns>
    /// <exception cref="ArkRuntimeError">
    /// The call failed; the error carries the report <c>ark</c> would print (message, call stack)
    /// and the source location. The snapshot stays usable.
    /// </exception>
    /// <exception cref="ArkExitException">The call ran <c>sys:exit</c>.</exception>
    public Value Call(Value function, ReadOnlySpan<Value> args)
    {
        var copied = args.ToArray();
        foreach (var arg in copied)
            arg.MarkShared();
        function.MarkShared();
        GlobalInterpreterLock.Acquire();
        try
        {
            return ExecutionContext.FromFrozen(Vm, _globals, _envVersions, _inherited).RunFuture(function, copied);
        }
        finally
        {
            GlobalInterpreterLock.Release();
        }
    }
}
