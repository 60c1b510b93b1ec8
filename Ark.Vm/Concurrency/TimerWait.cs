using System.Diagnostics;
using Ark.Vm.Values;

namespace Ark.Vm.Concurrency;

/// <summary><c>(sys:sleep ms)</c> in a green thread: parked in the monitor's queue until the deadline.</summary>
internal sealed class TimerWait(Sysmon sysmon, long deadline) : WaitSource
{
    /// <summary>When to wake, in <see cref="Stopwatch"/> ticks.</summary>
    public long Deadline { get; } = deadline;

    internal override bool Park(GreenThread thread)
    {
        sysmon.Add(thread, this);
        return true;
    }

    internal override Value Outcome() => Value.Nil;

    internal override bool WokenOnlyByThreads => false;

    internal override string Describe() => "a sleep";
}
