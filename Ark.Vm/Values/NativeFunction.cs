using Ark.Vm.Execution;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;

namespace Ark.Vm.Values;

/// <summary>
/// The signature of every native function, builtin or module: the arguments, the calling
/// context (for output, callbacks into ArkScript and errors) and the result.
/// </summary>
/// <param name="args">The arguments, in call order. Valid only during the call.</param>
/// <param name="context">The execution context that made the call.</param>
/// <returns>The result; return <see cref="Value.Nil"/> when there is nothing to return.</returns>
public delegate Value NativeFn(ReadOnlySpan<Value> args, ExecutionContext context);

/// <summary>
/// The signature of an asynchronous native function (<see cref="Modules.ModuleBuilder.AsyncFunction"/>):
/// the calling context parks until the returned task completes, and its worker runs other
/// contexts meanwhile.
/// </summary>
/// <param name="args">The arguments, in call order: a copy the function owns, usable after its first await.</param>
/// <param name="context">
/// The execution context that made the call. Use it before the first await only: once the
/// function has let go of its thread, the context may be running elsewhere.
/// </param>
/// <returns>The result; complete the task with <see cref="Value.Nil"/> when there is nothing to return.</returns>
public delegate ValueTask<Value> AsyncNativeFn(Value[] args, ExecutionContext context);

/// <summary>A native function value (<c>CProc</c> to <c>(type x)</c>).</summary>
public sealed class NativeFunction : ArkObject
{
    /// <summary>Wraps a native function under the name scripts call it by.</summary>
    public NativeFunction(string name, NativeFn function) : base(ValueKind.CProc)
    {
        Name = name;
        Function = function;
    }

    /// <summary>The name scripts call it by, e.g. <c>list:reverse</c>.</summary>
    public string Name { get; }

    /// <summary>The implementation.</summary>
    public NativeFn Function { get; }

    /// <summary>
    /// True for functions that can only block (a synchronous library call, walking a folder):
    /// while one runs, its worker's place goes to another thread and the GIL flavour lets the
    /// lock go, so other contexts keep running. Functions that wait on an asynchronous
    /// operation park their caller instead (<see cref="AsyncNativeFn"/>) and are not blocking.
    /// </summary>
    public bool IsBlocking { get; init; }
}
