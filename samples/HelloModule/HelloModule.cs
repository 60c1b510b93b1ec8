using Ark.Vm.Errors;
using Ark.Vm.Modules;
using Ark.Vm.Values;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;

namespace HelloModule;

/// <summary>
/// A complete native module: <c>(import hello)</c> binds <c>hello:greet</c>, <c>hello:count</c>,
/// <c>hello:each</c> and <c>hello:version</c>.
/// </summary>
public sealed class Hello : IArkModule
{
    // One module instance serves every execution context of a run, and futures call its functions
    // from several threads at once: shared state needs a lock or atomic operations.
    private long _calls;

    public string Name => "hello";

    public void Register(ModuleBuilder module) => module
        .Function("greet", Greet)
        .Function("count", (_, _) => new Value(Interlocked.Increment(ref _calls)))
        .Function("each", Each)
        .Constant("version", Value.String("1.0"));

    /// <summary><c>(hello:greet name)</c>: a greeting for <c>name</c>.</summary>
    private static Value Greet(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length != 1 || args[0].Kind != ValueKind.String)
            throw TypeCheck.Error("hello:greet", args, new Contract(new Param("name", ValueKind.String)));
        var name = args[0].AsString.ToString();
        if (name.Length == 0)
            throw new ArkException(ErrorKind.Runtime, "hello:greet: the name can not be empty");
        return Value.String($"Hello, {name}!");
    }

    /// <summary><c>(hello:each list f)</c>: calls the ArkScript function <c>f</c> on every element, returns the results.</summary>
    private static Value Each(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length != 2 || args[0].Kind != ValueKind.List)
            throw TypeCheck.Error("hello:each", args, new Contract(new Param("list", ValueKind.List), Param.Any("function")));
        var items = args[0].AsList;
        var results = new ArkList(items.Count);
        for (var i = 0; i < items.Count; i++)
            results.Add(context.Call(args[1], [items[i]]));
        return new Value(results);
    }
}
