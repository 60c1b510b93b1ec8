using Ark.Vm.Values;
using static Ark.Tests.Modules.Http.HttpModuleHarness;

namespace Ark.Tests.Modules.Http;

/// <summary>
/// Runs <c>http:server:listen</c> of a harness on a background thread, on a free loopback port,
/// with an HttpClient aimed at it; disposing stops the server and waits for listen to return.
/// </summary>
internal sealed class ListeningServer : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly HttpModuleHarness _http;

    private ListeningServer(HttpModuleHarness http, Task<Value> listen, int port)
    {
        _http = http;
        Listen = listen;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Patience };
    }

    /// <summary>The running listen call; it ends when the server stops.</summary>
    public Task<Value> Listen { get; }

    public int Port { get; }

    public HttpClient Client { get; }

    public static ListeningServer Start(HttpModuleHarness http, params Value[] listenArgs)
    {
        var listen = Task.Factory.StartNew(() => http.Call("http:server:listen", listenArgs.Length == 0 ? [S("127.0.0.1"), N(0)] : listenArgs), TaskCreationOptions.LongRunning);
        var deadline = DateTime.UtcNow + Patience;
        while (http.Call("http:server:port").IsNil)
        {
            if (listen.IsCompleted)
                listen.GetAwaiter().GetResult();
            if (DateTime.UtcNow > deadline)
                Assert.Fail("the server did not start listening");
            Thread.Sleep(10);
        }
        return new ListeningServer(http, listen, (int)http.Call("http:server:port").Num);
    }

    /// <summary>Sends a request and returns the status and body.</summary>
    public (int Status, string Body) Send(HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body);
        using var response = Client.Send(request);
        return ((int)response.StatusCode, response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
    }

    /// <summary>Stops the server and waits for listen to return.</summary>
    public void Stop()
    {
        _http.Call("http:server:stop");
        Assert.IsTrue(Listen.Wait(Patience), "listen did not return after http:server:stop");
    }

    public void Dispose()
    {
        if (!Listen.IsCompleted)
        {
            _http.Call("http:server:stop");
            Listen.Wait(Patience);
        }
        Client.Dispose();
    }
}
