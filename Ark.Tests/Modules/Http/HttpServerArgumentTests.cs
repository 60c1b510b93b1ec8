using Ark.Vm.Errors;
using Ark.Vm.Values;
using static Ark.Tests.Modules.Http.HttpModuleHarness;

namespace Ark.Tests.Modules.Http;

/// <summary>Misuse of the http:server functions: contract messages and the module's own errors.</summary>
[TestClass]
public sealed class HttpServerArgumentTests
{
    private readonly HttpModuleHarness _http = new();

    private static readonly Value Handler = Native("h", (_, _) => Value.Nil);

    [TestMethod]
    [DataRow("http:server:get")]
    [DataRow("http:server:post")]
    [DataRow("http:server:put")]
    [DataRow("http:server:delete")]
    [DataRow("http:server:patch")]
    public void RoutesTakeAPatternAndAFunction(string name)
    {
        Assert.IsTrue(_http.Call(name, S("/ok"), Handler).IsNil);
        _http.AssertFails(ErrorKind.Type,
            $"Function {name} expected 2 arguments\n  -> route (String) \n  -> content (Function) was of type String\n"
            + "Alternative 2:\n  -> route (String) \n  -> content (Closure) was of type String\n"
            + "Alternative 3:\n  -> route (String) \n  -> content (CProc) was of type String\n",
            name, S("/x"), S("content"));
        _http.AssertFails(ErrorKind.Type,
            $"Function {name} expected 2 arguments but got 1\n  -> route (String) was of type Number\n  -> content (Function) was not provided\n"
            + "Alternative 2:\n  -> route (String) was of type Number\n  -> content (Closure) was not provided\n"
            + "Alternative 3:\n  -> route (String) was of type Number\n  -> content (CProc) was not provided\n",
            name, N(1));
        _http.AssertFails(ErrorKind.Runtime,
            $"{name}: '/(unclosed' is not a valid route pattern: Invalid pattern '/(unclosed' at offset 10. Not enough )'s.",
            name, S("/(unclosed"), Handler);
    }

    [TestMethod]
    public void ListenChecksItsArguments()
    {
        const string contracts = "  -> host (String) was of type Nil\nAlternative 2:\n  -> host (String) was of type Nil\n  -> port (Number) was not provided\nAlternative 3:\n  -> port (Number) was of type Nil\n";
        _http.AssertFails(ErrorKind.Type, "Function http:server:listen expected between 1 argument and 2 arguments\n" + contracts, "http:server:listen", Value.Nil);
        _http.AssertFails(ErrorKind.Type,
            "Function http:server:listen expected between 1 argument and 2 arguments but got 0\n  -> host (String) was not provided\nAlternative 2:\n  -> host (String) was not provided\n  -> port (Number) was not provided\nAlternative 3:\n  -> port (Number) was not provided\n",
            "http:server:listen");
        _http.AssertFails(ErrorKind.Runtime, "http:server:listen: port must be a whole number between 0 and 65535, not 65536", "http:server:listen", S("127.0.0.1"), N(65536));
        _http.AssertFails(ErrorKind.Runtime, "http:server:listen: port must be a whole number between 0 and 65535, not 80.5", "http:server:listen", N(80.5));
        _http.AssertFails(ErrorKind.Runtime, "http:server:listen: 'example.org' is not an IP address or localhost", "http:server:listen", S("example.org"), N(8080));
    }

    [TestMethod]
    [DataRow("http:server:create")]
    [DataRow("http:server:stop")]
    [DataRow("http:server:port")]
    public void FunctionsWithoutArgumentsRefuseSome(string name) =>
        _http.AssertFails(ErrorKind.Type, $"Function {name} expected 0 argument but got 1\n", name, N(1));

    [TestMethod]
    public void PortIsNilWhenNotListening() => Assert.IsTrue(_http.Call("http:server:port").IsNil);

    [TestMethod]
    public void MountPointsCheckTheirArgumentsAndFolders()
    {
        _http.AssertFails(ErrorKind.Type,
            "Function http:server:setMountPoint expected 2 arguments but got 1\n  -> mountpoint (String) \n  -> folder (String) was not provided\n",
            "http:server:setMountPoint", S("/"));
        _http.AssertFails(ErrorKind.Type,
            "Function http:server:rmMountPoint expected 1 argument\n  -> mountpoint (String) was of type Number\n",
            "http:server:rmMountPoint", N(1));
        _http.AssertFails(ErrorKind.Type,
            "Function http:server:setFileExtAndMimetypeMapping expected 2 arguments\n  -> ext (String) \n  -> mimetype (String) was of type Nil\n",
            "http:server:setFileExtAndMimetypeMapping", S("cc"), Value.Nil);
        _http.AssertFails(ErrorKind.Type,
            "Function http:server:enableLogger expected 1 argument but got 0\n  -> logLevel (Number) was not provided\n",
            "http:server:enableLogger");
        Assert.AreEqual(Value.False.Kind, _http.Call("http:server:setMountPoint", S("/"), S("/no/such/folder")).Kind);
        Assert.AreEqual(Value.False.Kind, _http.Call("http:server:rmMountPoint", S("/never-mounted")).Kind);
    }
}
