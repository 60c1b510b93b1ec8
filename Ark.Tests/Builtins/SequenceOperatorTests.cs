using Ark.Vm.Builtins;
using Ark.Vm.Errors;
using Ark.Vm.Values;
using static Ark.Tests.Builtins.Harness;

namespace Ark.Tests.Builtins;

[TestClass]
public sealed class SequenceOperatorTests
{
    private const string ListOrStringTail = "  -> value (List) was of type {0}\nAlternative 2:\n  -> value (String) was of type {0}\n";

    [TestMethod]
    public void LenAndEmpty()
    {
        Assert.AreEqual(4.0, Operators.Len(S("🥳")).Num);
        Assert.AreEqual(2.0, Operators.Len(L(N(1), N(2))).Num);
        Assert.AreEqual(ValueKind.True, Operators.Empty(S("")).Kind);
        Assert.AreEqual(ValueKind.False, Operators.Empty(L(N(1))).Kind);
        AssertError(FailsAction(() => Operators.Len(N(1))), ErrorKind.Type,
            "Function len expected 1 argument\n" + string.Format(ListOrStringTail, "Number"));
        AssertError(FailsAction(() => Operators.Empty(N(1))), ErrorKind.Type,
            "Function empty? expected 1 argument\n" + string.Format(ListOrStringTail, "Number"));
    }

    [TestMethod]
    public void HeadAndTail()
    {
        Assert.AreEqual("bc", Show(Operators.Tail(S("abc"))));
        Assert.AreEqual("", Show(Operators.Tail(S("a"))));
        Assert.AreEqual("[]", Show(Operators.Tail(L())));
        Assert.AreEqual("[]", Show(Operators.Tail(L(N(1)))));
        Assert.AreEqual("[2 3]", Show(Operators.Tail(L(N(1), N(2), N(3)))));
        Assert.AreEqual(ValueKind.Nil, Operators.Head(L()).Kind);
        Assert.AreEqual(1.0, Operators.Head(L(N(1), N(2))).Num);
        Assert.AreEqual("", Show(Operators.Head(S(""))));
        Assert.AreEqual(ValueKind.String, Operators.Head(S("")).Kind);
        var e = Operators.Head(S("é")).AsString;
        Assert.AreEqual(1, e.Length);
        Assert.AreEqual(0xC3, e[0]);
        AssertError(FailsAction(() => Operators.Head(N(1))), ErrorKind.Type,
            "Function head expected 1 argument\n" + string.Format(ListOrStringTail, "Number"));
        AssertError(FailsAction(() => Operators.Tail(Value.Nil)), ErrorKind.Type,
            "Function tail expected 1 argument\n" + string.Format(ListOrStringTail, "Nil"));
    }

    [TestMethod]
    public void At()
    {
        Assert.AreEqual(3.0, Operators.At(L(N(1), N(2), N(3)), N(-1)).Num);
        Assert.AreEqual(2.0, Operators.At(L(N(1), N(2)), N(1.9)).Num);
        Assert.AreEqual("a", Show(Operators.At(S("abc"), N(0))));
        Assert.AreEqual("c", Show(Operators.At(S("abc"), N(-1))));
        AssertError(FailsAction(() => Operators.At(S("abc"), N(-3))), ErrorKind.Index, "IndexError: -3 out of range \"abc\" (length 3)");
        AssertError(FailsAction(() => Operators.At(S("abc"), N(5))), ErrorKind.Index, "IndexError: 5 out of range \"abc\" (length 3)");
        AssertError(FailsAction(() => Operators.At(L(N(1), N(2), N(3)), N(3))), ErrorKind.Index, "IndexError: 3 out of range [1 2 3] (length 3)");
        AssertError(FailsAction(() => Operators.At(L(N(1), S("a")), N(-3))), ErrorKind.Index, "IndexError: -3 out of range [1 \"a\"] (length 2)");
        AssertError(FailsAction(() => Operators.At(N(1), N(2))), ErrorKind.Type,
            "Function @ expected 2 arguments\n  -> src (List) was of type Number\n  -> idx (Number) \nAlternative 2:\n  -> src (String) was of type Number\n  -> idx (Number) \n");
        AssertError(FailsAction(() => Operators.At(L(N(1)), S("a"))), ErrorKind.Type,
            "Function @ expected 2 arguments\n  -> src (List) \n  -> idx (Number) was of type String\nAlternative 2:\n  -> src (String) was of type List\n  -> idx (Number) was of type String\n");
    }

    [TestMethod]
    public void AssertOnlyFailsOnFalse()
    {
        Operators.Assert(N(0), S("zero ok"));
        Operators.Assert(Value.Nil, S("nil ok"));
        Operators.Assert(Value.True, S("ok"));
        AssertError(FailsAction(() => Operators.Assert(Value.False, S("boom"))), ErrorKind.AssertionFailed, "AssertionFailed: boom");
        AssertError(FailsAction(() => Operators.Assert(Value.False, N(1))), ErrorKind.Type,
            "Function assert expected 2 arguments\n  -> expr (any) \n  -> message (String) was of type Number\n");
    }

    [TestMethod]
    public void ToNumberFollowsStrtod()
    {
        string T(string s) => Show(Operators.ToNumber(S(s)));
        Assert.AreEqual("12", T(" 12"));
        Assert.AreEqual("nil", T("12 "));
        Assert.AreEqual("26", T("0x1A"));
        Assert.AreEqual("1000", T("1e3"));
        Assert.AreEqual("nil", T("inf"));
        Assert.AreEqual("-inf", T("-inf"));
        Assert.AreEqual("nan", T("nan"));
        Assert.AreEqual("-nan", T("-NaN"));
        Assert.AreEqual("nil", T(""));
        Assert.AreEqual("nil", T("1e400"));
        Assert.AreEqual("-inf", T("-1e400"));
        Assert.AreEqual("0.5", T(".5"));
        Assert.AreEqual("5", T("5."));
        Assert.AreEqual("3", T("+3"));
        Assert.AreEqual("nil", T("infinity"));
        Assert.AreEqual("-inf", T("-Infinity"));
        Assert.AreEqual("0.25", T("0x1p-2"));
        Assert.AreEqual("nil", T("1e"));
        Assert.AreEqual("nan", T("nan(123)"));
        Assert.AreEqual("nil", T("abc"));
        Assert.AreEqual("nil", T("."));
        Assert.AreEqual("-12.5", T("\t-1.25e1"));
        Assert.AreEqual("nil", T("0x"));
        Assert.AreEqual("nil", T("0xg"));
        Assert.AreEqual("255.5", T("0xff.8"));
        AssertError(FailsAction(() => Operators.ToNumber(N(1))), ErrorKind.Type,
            "Function toNumber expected 1 argument\n  -> value (String) was of type Number\n");
    }

    [TestMethod]
    public void ToStrTypeIsNil()
    {
        Assert.AreEqual("[1 \"a\" nil]", Show(Operators.ToStr(L(N(1), S("a"), Value.Nil))));
        Assert.AreEqual("1.5", Show(Operators.ToStr(N(1.50))));
        Assert.AreEqual(ValueKind.String, Operators.ToStr(N(1)).Kind);
        Assert.AreEqual("Number", Show(Operators.Type(N(1))));
        Assert.AreEqual("String", Show(Operators.Type(S(""))));
        Assert.AreEqual("List", Show(Operators.Type(L())));
        Assert.AreEqual("Nil", Show(Operators.Type(Value.Nil)));
        Assert.AreEqual("Bool", Show(Operators.Type(Value.True)));
        Assert.AreEqual("Bool", Show(Operators.Type(Value.False)));
        Assert.AreEqual("CProc", Show(Operators.Type(BuiltinTable.All[BuiltinTable.IndexOf("print")].Value)));
        Assert.AreEqual("Function", Show(Operators.Type(new Value(new FunctionProto(1, 0, 0)))));
        Assert.AreEqual("Undefined", Show(Operators.Type(Value.Undefined)));
        Assert.AreEqual(ValueKind.True, Operators.IsNil(Value.Nil).Kind);
        Assert.AreEqual(ValueKind.False, Operators.IsNil(L()).Kind);
    }

    [TestMethod]
    public void HasField()
    {
        var closure = new Value(new Closure(new FunctionProto(1, 0, 0), new ClosureEnv([7], ["a"], [N(1)])));
        Assert.AreEqual(ValueKind.True, Operators.HasField(closure, S("a")).Kind);
        Assert.AreEqual(ValueKind.False, Operators.HasField(closure, S("b")).Kind);
        Assert.AreEqual("Closure", Show(Operators.Type(closure)));
        AssertError(FailsAction(() => Operators.HasField(N(1), S("a"))), ErrorKind.Type,
            "Function hasField expected 2 arguments\n  -> closure (Closure) was of type Number\n  -> field (String) \n");
    }
}
