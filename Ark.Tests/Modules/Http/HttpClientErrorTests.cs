using Ark.Vm.Errors;
using Ark.Vm.Values;
using static Ark.Tests.Modules.Http.HttpModuleHarness;

namespace Ark.Tests.Modules.Http;

/// <summary>Misuse of http:headers, http:client and the request functions: the reference's messages.</summary>
[TestClass]
public sealed class HttpClientErrorTests
{
    private readonly HttpModuleHarness _http = new();

    private Value Client() => _http.Call("http:client", S("127.0.0.1"), N(9));

    [TestMethod]
    public void HeadersComeInPairsOfStrings()
    {
        _http.AssertFails(ErrorKind.Runtime, "http:headers: needs an even number of arguments: [header -> value]", "http:headers", S("a"));
        _http.AssertFails(ErrorKind.Type, "TypeError: http:headers: takes only String as argument", "http:headers", S("a"), N(1));
        _http.AssertFails(ErrorKind.Type, "TypeError: http:headers: takes only String as argument", "http:headers", Value.Nil, S("b"));
    }

    [TestMethod]
    public void HeaderNamesAndValuesMustBeSendable()
    {
        _http.AssertFails(ErrorKind.Runtime, "http:headers: 'bad name' is not a valid header name", "http:headers", S("bad name"), S("v"));
        _http.AssertFails(ErrorKind.Runtime, "http:headers: '' is not a valid header name", "http:headers", S(""), S("v"));
        _http.AssertFails(ErrorKind.Runtime, "http:headers: the value of 'X' can not contain a line break", "http:headers", S("X"), S("a\r\nInjected: 1"));
    }

    [TestMethod]
    public void ClientTakesAHostAndAPort()
    {
        _http.AssertFails(ErrorKind.Type,
            "Function http:client expected 2 arguments\n  -> host (String) was of type Number\n  -> port (Number) \n",
            "http:client", N(1), N(80));
        _http.AssertFails(ErrorKind.Type,
            "Function http:client expected 2 arguments but got 1\n  -> host (String) \n  -> port (Number) was not provided\n",
            "http:client", S("localhost"));
    }

    [TestMethod]
    public void ClientRefusesBadHostsAndPorts()
    {
        _http.AssertFails(ErrorKind.Runtime, "http:client: port must be a whole number between 1 and 65535, not 70000", "http:client", S("localhost"), N(70000));
        _http.AssertFails(ErrorKind.Runtime, "http:client: port must be a whole number between 1 and 65535, not 1.5", "http:client", S("localhost"), N(1.5));
        _http.AssertFails(ErrorKind.Runtime, "http:client: 'localhost:8080' is not a host name or address", "http:client", S("localhost:8080"), N(80));
        _http.AssertFails(ErrorKind.Runtime, "http:client: 'ftp://host' is not a host name or address", "http:client", S("ftp://host"), N(21));
        _http.AssertFails(ErrorKind.Runtime, "http:client: 'host/path' is not a host name or address", "http:client", S("host/path"), N(80));
    }

    [TestMethod]
    public void GetChecksItsArguments()
    {
        _http.AssertFails(ErrorKind.Runtime, "http:get: needs 2 to 3 arguments: client, route, [headers]", "http:get", Client());
        _http.AssertFails(ErrorKind.Runtime, "http:get: needs 2 to 3 arguments: client, route, [headers]", "http:get", Client(), S("/"), Value.Nil, Value.Nil);
        _http.AssertFails(ErrorKind.Type, "TypeError: http:get: client must be an httpClient", "http:get", S("client"), S("/"));
        _http.AssertFails(ErrorKind.Type, "TypeError: http:get: client must be an httpClient", "http:get", _http.Call("http:headers"), S("/"));
        _http.AssertFails(ErrorKind.Type, "TypeError: http:get: route must be a String", "http:get", Client(), N(1));
        _http.AssertFails(ErrorKind.Type, "TypeError: http:get: headers must be httpHeaders", "http:get", Client(), S("/"), S("h"));
        _http.AssertFails(ErrorKind.Type, "TypeError: http:get: headers must be httpHeaders", "http:get", Client(), S("/"), _http.Call("http:params:create"));
    }

    [TestMethod]
    [DataRow("post")]
    [DataRow("put")]
    [DataRow("patch")]
    [DataRow("delete")]
    public void VerbsCheckTheirArguments(string verb)
    {
        var name = "http:" + verb;
        var count = $"{name}: needs 3 to 5 arguments: client, route, body, [content-type], [headers]";
        _http.AssertFails(ErrorKind.Runtime, count, name, Client(), S("/"));
        _http.AssertFails(ErrorKind.Runtime, count, name, Client(), S("/"), S("b"), S("t"), _http.Call("http:headers"), Value.Nil);
        _http.AssertFails(ErrorKind.Type, $"TypeError: {name}: client must be an httpClient", name, Value.Nil, S("/"), S("b"));
        _http.AssertFails(ErrorKind.Type, $"TypeError: {name}: route must be a String", name, Client(), Value.Nil, S("b"));
        _http.AssertFails(ErrorKind.Type, $"TypeError: {name}: body must be a String", name, Client(), S("/"), N(5));
        _http.AssertFails(ErrorKind.Type, $"TypeError: {name}: content-type must be a String", name, Client(), S("/"), S("b"), N(1));
        _http.AssertFails(ErrorKind.Type, $"TypeError: {name}: content-type must be a String", name, Client(), S("/"), S("b"), _http.Call("http:headers"), _http.Call("http:headers"));
        _http.AssertFails(ErrorKind.Type, $"TypeError: {name}: headers must be httpHeaders", name, Client(), S("/"), S("b"), S("text/plain"), S("h"));
    }

    [TestMethod]
    public void ParamsAreSortedPairsOfStrings()
    {
        var parameters = _http.Call("http:params:create", S("note"), S("coder"), S("name"), S("john"), S("name"), S("jane"));
        Assert.AreEqual("httpParams<\n\tname -> john\n\tname -> jane\n\tnote -> coder>", Show(parameters));
        Assert.AreEqual("[[\"name\" \"john\"] [\"name\" \"jane\"] [\"note\" \"coder\"]]", Show(_http.Call("http:params:toList", parameters)));
        Assert.AreEqual("[]", Show(_http.Call("http:params:toList", _http.Call("http:params:create"))));
    }

    [TestMethod]
    public void ParamsCheckTheirArguments()
    {
        _http.AssertFails(ErrorKind.Runtime, "http:params:create: needs an even number of arguments: [key -> value]", "http:params:create", S("k"));
        _http.AssertFails(ErrorKind.Type, "TypeError: http:params:create: takes only String as arguments", "http:params:create", S("k"), N(1));
        _http.AssertFails(ErrorKind.Type, "Function http:params:toList expected 1 argument\n  -> params (UserType) was of type List\n", "http:params:toList", L());
        _http.AssertFails(ErrorKind.Type, "Function http:params:toList expected 1 argument\n  -> params (UserType) \n", "http:params:toList", _http.Call("http:headers"));
        _http.AssertFails(ErrorKind.Type, "Function http:params:toList expected 1 argument but got 0\n  -> params (UserType) was not provided\n", "http:params:toList");
    }
}
