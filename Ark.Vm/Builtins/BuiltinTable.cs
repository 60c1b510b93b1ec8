using Ark.Vm.Concurrency;
using Ark.Vm.Values;

namespace Ark.Vm.Builtins;

/// <summary>
/// The builtin names every program can use without importing anything, in the reference's
/// order, with their values. <c>sys:args</c> and <c>sys:platform</c> are filled in per run.
/// </summary>
public static class BuiltinTable
{
    /// <summary>The name under which the script arguments are bound.</summary>
    public const string SysArgs = "sys:args";

    /// <summary>The name under which the platform name is bound.</summary>
    public const string SysPlatform = "sys:platform";

    private static readonly Builtin[] Entries = Build();
    private static readonly Dictionary<string, int> Index = CreateIndex();

    /// <summary>All builtins, in order; a builtin's position is its id in bytecode.</summary>
    public static ReadOnlySpan<Builtin> All => Entries;

    /// <summary>The id of a builtin, or -1.</summary>
    public static int IndexOf(string name) => Index.TryGetValue(name, out var i) ? i : -1;

    private static Dictionary<string, int> CreateIndex()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Entries.Length; i++)
            index[Entries[i].Name] = i;
        return index;
    }

    private static Value Fn(string name, NativeFn fn) => new(new NativeFunction(name, fn));

    // for calls that can only block: the worker hands its place to another thread meanwhile
    private static Value Blocking(string name, NativeFn fn) => new(new NativeFunction(name, fn) { IsBlocking = true });


    private static Builtin[] Build() =>
    [
        new("false", Value.False),
        new("true", Value.True),
        new("nil", Value.Nil),

        new("list:reverse", Fn("list:reverse", ListBuiltins.Reverse)),
        new("list:find", Fn("list:find", ListBuiltins.Find)),
        new("list:slice", Fn("list:slice", ListBuiltins.Slice)),
        new("list:sort", Fn("list:sort", ListBuiltins.Sort)),
        new("list:fill", Fn("list:fill", ListBuiltins.Fill)),
        new("list:setAt", Fn("list:setAt", ListBuiltins.SetAt)),

        new("print", Fn("print", IoBuiltins.Print)),
        new("puts", Fn("puts", IoBuiltins.Puts)),
        new("input", Fn("input", IoBuiltins.Input)),
        new("io:writeFile", Fn("io:writeFile", IoBuiltins.WriteFile)),
        new("io:appendToFile", Fn("io:appendToFile", IoBuiltins.AppendToFile)),
        new("io:readFile", Fn("io:readFile", IoBuiltins.ReadFile)),
        new("io:fileExists?", Fn("io:fileExists?", IoBuiltins.FileExists)),
        new("io:listFiles", Blocking("io:listFiles", IoBuiltins.ListFiles)),
        new("io:dir?", Fn("io:dir?", IoBuiltins.IsDirectory)),
        new("io:makeDir", Blocking("io:makeDir", IoBuiltins.MakeDir)),
        new("io:removeFiles", Blocking("io:removeFiles", IoBuiltins.RemoveFiles)),

        new("time", Fn("time", TimeBuiltins.Time)),

        new("sys:exec", Fn("sys:exec", SystemBuiltins.Exec)),
        new("sys:sleep", Fn("sys:sleep", SystemBuiltins.Sleep)),
        new("sys:exit", Fn("sys:exit", SystemBuiltins.Exit)),

        new("str:format", Fn("str:format", StringBuiltins.Format)),
        new("str:find", Fn("str:find", StringBuiltins.Find)),
        new("str:removeAt", Fn("str:removeAt", StringBuiltins.RemoveAt)),
        new("str:ord", Fn("str:ord", StringBuiltins.Ord)),
        new("str:chr", Fn("str:chr", StringBuiltins.Chr)),

        new("math:exp", Fn("math:exp", MathBuiltins.Exp)),
        new("math:ln", Fn("math:ln", MathBuiltins.Ln)),
        new("math:ceil", Fn("math:ceil", MathBuiltins.Ceil)),
        new("math:floor", Fn("math:floor", MathBuiltins.Floor)),
        new("math:round", Fn("math:round", MathBuiltins.Round)),
        new("math:NaN?", Fn("math:NaN?", MathBuiltins.IsNaN)),
        new("math:Inf?", Fn("math:Inf?", MathBuiltins.IsInf)),
        new("math:pi", new Value(Math.PI)),
        new("math:e", new Value(Math.E)),
        new("math:tau", new Value(Math.Tau)),
        new("math:Inf", new Value(double.PositiveInfinity)),
        new("math:NaN", new Value(BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0000))),
        new("math:cos", Fn("math:cos", MathBuiltins.Cos)),
        new("math:sin", Fn("math:sin", MathBuiltins.Sin)),
        new("math:tan", Fn("math:tan", MathBuiltins.Tan)),
        new("math:arccos", Fn("math:arccos", MathBuiltins.Acos)),
        new("math:arcsin", Fn("math:arcsin", MathBuiltins.Asin)),
        new("math:arctan", Fn("math:arctan", MathBuiltins.Atan)),
        new("math:cosh", Fn("math:cosh", MathBuiltins.Cosh)),
        new("math:sinh", Fn("math:sinh", MathBuiltins.Sinh)),
        new("math:tanh", Fn("math:tanh", MathBuiltins.Tanh)),
        new("math:acosh", Fn("math:acosh", MathBuiltins.Acosh)),
        new("math:asinh", Fn("math:asinh", MathBuiltins.Asinh)),
        new("math:atanh", Fn("math:atanh", MathBuiltins.Atanh)),

        new("async", Fn("async", AsyncBuiltins.Async)),
        new("await", Fn("await", AsyncBuiltins.Await)),

        new(SysArgs, new Value(new ArkList())),
        new(SysPlatform, Value.String("Linux")),
    ];
}

/// <summary>A builtin's name and value.</summary>
/// <remarks>
/// A class rather than a tuple: framework generics over value types that the framework does
/// not use itself are compiled by the JIT at every start-up, even in a ReadyToRun build.
/// </remarks>
public sealed record Builtin(string Name, Value Value);
