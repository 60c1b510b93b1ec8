using Ark.Vm.Builtins;
using Ark.Vm.Concurrency;
using Ark.Vm.Bytecode;
using Ark.Vm.Modules;
using Ark.Vm.Values;

namespace Ark.Vm.Execution;

/// <summary>
/// One loaded program and the host it runs against. The VM itself holds nothing mutable
/// that scripts can reach: every thread of execution gets its own <see cref="ExecutionContext"/>.
/// </summary>
public sealed class VirtualMachine
{
    /// <summary>Prepares <paramref name="program"/> to run against <paramref name="host"/>.</summary>
    public VirtualMachine(CompiledProgram program, ArkHost host)
    {
        Program = program;
        Host = host;
        var all = BuiltinTable.All;
        Builtins = new Value[all.Length];
        for (var i = 0; i < all.Length; i++)
            Builtins[i] = all[i].Value;
        var args = new ArkList(host.ScriptArgs.Count);
        foreach (var arg in host.ScriptArgs)
            args.Add(Value.String(arg));
        args.MarkShared();
        Builtins[BuiltinTable.IndexOf(BuiltinTable.SysArgs)] = new Value(args);
        Builtins[BuiltinTable.IndexOf(BuiltinTable.SysPlatform)] = Value.String(PlatformName());
        string[] moduleFolders = host.ProgramDirectory is { } own ? [own, .. host.LibraryPaths] : [.. host.LibraryPaths];
        Modules = new ModuleLoader(moduleFolders, program.Symbols);
    }

    /// <summary>The program being run.</summary>
    public CompiledProgram Program { get; }

    /// <summary>The outside world.</summary>
    public ArkHost Host { get; }

    /// <summary>The builtin values, indexed by builtin id, with this run's <c>sys:args</c>.</summary>
    internal Value[] Builtins { get; }

    /// <summary>The native modules this run has imported.</summary>
    internal ModuleLoader Modules { get; }

    /// <summary>The scheduler that runs the program's green threads.</summary>
    internal Scheduler Scheduler
    {
        get
        {
            if (_scheduler is { } scheduler)
                return scheduler;
            Interlocked.CompareExchange(ref _scheduler, new Scheduler(), null);
            return _scheduler;
        }
    }

    /// <summary>The scheduler if anything has needed one yet.</summary>
    internal Scheduler? SchedulerIfStarted => Volatile.Read(ref _scheduler);

    private Scheduler? _scheduler;

    private readonly List<IDisposable> _resources = [];

    /// <summary>
    /// Registers a host object (a socket, a file, a server) to be disposed when the run ends,
    /// after the top-level code and every future have finished, in the reverse order of
    /// registration. Native modules call it for the objects their <see cref="UserType"/> values
    /// wrap, so that resources a script never closes are released deterministically. Thread-safe.
    /// </summary>
    /// <param name="resource">The object to dispose.</param>
    public void DisposeWhenRunEnds(IDisposable resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        lock (_resources)
            _resources.Add(resource);
    }

    /// <summary>
    /// Runs the program to the end: its top-level code, as the main green thread, and every
    /// future it starts, on the calling thread and the scheduler's workers. Returns the exit
    /// code: 0, what <c>sys:exit</c> asked for, or 1 when a future failed and nobody awaited
    /// it (reported on standard error). A runtime error of the top-level code, or a deadlock, is
    /// thrown as <see cref="ArkRuntimeError"/> once the other futures have ended.
    /// </summary>
    public int Run()
    {
        var scheduler = Scheduler;
        var main = new GreenThread(scheduler, new ExecutionContext(this));
        try
        {
            scheduler.Run(main);
            if (scheduler.ExitCode is { } code)
                return code;
            if (scheduler.Crashed is { } crash)
            {
                var error = new Errors.ArkException(Errors.ErrorKind.VM, $"internal error in the scheduler: {crash.GetType().Name}: {crash.Message}");
                throw new ArkRuntimeError(error, error.Display + "\n", "");
            }
            var unawaitedFailures = ReportFailedFutures(scheduler);
            if (scheduler.Deadlock is { } deadlock)
                throw deadlock;
            if (main.Failure is { } failure)
                throw failure;
            return unawaitedFailures ? 1 : 0;
        }
        finally
        {
            DisposeResources();
            Host.Flush();
        }
    }

    /// <summary>
    /// Reports on standard error the futures that failed and were never awaited: no error is
    /// lost silently. True when there was one.
    /// </summary>
    private bool ReportFailedFutures(Scheduler scheduler)
    {
        var any = false;
        foreach (var task in scheduler.FailedUnawaited())
        {
            any = true;
            var error = task.Error!;
            Host.Flush();
            Host.ErrorOutput.WriteLine($"A future failed and was never awaited: {error.Display.TrimEnd('\n')}");
            Host.ErrorOutput.WriteLine(error.FutureLocation);
        }
        return any;
    }

    /// <summary>Disposes what modules registered; a failure is reported on standard error, never thrown.</summary>
    private void DisposeResources()
    {
        IDisposable[] resources;
        lock (_resources)
        {
            resources = [.. _resources];
            _resources.Clear();
        }
        for (var i = resources.Length - 1; i >= 0; i--)
        {
            try
            {
                resources[i].Dispose();
            }
            catch (Exception e)
            {
                Host.Flush();
                Host.ErrorOutput.WriteLine($"A module resource ({resources[i].GetType().Name}) failed to close: {e.Message}");
            }
        }
    }

    private static string PlatformName()
    {
        if (OperatingSystem.IsWindows())
            return "Windows";
        if (OperatingSystem.IsMacOS())
            return "Mac OSX";
        if (OperatingSystem.IsLinux())
            return "Linux";
        return OperatingSystem.IsFreeBSD() ? "FreeBSD" : "Other";
    }
}
