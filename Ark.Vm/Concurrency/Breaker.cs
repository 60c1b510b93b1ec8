namespace Ark.Vm.Concurrency;

/// <summary>
/// The one flag a running context checks at its safepoints (calls and backward jumps), the way
/// CPython's eval breaker works: the time slice, the GIL's hand-over request and the end of
/// the program all ring it, and the context then looks at what was asked. Each OS thread that
/// runs bytecode has its own, so a request reaches exactly the thread it is meant for.
/// </summary>
internal sealed class Breaker
{
    [ThreadStatic]
    private static Breaker? t_current;

    /// <summary>Set when the running context should stop at its next safepoint and look why.</summary>
    public volatile bool Requested;

    /// <summary>The calling thread's breaker.</summary>
    public static Breaker Current => t_current ??= new Breaker();
}
