using System.Diagnostics;

namespace Ark.Vm.Concurrency;

/// <summary>
/// The scheduler's one helper thread (Go calls it sysmon): it wakes sleeping green threads when
/// their time is up, from one queue ordered by deadline rather than a timer each, and every
/// <see cref="TickMs"/> it asks a worker whose thread has run a whole tick to let the queued
/// ones run. It is started when a program first sleeps or starts a future, and ends when no
/// green thread is live.
/// </summary>
internal sealed class Sysmon
{
    /// <summary>The monitor's period: a slice lasts one to two ticks when others are waiting.</summary>
    public const int TickMs = 2;

    private readonly Scheduler _scheduler;
    private readonly object _lock = new();
    private readonly PriorityQueue<(GreenThread Thread, TimerWait Wait), long> _sleepers = new();
    private bool _running;
    private volatile bool _stopped;

    public Sysmon(Scheduler scheduler) => _scheduler = scheduler;

    /// <summary>Starts the monitor's thread if it is not running.</summary>
    public void EnsureRunning()
    {
        if (Volatile.Read(ref _running))
            return;
        lock (_lock)
            StartLocked();
    }

    /// <summary>Parks <paramref name="thread"/> until <paramref name="wait"/>'s deadline.</summary>
    public void Add(GreenThread thread, TimerWait wait)
    {
        lock (_lock)
        {
            _sleepers.Enqueue((thread, wait), wait.Deadline);
            StartLocked();
            // a new earliest deadline: the monitor recomputes how long it sleeps
            if (_sleepers.Peek().Thread == thread)
                Monitor.Pulse(_lock);
        }
    }

    /// <summary>Ends the monitor's thread once the run is over or stopping.</summary>
    public void StopIfIdle()
    {
        lock (_lock)
        {
            if (_scheduler.Live == 0 || _scheduler.Stopping)
            {
                _stopped = true;
                Monitor.Pulse(_lock);
            }
        }
    }

    private void StartLocked()
    {
        if (_running)
            return;
        _stopped = false;
        _running = true;
        new Thread(Loop) { IsBackground = true, Name = "ark-sysmon" }.Start();
    }

    private void Loop()
    {
        List<GreenThread> due = [];
        while (true)
        {
            lock (_lock)
            {
                while (true)
                {
                    if (_stopped || _scheduler.Stopping || (_scheduler.Live == 0 && _sleepers.Count == 0))
                    {
                        _running = false;
                        return;
                    }
                    var now = Stopwatch.GetTimestamp();
                    while (_sleepers.TryPeek(out var sleeper, out var deadline) && deadline <= now)
                    {
                        _sleepers.Dequeue();
                        due.Add(sleeper.Thread);
                    }
                    if (due.Count > 0)
                        break;
                    var wait = TickMs;
                    if (_sleepers.TryPeek(out _, out var next))
                        wait = (int)Math.Clamp(Stopwatch.GetElapsedTime(now, next).TotalMilliseconds + 1, 1, TickMs);
                    if (!Monitor.Wait(_lock, wait))
                        break;
                }
            }
            foreach (var thread in due)
                _scheduler.Wake(thread, wasBlocked: false);
            due.Clear();
            _scheduler.Preempt();
        }
    }
}
