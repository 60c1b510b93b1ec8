using Ark.Vm.Errors;
using Ark.Vm.Execution;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;
using Ark.Vm.Values;

namespace Ark.Vm.Concurrency;

/// <summary>
/// A call started by <c>(async f args...)</c>. It runs once, in an execution context of its
/// own, on a worker thread or on the first thread that awaits it before a worker picked it up.
/// Its result is handed to the first <c>await</c>; later awaits get nil.
/// </summary>
internal sealed class FutureTask
{
    private const int Pending = 0;
    private const int Running = 1;
    private const int Done = 2;

    private readonly Func<ExecutionContext> _createContext;
    private readonly Value _callee;
    private readonly Value[] _args;
    private int _state;
    private int _awaited;
    private Value _result;
    private ArkFutureError? _error;

    public FutureTask(Func<ExecutionContext> createContext, Value callee, Value[] args)
    {
        _createContext = createContext;
        _callee = callee;
        _args = args;
    }

    /// <summary>Where the <c>async</c> call was, for error messages.</summary>
    public string? SpawnedAt { get; init; }

    public bool IsDone => Volatile.Read(ref _state) == Done;

    /// <summary>True when the task failed and nobody awaited it.</summary>
    public bool FailedUnawaited => IsDone && _error is not null && Volatile.Read(ref _awaited) == 0;

    public ArkFutureError? Error => _error;

    /// <summary>Claims the task for the calling thread; false when another thread has it.</summary>
    public bool TryStart() => Interlocked.CompareExchange(ref _state, Running, Pending) == Pending;

    /// <summary>Runs the claimed task to completion on the calling thread.</summary>
    public void Run()
    {
        try
        {
            var context = _createContext();
            _result = context.RunFuture(_callee, _args);
        }
        catch (ArkRuntimeError e)
        {
            _error = new ArkFutureError(e, SpawnedAt);
        }
        lock (this)
        {
            Volatile.Write(ref _state, Done);
            Monitor.PulseAll(this);
        }
    }

    /// <summary>Blocks until the task is done; <paramref name="help"/> may run other pending work meanwhile.</summary>
    public void WaitDone(Func<bool> help)
    {
        while (!IsDone)
        {
            if (help())
                continue;
            GlobalInterpreterLock.Release();
            lock (this)
            {
                while (!IsDone)
                    Monitor.Wait(this, 50);
            }
            GlobalInterpreterLock.Acquire();
        }
    }

    /// <summary>The result for an await: the value the first time, nil after; a failure is thrown.</summary>
    public Value TakeResult()
    {
        if (Interlocked.Exchange(ref _awaited, 1) != 0)
            return Value.Nil;
        if (_error is not null)
            throw _error;
        return _result;
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
