using Ark.Vm.Builtins;
using Ark.Vm.Errors;
using Ark.Vm.Values;
using static Ark.Tests.Builtins.Harness;

namespace Ark.Tests.Builtins;

[TestClass]
public sealed class ArithmeticOperatorTests
{
    private static bool B(Value v) => v.Kind switch
    {
        ValueKind.True => true,
        ValueKind.False => false,
        _ => throw new AssertFailedException("not a boolean"),
    };

    [TestMethod]
    public void NumbersAndStrings()
    {
        Assert.AreEqual(3.0, Operators.Add(N(1), N(2)).Num);
        Assert.AreEqual("ab", Show(Operators.Add(S("a"), S("b"))));
        Assert.AreEqual(-1.0, Operators.Sub(N(1), N(2)).Num);
        Assert.AreEqual(6.0, Operators.Mul(N(2), N(3)).Num);
        Assert.AreEqual(0.5, Operators.Div(N(1), N(2)).Num);
        Assert.AreEqual("1 -1 1.5", $"{Show(Operators.Mod(N(7), N(-3)))} {Show(Operators.Mod(N(-7), N(3)))} {Show(Operators.Mod(N(5.5), N(2)))}");
        Assert.IsTrue(double.IsNaN(Operators.Mod(N(1), N(0)).Num));
        Assert.IsNull(Operators.Add(N(1), N(2)).Obj);
    }

    [TestMethod]
    public void TypeErrors()
    {
        AssertError(FailsAction(() => Operators.Add(N(1), S("a"))), ErrorKind.Type,
            "Function + expected 2 arguments\n  -> a (Number) \n  -> b (Number) was of type String\nAlternative 2:\n  -> a (String) was of type Number\n  -> b (String) \n");
        AssertError(FailsAction(() => Operators.Sub(S("a"), N(1))), ErrorKind.Type,
            "Function - expected 2 arguments\n  -> a (Number) was of type String\n  -> b (Number) \n");
        AssertError(FailsAction(() => Operators.Mul(N(1), Value.Nil)), ErrorKind.Type,
            "Function * expected 2 arguments\n  -> a (Number) \n  -> b (Number) was of type Nil\n");
        AssertError(FailsAction(() => Operators.Div(S("a"), N(0))), ErrorKind.Type,
            "Function / expected 2 arguments\n  -> a (Number) was of type String\n  -> b (Number) \n");
        AssertError(FailsAction(() => Operators.Mod(N(1), S("a"))), ErrorKind.Type,
            "Function mod expected 2 arguments\n  -> a (Number) \n  -> b (Number) was of type String\n");
    }

    [TestMethod]
    public void DivisionByZero()
    {
        AssertError(FailsAction(() => Operators.Div(N(1), N(0))), ErrorKind.DivisionByZero,
            "DivisionByZero: Can not compute expression (/ 1 0)");
        AssertError(FailsAction(() => Operators.Div(N(2.5), N(-0.0))), ErrorKind.DivisionByZero,
            "DivisionByZero: Can not compute expression (/ 2.5 -0)");
    }

    [TestMethod]
    public void Comparisons()
    {
        Assert.IsTrue(B(Operators.Gt(S("b"), S("a"))));
        Assert.IsTrue(B(Operators.Lt(N(1), S("a"))));
        Assert.IsTrue(B(Operators.Le(L(), N(1))));
        Assert.IsFalse(B(Operators.Ge(Value.Nil, Value.True)));
        Assert.IsFalse(B(Operators.Neq(N(1), N(1))));
        Assert.IsTrue(B(Operators.Eq(L(N(1)), L(N(1)))));
        Assert.IsFalse(B(Operators.Eq(N(1), S("1"))));
        Assert.IsTrue(B(Operators.Le(N(2), N(2))));
        Assert.IsTrue(B(Operators.Ge(N(2), N(2))));
        Assert.IsFalse(B(Operators.Gt(N(2), N(2))));
        Assert.IsTrue(B(Operators.Lt(L(N(1)), L(N(1), N(0)))));
        // NaN: "different and not less" holds for >, "not less" for >=
        var nan = N(double.NaN);
        Assert.IsTrue(B(Operators.Gt(nan, N(1))));
        Assert.IsTrue(B(Operators.Ge(nan, N(1))));
        Assert.IsFalse(B(Operators.Le(nan, N(1))));
        Assert.IsFalse(B(Operators.Eq(nan, nan)));
    }

    [TestMethod]
    public void Not()
    {
        Assert.IsTrue(B(Operators.Not(L())));
        Assert.IsTrue(B(Operators.Not(N(0))));
        Assert.IsTrue(B(Operators.Not(S(""))));
        Assert.IsTrue(B(Operators.Not(Value.Nil)));
        Assert.IsTrue(B(Operators.Not(Value.False)));
        Assert.IsFalse(B(Operators.Not(S("a"))));
        Assert.IsFalse(B(Operators.Not(Value.True)));
        Assert.IsFalse(B(Operators.Not(L(N(0)))));
    }
}
