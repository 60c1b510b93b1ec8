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

    private static readonly (string Name, Value Value)[] Entries = Build();
    private static readonly Dictionary<string, int> Index = CreateIndex();

    /// <summary>All builtins, in order; a builtin's position is its id in bytecode.</summary>
    public static ReadOnlySpan<(string Name, Value Value)> All => Entries;

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

    private static Value Blocking(string name, NativeFn fn) => new(new NativeFunction(name, fn) { IsBlocking = true });

    private static (string, Value)[] Build() =>
    [
        ("false", Value.False),
        ("true", Value.True),
        ("nil", Value.Nil),

        ("list:reverse", Fn("list:reverse", ListBuiltins.Reverse)),
        ("list:find", Fn("list:find", ListBuiltins.Find)),
        ("list:slice", Fn("list:slice", ListBuiltins.Slice)),
        ("list:sort", Fn("list:sort", ListBuiltins.Sort)),
        ("list:fill", Fn("list:fill", ListBuiltins.Fill)),
        ("list:setAt", Fn("list:setAt", ListBuiltins.SetAt)),

        ("print", Fn("print", IoBuiltins.Print)),
        ("puts", Fn("puts", IoBuiltins.Puts)),
        ("input", Blocking("input", IoBuiltins.Input)),
        ("io:writeFile", Blocking("io:writeFile", IoBuiltins.WriteFile)),
        ("io:appendToFile", Blocking("io:appendToFile", IoBuiltins.AppendToFile)),
        ("io:readFile", Blocking("io:readFile", IoBuiltins.ReadFile)),
        ("io:fileExists?", Fn("io:fileExists?", IoBuiltins.FileExists)),
        ("io:listFiles", Blocking("io:listFiles", IoBuiltins.ListFiles)),
        ("io:dir?", Fn("io:dir?", IoBuiltins.IsDirectory)),
        ("io:makeDir", Blocking("io:makeDir", IoBuiltins.MakeDir)),
        ("io:removeFiles", Blocking("io:removeFiles", IoBuiltins.RemoveFiles)),

        ("time", Fn("time", TimeBuiltins.Time)),

        ("sys:exec", Blocking("sys:exec", SystemBuiltins.Exec)),
        ("sys:sleep", Blocking("sys:sleep", SystemBuiltins.Sleep)),
        ("sys:exit", Fn("sys:exit", SystemBuiltins.Exit)),

        ("str:format", Fn("str:format", StringBuiltins.Format)),
        ("str:find", Fn("str:find", StringBuiltins.Find)),
        ("str:removeAt", Fn("str:removeAt", StringBuiltins.RemoveAt)),
        ("str:ord", Fn("str:ord", StringBuiltins.Ord)),
        ("str:chr", Fn("str:chr", StringBuiltins.Chr)),

        ("math:exp", Fn("math:exp", MathBuiltins.Exp)),
        ("math:ln", Fn("math:ln", MathBuiltins.Ln)),
        ("math:ceil", Fn("math:ceil", MathBuiltins.Ceil)),
        ("math:floor", Fn("math:floor", MathBuiltins.Floor)),
        ("math:round", Fn("math:round", MathBuiltins.Round)),
        ("math:NaN?", Fn("math:NaN?", MathBuiltins.IsNaN)),
        ("math:Inf?", Fn("math:Inf?", MathBuiltins.IsInf)),
        ("math:pi", new Value(Math.PI)),
        ("math:e", new Value(Math.E)),
        ("math:tau", new Value(Math.Tau)),
        ("math:Inf", new Value(double.PositiveInfinity)),
        ("math:NaN", new Value(BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0000))),
        ("math:cos", Fn("math:cos", MathBuiltins.Cos)),
        ("math:sin", Fn("math:sin", MathBuiltins.Sin)),
        ("math:tan", Fn("math:tan", MathBuiltins.Tan)),
        ("math:arccos", Fn("math:arccos", MathBuiltins.Acos)),
        ("math:arcsin", Fn("math:arcsin", MathBuiltins.Asin)),
        ("math:arctan", Fn("math:arctan", MathBuiltins.Atan)),
        ("math:cosh", Fn("math:cosh", MathBuiltins.Cosh)),
        ("math:sinh", Fn("math:sinh", MathBuiltins.Sinh)),
        ("math:tanh", Fn("math:tanh", MathBuiltins.Tanh)),
        ("math:acosh", Fn("math:acosh", MathBuiltins.Acosh)),
        ("math:asinh", Fn("math:asinh", MathBuiltins.Asinh)),
        ("math:atanh", Fn("math:atanh", MathBuiltins.Atanh)),

        ("async", Fn("async", AsyncBuiltins.Async)),
        ("await", Fn("await", AsyncBuiltins.Await)),

        (SysArgs, new Value(new ArkList())),
        (SysPlatform, Value.String("Linux")),
    ];
}
