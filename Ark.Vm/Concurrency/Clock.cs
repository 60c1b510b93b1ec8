using System.Diagnostics;

namespace Ark.Vm.Concurrency;

/// <summary>Something the <see cref="Clock"/> calls back at a time it asked for.</summary>
internal interface IClockClient
{
    /// <summary>Does what is due at <paramref name="now"/>; returns when it next needs a call, or <see cref="long.MaxValue"/> for none until it asks again.</summary>
    long Tick(long now);
}

/// <summary>
/// The process's one timer thread (times are <see cref="Stopwatch"/> ticks): it wakes sleeping
/// green threads, ends time slices and asks the GIL's holder to hand over, for every VM at
/// once. A <see cref="System.Threading.Timer"/> would run its callbacks on the thread pool,
/// which starts several threads of its own; this is one thread, and it exists only while a
/// client has asked for a time.
/// </summary>
internal static class Clock
{
    private static readonly object Lock = new();
    private static readonly Dictionary<IClockClient, long> Wanted = [];
    private static bool _running;

    /// <summary>The period of the time-slice and hand-over checks: 2 ms.</summary>
    public static readonly long Period = Stopwatch.Frequency / 500;

    /// <summary>Asks for a call of <paramref name="client"/> at <paramref name="at"/>, or earlier if it had asked for an earlier time.</summary>
    public static void WakeAt(IClockClient client, long at)
    {
        lock (Lock)
        {
            if (Wanted.TryGetValue(client, out var already) && already <= at)
                return;
            Wanted[client] = at;
            if (!_running)
            {
                _running = true;
                new Thread(Loop) { IsBackground = true, Name = "ark-clock" }.Start();
            }
            else
                Monitor.Pulse(Lock);
        }
    }

    private static void Loop()
    {
        List<IClockClient> due = [];
        while (true)
        {
            lock (Lock)
            {
                while (true)
                {
                    if (Wanted.Count == 0)
                    {
                        _running = false;
                        return;
                    }
                    var now = Stopwatch.GetTimestamp();
                    var next = long.MaxValue;
                    foreach (var (client, at) in Wanted)
                    {
                        if (at <= now)
                            due.Add(client);
                        else
                            next = Math.Min(next, at);
                    }
                    if (due.Count > 0)
                    {
                        foreach (var client in due)
                            Wanted.Remove(client);
                        break;
                    }
                    Monitor.Wait(Lock, (int)Math.Ceiling(Stopwatch.GetElapsedTime(now, next).TotalMilliseconds));
                }
            }
            var tickAt = Stopwatch.GetTimestamp();
            foreach (var client in due)
            {
                long again;
                try
                {
                    again = client.Tick(tickAt);
                }
                catch (Exception)
                {
                    // nothing a client does may end the clock for every other: it is asked again
                    again = tickAt + Period;
                }
                if (again != long.MaxValue)
                    WakeAt(client, again);
            }
            due.Clear();
        }
    }
}
