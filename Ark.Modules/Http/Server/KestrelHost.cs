using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ark.Modules.Http.Server;

/// <summary>
/// Kestrel on its own, without the generic host, dependency injection or middleware: a server
/// that hands every request to one function. That keeps starting a server cheap.
/// </summary>
internal sealed class KestrelHost : IHttpApplication<HttpContext>
{
    private readonly KestrelServer _server;
    private readonly Func<HttpContext, Task> _process;

    private KestrelHost(KestrelServer server, Func<HttpContext, Task> process)
    {
        _server = server;
        _process = process;
    }

    /// <summary>The port the server listens on (the one the system chose when 0 was asked).</summary>
    public int Port { get; private set; }

    /// <summary>Starts listening on <paramref name="endpoint"/>; binding errors are thrown.</summary>
    public static KestrelHost Start(IPEndPoint endpoint, Func<HttpContext, Task> process)
    {
        var options = new KestrelServerOptions { AddServerHeader = false, ApplicationServices = NoServices.Instance };
        options.Listen(endpoint);
        var loggers = NullLoggerFactory.Instance;
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggers);
        var host = new KestrelHost(new KestrelServer(Options.Create(options), transport, loggers), process);
        try
        {
            host._server.StartAsync(host, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch
        {
            host._server.Dispose();
            throw;
        }
        var address = host._server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        host.Port = address is null ? endpoint.Port : new Uri(address).Port;
        return host;
    }

    /// <summary>Stops accepting connections, lets running requests finish for up to <paramref name="grace"/>, then closes.</summary>
    public void Stop(TimeSpan grace)
    {
        using (var timeout = new CancellationTokenSource(grace))
        {
            try
            {
                _server.StopAsync(timeout.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // requests still running after the grace period are abandoned
            }
        }
        _server.Dispose();
    }

    HttpContext IHttpApplication<HttpContext>.CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

    Task IHttpApplication<HttpContext>.ProcessRequestAsync(HttpContext context) => _process(context);

    void IHttpApplication<HttpContext>.DisposeContext(HttpContext context, Exception? exception)
    {
    }

    /// <summary>Kestrel asks for optional services only; this server offers none.</summary>
    private sealed class NoServices : IServiceProvider
    {
        public static readonly NoServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
