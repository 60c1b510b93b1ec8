using System.Text;
using Ark.Modules.Http;
using Ark.Vm.Errors;
using Ark.Vm.Execution;
using Ark.Vm.Modules;
using Ark.Vm.Values;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;

namespace Ark.Tests.Modules.Http;

/// <summary>A registered instance of the http module whose functions tests call by their script names.</summary>
internal sealed class HttpModuleHarness
{
    private readonly Dictionary<string, NativeFunction> _functions = new(StringComparer.Ordinal);
    private readonly MemoryStream _output = new();

    public HttpModuleHarness()
    {
        var builder = new ModuleBuilder("http");
        new HttpModule().Register(builder);
        foreach (var (name, value) in builder.Bindings)
            _functions[name] = (NativeFunction)value.Obj!;
        Errors = new StringWriter();
        Host = new ArkHost(_output, new StringReader("")) { ErrorOutput = Errors };
        Context = new ExecutionContext(Host);
    }

    public IReadOnlyDictionary<string, NativeFunction> Functions => _functions;

    public ArkHost Host { get; }

    public ExecutionContext Context { get; }

    /// <summary>What handlers reported on standard error.</summary>
    public StringWriter Errors { get; }

    /// <summary>What was printed (the server's log).</summary>
    public string Output
    {
        get
        {
            Host.Flush();
            return Encoding.UTF8.GetString(_output.ToArray());
        }
    }

    public Value Call(string name, params Value[] args) => _functions[name].Function(args, Context);

    /// <summary>Calls a function expected to fail and checks the error's kind and full text.</summary>
    public void AssertFails(ErrorKind kind, string display, string name, params Value[] args)
    {
        try
        {
            Call(name, args);
        }
        catch (ArkException e)
        {
            Assert.AreEqual(display, e.Display);
            Assert.AreEqual(kind, e.Kind);
            return;
        }
        Assert.Fail($"{name} was expected to fail");
    }

    public static Value S(string text) => Value.String(text);

    public static Value N(double number) => new(number);

    /// <summary>A native function usable as a route handler.</summary>
    public static Value Native(string name, NativeFn fn) => new(new NativeFunction(name, fn));

    public static Value L(params Value[] items) => new(ArkList.From(items));

    public static string Show(Value value) => ValueFormatter.Format(value);
}
