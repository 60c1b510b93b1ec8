using System.Diagnostics;
using Ark.Tests.ScriptRunner;

namespace Ark.Tests.Modules.Http;

/// <summary>
/// <c>(import http)</c> through <c>ark</c>: ArkScript handlers, each request in a context of its
/// own and in parallel, errors, and the ways a server stops.
/// </summary>
[TestClass]
public sealed class HttpScriptTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private string _dir = "";

    [TestInitialize]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "ark-http-script-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    private Task? _running;
    private int _port;

    /// <summary>
    /// A script still serving after a failed assertion would hold ark's in-process runner for
    /// good and hang every later script test: every server script has a /stop route for this.
    /// </summary>
    [TestCleanup]
    public void StopAndDeleteFolder()
    {
        if (_running is { IsCompleted: false })
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                client.GetAsync($"http://127.0.0.1:{_port}/stop").GetAwaiter().GetResult().Dispose();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            _running.Wait(Patience);
        }
        Directory.Delete(_dir, true);
    }

    /// <summary>Starts <paramref name="code"/> with <c>ark</c> in-process on a background thread; the script gets the port as its argument.</summary>
    private (Task<(int ExitCode, string Stdout, string Stderr)> Run, HttpClient Client) Start(string code)
    {
        var port = HttpServerTests.FreePort();
        File.WriteAllText(Path.Combine(_dir, "main.ark"), code);
        var run = Task.Factory.StartNew(() => ArkProcess.Run(_dir, "", "main.ark", port.ToString()), TaskCreationOptions.LongRunning);
        (_running, _port) = (run, port);
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Patience };
        WaitUntilListening(client, run);
        return (run, client);
    }

    private static void WaitUntilListening(HttpClient client, Task run)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (run.IsCompleted)
                Assert.Fail("the script ended before listening: " + run);
            try
            {
                using var probe = new TcpProbe(client.BaseAddress!);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
        }
    }

    private static (int Status, string Body) Send(HttpClient client, HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body);
        using var response = client.Send(request);
        return ((int)response.StatusCode, response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
    }

    private static (int ExitCode, string Stdout, string Stderr) Finish(Task<(int, string, string)> run)
    {
        Assert.IsTrue(run.Wait(Patience), "the script did not end");
        return run.Result;
    }

    private const string Server = """
        (import http)
        (let port (toNumber (@ sys:args 0)))
        (mut hits 0)
        (let greet (fun (name) (+ "hello " name)))
        (http:server:get "/hello/(\\w+)" (fun (matches body params) [200 (greet (head matches)) "text/plain"]))
        (http:server:post "/echo" (fun (matches body params) [201 (+ "got " body) "text/plain"]))
        (http:server:get "/params" (fun (matches body params) [200 (toString (http:params:toList params)) "text/plain"]))
        # every request starts from the globals as they were at listen: hits is always 0 here
        (http:server:put "/count" (fun (matches body params) { (set hits (+ hits 1)) [200 (toString hits) "text/plain"] }))
        (http:server:get "/slow" (fun (m b p) { (sys:sleep 300) [200 "slept" "text/plain"] }))
        (http:server:get "/fail" (fun (m b p) (@ [1 2] 5)))
        (http:server:get "/bad" (fun (m b p) "not a list"))
        (http:server:get "/stop" (fun (m b p) { (http:server:stop) [200 "stopping" "text/plain"] }))
        (print "listening")
        (print (http:server:listen "127.0.0.1" port))
        (print "after listen " hits)
        """;

    [TestMethod]
    [Timeout(60000, CooperativeCancellation = true)]
    public void ScriptServerAnswersRoutesReportsErrorsAndStops()
    {
        var (run, client) = Start(Server);
        using (client)
        {
            Assert.AreEqual((200, "hello world"), Send(client, HttpMethod.Get, "/hello/world"));
            Assert.AreEqual((201, "got some data"), Send(client, HttpMethod.Post, "/echo", "some data"));
            Assert.AreEqual((200, "[[\"a\" \"1\"] [\"b\" \"2\"]]"), Send(client, HttpMethod.Get, "/params?b=2&a=1"));
            Assert.AreEqual((200, "1"), Send(client, HttpMethod.Put, "/count"));
            Assert.AreEqual((200, "1"), Send(client, HttpMethod.Put, "/count"));
            Assert.AreEqual((500, "Internal Server Error"), Send(client, HttpMethod.Get, "/fail"));
            Assert.AreEqual(500, Send(client, HttpMethod.Get, "/bad").Status);
            Assert.AreEqual(404, Send(client, HttpMethod.Get, "/nowhere").Status);
            Assert.AreEqual(405, Send(client, HttpMethod.Post, "/count").Status);
            Assert.AreEqual((200, "stopping"), Send(client, HttpMethod.Get, "/stop"));
        }
        var (code, stdout, stderr) = Finish(run);
        Assert.AreEqual(0, code, stdout + stderr);
        Assert.AreEqual("listening\nnil\nafter listen 0\n", stdout);
        StringAssert.Contains(stderr, "http:server: GET /fail: the handler failed\nIndexError: 5 out of range [1 2] (length 2)\n");
        StringAssert.Contains(stderr, "At main.ark:11");
        StringAssert.Contains(stderr, "http:server: GET /bad: the handler of route '/bad' returned \"not a list\", not [status content type]\n");
    }

    [TestMethod]
    [Timeout(60000, CooperativeCancellation = true)]
    public void ScriptHandlersRunInParallel()
    {
        const int Requests = 8;
        var (run, client) = Start(Server);
        using (client)
        {
            var watch = Stopwatch.StartNew();
            var answers = Task.WhenAll(Enumerable.Range(0, Requests).Select(_ => client.GetStringAsync("/slow"))).GetAwaiter().GetResult();
            watch.Stop();
            Assert.IsTrue(answers.All(a => a == "slept"));
            // one after the other they would take 8 x 300 ms
            Assert.IsTrue(watch.Elapsed < TimeSpan.FromMilliseconds(300 * Requests / 2), $"took {watch.Elapsed}");
            Send(client, HttpMethod.Get, "/stop");
        }
        Assert.AreEqual(0, Finish(run).ExitCode);
    }

    [TestMethod]
    [Timeout(60000, CooperativeCancellation = true)]
    public void FutureCanStopTheServer()
    {
        File.WriteAllText(Path.Combine(_dir, "main.ark"), """
            (import http)
            (http:server:get "/" (fun (m b p) [200 "up" "text/plain"]))
            (let stopper (async (fun () {
                (while (nil? (http:server:port)) (sys:sleep 10))
                (sys:sleep 100)
                (http:server:stop)
                "stopped by a future" })))
            (http:server:listen 0)
            (print (await stopper))
            """);
        var run = Task.Run(() => ArkProcess.Run(_dir, "", "main.ark"));
        var (code, stdout, stderr) = Finish(run);
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual("stopped by a future\n", stdout);
    }

    [TestMethod]
    [Timeout(60000, CooperativeCancellation = true)]
    public void ExitInAHandlerEndsTheProgramWithItsCode()
    {
        var (run, client) = Start("""
            (import http)
            (http:server:get "/exit" (fun (m b p) (sys:exit 7)))
            (http:server:get "/stop" (fun (m b p) { (http:server:stop) [200 "" "text/plain"] }))
            (http:server:listen (toNumber (@ sys:args 0)))
            (print "not reached")
            """);
        using (client)
            Assert.AreEqual(500, Send(client, HttpMethod.Get, "/exit").Status);
        var (code, stdout, _) = Finish(run);
        Assert.AreEqual(7, code);
        Assert.AreEqual("", stdout);
    }

    [TestMethod]
    [Timeout(60000, CooperativeCancellation = true)]
    public void ListenErrorIsARuntimeErrorOfTheScript()
    {
        File.WriteAllText(Path.Combine(_dir, "main.ark"), "(import http)\n(http:server:listen \"nowhere\" 80)\n");
        var (code, stdout, stderr) = ArkProcess.Run(_dir, "", "main.ark");
        Assert.AreEqual(1, code);
        Assert.AreEqual("http:server:listen: 'nowhere' is not an IP address or localhost\n", stdout);
        Assert.AreEqual("At main.ark:2", stderr.TrimEnd('\n'));
    }

    [TestMethod]
    [Timeout(60000, CooperativeCancellation = true)]
    public void ScriptClientTalksToALocalServer()
    {
        using var echo = new EchoServer();
        File.WriteAllText(Path.Combine(_dir, "main.ark"), $$"""
            (import http)
            (let cli (http:client "127.0.0.1" {{echo.Port}}))
            (let headers (http:headers "X-Name" "ark"))
            (let got (http:get cli "/path?q=1" headers))
            (print (head got))
            (print (@ got 1))
            (let sent (http:post cli "/post" "{\"k\": 1}" "application/json"))
            (print (@ sent 1))
            (print (http:get (http:client "127.0.0.1" 1) "/"))
            (print headers)
            """);
        var (code, stdout, stderr) = ArkProcess.Run(_dir, "", "main.ark");
        Assert.AreEqual(0, code, stdout + stderr);
        Assert.AreEqual(
            $"200\nGET /path?q=1\nhost: 127.0.0.1:{echo.Port}\ncontent-type: \nbody: \nheaders: connection=close; x-name=ark;\nPOST /post\nhost: 127.0.0.1:{echo.Port}\ncontent-type: application/json\nbody: {{\"k\": 1}}\nheaders: connection=close;\nnil\nhttpHeaders<\n\tX-Name -> ark>\n",
            stdout);
    }

    /// <summary>Connects once to see whether the server accepts connections.</summary>
    private sealed class TcpProbe : IDisposable
    {
        private readonly System.Net.Sockets.TcpClient _client = new();

        public TcpProbe(Uri address) => _client.Connect(address.Host, address.Port);

        public void Dispose() => _client.Dispose();
    }
}
