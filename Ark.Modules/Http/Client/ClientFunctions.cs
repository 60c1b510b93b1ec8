using Ark.Vm.Errors;
using Ark.Vm.Modules;
using Ark.Vm.Values;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;

namespace Ark.Modules.Http.Client;

/// <summary>
/// <c>http:headers</c>, <c>http:client</c> and the requests made with a client. Arguments and
/// error messages are the reference's; requests return <c>[status body]</c>, or nil when no
/// response came. A request's arguments are checked at the call; the calling context then parks
/// until the response has come.
/// </summary>
internal static class ClientFunctions
{
    public const string ClientType = "httpClient";

    private static readonly Contract ClientContract = new(new Param("host", ValueKind.String), new Param("port", ValueKind.Number));

    public static void Register(ModuleBuilder module)
    {
        module.Function("headers", Headers)
            .Function("client", CreateClient)
            .AsyncFunction("get", Get)
            .AsyncFunction("post", (args, _) => SendWithBody(HttpMethod.Post, "post", args))
            .AsyncFunction("put", (args, _) => SendWithBody(HttpMethod.Put, "put", args))
            .AsyncFunction("delete", (args, _) => SendWithBody(HttpMethod.Delete, "delete", args))
            .AsyncFunction("patch", (args, _) => SendWithBody(HttpMethod.Patch, "patch", args));
        ClientOptions.Register(module);
    }

    /// <summary><c>(http:headers name value ...)</c>: headers to send with a request.</summary>
    private static Value Headers(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length % 2 == 1)
            throw new ArkException(ErrorKind.Runtime, "http:headers: needs an even number of arguments: [header -> value]");
        var pairs = new List<KeyValuePair<string, string>>(args.Length / 2);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i].Kind != ValueKind.String || args[i + 1].Kind != ValueKind.String)
                throw new ArkException(ErrorKind.Type, "http:headers: takes only String as argument");
            var name = Args.Text(args[i]);
            var value = Args.Text(args[i + 1]);
            // a header that could not be sent as given is refused here rather than dropped later
            if (name.Length == 0 || name.Any(c => c <= ' ' || c >= 127 || ":()<>@,;\\\"/[]?={}".Contains(c)))
                throw new ArkException(ErrorKind.Runtime, $"http:headers: '{name}' is not a valid header name");
            if (value.Contains('\r') || value.Contains('\n'))
                throw new ArkException(ErrorKind.Runtime, $"http:headers: the value of '{name}' can not contain a line break");
            pairs.Add(new(name, value));
        }
        return NameValueList.Headers(pairs).ToValue();
    }

    /// <summary><c>(http:client host port)</c>: a client for one server; host is a name or address, without <c>http://</c>.</summary>
    private static Value CreateClient(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length != 2 || args[0].Kind != ValueKind.String || args[1].Kind != ValueKind.Number)
            throw TypeCheck.Error("http:client", args, ClientContract);
        var host = Args.Text(args[0]);
        var port = args[1].Num;
        if (!Args.IsInteger(port, 1, 65535))
            throw new ArkException(ErrorKind.Runtime, $"http:client: port must be a whole number between 1 and 65535, not {args[1]}");
        // a scheme is accepted so that https works, which the reference's two-argument client can not do
        var address = host.Contains("://", StringComparison.Ordinal) ? host : "http://" + host;
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/" || !uri.IsDefaultPort || uri.UserInfo.Length > 0 || uri.Query.Length > 0)
            throw new ArkException(ErrorKind.Runtime, $"http:client: '{host}' is not a host name or address");
        var client = new ArkHttpClient(new UriBuilder(uri.Scheme, uri.Host, (int)port).Uri);
        return new Value(new UserType(ClientType, client, c => c.ToString()!));
    }

    /// <summary><c>(http:get client route [headers])</c>.</summary>
    private static ValueTask<Value> Get(Value[] args, ExecutionContext context)
    {
        if (args.Length is < 2 or > 3)
            throw new ArkException(ErrorKind.Runtime, "http:get: needs 2 to 3 arguments: client, route, [headers]");
        var client = CheckClient(args, "get");
        NameValueList? headers = null;
        if (args.Length == 3)
            headers = HeadersArgument(args[2]) ?? throw new ArkException(ErrorKind.Type, "http:get: headers must be httpHeaders");
        return Response(client.SendAsync(HttpMethod.Get, Args.Text(args[1]), null, null, headers));
    }

    /// <summary><c>(http:VERB client route body [content-type] [headers])</c>; the content type defaults to text/plain.</summary>
    private static ValueTask<Value> SendWithBody(HttpMethod method, string verb, Value[] args)
    {
        if (args.Length is < 3 or > 5)
            throw new ArkException(ErrorKind.Runtime, $"http:{verb}: needs 3 to 5 arguments: client, route, body, [content-type], [headers]");
        var client = CheckClient(args, verb);
        if (args[2].Kind != ValueKind.String)
            throw new ArkException(ErrorKind.Type, $"http:{verb}: body must be a String");
        string? contentType = null;
        NameValueList? headers = null;
        if (args.Length >= 4)
        {
            // with four arguments the last one may be the headers, as in the reference
            if (args.Length == 4 && HeadersArgument(args[3]) is { } only)
                headers = only;
            else if (args[3].Kind == ValueKind.String)
                contentType = Args.Text(args[3]);
            else
                throw new ArkException(ErrorKind.Type, $"http:{verb}: content-type must be a String");
        }
        if (args.Length == 5)
            headers = HeadersArgument(args[4]) ?? throw new ArkException(ErrorKind.Type, $"http:{verb}: headers must be httpHeaders");
        var body = args[2].AsString.Bytes.ToArray();
        return Response(client.SendAsync(method, Args.Text(args[1]), body, contentType ?? "text/plain", headers));
    }

    private static ArkHttpClient CheckClient(ReadOnlySpan<Value> args, string verb)
    {
        if (Args.As<ArkHttpClient>(args[0]) is not { } client)
            throw new ArkException(ErrorKind.Type, $"http:{verb}: client must be an httpClient");
        if (args[1].Kind != ValueKind.String)
            throw new ArkException(ErrorKind.Type, $"http:{verb}: route must be a String");
        return client;
    }

    private static NameValueList? HeadersArgument(in Value value) =>
        Args.As<NameValueList>(value) is { TypeName: NameValueList.HeadersType } headers ? headers : null;

    private static async ValueTask<Value> Response(Task<(int Status, byte[] Body)?> sending)
    {
        if (await sending.ConfigureAwait(false) is not { } r)
            return Value.Nil;
        return new Value(ArkList.From([new Value(r.Status), new Value(ArkString.FromBytes(r.Body))]));
    }
}
