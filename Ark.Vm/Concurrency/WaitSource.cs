using Ark.Vm.Values;

namespace Ark.Vm.Concurrency;

/// <summary>
/// Something a green thread can park on: a future, a timer, a native operation in flight.
/// The VM parks a context only once its loop has stopped, so a source that is satisfied while
/// the context is still stopping never resumes it on two workers at once.
/// </summary>
internal abstract class WaitSource
{
    /// <summary>
    /// Registers <paramref name="thread"/> to be made runnable when the wait ends. False when it
    /// has already ended: the thread then goes on at once, without leaving its worker.
    /// </summary>
    internal abstract bool Park(GreenThread thread);

    /// <summary>
    /// What the call that parked returns, read by the thread itself when it resumes; the wait's
    /// error is thrown from here, so that it is raised where the thread waited.
    /// </summary>
    internal abstract Value Outcome();

    /// <summary>
    /// True when only another green thread can end the wait (a future, a channel): when every
    /// live thread waits on such a source, none can ever run again.
    /// </summary>
    internal abstract bool WokenOnlyByThreads { get; }

    /// <summary>What is waited for, for the deadlock report and thread lists.</summary>
    internal abstract string Describe();
}
