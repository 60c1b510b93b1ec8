using Ark.Vm.Builtins;
using Ark.Vm.Errors;
using Ark.Vm.Values;
using static Ark.Tests.Builtins.Harness;

namespace Ark.Tests.Builtins;

[TestClass]
public sealed class ListInstructionTests
{
    [TestMethod]
    public void MakeAppendConcatPop()
    {
        Assert.AreEqual("[1 \"a\"]", Show(Operators.MakeList([N(1), S("a")])));
        var a = L(N(1));
        Assert.AreEqual("[1 2 3]", Show(Operators.Append(a, [N(2), N(3)])));
        Assert.AreEqual("[1 2 3 4]", Show(Operators.Concat(a, [L(N(2)), L(N(3), N(4))])));
        Assert.AreEqual("[1]", Show(Operators.Concat(a, [])));
        Assert.AreEqual("[1]", Show(a));
        Assert.AreEqual("[2 3]", Show(Operators.Pop(L(N(1), N(2), N(3)), N(0))));
        Assert.AreEqual("[2]", Show(Operators.Pop(L(N(1), N(2)), N(-2))));
        var b = L(N(1), N(2));
        Operators.Pop(b, N(1));
        Assert.AreEqual("[1 2]", Show(b));
    }

    [TestMethod]
    public void Errors()
    {
        AssertError(FailsAction(() => Operators.Append(N(1), [N(2)])), ErrorKind.Type,
            "Function append expected 1 argument\n  -> list (List) was of type Number\n");
        AssertError(FailsAction(() => Operators.Concat(L(N(1)), [N(2)])), ErrorKind.Type,
            "Function concat expected 2 arguments\n  -> dst (List) \n  -> src (List) was of type Number\n");
        AssertError(FailsAction(() => Operators.Concat(N(1), [L()])), ErrorKind.Type,
            "Function concat expected 1 argument\n  -> list (List) was of type Number\n");
        AssertError(FailsAction(() => Operators.Pop(N(1), N(2))), ErrorKind.Type,
            "Function pop expected 2 arguments\n  -> list (List) was of type Number\n  -> index (Number) \n");
        AssertError(FailsAction(() => Operators.Pop(L(N(1), N(2)), N(2))), ErrorKind.Index,
            "IndexError: pop index (2) out of range (list size: 2)");
        AssertError(FailsAction(() => Operators.Pop(L(N(1), N(2)), N(-3))), ErrorKind.Index,
            "IndexError: pop index (-1) out of range (list size: 2)");
        var n = N(1);
        AssertError(FailsAction(() => Operators.AppendInPlace(ref n, [N(2)])), ErrorKind.Type,
            "Function append! expected 1 argument\n  -> list (List) was of type Number\n");
        AssertError(FailsAction(() => Operators.ConcatInPlace(ref n, [L()])), ErrorKind.Type,
            "Function concat expected 1 argument\n  -> list (List) was of type Number\n");
        var l = L(N(1));
        AssertError(FailsAction(() => Operators.ConcatInPlace(ref l, [N(2)])), ErrorKind.Type,
            "Function concat! expected 2 arguments\n  -> dst (List) \n  -> src (List) was of type Number\n");
        AssertError(FailsAction(() => Operators.PopInPlace(ref l, N(5))), ErrorKind.Index,
            "IndexError: pop! index (5) out of range (list size: 1)");
        AssertError(FailsAction(() => Operators.PopInPlace(ref l, S("a"))), ErrorKind.Type,
            "Function pop! expected 2 arguments\n  -> list (List) \n  -> index (Number) was of type String\n");
    }

    [TestMethod]
    public void InPlaceMutatesUnsharedListWithoutCopying()
    {
        var slot = new Value(new ArkList());
        var list = slot.AsList;
        for (var i = 0; i < 1000; i++)
            Operators.AppendInPlace(ref slot, [N(i)]);
        Assert.AreSame(list, slot.Obj);
        Assert.AreEqual(1000, list.Count);
        Operators.ConcatInPlace(ref slot, [L(N(-1), N(-2))]);
        Operators.PopInPlace(ref slot, N(-1));
        Operators.PopInPlace(ref slot, N(0));
        Assert.AreSame(list, slot.Obj);
        Assert.AreEqual(1000, list.Count);
        Assert.AreEqual(1.0, list[0].Num);
        Assert.AreEqual(-1.0, list[999].Num);
    }

    [TestMethod]
    public void InPlaceCopiesSharedList()
    {
        var a = L(N(1), N(2));
        a.MarkShared();
        var b = a; // (mut b a)
        Operators.AppendInPlace(ref b, [N(3)]);
        Assert.AreEqual("[1 2]", Show(a));
        Assert.AreEqual("[1 2 3]", Show(b));
        Assert.AreNotSame(a.Obj, b.Obj);

        var c = a;
        Operators.ConcatInPlace(ref c, [L(N(9))]);
        Assert.AreEqual("[1 2]", Show(a));
        Assert.AreEqual("[1 2 9]", Show(c));

        var d = a;
        Operators.PopInPlace(ref d, N(0));
        Assert.AreEqual("[1 2]", Show(a));
        Assert.AreEqual("[2]", Show(d));
    }

    [TestMethod]
    public void AppendingAListToItselfNestsASnapshot()
    {
        var a = L(N(1));
        Operators.AppendInPlace(ref a, [a]);
        Assert.AreEqual("[1 [1]]", Show(a));
        Operators.AppendInPlace(ref a, [N(2)]);
        Assert.AreEqual("[1 [1] 2]", Show(a));
        var c = L(N(1), N(2));
        Operators.ConcatInPlace(ref c, [c, c]);
        Assert.AreEqual("[1 2 1 2 1 2]", Show(c));
    }

    [TestMethod]
    public void ValuesStoredInAListBecomeShared()
    {
        var inner = L(N(1));
        var outer = Operators.MakeList([inner]);
        Assert.IsTrue(inner.AsList.IsShared);
        var held = outer.AsList[0];
        Operators.AppendInPlace(ref held, [N(2)]);
        Assert.AreEqual("[[1]]", Show(outer));
    }
}
