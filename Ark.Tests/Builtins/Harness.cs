using System.Text;
using Ark.Vm.Errors;
using Ark.Vm.Execution;
using Ark.Vm.Values;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;

namespace Ark.Tests.Builtins;

/// <summary>Helpers to call builtins with a host whose output is captured.</summary>
internal sealed class Harness
{
    private readonly MemoryStream _output = new();

    public Harness(string input = "")
    {
        Host = new ArkHost(_output, new StringReader(input));
        Context = new ExecutionContext(Host);
    }

    public ArkHost Host { get; }

    public ExecutionContext Context { get; }

    public string Output
    {
        get
        {
            Host.Flush();
            return Encoding.UTF8.GetString(_output.ToArray());
        }
    }

    public Value Call(NativeFn fn, params Value[] args) => fn(args, Context);

    public static Value N(double d) => new(d);

    public static Value S(string s) => Value.String(s);

    public static Value L(params Value[] items) => new(ArkList.From(items));

    public static string Show(Value v) => ValueFormatter.Format(v);

    /// <summary>Runs a builtin expected to fail and returns the error.</summary>
    public static ArkException Fails(Func<Value> call)
    {
        try
        {
            call();
        }
        catch (ArkException e)
        {
            return e;
        }
        Assert.Fail("expected an ArkException");
        return null!;
    }

    /// <summary>Runs an action expected to fail and returns the error.</summary>
    public static ArkException FailsAction(Action call)
    {
        try
        {
            call();
        }
        catch (ArkException e)
        {
            return e;
        }
        Assert.Fail("expected an ArkException");
        return null!;
    }

    /// <summary>Asserts a builtin's failure: its kind and full printed text.</summary>
    public static void AssertError(ArkException e, ErrorKind kind, string display)
    {
        Assert.AreEqual(kind, e.Kind);
        Assert.AreEqual(display, e.Display);
    }
}
