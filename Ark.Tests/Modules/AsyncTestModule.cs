using System.Collections.Concurrent;
using Ark.Vm.Errors;
using Ark.Vm.Execution;
using Ark.Vm.Modules;
using Ark.Vm.Values;

namespace Ark.Tests.Modules;

/// <summary>
/// Asynchronous and blocking natives for <see cref="AsyncModuleTests"/>, loaded by copying this
/// assembly as asynctest.dll. The loader makes one instance per run, so the gates and counters
/// below belong to one program.
/// </summary>
public sealed class AsyncTestModule : IArkModule
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Value>> _gates = new(StringComparer.Ordinal);
    private readonly object _meeting = new();
    private int _waiting;
    private int _arrived;

    public string Name => "asynctest";

    public void Register(ModuleBuilder module) => module
        // (asynctest:wait key): parks until another context calls (asynctest:open key value)
        .AsyncFunction("wait", (args, _) =>
        {
            var gate = Gate(args[0]);
            Interlocked.Increment(ref _waiting);
            return new ValueTask<Value>(gate.Task);
        })
        .Function("open", (args, _) =>
        {
            Gate(args[0]).TrySetResult(args[1]);
            return Value.Nil;
        })
        // (asynctest:waiting): how many calls of wait were made
        .Function("waiting", (_, _) => new Value(Volatile.Read(ref _waiting)))
        // a task that has completed before the function returns
        .AsyncFunction("ready", (args, _) => ValueTask.FromResult(args[0]))
        // a task that completes on the thread pool
        .AsyncFunction("later", async (args, _) =>
        {
            await Task.Delay(10);
            return args[0];
        })
        .AsyncFunction("fail", async (args, _) =>
        {
            await Task.Yield();
            throw new InvalidOperationException(args[0].AsString.ToString());
        })
        .AsyncFunction("failAtOnce", (_, _) => ValueTask.FromException<Value>(new InvalidOperationException("failed before any await")))
        .AsyncFunction("misuse", async (_, _) =>
        {
            await Task.Yield();
            throw new ArkException(ErrorKind.Type, "asynctest:misuse: the argument was wrong");
        })
        // (asynctest:callBack f args...): f called from native code, where the context can't park
        .Function("callBack", (args, context) => context.Call(args[0], args[1..]))
        // (asynctest:onThread f): f called through a snapshot on a thread of the module's own
        .Function("onThread", (args, context) =>
        {
            var snapshot = context.Snapshot();
            var function = args[0];
            Value result = default;
            var thread = new Thread(() =>
            {
                try
                {
                    result = snapshot.Call(function, []);
                }
                catch (ArkRuntimeError e)
                {
                    result = Value.String("error: " + e.Error.Display);
                }
            });
            thread.Start();
            thread.Join();
            return result;
        }, blocking: true)
        // (asynctest:meet n): true once n calls are blocked in here at the same time, false after
        // 20 s without; more than there are workers meet only if each hands its worker's place over
        .Function("meet", (args, _) =>
        {
            var count = (int)args[0].Num;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            lock (_meeting)
            {
                _arrived++;
                Monitor.PulseAll(_meeting);
                while (_arrived < count)
                {
                    var left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero)
                        return Value.False;
                    Monitor.Wait(_meeting, left);
                }
                return Value.True;
            }
        }, blocking: true)
        .Function("sleep", (args, _) =>
        {
            Thread.Sleep((int)args[0].Num);
            return Value.Nil;
        }, blocking: true);

    private TaskCompletionSource<Value> Gate(Value key) =>
        _gates.GetOrAdd(key.AsString.ToString(), _ => new TaskCompletionSource<Value>(TaskCreationOptions.RunContinuationsAsynchronously));
}
