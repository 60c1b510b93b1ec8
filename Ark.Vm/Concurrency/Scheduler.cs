using System.Collections.Concurrent;
using Ark.Vm.Execution;

namespace Ark.Vm.Concurrency;

/// <summary>
/// Runs green threads on a few OS workers, one per core. A thread runs until it ends, parks
/// (await, sleep, a native operation) or uses up its time slice, and then its worker takes the
/// next one from the run queue: no worker ever waits for a thread, and none runs one thread's
/// code on behalf of another. The thread that calls <see cref="Run"/> is a worker until the
/// run ends; the others are started when there is work for them and leave when none is left.
/// A worker that calls a blocking native function gives up its place while it blocks, and
/// another thread takes it, so that bytecode keeps running on as many threads as there are cores.
/// </summary>
internal sealed class Scheduler
{
    private readonly ConcurrentQueue<GreenThread> _runQueue = new();
    private readonly object _idleLock = new();
    private readonly object _workersLock = new();
    private readonly object _liveLock = new();
    private readonly ConcurrentQueue<GreenThread> _failed = new();
    private readonly int _maxWorkers = WorkerCount;
    private const int SpinIterations = 40;
    private int _idle;
    private int _workers;
    private volatile Worker[] _allWorkers = [];
    private int _live;
    private long _lastId;
    private int _blocked;
    private GreenThread? _liveHead;
    private volatile bool _stopping;
    private int _exitCode;
    private int _exitRequested;
    private ArkRuntimeError? _deadlock;
    private Sysmon? _sysmon;

    /// <summary>
    /// The number of workers that run bytecode at once: one per core, or one with the GIL, which
    /// lets a single thread run bytecode at a time anyway (more workers would only take turns at
    /// the lock; a worker that blocks in a native function still hands its place to another).
    /// </summary>
    public static int WorkerCount => GlobalInterpreterLock.Enabled ? 1 : Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// How long a context runs while others wait to run before it goes to the back of the queue:
    /// one clock period (to two), or the GIL's switch interval in that flavour, so that the
    /// interval still says how long a context keeps the lock from the others.
    /// </summary>
    private static long SliceLength => GlobalInterpreterLock.Enabled
        ? (long)(GlobalInterpreterLock.SwitchInterval.TotalSeconds * System.Diagnostics.Stopwatch.Frequency)
        : Clock.Period;

    /// <summary>True once the program is ending (<c>sys:exit</c>, a deadlock): contexts stop at their next safepoint.</summary>
    public bool Stopping => _stopping;

    /// <summary>The code <c>sys:exit</c> asked for, once it was called.</summary>
    public int? ExitCode => Volatile.Read(ref _exitRequested) != 0 ? Volatile.Read(ref _exitCode) : null;

    /// <summary>The report of the deadlock that ended the run, if one did.</summary>
    public ArkRuntimeError? Deadlock => _deadlock;

    /// <summary>Sleepers' timer and time-slice checks, run by the clock once a second thread or the first sleeper appears.</summary>
    public Sysmon Sysmon
    {
        get
        {
            if (_sysmon is { } started)
                return started;
            lock (_workersLock)
                return _sysmon ??= new Sysmon(this);
        }
    }

    /// <summary>
    /// Runs <paramref name="main"/> and every thread it starts on the calling thread and the
    /// workers, until all of them have ended or the program stops.
    /// </summary>
    public void Run(GreenThread main)
    {
        AddLive(main);
        var worker = AddWorker(isRunThread: true);
        try
        {
            // main goes first, on this thread: a script that starts no future needs no other
            _runQueue.Enqueue(main);
            WorkLoop(worker);
        }
        finally
        {
            RemoveWorker(worker);
        }
    }

    /// <summary>Starts a future: it is live from now on, and runnable.</summary>
    public void Spawn(GreenThread thread)
    {
        thread.Id = Interlocked.Increment(ref _lastId);
        AddLive(thread);
        Sysmon.EnsureRunning();
        Enqueue(thread);
    }

    /// <summary>Puts a runnable thread at the back of the run queue and finds a worker for it.</summary>
    public void Enqueue(GreenThread thread)
    {
        // a wait that ends once the program is stopping wakes nobody: nothing runs any more
        if (_stopping)
            return;
        _runQueue.Enqueue(thread);
        if (Volatile.Read(ref _idle) > 0)
        {
            lock (_idleLock)
                Monitor.Pulse(_idleLock);
        }
        else
            TryAddWorkerThread();
    }

    /// <summary>Makes a parked thread runnable; <paramref name="wasBlocked"/> when its wait counted toward a deadlock.</summary>
    public void Wake(GreenThread thread, bool wasBlocked)
    {
        if (wasBlocked)
            Interlocked.Decrement(ref _blocked);
        Enqueue(thread);
    }

    /// <summary>Called once a thread has parked on <paramref name="source"/>.</summary>
    public void OnParked(WaitSource source)
    {
        if (source.WokenOnlyByThreads && Interlocked.Increment(ref _blocked) >= Volatile.Read(ref _live))
            CheckDeadlock();
    }

    /// <summary>Called once a thread has ended and woken its waiters.</summary>
    public void OnFinished(GreenThread thread)
    {
        if (thread.FailedUnawaited)
            _failed.Enqueue(thread);
        RemoveLive(thread);
        var live = Interlocked.Decrement(ref _live);
        if (live == 0)
            WakeAllIdle();
        else if (Volatile.Read(ref _blocked) >= live)
            CheckDeadlock();
    }

    /// <summary>Ends the program with <paramref name="code"/>: the first exit wins, and every context stops.</summary>
    public void Exit(int code)
    {
        if (Interlocked.CompareExchange(ref _exitRequested, 1, 0) == 0)
        {
            Volatile.Write(ref _exitCode, code);
            Stop();
        }
    }

    /// <summary>Throws the exit that stops a context that is still running, when the program is ending.</summary>
    public void ThrowIfStopping()
    {
        if (_stopping)
            throw new ArkExitException(ExitCode ?? 1);
    }

    /// <summary>The futures that failed without anyone awaiting them, in the order they were started.</summary>
    public IEnumerable<GreenThread> FailedUnawaited() => _failed.Where(t => t.FailedUnawaited).OrderBy(t => t.Id);

    /// <summary>
    /// The worker's place is given up while its thread blocks in a native function: another
    /// thread is started if runnable threads are waiting, so bytecode goes on running.
    /// </summary>
    public void EnterBlocking()
    {
        Interlocked.Decrement(ref _workers);
        if (!_runQueue.IsEmpty && Volatile.Read(ref _idle) == 0)
            TryAddWorkerThread();
    }

    /// <summary>The thread is back from blocking: it is a worker again, one too many until some worker leaves at the end of a slice.</summary>
    public void LeaveBlocking() => Interlocked.Increment(ref _workers);

    /// <summary>The clock's ticks: asks every worker whose slice has lasted its length to let the queued threads run.</summary>
    internal void Preempt(long now)
    {
        if (_runQueue.IsEmpty)
            return;
        var length = SliceLength;
        foreach (var worker in _allWorkers)
        {
            if (worker.Current is not null && now - Volatile.Read(ref worker.SliceStart) >= length)
            {
                worker.PreemptRequested = true;
                worker.Breaker.Ring();
            }
        }
    }

    /// <summary>The number of live threads: the monitor stops ticking when there is none.</summary>
    internal int Live => Volatile.Read(ref _live);

    private void RunOne(GreenThread thread, Worker worker)
    {
        Volatile.Write(ref worker.SliceStart, System.Diagnostics.Stopwatch.GetTimestamp());
        worker.Current = thread;
        try
        {
            thread.RunSlice(worker);
        }
        finally
        {
            worker.Current = null;
            worker.PreemptRequested = false;
        }
    }

    private void WorkLoop(Worker worker)
    {
        // The GIL is held from one slice to the next while there is work, and let go only to
        // wait for work: a thread waiting for it is handed it at the running context's next
        // safepoint, as the switch interval asks, so slices need not each take and release it.
        GlobalInterpreterLock.Acquire();
        try
        {
            while (!_stopping)
            {
                if (_runQueue.TryDequeue(out var thread))
                {
                    try
                    {
                        RunOne(thread, worker);
                    }
                    catch (Exception e)
                    {
                        // a thread's own failures end that thread (RunSlice); this is the scheduler's
                        Crash(e);
                        return;
                    }
                    // back from a blocking call with every place taken: this thread leaves
                    if (!worker.IsRunThread && Volatile.Read(ref _workers) > _maxWorkers)
                        return;
                    continue;
                }
                GlobalInterpreterLock.Release();
                var more = WaitForWork();
                GlobalInterpreterLock.Acquire();
                if (!more)
                    return;
            }
        }
        finally
        {
            GlobalInterpreterLock.Release();
        }
    }

    /// <summary>Waits until a thread is runnable; false when the run is over (nothing live) or stopping.</summary>
    private bool WaitForWork()
    {
        // A short spin first: a thread that starts or wakes futures one after the other would
        // otherwise wake a sleeping worker (a system call on each side) for every one of them.
        // An idle worker that spins is not counted as idle, so nobody signals it.
        var spinner = new SpinWait();
        for (var i = 0; i < SpinIterations; i++)
        {
            if (!_runQueue.IsEmpty)
                return true;
            if (_stopping || Volatile.Read(ref _live) == 0)
                return false;
            spinner.SpinOnce(sleep1Threshold: -1);
        }
        Interlocked.Increment(ref _idle);
        try
        {
            lock (_idleLock)
            {
                while (_runQueue.IsEmpty)
                {
                    if (_stopping || Volatile.Read(ref _live) == 0)
                        return false;
                    Monitor.Wait(_idleLock);
                }
                return true;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _idle);
        }
    }

    private void WakeAllIdle()
    {
        lock (_idleLock)
            Monitor.PulseAll(_idleLock);
    }

    private void TryAddWorkerThread()
    {
        var workers = Volatile.Read(ref _workers);
        while (workers < _maxWorkers)
        {
            if (Interlocked.CompareExchange(ref _workers, workers + 1, workers) == workers)
            {
                var thread = new Thread(WorkerThread) { IsBackground = true, Name = "ark-worker" };
                thread.Start();
                return;
            }
            workers = Volatile.Read(ref _workers);
        }
    }

    private void WorkerThread()
    {
        // counted in _workers by the thread that started this one
        var worker = AddWorker(isRunThread: false, counted: true);
        try
        {
            WorkLoop(worker);
        }
        finally
        {
            RemoveWorker(worker);
        }
    }

    private Worker AddWorker(bool isRunThread, bool counted = false)
    {
        if (!counted)
            Interlocked.Increment(ref _workers);
        var worker = new Worker(this, isRunThread);
        lock (_workersLock)
            _allWorkers = [.. _allWorkers, worker];
        return worker;
    }

    private void RemoveWorker(Worker worker)
    {
        Interlocked.Decrement(ref _workers);
        lock (_workersLock)
            _allWorkers = Array.FindAll(_allWorkers, w => w != worker);
        // a thread queued as this worker left is picked up by a new one
        if (!_runQueue.IsEmpty && !_stopping)
            TryAddWorkerThread();
    }

    private void AddLive(GreenThread thread)
    {
        Interlocked.Increment(ref _live);
        lock (_liveLock)
        {
            thread.LiveNext = _liveHead;
            if (_liveHead is not null)
                _liveHead.LivePrevious = thread;
            _liveHead = thread;
        }
    }

    private void RemoveLive(GreenThread thread)
    {
        lock (_liveLock)
        {
            if (thread.LivePrevious is not null)
                thread.LivePrevious.LiveNext = thread.LiveNext;
            else if (_liveHead == thread)
                _liveHead = thread.LiveNext;
            if (thread.LiveNext is not null)
                thread.LiveNext.LivePrevious = thread.LivePrevious;
            thread.LivePrevious = thread.LiveNext = null;
        }
    }

    /// <summary>The failure of the scheduler itself that ended the run, if one did.</summary>
    public Exception? Crashed => _crashed;

    private Exception? _crashed;

    private void Crash(Exception e)
    {
        if (Interlocked.CompareExchange(ref _crashed, e, null) is null)
            Stop();
    }

    private void Stop()
    {
        _stopping = true;
        foreach (var worker in _allWorkers)
            worker.Breaker.Ring();
        WakeAllIdle();
    }

    /// <summary>
    /// Every live thread waits for another one: none can run again. The count that led here
    /// never runs ahead of the truth; the list is checked all the same before the run is ended.
    /// </summary>
    private void CheckDeadlock()
    {
        List<GreenThread> parked = [];
        lock (_liveLock)
        {
            for (var thread = _liveHead; thread is not null; thread = thread.LiveNext)
            {
                if (thread.ParkedOn is not { WokenOnlyByThreads: true })
                    return;
                parked.Add(thread);
            }
        }
        if (parked.Count == 0 || Volatile.Read(ref _blocked) < Volatile.Read(ref _live))
            return;
        parked.Reverse();
        var report = DeadlockReport.Create(parked);
        if (Interlocked.CompareExchange(ref _deadlock, report, null) is null)
            Stop();
    }
}
