using ExecutionContext = Ark.Vm.Execution.ExecutionContext;

namespace Ark.Vm.Concurrency;

/// <summary>
/// The one request a running context checks at its safepoints (calls and backward jumps), the
/// way CPython's eval breaker works: the time slice, the GIL's hand-over and the end of the
/// program all ring it, and the context then looks at what was asked. Each OS thread that runs
/// bytecode has its own, so a request reaches the context running on exactly that thread.
/// </summary>
internal sealed class Breaker
{
    [ThreadStatic]
    private static Breaker? t_current;

    /// <summary>Set by a ring until the running context has looked why; a context that starts on the thread looks too.</summary>
    public volatile bool Requested;

    private ExecutionContext? _running;

    /// <summary>The calling thread's breaker.</summary>
    public static Breaker Current => t_current ??= new Breaker();

    /// <summary>
    /// Asks the context running on the thread to stop at its next safepoint. Set the reason
    /// (a flag the context reads in its safepoint) before ringing.
    /// </summary>
    public void Ring()
    {
        Requested = true;
        // paired with Enter's exchange: either the context entering sees Requested, or this
        // sees the context
        Interlocked.MemoryBarrier();
        Volatile.Read(ref _running)?.Interrupt();
    }

    /// <summary>Makes <paramref name="context"/> the one that rings reach, and passes it a ring it would have missed.</summary>
    public void Enter(ExecutionContext context)
    {
        Interlocked.Exchange(ref _running, context);
        if (Requested)
            context.Interrupt();
    }
}
