using Ark.Vm.Builtins;
using Ark.Vm.Errors;
using Ark.Vm.Values;
using static Ark.Tests.Builtins.Harness;

namespace Ark.Tests.Builtins;

[TestClass]
public sealed class ListBuiltinsTests
{
    private readonly Harness _h = new();

    [TestMethod]
    public void ReverseReturnsNewList()
    {
        var list = L(N(1), N(2), N(3));
        Assert.AreEqual("[3 2 1]", Show(_h.Call(ListBuiltins.Reverse, list)));
        Assert.AreEqual("[1 2 3]", Show(list));
        Assert.AreEqual("[]", Show(_h.Call(ListBuiltins.Reverse, L())));
        AssertError(Fails(() => _h.Call(ListBuiltins.Reverse, N(1))), ErrorKind.Type,
            "Function list:reverse expected 1 argument\n  -> list (List) was of type Number\n");
    }

    [TestMethod]
    public void FindUsesEquality()
    {
        Assert.AreEqual(1.0, _h.Call(ListBuiltins.Find, L(N(1), L(N(2))), L(N(2))).Num);
        Assert.AreEqual(0.0, _h.Call(ListBuiltins.Find, L(N(1), N(1)), N(1)).Num);
        Assert.AreEqual(-1.0, _h.Call(ListBuiltins.Find, L(N(1)), S("1")).Num);
        AssertError(Fails(() => _h.Call(ListBuiltins.Find, L())), ErrorKind.Type,
            "Function list:find expected 2 arguments but got 1\n  -> list (List) \n  -> value (any) was not provided\n");
    }

    [TestMethod]
    public void SliceAndItsErrors()
    {
        var list = L(N(1), N(2), N(3), N(4), N(5));
        Assert.AreEqual("[2 4]", Show(_h.Call(ListBuiltins.Slice, list, N(1), N(4), N(2))));
        Assert.AreEqual("[2]", Show(_h.Call(ListBuiltins.Slice, L(N(1), N(2)), N(1.9), N(2), N(1))));
        Assert.AreEqual("[]", Show(_h.Call(ListBuiltins.Slice, list, N(2), N(2), N(1))));
        AssertError(Fails(() => _h.Call(ListBuiltins.Slice, list, N(0), N(1), N(0))), ErrorKind.Runtime,
            "list:slice: step can not be null or negative");
        AssertError(Fails(() => _h.Call(ListBuiltins.Slice, L(N(1), N(2)), N(2), N(1), N(1))), ErrorKind.Runtime,
            "list:slice: start position (2) must be less or equal to the end position (1)");
        AssertError(Fails(() => _h.Call(ListBuiltins.Slice, L(N(1), N(2)), N(-1), N(1), N(1))), ErrorKind.Runtime,
            "list:slice: start index -1 can not be less than 0");
        AssertError(Fails(() => _h.Call(ListBuiltins.Slice, L(N(1), N(2)), N(0), N(3), N(1))), ErrorKind.Runtime,
            "list:slice: end index 3 out of range (length: 2)");
        AssertError(Fails(() => _h.Call(ListBuiltins.Slice, list, N(0), S("x"), N(1))), ErrorKind.Type,
            "Function list:slice expected 4 arguments\n  -> list (List) \n  -> start (Number) \n  -> end (Number) was of type String\n  -> step (Number) \n");
    }

    [TestMethod]
    public void SortOrdersKindsThenValues()
    {
        var list = L(N(3), S("a"), Value.Nil, L(N(1)), N(1));
        Assert.AreEqual("[[1] 1 3 \"a\" nil]", Show(_h.Call(ListBuiltins.Sort, list)));
        Assert.AreEqual("[3 \"a\" nil [1] 1]", Show(list));
        Assert.AreEqual("[\"a\" \"ab\" \"b\"]", Show(_h.Call(ListBuiltins.Sort, L(S("b"), S("ab"), S("a")))));
        var many = new Value[100];
        for (var i = 0; i < many.Length; i++)
            many[i] = N((i * 37) % 100);
        var sorted = _h.Call(ListBuiltins.Sort, L(many)).AsList.Items;
        for (var i = 0; i < sorted.Length; i++)
            Assert.AreEqual(i, sorted[i].Num);
        AssertError(Fails(() => _h.Call(ListBuiltins.Sort, S("x"))), ErrorKind.Type,
            "Function list:sort expected 1 argument\n  -> list (List) was of type String\n");
    }

    [TestMethod]
    public void FillTruncatesCount()
    {
        Assert.AreEqual("[1 1]", Show(_h.Call(ListBuiltins.Fill, N(2.7), N(1))));
        Assert.AreEqual("[nil nil nil nil]", Show(_h.Call(ListBuiltins.Fill, N(4), Value.Nil)));
        Assert.AreEqual("[]", Show(_h.Call(ListBuiltins.Fill, N(0), N(1))));
        AssertError(Fails(() => _h.Call(ListBuiltins.Fill, S("a"), N(1))), ErrorKind.Type,
            "Function list:fill expected 2 arguments\n  -> size (Number) was of type String\n  -> value (any) \n");
    }

    [TestMethod]
    public void SetAtCopies()
    {
        var list = L(N(1), N(2), N(3));
        Assert.AreEqual("[5 2 3]", Show(_h.Call(ListBuiltins.SetAt, list, N(0), N(5))));
        Assert.AreEqual("[1 2 3]", Show(list));
        AssertError(Fails(() => _h.Call(ListBuiltins.SetAt, list, N(3), N(5))), ErrorKind.Index,
            "IndexError: list:setAt: index 3 out of range (length: 3)");
        AssertError(Fails(() => _h.Call(ListBuiltins.SetAt, list, N(0))), ErrorKind.Type,
            "Function list:setAt expected 3 arguments but got 2\n  -> list (List) \n  -> index (Number) \n  -> value (any) was not provided\n");
    }
}
