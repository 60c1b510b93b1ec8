using Ark.Vm.Errors;
using Ark.Vm.Execution;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;
using Ark.Vm.Values;

namespace Ark.Vm.Concurrency;

/// <summary>
/// An asynchronous native function's operation in flight (a module's
/// <see cref="Modules.ModuleBuilder.AsyncFunction"/>): the calling context is parked until the
/// task completes, and the worker runs other contexts meanwhile.
/// </summary>
internal sealed class NativeOperationWait(ExecutionContext context, Task<Value> task, string name) : WaitSource
{
    internal override bool Park(GreenThread thread)
    {
        if (task.IsCompleted)
            return false;
        var scheduler = context.Vm.Scheduler;
        task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => scheduler.Wake(thread, wasBlocked: false));
        return true;
    }

    internal override Value Outcome()
    {
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not (ArkException or ArkExitException or ArkRuntimeError or InsufficientExecutionStackException))
        {
            throw new ArkException(ErrorKind.Runtime, $"{name} failed: {e.GetType().Name}: {e.Message}");
        }
    }

    internal override bool WokenOnlyByThreads => false;

    internal override string Describe() => $"the native operation {name}";
}
