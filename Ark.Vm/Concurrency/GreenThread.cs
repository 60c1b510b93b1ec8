using Ark.Vm.Errors;
using Ark.Vm.Execution;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;
using Ark.Vm.Values;

namespace Ark.Vm.Concurrency;

/// <summary>
/// A green thread: the main program or a call started by <c>(async f args...)</c>, run by the
/// scheduler's workers a time slice at a time in an execution context of its own. A future's
/// context is made when it first runs, and dropped when it ends, so a queued or finished future
/// costs only its arguments or its result. As a <see cref="WaitSource"/> it is what
/// <c>await</c> parks on: its end makes every waiter runnable. The result goes to the first
/// await, later ones get nil; its error is raised at every await.
/// </summary>
internal sealed class GreenThread : WaitSource
{
    private readonly Scheduler _scheduler;
    private ExecutionContext.FutureSeed? _seed;
    private Value _callee;
    private Value[]? _args;
    private bool _started;
    private volatile bool _done;
    private Value _result;
    private ArkRuntimeError? _failure;
    private int _awaited;
    // null, one GreenThread, or a List<GreenThread>: most futures have at most one waiter
    private object? _waiters;

    /// <summary>A future that will call <paramref name="callee"/> on <paramref name="args"/> in a context made from <paramref name="seed"/>.</summary>
    public GreenThread(Scheduler scheduler, ExecutionContext.FutureSeed seed, Value callee, Value[] args)
    {
        _scheduler = scheduler;
        _seed = seed;
        _callee = callee;
        _args = args;
    }

    /// <summary>The main program, run in <paramref name="main"/>.</summary>
    public GreenThread(Scheduler scheduler, ExecutionContext main)
    {
        _scheduler = scheduler;
        Context = main;
        IsMain = true;
    }

    /// <summary>The running or parked context; null before the first slice and after the end.</summary>
    internal ExecutionContext? Context { get; private set; }

    /// <summary>The name of the function a future runs, when <c>async</c> was given a named one.</summary>
    internal string? CalleeName { get; init; }

    /// <summary>How reports name the thread: <c>the main program</c>, <c>the future `work' started at f.ark:3</c>.</summary>
    internal string Title => IsMain ? "the main program"
        : CalleeName is null ? $"the future started at {SpawnedAt}" : $"the future `{CalleeName}' started at {SpawnedAt}";

    /// <summary>The thread's number: 0 for the main program, then 1, 2... in the order futures are started.</summary>
    internal long Id { get; set; }

    /// <summary>True for the program's top-level code.</summary>
    internal bool IsMain { get; }

    /// <summary>The <c>async</c> call's instruction and where it is: described only for an error or a report.</summary>
    internal (Bytecode.SourceMap Map, int Ip)? Origin { get; init; }

    /// <summary>Where the <c>async</c> call was, for error messages.</summary>
    public string? SpawnedAt => Origin is { } origin ? origin.Map.Describe(origin.Ip) : null;

    /// <summary>What the thread waits on while it is parked, for the deadlock report.</summary>
    internal volatile WaitSource? ParkedOn;

    /// <summary>Neighbours in the scheduler's list of live threads, under its lock.</summary>
    internal GreenThread? LivePrevious, LiveNext;

    public bool IsDone => _done;

    /// <summary>The main program's error, once it has failed.</summary>
    internal ArkRuntimeError? Failure => _failure;

    /// <summary>True when the future failed and nobody awaited it.</summary>
    public bool FailedUnawaited => _done && !IsMain && _failure is not null && Volatile.Read(ref _awaited) == 0;

    /// <summary>A future's failure as an await raises it: a fresh exception each time, since several threads may raise it at once.</summary>
    public ArkFutureError? Error => !IsMain && _failure is { } failure ? new ArkFutureError(failure, SpawnedAt) : null;

    /// <summary>
    /// Runs the thread on the calling worker until it ends, parks or yields its slice; a thread
    /// whose wait is already over when it parks goes on without leaving the worker.
    /// </summary>
    internal void RunSlice(Worker worker)
    {
        var context = Context ??= _seed!.CreateContext();
        _seed = null;
        context.AttachTo(this, worker);
        while (true)
        {
            bool finished;
            Value result;
            try
            {
                if (_started)
                {
                    var waited = ParkedOn;
                    ParkedOn = null;
                    finished = context.Resume(waited, out result);
                }
                else
                {
                    _started = true;
                    finished = IsMain ? context.StartMain(out result) : context.StartFuture(_callee, _args!, out result);
                    _callee = default;
                    _args = null;
                }
            }
            catch (ArkRuntimeError e)
            {
                Finish(default, e);
                return;
            }
            catch (ArkExitException exit)
            {
                _scheduler.Exit(exit.Code);
                return;
            }
            catch (Exception e) when (e is not ThreadInterruptedException)
            {
                // what the context could not turn into a script error itself (out of memory)
                Finish(default, context.InternalFailure(e));
                return;
            }
            if (finished)
            {
                Finish(result, null);
                return;
            }
            var source = context.TakeParkRequest();
            if (source is null)
            {
                _scheduler.Enqueue(this);
                return;
            }
            ParkedOn = source;
            if (source.Park(this))
            {
                _scheduler.OnParked(source);
                return;
            }
        }
    }

    private void Finish(Value result, ArkRuntimeError? failure)
    {
        object? waiters;
        lock (this)
        {
            _result = result;
            _failure = failure;
            _done = true;
            waiters = _waiters;
            _waiters = null;
            // threads that are not green (a host's, a native's callback) wait on the monitor
            Monitor.PulseAll(this);
        }
        Context = null;
        if (waiters is GreenThread one)
            _scheduler.Wake(one, WokenOnlyByThreads);
        else if (waiters is List<GreenThread> many)
        {
            foreach (var waiter in many)
                _scheduler.Wake(waiter, WokenOnlyByThreads);
        }
        _scheduler.OnFinished(this);
    }

    internal override bool Park(GreenThread thread)
    {
        lock (this)
        {
            if (_done)
                return false;
            switch (_waiters)
            {
                case null:
                    _waiters = thread;
                    break;
                case GreenThread first:
                    _waiters = new List<GreenThread> { first, thread };
                    break;
                case List<GreenThread> many:
                    many.Add(thread);
                    break;
            }
            return true;
        }
    }

    internal override Value Outcome() => TakeResult();

    internal override bool WokenOnlyByThreads => true;

    internal override string Describe() => Title;

    /// <summary>
    /// Blocks the calling OS thread until the thread is done: for a context that cannot park
    /// (one running a callback of a native function, or on a host's thread). Gives up when the
    /// program is stopping.
    /// </summary>
    internal void WaitDone()
    {
        lock (this)
        {
            while (!_done)
            {
                _scheduler.ThrowIfStopping();
                Monitor.Wait(this, 50);
            }
        }
    }

    /// <summary>The result for an await: the value the first time, nil after; a failure is raised at every await.</summary>
    public Value TakeResult()
    {
        var first = Interlocked.Exchange(ref _awaited, 1) == 0;
        if (Error is { } error)
            throw error;
        return first ? _result : Value.Nil;
    }
}

/// <summary>
/// An error raised inside a future, rethrown where the future is awaited. It prints as the
/// original error; its report adds where the future failed and where it was started.
/// </summary>
public sealed class ArkFutureError : ArkException
{
    internal ArkFutureError(ArkRuntimeError inner, string? spawnedAt)
        : base(inner.Error.Kind, inner.Error.Message)
    {
        Inner = inner;
        SpawnedAt = spawnedAt;
    }

    /// <summary>The error as the future reported it, with the future's own call stack.</summary>
    public ArkRuntimeError Inner { get; }

    /// <summary>Where the future was started.</summary>
    public string? SpawnedAt { get; }

    /// <inheritdoc />
    public override string Display => Inner.Error.Display;

    /// <summary>Where the error happened inside the future.</summary>
    public string FutureLocation => Inner.Location + (SpawnedAt is null ? "" : $"\n  in a future started at {SpawnedAt}");
}
