using System.Collections.Concurrent;

namespace Ark.Vm.Concurrency;

/// <summary>
/// Runs futures on a fixed set of worker threads, one per core: never a thread per future.
/// A thread that awaits a future nobody started runs it itself; one that awaits a running
/// future helps with pending ones before it blocks, so nested awaits never starve the pool.
/// </summary>
internal sealed class Scheduler
{
    private readonly ConcurrentQueue<FutureTask> _queue = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly List<FutureTask> _all = [];
    private readonly object _startLock = new();
    private bool _started;

    /// <summary>The number of worker threads.</summary>
    public static int WorkerCount => Math.Max(1, Environment.ProcessorCount);

    /// <summary>Queues a task for the workers.</summary>
    public void Enqueue(FutureTask task)
    {
        EnsureWorkers();
        lock (_all)
        {
            // finished tasks are only kept to report failures nobody awaited
            if (_all.Count > 1024 && _all.Count % 1024 == 0)
                _all.RemoveAll(t => t.IsDone && !t.FailedUnawaited);
            _all.Add(task);
        }
        _queue.Enqueue(task);
        _available.Release();
    }

    /// <summary>Runs one pending task on the calling thread; false when there was none.</summary>
    public bool RunOnePending()
    {
        while (_queue.TryDequeue(out var task))
        {
            if (task.TryStart())
            {
                task.Run();
                return true;
            }
        }
        return false;
    }

    /// <summary>Runs every task still pending and waits for the running ones: the program is ending.</summary>
    public void Drain()
    {
        while (RunOnePending())
        {
        }
        FutureTask[] tasks;
        lock (_all)
            tasks = [.. _all];
        foreach (var task in tasks)
            task.WaitDone(RunOnePending);
    }

    /// <summary>The tasks that failed without anyone awaiting them.</summary>
    public IReadOnlyList<FutureTask> FailedUnawaited()
    {
        lock (_all)
            return _all.Where(t => t.FailedUnawaited).ToList();
    }

    private void EnsureWorkers()
    {
        if (Volatile.Read(ref _started))
            return;
        lock (_startLock)
        {
            if (_started)
                return;
            for (var i = 0; i < WorkerCount; i++)
            {
                var thread = new Thread(WorkerLoop) { IsBackground = true, Name = $"ark-worker-{i}" };
                thread.Start();
            }
            Volatile.Write(ref _started, true);
        }
    }

    private void WorkerLoop()
    {
        while (true)
        {
            _available.Wait();
            if (_queue.TryDequeue(out var task) && task.TryStart())
            {
                GlobalInterpreterLock.Acquire();
                try
                {
                    task.Run();
                }
                finally
                {
                    GlobalInterpreterLock.Release();
                }
            }
        }
    }
}
