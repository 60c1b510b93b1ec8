using Ark.Vm.Builtins;
using Ark.Vm.Errors;
using Ark.Vm.Values;
using static Ark.Tests.Builtins.Harness;

namespace Ark.Tests.Builtins;

[TestClass]
public sealed class MathBuiltinsTests
{
    private readonly Harness _h = new();

    private string Run(NativeFn fn, double x) => ValueFormatter.FormatNumber(_h.Call(fn, N(x)).Num);

    [TestMethod]
    public void Functions()
    {
        Assert.AreEqual("2.718281828459045", Run(MathBuiltins.Exp, 1));
        Assert.AreEqual("0", Run(MathBuiltins.Ln, 1));
        Assert.AreEqual("1", Run(MathBuiltins.Ceil, 0.2));
        Assert.AreEqual("1", Run(MathBuiltins.Floor, 1.7));
        Assert.AreEqual("-1", Run(MathBuiltins.Floor, -0.5));
        Assert.AreEqual("-3", Run(MathBuiltins.Round, -2.5));
        Assert.AreEqual("3", Run(MathBuiltins.Round, 2.5));
        Assert.AreEqual("0", Run(MathBuiltins.Round, 0.2));
        Assert.AreEqual("1", Run(MathBuiltins.Cos, 0));
        Assert.AreEqual("0", Run(MathBuiltins.Sin, 0));
        Assert.AreEqual("0", Run(MathBuiltins.Tan, 0));
        Assert.AreEqual("0", Run(MathBuiltins.Acos, 1));
        Assert.AreEqual("1.5707963267948966", Run(MathBuiltins.Asin, 1));
        Assert.AreEqual("0.7853981633974483", Run(MathBuiltins.Atan, 1));
        Assert.AreEqual("1", Run(MathBuiltins.Cosh, 0));
        Assert.AreEqual("0", Run(MathBuiltins.Sinh, 0));
        Assert.AreEqual("0", Run(MathBuiltins.Tanh, 0));
        Assert.AreEqual("0", Run(MathBuiltins.Acosh, 1));
        Assert.AreEqual("0", Run(MathBuiltins.Asinh, 0));
        Assert.AreEqual("inf", Run(MathBuiltins.Atanh, 1));
    }

    [TestMethod]
    public void NaNAndInfinity()
    {
        Assert.IsTrue(double.IsNaN(_h.Call(MathBuiltins.Acos, N(2)).Num));
        Assert.IsTrue(double.IsNaN(_h.Call(MathBuiltins.Sin, N(double.PositiveInfinity)).Num));
        Assert.AreEqual("nan", Run(MathBuiltins.Ln, BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0000)));
        Assert.AreEqual(Value.True.Obj, _h.Call(MathBuiltins.IsNaN, N(double.NaN)).Obj);
        Assert.AreEqual(Value.False.Obj, _h.Call(MathBuiltins.IsNaN, S("a")).Obj);
        Assert.AreEqual(Value.False.Obj, _h.Call(MathBuiltins.IsNaN, N(1)).Obj);
        Assert.AreEqual(Value.True.Obj, _h.Call(MathBuiltins.IsInf, N(double.NegativeInfinity)).Obj);
        Assert.AreEqual(Value.False.Obj, _h.Call(MathBuiltins.IsInf, Value.Nil).Obj);
    }

    [TestMethod]
    public void NaNSignsMatchTheReference()
    {
        Assert.AreEqual("nan", Run(MathBuiltins.Acos, 2));
        Assert.AreEqual("nan", Run(MathBuiltins.Asin, 2));
        Assert.AreEqual("-nan", Run(MathBuiltins.Acosh, 0));
        Assert.AreEqual("-nan", Run(MathBuiltins.Atanh, 2));
        Assert.AreEqual("-nan", Run(MathBuiltins.Sin, double.PositiveInfinity));
        Assert.AreEqual("-nan", Run(MathBuiltins.Cos, double.PositiveInfinity));
        Assert.AreEqual("-nan", ValueFormatter.FormatNumber(Operators.Mod(N(1), N(0)).Num));
    }

    [TestMethod]
    public void Constants()
    {
        string Const(string name) => ValueFormatter.Format(BuiltinTable.All[BuiltinTable.IndexOf(name)].Value);
        Assert.AreEqual("3.141592653589793", Const("math:pi"));
        Assert.AreEqual("2.718281828459045", Const("math:e"));
        Assert.AreEqual("6.283185307179586", Const("math:tau"));
        Assert.AreEqual("inf", Const("math:Inf"));
        Assert.AreEqual("nan", Const("math:NaN"));
    }

    [TestMethod]
    public void Errors()
    {
        AssertError(Fails(() => _h.Call(MathBuiltins.Ln, N(0))), ErrorKind.Runtime, "math:log: value 0 must be greater than 0");
        AssertError(Fails(() => _h.Call(MathBuiltins.Ln, N(-1.5))), ErrorKind.Runtime, "math:log: value -1.5 must be greater than 0");
        AssertError(Fails(() => _h.Call(MathBuiltins.Ln, S("a"))), ErrorKind.Type,
            "Function math:log expected 1 argument\n  -> value (Number) was of type String\n");
        AssertError(Fails(() => _h.Call(MathBuiltins.Exp, S("a"))), ErrorKind.Type,
            "Function math:exp expected 1 argument\n  -> value (Number) was of type String\n");
        AssertError(Fails(() => _h.Call(MathBuiltins.IsNaN, N(1), N(2))), ErrorKind.Type,
            "Function math:exp expected 1 argument but got 2\n  -> value (any) \n");
        AssertError(Fails(() => _h.Call(MathBuiltins.IsInf)), ErrorKind.Type,
            "Function math:Inf? expected 1 argument but got 0\n  -> value (any) was not provided\n");
        (NativeFn Fn, string Name)[] all =
        [
            (MathBuiltins.Ceil, "math:ceil"), (MathBuiltins.Floor, "math:floor"), (MathBuiltins.Round, "math:round"),
            (MathBuiltins.Cos, "math:cos"), (MathBuiltins.Sin, "math:sin"), (MathBuiltins.Tan, "math:tan"),
            (MathBuiltins.Acos, "math:arccos"), (MathBuiltins.Asin, "math:arcsin"), (MathBuiltins.Atan, "math:arctan"),
            (MathBuiltins.Cosh, "math:cosh"), (MathBuiltins.Sinh, "math:sinh"), (MathBuiltins.Tanh, "math:tanh"),
            (MathBuiltins.Acosh, "math:acosh"), (MathBuiltins.Asinh, "math:asinh"), (MathBuiltins.Atanh, "math:atanh"),
        ];
        foreach (var (fn, name) in all)
        {
            AssertError(Fails(() => _h.Call(fn, Value.Nil)), ErrorKind.Type,
                $"Function {name} expected 1 argument\n  -> value (Number) was of type Nil\n");
        }
    }
}
