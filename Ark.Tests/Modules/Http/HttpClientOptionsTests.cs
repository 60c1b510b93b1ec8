using Ark.Vm.Errors;
using Ark.Vm.Values;
using static Ark.Tests.Modules.Http.HttpModuleHarness;

namespace Ark.Tests.Modules.Http;

/// <summary>The http:set* options, seen from the echo server's side.</summary>
[TestClass]
public sealed class HttpClientOptionsTests
{
    private static EchoServer _server = null!;
    private readonly HttpModuleHarness _http = new();

    [ClassInitialize]
    public static void StartServer(TestContext _) => _server = new EchoServer();

    [ClassCleanup]
    public static void StopServer() => _server.Dispose();

    private Value Client() => _http.Call("http:client", S("127.0.0.1"), N(_server.Port));

    private string[] Get(Value client, string route = "/")
    {
        var response = _http.Call("http:get", client, S(route));
        Assert.AreEqual(ValueKind.List, response.Kind, Show(response));
        return response.AsList[1].AsString.ToString().Split('\n');
    }

    [TestMethod]
    [Timeout(20000, CooperativeCancellation = true)]
    public void RedirectsAreFollowedOnlyWhenAsked()
    {
        var client = Client();
        Assert.AreEqual(302, _http.Call("http:get", client, S("/redirect")).AsList[0].Num);
        Assert.IsTrue(_http.Call("http:setFollowLocation", client, Value.True).IsNil);
        Assert.AreEqual("GET /target", Get(client, "/redirect")[0]);
        _http.Call("http:setFollowLocation", client, Value.False);
        Assert.AreEqual(302, _http.Call("http:get", client, S("/redirect")).AsList[0].Num);
    }

    [TestMethod]
    [Timeout(20000, CooperativeCancellation = true)]
    public void KeepAliveDropsConnectionClose()
    {
        var client = Client();
        Assert.AreEqual("headers: connection=close;", Get(client)[4]);
        Assert.IsTrue(_http.Call("http:setKeepAlive", client, Value.True).IsNil);
        Assert.AreEqual("headers:", Get(client)[4]);
    }

    [TestMethod]
    [Timeout(20000, CooperativeCancellation = true)]
    public void BasicAndBearerAuthorization()
    {
        var client = Client();
        Assert.IsTrue(_http.Call("http:setBasicAuth", client, S("user"), S("pass")).IsNil);
        Assert.AreEqual("headers: authorization=Basic dXNlcjpwYXNz; connection=close;", Get(client)[4]);
        Assert.IsTrue(_http.Call("http:setBearerTokenAuth", client, S("tok3n")).IsNil);
        Assert.AreEqual("headers: authorization=Bearer tok3n; connection=close;", Get(client)[4]);
    }

    [TestMethod]
    [Timeout(20000, CooperativeCancellation = true)]
    public void RequestsGoThroughTheProxyWithItsAuthorization()
    {
        // the echo server plays the proxy: the target host is never resolved or contacted
        var client = _http.Call("http:client", S("target.invalid"), N(8080));
        Assert.IsTrue(_http.Call("http:setProxy", client, S("127.0.0.1"), N(_server.Port)).IsNil);
        Assert.IsTrue(_http.Call("http:setProxyBasicAuth", client, S("me"), S("secret")).IsNil);
        var lines = Get(client, "/via-proxy");
        Assert.AreEqual("GET /via-proxy", lines[0]);
        Assert.AreEqual("host: target.invalid:8080", lines[1]);
        Assert.AreEqual("headers: connection=close; proxy-authorization=Basic bWU6c2VjcmV0;", lines[4]);
        _http.Call("http:setProxyBearerTokenAuth", client, S("abc"));
        Assert.AreEqual("headers: connection=close; proxy-authorization=Bearer abc;", Get(client, "/via-proxy")[4]);
    }

    [TestMethod]
    [Timeout(20000, CooperativeCancellation = true)]
    public void ReadTimeoutGivesNil()
    {
        var client = Client();
        Assert.IsTrue(_http.Call("http:setReadTimeout", client, N(0), N(300000)).IsNil);
        var started = DateTime.UtcNow;
        Assert.IsTrue(_http.Call("http:get", client, S("/slow")).IsNil);
        Assert.IsTrue(DateTime.UtcNow - started < TimeSpan.FromSeconds(2.5));
    }

    [TestMethod]
    [Timeout(20000, CooperativeCancellation = true)]
    public void TimeoutsAcceptPositiveDurations()
    {
        var client = Client();
        Assert.IsTrue(_http.Call("http:setConnectionTimeout", client, N(2), N(0)).IsNil);
        Assert.IsTrue(_http.Call("http:setWriteTimeout", client, N(1), N(500)).IsNil);
        Assert.AreEqual("GET /", Get(client)[0]);
    }

    [TestMethod]
    [DataRow("http:setConnectionTimeout")]
    [DataRow("http:setReadTimeout")]
    [DataRow("http:setWriteTimeout")]
    public void TimeoutsMustBePositive(string name) =>
        _http.AssertFails(ErrorKind.Runtime, $"{name}: the timeout must be more than 0 and at most 24 days, not -1 seconds", name, Client(), N(-1), N(0));

    [TestMethod]
    [DataRow("http:setConnectionTimeout")]
    [DataRow("http:setReadTimeout")]
    [DataRow("http:setWriteTimeout")]
    public void TimeoutsCheckTheirArguments(string name)
    {
        _http.AssertFails(ErrorKind.Type,
            $"Function {name} expected 3 arguments\n  -> httpClient (UserType) \n  -> seconds (Number) was of type String\n  -> microseconds (Number) \n",
            name, Client(), S("1"), N(0));
        _http.AssertFails(ErrorKind.Type,
            $"Function {name} expected 3 arguments but got 1\n  -> httpClient (UserType) was of type Number\n  -> seconds (Number) was not provided\n  -> microseconds (Number) was not provided\n",
            name, N(1));
    }

    [TestMethod]
    [DataRow("http:setFollowLocation", "value")]
    [DataRow("http:setKeepAlive", "toggle")]
    public void TogglesTakeAClientAndABool(string name, string param)
    {
        _http.AssertFails(ErrorKind.Type,
            $"Function {name} expected 2 arguments\n  -> httpClient (UserType) \n  -> {param} (Bool) was of type Number\nAlternative 2:\n  -> httpClient (UserType) \n  -> {param} (Bool) was of type Number\n",
            name, Client(), N(1));
        // a user type that is not a client matches the kinds but is still refused; true is not the second contract's false
        _http.AssertFails(ErrorKind.Type,
            $"Function {name} expected 2 arguments\n  -> httpClient (UserType) \n  -> {param} (Bool) \nAlternative 2:\n  -> httpClient (UserType) \n  -> {param} (Bool) was of type Bool\n",
            name, _http.Call("http:headers"), Value.True);
    }

    [TestMethod]
    [DataRow("http:setBasicAuth")]
    [DataRow("http:setProxyBasicAuth")]
    public void CredentialsAreTwoStrings(string name) =>
        _http.AssertFails(ErrorKind.Type,
            $"Function {name} expected 3 arguments but got 2\n  -> httpClient (UserType) \n  -> username (String) \n  -> password (String) was not provided\n",
            name, Client(), S("user"));

    [TestMethod]
    [DataRow("http:setBearerTokenAuth")]
    [DataRow("http:setProxyBearerTokenAuth")]
    public void TokensAreStrings(string name) =>
        _http.AssertFails(ErrorKind.Type,
            $"Function {name} expected 2 arguments\n  -> httpClient (UserType) \n  -> token (String) was of type Nil\n",
            name, Client(), Value.Nil);

    [TestMethod]
    public void ProxyChecksItsArguments()
    {
        _http.AssertFails(ErrorKind.Type,
            "Function http:setProxy expected 3 arguments\n  -> httpClient (UserType) \n  -> host (String) \n  -> port (Number) was of type String\n",
            "http:setProxy", Client(), S("127.0.0.1"), S("80"));
        _http.AssertFails(ErrorKind.Runtime, "http:setProxy: port must be a whole number between 1 and 65535, not 0", "http:setProxy", Client(), S("127.0.0.1"), N(0));
        _http.AssertFails(ErrorKind.Runtime, "http:setProxy: 'no host' is not a host name or address", "http:setProxy", Client(), S("no host"), N(80));
    }
}
