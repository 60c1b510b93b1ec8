namespace Ark.Vm.Concurrency;

/// <summary>
/// The global interpreter lock of the GIL flavour (built with <c>-p:ArkGil=true</c>). A thread
/// holds it while it runs bytecode and lets it go while it blocks (await, sleep, blocking
/// native calls). A timer asks the holder to hand it over every <see cref="SwitchInterval"/>
/// when another thread is waiting; the holder checks the request at calls and backward jumps,
/// the way CPython's eval breaker works. In the default flavour every member compiles to nothing.
/// </summary>
public static class GlobalInterpreterLock
{
    /// <summary>True when this build has the lock.</summary>
    public const bool Enabled =
#if ARK_GIL
        true;
#else
        false;
#endif

#if ARK_GIL
    private static readonly object Gate = new();
    private static bool _held;
    private static int _waiting;
    private static long _handovers;
    private static readonly Timer SwitchTimer = new(_ => RequestSwitch(), null, Timeout.Infinite, Timeout.Infinite);
    private static TimeSpan _interval = TimeSpan.FromMilliseconds(5);
#endif

    /// <summary>
    /// How long a thread may run bytecode while others wait for the lock (5 ms by default;
    /// the <c>ARK_GIL_SWITCH_MS</c> environment variable sets it for <c>ark</c>).
    /// </summary>
    public static TimeSpan SwitchInterval
    {
#if ARK_GIL
        get => _interval;
        set
        {
            _interval = value > TimeSpan.Zero ? value : TimeSpan.FromMilliseconds(1);
            SwitchTimer.Change(_interval, _interval);
        }
#else
        get => TimeSpan.Zero;
        set { }
#endif
    }

#if ARK_GIL
    /// <summary>
    /// The hand-over request, as an object the dispatch loop keeps a reference to: precompiled
    /// code reads a static field of this class (it has a static constructor) through a helper call.
    /// </summary>
    internal sealed class HandoverSignal
    {
        public volatile bool Requested;
    }

    /// <summary>The hand-over request; execution contexts keep a reference to it.</summary>
    internal static readonly HandoverSignal Signal = new();
#endif

    /// <summary>
    /// True when the holder should hand the lock over. The dispatch loop reads the same flag
    /// through its context's reference to <c>Signal</c>.
    /// </summary>
    public static bool SwitchRequested
    {
        get
        {
#if ARK_GIL
            return Signal.Requested;
#else
            return false;
#endif
        }
    }

    /// <summary>Takes the lock, waiting for the holder to let it go.</summary>
    public static void Acquire()
    {
#if ARK_GIL
        lock (Gate)
        {
            _waiting++;
            if (_waiting == 1)
                SwitchTimer.Change(_interval, _interval);
            while (_held)
                Monitor.Wait(Gate);
            _waiting--;
            _held = true;
            _handovers++;
            // nobody waits: no need to interrupt the holder until someone does
            if (_waiting == 0)
                SwitchTimer.Change(Timeout.Infinite, Timeout.Infinite);
        }
#endif
    }

    /// <summary>Lets the lock go.</summary>
    public static void Release()
    {
#if ARK_GIL
        lock (Gate)
        {
            _held = false;
            Monitor.PulseAll(Gate);
        }
#endif
    }

    /// <summary>Hands the lock to a waiting thread, if any, then takes it back.</summary>
    public static void Yield()
    {
#if ARK_GIL
        lock (Gate)
        {
            Signal.Requested = false;
            if (_waiting == 0)
                return;
            var handovers = _handovers;
            _held = false;
            Monitor.PulseAll(Gate);
            // wait until another thread actually took it, or this thread would win it back at once
            while (_handovers == handovers && _waiting > 0)
                Monitor.Wait(Gate);
            _waiting++;
            while (_held)
                Monitor.Wait(Gate);
            _waiting--;
            _held = true;
            _handovers++;
        }
#endif
    }

#if ARK_GIL
    private static void RequestSwitch()
    {
        if (Volatile.Read(ref _waiting) > 0)
            Signal.Requested = true;
    }
#endif
}
