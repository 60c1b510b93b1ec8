using Ark.Vm.Values;
using static Ark.Tests.Modules.Http.HttpModuleHarness;

namespace Ark.Tests.Modules.Http;

/// <summary>Requests made with http:client against a loopback echo server.</summary>
[TestClass]
public sealed class HttpClientTests
{
    private static EchoServer _server = null!;
    private readonly HttpModuleHarness _http = new();

    [ClassInitialize]
    public static void StartServer(TestContext _) => _server = new EchoServer();

    [ClassCleanup]
    public static void StopServer() => _server.Dispose();

    private Value Client() => _http.Call("http:client", S("127.0.0.1"), N(_server.Port));

    private Value Headers() => _http.Call("http:headers", S("X-Test"), S("value"), S("X-User"), S("foo"));

    /// <summary>The response's status and the lines of the echoed description.</summary>
    private static (double Status, string[] Lines) Parse(Value response)
    {
        Assert.AreEqual(ValueKind.List, response.Kind, Show(response));
        var items = response.AsList.Items;
        Assert.AreEqual(2, items.Length);
        return (items[0].Num, items[1].AsString.ToString().Split('\n'));
    }

    [TestMethod]
    [Timeout(20000, CooperativeCancellation = true)]
    public void GetReturnsStatusAndBody()
    {
        var (status, lines) = Parse(_http.Call("http:get", Client(), S("/hello/world?question=y&count=5")));
        Assert.AreEqual(200, status);
        Assert.AreEqual("GET /hello/world?question=y&count=5", lines[0]);
        Assert.AreEqual($"host: 127.0.0.1:{_server.Port}", lines[1]);
        Assert.AreEqual("body: ", lines[3]);
        // no keep-alive by default, as in the reference
        Assert.AreEqual("headers: connection=close;", lines[4]);
    }

    [TestMethod]
    [Timeout(20000, CooperativeCancellation = true)]
    public void GetSendsTheGivenHeaders()
    {
        var (_, lines) = Parse(_http.Call("http:get", Client(), S("/login"), Headers()));
        Assert.AreEqual("headers: connection=close; x-test=value; x-user=foo;", lines[4]);
    }

    [TestMethod]
    [Timeout(20000, CooperativeCancellation = true)]
    public void RouteWithoutLeadingSlashGetsOne() =>
        Assert.AreEqual("GET /plain", Parse(_http.Call("http:get", Client(), S("plain"))).Lines[0]);

    [TestMethod]
    [Timeout(20000, CooperativeCancellation = true)]
    public void StatusOtherThan200IsReturned() =>
        Assert.AreEqual(404, Parse(_http.Call("http:get", Client(), S("/status/404"))).Status);

    [TestMethod]
    [Timeout(20000, CooperativeCancellation = true)]
    public void CompressedBodiesAreDecoded()
    {
        var (_, lines) = Parse(_http.Call("http:get", Client(), S("/gzip"), _http.Call("http:headers", S("Accept-Encoding"), S("gzip"))));
        Assert.AreEqual("GET /gzip", lines[0]);
        Assert.AreEqual("headers: accept-encoding=gzip; connection=close;", lines[4]);
    }

    [TestMethod]
    [Timeout(20000, CooperativeCancellation = true)]
    public void UnreachableServerGivesNil()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Assert.IsTrue(_http.Call("http:get", _http.Call("http:client", S("127.0.0.1"), N(port)), S("/")).IsNil);
    }

    [TestMethod]
    [Timeout(20000, CooperativeCancellation = true)]
    [DataRow("post", "POST")]
    [DataRow("put", "PUT")]
    [DataRow("patch", "PATCH")]
    [DataRow("delete", "DELETE")]
    public void VerbsSendTheirBodyAsTextPlainByDefault(string verb, string method)
    {
        var (status, lines) = Parse(_http.Call("http:" + verb, Client(), S("/"), S("hello 🥳")));
        Assert.AreEqual(200, status);
        Assert.AreEqual(method + " /", lines[0]);
        Assert.AreEqual("content-type: text/plain", lines[2]);
        Assert.AreEqual("body: hello 🥳", lines[3]);
    }

    [TestMethod]
    [Timeout(20000, CooperativeCancellation = true)]
    [DataRow("post", "POST")]
    [DataRow("put", "PUT")]
    [DataRow("patch", "PATCH")]
    [DataRow("delete", "DELETE")]
    public void VerbsTakeAContentTypeAndHeaders(string verb, string method)
    {
        const string json = "{\"key\": 5, \"list\": []}";
        var (_, lines) = Parse(_http.Call("http:" + verb, Client(), S("/data?x=1"), S(json), S("application/json"), Headers()));
        Assert.AreEqual(method + " /data?x=1", lines[0]);
        Assert.AreEqual("content-type: application/json", lines[2]);
        Assert.AreEqual("body: " + json, lines[3]);
        Assert.AreEqual("headers: connection=close; x-test=value; x-user=foo;", lines[4]);
    }

    [TestMethod]
    [Timeout(20000, CooperativeCancellation = true)]
    public void HeadersMayComeFourthWithoutAContentType()
    {
        var (_, lines) = Parse(_http.Call("http:post", Client(), S("/"), S("data"), Headers()));
        Assert.AreEqual("content-type: text/plain", lines[2]);
        Assert.AreEqual("headers: connection=close; x-test=value; x-user=foo;", lines[4]);
    }

    [TestMethod]
    [Timeout(20000, CooperativeCancellation = true)]
    public void AContentTypeHeaderOverridesTheDefault()
    {
        var (_, lines) = Parse(_http.Call("http:post", Client(), S("/"), S("a=1"), _http.Call("http:headers", S("Content-Type"), S("application/x-www-form-urlencoded"))));
        Assert.AreEqual("content-type: application/x-www-form-urlencoded", lines[2]);
    }

    [TestMethod]
    [Timeout(20000, CooperativeCancellation = true)]
    public void ClientAndHeadersPrintWhatTheyHold()
    {
        Assert.AreEqual($"httpClient<http://127.0.0.1:{_server.Port}>", Show(Client()));
        Assert.AreEqual("httpHeaders<\n\tX-Test -> value\n\tX-User -> foo>", Show(Headers()));
        Assert.AreEqual("httpHeaders<>", Show(_http.Call("http:headers")));
        Assert.AreEqual("UserType", Client().Kind.TypeName());
    }

    [TestMethod]
    [Timeout(20000, CooperativeCancellation = true)]
    public void HostNameAndSchemeAreAccepted()
    {
        Assert.AreEqual($"httpClient<http://localhost:{_server.Port}>", Show(_http.Call("http:client", S("localhost"), N(_server.Port))));
        Assert.AreEqual("httpClient<https://example.org:8443>", Show(_http.Call("http:client", S("https://example.org"), N(8443))));
        Assert.AreEqual(200, Parse(_http.Call("http:get", _http.Call("http:client", S("localhost"), N(_server.Port)), S("/"))).Status);
    }
}
