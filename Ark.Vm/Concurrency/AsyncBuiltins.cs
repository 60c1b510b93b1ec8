using Ark.Vm.Errors;
using Ark.Vm.Execution;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;
using Ark.Vm.Values;

namespace Ark.Vm.Concurrency;

/// <summary><c>async</c> and <c>await</c>: any function can be run as a future at the call site.</summary>
public static class AsyncBuiltins
{
    private static readonly ValueKind[] Callable = [ValueKind.Function, ValueKind.CProc, ValueKind.Closure];

    private static readonly Contract[] AsyncContracts =
    [
        new(new Param("function", Callable), Param.Rest("args")),
        new(new Param("function", Callable)),
    ];

    private static readonly Contract AwaitContract = new(new Param("future", ValueKind.UserType));

    /// <summary><c>(async f args...)</c>: runs <c>(f args...)</c> in parallel and returns its future.</summary>
    public static Value Async(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length == 0 || Array.IndexOf(Callable, args[0].Kind) < 0)
            throw TypeCheck.Error("async", args, AsyncContracts);
        return context.Spawn(args[0], args[1..]);
    }

    /// <summary><c>(await future)</c>: the future's result, once; nil when awaited again.</summary>
    public static Value Await(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length != 1 || args[0].Obj is not UserType { Data: GreenThread task })
            throw TypeCheck.Error("await", args, AwaitContract);
        return context.Await(task);
    }
}
