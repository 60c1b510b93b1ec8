using Ark.Vm.Values;
using static Ark.Tests.Modules.Http.HttpModuleHarness;

namespace Ark.Tests.Modules.Http;

/// <summary>Folders served with http:server:setMountPoint.</summary>
[TestClass]
public sealed class HttpStaticFilesTests
{
    private readonly HttpModuleHarness _http = new();
    private string _root = null!;

    [TestInitialize]
    public void MakeFolders()
    {
        _root = Path.Combine(Path.GetTempPath(), "ark-http-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, "www", "sub"));
        Directory.CreateDirectory(Path.Combine(_root, "other"));
        File.WriteAllText(Path.Combine(_root, "www", "index.html"), "<h1>home</h1>");
        File.WriteAllText(Path.Combine(_root, "www", "sub", "code.cc"), "int main() {}");
        File.WriteAllText(Path.Combine(_root, "other", "only-here.txt"), "second folder");
        File.WriteAllText(Path.Combine(_root, "secret.txt"), "outside");
    }

    [TestCleanup]
    public void RemoveFolders() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void MountedFoldersAreServedInOrderWithTheirTypes()
    {
        Assert.AreEqual(ValueKind.True, _http.Call("http:server:setMountPoint", S("/public"), S(Path.Combine(_root, "www"))).Kind);
        Assert.AreEqual(ValueKind.True, _http.Call("http:server:setMountPoint", S("/public"), S(Path.Combine(_root, "other"))).Kind);
        Assert.IsTrue(_http.Call("http:server:setFileExtAndMimetypeMapping", S("cc"), S("text/x-c")).IsNil);
        using var server = ListeningServer.Start(_http);

        using (var index = server.Client.GetAsync("/public/").GetAwaiter().GetResult())
        {
            Assert.AreEqual(200, (int)index.StatusCode);
            Assert.AreEqual("text/html", index.Content.Headers.ContentType?.MediaType);
            Assert.AreEqual("<h1>home</h1>", index.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        }
        using (var code = server.Client.GetAsync("/public/sub/code.cc").GetAwaiter().GetResult())
            Assert.AreEqual("text/x-c", code.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual((200, "second folder"), server.Send(HttpMethod.Get, "/public/only-here.txt"));
        Assert.AreEqual(404, server.Send(HttpMethod.Get, "/public/../secret.txt").Status);
        Assert.AreEqual(404, server.Send(HttpMethod.Get, "/public/%2e%2e/secret.txt").Status);
        Assert.AreEqual(404, server.Send(HttpMethod.Get, "/publicity/index.html").Status);
    }

    [TestMethod]
    [Timeout(30000, CooperativeCancellation = true)]
    public void UnmountedFoldersAreNoLongerServed()
    {
        _http.Call("http:server:setMountPoint", S("/"), S(Path.Combine(_root, "www")));
        Assert.AreEqual(ValueKind.True, _http.Call("http:server:rmMountPoint", S("/")).Kind);
        using var server = ListeningServer.Start(_http);
        Assert.AreEqual(404, server.Send(HttpMethod.Get, "/index.html").Status);
    }
}
