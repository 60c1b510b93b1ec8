using System.Net;
using Ark.Vm.Errors;
using Ark.Vm.Modules;
using Ark.Vm.Values;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;

namespace Ark.Modules.Http.Server;

/// <summary>
/// The <c>http:server:*</c> functions, named and shaped after the reference's older server API:
/// create, register handlers per method and route, listen (blocking), stop. See the README's
/// http section for where they differ.
/// </summary>
internal static class ServerFunctions
{
    private static readonly ValueKind[] Callable = [ValueKind.Function, ValueKind.Closure, ValueKind.CProc];

    private static readonly Contract[] RouteContracts =
    [
        new(new Param("route", ValueKind.String), new Param("content", ValueKind.Function)),
        new(new Param("route", ValueKind.String), new Param("content", ValueKind.Closure)),
        new(new Param("route", ValueKind.String), new Param("content", ValueKind.CProc)),
    ];

    private static readonly Contract[] ListenContracts =
    [
        new(new Param("host", ValueKind.String)),
        new(new Param("host", ValueKind.String), new Param("port", ValueKind.Number)),
        new(new Param("port", ValueKind.Number)),
    ];

    private static readonly Contract NoArguments = new();
    private static readonly Contract MountContract = new(new Param("mountpoint", ValueKind.String), new Param("folder", ValueKind.String));
    private static readonly Contract UnmountContract = new(new Param("mountpoint", ValueKind.String));
    private static readonly Contract MimeContract = new(new Param("ext", ValueKind.String), new Param("mimetype", ValueKind.String));
    private static readonly Contract LoggerContract = new(new Param("logLevel", ValueKind.Number));

    public static void Register(ModuleBuilder module, ServerState server)
    {
        module.Function("server:create", (args, _) =>
            {
                CheckNoArguments("http:server:create", args);
                server.Reset("http:server:create");
                return Value.Nil;
            })
            .Function("server:get", RouteFunction(server, "GET"))
            .Function("server:post", RouteFunction(server, "POST"))
            .Function("server:put", RouteFunction(server, "PUT"))
            .Function("server:delete", RouteFunction(server, "DELETE"))
            .Function("server:patch", RouteFunction(server, "PATCH"))
            .Function("server:listen", (args, context) => Listen(server, args, context), blocking: true)
            .Function("server:stop", (args, _) =>
            {
                CheckNoArguments("http:server:stop", args);
                server.Stop();
                return Value.Nil;
            })
            .Function("server:port", (args, _) =>
            {
                CheckNoArguments("http:server:port", args);
                return server.Port is { } port ? new Value(port) : Value.Nil;
            })
            .Function("server:setMountPoint", (args, _) =>
            {
                if (args.Length != 2 || args[0].Kind != ValueKind.String || args[1].Kind != ValueKind.String)
                    throw TypeCheck.Error("http:server:setMountPoint", args, MountContract);
                return Value.Bool(server.Mount("http:server:setMountPoint", Args.Text(args[0]), Args.Text(args[1])));
            })
            .Function("server:rmMountPoint", (args, _) =>
            {
                if (args.Length != 1 || args[0].Kind != ValueKind.String)
                    throw TypeCheck.Error("http:server:rmMountPoint", args, UnmountContract);
                return Value.Bool(server.Unmount("http:server:rmMountPoint", Args.Text(args[0])));
            })
            .Function("server:setFileExtAndMimetypeMapping", (args, _) =>
            {
                if (args.Length != 2 || args[0].Kind != ValueKind.String || args[1].Kind != ValueKind.String)
                    throw TypeCheck.Error("http:server:setFileExtAndMimetypeMapping", args, MimeContract);
                server.MapType("http:server:setFileExtAndMimetypeMapping", Args.Text(args[0]), Args.Text(args[1]));
                return Value.Nil;
            })
            .Function("server:enableLogger", (args, _) =>
            {
                if (args.Length != 1 || args[0].Kind != ValueKind.Number)
                    throw TypeCheck.Error("http:server:enableLogger", args, LoggerContract);
                server.SetLogLevel("http:server:enableLogger", (int)Math.Clamp(args[0].Num, 0, 2));
                return Value.Nil;
            });
    }

    private static void CheckNoArguments(string function, ReadOnlySpan<Value> args)
    {
        if (args.Length != 0)
            throw TypeCheck.Error(function, args, NoArguments);
    }

    /// <summary><c>(http:server:METHOD route handler)</c>: <c>(handler matches body params)</c> answers matching requests.</summary>
    private static NativeFn RouteFunction(ServerState server, string method)
    {
        var name = "http:server:" + method.ToLowerInvariant();
        return (args, _) =>
        {
            if (args.Length != 2 || args[0].Kind != ValueKind.String || Array.IndexOf(Callable, args[1].Kind) < 0)
                throw TypeCheck.Error(name, args, RouteContracts);
            Route route;
            try
            {
                route = new Route(method, Args.Text(args[0]), args[1]);
            }
            catch (ArgumentException e)
            {
                throw new ArkException(ErrorKind.Runtime, $"{name}: '{Args.Text(args[0])}' is not a valid route pattern: {e.Message}");
            }
            server.AddRoute(name, route);
            return Value.Nil;
        };
    }

    /// <summary>
    /// <c>(http:server:listen host port)</c>, <c>(http:server:listen port)</c> on 127.0.0.1, or
    /// <c>(http:server:listen host)</c> on a free port; blocks until the server is stopped.
    /// </summary>
    private static Value Listen(ServerState server, ReadOnlySpan<Value> args, ExecutionContext context)
    {
        const string name = "http:server:listen";
        var shape = args.Length switch
        {
            1 when args[0].Kind == ValueKind.String => 1,
            1 when args[0].Kind == ValueKind.Number => 3,
            2 when args[0].Kind == ValueKind.String && args[1].Kind == ValueKind.Number => 2,
            _ => 0,
        };
        if (shape == 0)
            throw TypeCheck.Error(name, args, ListenContracts);
        var host = shape == 3 ? "127.0.0.1" : Args.Text(args[0]);
        var port = shape switch { 1 => 0, 2 => args[1].Num, _ => args[0].Num };
        if (!Args.IsInteger(port, 0, 65535))
            throw new ArkException(ErrorKind.Runtime, $"{name}: port must be a whole number between 0 and 65535, not {ValueFormatter.Format(new Value(port))}");
        IPAddress? address = host == "localhost" ? IPAddress.Loopback : null;
        if (address is null && !IPAddress.TryParse(host, out address))
            throw new ArkException(ErrorKind.Runtime, $"{name}: '{host}' is not an IP address or localhost");
        try
        {
            server.Listen(name, context, new IPEndPoint(address, (int)port));
        }
        catch (FileNotFoundException e) when (e.FileName?.StartsWith("Microsoft.", StringComparison.Ordinal) == true)
        {
            // Only when ark runs on a runtime installed without ASP.NET Core (see
            // SharedFrameworkResolver). Caught here, a call above the server: the missing
            // assembly fails the compilation of the method that names Kestrel's types.
            throw new ArkException(ErrorKind.Runtime, $"{name}: the server needs ASP.NET Core's shared framework (Microsoft.AspNetCore.App {Environment.Version.Major}), which was not found next to the .NET runtime");
        }
        return Value.Nil;
    }
}
