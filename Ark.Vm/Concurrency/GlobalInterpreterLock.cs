namespace Ark.Vm.Concurrency;

/// <summary>
/// The global interpreter lock of the GIL flavour (built with <c>-p:ArkGil=true</c>). A thread
/// holds it while it runs bytecode and lets it go while it blocks (a parked context, a blocking
/// native call). A timer asks the holder to hand it over every <see cref="SwitchInterval"/>
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
    // the clock asks for hand-overs while a thread waits: a script that never runs two threads
    // at once never starts the clock's thread
    private static bool _switchTimerArmed;
    private static long _nextSwitch;
    private static readonly SwitchClock Switches = new();
    private static TimeSpan _interval = TimeSpan.FromMilliseconds(5);
    private static volatile bool _switchRequested;
    // the breaker of the thread holding the lock: the switch timer rings it
    private static Breaker? _holderBreaker;
    // the managed id of the thread holding the lock, 0 when it is free
    private static int _holderThread;
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
            lock (Gate)
            {
                _interval = value > TimeSpan.Zero ? value : TimeSpan.FromMilliseconds(1);
                if (_switchTimerArmed)
                    ArmSwitchTimer();
            }
        }
#else
        get => TimeSpan.Zero;
        set { }
#endif
    }

    /// <summary>
    /// True when a thread waits for the lock and the holder should hand it over. The holder's
    /// running context sees the request through its thread's breaker, which the switch timer rings.
    /// </summary>
    public static bool SwitchRequested
    {
        get
        {
#if ARK_GIL
            return _switchRequested;
#else
            return false;
#endif
        }
    }

    /// <summary>
    /// True when the calling thread holds the lock; always false in the default flavour. A
    /// thread that blocks lets the lock go only if it holds it: a host's thread calling a native
    /// function directly does not, and must neither free the lock another thread holds nor
    /// come back holding it.
    /// </summary>
    internal static bool HeldByCurrentThread
    {
        get
        {
#if ARK_GIL
            // only the calling thread can set its own id here, so this read needs no lock
            return Volatile.Read(ref _holderThread) == Environment.CurrentManagedThreadId;
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
            TakeWhenFree();
#endif
    }

    /// <summary>Lets the lock go.</summary>
    public static void Release()
    {
#if ARK_GIL
        lock (Gate)
        {
            _held = false;
            _holderThread = 0;
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
            _switchRequested = false;
            if (_waiting == 0)
                return;
            var handovers = _handovers;
            _held = false;
            _holderThread = 0;
            // counted as waiting before the next holder takes over, so that the switch timer
            // goes on running for it and the next holder hands back in turn
            _waiting++;
            Monitor.PulseAll(Gate);
            // until another thread actually took it, or this thread would win it back at once
            while (_held || _handovers == handovers)
                Monitor.Wait(Gate);
            Take();
        }
#endif
    }

#if ARK_GIL
    /// <summary>
    /// Waits under <c>Gate</c> until the lock is free, then takes it. The switch timer runs
    /// exactly while a thread waits for a holder, to ask the holder to hand over.
    /// </summary>
    private static void TakeWhenFree()
    {
        _waiting++;
        if (_held && !_switchTimerArmed)
            ArmSwitchTimer();
        while (_held)
            Monitor.Wait(Gate);
        Take();
    }

    /// <summary>Takes the free lock under <c>Gate</c> for a thread counted in <c>_waiting</c>.</summary>
    private static void Take()
    {
        _waiting--;
        _held = true;
        _handovers++;
        _holderBreaker = Breaker.Current;
        _holderThread = Environment.CurrentManagedThreadId;
        // the clock's next call finds nobody waiting and stops asking
        if (_waiting == 0)
            _switchTimerArmed = false;
    }

    /// <summary>Under <c>Gate</c>: a hand-over is asked for one interval from now, and every interval after while a thread waits.</summary>
    private static void ArmSwitchTimer()
    {
        _switchTimerArmed = true;
        _nextSwitch = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(_interval.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        Clock.WakeAt(Switches, _nextSwitch);
    }

    /// <summary>The clock's calls: each interval that a thread has waited, the holder is asked to hand over.</summary>
    private sealed class SwitchClock : IClockClient
    {
        public long Tick(long now)
        {
            lock (Gate)
            {
                if (!_switchTimerArmed || _waiting == 0)
                {
                    _switchTimerArmed = false;
                    return long.MaxValue;
                }
                if (now >= _nextSwitch)
                {
                    _switchRequested = true;
                    _holderBreaker?.Ring();
                    _nextSwitch = now + (long)(_interval.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
                }
                return _nextSwitch;
            }
        }
    }
#endif
}
