using Ark.Modules.Http.Client;
using Ark.Modules.Http.Server;
using Ark.Vm.Modules;

namespace Ark.Modules.Http;

/// <summary>
/// <c>(import http)</c>: an HTTP client (<c>http:client</c>, <c>http:get</c>, ...) on
/// <see cref="System.Net.Http.HttpClient"/>, and an HTTP server (<c>http:server:*</c>) on
/// ASP.NET Core's Kestrel whose request handlers run in parallel, each in a context of its own.
/// </summary>
public sealed class HttpModule : IArkModule
{
    /// <summary>Creates the module; the server's framework is found lazily, see <see cref="SharedFrameworkResolver"/>.</summary>
    public HttpModule() => SharedFrameworkResolver.Install();

    /// <inheritdoc />
    public string Name => "http";

    /// <inheritdoc />
    public void Register(ModuleBuilder module)
    {
        ClientFunctions.Register(module);
        ParamsFunctions.Register(module);
        ServerFunctions.Register(module, new ServerState());
    }
}
