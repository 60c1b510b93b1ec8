using System.Diagnostics;
using Ark.Vm.Concurrency;
using Ark.Vm.Errors;
using Ark.Vm.Execution;
using Ark.Vm.Values;
using static Ark.Tests.Modules.Http.HttpModuleHarness;

namespace Ark.Tests.Modules.Http;

/// <summary>The http:server functions with native handlers, driven by real requests on loopback.</summary>
[TestClass]
public sealed class HttpServerTests
{
    private readonly HttpModuleHarness _http = new();

    private static Value Answer(double status, string content, string type = "text/plain") => L(N(status), S(content), S(type));

    /// <summary>A handler that shows what it was given: matches, body and params.</summary>
    private static readonly Value Describe = Native("describe", (args, _) =>
        Answer(200, $"{Show(args[0])}|{args[1].AsString}|{(args[2].IsNil ? "nil" : Show(args[2].Obj is UserType { Data: not null } ? args[2] : Value.Nil))}"));

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void RoutesAnswerTheirMethodWithMatchesBodyAndParams()
    {
        _http.Call("http:server:get", S("/hi"), Native("hi", (_, _) => Answer(200, "hello world")));
        _http.Call("http:server:get", S("/numbers/(\\d+)"), Describe);
        _http.Call("http:server:post", S("/post"), Describe);
        _http.Call("http:server:put", S("/put"), Describe);
        _http.Call("http:server:delete", S("/delete"), Describe);
        _http.Call("http:server:patch", S("/patch"), Describe);
        using var server = ListeningServer.Start(_http);

        Assert.AreEqual((200, "hello world"), server.Send(HttpMethod.Get, "/hi"));
        Assert.AreEqual((200, "[\"42\"]||nil"), server.Send(HttpMethod.Get, "/numbers/42"));
        Assert.AreEqual((200, "nil|john|nil"), server.Send(HttpMethod.Post, "/post", "john"));
        Assert.AreEqual((200, "nil|🥳|nil"), server.Send(HttpMethod.Put, "/put", "🥳"));
        Assert.AreEqual((200, "nil|x|nil"), server.Send(HttpMethod.Delete, "/delete", "x"));
        Assert.AreEqual((200, "nil|y|nil"), server.Send(HttpMethod.Patch, "/patch", "y"));
        server.Stop();
    }

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void QueryParametersArriveAsSortedParams()
    {
        _http.Call("http:server:get", S("/q"), Native("q", (args, context) =>
            Answer(200, Show(_http.Functions["http:params:toList"].Function([args[2]], context)))));
        using var server = ListeningServer.Start(_http);
        Assert.AreEqual((200, "[[\"a\" \"1\"] [\"b\" \"two words\"] [\"b\" \"3\"]]"), server.Send(HttpMethod.Get, "/q?b=two%20words&a=1&b=3"));
    }

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void UnknownPathIs404AndOtherMethodIs405WithAllow()
    {
        _http.Call("http:server:get", S("/only-get"), Native("g", (_, _) => Answer(200, "ok")));
        _http.Call("http:server:delete", S("/only-get"), Native("d", (_, _) => Answer(200, "ok")));
        using var server = ListeningServer.Start(_http);
        Assert.AreEqual(404, server.Send(HttpMethod.Get, "/nothing").Status);
        // patterns match the whole path
        Assert.AreEqual(404, server.Send(HttpMethod.Get, "/only-get/more").Status);
        using var response = server.Client.Send(new HttpRequestMessage(HttpMethod.Post, "/only-get"));
        Assert.AreEqual(405, (int)response.StatusCode);
        Assert.AreEqual("GET, DELETE", response.Content.Headers.Allow.Count == 0 ? string.Join(", ", response.Headers.GetValues("Allow")) : string.Join(", ", response.Content.Headers.Allow));
    }

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void HeadUsesTheGetRouteWithoutBody()
    {
        _http.Call("http:server:get", S("/page"), Native("p", (_, _) => Answer(201, "<p>hi</p>", "text/html")));
        using var server = ListeningServer.Start(_http);
        using var response = server.Client.Send(new HttpRequestMessage(HttpMethod.Head, "/page"));
        Assert.AreEqual(201, (int)response.StatusCode);
        Assert.AreEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual(9, response.Content.Headers.ContentLength);
        Assert.AreEqual(0, response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult().Length);
    }

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void BodyOverTheLimitIs413WithoutReport()
    {
        _http.Call("http:server:post", S("/upload"), Native("u", (_, _) => Answer(200, "stored")));
        using var server = ListeningServer.Start(_http);
        // announced only: Kestrel refuses it before reading it
        using (var socket = new System.Net.Sockets.TcpClient())
        {
            socket.Connect(System.Net.IPAddress.Loopback, server.Port);
            socket.ReceiveTimeout = 10000;
            var stream = socket.GetStream();
            stream.Write(System.Text.Encoding.ASCII.GetBytes($"POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: {31 * 1024 * 1024}\r\n\r\n"));
            var reply = new byte[64];
            var read = stream.Read(reply);
            StringAssert.StartsWith(System.Text.Encoding.ASCII.GetString(reply, 0, read), "HTTP/1.1 413 ");
        }
        Assert.AreEqual((200, "stored"), server.Send(HttpMethod.Post, "/upload", "small"));
        server.Stop();
        Assert.AreEqual("", _http.Errors.ToString());
    }

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void NoContentStatusesSendNoBody()
    {
        _http.Call("http:server:delete", S("/item"), Native("d", (_, _) => Answer(204, "ignored")));
        using var server = ListeningServer.Start(_http);
        Assert.AreEqual((204, ""), server.Send(HttpMethod.Delete, "/item"));
    }

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void HandlerErrorIs500ReportedOnStandardErrorAndTheServerGoesOn()
    {
        _http.Call("http:server:get", S("/fail"), Native("fail", (_, _) => throw new ArkException(ErrorKind.Type, "something went wrong")));
        _http.Call("http:server:get", S("/ok"), Native("ok", (_, _) => Answer(200, "fine")));
        using var server = ListeningServer.Start(_http);
        Assert.AreEqual((500, "Internal Server Error"), server.Send(HttpMethod.Get, "/fail"));
        Assert.AreEqual((200, "fine"), server.Send(HttpMethod.Get, "/ok"));
        server.Stop();
        StringAssert.StartsWith(_http.Errors.ToString(), "http:server: GET /fail: the handler failed\nTypeError: something went wrong\n");
    }

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void UnusableHandlerResultIs500()
    {
        _http.Call("http:server:get", S("/two"), Native("two", (_, _) => L(N(200), S("missing type"))));
        _http.Call("http:server:get", S("/status"), Native("status", (_, _) => Answer(1000, "x")));
        using var server = ListeningServer.Start(_http);
        Assert.AreEqual(500, server.Send(HttpMethod.Get, "/two").Status);
        Assert.AreEqual(500, server.Send(HttpMethod.Get, "/status").Status);
        server.Stop();
        Assert.AreEqual(
            "http:server: GET /two: the handler of route '/two' returned [200 \"missing type\"], not [status content type]\n"
            + "http:server: GET /status: the handler of route '/status' returned [1000 \"x\" \"text/plain\"], not [status content type]\n",
            _http.Errors.ToString());
    }

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void RequestsAreHandledInParallel()
    {
        const int Requests = 8;
        _http.Call("http:server:get", S("/slow/(\\d+)"), Native("slow", (args, _) =>
        {
            // what a blocking native does: let the GIL go while waiting
            GlobalInterpreterLock.Release();
            try
            {
                Thread.Sleep(400);
            }
            finally
            {
                GlobalInterpreterLock.Acquire();
            }
            return Answer(200, args[0].AsList[0].AsString.ToString());
        }));
        using var server = ListeningServer.Start(_http);
        var watch = Stopwatch.StartNew();
        var answers = Task.WhenAll(Enumerable.Range(0, Requests).Select(i => server.Client.GetStringAsync($"/slow/{i}")))
            .GetAwaiter().GetResult();
        watch.Stop();
        CollectionAssert.AreEquivalent(Enumerable.Range(0, Requests).Select(i => i.ToString()).ToList(), answers);
        Assert.IsTrue(watch.Elapsed < TimeSpan.FromMilliseconds(400 * Requests / 2), $"took {watch.Elapsed}");
    }

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void HandlerCanStopTheServerAndStillAnswers()
    {
        _http.Call("http:server:get", S("/stop"), Native("stop", (_, context) =>
        {
            _http.Functions["http:server:stop"].Function([], context);
            return Answer(200, "stopped");
        }));
        using var server = ListeningServer.Start(_http);
        Assert.AreEqual((200, "stopped"), server.Send(HttpMethod.Get, "/stop"));
        Assert.IsTrue(server.Listen.Wait(TimeSpan.FromSeconds(10)));
        Assert.IsTrue(server.Listen.Result.IsNil);
        Assert.IsTrue(_http.Call("http:server:port").IsNil);
    }

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void ExitInAHandlerStopsTheServerAndEndsListenWithTheExit()
    {
        _http.Call("http:server:get", S("/exit"), Native("exit", (_, _) => throw new ArkExitException(3)));
        using var server = ListeningServer.Start(_http);
        Assert.AreEqual(500, server.Send(HttpMethod.Get, "/exit").Status);
        var exit = Assert.ThrowsExactly<AggregateException>(() => server.Listen.Wait(TimeSpan.FromSeconds(10)));
        Assert.AreEqual(3, ((ArkExitException)exit.InnerException!).Code);
    }

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void ServerCanListenAgainAfterStopAndCreateForgetsRoutes()
    {
        _http.Call("http:server:get", S("/a"), Native("a", (_, _) => Answer(200, "a")));
        using (var first = ListeningServer.Start(_http))
        {
            Assert.AreEqual((200, "a"), first.Send(HttpMethod.Get, "/a"));
            first.Stop();
        }
        using (var again = ListeningServer.Start(_http))
        {
            Assert.AreEqual((200, "a"), again.Send(HttpMethod.Get, "/a"));
            again.Stop();
        }
        Assert.IsTrue(_http.Call("http:server:create").IsNil);
        using var fresh = ListeningServer.Start(_http);
        Assert.AreEqual(404, fresh.Send(HttpMethod.Get, "/a").Status);
    }

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void ConfigurationIsRefusedWhileListening()
    {
        using var server = ListeningServer.Start(_http);
        var handler = Native("h", (_, _) => Value.Nil);
        _http.AssertFails(ErrorKind.Runtime, "http:server:get: the server is listening; stop it first", "http:server:get", S("/x"), handler);
        _http.AssertFails(ErrorKind.Runtime, "http:server:create: the server is listening; stop it first", "http:server:create");
        _http.AssertFails(ErrorKind.Runtime, "http:server:enableLogger: the server is listening; stop it first", "http:server:enableLogger", N(1));
        _http.AssertFails(ErrorKind.Runtime, "http:server:listen: the server is already listening", "http:server:listen", N(0));
    }

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void PortInUseIsAnError()
    {
        using var server = ListeningServer.Start(_http);
        var other = new HttpModuleHarness();
        var error = Assert.ThrowsExactly<ArkException>(() => other.Call("http:server:listen", S("127.0.0.1"), N(server.Port)));
        Assert.AreEqual(ErrorKind.Runtime, error.Kind);
        StringAssert.StartsWith(error.Message, $"http:server:listen: can not listen on 127.0.0.1:{server.Port}: ");
        Assert.IsTrue(other.Call("http:server:port").IsNil);
    }

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void PortAloneListensOnLoopbackAndLocalhostToo()
    {
        var port = FreePort();
        using (var server = ListeningServer.Start(_http, N(port)))
        {
            Assert.AreEqual(port, server.Port);
            Assert.AreEqual(404, server.Send(HttpMethod.Get, "/").Status);
            server.Stop();
        }
        using var named = ListeningServer.Start(_http, S("localhost"), N(0));
        Assert.AreEqual(404, named.Send(HttpMethod.Get, "/").Status);
    }

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void StopWhenNotListeningDoesNothing() => Assert.IsTrue(_http.Call("http:server:stop").IsNil);

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void LoggerWritesOneLinePerRequest()
    {
        _http.Call("http:server:post", S("/log"), Native("log", (_, _) => Answer(202, "logged")));
        _http.Call("http:server:enableLogger", N(2));
        using (var server = ListeningServer.Start(_http))
        {
            server.Send(HttpMethod.Post, "/log", "payload");
            server.Send(HttpMethod.Get, "/missing");
            server.Stop();
        }
        var lines = _http.Output.TrimEnd('\n').Split('\n');
        Assert.AreEqual(2, lines.Length, _http.Output);
        StringAssert.EndsWith(lines[0], "] POST /log 202 -- payload");
        StringAssert.EndsWith(lines[1], "] GET /missing 404");
        StringAssert.StartsWith(lines[0], "[");
    }

    internal static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
