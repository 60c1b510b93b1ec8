using Ark.Vm.Errors;
using Ark.Vm.Modules;
using Ark.Vm.Values;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;

namespace Ark.Modules.Http;

/// <summary>
/// <c>http:params:create</c> and <c>http:params:toList</c>, from the reference's older API:
/// server handlers receive a request's query parameters as <c>httpParams</c>.
/// </summary>
internal static class ParamsFunctions
{
    private static readonly Contract ToListContract = new(new Param("params", ValueKind.UserType));

    public static void Register(ModuleBuilder module) =>
        module.Function("params:create", Create)
            .Function("params:toList", ToList);

    /// <summary><c>(http:params:create name value ...)</c>.</summary>
    private static Value Create(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length % 2 == 1)
            throw new ArkException(ErrorKind.Runtime, "http:params:create: needs an even number of arguments: [key -> value]");
        var pairs = new List<KeyValuePair<string, string>>(args.Length / 2);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i].Kind != ValueKind.String || args[i + 1].Kind != ValueKind.String)
                throw new ArkException(ErrorKind.Type, "http:params:create: takes only String as arguments");
            pairs.Add(new(Args.Text(args[i]), Args.Text(args[i + 1])));
        }
        return NameValueList.Params(pairs).ToValue();
    }

    /// <summary><c>(http:params:toList params)</c>: <c>[[name value] ...]</c>, sorted by name.</summary>
    private static Value ToList(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length != 1 || Args.As<NameValueList>(args[0]) is not { TypeName: NameValueList.ParamsType } list)
            throw TypeCheck.Error("http:params:toList", args, ToListContract);
        return list.ToList();
    }
}
