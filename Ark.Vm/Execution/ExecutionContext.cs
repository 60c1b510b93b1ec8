using Ark.Vm.Values;

namespace Ark.Vm.Execution;

/// <summary>
/// What one thread of execution owns: its value stack, call frames and view of the globals.
/// Native functions receive the calling context to reach the host and to call back into
/// ArkScript.
/// </summary>
public sealed partial class ExecutionContext
{
    /// <summary>Creates a context for <paramref name="host"/>.</summary>
    public ExecutionContext(ArkHost host) => Host = host;

    /// <summary>The outside world: output, input, arguments.</summary>
    public ArkHost Host { get; }

    /// <summary>Calls an ArkScript function, closure or native function with <paramref name="args"/> and returns its result.</summary>
    public Value Call(Value function, ReadOnlySpan<Value> args)
    {
        if (function.Obj is NativeFunction native)
            return native.Function(args, this);
        throw new NotSupportedException("calling ArkScript functions from native code is not wired yet");
    }
}
