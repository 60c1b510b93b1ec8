using System.IO.Compression;
using System.Net;
using System.Text;
using Ark.Modules.Http.Server;
using Microsoft.AspNetCore.Http;

namespace Ark.Tests.Modules.Http;

/// <summary>
/// A loopback server for the client tests: it describes each request it gets (method, target,
/// host, content type, body and headers) and has a few special routes (redirects, a slow
/// answer, compressed bodies, any status).
/// </summary>
internal sealed class EchoServer : IDisposable
{
    private readonly KestrelHost _host;

    public EchoServer() => _host = KestrelHost.Start(new IPEndPoint(IPAddress.Loopback, 0), Answer);

    public int Port => _host.Port;

    public void Dispose() => _host.Stop(TimeSpan.FromSeconds(2));

    /// <summary>Headers every request carries, left out of the description.</summary>
    private static readonly HashSet<string> Usual = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Content-Type", "Accept", "User-Agent",
    };

    private static async Task Answer(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        var path = request.Path.Value ?? "/";
        if (path == "/redirect")
        {
            response.StatusCode = 302;
            response.Headers.Location = "/target";
            return;
        }
        if (path == "/slow")
            await Task.Delay(TimeSpan.FromSeconds(3));
        if (path.StartsWith("/status/", StringComparison.Ordinal))
            response.StatusCode = int.Parse(path["/status/".Length..]);

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var text = new StringBuilder()
            .Append(request.Method).Append(' ').Append(path).Append(request.QueryString.Value).Append('\n')
            .Append("host: ").Append(request.Host.Value).Append('\n')
            .Append("content-type: ").Append(request.ContentType).Append('\n')
            .Append("body: ").Append(Encoding.UTF8.GetString(body.ToArray())).Append('\n')
            .Append("headers:");
        foreach (var header in request.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (!Usual.Contains(header.Key))
                text.Append(' ').Append(header.Key.ToLowerInvariant()).Append('=').Append(header.Value.ToString()).Append(';');
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        if (path == "/gzip")
        {
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
                gzip.Write(bytes);
            bytes = compressed.ToArray();
            response.Headers.ContentEncoding = "gzip";
        }
        response.ContentType = "text/plain";
        await response.Body.WriteAsync(bytes);
    }
}
