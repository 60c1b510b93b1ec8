namespace Ark.Modules.Http.Server;

/// <summary>
/// The threads request handlers run on. A handler holds its thread until it returns (ArkScript
/// code is synchronous, and may sleep or wait on the network), so handlers do not run on the
/// thread pool, which adds a thread only every half second or so while its threads are blocked:
/// requests would queue behind each other. A thread is started whenever a handler is waiting and
/// none is idle, up to <see cref="MaxThreads"/>; idle threads end after a while, and all of them
/// once the server has stopped.
/// </summary>
internal sealed class HandlerThreads
{
    /// <summary>How many handlers run at once at most; more requests wait for a thread.</summary>
    public const int MaxThreads = 64;

    private static readonly TimeSpan IdleTime = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private readonly Queue<Action> _queue = new();
    private int _threads;
    private int _idle;
    private bool _closed;

    /// <summary>Runs <paramref name="work"/> on a handler thread; the task completes with its result or exception.</summary>
    public Task<T> Run<T>(Func<T> work)
    {
        // continuations go back to the thread pool, never run on the handler thread
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_closed)
                throw new InvalidOperationException("the server has stopped");
            _queue.Enqueue(() =>
            {
                try
                {
                    done.SetResult(work());
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
            });
            // every waiting handler needs an idle thread of its own
            if (_queue.Count > _idle && _threads < MaxThreads)
            {
                _threads++;
                new Thread(Loop) { IsBackground = true, Name = "ark-http-handler" }.Start();
            }
            else
                Monitor.Pulse(_gate);
        }
        return done.Task;
    }

    /// <summary>Lets the threads end once the handlers queued so far have run.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.PulseAll(_gate);
        }
    }

    private void Loop()
    {
        while (true)
        {
            Action job;
            lock (_gate)
            {
                while (_queue.Count == 0)
                {
                    if (_closed)
                    {
                        _threads--;
                        return;
                    }
                    _idle++;
                    var woken = Monitor.Wait(_gate, IdleTime);
                    _idle--;
                    if (!woken && _queue.Count == 0)
                    {
                        _threads--;
                        return;
                    }
                }
                job = _queue.Dequeue();
            }
            job();
        }
    }
}
