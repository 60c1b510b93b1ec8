using Ark.Vm.Errors;
using Ark.Vm.Modules;
using Ark.Vm.Values;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;

namespace Ark.Modules.Http.Client;

/// <summary>The <c>http:set*</c> functions: options of a client, applied from its next request on. All return nil.</summary>
internal static class ClientOptions
{
    private static readonly Param ClientParam = new("httpClient", ValueKind.UserType);

    public static void Register(ModuleBuilder module)
    {
        module.Function("setFollowLocation", Toggle("setFollowLocation", "value", (c, on) => c.FollowLocation = on))
            .Function("setKeepAlive", Toggle("setKeepAlive", "toggle", (c, on) => c.KeepAlive = on))
            .Function("setConnectionTimeout", Timeout("setConnectionTimeout", (c, t) => c.ConnectTimeout = t))
            .Function("setReadTimeout", Timeout("setReadTimeout", (c, t) => c.ReadTimeout = t))
            .Function("setWriteTimeout", Timeout("setWriteTimeout", (c, t) => c.WriteTimeout = t))
            .Function("setBasicAuth", Credentials("setBasicAuth", (c, user, password) => c.Authorization = ArkHttpClient.Basic(user, password)))
            .Function("setBearerTokenAuth", Token("setBearerTokenAuth", (c, token) => c.Authorization = "Bearer " + token))
            .Function("setProxy", SetProxy)
            .Function("setProxyBasicAuth", Credentials("setProxyBasicAuth", (c, user, password) => c.ProxyAuthorization = ArkHttpClient.Basic(user, password)))
            .Function("setProxyBearerTokenAuth", Token("setProxyBearerTokenAuth", (c, token) => c.ProxyAuthorization = "Bearer " + token));
    }

    /// <summary><c>(http:NAME client bool)</c>.</summary>
    private static NativeFn Toggle(string name, string paramName, Action<ArkHttpClient, bool> apply)
    {
        Contract[] contracts =
        [
            new(ClientParam, new Param(paramName, ValueKind.True)),
            new(ClientParam, new Param(paramName, ValueKind.False)),
        ];
        return (args, _) =>
        {
            if (args.Length != 2 || args[1].Kind is not (ValueKind.True or ValueKind.False) || Args.As<ArkHttpClient>(args[0]) is not { } client)
                throw TypeCheck.Error("http:" + name, args, contracts);
            apply(client, args[1].Kind == ValueKind.True);
            return Value.Nil;
        };
    }

    /// <summary><c>(http:NAME client seconds microseconds)</c>: the timeout is their sum.</summary>
    private static NativeFn Timeout(string name, Action<ArkHttpClient, TimeSpan> apply)
    {
        var contract = new Contract(ClientParam, new Param("seconds", ValueKind.Number), new Param("microseconds", ValueKind.Number));
        return (args, _) =>
        {
            if (args.Length != 3 || args[1].Kind != ValueKind.Number || args[2].Kind != ValueKind.Number || Args.As<ArkHttpClient>(args[0]) is not { } client)
                throw TypeCheck.Error("http:" + name, args, contract);
            var timeout = TimeSpan.FromSeconds(Math.Truncate(args[1].Num)) + TimeSpan.FromMicroseconds(Math.Truncate(args[2].Num));
            if (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromDays(24))
                throw new ArkException(ErrorKind.Runtime, $"http:{name}: the timeout must be more than 0 and at most 24 days, not {timeout.TotalSeconds} seconds");
            apply(client, timeout);
            return Value.Nil;
        };
    }

    /// <summary><c>(http:NAME client username password)</c>.</summary>
    private static NativeFn Credentials(string name, Action<ArkHttpClient, string, string> apply)
    {
        var contract = new Contract(ClientParam, new Param("username", ValueKind.String), new Param("password", ValueKind.String));
        return (args, _) =>
        {
            if (args.Length != 3 || args[1].Kind != ValueKind.String || args[2].Kind != ValueKind.String || Args.As<ArkHttpClient>(args[0]) is not { } client)
                throw TypeCheck.Error("http:" + name, args, contract);
            apply(client, Args.Text(args[1]), Args.Text(args[2]));
            return Value.Nil;
        };
    }

    /// <summary><c>(http:NAME client token)</c>.</summary>
    private static NativeFn Token(string name, Action<ArkHttpClient, string> apply)
    {
        var contract = new Contract(ClientParam, new Param("token", ValueKind.String));
        return (args, _) =>
        {
            if (args.Length != 2 || args[1].Kind != ValueKind.String || Args.As<ArkHttpClient>(args[0]) is not { } client)
                throw TypeCheck.Error("http:" + name, args, contract);
            apply(client, Args.Text(args[1]));
            return Value.Nil;
        };
    }

    private static readonly Contract ProxyContract = new(ClientParam, new Param("host", ValueKind.String), new Param("port", ValueKind.Number));

    /// <summary><c>(http:setProxy client host port)</c>: an HTTP proxy.</summary>
    private static Value SetProxy(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length != 3 || args[1].Kind != ValueKind.String || args[2].Kind != ValueKind.Number || Args.As<ArkHttpClient>(args[0]) is not { } client)
            throw TypeCheck.Error("http:setProxy", args, ProxyContract);
        var host = Args.Text(args[1]);
        if (!Args.IsInteger(args[2].Num, 1, 65535))
            throw new ArkException(ErrorKind.Runtime, $"http:setProxy: port must be a whole number between 1 and 65535, not {args[2]}");
        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
            throw new ArkException(ErrorKind.Runtime, $"http:setProxy: '{host}' is not a host name or address");
        client.Proxy = new UriBuilder("http", host, (int)args[2].Num).Uri;
        return Value.Nil;
    }
}
