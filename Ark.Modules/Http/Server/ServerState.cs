using System.Net;
using System.Runtime.InteropServices;
using Ark.Vm.Errors;
using Ark.Vm.Execution;
using Ark.Vm.Values;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;

namespace Ark.Modules.Http.Server;

/// <summary>
/// The one server of a run, as in the reference: the <c>http:server:*</c> functions configure
/// it without passing it around, so that a handler can stop it. Routes and options are frozen
/// when it starts listening; <c>listen</c> blocks until <see cref="Stop"/> is called (by a
/// handler, another future, Ctrl+C or SIGTERM). Thread-safe.
/// </summary>
internal sealed class ServerState
{
    /// <summary>How long running requests may take to finish once the server is stopped.</summary>
    internal static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private List<Route> _routes = [];
    private StaticFiles _files = new();
    private int _logLevel;
    private Listening? _listening;

    /// <summary>True while <c>listen</c> runs.</summary>
    public bool IsListening
    {
        get { lock (_gate) return _listening is not null; }
    }

    /// <summary>The port listened on, or null when not listening (or still binding).</summary>
    public int? Port
    {
        get { lock (_gate) return _listening?.Port; }
    }

    /// <summary>Forgets the routes, mounts and options: <c>http:server:create</c>.</summary>
    public void Reset(string function)
    {
        lock (_gate)
        {
            RefuseWhileListening(function);
            _routes = [];
            _files = new StaticFiles();
            _logLevel = 0;
        }
    }

    public void AddRoute(string function, Route route) => Configure(function, () => _routes.Add(route));

    public bool Mount(string function, string prefix, string folder)
    {
        var mounted = false;
        Configure(function, () => mounted = _files.Mount(prefix, folder));
        return mounted;
    }

    public bool Unmount(string function, string prefix)
    {
        var removed = false;
        Configure(function, () => removed = _files.Unmount(prefix));
        return removed;
    }

    public void MapType(string function, string extension, string type) => Configure(function, () => _files.MapType(extension, type));

    public void SetLogLevel(string function, int level) => Configure(function, () => _logLevel = level);

    /// <summary>Asks a listening server to stop; nothing happens when none is listening.</summary>
    public void Stop()
    {
        Listening? listening;
        lock (_gate)
            listening = _listening;
        listening?.Stopped.Set();
    }

    /// <summary>
    /// Serves requests on <paramref name="endpoint"/> until stopped, then returns. Called by the
    /// script's thread (a blocking native, so the GIL flavour lets the lock go meanwhile); the
    /// handlers run in contexts made from a snapshot of <paramref name="context"/> taken now.
    /// </summary>
    public void Listen(string function, ExecutionContext context, IPEndPoint endpoint)
    {
        var listening = new Listening();
        RequestDispatcher dispatcher;
        lock (_gate)
        {
            if (_listening is not null)
                throw new ArkException(ErrorKind.Runtime, $"{function}: the server is already listening");
            dispatcher = new RequestDispatcher(context.Snapshot(), [.. _routes], _files.Clone(), _logLevel, listening.Exit);
            _listening = listening;
        }

        KestrelHost? host = null;
        try
        {
            try
            {
                host = KestrelHost.Start(endpoint, dispatcher.Process);
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                throw new ArkException(ErrorKind.Runtime, $"{function}: can not listen on {endpoint}: {e.Message}");
            }
            lock (_gate)
                listening.Port = host.Port;
            // what the script printed before listening ("listening on ...") shows while it serves
            context.Host.Flush();
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, listening.OnSignal);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, listening.OnSignal);
            listening.Stopped.Wait();
        }
        finally
        {
            host?.Stop(StopGrace);
            dispatcher.Close();
            lock (_gate)
                _listening = null;
        }
        // a handler ran sys:exit: the program ends as it asked, once the server is down
        if (listening.ExitRequest is { } exit)
            throw exit;
    }

    private void Configure(string function, Action change)
    {
        lock (_gate)
        {
            RefuseWhileListening(function);
            change();
        }
    }

    private void RefuseWhileListening(string function)
    {
        if (_listening is not null)
            throw new ArkException(ErrorKind.Runtime, $"{function}: the server is listening; stop it first");
    }

    /// <summary>One run of <c>listen</c>.</summary>
    private sealed class Listening
    {
        public ManualResetEventSlim Stopped { get; } = new();

        public int? Port { get; set; }

        public ArkExitException? ExitRequest { get; private set; }

        public void Exit(ArkExitException request)
        {
            lock (this)
                ExitRequest ??= request;
            Stopped.Set();
        }

        /// <summary>Ctrl+C or SIGTERM stop the server, and the script goes on after <c>listen</c>.</summary>
        public void OnSignal(PosixSignalContext signal)
        {
            signal.Cancel = true;
            Stopped.Set();
        }
    }
}
