using System.Net;
using System.Text;
using Ark.Modules.Http.Server;
using Ark.Tests.TestSupport;
using Microsoft.AspNetCore.Http;

namespace Ark.Tests.Modules.Http;

/// <summary>
/// The client's requests from futures: each waits for a response that a server holds back until
/// the main program asks it to let them go. More requests wait at once than there are workers
/// and the main program sleeps first: had the requests held their workers, the main program
/// would have no thread to wake up on.
/// </summary>
[TestClass]
public sealed class HttpClientParkingTests
{
    private static string ShippedLib => Path.Combine(AppContext.BaseDirectory, "lib");

    [TestMethod]
    public void RequestsParkUntilTheirResponsesCome()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = KestrelHost.Start(new IPEndPoint(IPAddress.Loopback, 0), async http =>
        {
            if (http.Request.Path == "/release")
                release.TrySetResult();
            else
                await release.Task.WaitAsync(BoundedRun.Patience);
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            await http.Response.WriteAsync($"{http.Request.Method} {http.Request.Path} {Encoding.UTF8.GetString(body.ToArray())}");
        });
        // every verb, and at least one request more than there are workers
        string[] verbs = ["get", "post", "put", "delete", "patch"];
        var requests = Enumerable.Range(0, Math.Max(verbs.Length, Environment.ProcessorCount + 1))
            .Select(i => (Verb: verbs[i % verbs.Length], Body: i == 0 ? "" : $"body{i}"))
            .ToList();
        try
        {
            var futures = string.Join("\n  ", requests.Select(r =>
                r.Verb == "get" ? "(async http:get client \"/held\")" : $"(async http:{r.Verb} client \"/held\" \"{r.Body}\")"));
            var output = BoundedRun.Run($$"""
                (import http)
                (let client (http:client "127.0.0.1" {{server.Port}}))
                (let futures [
                  {{futures}}])
                (sys:sleep 50)
                (print (http:get client "/release"))
                (mut i 0)
                (while (< i (len futures)) {
                  (print (await (@ futures i)))
                  (set i (+ i 1)) })
                """, [ShippedLib]);
            var expected = "[200 \"GET /release \"]\n"
                + string.Concat(requests.Select(r => $"[200 \"{r.Verb.ToUpperInvariant()} /held {(r.Verb == "get" ? "" : r.Body)}\"]\n"));
            Assert.AreEqual(expected, output);
        }
        finally
        {
            server.Stop(TimeSpan.FromSeconds(2));
        }
    }
}
