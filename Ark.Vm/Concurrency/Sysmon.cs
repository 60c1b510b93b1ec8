using System.Diagnostics;

namespace Ark.Vm.Concurrency;

/// <summary>
/// A scheduler's timed work, run by the <see cref="Clock"/> (Go calls this part sysmon): it
/// wakes sleeping green threads when their time is up, from one queue ordered by deadline
/// rather than a timer each, and every <see cref="Clock.Period"/> while green threads are live
/// it asks a worker whose thread has run a whole period to let the queued ones run.
/// </summary>
internal sealed class Sysmon(Scheduler scheduler) : IClockClient
{
    private readonly object _lock = new();
    private readonly PriorityQueue<GreenThread, long> _sleepers = new();
    // the earliest time asked of the clock, under _lock
    private long _askedFor = long.MaxValue;
    private int _preempting;

    /// <summary>Starts the time-slice checks, if they are not running: a second green thread exists.</summary>
    public void EnsureRunning()
    {
        if (Volatile.Read(ref _preempting) != 0 || Interlocked.Exchange(ref _preempting, 1) != 0)
            return;
        Ask(Stopwatch.GetTimestamp() + Clock.Period);
    }

    /// <summary>Parks <paramref name="thread"/> until <paramref name="wait"/>'s deadline.</summary>
    public void Add(GreenThread thread, TimerWait wait)
    {
        lock (_lock)
            _sleepers.Enqueue(thread, wait.Deadline);
        Ask(wait.Deadline);
    }

    private void Ask(long at)
    {
        lock (_lock)
        {
            if (at >= _askedFor)
                return;
            _askedFor = at;
        }
        Clock.WakeAt(this, at);
    }

    public long Tick(long now)
    {
        List<GreenThread>? due = null;
        lock (_lock)
        {
            while (_sleepers.TryPeek(out var sleeper, out var deadline) && deadline <= now)
            {
                _sleepers.Dequeue();
                (due ??= []).Add(sleeper);
            }
            // the clock has dropped this client's time: a sleeper added from now on asks anew
            _askedFor = long.MaxValue;
        }
        if (due is not null && !scheduler.Stopping)
        {
            foreach (var thread in due)
                scheduler.Wake(thread, wasBlocked: false);
        }
        scheduler.Preempt(now);
        var next = long.MaxValue;
        // off before the count is read: a thread started meanwhile turns the checks on again
        Interlocked.Exchange(ref _preempting, 0);
        if (scheduler.Live > 0 && !scheduler.Stopping)
        {
            Interlocked.Exchange(ref _preempting, 1);
            next = now + Clock.Period;
        }
        lock (_lock)
        {
            if (_sleepers.TryPeek(out _, out var first))
                next = Math.Min(next, first);
            _askedFor = Math.Min(_askedFor, next);
        }
        return next;
    }
}
