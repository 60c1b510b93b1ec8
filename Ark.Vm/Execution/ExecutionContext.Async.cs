using Ark.Vm.Concurrency;
using Ark.Vm.Errors;
using Ark.Vm.Values;

namespace Ark.Vm.Execution;

/// <summary>
/// Starting and awaiting futures. A future runs in a context of its own that shares nothing
/// mutable with its parent: its arguments and the parent's visible variables are copied
/// (lists copy-on-write), its globals are the parent's table as it was (shared until either
/// side writes what the other could read), and every closure environment the parent could
/// change in place is frozen, to be copied by whichever side writes it first.
/// </summary>
public sealed partial class ExecutionContext
{
    private readonly ClosureEnv? _inherited;

    /// <summary>Creates the context of a future.</summary>
    private ExecutionContext(VirtualMachine vm, Value[] globals, EnvVersions? envVersions, ClosureEnv? inherited)
        : this(vm, globals)
    {
        _isFuture = true;
        _globalsShared = true;
        _envVersions = envVersions;
        _inherited = inherited;
        if (inherited is not null)
        {
            var dynamic = _program.DynamicSymbols;
            _dynamicBindings = new int[_dynamicBindings.Length];
            foreach (var symbol in inherited.Symbols)
            {
                if (dynamic[symbol])
                    _dynamicBindings[symbol]++;
            }
        }
    }

    /// <summary>Starts <paramref name="callee"/> on <paramref name="args"/> as a future.</summary>
    internal Value Spawn(Value callee, ReadOnlySpan<Value> args)
    {
        var copied = args.ToArray();
        foreach (var arg in copied)
            arg.MarkShared();
        callee.MarkShared();

        var (globals, envVersions, inherited) = Freeze();
        // futures started one after the other from the same state share what they start from
        if (_lastSeed is not { } seed || seed.Globals != globals || seed.EnvVersions != envVersions || inherited is not null || seed.Inherited is not null)
            _lastSeed = seed = new FutureSeed(Vm, globals, envVersions, inherited);
        var scheduler = Vm.Scheduler;
        var thread = new GreenThread(scheduler, seed, callee, copied)
        {
            Origin = (_program.SourceMap, _ip),
            CalleeName = CalleeName(callee),
        };
        scheduler.Spawn(thread);
        return new Value(new UserType("Future", thread));
    }

    private FutureSeed? _lastSeed;

    /// <summary>The name the callee of <c>async</c> was first bound to, for reports; null for an anonymous function.</summary>
    private static string? CalleeName(Value callee) => callee.Obj switch
    {
        NativeFunction native => native.Name,
        FunctionProto proto => proto.Name,
        Closure closure => closure.Proto.Name,
        _ => null,
    };

    /// <summary>What a future's context starts from: the parent's state as <see cref="Freeze"/> left it.</summary>
    internal sealed record FutureSeed(VirtualMachine Vm, Value[] Globals, EnvVersions? EnvVersions, ClosureEnv? Inherited)
    {
        /// <summary>A fresh context that starts from the seed.</summary>
        public ExecutionContext CreateContext() => new(Vm, Globals, EnvVersions, Inherited);
    }

    /// <summary>
    /// Stops this context from changing in place anything a context created from what it returns
    /// can see, and returns that: the globals table, the closure-environment versions and the
    /// variables of the active calls. The first side to write any of it afterwards copies it.
    /// </summary>
    private (Value[] Globals, EnvVersions? EnvVersions, ClosureEnv? Inherited) Freeze()
    {
        _epoch++;
        if (_envVersions is not null)
            _envVersions.Frozen = true;
        _globalsShared = true;
        foreach (var symbol in _program.ReadableGlobals)
            _globals[symbol].MarkShared();
        return (_globals, _envVersions, VisibleBindings());
    }

    /// <summary>Creates a context that starts from what <see cref="Freeze"/> returned.</summary>
    internal static ExecutionContext FromFrozen(VirtualMachine vm, Value[] globals, EnvVersions? envVersions, ClosureEnv? inherited) =>
        new(vm, globals, envVersions, inherited);

    /// <summary>
    /// Takes a snapshot of this context from which any thread can run calls, each in a fresh
    /// context of its own, the way futures run: an embedder or a native module uses it to run
    /// ArkScript callbacks on threads it does not control (e.g. one per HTTP request).
    /// </summary>
    /// <remarks>
    /// Call it on the thread that runs this context, from a native function. The snapshot sees
    /// the globals and the variables of the active calls as they are now; this context keeps
    /// running unaffected, and later changes on either side are not seen by the other.
    /// </remarks>
    /// <returns>A snapshot that is safe to use from any number of threads at once.</returns>
    public ContextSnapshot Snapshot()
    {
        var (globals, envVersions, inherited) = Freeze();
        return new ContextSnapshot(Vm, globals, envVersions, inherited);
    }

    /// <summary>Runs a future's call in this fresh context.</summary>
    internal Value RunFuture(Value callee, Value[] args)
    {
        _frames[0] = new Frame { Proto = _program.Main, Fp = 0, ReturnIp = -1, CallIp = -1, NameSymbol = -1 };
        _frameCount = 1;
        try
        {
            return Call(callee, args);
        }
        catch (Exception e) when (AsScriptError(e) is { } error)
        {
            throw Fail(error);
        }
    }

    /// <summary>
    /// The variables of the active calls that function code could look up by name: a future
    /// sees them as they are now, as the reference's futures see their parent's scopes.
    /// </summary>
    private ClosureEnv? VisibleBindings()
    {
        Dictionary<int, Value>? bindings = null;
        var readable = _program.GlobalsReadByFunctions;
        for (var f = 1; f < _frameCount; f++)
        {
            ref var frame = ref _frames[f];
            if (frame.Env is { } frameEnv)
            {
                var env = Readable(frameEnv);
                for (var i = 0; i < env.Symbols.Length; i++)
                {
                    if (readable[env.Symbols[i]] && !env.Values[i].IsUnbound)
                        (bindings ??= [])[env.Symbols[i]] = env.Values[i];
                }
            }
            var slots = frame.Proto.SlotSymbols;
            for (var slot = 0; slot < slots.Length; slot++)
            {
                var value = _stack[frame.Fp + slot];
                if (readable[slots[slot]] && !value.IsUnbound)
                    (bindings ??= [])[slots[slot]] = value;
            }
        }
        if (_inherited is not null)
        {
            for (var i = 0; i < _inherited.Symbols.Length; i++)
            {
                if (bindings is null || !bindings.ContainsKey(_inherited.Symbols[i]))
                    (bindings ??= [])[_inherited.Symbols[i]] = _inherited.Values[i];
            }
        }
        if (bindings is null)
            return null;
        var symbols = bindings.Keys.ToArray();
        var values = symbols.Select(s => bindings[s]).ToArray();
        foreach (var value in values)
            value.MarkShared();
        return new ClosureEnv(symbols, [.. symbols.Select(SymbolName)], values);
    }
}
