using Ark.Vm.Concurrency;
using Ark.Vm.Errors;
using Ark.Vm.Values;

namespace Ark.Vm.Execution;

/// <summary>
/// The context as a green thread: it runs a slice at a time on whichever worker the scheduler
/// gives it, stops at an instruction boundary when it parks or its slice is over, and goes on
/// from there later. A native function called straight from the loop may park the context
/// (<see cref="Park"/>); one called back from native code cannot, since native frames are on
/// the OS thread's stack, and blocks that thread instead (<see cref="Block{T}"/>).
/// </summary>
public sealed partial class ExecutionContext
{
    private GreenThread? _thread;
    private Worker? _worker;
    private Breaker _breaker = Breaker.Current;
    // calls made from native code that are running: while any is, the context cannot park
    private int _nesting;
    // set by a native that parked the context or by a safepoint that ended its slice: the loop
    // returns after the instruction
    private bool _suspended;
    private WaitSource? _parkOn;
    private int _parkIp = -1;
    private int _blockingDepth;

    /// <summary>
    /// The depth the loop's inline calls check (<see cref="MaxStackDepth"/>), which doubles as
    /// the context's interrupt: another thread sets it below zero (<see cref="Interrupt"/>), so
    /// that the next call takes the slow path, where <see cref="PushFrame"/> runs the
    /// safepoint. Calls then pay no check of their own; backward jumps and tail calls test its sign.
    /// </summary>
    private volatile int _depthLimit = MaxStackDepth;

    /// <summary>Makes the context stop at its next safepoint (see <see cref="Breaker"/>).</summary>
    internal void Interrupt() => _depthLimit = int.MinValue;

    /// <summary>Binds the context to the green thread it runs as and the worker about to run it.</summary>
    internal void AttachTo(GreenThread thread, Worker worker)
    {
        _thread = thread;
        _worker = worker;
        _breaker = worker.Breaker;
        _breaker.Enter(this);
    }

    /// <summary>
    /// True when a native function called by this context may park it (<see cref="Park"/>)
    /// instead of blocking its thread: the context is a green thread and no native frame is
    /// below the caller.
    /// </summary>
    internal bool CanPark => _thread is not null && _nesting == 0;

    /// <summary>
    /// Parks the context on <paramref name="source"/> once the calling native function has
    /// returned: the loop stops after the call, and what the call returned is replaced by the
    /// source's <see cref="WaitSource.Outcome"/> when the context resumes. Only when <see cref="CanPark"/>.
    /// </summary>
    internal void Park(WaitSource source)
    {
        _parkOn = source;
        _parkIp = _ip;
        _suspended = true;
    }

    /// <summary>What the stopped loop is to wait on; null when it only yielded its slice.</summary>
    internal WaitSource? TakeParkRequest()
    {
        var source = _parkOn;
        _parkOn = null;
        _suspended = false;
        return source;
    }

    /// <summary>The scheduler, once the run has one: the program may be stopping.</summary>
    private Scheduler? RunningScheduler => Vm.SchedulerIfStarted;

    /// <summary>
    /// A safepoint whose breaker was rung: hands the GIL over if asked, stops the context if the
    /// program is ending, and returns true when the slice is over and the loop must stop.
    /// </summary>
    private bool Safepoint()
    {
        // cleared before the reasons are read: a ring that comes meanwhile is seen next time
        _depthLimit = MaxStackDepth;
        _breaker.Requested = false;
#if ARK_GIL
        if (GlobalInterpreterLock.SwitchRequested)
            GlobalInterpreterLock.Yield();
#endif
        RunningScheduler?.ThrowIfStopping();
        if (_worker is { PreemptRequested: true } worker && CanPark)
        {
            worker.PreemptRequested = false;
            _suspended = true;
            return true;
        }
        return false;
    }

    /// <summary>Starts the program's top-level code; false when it stopped before the end (see <see cref="Resume"/>).</summary>
    internal bool StartMain(out Value result)
    {
        var main = _program.Main;
        _frames[0] = new Frame { Proto = main, Fp = 0, ReturnIp = -1, CallIp = -1, NameSymbol = -1 };
        _frameCount = 1;
        _ip = main.EntryIp;
        EnsureStack(main.MaxStack);
        _stopDepth = 0;
        return Continue(out result);
    }

    /// <summary>Starts a future's call; false when it stopped before the end.</summary>
    internal bool StartFuture(Value callee, Value[] args, out Value result)
    {
        _frames[0] = new Frame { Proto = _program.Main, Fp = 0, ReturnIp = -1, CallIp = -1, NameSymbol = -1 };
        _frameCount = 1;
        _stopDepth = 1;
        try
        {
            EnsureStack(args.Length + 1);
            foreach (var arg in args)
                _stack[_sp++] = arg;
            _stack[_sp++] = callee;
            // a native callee runs at once (and may park); a function is entered
            if (!EnterCall(callee, args.Length, -1, _ip, callIp: -1))
                return Ended(out result);
        }
        catch (Exception e) when (AsScriptError(e) is { } error)
        {
            throw Fail(error);
        }
        return Continue(out result);
    }

    /// <summary>
    /// Goes on from where the context stopped, first taking what it waited on as the result of
    /// the call that parked it (or raising that wait's error there). True when the code ended,
    /// with its <paramref name="result"/>; false when it stopped again.
    /// </summary>
    internal bool Resume(WaitSource? waited, out Value result)
    {
        if (waited is not null)
        {
            try
            {
                _faultIp = _parkIp;
                _stack[_sp - 1] = waited.Outcome();
                _faultIp = -1;
            }
            catch (Exception e) when (AsScriptError(e) is { } error)
            {
                throw Fail(error);
            }
        }
        if (_frameCount <= _stopDepth)
            return Ended(out result);
        return Continue(out result);
    }

    private bool Continue(out Value result)
    {
        // a safepoint in the first call's frame push may already have ended the slice
        if (_suspended)
        {
            result = default;
            return false;
        }
        try
        {
            result = Execute();
        }
        catch (Exception e) when (AsScriptError(e) is { } error)
        {
            throw Fail(error);
        }
        return !_suspended;
    }

    /// <summary>A native callee returned, or a parked one resumed, with no bytecode left to run.</summary>
    private bool Ended(out Value result)
    {
        if (_suspended)
        {
            result = default;
            return false;
        }
        result = _stack[--_sp];
        return true;
    }

    /// <summary>
    /// The report of a .NET exception no part of the VM could turn into a script error (running
    /// out of memory): the context's error, with its call stack, as any other.
    /// </summary>
    internal ArkRuntimeError InternalFailure(Exception e)
    {
        var error = e is OutOfMemoryException
            ? new ArkException(ErrorKind.VM, "Out of memory")
            : new ArkException(ErrorKind.VM, $"internal error: {e.GetType().Name}: {e.Message}");
        try
        {
            return Fail(error);
        }
        catch (Exception)
        {
            // the report could not be built either (memory is still short): the error alone
            return new ArkRuntimeError(error, error.Display + "\n", "At " + WaitLocation);
        }
    }

    /// <summary>Where a parked context waits, as <c>file:line</c>.</summary>
    internal string WaitLocation => _program.SourceMap.Describe(_parkIp >= 0 ? _parkIp : _ip);

    /// <summary>The function a parked context waits in, as its call stack names it; null when the call has no name.</summary>
    internal string? WaitingFunction => _frameCount <= 1 ? "global scope"
        : FrameName(_frames[_frameCount - 1]) is var name && name != "???" ? $"`{name}'" : null;

    /// <summary>
    /// Runs <paramref name="wait"/>, which blocks the OS thread: in the GIL flavour the lock is
    /// let go meanwhile, and on a worker the worker's place is given to another thread, so that
    /// other contexts keep running.
    /// </summary>
    internal T Block<T>(Func<T> wait)
    {
        var blocked = BeginBlocking();
        try
        {
            return wait();
        }
        finally
        {
            EndBlocking(blocked);
        }
    }

    /// <summary>Calls a native function registered as blocking (see <see cref="Block{T}"/>).</summary>
    private Value CallBlocking(NativeFunction native, ReadOnlySpan<Value> args)
    {
        var blocked = BeginBlocking();
        try
        {
            return native.Function(args, this);
        }
        finally
        {
            EndBlocking(blocked);
        }
    }

    /// <summary>What a thread that blocks gave up: its worker's place (for the outermost block only) and the GIL.</summary>
    private readonly record struct Blocked(Worker? Worker, bool HeldLock);

    private Blocked BeginBlocking()
    {
        var worker = _blockingDepth++ == 0 ? _worker : null;
        worker?.Scheduler.EnterBlocking();
        // a host's thread calling in directly holds no lock to let go
        var holding = GlobalInterpreterLock.HeldByCurrentThread;
        if (holding)
            GlobalInterpreterLock.Release();
        return new Blocked(worker, holding);
    }

    private void EndBlocking(Blocked blocked)
    {
        if (blocked.HeldLock)
            GlobalInterpreterLock.Acquire();
        blocked.Worker?.Scheduler.LeaveBlocking();
        _blockingDepth--;
    }

    /// <summary>
    /// Waits for a future: parks the context when it can, else blocks its thread. Returns the
    /// result (nil after the first await); the future's error is raised here.
    /// </summary>
    internal Value Await(GreenThread future)
    {
        if (!future.IsDone)
        {
            if (CanPark)
            {
                Park(future);
                return Value.Nil;
            }
            Block(() =>
            {
                future.WaitDone();
                return 0;
            });
        }
        return future.TakeResult();
    }

    /// <summary>Sleeps <paramref name="ms"/> milliseconds: parked on the scheduler's timer when it can, else blocking its thread.</summary>
    internal void Sleep(double ms)
    {
        if (!(ms > 0))
            return;
        var span = TimeSpan.FromMilliseconds(Math.Min(ms, int.MaxValue));
        if (CanPark)
        {
            var sysmon = Vm.Scheduler.Sysmon;
            Park(new TimerWait(sysmon, System.Diagnostics.Stopwatch.GetTimestamp() + (long)(span.TotalSeconds * System.Diagnostics.Stopwatch.Frequency)));
            return;
        }
        Block(() =>
        {
            Thread.Sleep(span);
            return 0;
        });
    }

    /// <summary>
    /// Waits for a native function's asynchronous operation: parks the context when it can,
    /// else blocks its thread. The task's exception is the call's error.
    /// </summary>
    internal Value AwaitNative(Task<Value> task, string name)
    {
        var wait = new NativeOperationWait(this, task, name);
        if (CanPark)
        {
            Park(wait);
            return Value.Nil;
        }
        Block(() =>
        {
            ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
            return 0;
        });
        return wait.Outcome();
    }
}
