using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ark.Modules.Http.Client;

/// <summary>
/// What an <c>http:client</c> value holds: a server address, the options the <c>http:set*</c>
/// functions change, and one <see cref="HttpClient"/>. The defaults are the reference's: no
/// redirects followed, no keep-alive, no proxy, 300 s to connect, 300 s to read, 5 s to write.
/// Thread-safe: several contexts may use one client at once.
/// </summary>
internal sealed class ArkHttpClient
{
    private readonly Lock _gate = new();
    private HttpClient? _client;
    private bool _followLocation;
    private TimeSpan _connectTimeout = TimeSpan.FromSeconds(300);
    private TimeSpan _readTimeout = TimeSpan.FromSeconds(300);
    private TimeSpan _writeTimeout = TimeSpan.FromSeconds(5);
    private bool _keepAlive;
    private Uri? _proxy;
    private string? _authorization;
    private string? _proxyAuthorization;

    public ArkHttpClient(Uri baseAddress) => BaseAddress = baseAddress;

    /// <summary>Scheme, host and port, e.g. <c>http://localhost:8080/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Follow 3xx redirections (off by default, as in the reference).</summary>
    public bool FollowLocation
    {
        set => ChangeHandler(() => _followLocation = value);
    }

    /// <summary>How long connecting may take.</summary>
    public TimeSpan ConnectTimeout
    {
        set => ChangeHandler(() => _connectTimeout = value);
    }

    /// <summary>How long one read from the connection may wait for data, as in the reference (not the whole response).</summary>
    public TimeSpan ReadTimeout
    {
        set => ChangeHandler(() => _readTimeout = value);
    }

    /// <summary>How long one write to the connection may wait.</summary>
    public TimeSpan WriteTimeout
    {
        set => ChangeHandler(() => _writeTimeout = value);
    }

    /// <summary>Keep the connection open between requests (off by default: each request closes it).</summary>
    public bool KeepAlive
    {
        set { lock (_gate) _keepAlive = value; }
    }

    /// <summary>Send every request through this HTTP proxy.</summary>
    public Uri? Proxy
    {
        set => ChangeHandler(() => _proxy = value);
    }

    /// <summary>The <c>Authorization</c> header sent with every request (basic or bearer).</summary>
    public string? Authorization
    {
        set { lock (_gate) _authorization = value; }
    }

    /// <summary>The <c>Proxy-Authorization</c> header sent with every request (basic or bearer).</summary>
    public string? ProxyAuthorization
    {
        set { lock (_gate) _proxyAuthorization = value; }
    }

    /// <summary>The <c>Authorization</c> value of HTTP basic authentication.</summary>
    public static string Basic(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    /// <summary>
    /// Sends one request and returns the response's status and body, or null when no response
    /// came (unreachable server, timeout, broken connection): the reference returns nil then.
    /// </summary>
    public async Task<(int Status, byte[] Body)?> SendAsync(HttpMethod method, string route, byte[]? body, string? contentType, NameValueList? headers)
    {
        HttpClient client;
        bool keepAlive;
        string? authorization, proxyAuthorization;
        lock (_gate)
        {
            client = _client ??= CreateClient();
            keepAlive = _keepAlive;
            authorization = _authorization;
            proxyAuthorization = _proxyAuthorization;
        }

        using var request = new HttpRequestMessage(method, new Uri(BaseAddress.GetLeftPart(UriPartial.Authority) + (route.StartsWith('/') ? route : "/" + route)));
        request.Headers.ConnectionClose = !keepAlive;
        request.Headers.TryAddWithoutValidation("Accept", "*/*");
        request.Headers.TryAddWithoutValidation("User-Agent", "ArkSharp-http/1.0");
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (proxyAuthorization is not null)
            request.Headers.TryAddWithoutValidation("Proxy-Authorization", proxyAuthorization);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType ?? "text/plain");
        }
        if (headers is not null)
            AddHeaders(request, headers);

        try
        {
            // the connection's streams time out each read and write (TimedStream)
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            return ((int)response.StatusCode, await ReadBodyAsync(response).ConfigureAwait(false));
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            return null;
        }
    }

    /// <summary>Headers that belong to a request's content rather than to the request itself.</summary>
    private static readonly HashSet<string> ContentHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Allow", "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Length",
        "Content-Location", "Content-MD5", "Content-Range", "Content-Type", "Expires", "Last-Modified",
    };

    /// <summary>The script's headers replace the defaults of the same name; content headers go on the content.</summary>
    private static void AddHeaders(HttpRequestMessage request, NameValueList headers)
    {
        foreach (var (name, _) in headers.Pairs)
        {
            if (ContentHeaders.Contains(name))
                request.Content?.Headers.Remove(name);
            else
                request.Headers.Remove(name);
        }
        foreach (var (name, value) in headers.Pairs)
        {
            if (ContentHeaders.Contains(name))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
                request.Headers.TryAddWithoutValidation(name, value);
        }
    }

    /// <summary>The body, decompressed when the server compressed it (the script may ask for it with Accept-Encoding).</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (raw.ConfigureAwait(false))
        {
            var decoded = Decoder(response.Content.Headers.ContentEncoding, raw);
            await using (decoded.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                await decoded.CopyToAsync(buffer).ConfigureAwait(false);
                return buffer.ToArray();
            }
        }
    }

    private static Stream Decoder(ICollection<string> encodings, Stream raw)
    {
        var stream = raw;
        // encodings are listed in the order they were applied
        foreach (var encoding in encodings.Reverse())
        {
            stream = encoding.ToLowerInvariant() switch
            {
                "gzip" or "x-gzip" => new GZipStream(stream, CompressionMode.Decompress),
                "deflate" => new ZLibStream(stream, CompressionMode.Decompress),
                "br" => new BrotliStream(stream, CompressionMode.Decompress),
                _ => stream,
            };
        }
        return stream;
    }

    /// <summary>Options of the connection handler apply from the next request on, with a new handler.</summary>
    private void ChangeHandler(Action change)
    {
        lock (_gate)
        {
            change();
            // requests running on the old client finish on it; it is released when they are done
            _client = null;
        }
    }

    private HttpClient CreateClient()
    {
        var readTimeout = _readTimeout;
        var writeTimeout = _writeTimeout;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancel) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancel);
                    // a socket's own timeouts apply to synchronous calls only
                    return new TimedStream(new NetworkStream(socket, ownsSocket: true), readTimeout, writeTimeout);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            AllowAutoRedirect = _followLocation,
            ConnectTimeout = _connectTimeout,
            UseProxy = _proxy is not null,
            Proxy = _proxy is null ? null : new WebProxy(_proxy),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public override string ToString() => $"httpClient<{BaseAddress.GetLeftPart(UriPartial.Authority)}>";
}
