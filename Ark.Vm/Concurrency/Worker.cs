namespace Ark.Vm.Concurrency;

/// <summary>
/// An OS thread's role as one of the scheduler's workers: what it runs now, and the count of
/// slices it has started, by which the scheduler's monitor sees a slice that has gone on too long.
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

    /// <summary>Incremented at the start of every slice.</summary>
    public int Slice;

    /// <summary>The slice the monitor saw at its previous tick.</summary>
    public int SliceSeen = -1;

    /// <summary>Set by the monitor when the running thread should go to the back of the run queue.</summary>
    public volatile bool PreemptRequested;
}
