namespace Ark.Vm.Concurrency;

/// <summary>
/// An OS thread's role as one of the scheduler's workers: what it runs now, and since when, by
/// which the scheduler's clock sees a slice that has gone on too long.
/// </summary>
internal sealed class Worker
{
    public Worker(Scheduler scheduler, bool isRunThread)
    {
        Scheduler = scheduler;
        IsRunThread = isRunThread;
        Breaker = Breaker.Current;
    }

    public Scheduler Scheduler { get; }

    /// <summary>The thread that called <c>Run</c>: it works until the run ends, then returns to its caller.</summary>
    public bool IsRunThread { get; }

    /// <summary>The breaker of the worker's thread.</summary>
    public Breaker Breaker { get; }

    /// <summary>The green thread running now, null between slices.</summary>
    public volatile GreenThread? Current;

    /// <summary>When the running slice started, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public long SliceStart;

    /// <summary>Set by the clock when the running thread should go to the back of the run queue.</summary>
    public volatile bool PreemptRequested;
}
