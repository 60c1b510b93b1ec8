using System.Buffers;
using System.Text;
using Ark.Vm.Execution;
using Ark.Vm.Values;
using Microsoft.AspNetCore.Http;

namespace Ark.Modules.Http.Server;

/// <summary>
/// Answers the requests of one listening server: a mounted file, or the first route whose method
/// and pattern match, whose handler runs in a fresh execution context taken from the snapshot of
/// the script made when it started listening. Handlers run in parallel on <see cref="HandlerThreads"/>.
/// A handler that fails or returns something unusable gives a 500 and a report on standard
/// error; the server keeps running.
/// </summary>
internal sealed class RequestDispatcher(ContextSnapshot snapshot, IReadOnlyList<Route> routes, StaticFiles files, int logLevel, Action<ArkExitException> exit)
{
    private static readonly byte[] InternalError = "Internal Server Error"u8.ToArray();
    private readonly HandlerThreads _threads = new();

    /// <summary>Lets the handler threads end: the server has stopped.</summary>
    public void Close() => _threads.Close();

    private ArkHost Host => snapshot.Vm.Host;

    public async Task Process(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        var path = request.Path.HasValue ? request.Path.Value! : "/";
        var method = request.Method;
        var isHead = HttpMethods.IsHead(method);
        // HEAD is answered by the GET route, without the body
        var routeMethod = isHead ? HttpMethods.Get : method;
        byte[] body = [];
        try
        {
            if ((isHead || HttpMethods.IsGet(method)) && files.Find(path) is { } file)
            {
                var bytes = await File.ReadAllBytesAsync(file.Path, http.RequestAborted);
                await Respond(response, 200, file.ContentType, bytes, isHead);
                return;
            }

            var (route, matches, allowed) = Match(routeMethod, path);
            if (route is null)
            {
                if (allowed.Count > 0)
                    response.Headers.Allow = string.Join(", ", allowed);
                await Respond(response, allowed.Count > 0 ? 405 : 404, null, [], isHead);
                return;
            }

            body = await ReadBody(request);
            var query = request.Query;
            var parameters = query.Count == 0
                ? Value.Nil
                : NameValueList.Params(query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? "")))).ToValue();
            Value[] args = [matches, new Value(ArkString.FromBytes(body)), parameters];
            var answer = await _threads.Run(() => RunHandler(route, method, path, args));
            if (answer is { } a)
                await Respond(response, a.Status, a.ContentType, a.Content, isHead);
            else
                await Respond(response, 500, "text/plain", InternalError, isHead);
        }
        catch (BadHttpRequestException e)
        {
            // the client's fault (a body over Kestrel's 30 MB limit, a malformed one): its status, no report
            if (!response.HasStarted)
                await Respond(response, e.StatusCode, null, [], isHead);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ReportError($"{method} {path}: {e.Message}");
            if (!response.HasStarted)
                await Respond(response, 500, "text/plain", InternalError, isHead);
        }
        finally
        {
            Log(method, path, response.StatusCode, body);
            // a server runs for long: what handlers print shows now, not when it stops
            Host.Flush();
        }
    }

    /// <summary>The route for a request, the pattern's groups, and the methods the path has routes for.</summary>
    private (Route? Route, Value Matches, List<string> Allowed) Match(string method, string path)
    {
        var allowed = new List<string>();
        foreach (var route in routes)
        {
            var match = route.Regex.Match(path);
            if (!match.Success)
                continue;
            if (route.Method == method)
                return (route, Route.Groups(match), allowed);
            if (!allowed.Contains(route.Method))
                allowed.Add(route.Method);
        }
        return (null, Value.Nil, allowed);
    }

    /// <summary>Runs the handler on this thread, in a context of its own; null when it failed.</summary>
    private (int Status, string ContentType, byte[] Content)? RunHandler(Route route, string method, string path, Value[] args)
    {
        Value result;
        try
        {
            result = snapshot.Call(route.Handler, args);
        }
        catch (ArkRuntimeError error)
        {
            ReportError($"{method} {path}: the handler failed\n{error.Report.TrimEnd('\n')}\n{error.Location}");
            return null;
        }
        catch (ArkExitException request)
        {
            exit(request);
            return null;
        }

        var items = result.Obj is ArkList list ? list.Items : default;
        if (items.Length == 3 && items[0].IsNumber && Args.IsInteger(items[0].Num, 100, 999)
            && items[1].Obj is ArkString content && items[2].Obj is ArkString type)
            return ((int)items[0].Num, type.ToString(), content.Bytes.ToArray());
        ReportError($"{method} {path}: the handler of route '{route.Pattern}' returned {Printed(result)}, not [status content type]");
        return null;
    }

    private static string Printed(Value value)
    {
        // a string is quoted, as it would be inside a list
        var text = value.Obj is ArkString s ? $"\"{s}\"" : ValueFormatter.Format(value);
        return text.Length > 200 ? text[..200] + "..." : text;
    }

    private static async Task<byte[]> ReadBody(HttpRequest request)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync();
            if (read.IsCompleted)
            {
                var bytes = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return bytes;
            }
            // keep everything until the body is complete
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static async Task Respond(HttpResponse response, int status, string? contentType, byte[] content, bool isHead)
    {
        response.StatusCode = status;
        if (contentType is not null)
            response.ContentType = contentType;
        // these statuses have no body, whatever the handler gave
        if (status is 204 or 304 || (status >= 100 && status < 200))
            return;
        response.ContentLength = content.Length;
        if (!isHead && content.Length > 0)
            await response.Body.WriteAsync(content);
    }

    private void ReportError(string message)
    {
        var errors = Host.ErrorOutput;
        lock (errors)
            errors.WriteLine("http:server: " + message);
    }

    private void Log(string method, string path, int status, byte[] body)
    {
        if (logLevel <= 0)
            return;
        var line = new StringBuilder().Append('[').Append(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).Append("] ")
            .Append(method).Append(' ').Append(path).Append(' ').Append(status);
        if (logLevel >= 2 && body.Length > 0)
            line.Append(" -- ").Append(Encoding.UTF8.GetString(body));
        Host.Write(Encoding.UTF8.GetBytes(line.Append('\n').ToString()));
    }
}
